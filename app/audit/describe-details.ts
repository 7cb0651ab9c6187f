import type { Translate } from "~/i18n/messages";
import type { AuditLogRow } from "./audit-log.server";

/** The "details" column of the audit log page: who or what the entry was about, in words. */
export function describeDetails(row: AuditLogRow, t: Translate): string {
  const details = row.details ?? {};
  const parts: string[] = [];
  if (row.subjectName) parts.push(t("audit.subjectPerson", { name: row.subjectName }));
  if (row.subjectTeamName) parts.push(t("audit.subjectTeam", { name: row.subjectTeamName }));
  if (Array.isArray(details.teamIds) && !row.subjectTeamName) {
    parts.push(t("audit.teams", { count: details.teamIds.length }));
  }
  if (Array.isArray(details.participantIds)) {
    parts.push(t("audit.members", { count: details.participantIds.length }));
  }
  // Raters added (a late rater, the lead's addition) or invited by an approval, by name.
  if (typeof details.raterName === "string") {
    parts.push(t("audit.rater", { name: details.raterName }));
  }
  if (Array.isArray(details.raters)) {
    parts.push(t("audit.raters", { names: details.raters.join(", ") }));
  }
  const method = details.method;
  if (method === "link" || method === "code" || method === "demo") {
    parts.push(t(`audit.method.${method}`));
  }
  if (typeof details.attempt === "number")
    parts.push(t("audit.attempt", { attempt: details.attempt }));
  // An address change: both addresses masked (app/people/mask-email.ts).
  if (typeof details.from === "string" && typeof details.to === "string") {
    parts.push(t("audit.addressChange", { from: details.from, to: details.to }));
  }
  if (typeof details.sessions === "number") {
    parts.push(t("audit.sessionsEnded", { count: details.sessions }));
  }
  return parts.join(", ");
}
