import type { Relationship } from "#db/schema";
import { judgeVoice, type RaterIdentity } from "./one-voice";

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
  /**
   * This rater (person or address) has or had an invitation for this participant in this
   * round, in any state: withdrawn, declined and answered ones too (one voice per rater).
   */
  | "duplicate"
  /** The cycle has no such group. */
  | "group_closed";

export interface LateRaterCase {
  participant: { personId: string; email: string };
  rater: RaterIdentity;
  group: LateRaterGroup;
  groups: readonly LateRaterGroup[];
  /** The raters of all of the participant's invitations so far, withdrawn ones included. */
  existing: readonly RaterIdentity[];
}

/**
 * Null when the rater may be added, else why not. A withdrawn invitation blocks a new one
 * like any other: someone who answered and was withdrawn would otherwise answer twice.
 */
export function judgeLateRater(input: LateRaterCase): LateRaterRefusal | null {
  const voice = judgeVoice({
    participant: input.participant,
    rater: input.rater,
    relationship: input.group,
    invited: input.existing,
  });
  if (voice === "self") return "self";
  if (!input.groups.includes(input.group)) return "group_closed";
  return voice === null ? null : "duplicate";
}
