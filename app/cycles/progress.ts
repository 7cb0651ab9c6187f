import type { InvitationStatus, Relationship } from "#db/schema";

/** What an invitation contributes to the progress counts: its state, never its rater. */
export interface InvitationFacts {
  relationship: Relationship;
  status: InvitationStatus;
  /** When it was created and, if so, withdrawn or declined: how many a group had at each moment. */
  createdAt: string;
  revokedAt: string | null;
  declinedAt: string | null;
}

/** A group's exact counts. Server-side only: what a viewer sees is GroupProgress. */
export interface GroupCounts {
  relationship: Relationship;
  invited: number;
  answered: number;
  declined: number;
  revoked: number;
  /** Answers that are still possible at most: invited − declined − revoked. */
  possible: number;
  /**
   * The fewest invitations the group held that were not withdrawn, at any moment since its
   * first one: 1 means that for a while at least, a change of its counts was one person's.
   */
  fewestActive: number;
}

/**
 * "answered + possible" is how far a group can still get. Whether HR withdraws an
 * invitation that was answered or one that was not, every count here changes the same way
 * (revoked +1, possible −1, answered unchanged), so withdrawing never tells HR who answered.
 * That is why there is no "still open" count: it would move only for unanswered invitations.
 */
export function countGroups(invitations: readonly InvitationFacts[]): GroupCounts[] {
  const byGroup = new Map<Relationship, InvitationFacts[]>();
  for (const invitation of invitations) {
    const list = byGroup.get(invitation.relationship) ?? [];
    list.push(invitation);
    byGroup.set(invitation.relationship, list);
  }
  return RELATIONSHIP_ORDER.flatMap((relationship) => {
    const group = byGroup.get(relationship);
    if (!group) return [];
    const invited = group.length;
    const answered = group.filter((invitation) => invitation.status === "submitted").length;
    const declined = group.filter((invitation) => invitation.status === "declined").length;
    const revoked = group.filter((invitation) => invitation.revokedAt !== null).length;
    return [
      {
        relationship,
        invited,
        answered,
        declined,
        revoked,
        possible: Math.max(0, invited - declined - revoked),
        fewestActive: fewestActive(group),
      },
    ];
  });
}

/**
 * The fewest invitations still able to answer (not withdrawn, not declined) at any moment from
 * the group's first invitation on. A decline counts like a withdrawal: in a group of two where
 * one declined, every later change of the counts is the other person's. Invitations created
 * together (the launch) count together; a withdrawal at the same moment as an addition counts
 * first, so the dip between them is not missed.
 */
export function fewestActive(
  invitations: readonly Pick<InvitationFacts, "createdAt" | "revokedAt" | "declinedAt">[],
): number {
  const changes = new Map<string, { added: number; withdrawn: number }>();
  const at = (moment: string) => {
    let change = changes.get(moment);
    if (!change) {
      change = { added: 0, withdrawn: 0 };
      changes.set(moment, change);
    }
    return change;
  };
  for (const invitation of invitations) {
    at(invitation.createdAt).added += 1;
    const left = [invitation.revokedAt, invitation.declinedAt]
      .filter((moment) => moment !== null)
      .sort()[0];
    if (left !== undefined) at(left).withdrawn += 1;
  }
  let active = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (const moment of [...changes.keys()].sort()) {
    const change = changes.get(moment)!;
    if (active > 0) fewest = Math.min(fewest, active - change.withdrawn);
    active += change.added - change.withdrawn;
    fewest = Math.min(fewest, active);
  }
  return Number.isFinite(fewest) ? Math.max(0, fewest) : 0;
}

/**
 * What a viewer (HR, the participant) is shown of one group's progress while a round runs.
 * A group of one, or one that was of one at some moment (one invitee, or all but one
 * withdrawn), is shown without its answered and declined counts until the round closes:
 * every change of those counts would be that one person answering or declining, and when.
 * Such a group is not pooled with another either: pooling a group that grows or shrinks by
 * HR's hand (a late rater, a withdrawal) would show the one person's state at that moment.
 */
export type GroupProgress =
  | {
      relationship: Relationship;
      shown: true;
      invited: number;
      answered: number;
      declined: number;
      revoked: number;
    }
  | {
      relationship: Relationship;
      shown: false;
      /** Who is invited and who was withdrawn is known to whoever sees this anyway. */
      invited: number;
      revoked: number;
    };

/**
 * The groups as shown: all of them once the round no longer runs (`live` false); while it
 * runs, groups of one (see GroupProgress) without their answers. Self is not a rater whose
 * anonymity is at stake (and HR reminds the participant of it), so it is always shown.
 */
export function discloseGroups(groups: readonly GroupCounts[], live: boolean): GroupProgress[] {
  return groups.map((group): GroupProgress => {
    if (live && group.relationship !== "self" && group.fewestActive <= 1) {
      return {
        relationship: group.relationship,
        shown: false,
        invited: group.invited,
        revoked: group.revoked,
      };
    }
    return {
      relationship: group.relationship,
      shown: true,
      invited: group.invited,
      answered: group.answered,
      declined: group.declined,
      revoked: group.revoked,
    };
  });
}

/** Whether any group is held back (the page then says why). */
export function hasWithheldGroups(groups: readonly { shown: boolean }[]): boolean {
  return groups.some((group) => !group.shown);
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

export function thresholdOutlook(groups: readonly GroupProgress[], k: number): ThresholdOutlook {
  const { answered, possible } = othersProgress(groups);
  if (answered >= k) return "enough";
  if (possible < k) return "at_risk";
  return "waiting";
}

/**
 * Answers of everyone but self so far, and at most still possible, from what is shown:
 * a withheld group's invitations that are not withdrawn count as still possible whatever
 * became of them, so neither figure (nor the outlook) moves when that one person acts.
 */
export function othersProgress(groups: readonly GroupProgress[]): {
  answered: number;
  possible: number;
} {
  let answered = 0;
  let possible = 0;
  for (const group of groups) {
    if (group.relationship === "self") continue;
    if (group.shown) {
      answered += group.answered;
      possible += Math.max(0, group.invited - group.declined - group.revoked);
    } else {
      possible += group.invited - group.revoked;
    }
  }
  return { answered, possible };
}

/**
 * Overall response rate over the groups shown (self included): answered / (invited −
 * revoked). Withheld groups are left out of both, so a total never gives away what a
 * withheld group hides.
 */
export function responseRate(groups: readonly GroupProgress[]): {
  answered: number;
  invited: number;
} {
  return groups.reduce(
    (total, group) =>
      group.shown
        ? {
            answered: total.answered + group.answered,
            invited: total.invited + group.invited - group.revoked,
          }
        : total,
    { answered: 0, invited: 0 },
  );
}
