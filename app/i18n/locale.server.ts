import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

export const localeCookie = createCookie("rondom_lang", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  maxAge: 60 * 60 * 24 * 365,
});

// The cookie holds "nl"/"en" when the visitor chose a language with the switch, and
// "auto:nl"/"auto:en" when a link (an invitation in English) chose it for them; a later link
// may overrule an automatic choice, never an explicit one.
const AUTOMATIC_PREFIX = "auto:";

interface LocaleChoice {
  locale: Locale;
  explicit: boolean;
}

async function readChoice(request: Request): Promise<LocaleChoice | null> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(value)) return { locale: value, explicit: true };
  if (typeof value === "string" && value.startsWith(AUTOMATIC_PREFIX)) {
    const locale = value.slice(AUTOMATIC_PREFIX.length);
    if (isLocale(locale)) return { locale, explicit: false };
  }
  return null;
}

/**
 * The visitor's language: their explicit choice, else a `lang` query parameter (links that
 * ask for a language), else a language a link chose earlier, else the browser's preference,
 * else Dutch.
 */
export async function getLocale(request: Request): Promise<Locale> {
  const choice = await readChoice(request);
  if (choice?.explicit) return choice.locale;
  const requested = new URL(request.url).searchParams.get("lang");
  if (isLocale(requested)) return requested;
  if (choice) return choice.locale;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

/** The language the visitor chose themselves with the switch, if they did. */
export async function getChosenLocale(request: Request): Promise<Locale | null> {
  const choice = await readChoice(request);
  return choice?.explicit ? choice.locale : null;
}

export function serializeChosenLocale(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale);
}

export function serializeAutomaticLocale(locale: Locale): Promise<string> {
  return localeCookie.serialize(`${AUTOMATIC_PREFIX}${locale}`);
}
