import { inTransaction } from "#db/transaction";
import type { DB } from "#db/database";
import { recordAudit } from "~/audit/audit-log.server";
import { mayReadReport, type CurrentUser } from "~/auth/guards.server";
import { sharingWouldExposeColleague } from "~/team-profiles/sharing-guard.server";
import { dayInOrganisation } from "~/utils/dates";
import { normWithheldFor } from "./norm-knowledge";
import { REPORT_FORMAT_VERSION, type ReportContent } from "./report-content";
import { buildReportPageView, type ReportPageView } from "./report-view";
import { fullNameOrNull } from "~/people/full-name";

export type ReportView =
  { status: "ready"; view: ReportPageView } | { status: "not_released"; cycleName: string };

/**
 * The report as the signed-in person may see it, or null (answer 404): the participant's
 * own after release, "not yet" before; a lead's view of a shared report is written to the
 * audit log. Built from the stored report for this viewer only (app/reports/report-view.ts):
 * the participant's without the lead view, the manager's from the lead view alone. Never
 * recomputed here.
 */
export async function loadReportView(
  db: DB,
  user: CurrentUser,
  participantId: string,
  options: { normChosen: boolean },
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
    .innerJoin("participant", "participant.id", "report.participant_id")
    .select([
      "report.content",
      "report.format_version",
      "cycle.released_at",
      "participant.person_id",
    ])
    .where("report.participant_id", "=", participantId)
    .executeTakeFirst();
  if (!report || report.format_version !== REPORT_FORMAT_VERSION) return null;
  const stored = JSON.parse(report.content) as ReportContent;
  // The manager reads the version without their own answers, norm and trend: none, none.
  if (access.as === "lead" && !stored.leadView) return null;
  if (access.as === "lead") {
    await recordAudit(db, {
      organisationId: user.organisationId,
      actorPersonId: user.id,
      action: "report_viewed_by_lead",
      subjectType: "person",
      subjectId: report.person_id,
      details: { participantId },
    });
  }
  const view = buildReportPageView({
    stored,
    as: access.as,
    releasedOn: report.released_at ? dayInOrganisation(new Date(report.released_at)) : null,
    normWithheld:
      access.as === "participant"
        ? (stored.normWithheld ?? (await normWithheldWhenRead(db, participantId, stored)))
        : [],
    normChosen: options.normChosen,
  });
  return view ? { status: "ready", view } : null;
}

/**
 * For a report released before the norm took the viewer's own ratings into account: the same
 * rule (app/reports/norm-knowledge.ts), from the stored reports of the participants this
 * person rated in that round. Both are frozen since the release.
 */
async function normWithheldWhenRead(
  db: DB,
  participantId: string,
  stored: ReportContent,
): Promise<string[]> {
  if (!stored.norm) return [];
  const rated = await db
    .selectFrom("participant as own")
    .innerJoin("invitation", (join) =>
      join
        .onRef("invitation.cycle_id", "=", "own.cycle_id")
        .onRef("invitation.rater_person_id", "=", "own.person_id"),
    )
    .innerJoin("report", "report.participant_id", "invitation.participant_id")
    .select(["report.content", "report.format_version"])
    .where("own.id", "=", participantId)
    .where("invitation.status", "=", "submitted")
    .where("invitation.participant_id", "!=", participantId)
    .execute();
  return normWithheldFor({
    norm: stored.norm,
    k: stored.settings.k,
    own: stored,
    // A report of another format cannot be read here: it counts as known.
    rated: rated.map((row) =>
      row.format_version === REPORT_FORMAT_VERSION
        ? (JSON.parse(row.content) as ReportContent)
        : null,
    ),
  });
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
    managerName: fullNameOrNull(row),
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
  return inTransaction(db, async (trx) => {
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
