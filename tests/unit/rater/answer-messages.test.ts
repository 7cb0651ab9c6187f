import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { translateErrors } from "~/components/forms";
import { translator } from "~/i18n/messages";
import { createAnswersSchema } from "~/rater/answers-schema";
import { declineSchema } from "~/rater/decline-schema";
import { smallQuestionnaire } from "../../support/fixtures/questionnaire";

const questionnaire = smallQuestionnaire;

const nl = translator("nl");
const en = translator("en");

function errorsOf(
  schema: Parameters<typeof parseWithZod>[1]["schema"],
  fields: string[][],
): Record<string, string[]> {
  const submission = parseWithZod(new URLSearchParams(fields), { schema });
  if (submission.status === "success") throw new Error("expected the schema to refuse");
  // Conform's errors of a refused submission: message references by field name.
  return (submission.error ?? {}) as Record<string, string[]>;
}

// The schemas speak in message references; the page translates them into the texts the
// rater saw before (when the schemas took a translator).
describe("the questionnaire's messages", () => {
  it("says which answer is missing or not a choice", () => {
    const errors = errorsOf(createAnswersSchema(questionnaire, "submit"), [
      ["intent", "submit"],
      ["ratings.i2", "7"],
    ]);
    expect(translateErrors(nl, errors["ratings.i1"])).toEqual([
      "Kies een antwoord, of ‘kan ik niet beoordelen’.",
    ]);
    expect(translateErrors(en, errors["ratings.i1"])).toEqual([
      "Choose an answer, or ‘not able to judge’.",
    ]);
    expect(translateErrors(nl, errors["ratings.i2"])).toEqual([
      "Dit antwoord is niet een van de mogelijke keuzes.",
    ]);
  });

  it("refuses a comment over the limit, with the limit in the reader's notation", () => {
    const errors = errorsOf(createAnswersSchema(questionnaire, "draft"), [
      ["intent", "save"],
      ["comments.c1", "x".repeat(2001)],
    ]);
    expect(translateErrors(nl, errors["comments.c1"])).toEqual(["Gebruik hoogstens 2.000 tekens."]);
    expect(translateErrors(en, errors["comments.c1"])).toEqual(["Use at most 2,000 characters."]);
  });

  it("names a field that does not belong to the survey", () => {
    const errors = errorsOf(createAnswersSchema(questionnaire, "draft"), [
      ["intent", "save"],
      ["ratings.other", "3"],
    ]);
    expect(translateErrors(nl, Object.values(errors).flat())).toEqual([
      "Het formulier bevat gegevens die niet bij deze vragenlijst horen.",
    ]);
  });

  it("counts the unanswered questions of a competency in the right plural", () => {
    const line = (count: number) =>
      nl("rater.form.errorSummary.missing", { competency: "Communiceren", count });
    expect(line(1)).toBe("Communiceren: 1 vraag zonder antwoord");
    expect(line(3)).toBe("Communiceren: 3 vragen zonder antwoord");
    expect(en("rater.form.errorSummary.missing", { competency: "Listening", count: 1 })).toBe(
      "Listening: 1 question without an answer",
    );
    expect(en("rater.form.errorSummary.missing", { competency: "Listening", count: 2 })).toBe(
      "Listening: 2 questions without an answer",
    );
  });
});

describe("the decline form's messages", () => {
  it("refuses a reason over 1000 characters", () => {
    const errors = errorsOf(declineSchema, [["reason", "r".repeat(1001)]]);
    expect(translateErrors(nl, errors.reason)).toEqual(["Gebruik hoogstens 1.000 tekens."]);
    expect(translateErrors(en, errors.reason)).toEqual(["Use at most 1,000 characters."]);
  });
});
