import type { Cookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { safeRedirectPath } from "~/utils/redirect";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { sessionSecrets } from "./secrets.server";
import { SIGN_IN_VALID_MINUTES } from "./sign-in-schema";
import { siteCookie, siteCookieName } from "./site-cookie.server";

// The two cookies of signing in: the pending sign-in (between asking and using a link or
// code) and the known browser (who signed in here before). See sign-in.server.ts.

/**
 * The pending sign-in cookie's name: with the `__Host-` prefix when cookies are Secure (see
 * sessionCookieName), so no other host or plain-HTTP page can plant one.
 */
export function pendingSignInCookieName(): string {
  return siteCookieName("rondom_sign_in");
}

/**
 * Where the address, the destination and the browser's own random value wait between asking
 * for a sign-in and using it. Signed like the session cookie, so the code step only ever
 * checks an address that went through the (rate-limited) request step in this browser. For
 * the whole site (Path=/, as `__Host-` requires), so the link page sees it too.
 */
export async function pendingSignInCookie(db: Kysely<Database>): Promise<Cookie> {
  return siteCookie("rondom_sign_in", await sessionSecrets(db), SIGN_IN_VALID_MINUTES * 60);
}

export interface PendingSignIn {
  email: string;
  redirectTo: string;
  /**
   * A random value that stands for this browser. Sign-ins asked here store its hash: their
   * code works only here, and their link signs in elsewhere only after a confirmation.
   */
  browser: string;
}

export async function readPendingSignIn(
  db: Kysely<Database>,
  request: Request,
): Promise<PendingSignIn | null> {
  const cookie = await pendingSignInCookie(db);
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { email, redirectTo, browser } = value as Record<string, unknown>;
  if (typeof email !== "string" || typeof redirectTo !== "string") return null;
  if (typeof browser !== "string" || browser.length < 32) return null;
  return { email, redirectTo: safeRedirectPath(redirectTo, "/mijn"), browser };
}

/**
 * The pending sign-in for a new request, and its Set-Cookie header. A browser that already
 * has one keeps its random value, so what it asked for before keeps working there.
 */
export async function startPendingSignIn(
  db: Kysely<Database>,
  request: Request,
  options: { email: string; redirectTo?: string },
): Promise<{ pending: PendingSignIn; setCookie: string }> {
  const earlier = await readPendingSignIn(db, request);
  const pending: PendingSignIn = {
    email: options.email,
    redirectTo: safeRedirectPath(options.redirectTo, "/mijn"),
    browser: earlier?.browser ?? generateToken(),
  };
  const setCookie = await (await pendingSignInCookie(db)).serialize(pending);
  return { pending, setCookie };
}

/** How long a browser stays known after a sign-in there. */
export const KNOWN_BROWSER_DAYS = 90;
/** The people a browser remembers (the most recent); a shared computer keeps no more. */
export const KNOWN_BROWSER_PEOPLE = 10;

/** With the `__Host-` prefix when cookies are Secure, like the session cookie. */
export function knownBrowserCookieName(): string {
  return siteCookieName("rondom_known");
}

/**
 * The known-browser cookie: set at every sign-in, it lists (hashes of) the people who signed
 * in in this browser, for KNOWN_BROWSER_DAYS. Signed with the session secrets, so nobody can
 * make one for a person without having signed in as them; holding only hashes, it names no
 * one. It is no credential: it only spares its browser the per-address request ceiling for
 * those people (see checkSignInRequestLimits).
 */
export async function knownBrowserCookie(db: Kysely<Database>): Promise<Cookie> {
  return siteCookie("rondom_known", await sessionSecrets(db), KNOWN_BROWSER_DAYS * 24 * 60 * 60);
}

export function knownPersonHash(personId: string): string {
  return hashToken(`known-browser:${personId}`).slice(0, 32);
}

/** The person hashes of this browser's known-browser cookie (none when absent or forged). */
export async function readKnownBrowser(db: Kysely<Database>, request: Request): Promise<string[]> {
  const header = request.headers.get("Cookie");
  if (!header?.includes(knownBrowserCookieName())) return [];
  const value: unknown = await (await knownBrowserCookie(db)).parse(header);
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is string => typeof entry === "string" && /^[0-9a-f]{32}$/.test(entry))
    .slice(0, KNOWN_BROWSER_PEOPLE);
}
