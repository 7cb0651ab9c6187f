import type { Locale } from "#db/schema";

/**
 * The language of a mail to a rater or participant: the cycle's mail language when HR fixed
 * one, else the person's own language, else (an outside customer) the organisation's default.
 */
export function mailLocale(options: {
  cycleMailLocale: Locale | null;
  personLocale: Locale | null | undefined;
  organisationDefault: Locale;
}): Locale {
  return options.cycleMailLocale ?? options.personLocale ?? options.organisationDefault;
}
