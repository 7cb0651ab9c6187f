import type { ParticipantNominationStatus } from "#db/schema";
import { nominatedGroupLabel } from "~/i18n/labels";
import { messageRef, type MessageKey } from "~/i18n/messages";
import type { LimitProblem } from "./limits";

// Texts of the nomination pages that more than one page (or the server) builds.

export const NOMINATION_STATUS_LABELS: Record<ParticipantNominationStatus, MessageKey> = {
  open: "nominations.status.open",
  submitted: "nominations.status.submitted",
  approved: "nominations.status.approved",
};

/** "Collega’s: 2 voorgedragen, minimaal 3 nodig.", as a message reference. */
export function problemRef(problem: LimitProblem): string {
  return messageRef(
    problem.kind === "too_few" ? "nominations.problem.tooFew" : "nominations.problem.tooMany",
    {
      group: { key: nominatedGroupLabel[problem.group] },
      count: problem.count,
      min: problem.min,
      max: problem.max,
    },
  );
}
