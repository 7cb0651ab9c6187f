import type { Locale } from "~/i18n/locales";
import type { MessageKey } from "~/i18n/messages";

const oneDecimal = {
  nl: new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};
const signedOneDecimal = {
  nl: new Intl.NumberFormat("nl-NL", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }),
  en: new Intl.NumberFormat("en-GB", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }),
};

/** A score as shown: one decimal, Dutch decimal comma. Rounding happens only here. */
export function formatScore(value: number, locale: Locale): string {
  return oneDecimal[locale].format(value);
}

export function formatChange(value: number, locale: Locale): string {
  return signedOneDecimal[locale].format(value);
}

/** How much raters agree, in words, from the standard deviation of their scores (1–5 scale). */
export function agreementLabel(spread: number): MessageKey {
  if (spread < 0.6) return "report.agreement.high";
  if (spread < 1.0) return "report.agreement.medium";
  return "report.agreement.low";
}
