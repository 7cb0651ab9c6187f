import type { HeadersFunction } from "@remix-run/node";

/** Rater pages hold answers: never stored in a (shared) browser's cache, never indexed. */
export const raterPageHeaders: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
});
