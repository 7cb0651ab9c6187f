import { z } from "zod";

export const DECLINE_REASON_MAX_LENGTH = 1000;

export function createDeclineSchema(messages: { reasonTooLong: string; unknownField: string }) {
  return z.strictObject(
    {
      reason: z
        .string({ error: messages.unknownField })
        .overwrite((text) => text.replace(/\r\n?/g, "\n"))
        .trim()
        .max(DECLINE_REASON_MAX_LENGTH, { error: messages.reasonTooLong })
        .optional(),
    },
    { error: messages.unknownField },
  );
}
