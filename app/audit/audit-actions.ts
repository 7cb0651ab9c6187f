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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}
