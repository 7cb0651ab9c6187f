import { z } from "~/utils/zod";
import { messageRef, type MessageKey } from "~/i18n/messages";
import { CYCLE_TRANSITIONS, type Confirmation, type RefusalReason } from "./transitions";

// The form of the cycle page's "next step" button: which step, and the confirmation the step
// asks for, if any. The browser knows the confirmation the page showed; the server decides
// again inside the step's transaction (lifecycle.server.ts) and parses with `required` unset.

export const TRANSITION_FORM_FIELDS = ["intent", "confirm"] as const;

export function isTransitionFormField(name: string): boolean {
  return (TRANSITION_FORM_FIELDS as readonly string[]).includes(name);
}

export const REFUSAL_MESSAGE: Record<RefusalReason, MessageKey> = {
  wrong_status: "cycles.step.refused.wrong_status",
  no_participants: "cycles.step.refused.no_participants",
  profile_missing: "cycles.step.refused.profile_missing",
  nomination_deadline_missing: "cycles.step.refused.nomination_deadline_missing",
  answer_deadline_missing: "cycles.step.refused.answer_deadline_missing",
  nomination_deadline_past: "cycles.step.refused.nomination_deadline_past",
  answer_deadline_past: "cycles.step.refused.answer_deadline_past",
  own_nominations_unapproved: "cycles.step.refused.own_nominations_unapproved",
};

/** The message of a confirmation the person did not tick. */
export function missingConfirmation(confirmation: Confirmation): string {
  return messageRef(`cycles.step.confirm.${confirmation}.missing`);
}

export function createTransitionSchema(options: { required?: Confirmation | null } = {}) {
  const { required } = options;
  return z.object({
    intent: z.enum(CYCLE_TRANSITIONS, { error: messageRef("cycles.step.error.unknown") }),
    confirm: required
      ? z.literal(required, { error: missingConfirmation(required) })
      : z.string().max(40).optional(),
  });
}
