import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import { namedRaterFields } from "~/nominations/named-rater-fields";
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

export const addExternalSchema = z.object({
  intent: z.literal("add-external"),
  ...namedRaterFields(
    {
      nameRequired: "invitations.participant.error.nameRequired",
      nameTooLong: "invitations.participant.error.nameTooLong",
      nameNotText: "invitations.participant.error.nameNotText",
      emailRequired: "invitations.participant.error.emailRequired",
      emailInvalid: "invitations.participant.error.emailInvalid",
    },
    RATER_NAME_MAX,
  ),
  relationship: groupField,
});
