import { z } from "zod";
import type { Translate } from "~/i18n/messages";
import { CYCLE_TRANSITIONS, type Confirmation } from "./transitions";

// The form of the cycle page's "next step" button: which step, and the confirmation the step
// asks for, if any. The browser knows the confirmation the page showed; the server decides
// again inside the step's transaction (lifecycle.server.ts) and parses with `required` unset.

export const TRANSITION_FORM_FIELDS = ["intent", "confirm"] as const;

export function createTransitionSchema(options: { t: Translate; required?: Confirmation | null }) {
  const { t, required } = options;
  return z.object({
    intent: z.enum(CYCLE_TRANSITIONS, {
      error: t("cycles.step.error.unknown"),
    }),
    confirm: required
      ? z.literal(required, { error: t(`cycles.step.confirm.${required}.missing`) })
      : z.string().max(40).optional(),
  });
}
