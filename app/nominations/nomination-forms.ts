import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import { namedRaterFields } from "./named-rater-fields";

// The forms of the nomination pages, shared by the pages (client-side validation of the
// customer form) and their actions. Each button is a small form with an `intent`. The
// schemas say what is wrong with message references; the page translates them.

/** Every field name a nomination form can send; anything else is refused before parsing. */
export const NOMINATION_FORM_FIELDS: ReadonlySet<string> = new Set([
  "intent",
  "personId",
  "nominationId",
  "name",
  "email",
]);

export const CUSTOMER_NAME_MAX = 120;

const choiceMissing = messageRef("nominations.form.choiceMissing");
const idField = z
  .string({ error: choiceMissing })
  .trim()
  .min(1, { error: choiceMissing })
  .max(64, { error: choiceMissing });

/** A customer named by hand: a name and any address, also outside the organisation. */
const customerFields = namedRaterFields(
  {
    nameRequired: "nominations.form.nameRequired",
    nameTooLong: "nominations.form.nameTooLong",
    nameNotText: "nominations.form.nameNotText",
    emailRequired: "nominations.form.emailRequired",
    emailInvalid: "nominations.form.emailInvalid",
  },
  CUSTOMER_NAME_MAX,
);

/** The participant's page (/voordragen/$participantId). */
export const proposalSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("propose-colleague"), personId: idField }),
  z.object({ intent: z.literal("propose-internal-customer"), personId: idField }),
  z.object({ intent: z.literal("propose-report"), personId: idField }),
  z.object({ intent: z.literal("propose-customer"), ...customerFields }),
  z.object({ intent: z.literal("withdraw"), nominationId: idField }),
  z.object({ intent: z.literal("submit") }),
]);
export type ProposalForm = z.infer<typeof proposalSchema>;

/** The lead's page for one participant (/goedkeuren/$participantId). */
export const reviewSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add-colleague"), personId: idField }),
  z.object({ intent: z.literal("add-internal-customer"), personId: idField }),
  z.object({ intent: z.literal("add-report"), personId: idField }),
  z.object({ intent: z.literal("add-customer"), ...customerFields }),
  z.object({ intent: z.literal("remove"), nominationId: idField }),
  z.object({ intent: z.literal("approve") }),
]);
export type ReviewForm = z.infer<typeof reviewSchema>;

/** The lead's queue (/goedkeuren). */
export const approveAllSchema = z.object({ intent: z.literal("approve-all") });
