import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/messages";
import { DEFAULT_RATING_SCALE } from "~/profiles/schema";
import type { Questionnaire } from "./questionnaire";

export interface DisplayScale {
  points: { value: number; label: string }[];
  notApplicableLabel: string;
  lang: Locale;
}

/**
 * The default scale is Rondom's own, so it is shown in the visitor's language; a scale that
 * a profile defines itself stays in the profile's language, like the rest of its texts.
 */
export function displayScale(
  questionnaire: Questionnaire,
  locale: Locale,
  t: Translate,
): DisplayScale {
  const isDefault =
    questionnaire.notApplicableLabel === DEFAULT_RATING_SCALE.notApplicableLabel &&
    questionnaire.scale.length === DEFAULT_RATING_SCALE.points.length &&
    questionnaire.scale.every(
      (point, index) =>
        point.value === DEFAULT_RATING_SCALE.points[index]?.value &&
        point.label === DEFAULT_RATING_SCALE.points[index]?.label,
    );
  if (!isDefault) {
    return {
      points: questionnaire.scale,
      notApplicableLabel: questionnaire.notApplicableLabel,
      lang: questionnaire.language,
    };
  }
  const labels = [
    t("scale.default.1"),
    t("scale.default.2"),
    t("scale.default.3"),
    t("scale.default.4"),
    t("scale.default.5"),
  ];
  return {
    points: questionnaire.scale.map((point, index) => ({
      value: point.value,
      label: labels[index] ?? point.label,
    })),
    notApplicableLabel: t("scale.default.notApplicable"),
    lang: locale,
  };
}
