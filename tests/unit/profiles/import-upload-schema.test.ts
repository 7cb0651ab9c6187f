import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { messageRef } from "~/i18n/messages";
import {
  isMarkdownUpload,
  PROFILE_IMPORT_MAX_BYTES,
  profileUploadSchema,
} from "~/profiles/import-upload-schema";
import { MAX_IMPORT_BYTES } from "~/profiles/plain-text-import";

// The profile upload form's rules, shared by the page and the action.

function check(fields: { file?: File; text?: string; name?: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const submission = parseWithZod(form, { schema: profileUploadSchema });
  return submission.status === "success" ? "ok" : submission.error;
}

describe("the profile upload form", () => {
  it("refuses what the parser would: its limit is the parser's", () => {
    expect(PROFILE_IMPORT_MAX_BYTES).toBe(MAX_IMPORT_BYTES);
    expect(check({ text: "x".repeat(PROFILE_IMPORT_MAX_BYTES + 1), name: "Groot" })).toEqual({
      text: [messageRef("profiles.import.upload.tooLarge", { kilobytes: 512 })],
    });
  });

  it("tells Markdown (a .md file, or text with front matter) from plain text", () => {
    expect(isMarkdownUpload({ fileName: "beleid.md" })).toBe(true);
    expect(isMarkdownUpload({ fileName: "BELEID.MD", content: "Kennis" })).toBe(true);
    expect(isMarkdownUpload({ content: "---\nid: x\n---\n" })).toBe(true);
    expect(isMarkdownUpload({ content: "\uFEFF---\r\nid: x\r\n---\r\n" })).toBe(true);
    expect(isMarkdownUpload({ fileName: "beleid.txt", content: "---\nid: x" })).toBe(true);
    expect(isMarkdownUpload({ fileName: "beleid.txt", content: "Kennis\n---\n" })).toBe(false);
    expect(isMarkdownUpload({ fileName: "beleid.md.txt", content: "----\n" })).toBe(false);
    expect(isMarkdownUpload({ fileName: null, content: "Kennis" })).toBe(false);
  });

  it("needs a name for plain text only: a Markdown file names itself", () => {
    const nameRequired = { name: [messageRef("profiles.import.upload.nameRequired")] };
    expect(check({ text: "Kennis" })).toEqual(nameRequired);
    expect(check({ file: new File(["Kennis"], "profiel.txt") })).toEqual(nameRequired);
    expect(check({ text: "Kennis", name: "X" })).toEqual(nameRequired);
    expect(check({ text: "Kennis", name: "Beleid" })).toBe("ok");
    expect(check({ file: new File(["---"], "profiel.md") })).toBe("ok");
    expect(check({ text: "---\nid: x\n---" })).toBe("ok");
    expect(check({ text: "Kennis", name: "Beleid\u202e" })).toEqual({
      name: [messageRef("profiles.import.upload.nameNotText")],
    });
  });

  it("takes a file or a text, not none and not both", () => {
    expect(check({ text: "   ", name: "Beleid" })).toEqual({
      "": [messageRef("profiles.import.upload.missing")],
    });
    expect(check({ file: new File(["a"], "a.txt"), text: "a", name: "Beleid" })).toEqual({
      "": [messageRef("profiles.import.upload.both")],
    });
  });
});
