import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getDb } from "./db.server";
import { ProfileLoadError } from "./profiles/load.server";

// Generous: under heavy load a render may wait its turn, and an aborted render would send
// the rater a page cut off halfway.
export const streamTimeout = 20_000;

// Start-up: validate surveys/, migrate, seed the demo on an empty database. A broken
// profile or configuration stops the process with a plain message, not a stack trace.
try {
  await getDb();
} catch (error) {
  if (error instanceof ProfileLoadError) {
    console.error(
      `Rondom start niet: een competentieprofiel in surveys/ is ongeldig.\n${error.message}`,
    );
  } else {
    console.error(`Rondom start niet: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

function applySecurityHeaders(headers: Headers) {
  headers.set("X-Content-Type-Options", "nosniff");
  // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on plain form
  // posts, which Remix refuses. Tokens in URLs still never reach another site.
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
}

/**
 * What the server logs about an error: nothing for refused requests (4xx, which Remix would
 * log with their URL and so a token), the error itself for real failures.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  console.error(error instanceof Error ? (error.stack ?? error.message) : "Onbekende fout");
}

export function handleDataRequest(response: Response) {
  applySecurityHeaders(response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} />,
      {
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          applySecurityHeaders(responseHeaders);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it, Remix logs them itself.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
