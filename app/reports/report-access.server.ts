import type { DB } from "#db/database";
import { recordAudit } from "~/audit/audit-log.server";
import { mayReadReport, type CurrentUser } from "~/auth/guards.server";
import { sharingWouldExposeColleague } from "~/team-profiles/sharing-guard.server";
import { REPORT_FORMAT_VERSION, type ReportContent } from "./report-content";

export type ReportView =
  | {
      status: "ready";
      as: "participant" | "lead";
      content: ReportContent;
      releasedAt: string | null;
    }
  | { status: "not_released"; cycleName: string };

/**
 * The stored report as the signed-in person may see it, or null (answer 404): the
 * participant's own after release, "not yet" before; a lead's view of a shared report is
 * written to the audit log. Never recomputed here.
 */
export async function loadReportView(
  db: DB,
  user: CurrentUser,
  participantId: string,
): Promise<ReportView | null> {
  const access = await mayReadReport(db, user, participantId);
  if (!access.allowed) {
    const own = await db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["cycle.name", "cycle.status", "cycle.organisation_id"])
      .where("participant.id", "=", participantId)
      .where("participant.person_id", "=", user.id)
      .executeTakeFirst();
    if (own && own.organisation_id === user.organisationId && own.status !== "released") {
      return { status: "not_released", cycleName: own.name };
    }
    return null;
  }
  const report = await db
    .selectFrom("report")
    .innerJoin("cycle", "cycle.id", "report.cycle_id")
    .select(["report.content", "report.format_version", "cycle.released_at"])
    .where("report.participant_id", "=", participantId)
    .executeTakeFirst();
  if (!report || report.format_version !== REPORT_FORMAT_VERSION) return null;
  if (access.as === "lead" && !(JSON.parse(report.content) as ReportContent).leadView) return null;
  if (access.as === "lead") {
    const participant = await db
      .selectFrom("participant")
      .select("person_id")
      .where("id", "=", participantId)
      .executeTakeFirstOrThrow();
    await recordAudit(db, {
      organisationId: user.organisationId,
      actorPersonId: user.id,
      action: "report_viewed_by_lead",
      subjectType: "person",
      subjectId: participant.person_id,
      details: { participantId },
    });
  }
  const stored = JSON.parse(report.content) as ReportContent;
  // The manager reads the version without their own answers, norm and trend.
  const content = access.as === "lead" ? stored.leadView : stored;
  if (!content) return null;
  return { status: "ready", as: access.as, content, releasedAt: report.released_at };
}

export interface SharingState {
  /** The cycle lets leads see member results, and the participant had a manager in it. */
  possible: boolean;
  shared: boolean;
  managerName: string | null;
  /**
   * Sharing now would let the manager work out colleagues' results from a team profile they
   * have already seen (app/team-profiles/sharing-guard.server.ts), so it is not offered.
   */
  blocked: boolean;
}

/** Whether the participant shares this report with their manager of that round. */
export async function loadSharingState(db: DB, participantId: string): Promise<SharingState> {
  const row = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .leftJoin("person as manager", "manager.id", "participant.manager_person_id")
    .select([
      "participant.shared_with_lead_at",
      "participant.manager_person_id",
      "cycle.lead_access",
      "manager.first_name",
      "manager.last_name",
    ])
    .where("participant.id", "=", participantId)
    .executeTakeFirstOrThrow();
  const possible = row.lead_access === "with_consent" && row.manager_person_id !== null;
  const shared = row.shared_with_lead_at !== null;
  return {
    possible,
    shared,
    managerName: row.first_name ? `${row.first_name} ${row.last_name}` : null,
    blocked: possible && !shared && (await sharingWouldExposeColleague(db, participantId)),
  };
}

/**
 * The participant gives or withdraws consent for their manager to read the report. Only the
 * participant, only for a released report of a cycle that allows it; logged either way.
 */
export async function setSharing(
  db: DB,
  user: CurrentUser,
  participantId: string,
  share: boolean,
  now: Date = new Date(),
): Promise<"changed" | "not_allowed" | "blocked"> {
  const access = await mayReadReport(db, user, participantId);
  if (!access.allowed || access.as !== "participant") return "not_allowed";
  // Check and change in one transaction, as the team pages read figures and log the view in
  // one: a lead's view cannot slip between the check and the share.
  return db.transaction().execute(async (trx) => {
    const state = await loadSharingState(trx, participantId);
    if (!state.possible) return "not_allowed";
    if (share && state.blocked) return "blocked";
    await trx
      .updateTable("participant")
      .set({ shared_with_lead_at: share ? now.toISOString() : null })
      .where("id", "=", participantId)
      .execute();
    await recordAudit(
      trx,
      {
        organisationId: user.organisationId,
        actorPersonId: user.id,
        action: share ? "report_shared_with_lead" : "report_unshared_with_lead",
        subjectType: "participant",
        subjectId: participantId,
      },
      now,
    );
    return "changed";
  });
}
