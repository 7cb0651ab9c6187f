import type { InvitationStatus, Relationship } from "#db/schema";

/** What an invitation contributes to the progress counts: its state, never its rater. */
export interface InvitationFacts {
  relationship: Relationship;
  status: InvitationStatus;
  revoked: boolean;
}

export interface GroupCounts {
  relationship: Relationship;
  invited: number;
  answered: number;
  declined: number;
  revoked: number;
  /** Answers that are still possible at most: invited − declined − revoked. */
  possible: number;
}

/**
 * "answered + possible" is how far a group can still get. Whether HR withdraws an
 * invitation that was answered or one that was not, every count here changes the same way
 * (revoked +1, possible −1, answered unchanged), so withdrawing never tells HR who answered.
 * That is why there is no "still open" count: it would move only for unanswered invitations.
 */
export function countGroups(invitations: readonly InvitationFacts[]): GroupCounts[] {
  const byGroup = new Map<Relationship, GroupCounts>();
  for (const invitation of invitations) {
    let counts = byGroup.get(invitation.relationship);
    if (!counts) {
      counts = {
        relationship: invitation.relationship,
        invited: 0,
        answered: 0,
        declined: 0,
        revoked: 0,
        possible: 0,
      };
      byGroup.set(invitation.relationship, counts);
    }
    counts.invited += 1;
    if (invitation.status === "submitted") counts.answered += 1;
    if (invitation.status === "declined") counts.declined += 1;
    if (invitation.revoked) counts.revoked += 1;
  }
  for (const counts of byGroup.values()) {
    counts.possible = Math.max(0, counts.invited - counts.declined - counts.revoked);
  }
  return RELATIONSHIP_ORDER.flatMap((relationship) => byGroup.get(relationship) ?? []);
}

export const RELATIONSHIP_ORDER: readonly Relationship[] = [
  "self",
  "manager",
  "colleague",
  "customer",
  "report",
];

/**
 * How a participant stands against the threshold k, over everyone but self (the "all
 * others" figure that every report needs):
 * - enough: at least k others answered;
 * - waiting: fewer than k answered so far, but k can still be reached;
 * - at_risk: even if every remaining rater answers, fewer than k others will have answered.
 */
export type ThresholdOutlook = "enough" | "waiting" | "at_risk";

export function thresholdOutlook(groups: readonly GroupCounts[], k: number): ThresholdOutlook {
  const others = groups.filter((group) => group.relationship !== "self");
  const answered = others.reduce((sum, group) => sum + group.answered, 0);
  const possible = others.reduce((sum, group) => sum + group.possible, 0);
  if (answered >= k) return "enough";
  if (possible < k) return "at_risk";
  return "waiting";
}

/** Overall response rate over everyone invited (self included): answered / (invited − revoked). */
export function responseRate(groups: readonly GroupCounts[]): {
  answered: number;
  invited: number;
} {
  return groups.reduce(
    (total, group) => ({
      answered: total.answered + group.answered,
      invited: total.invited + group.invited - group.revoked,
    }),
    { answered: 0, invited: 0 },
  );
}
