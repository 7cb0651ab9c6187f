import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";
import { translator, type Translate } from "~/i18n/messages";

type MatchLike = { id: string; data?: unknown };

export function localeFromMatches(matches: readonly MatchLike[]): Locale {
  const data = matches.find((match) => match.id === "root")?.data;
  const locale = data && typeof data === "object" && "locale" in data ? data.locale : undefined;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** `<title>` for a page: "<page> · Rondom", translated for the visitor's locale. */
export function titleMeta(
  matches: readonly MatchLike[],
  pageTitle: (t: Translate) => string,
): MetaDescriptor[] {
  const t = translator(localeFromMatches(matches));
  return [{ title: `${pageTitle(t)} · Rondom` }];
}
