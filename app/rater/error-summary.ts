import type { Translate } from "~/i18n/messages";
import { ANSWER_REQUIRED } from "./answers-schema";
import { GENERAL_QUESTIONS, type Questionnaire } from "./questionnaire";

/** A line of the error summary; the messages are message references. */
export type SummaryEntry =
  | { kind: "form"; messages: string[] }
  | { kind: "missing"; competencyName: string; count: number; field: string }
  | { kind: "field"; field: string; messages: string[] };

/**
 * The error summary in the order of the form. Unanswered items are grouped per competency
 * (one line instead of up to 37 on a phone); any other problem gets its own line.
 */
export function summariseErrors(
  allErrors: Record<string, string[] | undefined>,
  questionnaire: Questionnaire,
): SummaryEntry[] {
  const entries: SummaryEntry[] = [];
  const known = new Set<string>();
  const problems = (field: string) => {
    known.add(field);
    return allErrors[field]?.filter(Boolean) ?? [];
  };

  const competencyEntries: SummaryEntry[] = [];
  for (const competency of questionnaire.competencies) {
    let missingCount = 0;
    let firstMissing = "";
    for (const indicator of competency.indicators) {
      const field = `ratings.${indicator.id}`;
      const messages = problems(field);
      if (messages.length === 0) continue;
      if (messages.every((message) => message === ANSWER_REQUIRED)) {
        missingCount += 1;
        firstMissing ||= field;
      } else {
        competencyEntries.push({ kind: "field", field, messages });
      }
    }
    if (missingCount > 0) {
      competencyEntries.push({
        kind: "missing",
        competencyName: competency.name,
        count: missingCount,
        field: firstMissing,
      });
    }
    const commentField = `comments.${competency.id}`;
    const commentProblems = problems(commentField);
    if (commentProblems.length)
      competencyEntries.push({ kind: "field", field: commentField, messages: commentProblems });
  }
  for (const question of GENERAL_QUESTIONS) {
    const field = `general.${question}`;
    const messages = problems(field);
    if (messages.length) competencyEntries.push({ kind: "field", field, messages });
  }

  const formMessages = Object.entries(allErrors)
    .filter(([field]) => !known.has(field))
    .flatMap(([, messages]) => messages ?? []);
  if (formMessages.length) entries.push({ kind: "form", messages: [...new Set(formMessages)] });
  return [...entries, ...competencyEntries];
}

/** The element a summary link jumps to: the first radio of a group, or the textarea. */
export function summaryTarget(field: string, formId: string, firstScaleValue: number): string {
  return field.startsWith("ratings.")
    ? `${formId}-${field}-${firstScaleValue}`
    : `${formId}-${field}`;
}

/** What the summary calls each field of the form, by its name. */
export function summaryLabels(questionnaire: Questionnaire, t: Translate): Map<string, string> {
  const labels = new Map<string, string>();
  for (const competency of questionnaire.competencies) {
    labels.set(
      `comments.${competency.id}`,
      t("rater.form.comment", { competency: competency.name }),
    );
    for (const indicator of competency.indicators) {
      labels.set(`ratings.${indicator.id}`, `${competency.name}: ${indicator.text}`);
    }
  }
  for (const question of GENERAL_QUESTIONS) {
    labels.set(`general.${question}`, t(`rater.form.general.${question}`));
  }
  return labels;
}
