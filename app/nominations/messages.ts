import type { ParticipantNominationStatus } from "#db/schema";
import type { MessageKey, Translate } from "~/i18n/messages";
import type { LimitProblem } from "./limits";
import type { NominationFormMessages } from "./nomination-forms";
import { GROUP_LABELS } from "./notices";

// Texts of the nomination pages that more than one page (or the server) builds.

export const NOMINATION_STATUS_LABELS: Record<ParticipantNominationStatus, MessageKey> = {
  open: "nominations.status.open",
  submitted: "nominations.status.submitted",
  approved: "nominations.status.approved",
};

export function problemMessage(t: Translate, problem: LimitProblem): string {
  const params = {
    group: t(GROUP_LABELS[problem.group]),
    count: problem.count,
    min: problem.min,
    max: problem.max,
  };
  return problem.kind === "too_few"
    ? t("nominations.problem.tooFew", params)
    : t("nominations.problem.tooMany", params);
}

export function nominationFormMessages(t: Translate): NominationFormMessages {
  return {
    nameRequired: t("nominations.form.nameRequired"),
    nameTooLong: t("nominations.form.nameTooLong"),
    nameNotText: t("nominations.form.nameNotText"),
    emailRequired: t("nominations.form.emailRequired"),
    emailInvalid: t("nominations.form.emailInvalid"),
    choiceMissing: t("nominations.form.choiceMissing"),
  };
}
