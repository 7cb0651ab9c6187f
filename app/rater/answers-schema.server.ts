import type { Locale } from "~/i18n/locales";
import { translator } from "~/i18n/messages";
import { answerMessages } from "./answer-messages";
import { answerFieldNames, createAnswersSchema } from "./answers-schema";
import type { Questionnaire } from "./questionnaire";

type Mode = "draft" | "submit";
type AnswersSchema = ReturnType<typeof createAnswersSchema>;

// Building a 37-item zod schema costs about as much as the rest of a submission, and a
// snapshot never changes, so schemas and field lists are built once per snapshot.
const schemas = new Map<string, AnswersSchema>();
const fieldNames = new Map<string, Set<string>>();

export function answersSchemaFor(questionnaire: Questionnaire, locale: Locale, mode: Mode) {
  const key = `${questionnaire.snapshotId}:${locale}:${mode}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = createAnswersSchema(questionnaire, answerMessages(translator(locale)), mode);
    schemas.set(key, schema);
  }
  return schema;
}

export function answerFieldNamesFor(questionnaire: Questionnaire): Set<string> {
  let names = fieldNames.get(questionnaire.snapshotId);
  if (!names) {
    names = answerFieldNames(questionnaire);
    fieldNames.set(questionnaire.snapshotId, names);
  }
  return names;
}
