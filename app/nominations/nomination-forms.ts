import { z } from "zod";
import { plainTextField } from "~/utils/plain-text";

// The forms of the nomination pages, shared by the pages (client-side validation of the
// customer form) and their actions. Each button is a small form with an `intent`.

export interface NominationFormMessages {
  nameRequired: string;
  nameTooLong: string;
  nameNotText: string;
  emailRequired: string;
  emailInvalid: string;
  choiceMissing: string;
}

/** Every field name a nomination form can send; anything else is refused before parsing. */
export const NOMINATION_FORM_FIELDS: ReadonlySet<string> = new Set([
  "intent",
  "personId",
  "nominationId",
  "name",
  "email",
]);

export const CUSTOMER_NAME_MAX = 120;

function idField(messages: NominationFormMessages) {
  return z
    .string({ error: messages.choiceMissing })
    .trim()
    .min(1, { error: messages.choiceMissing })
    .max(64, { error: messages.choiceMissing });
}

/** A customer named by hand: a name and any address, also outside the organisation. */
function customerFields(messages: NominationFormMessages) {
  return {
    name: plainTextField(
      {
        required: messages.nameRequired,
        tooLong: messages.nameTooLong,
        notText: messages.nameNotText,
      },
      { max: CUSTOMER_NAME_MAX },
    ),
    email: z
      .string({ error: messages.emailRequired })
      .trim()
      .min(1, { error: messages.emailRequired })
      .max(254, { error: messages.emailInvalid })
      .pipe(z.email({ error: messages.emailInvalid })),
  };
}

/** The participant's page (/voordragen/$participantId). */
export function createProposalSchema(messages: NominationFormMessages) {
  const personId = idField(messages);
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("propose-colleague"), personId }),
    z.object({ intent: z.literal("propose-internal-customer"), personId }),
    z.object({ intent: z.literal("propose-report"), personId }),
    z.object({ intent: z.literal("propose-customer"), ...customerFields(messages) }),
    z.object({ intent: z.literal("withdraw"), nominationId: idField(messages) }),
    z.object({ intent: z.literal("submit") }),
  ]);
}
export type ProposalForm = z.infer<ReturnType<typeof createProposalSchema>>;

/** The lead's page for one participant (/goedkeuren/$participantId). */
export function createReviewSchema(messages: NominationFormMessages) {
  const personId = idField(messages);
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("add-colleague"), personId }),
    z.object({ intent: z.literal("add-internal-customer"), personId }),
    z.object({ intent: z.literal("add-report"), personId }),
    z.object({ intent: z.literal("add-customer"), ...customerFields(messages) }),
    z.object({ intent: z.literal("remove"), nominationId: idField(messages) }),
    z.object({ intent: z.literal("approve") }),
  ]);
}
export type ReviewForm = z.infer<ReturnType<typeof createReviewSchema>>;

/** The lead's queue (/goedkeuren). */
export const approveAllSchema = z.object({ intent: z.literal("approve-all") });
