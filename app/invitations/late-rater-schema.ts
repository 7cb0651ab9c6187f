import { z } from "zod";
import { plainTextField } from "~/utils/plain-text";
import { LATE_RATER_GROUPS } from "./late-rater-rules";

// The forms of the participant's invitations page (HR), shared by the page (client-side
// validation) and its action. Every form names its intent, so one action serves them all.

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

export interface LateRaterMessages {
  personRequired: string;
  groupRequired: string;
  nameRequired: string;
  nameTooLong: string;
  nameNotText: string;
  emailRequired: string;
  emailInvalid: string;
}

const ID_MAX = 64;
export const RATER_NAME_MAX = 100;

/** Withdrawing names the invitation by its handle on the page (invitation-handle.server.ts). */
export function createRevokeSchema() {
  return z.object({
    intent: z.literal("revoke"),
    handle: z.string().trim().min(1).max(ID_MAX),
  });
}

function groupField(messages: LateRaterMessages) {
  return z.enum(LATE_RATER_GROUPS, { error: messages.groupRequired });
}

export function createAddPersonSchema(messages: LateRaterMessages) {
  return z.object({
    intent: z.literal("add-person"),
    personId: z
      .string({ error: messages.personRequired })
      .trim()
      .min(1, { error: messages.personRequired })
      .max(ID_MAX, { error: messages.personRequired }),
    relationship: groupField(messages),
  });
}

export function createAddExternalSchema(messages: LateRaterMessages) {
  return z.object({
    intent: z.literal("add-external"),
    name: plainTextField(
      {
        required: messages.nameRequired,
        tooLong: messages.nameTooLong,
        notText: messages.nameNotText,
      },
      { max: RATER_NAME_MAX },
    ),
    email: z
      .string({ error: messages.emailRequired })
      .trim()
      .min(1, { error: messages.emailRequired })
      .max(254, { error: messages.emailInvalid })
      .pipe(z.email({ error: messages.emailInvalid })),
    relationship: groupField(messages),
  });
}
