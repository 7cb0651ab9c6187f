import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import { plainTextField } from "~/utils/plain-text";
import { LATE_RATER_GROUPS } from "./late-rater-rules";

// The forms of the participant's invitations page (HR), shared by the page (client-side
// validation) and its action. Every form names its intent, so one action serves them all.
// The schemas say what is wrong with message references; the page translates them.

export const INTENTS = ["revoke", "add-person", "add-external"] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: unknown): value is Intent {
  return typeof value === "string" && (INTENTS as readonly string[]).includes(value);
}

/** The field names each form may send; anything else is refused before parsing. */
export const FIELDS_OF_INTENT: Record<Intent, readonly string[]> = {
  revoke: ["intent", "handle"],
  "add-person": ["intent", "personId", "relationship"],
  "add-external": ["intent", "name", "email", "relationship"],
};

const ID_MAX = 64;
export const RATER_NAME_MAX = 100;

/** Withdrawing names the invitation by its handle on the page (invitation-handle.server.ts). */
export const revokeSchema = z.object({
  intent: z.literal("revoke"),
  handle: z.string().trim().min(1).max(ID_MAX),
});

const groupField = z.enum(LATE_RATER_GROUPS, {
  error: messageRef("invitations.participant.error.groupRequired"),
});

const personRequired = messageRef("invitations.participant.error.personRequired");

export const addPersonSchema = z.object({
  intent: z.literal("add-person"),
  personId: z
    .string({ error: personRequired })
    .trim()
    .min(1, { error: personRequired })
    .max(ID_MAX, { error: personRequired }),
  relationship: groupField,
});

const emailRequired = messageRef("invitations.participant.error.emailRequired");
const emailInvalid = messageRef("invitations.participant.error.emailInvalid");

export const addExternalSchema = z.object({
  intent: z.literal("add-external"),
  name: plainTextField(
    {
      required: messageRef("invitations.participant.error.nameRequired"),
      tooLong: messageRef("invitations.participant.error.nameTooLong"),
      notText: messageRef("invitations.participant.error.nameNotText"),
    },
    { max: RATER_NAME_MAX },
  ),
  email: z
    .string({ error: emailRequired })
    .trim()
    .min(1, { error: emailRequired })
    .max(254, { error: emailInvalid })
    .pipe(z.email({ error: emailInvalid })),
  relationship: groupField,
});
