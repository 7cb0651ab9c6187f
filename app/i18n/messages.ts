import type { Locale } from "./locales";
import { en } from "./messages.en";
import { nl } from "./messages.nl";

export type MessageKey = keyof typeof nl;

/**
 * A text that depends on a number: one form per plural category of the language
 * (`Intl.PluralRules`), chosen by the `count` parameter. Dutch and English need `one` and
 * `other`; `other` is always there, so a language with more categories falls back to it.
 */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type MessageText = string | PluralText;
export type Messages = Record<MessageKey, MessageText>;

const catalogues: Record<Locale, Messages> = { nl, en };

export const LOCALE_TAG: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

export type TranslateParams = Record<string, string | number>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralRulesOf(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE_TAG[locale]);
    pluralRules.set(locale, rules);
  }
  return rules;
}

function templateOf(locale: Locale, text: MessageText, params?: TranslateParams): string {
  if (typeof text === "string") return text;
  const count = Number(params?.count ?? Number.NaN);
  if (!Number.isFinite(count)) return text.other;
  return text[pluralRulesOf(locale).select(count)] ?? text.other;
}

/**
 * Looks up a message and fills `{name}` placeholders. Numbers are formatted for the locale.
 * A plural message picks its form by `params.count`.
 */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = templateOf(locale, catalogues[locale][key], params);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? value.toLocaleString(LOCALE_TAG[locale]) : value;
  });
}

export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(nl, value);
}

/**
 * A message as data: a key with its parameters, written as one string (`key` or
 * `key?max=%23100`) so it can travel where only a string fits, such as a zod issue or a
 * Conform error. Schemas and server modules say *what* is wrong with a reference; the page
 * translates it in the reader's language (see `translateMessageRef` and the form kit).
 * Each parameter value says what it is by its first character: "=" text (taken as it is,
 * whatever follows: a name may start with "@" or "#"), "#" a number (formatted for the
 * reader's locale on arrival), "@" a message key (translated in the same language).
 */
export function messageRef(key: MessageKey, params?: MessageRefParams): string {
  if (!params || Object.keys(params).length === 0) return key;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    query.set(
      name,
      typeof value === "number"
        ? `#${value}`
        : typeof value === "string"
          ? `=${value}`
          : `@${value.key}`,
    );
  }
  return `${key}?${query.toString()}`;
}

/**
 * A parameter of a message reference that is itself a message, such as a label
 * (`{ group: { key: "nominations.group.colleague" } }`): it is translated with the reference.
 */
export interface MessageParam {
  key: MessageKey;
}
export type MessageRefParams = Record<string, string | number | MessageParam>;

/**
 * The text of a message reference. A string that is not a reference (an unknown key) falls
 * back to a general "this value is not valid", so a stray internal code never reaches a page.
 */
export function translateMessageRef(t: Translate, ref: string): string {
  const separator = ref.indexOf("?");
  const key = separator === -1 ? ref : ref.slice(0, separator);
  if (!isMessageKey(key)) return t("form.invalidValue");
  if (separator === -1) return t(key);
  const params: TranslateParams = {};
  for (const [name, value] of new URLSearchParams(ref.slice(separator + 1))) {
    const param = decodeParam(t, value);
    if (param === null) return t("form.invalidValue");
    params[name] = param;
  }
  return t(key, params);
}

/** A parameter value of a message reference (see `messageRef`), or null if it is none. */
function decodeParam(t: Translate, value: string): string | number | null {
  const content = value.slice(1);
  switch (value[0]) {
    case "=":
      return content;
    case "#": {
      const number = Number(content);
      return content !== "" && Number.isFinite(number) ? number : null;
    }
    case "@":
      return isMessageKey(content) ? t(content) : null;
    default:
      return null;
  }
}
