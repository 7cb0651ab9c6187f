import { useMemo } from "react";
import { ErrorSummary, type FormResult, type SummaryField } from "~/components/forms";
import { useTranslation } from "~/i18n/use-translation";
import { ANSWER_REQUIRED } from "../answers-schema";
import { summariseErrors, summaryLabels, summaryTarget } from "../error-summary";
import type { Questionnaire } from "../questionnaire";

/**
 * The kit's error summary, with unanswered items grouped per competency
 * ("Communiceren: 2 vragen zonder antwoord", linking to the first of them) and a title that
 * counts every field with a problem.
 */
export function QuestionnaireErrorSummary({
  formId,
  allErrors,
  questionnaire,
  firstScaleValue,
  lastResult,
  attempt,
}: {
  formId: string;
  /** Conform's `form.allErrors`: message references by field name. */
  allErrors: Record<string, string[]>;
  questionnaire: Questionnaire;
  firstScaleValue: number;
  lastResult: FormResult | undefined;
  /** The submits the browser refused (the kit form's `form.attempt`). */
  attempt: number;
}) {
  const { t } = useTranslation();
  const labels = useMemo(() => summaryLabels(questionnaire, t), [questionnaire, t]);
  const entries = summariseErrors(allErrors, questionnaire);
  const formErrors = entries.flatMap((entry) => (entry.kind === "form" ? entry.messages : []));
  const fields = entries.flatMap((entry): SummaryField[] => {
    if (entry.kind === "form") return [];
    const id = summaryTarget(entry.field, formId, firstScaleValue);
    if (entry.kind === "field") {
      return [{ id, label: labels.get(entry.field) ?? entry.field, errors: entry.messages }];
    }
    const { competencyName: competency, count } = entry;
    return [
      {
        id,
        label: competency,
        errors: [ANSWER_REQUIRED],
        text: t("rater.form.errorSummary.missing", { competency, count }),
      },
    ];
  });
  const problemCount = Object.values(allErrors).filter((list) => list.length > 0).length;
  return (
    <ErrorSummary
      id={`${formId}-errors`}
      title={t("rater.form.errorSummary.title", { count: problemCount })}
      formErrors={formErrors}
      fields={fields}
      lastResult={lastResult}
      attempt={attempt}
    />
  );
}
