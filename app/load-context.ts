import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.js, which also sends the CSP header carrying it. */
    cspNonce?: string;
    /** The client's address (behind a proxy only when TRUST_PROXY=1), for rate limits. */
    clientAddress?: string;
  }
}
