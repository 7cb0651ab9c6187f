import type { Relationship } from "#db/schema";

// Who HR may add as a late rater for a participant, as pure rules over what is there.

/** The groups a late rater can join: the manager and self come automatically, never by hand. */
export type LateRaterGroup = Extract<Relationship, "colleague" | "customer" | "report">;

export const LATE_RATER_GROUPS: readonly LateRaterGroup[] = ["colleague", "customer", "report"];

/** The groups this cycle offers: "report" only when the cycle has a direct-reports group. */
export function lateRaterGroups(includeReportsGroup: boolean): LateRaterGroup[] {
  return LATE_RATER_GROUPS.filter((group) => group !== "report" || includeReportsGroup);
}

export type LateRaterRefusal =
  /** The participant themself: the self-assessment exists already. */
  | "self"
  /** This address already has an invitation for this participant that is not revoked. */
  | "duplicate"
  /** The cycle has no such group. */
  | "group_closed";

export interface LateRaterCase {
  participant: { personId: string; email: string };
  rater: { personId: string | null; email: string };
  group: LateRaterGroup;
  groups: readonly LateRaterGroup[];
  /** The participant's invitations so far. */
  existing: readonly { raterPersonId: string | null; raterEmail: string; revoked: boolean }[];
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function sameRater(
  a: { personId: string | null; email: string },
  b: { personId: string | null; email: string },
): boolean {
  return (a.personId !== null && a.personId === b.personId) || sameAddress(a.email, b.email);
}

/**
 * Null when the rater may be added, else why not. A revoked invitation does not block a new
 * one (the rater may come back, with a new link).
 */
export function judgeLateRater(input: LateRaterCase): LateRaterRefusal | null {
  if (sameRater(input.rater, input.participant)) return "self";
  if (!input.groups.includes(input.group)) return "group_closed";
  const duplicate = input.existing.some(
    (invitation) =>
      !invitation.revoked &&
      sameRater(input.rater, { personId: invitation.raterPersonId, email: invitation.raterEmail }),
  );
  return duplicate ? "duplicate" : null;
}
