import type { NominationStatus, Relationship } from "#db/schema";
import { isSameRater } from "~/invitations/one-voice";
import { raterAddressKey } from "~/invitations/rater-address";
import {
  countNominations,
  hasRoomFor,
  limitOf,
  type GroupLimit,
  type NominatedGroup,
} from "./limits";

// Who may be nominated as a rater for a participant, as pure rules over what is already there.
// "The same rater" is the one-voice rule's (app/invitations/one-voice.ts): the same person, or
// the same mailbox (case, spaces and a "+tag" aside), so nobody is nominated twice for a
// participant.

/** Who nominates: the participant (or HR for them) proposes; the lead (or HR) adds. */
export type NominationSide = "participant" | "lead";

export interface CandidateRater {
  /** The person in the directory, or null for someone named by address only. */
  personId: string | null;
  email: string;
}

export interface ExistingNomination {
  id: string;
  relationship: Relationship;
  status: NominationStatus;
  raterPersonId: string | null;
  raterEmail: string;
}

export type CandidateRefusal =
  /** The participant themself: the self-assessment comes automatically. */
  | "self"
  /** The participant's manager: invited automatically. */
  | "manager"
  /** Already nominated for this participant (in any group). */
  | "already_nominated"
  /** The lead removed this rater; only the lead (or HR) can bring them back. */
  | "removed_by_lead"
  /** The group is not part of this participant's nominations (no reports group). */
  | "group_closed"
  /** Not one of the participant's direct reports. */
  | "not_direct_report"
  /** A direct report belongs in the reports group, not among the colleagues. */
  | "direct_report_as_colleague"
  /** The group has reached its maximum. */
  | "group_full";

export type CandidateVerdict =
  | { verdict: "add" }
  /** A removed nomination of the same rater that the lead brings back. */
  | { verdict: "reinstate"; nominationId: string }
  | { verdict: "refuse"; reason: CandidateRefusal };

export interface CandidateCase {
  side: NominationSide;
  group: NominatedGroup;
  rater: CandidateRater;
  participant: { personId: string; email: string };
  manager: { personId: string; email: string } | null;
  directReportIds: ReadonlySet<string>;
  limits: readonly GroupLimit[];
  existing: readonly ExistingNomination[];
}

export function sameAddress(a: string, b: string): boolean {
  return raterAddressKey(a) === raterAddressKey(b);
}

/** Whether the rater may be nominated in the group, and how. */
export function judgeCandidate(input: CandidateCase): CandidateVerdict {
  const { rater, group, limits } = input;
  const refuse = (reason: CandidateRefusal): CandidateVerdict => ({ verdict: "refuse", reason });

  if (isSameRater(rater, input.participant)) return refuse("self");
  if (input.manager && isSameRater(rater, input.manager)) return refuse("manager");
  if (!limitOf(limits, group)) return refuse("group_closed");

  const isDirectReport = rater.personId !== null && input.directReportIds.has(rater.personId);
  if (group === "report" && !isDirectReport) return refuse("not_direct_report");
  if (group === "colleague" && isDirectReport && limitOf(limits, "report")) {
    return refuse("direct_report_as_colleague");
  }

  const earlier = input.existing.find((nomination) =>
    isSameRater(rater, { personId: nomination.raterPersonId, email: nomination.raterEmail }),
  );
  if (earlier && earlier.status !== "removed") return refuse("already_nominated");
  if (earlier && input.side === "participant") return refuse("removed_by_lead");

  if (!hasRoomFor(limits, countNominations(input.existing), group)) return refuse("group_full");
  return earlier ? { verdict: "reinstate", nominationId: earlier.id } : { verdict: "add" };
}
