import { describe, expect, it } from "vitest";
import type { Relationship } from "#db/schema";
import type { RaterAnswers } from "~/reports/engine/anonymity";
import {
  buildLeadView,
  buildReport,
  normMinParticipants,
  organisationNorm,
  type RaterComment,
} from "~/reports/report-content";
import { GENERAL_QUESTIONS, type Questionnaire } from "~/rater/questionnaire";

const questionnaire: Questionnaire = {
  snapshotId: "s",
  language: "nl",
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
  notApplicableLabel: "kan ik niet beoordelen",
  competencies: ["a", "b"].map((c) => ({
    id: c,
    key: `key-${c}`,
    name: `Competentie ${c}`,
    description: "",
    clusterName: "Cluster",
    organisationWide: c === "a",
    indicators: Array.from({ length: 6 }, (_, i) => ({
      id: `${c}${i}`,
      key: `${c}-${i}`,
      text: `gedrag ${c}${i}`,
    })),
  })),
};
const indicatorIds = questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id));

function rater(id: string, relationship: Relationship, score: (indicator: string) => number) {
  return {
    id,
    relationship,
    ratings: Object.fromEntries(indicatorIds.map((i) => [i, score(i)])),
  } satisfies RaterAnswers;
}

const settings = { k: 3, managerIdentifiable: false };
const position = (indicator: string) => Number(indicator.slice(1)) + (indicator[0] === "b" ? 6 : 0);

function report(raters: RaterAnswers[], comments: RaterComment[] = []) {
  return buildReport({
    participantId: "p1",
    participantFirstName: "Sanne",
    participantName: "Sanne de Vries",
    cycleName: "Voorjaar",
    questionnaire,
    settings,
    raters,
    comments,
    invited: { self: 1, colleague: 4, manager: 1 },
    generalQuestions: GENERAL_QUESTIONS,
  });
}

