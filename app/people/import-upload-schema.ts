import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";

// The upload form of an import: a CSV file, or its text pasted. Shared by the page (checked
// before sending, with JavaScript) and the action.

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);
export const IMPORT_UPLOAD_FIELDS = ["file", "text"] as const;

export const uploadTooLarge = messageRef("people.import.upload.tooLarge", {
  megabytes: MAX_IMPORT_MEGABYTES,
});

export const importUploadSchema = z
  .object({
    // An empty file input arrives as no file (Conform drops it).
    file: z
      .instanceof(File)
      .optional()
      .refine((file) => !file || file.size <= MAX_IMPORT_BYTES, { error: uploadTooLarge }),
    text: z
      .string()
      .optional()
      .refine((text) => !text || sentBytes(text) <= MAX_IMPORT_BYTES, { error: uploadTooLarge }),
  })
  .superRefine((value, context) => {
    const hasText = Boolean(value.text?.trim());
    if (!value.file && !hasText) {
      context.addIssue({ code: "custom", message: messageRef("people.import.upload.missing") });
    }
    if (value.file && hasText) {
      context.addIssue({ code: "custom", message: messageRef("people.import.upload.both") });
    }
  });

/**
 * The bytes a pasted text takes in the request (UTF-8, line ends sent as CRLF): what the
 * server's cap counts (app/security/body-limit.js), so the page refuses what it would.
 */
export function sentBytes(text: string): number {
  return new TextEncoder().encode(text.replace(/\r?\n/g, "\r\n")).byteLength;
}
