import { z } from "zod";

// Shared by the sign-in pages (client-side validation) and their actions.

/** How long a sign-in link and code stay valid. */
export const SIGN_IN_VALID_MINUTES = 15;

export interface SignInMessages {
  emailRequired: string;
  emailInvalid: string;
}

export function createSignInSchema(messages: SignInMessages) {
  return z.object({
    email: z
      .string({ error: messages.emailRequired })
      .trim()
      .min(1, { error: messages.emailRequired })
      .max(254, { error: messages.emailInvalid })
      .pipe(z.email({ error: messages.emailInvalid })),
    redirectTo: z.string().max(1000).optional(),
  });
}

export interface CodeMessages {
  codeRequired: string;
  codeInvalid: string;
}

export function createCodeSchema(messages: CodeMessages) {
  return z.object({
    code: z
      .string({ error: messages.codeRequired })
      .transform((value) => value.replace(/[\s-]/g, ""))
      .pipe(
        z
          .string()
          .min(1, { error: messages.codeRequired })
          .regex(/^\d{6}$/, { error: messages.codeInvalid }),
      ),
  });
}
