import type { Locale } from "~/i18n/locales";
import type { MessageKey, Translate } from "~/i18n/messages";

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

const plainOneDecimal = new Intl.NumberFormat("en-US", {
  maximumFractionDigits: 1,
  useGrouping: false,
});

/**
 * A figure as the page shows it: one decimal, rounded by the same number formatting as
 * formatScore (which rounds the shortest decimal form half away from zero, so 0.15 gives 0.2
 * where toFixed gives 0.1), so formatScore gives the same text for both. Figures leave the
 * server only rounded like this (app/reports/report-view.ts).
 */
export function roundForDisplay(value: number): number {
  return Number(plainOneDecimal.format(value));
}

/** A score as shown: one decimal, Dutch decimal comma. */
export function formatScore(value: number, locale: Locale): string {
  return oneDecimal[locale].format(value);
}

/** A figure in a report's table: the score, or "niet getoond" where the figure is withheld. */
export function scoreOrNotShown(
  value: number | null | undefined,
  locale: Locale,
  t: Translate,
): string {
  return value === null || value === undefined ? t("report.notShown") : formatScore(value, locale);
}

export function formatChange(value: number, locale: Locale): string {
  return signedOneDecimal[locale].format(value);
}

export type AgreementBand = "high" | "medium" | "low";

/**
 * How much raters agree, as a band, from the standard deviation of their scores relative to
 * the scale's range (on 1–5: under 0.6 agreed, under 1.0 somewhat divided, else divided).
 */
export function agreementBand(spread: number, scaleRange: number): AgreementBand {
  const relative = spread / scaleRange;
  if (relative < 0.15) return "high";
  if (relative < 0.25) return "medium";
  return "low";
}

export const AGREEMENT_LABEL: Record<AgreementBand, MessageKey> = {
  high: "report.agreement.high",
  medium: "report.agreement.medium",
  low: "report.agreement.low",
};
