import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import { withoutNul } from "~/utils/nul-characters";

export const DECLINE_REASON_MAX_LENGTH = 1000;

const UNKNOWN_FIELD = messageRef("rater.form.error.unknownField");

/** The decline form: an optional reason, in the page and on the server. */
export const declineSchema = z.strictObject(
  {
    reason: z
      .string({ error: UNKNOWN_FIELD })
      // A NUL is nobody's meaning and cannot be stored on PostgreSQL: left out.
      .overwrite((text) => withoutNul(text.replace(/\r\n?/g, "\n")))
      .trim()
      .max(DECLINE_REASON_MAX_LENGTH, {
        error: messageRef("rater.decline.reasonTooLong", { max: DECLINE_REASON_MAX_LENGTH }),
      })
      .optional(),
  },
  { error: UNKNOWN_FIELD },
);
