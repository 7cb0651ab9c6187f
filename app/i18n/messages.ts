import type { Locale } from "./locales";
import { en } from "./messages.en";
import { nl } from "./messages.nl";

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<Locale, Messages> = { nl, en };

export type TranslateParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. Numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number"
      ? value.toLocaleString(locale === "nl" ? "nl-NL" : "en-GB")
      : value;
  });
}

export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
