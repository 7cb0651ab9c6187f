import { GENERAL_QUESTIONS, type Questionnaire } from "./questionnaire";

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
  requiredMessage: string,
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
      if (messages.every((message) => message === requiredMessage)) {
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
