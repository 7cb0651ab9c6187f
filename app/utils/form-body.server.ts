import { plainRefusal } from "./http-errors.server";
import { FORM_BODY_MAX_BYTES } from "~/security/body-limit.js";

/** The server's cap for forms (app/security/body-limit.js): one number for both. */
export const DEFAULT_MAX_FORM_BYTES = FORM_BODY_MAX_BYTES;

// An oversized body is a 413, every other refusal a 400; pages show their own translated
// message for it. The server caps every body before this (app/security/body-limit.js); this
// cap is each form's own (the server's, or smaller), and holds where server.js does not run
// (development).

// These refusals come before the page's locale is read, so they answer in both languages.
const TOO_LARGE = "Het formulier is te groot. / The form is too large.";

/**
 * Reads an urlencoded form body (what a plain `<form method="post">` sends) with a size cap,
 * so an oversized or foreign body is refused with a 4xx before anything is parsed or stored.
 * Throws a Response the route's error boundary turns into a clear page.
 */
export async function readFormBody(
  request: Request,
  maxBytes: number = DEFAULT_MAX_FORM_BYTES,
): Promise<URLSearchParams> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    throw plainRefusal(
      400,
      "Dit formulier verwacht gewone formuliergegevens. / This form expects plain form data.",
    );
  }
  const declaredLength = Number(request.headers.get("Content-Length") ?? "0");
  if (declaredLength > maxBytes) throw plainRefusal(413, TOO_LARGE);
  if (!request.body) return new URLSearchParams();

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw plainRefusal(413, TOO_LARGE);
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  return new URLSearchParams(text);
}

/**
 * Refuses a body with any field the form cannot produce, or any field given twice, before a
 * parser sees it: unknown names could otherwise be dropped silently, and thousands of
 * repeated ones make form parsers slow.
 */
export function assertOnlyKnownFields(body: URLSearchParams, isKnown: (name: string) => boolean) {
  const seen = new Set<string>();
  for (const name of body.keys()) {
    if (seen.has(name) || !isKnown(name))
      throw plainRefusal(
        400,
        "Het formulier bevat onbekende of dubbele velden. / The form has unknown or repeated fields.",
      );
    seen.add(name);
  }
}
