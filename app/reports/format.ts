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

/**
 * How much raters agree, in words, from the standard deviation of their scores relative to
 * the scale's range (on 1–5: under 0.6 agreed, under 1.0 somewhat divided, else divided).
 */
export function agreementLabel(spread: number, scaleRange: number): MessageKey {
  const relative = spread / scaleRange;
  if (relative < 0.15) return "report.agreement.high";
  if (relative < 0.25) return "report.agreement.medium";
  return "report.agreement.low";
}
