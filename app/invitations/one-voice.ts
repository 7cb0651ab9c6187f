import type { Relationship } from "#db/schema";
import { raterAddressKey } from "./rater-address";

// One voice per rater (docs/anonymity.md, rule 5): a person, or for someone outside the directory an
// e-mail address, gets at most one invitation per participant per round, whatever became of
// it (open, declined, answered, withdrawn). A rater who answered, was withdrawn and was then
// invited again would answer twice and count as two raters: with that, "all others" can be
// one person's ratings. Every way to an invitation (the launch, a late rater, nominations)
// asks these rules. An address is compared by raterAddressKey (case, spaces and a "+tag"
// aside), and an address that belongs to someone in the directory, also someone who has left,
// is resolved to that person first (rater-address.server.ts), so an alias or a new address is
// no second voice. The database's unique indexes (migration 0006) compare the person and
// lower(trim(address)) only: they stop two requests that race with the very same rater; the
// rule is this module's, checked before anything is written.

/** Who a rater is: their person in the directory (if any) and the address they are mailed at. */
export interface RaterIdentity {
  personId: string | null;
  email: string;
}

/** The same rater: the same person, or the same mailbox (raterAddressKey). */
export function isSameRater(a: RaterIdentity, b: RaterIdentity): boolean {
  if (a.personId !== null && a.personId === b.personId) return true;
  return raterAddressKey(a.email) === raterAddressKey(b.email);
}

export type VoiceRefusal =
  /** The participant themself, in any group but "self": nobody rates themself as someone else. */
  | "self"
  /** A self-assessment by anyone but the participant. */
  | "not_self"
  /** The rater has (or had) an invitation for this participant in this round already. */
  | "already_invited";

export interface VoiceCase {
  participant: { personId: string; email: string };
  rater: RaterIdentity;
  relationship: Relationship;
  /** Every invitation of the participant in this round so far, in any state, withdrawn too. */
  invited: readonly RaterIdentity[];
}

/** Null when the rater may be invited for the participant, else why not. */
export function judgeVoice(input: VoiceCase): VoiceRefusal | null {
  const isParticipant = isSameRater(input.rater, input.participant);
  if (input.relationship === "self" ? !isParticipant : isParticipant) {
    return isParticipant ? "self" : "not_self";
  }
  return input.invited.some((earlier) => isSameRater(earlier, input.rater))
    ? "already_invited"
    : null;
}

/** A planned invitation, as far as the rule needs it. */
export interface PlannedVoice {
  participantId: string;
  relationship: Relationship;
  raterPersonId: string | null;
  raterEmail: string;
}

/** A participant's identity and the raters already invited for them (any state). */
export interface ParticipantVoices {
  participant: { personId: string; email: string };
  invited: readonly RaterIdentity[];
}

/**
 * Splits planned invitations, in order, into those that keep one voice per rater (against
 * what exists and against the plans accepted before them) and those that would not.
 * A plan for a participant missing from `voices` is refused: there is nobody to check it
 * against, so it is never let through.
 */
export function keepOneVoice<T extends PlannedVoice>(
  plans: readonly T[],
  voices: ReadonlyMap<string, ParticipantVoices>,
): { accepted: T[]; refused: { plan: T; reason: VoiceRefusal | "unknown_participant" }[] } {
  const invitedSoFar = new Map<string, RaterIdentity[]>();
  const accepted: T[] = [];
  const refused: { plan: T; reason: VoiceRefusal | "unknown_participant" }[] = [];
  for (const plan of plans) {
    const known = voices.get(plan.participantId);
    if (!known) {
      refused.push({ plan, reason: "unknown_participant" });
      continue;
    }
    const invited = invitedSoFar.get(plan.participantId) ?? [...known.invited];
    const rater = { personId: plan.raterPersonId, email: plan.raterEmail };
    const reason = judgeVoice({
      participant: known.participant,
      rater,
      relationship: plan.relationship,
      invited,
    });
    if (reason) {
      refused.push({ plan, reason });
      continue;
    }
    invited.push(rater);
    invitedSoFar.set(plan.participantId, invited);
    accepted.push(plan);
  }
  return { accepted, refused };
}
