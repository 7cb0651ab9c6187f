/** The survey a rater fills in, built from a cycle's frozen profile snapshot. */
export interface Questionnaire {
  snapshotId: string;
  language: "nl" | "en";
  scale: { value: number; label: string }[];
  notApplicableLabel: string;
  competencies: QuestionnaireCompetency[];
}

export interface QuestionnaireCompetency {
  id: string;
  /** The stable id from the profile file (the same across cycles). */
  key: string;
  name: string;
  description: string;
  clusterName: string;
  organisationWide: boolean;
  indicators: { id: string; key: string; text: string }[];
}

export const NOT_APPLICABLE = "na";
export const COMMENT_MAX_LENGTH = 2000;
export const GENERAL_QUESTIONS = ["went_well", "could_improve"] as const;
export type GeneralQuestion = (typeof GENERAL_QUESTIONS)[number];

export function indicatorCount(questionnaire: Questionnaire): number {
  return questionnaire.competencies.reduce((sum, c) => sum + c.indicators.length, 0);
}

/** An honest estimate: about ten seconds per behaviour, plus time for the open questions. */
export function estimatedMinutes(questionnaire: Questionnaire): number {
  return Math.ceil((indicatorCount(questionnaire) * 10) / 60) + 2;
}

/** The answers as the form holds them: "1".."5" or "na" per indicator, texts per comment. */
// A type, not an interface: it is also a form's default value (a record of fields).
export type AnswerValues = {
  ratings: Record<string, string | undefined>;
  comments: Record<string, string | undefined>;
  general: Partial<Record<GeneralQuestion, string>>;
};

export function countAnswered(questionnaire: Questionnaire, ratings: AnswerValues["ratings"]) {
  let answered = 0;
  for (const competency of questionnaire.competencies) {
    for (const indicator of competency.indicators) if (ratings[indicator.id]) answered += 1;
  }
  return answered;
}
