import { createCookie, type Cookie } from "@remix-run/node";
import { secureCookies } from "~/utils/env.server";

// Rondom's own cookies (the session, a pending sign-in, a known browser) are made one way:
// signed, httpOnly, SameSite=Lax, for the whole site.

/**
 * A cookie's name. Over HTTPS (Secure cookies) it carries the `__Host-` prefix: the browser
 * then only accepts it when it is Secure, for Path=/ and without a Domain, so no sibling host
 * or plain-HTTP page can plant or overwrite it. The prefix requires Secure, so the end-to-end
 * build over plain HTTP (INSECURE_COOKIES=1) and development keep the plain name.
 */
export function siteCookieName(name: string): string {
  return secureCookies() ? `__Host-${name}` : name;
}

const made = new Map<string, Cookie>();

/**
 * The signed cookie `name` (prefixed as above) with this lifetime. Several secrets are
 * accepted; the first one signs (rotation). Made once per name and set of secrets.
 */
export function siteCookie(name: string, secrets: string[], maxAgeSeconds: number): Cookie {
  const fullName = siteCookieName(name);
  const key = [fullName, maxAgeSeconds, ...secrets].join("\n");
  let cookie = made.get(key);
  if (!cookie) {
    cookie = createCookie(fullName, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      secrets,
      maxAge: maxAgeSeconds,
    });
    made.set(key, cookie);
  }
  return cookie;
}
