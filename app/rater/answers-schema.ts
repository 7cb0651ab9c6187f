import { z } from "zod";
import {
  COMMENT_MAX_LENGTH,
  GENERAL_QUESTIONS,
  NOT_APPLICABLE,
  type Questionnaire,
} from "./questionnaire";

export const ANSWER_INTENTS = ["save", "autosave", "submit"] as const;
export type AnswerIntent = (typeof ANSWER_INTENTS)[number];

export interface AnswerMessages {
  required: string;
  invalidChoice: string;
  commentTooLong: string;
  unknownField: string;
}

/**
 * One schema for the questionnaire form, on the client (Conform, inline validation) and on
 * the server. Saving a draft accepts unanswered items; submitting needs every item. Both
 * refuse anything the form cannot produce: unknown ids, other values, repeated fields.
 */
export function createAnswersSchema(
  questionnaire: Questionnaire,
  messages: AnswerMessages,
  mode: "draft" | "submit",
) {
  const choices: [string, ...string[]] = [
    NOT_APPLICABLE,
    ...questionnaire.scale.map((point) => String(point.value)),
  ];
  const choice = z.enum(choices, {
    error: (issue) => (issue.input === undefined ? messages.required : messages.invalidChoice),
  });
  const rating = mode === "submit" ? choice : choice.optional();
  const ratingShape: Record<string, typeof rating> = {};
  const commentShape: Record<string, z.ZodOptional<z.ZodString>> = {};
  const comment = z
    .string({ error: messages.invalidChoice })
    // Browsers count a line break as one character (maxlength) but send two (CRLF).
    .overwrite((text) => text.replace(/\r\n?/g, "\n"))
    .trim()
    .max(COMMENT_MAX_LENGTH, { error: messages.commentTooLong })
    .optional();
  for (const competency of questionnaire.competencies) {
    commentShape[competency.id] = comment;
    for (const indicator of competency.indicators) ratingShape[indicator.id] = rating;
  }
  const generalShape = Object.fromEntries(GENERAL_QUESTIONS.map((question) => [question, comment]));
  const unknown = { error: messages.unknownField };
  const ratings = z.strictObject(ratingShape, unknown);

  return z.strictObject(
    {
      intent: z.enum(ANSWER_INTENTS, { error: messages.unknownField }),
      // prefault, not default: an empty form must still be checked item by item.
      ratings: mode === "submit" ? ratings.prefault({}) : ratings.optional(),
      comments: z.strictObject(commentShape, unknown).optional(),
      general: z.strictObject(generalShape, unknown).optional(),
    },
    unknown,
  );
}

export type ParsedAnswers = z.output<ReturnType<typeof createAnswersSchema>>;

/** Every field name the questionnaire form can send. */
export function answerFieldNames(questionnaire: Questionnaire): Set<string> {
  const names = new Set<string>(["intent"]);
  for (const competency of questionnaire.competencies) {
    names.add(`comments.${competency.id}`);
    for (const indicator of competency.indicators) names.add(`ratings.${indicator.id}`);
  }
  for (const question of GENERAL_QUESTIONS) names.add(`general.${question}`);
  return names;
}
