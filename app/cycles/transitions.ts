import type { CycleStatus } from "#db/schema";

// The status flow of a round, as data: draft → nominating → collecting → closed → released,
// and nothing else. No step leads back: a released round is final (docs/domain.md; re-opening would
// let a reader compare two versions of a report and single out the late rater).

export const CYCLE_STATUSES: readonly CycleStatus[] = [
  "draft",
  "nominating",
  "collecting",
  "closed",
  "released",
];

/** The steps, as the cycle page's buttons post them (their intents). */
export const CYCLE_TRANSITIONS = [
  "start-nominating",
  "start-collecting",
  "close",
  "release",
] as const;
export type CycleTransition = (typeof CYCLE_TRANSITIONS)[number];

/** What the page knows about a round when it decides whether a step may be taken. */
export interface TransitionFacts {
  status: CycleStatus;
  /** Today in the organisation, YYYY-MM-DD. */
  today: string;
  participants: number;
  nominationDeadline: string | null;
  answerDeadline: string | null;
  /** The round's profile is still in surveys/ (it is frozen when nominating starts). */
  profileAvailable: boolean;
  /** Participants whose nominations the lead has not approved yet. */
  unapprovedParticipants: number;
  /** The person taking the step takes part and their own nominations are not approved yet. */
  actorHasUnapprovedNominations: boolean;
}

export type RefusalReason =
  | "wrong_status"
  | "no_participants"
  | "profile_missing"
  | "nomination_deadline_missing"
  | "answer_deadline_missing"
  | "nomination_deadline_past"
  | "answer_deadline_past"
  | "own_nominations_unapproved";

/**
 * What HR must confirm explicitly before a step:
 * - approve_open_nominations: collecting starts while some nominations wait for their lead;
 *   those proposals are approved as they are;
 * - close_before_deadline: closing by hand ends answering before the deadline;
 * - release_final: release cannot be undone and reports never change afterwards.
 */
export type Confirmation = "approve_open_nominations" | "close_before_deadline" | "release_final";

interface Precondition {
  reason: RefusalReason;
  holds: (facts: TransitionFacts) => boolean;
}

interface TransitionRule {
  from: CycleStatus;
  to: CycleStatus;
  preconditions: readonly Precondition[];
  confirmation: (facts: TransitionFacts) => Confirmation | null;
}

const hasParticipants: Precondition = {
  reason: "no_participants",
  holds: (facts) => facts.participants > 0,
};
const profileAvailable: Precondition = {
  reason: "profile_missing",
  holds: (facts) => facts.profileAvailable,
};
const nominationDeadlineSet: Precondition = {
  reason: "nomination_deadline_missing",
  holds: (facts) => facts.nominationDeadline !== null,
};
const answerDeadlineSet: Precondition = {
  reason: "answer_deadline_missing",
  holds: (facts) => facts.answerDeadline !== null,
};
// A deadline day counts until its end: today itself is not past.
const nominationDeadlineNotPast: Precondition = {
  reason: "nomination_deadline_past",
  holds: (facts) => facts.nominationDeadline === null || facts.nominationDeadline >= facts.today,
};
const answerDeadlineNotPast: Precondition = {
  reason: "answer_deadline_past",
  holds: (facts) => facts.answerDeadline === null || facts.answerDeadline >= facts.today,
};

// Starting collecting approves the nominations that still wait; nobody approves their own.
const noOwnNominationsWaiting: Precondition = {
  reason: "own_nominations_unapproved",
  holds: (facts) => !facts.actorHasUnapprovedNominations,
};

export const TRANSITIONS: Record<CycleTransition, TransitionRule> = {
  "start-nominating": {
    from: "draft",
    to: "nominating",
    preconditions: [
      hasParticipants,
      profileAvailable,
      nominationDeadlineSet,
      answerDeadlineSet,
      nominationDeadlineNotPast,
      answerDeadlineNotPast,
    ],
    confirmation: () => null,
  },
  "start-collecting": {
    from: "nominating",
    to: "collecting",
    preconditions: [
      hasParticipants,
      answerDeadlineSet,
      answerDeadlineNotPast,
      noOwnNominationsWaiting,
    ],
    confirmation: (facts) => (facts.unapprovedParticipants > 0 ? "approve_open_nominations" : null),
  },
  close: {
    from: "collecting",
    to: "closed",
    preconditions: [],
    confirmation: (facts) =>
      facts.answerDeadline !== null && facts.answerDeadline >= facts.today
        ? "close_before_deadline"
        : null,
  },
  release: {
    from: "closed",
    to: "released",
    preconditions: [],
    confirmation: () => "release_final",
  },
};

export function isCycleTransition(value: unknown): value is CycleTransition {
  return typeof value === "string" && (CYCLE_TRANSITIONS as readonly string[]).includes(value);
}

/** The one step that leads on from a status; null for a released round. */
export function nextTransition(status: CycleStatus): CycleTransition | null {
  return CYCLE_TRANSITIONS.find((transition) => TRANSITIONS[transition].from === status) ?? null;
}

export type TransitionCheck =
  | { allowed: true; confirmation: Confirmation | null }
  | { allowed: false; reasons: RefusalReason[] };

/** Whether a step may be taken now, and if not, every reason why not. */
export function checkTransition(
  transition: CycleTransition,
  facts: TransitionFacts,
): TransitionCheck {
  const rule = TRANSITIONS[transition];
  if (facts.status !== rule.from) return { allowed: false, reasons: ["wrong_status"] };
  const reasons = rule.preconditions
    .filter((precondition) => !precondition.holds(facts))
    .map((precondition) => precondition.reason);
  if (reasons.length > 0) return { allowed: false, reasons };
  return { allowed: true, confirmation: rule.confirmation(facts) };
}

/** Whether invitations exist in this status (from the start of collecting on). */
export function hasInvitations(status: CycleStatus): boolean {
  return status === "collecting" || status === "closed" || status === "released";
}
