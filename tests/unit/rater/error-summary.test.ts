import { describe, expect, it } from "vitest";
import { ANSWER_REQUIRED } from "~/rater/answers-schema";
import { summariseErrors, summaryTarget } from "~/rater/error-summary";
import { smallQuestionnaire } from "../../support/fixtures/questionnaire";

const questionnaire = smallQuestionnaire;
const REQUIRED = ANSWER_REQUIRED;

describe("summariseErrors", () => {
  it("groups unanswered items per competency, linking to the first one", () => {
    const summary = summariseErrors(
      { "ratings.i2": [REQUIRED], "ratings.i3": [REQUIRED], "ratings.i4": [REQUIRED] },
      questionnaire,
    );
    expect(summary).toEqual([
      { kind: "missing", competencyName: "Communiceren", count: 2, field: "ratings.i2" },
      { kind: "missing", competencyName: "Samenwerken", count: 1, field: "ratings.i4" },
    ]);
  });

  it("lists other problems on their own line, form-level ones first, in form order", () => {
    const summary = summariseErrors(
      {
        "general.could_improve": ["te lang"],
        "ratings.i1": ["ongeldig"],
        "comments.c1": ["te lang"],
        "": ["onbekend veld"],
        ratings: ["onbekend veld"],
      },
      questionnaire,
    );
    expect(summary).toEqual([
      { kind: "form", messages: ["onbekend veld"] },
      { kind: "field", field: "ratings.i1", messages: ["ongeldig"] },
      { kind: "field", field: "comments.c1", messages: ["te lang"] },
      { kind: "field", field: "general.could_improve", messages: ["te lang"] },
    ]);
  });

  it("is empty without errors", () => {
    expect(summariseErrors({ "ratings.i1": [] }, questionnaire)).toEqual([]);
  });

  it("links a rating to its first radio, and any other field to itself", () => {
    expect(summaryTarget("ratings.i2", "vragenlijst", 1)).toBe("vragenlijst-ratings.i2-1");
    expect(summaryTarget("comments.c1", "vragenlijst", 1)).toBe("vragenlijst-comments.c1");
  });
});