describe("buildReport", () => {
  // Others' scores rise with the indicator's position: 1 for the first three, 5 for the last.
  const others = ["c1", "c2", "c3", "c4"].map((id) =>
    rater(id, "colleague", (i) => 1 + Math.floor((position(i) * 4) / 11)),
  );

  it("ranks strengths and development points by the others' mean, without overlap", () => {
    const content = report([...others, rater("s", "self", () => 3)]);
    const strengths = content.summary.strengths.map((s) => s.indicatorKey);
    const development = content.summary.developmentPoints.map((s) => s.indicatorKey);
    expect(strengths).toHaveLength(5);
    expect(development).toHaveLength(5);
    expect(strengths.filter((key) => development.includes(key))).toEqual([]);
    expect(content.summary.strengths[0]!.others).toBeGreaterThanOrEqual(
      content.summary.strengths[4]!.others,
    );
    expect(content.summary.developmentPoints[0]!.others).toBe(1);
  });

  it("finds blind spots and hidden strengths at a third of the scale range", () => {
    const content = report([...others, rater("s", "self", () => 3)]);
    expect(content.summary.gapThreshold).toBeCloseTo(4 / 3);
    // Others 1 where self says 3: a gap of 2, a blind spot. Others 5, self 3: hidden strength.
    expect(content.summary.blindSpots.every((s) => s.self! - s.others >= 4 / 3 - 1e-9)).toBe(true);
    expect(content.summary.blindSpots.map((s) => s.indicatorKey)).toContain("a-0");
    expect(content.summary.hiddenStrengths.map((s) => s.indicatorKey)).toContain("b-5");
    // A gap of exactly 1 (others 4, self 3) is neither.
    const keys = [...content.summary.blindSpots, ...content.summary.hiddenStrengths].map(
      (s) => s.indicatorKey,
    );
    expect(keys).not.toContain("b-3");
  });

  it("shows no comment of others when fewer than k others answered, but the participant's own", () => {
    const comments: RaterComment[] = [
      { id: "x1", raterId: "c1", competencyId: "a", question: "competency", text: "Helder." },
      { id: "x2", raterId: "s", competencyId: "a", question: "competency", text: "Mijn eigen." },
    ];
    const few = report([others[0]!, others[1]!, rater("s", "self", () => 3)], comments);
    expect(few.commentsShown).toBe(false);
    expect(few.competencies[0]!.comments).toEqual([{ text: "Mijn eigen.", group: "self" }]);
  });

  it("labels a comment with its group only where that group is shown, in an order that does not follow the input", () => {
    // The manager alone is pooled with the customers (the smallest visible group), so the
    // colleagues stay visible and only their comments carry a label.
    const manager = rater("m", "manager", () => 4);
    const customers = ["k1", "k2", "k3"].map((id) => rater(id, "customer", () => 3));
    const comments: RaterComment[] = [
      { id: "k1", raterId: "m", competencyId: "a", question: "competency", text: "Van de baas." },
      ...others.map((o, index) => ({
        id: `k${index + 2}`,
        raterId: o.id,
        competencyId: "a",
        question: "competency",
        text: `Collega ${index}`,
      })),
    ];
    const content = report([...others, manager, ...customers], comments);
    const shown = content.competencies[0]!.comments;
    expect(shown.find((c) => c.text === "Van de baas.")?.group).toBeNull();
    expect(shown.filter((c) => c.group === "colleague")).toHaveLength(4);
    const reversed = report([...others, manager, ...customers], [...comments].reverse());
    expect(reversed.competencies[0]!.comments).toEqual(shown);
  });

  it("labels no comment when an unlabelled one could only come from fewer than k people", () => {
    // The manager could not judge competency b but wrote a comment there. Colleagues and
    // customers are shown in b, so labelling theirs would leave the manager's as the only
    // unlabelled one.
    const manager = {
      id: "m",
      relationship: "manager" as const,
      ratings: Object.fromEntries(indicatorIds.map((i) => [i, i.startsWith("b") ? null : 4])),
    };
    const customers = ["k1", "k2", "k3"].map((id) => rater(id, "customer", () => 3));
    const comments: RaterComment[] = [
      { id: "z1", raterId: "m", competencyId: "b", question: "competency", text: "Van de baas." },
      { id: "z2", raterId: "c1", competencyId: "b", question: "competency", text: "Collega." },
      { id: "z3", raterId: "k1", competencyId: "b", question: "competency", text: "Klant." },
    ];
    const content = report([...others.slice(0, 3), manager, ...customers], comments);
    const b = content.competencies.find((c) => c.id === "b")!;
    expect(b.figures.groups.colleague).toBeDefined();
    expect(b.figures.groups.customer).toBeDefined();
    expect(b.comments.map((c) => c.group)).toEqual([null, null, null]);
  });

  it("gives the manager a view without the manager's own answers, norm or trend", () => {
    const manager = rater("m", "manager", () => 1);
    const input = {
      participantId: "p1",
      participantFirstName: "Sanne",
      participantName: "Sanne de Vries",
      cycleName: "Voorjaar",
      questionnaire,
      settings,
      raters: [...others, manager],
      comments: [
        { id: "q1", raterId: "m", competencyId: "a", question: "competency", text: "Eigen." },
      ],
      invited: { manager: 1, colleague: 4 },
      generalQuestions: GENERAL_QUESTIONS,
    };
    const full = buildReport(input);
    const lead = buildLeadView(input);
    const othersOnly = report(others);
    expect(lead.competencies[0]!.figures.others).toEqual(
      othersOnly.competencies[0]!.figures.others,
    );
    expect(full.competencies[0]!.figures.others!.n).toBe(5);
    expect(lead.responseOverview.map((row) => row.group)).toEqual(["colleague"]);
    expect(lead.competencies[0]!.comments).toEqual([]);
    expect(lead.norm).toBeNull();
    expect(lead.trend).toBeNull();
  });

  it("counts invited and answered per group", () => {
    const content = report([...others, rater("s", "self", () => 3)]);
    expect(content.responseOverview).toEqual([
      { group: "self", invited: 1, answered: 1 },
      { group: "manager", invited: 1, answered: 0 },
      { group: "colleague", invited: 4, answered: 4 },
    ]);
  });
});

describe("organisationNorm", () => {
  it("is the mean of the participants' others scores, only with at least five participants", () => {
    const make = (score: number) =>
      report(["c1", "c2", "c3"].map((id) => rater(id, "colleague", () => score)));
    expect(organisationNorm([1, 2, 3, 4].map(make))).toBeNull();
    const norm = organisationNorm([1, 2, 3, 4, 5].map(make));
    expect(norm?.["key-a"]).toEqual({ mean: 3, participants: 5 });
  });

  it("needs k + 1 participants when k is 5 or more (each knows their own score)", () => {
    const make = (score: number) =>
      report(["c1", "c2", "c3"].map((id) => rater(id, "colleague", () => score)));
    expect(normMinParticipants(3)).toBe(5);
    expect(normMinParticipants(6)).toBe(7);
    const six = [1, 2, 3, 4, 5, 1].map(make);
    expect(organisationNorm(six, normMinParticipants(6))).toBeNull();
    expect(
      organisationNorm([...six, make(2)], normMinParticipants(6))?.["key-a"]?.participants,
    ).toBe(7);
  });
});
