import { z } from "~/utils/zod";
import { messageRef } from "~/i18n/messages";
import { withoutNul } from "~/utils/nul-characters";
import {
  COMMENT_MAX_LENGTH,
  GENERAL_QUESTIONS,
  NOT_APPLICABLE,
  type Questionnaire,
} from "./questionnaire";

export const ANSWER_INTENTS = ["save", "autosave", "submit"] as const;
export type AnswerIntent = (typeof ANSWER_INTENTS)[number];
export type AnswersMode = "draft" | "submit";

/** What an item without an answer says; the error summary groups these per competency. */
export const ANSWER_REQUIRED = messageRef("rater.form.error.required");
const INVALID_CHOICE = messageRef("rater.form.error.invalidChoice");
const COMMENT_TOO_LONG = messageRef("rater.form.error.commentTooLong", {
  max: COMMENT_MAX_LENGTH,
});
const UNKNOWN_FIELD = messageRef("rater.form.error.unknownField");

/**
 * One schema for the questionnaire form, on the client (Conform, inline validation) and on
 * the server. Saving a draft accepts unanswered items; submitting needs every item. Both
 * refuse anything the form cannot produce: unknown ids, other values, repeated fields.
 */
export function createAnswersSchema(questionnaire: Questionnaire, mode: AnswersMode) {
  const choices: [string, ...string[]] = [
    NOT_APPLICABLE,
    ...questionnaire.scale.map((point) => String(point.value)),
  ];
  const choice = z.enum(choices, {
    error: (issue) => (issue.input === undefined ? ANSWER_REQUIRED : INVALID_CHOICE),
  });
  const rating = mode === "submit" ? choice : choice.optional();
  const ratingShape: Record<string, typeof rating> = {};
  const commentShape: Record<string, z.ZodOptional<z.ZodString>> = {};
  const comment = z
    .string({ error: INVALID_CHOICE })
    // Browsers count a line break as one character (maxlength) but send two (CRLF). A NUL
    // is nobody's meaning and cannot be stored on PostgreSQL: left out.
    .overwrite((text) => withoutNul(text.replace(/\r\n?/g, "\n")))
    .trim()
    .max(COMMENT_MAX_LENGTH, { error: COMMENT_TOO_LONG })
    .optional();
  for (const competency of questionnaire.competencies) {
    commentShape[competency.id] = comment;
    for (const indicator of competency.indicators) ratingShape[indicator.id] = rating;
  }
  const generalShape = Object.fromEntries(GENERAL_QUESTIONS.map((question) => [question, comment]));
  const unknown = { error: UNKNOWN_FIELD };
  const ratings = z.strictObject(ratingShape, unknown);

  return z.strictObject(
    {
      // The server checks the intent before the answers (exactly one, a known one); a
      // re-check in the browser while the rater types carries no button value.
      intent: z.enum(ANSWER_INTENTS, unknown).optional(),
      // prefault, not default: an empty form must still be checked item by item.
      ratings: mode === "submit" ? ratings.prefault({}) : ratings.optional(),
      comments: z.strictObject(commentShape, unknown).optional(),
      general: z.strictObject(generalShape, unknown).optional(),
    },
    unknown,
  );
}

export type ParsedAnswers = z.output<ReturnType<typeof createAnswersSchema>>;

/** The check a post asks for: a draft for "save" and "autosave", everything for "submit". */
export function answersModeOf(intent: FormDataEntryValue | null): AnswersMode {
  return intent === "save" || intent === "autosave" ? "draft" : "submit";
}

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
