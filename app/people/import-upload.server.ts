import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { formRefusal } from "~/components/forms";
import type { Translate } from "~/i18n/messages";
import type { z } from "~/utils/zod";
import { badRequest } from "~/utils/http-errors.server";
import { withoutNonText } from "~/utils/plain-text";
import { binaryFormatOf, decodeCsvBytes } from "./csv";

// Reading the multipart upload of an import (people, app/routes/beheer.mensen.importeren;
// profiles, app/routes/beheer.profielen.importeren) with hard limits: the server's cap for the
// route (the file and the multipart framing, app/security/body-limit.js), at most the file's
// limit per field, only the form's own fields, each once. server.js refuses a larger body
// before it gets here; where it does not run (development), an oversized body is read to its
// end (up to a ceiling, keeping nothing) before the answer, so the browser shows the "too
// large" page.

/** Beyond this an oversized body is not even drained: the connection is cut. */
const DRAIN_CEILING_BYTES = 64 * 1024 * 1024;

/** What one upload form may send. */
export interface UploadFormLimits {
  /** The form's own fields; any other is refused. */
  fields: readonly string[];
  /** The most one field may hold: the import's limit (the form takes a file or a text). */
  maxPartBytes: number;
  /** The server's cap for the route: one field at its limit, plus the framing. */
  maxBodyBytes: number;
}

/** The upload's form data, or "too_large". Throws a 400 Response for anything malformed. */
export async function readImportForm(
  request: Request,
  t: Translate,
  limits: UploadFormLimits,
): Promise<FormData | "too_large"> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw badRequest(t, "people.import.refusal.notMultipart");
  }
  const body = await readBodyWithin(request, limits.maxBodyBytes);
  if (body === "too_large") return "too_large";

  const buffered = new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: limits.maxPartBytes });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(buffered, (part) => {
      if (!limits.fields.includes(part.name)) {
        throw badRequest(t, "people.import.refusal.unknownField");
      }
      return memory(part);
    });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too_large";
    if (error instanceof Response) throw error;
    throw badRequest(t, "people.import.refusal.unreadable");
  }
  for (const name of limits.fields) {
    if (formData.getAll(name).length > 1) {
      throw badRequest(t, "people.import.refusal.repeatedField");
    }
  }
  return formData;
}

async function readBodyWithin(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | "too_large"> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > DRAIN_CEILING_BYTES) return "too_large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > DRAIN_CEILING_BYTES) {
      await reader.cancel();
      return "too_large";
    }
    if (received <= maxBytes) chunks.push(value);
  }
  if (received > maxBytes) return "too_large";
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export type UploadedText =
  | { status: "ok"; fileName: string | null; content: string }
  | { status: "workbook" }
  | { status: "binary" };

/** The text of the upload: the pasted text, or the file decoded (UTF-8, else Windows-1252). */
export async function uploadedText(value: { file?: File; text?: string }): Promise<UploadedText> {
  if (!value.file) return { status: "ok", fileName: null, content: value.text ?? "" };
  const bytes = new Uint8Array(await value.file.arrayBuffer());
  const binary = binaryFormatOf(bytes);
  if (binary) return { status: binary };
  // The name is only shown; what is not text in it (a NUL, an override) is left out.
  const fileName = withoutNonText(value.file.name) || null;
  return { status: "ok", fileName, content: decodeCsvBytes(bytes).text };
}

/** What an upload page says when the upload cannot be read as text. */
export interface UploadRefusals {
  /** Over the import's limit (a message reference). */
  tooLarge: string;
  /** A spreadsheet workbook or another binary file instead of text. */
  workbook: string;
  binary: string;
}

/**
 * An upload page's whole reading of its form: the form (capped), its schema, and the file or
 * pasted text as text. Either the schema's value with the text, or the page's answer to a
 * refused upload (413 over the limit, 400 otherwise) with the reason next to the form.
 */
export async function readTextUpload<Value extends { file?: File; text?: string }>(
  request: Request,
  t: Translate,
  options: UploadFormLimits & {
    schema: z.ZodType<Value, Record<string, unknown>>;
    refusals: UploadRefusals;
  },
) {
  const formData = await readImportForm(request, t, options);
  if (formData === "too_large") {
    return { refused: data({ result: formRefusal(options.refusals.tooLarge) }, { status: 413 }) };
  }
  const submission = parseWithZod(formData, { schema: options.schema });
  if (submission.status !== "success") {
    return { refused: data({ result: submission.reply() }, { status: 400 }) };
  }
  const upload = await uploadedText(submission.value);
  if (upload.status !== "ok") {
    const reason = options.refusals[upload.status];
    return {
      refused: data({ result: submission.reply({ formErrors: [reason] }) }, { status: 400 }),
    };
  }
  return { submission, upload };
}
