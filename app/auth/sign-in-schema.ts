import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";

// Shared by the sign-in pages (checked in the browser before sending) and their actions. The
// schemas say what is wrong with message references; the form kit translates them.

/** How long a sign-in link and code stay valid. */
export const SIGN_IN_VALID_MINUTES = 15;

const EMAIL_REQUIRED = messageRef("signIn.error.email.required");
const EMAIL_INVALID = messageRef("signIn.error.email.invalid");

export const signInSchema = z.object({
  email: z
    .string({ error: EMAIL_REQUIRED })
    .trim()
    .min(1, { error: EMAIL_REQUIRED })
    .max(254, { error: EMAIL_INVALID })
    .pipe(z.email({ error: EMAIL_INVALID })),
  redirectTo: z.string().max(1000).optional(),
});

const CODE_REQUIRED = messageRef("signIn.code.error.required");

export const codeSchema = z.object({
  code: z
    .string({ error: CODE_REQUIRED })
    // People copy the code as "123 456" or "123-456".
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(
      z
        .string()
        .min(1, { error: CODE_REQUIRED })
        .regex(/^\d{6}$/, { error: messageRef("signIn.code.error.invalid") }),
    ),
});
