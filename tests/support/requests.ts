import type { DB } from "#db/database";
import { getCurrentUser, type CurrentUser } from "~/auth/guards.server";
import { createSession, sessionCookieName } from "~/auth/session.server";
import { pendingSignInCookie } from "~/auth/sign-in-cookies.server";
import { generateToken } from "~/utils/tokens.server";
import { runRoute, type Outcome } from "./route-outcome";

// Requests as a browser sends them, with the cookies it would carry, and calling loaders and
// actions with them as Remix would (read the outcome with ./route-outcome).

export const ORIGIN = "http://localhost";

// ---------------------------------------------------------------------------------------
// Cookies and requests.

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!.trim();
}

/** Every Set-Cookie header of a response, as separate strings. */
export function setCookies(headers: Headers): string[] {
  return headers.getSetCookie();
}

export function sessionSetCookie(headers: Headers): string | undefined {
  return setCookies(headers).find((value) => value.startsWith(`${sessionCookieName()}=`));
}

/**
 * A new browser's own random value, as POST /inloggen puts it in the pending sign-in cookie;
 * sign-ins asked with it are bound to that browser.
 */
export function newBrowser(): string {
  return generateToken();
}

/** The `Cookie` pair of a pending sign-in, as POST /inloggen sets it in that browser. */
export async function pendingCookieFor(
  db: DB,
  email: string,
  options: { browser?: string; redirectTo?: string } = {},
): Promise<string> {
  const cookie = await pendingSignInCookie(db);
  return cookiePair(
    await cookie.serialize({
      email,
      redirectTo: options.redirectTo ?? "/mijn",
      browser: options.browser ?? newBrowser(),
    }),
  );
}

/** A `Cookie` header with a new session of the person (no sign-in, no audit entry). */
export async function signedInCookie(db: DB, personId: string, now?: Date): Promise<string> {
  return cookiePair(await createSession(db, personId, now));
}

/** The signed-in user as the guards see them, through a real session. */
export async function currentUserOf(db: DB, personId: string): Promise<CurrentUser> {
  const cookie = await signedInCookie(db, personId);
  const user = await getCurrentUser(getRequest("/mijn", { cookie }), db);
  if (!user) throw new Error(`No user for ${personId}`);
  return user;
}

export function joinCookies(...pairs: (string | undefined)[]): string {
  return pairs.filter(Boolean).join("; ");
}

export function getRequest(pathAndQuery: string, init: { cookie?: string } = {}): Request {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`${ORIGIN}${pathAndQuery}`, { method: "GET", headers });
}

export type Fields = [string, string][];

/** A POST as a plain `<form method="post">` sends it. */
export function postRequest(
  pathAndQuery: string,
  fields: Fields,
  init: { cookie?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`${ORIGIN}${pathAndQuery}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

/** A POST of a multipart form, as a form with a file (the people import) sends it. */
export function multipartRequest(path: string, form: FormData, cookie?: string): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: form });
}

// ---------------------------------------------------------------------------------------
// Calling loaders and actions as Remix would.

/** The client address the calls come from, unless told otherwise. */
export const CLIENT = "203.0.113.7";

export async function call(
  fn: unknown,
  request: Request,
  options: { params?: Record<string, string>; clientAddress?: string } = {},
): Promise<Outcome> {
  return runRoute(fn, request, options.params ?? {}, {
    clientAddress: options.clientAddress ?? CLIENT,
  });
}
