import type { HeadersFunction } from "@remix-run/node";

// What a route's loader or action may say about its own answer and must reach the browser.
// A route's `headers` export decides the headers of the whole answer (document and `.data`
// requests alike: Remix keeps only the Set-Cookie of loaders and actions on its own), so a
// `Retry-After` set with `data(..., { status: 429, headers })` would otherwise be dropped.
const PASSED_THROUGH = ["Retry-After"] as const;

/**
 * Pages with personal data (answers, a person's rounds, the audit log): never stored in a
 * (shared) browser's cache, never indexed. A 429 of the page's action or loader keeps its
 * Retry-After.
 */
export const privatePageHeaders: HeadersFunction = ({
  actionHeaders,
  loaderHeaders,
  errorHeaders,
}) => {
  const headers = new Headers({
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
  });
  for (const name of PASSED_THROUGH) {
    const value = [errorHeaders, actionHeaders, loaderHeaders]
      .map((source) => source?.get(name))
      .find((candidate) => candidate);
    if (value) headers.set(name, value);
  }
  return headers;
};
