import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { allErrorsOf, translateErrors } from "~/components/forms";
import { translator } from "~/i18n/messages";
import { addExternalSchema, addPersonSchema } from "~/invitations/late-rater-schema";

// HR's forms for a late rater say what is wrong with message references; the page
// translates them into the texts the forms always showed.

const nl = translator("nl");

function errorsOf(
  schema: typeof addPersonSchema | typeof addExternalSchema,
  fields: [string, string][],
) {
  const submission = parseWithZod(new URLSearchParams(fields), { schema });
  expect(submission.status).toBe("error");
  return translateErrors(nl, allErrorsOf(submission.reply()));
}

describe("the late-rater forms' messages", () => {
  it("ask for a colleague and a group", () => {
    expect(
      errorsOf(addPersonSchema, [
        ["intent", "add-person"],
        ["relationship", "manager"],
      ]),
    ).toEqual([
      "Kies een collega uit de zoekresultaten.",
      "Kies als wat deze persoon feedback geeft.",
    ]);
  });

  it("name what is wrong with someone added by address", () => {
    expect(
      errorsOf(addExternalSchema, [
        ["intent", "add-external"],
        ["name", "x".repeat(101)],
        ["email", "geen-adres"],
        ["relationship", "customer"],
      ]),
    ).toEqual([
      "De naam mag hoogstens 100 tekens lang zijn.",
      "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
    ]);
    expect(
      errorsOf(addExternalSchema, [
        ["intent", "add-external"],
        ["relationship", "customer"],
      ]),
    ).toEqual(["Vul de naam in.", "Vul het e-mailadres in."]);
  });
});
