// Security headers for every response. Plain JavaScript so that server.js (which sets them
// on every response, static files included) and entry.server.tsx (in development, where
// server.js does not run) share one definition.
import { randomBytes } from "node:crypto";

/** A fresh CSP nonce: 128 random bits. */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * @param {{ nonce: string, production: boolean, development?: boolean }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, production, development = false }) {
  const csp = [
    "default-src 'self'",
    // Only Remix's own inline scripts, which carry the nonce; no unsafe-inline, no eval.
    `script-src 'self' 'nonce-${nonce}'`,
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    // Style attributes only (recharts sizes its server-rendered SVG with them); they cannot
    // run code. Style elements and sheets stay limited to our own.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  /** @type {Record<string, string>} */
  const headers = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    // same-origin, the strictest policy that keeps forms working: with no-referrer browsers
    // send `Origin: null` on form posts, indistinguishable from a cross-site post. Either way
    // no URL (and so no invitation or sign-in token) is ever sent to another site.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
  if (production) {
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  }
  return headers;
}
