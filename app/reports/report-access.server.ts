import type { DB } from "#db/database";
import { recordAudit } from "~/audit/audit-log.server";
import { mayReadReport, type CurrentUser } from "~/auth/guards.server";
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
  return {
    status: "ready",
    as: access.as,
    content: JSON.parse(report.content) as ReportContent,
    releasedAt: report.released_at,
  };
}
