import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { allErrorsOf, translateErrors } from "~/components/forms";
import { translator } from "~/i18n/messages";
import { problemRef } from "~/nominations/messages";
import { proposalSchema, reviewSchema } from "~/nominations/nomination-forms";

// The nomination forms say what is wrong with message references; the page translates them
// into the texts the forms always showed.

const nl = translator("nl");
const en = translator("en");

function errorsOf(schema: typeof proposalSchema | typeof reviewSchema, fields: [string, string][]) {
  const submission = parseWithZod(new URLSearchParams(fields), { schema });
  expect(submission.status).toBe("error");
  return translateErrors(nl, allErrorsOf(submission.reply()));
}

describe("the nomination forms' messages", () => {
  it("name what is wrong with the customer, in the reader's language", () => {
    expect(errorsOf(proposalSchema, [["intent", "propose-customer"]])).toEqual([
      "Vul de naam van de klant in.",
      "Vul het e-mailadres van de klant in.",
    ]);
    expect(
      errorsOf(reviewSchema, [
        ["intent", "add-customer"],
        ["name", "x".repeat(121)],
        ["email", "geen-adres"],
      ]),
    ).toEqual([
      "Gebruik voor de naam hoogstens 120 tekens.",
      "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
    ]);
    const submission = parseWithZod(new URLSearchParams([["intent", "propose-customer"]]), {
      schema: proposalSchema,
    });
    expect(translateErrors(en, allErrorsOf(submission.reply()))).toEqual([
      en("nominations.form.nameRequired"),
      en("nominations.form.emailRequired"),
    ]);
  });

  it("ask for a choice when a person button comes without one", () => {
    expect(errorsOf(proposalSchema, [["intent", "propose-colleague"]])).toEqual([
      "Kies eerst iemand uit de lijst.",
    ]);
  });

  it("name a group outside its limits, the group's name translated too", () => {
    const tooFew = problemRef({ group: "colleague", kind: "too_few", count: 0, min: 2, max: 8 });
    expect(translateErrors(nl, [tooFew])).toEqual(["Collega’s: 0 voorgedragen, minimaal 2 nodig."]);
    expect(translateErrors(en, [tooFew])).toEqual([
      en("nominations.problem.tooFew", {
        group: en("nominations.group.colleague"),
        count: 0,
        min: 2,
        max: 8,
      }),
    ]);
  });

  it("count the nominations waiting for approval", () => {
    expect(nl("nominations.mine.approvals", { count: 1 })).toBe("1 voordracht goedkeuren");
    expect(nl("nominations.mine.approvals", { count: 3 })).toBe("3 voordrachten goedkeuren");
    expect(en("nominations.mine.approvals", { count: 1 })).toBe("Approve 1 nomination");
  });
});
