import { answerFieldNames, createAnswersSchema, type AnswersMode } from "./answers-schema";
import type { Questionnaire } from "./questionnaire";

type AnswersSchema = ReturnType<typeof createAnswersSchema>;

// Building a 37-item zod schema costs about as much as the rest of a submission, and a
// snapshot never changes, so schemas and field lists are built once per snapshot. The
// schemas speak in message references, so one serves every language.
const schemas = new Map<string, AnswersSchema>();
const fieldNames = new Map<string, Set<string>>();

export function answersSchemaFor(questionnaire: Questionnaire, mode: AnswersMode) {
  const key = `${questionnaire.snapshotId}:${mode}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = createAnswersSchema(questionnaire, mode);
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
