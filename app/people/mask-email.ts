/**
 * An address as the audit log keeps it: the first character of the local part and the
 * whole domain ("j***@gemeente.nl"). Enough for HR and a privacy officer to tell which
 * change was made, not enough to read anyone's address out of the log.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
