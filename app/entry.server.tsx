import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getDb } from "./db.server";
import { ProfileLoadError } from "./profiles/load.server";
import { createNonce, securityHeaders } from "./security/headers.js";
import { NonceContext } from "./utils/nonce";

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

/**
 * server.js sets the security headers on every response, with the nonce it passes in the load
 * context. Without it (the Vite dev server) they are set here, with a nonce of our own.
 */
function securityNonce(headers: Headers, loadContext: AppLoadContext | undefined): string {
  if (loadContext?.cspNonce) return loadContext.cspNonce;
  const nonce = createNonce();
  const development = process.env.NODE_ENV === "development";
  const production = process.env.NODE_ENV === "production";
  for (const [name, value] of Object.entries(securityHeaders({ nonce, production, development }))) {
    headers.set(name, value);
  }
  return nonce;
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

/**
 * Every page and every `.data` answer is kept out of caches unless its route says otherwise:
 * a signed-in visitor's pages show their name and more, the rater's pages their invitation,
 * and a shared computer's back button or a proxy must not bring them back. (Static files are
 * served by server.js before Remix, with their own caching.) A route's own headers stay.
 */
function noStoreByDefault(headers: Headers): void {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

export function handleDataRequest(
  response: Response,
  { context }: { context: AppLoadContext | undefined },
) {
  securityNonce(response.headers, context);
  noStoreByDefault(response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = securityNonce(responseHeaders, loadContext);
  noStoreByDefault(responseHeaders);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={streamTimeout}
          nonce={nonce}
        />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
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
