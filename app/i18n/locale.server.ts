import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

export const localeCookie = createCookie("rondom_lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * The visitor's language: their explicit choice, else a `lang` query parameter (links that
 * ask for a language), else the browser's preference, else Dutch.
 */
export async function getLocale(request: Request): Promise<Locale> {
  const chosen = await getChosenLocale(request);
  if (chosen) return chosen;
  const requested = new URL(request.url).searchParams.get("lang");
  if (isLocale(requested)) return requested;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

/** The visitor's explicit language choice, if they made one. */
export async function getChosenLocale(request: Request): Promise<Locale | null> {
  const chosen: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(chosen) ? chosen : null;
}
