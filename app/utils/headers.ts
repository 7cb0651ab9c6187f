import type { HeadersFunction } from "@remix-run/node";

/**
 * Pages with personal data (answers, a person's rounds, the audit log): never stored in a
 * (shared) browser's cache, never indexed.
 */
export const privatePageHeaders: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex, nofollow",
});
