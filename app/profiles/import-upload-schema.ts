import { messageRef } from "~/i18n/messages";
import { sentBytes } from "~/people/import-upload-schema";
import { plainTextField } from "~/utils/plain-text";
import { z } from "~/utils/zod";

// The upload form of a profile import: a file (.md in Rondom's format, or .txt as a
// municipality publishes it) or its text pasted, and the profile's name, which plain text
// needs (a Markdown file names itself). Shared by the page (checked before sending, with
// JavaScript) and the action.

/**
 * The parser's limit (MAX_IMPORT_BYTES in ./plain-text-import.ts; a test keeps the two equal).
 * Not imported from there, so that the page does not carry the parser to the browser.
 */
export const PROFILE_IMPORT_MAX_BYTES = 512 * 1024;
export const PROFILE_IMPORT_MAX_KILOBYTES = PROFILE_IMPORT_MAX_BYTES / 1024;
export const PROFILE_UPLOAD_FIELDS = ["file", "text", "name"] as const;
/** The longest name a profile may have (ProfileSchema). */
export const PROFILE_NAME_MAX = 200;

export const profileUploadTooLarge = messageRef("profiles.import.upload.tooLarge", {
  kilobytes: PROFILE_IMPORT_MAX_KILOBYTES,
});

const FRONT_MATTER_START = /^\uFEFF?---[ \t]*(?:\r?\n|\r|$)/;

/**
 * Whether an upload is in Rondom's Markdown format: a file named *.md, or a text that starts
 * with front matter (a line of only ---). Anything else is read as plain text.
 */
export function isMarkdownUpload(upload: { fileName?: string | null; content?: string }): boolean {
  if (upload.fileName && /\.md$/i.test(upload.fileName)) return true;
  return upload.content !== undefined && FRONT_MATTER_START.test(upload.content);
}

export const profileNameSchema = plainTextField(
  {
    required: messageRef("profiles.import.upload.nameRequired"),
    tooLong: messageRef("profiles.import.upload.nameTooLong", { max: PROFILE_NAME_MAX }),
    notText: messageRef("profiles.import.upload.nameNotText"),
  },
  { min: 2, max: PROFILE_NAME_MAX },
);

export const profileUploadSchema = z
  .object({
    // An empty file input arrives as no file (Conform drops it).
    file: z
      .instanceof(File)
      .optional()
      .refine((file) => !file || file.size <= PROFILE_IMPORT_MAX_BYTES, {
        error: profileUploadTooLarge,
      }),
    text: z
      .string()
      .optional()
      .refine((text) => !text || sentBytes(text) <= PROFILE_IMPORT_MAX_BYTES, {
        error: profileUploadTooLarge,
      }),
    name: profileNameSchema.optional(),
  })
  .superRefine((value, context) => {
    const hasText = Boolean(value.text?.trim());
    if (!value.file && !hasText) {
      context.addIssue({
        code: "custom",
        message: messageRef("profiles.import.upload.missing"),
      });
      return;
    }
    if (value.file && hasText) {
      context.addIssue({ code: "custom", message: messageRef("profiles.import.upload.both") });
      return;
    }
    // A file is judged by its name here (the browser cannot read it before sending).
    const markdown = value.file
      ? isMarkdownUpload({ fileName: value.file.name })
      : isMarkdownUpload({ content: value.text });
    if (!markdown && !value.name) {
      context.addIssue({
        code: "custom",
        path: ["name"],
        message: messageRef("profiles.import.upload.nameRequired"),
      });
    }
  });
