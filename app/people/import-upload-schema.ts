import { z } from "zod";

// The upload form of an import: a CSV file, or its text pasted. Shared by the page (checked
// before sending, with JavaScript) and the action.

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const IMPORT_UPLOAD_FIELDS = ["file", "text"] as const;

export interface ImportUploadMessages {
  missing: string;
  both: string;
  tooLarge: string;
}

export function createImportUploadSchema(messages: ImportUploadMessages) {
  return z
    .object({
      // An empty file input arrives as no file (Conform drops it).
      file: z
        .instanceof(File)
        .optional()
        .refine((file) => !file || file.size <= MAX_IMPORT_BYTES, { error: messages.tooLarge }),
      text: z
        .string()
        .optional()
        .refine((text) => !text || sentBytes(text) <= MAX_IMPORT_BYTES, {
          error: messages.tooLarge,
        }),
    })
    .superRefine((value, context) => {
      const hasText = Boolean(value.text?.trim());
      if (!value.file && !hasText) context.addIssue({ code: "custom", message: messages.missing });
      if (value.file && hasText) context.addIssue({ code: "custom", message: messages.both });
    });
}

/**
 * The bytes a pasted text takes in the request (UTF-8, line ends sent as CRLF): what the
 * server's cap counts (app/security/body-limit.js), so the page refuses what it would.
 */
function sentBytes(text: string): number {
  return new TextEncoder().encode(text.replace(/\r?\n/g, "\r\n")).byteLength;
}
