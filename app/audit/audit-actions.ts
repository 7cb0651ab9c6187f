/** Everything the audit log records. Administrative actions of later features add theirs here. */
export const AUDIT_ACTIONS = [
  "sign_in",
  "sign_out",
  "sign_out_everywhere",
  "sign_in_code_failed",
  "sign_in_code_burnt",
  "report_viewed_by_lead",
  "report_shared_with_lead",
  "report_unshared_with_lead",
  // People and teams
  "people_imported",
  "person_created",
  "person_updated",
  "person_deactivated",
  "person_reactivated",
  "person_address_change_requested",
  "person_address_changed",
  "person_address_change_withdrawn",
  "team_created",
  "team_updated",
  // Rounds
  "cycle_created",
  "cycle_updated",
  "cycle_participants_added",
  "cycle_participant_removed",
  "cycle_participant_profile_changed",
  // The profile library
  "profile_created",
  "profile_version_saved",
  "profile_retired",
  "profile_reinstated",
  "cycle_nominating_started",
  "cycle_collecting_started",
  "cycle_closed",
  "cycle_released",
  "cycle_progress_exported",
  // Nominations and invitations
  "nominations_submitted",
  "nomination_added",
  "nomination_removed",
  "nominations_approved",
  "invitation_revoked",
  "invitation_added",
  "reminders_sent",
  // Team profiles (views are logged: they are report views)
  "team_profile_viewed",
  "team_profile_exported",
  "team_comparison_viewed",
  "team_comparison_exported",
  "team_member_results_viewed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}
