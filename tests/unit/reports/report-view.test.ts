import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Relationship } from "#db/schema";
import { GENERAL_QUESTIONS, type Questionnaire } from "~/rater/questionnaire";
import type { RaterAnswers } from "~/reports/engine/anonymity";
import { formatChange, formatScore, roundForDisplay } from "~/reports/format";
import { normWithheldFor } from "~/reports/norm-knowledge";
import {
  buildLeadView,
  buildReport,
  type ReportContent,
  type ReportInput,
} from "~/reports/report-content";
import { buildReportPageView } from "~/reports/report-view";

const questionnaire: Questionnaire = {
  snapshotId: "s",
  language: "nl",
  scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
  notApplicableLabel: "kan ik niet beoordelen",
  competencies: ["a", "b"].map((c) => ({
    id: `id-${c}`,
    key: `key-${c}`,
    name: `Competentie ${c}`,
    description: "",
    clusterName: "Cluster",
    organisationWide: false,
    indicators: Array.from({ length: 3 }, (_, i) => ({
      id: `${c}${i}`,
      key: `${c}-${i}`,
      text: `gedrag ${c}${i}`,
    })),
  })),
};
const indicatorIds = questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id));

function rater(
  id: string,
  relationship: Relationship,
  score: (indicator: string) => number | null,
): RaterAnswers {
  return { id, relationship, ratings: Object.fromEntries(indicatorIds.map((i) => [i, score(i)])) };
}

// Six colleagues with scores that give means of many decimals, a manager, the participant.
const raters: RaterAnswers[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) =>
    rater(`c${n}`, "colleague", (i) =>
      i === "a2" && n === 1 ? null : 1 + ((n * 7 + i.charCodeAt(1)) % 5),
    ),
  ),
  rater("m", "manager", () => 2),
  rater("s", "self", () => 4),
];
const input: ReportInput = {
  participantId: "p1",
  participantFirstName: "Sanne",
  participantName: "Sanne de Vries",
  cycleName: "Voorjaar",
  questionnaire,
  settings: { k: 3, managerIdentifiable: false },
  raters,
  comments: [
    { id: "x1", raterId: "m", competencyId: "id-a", question: "competency", text: "Van de baas." },
    { id: "x2", raterId: "c1", competencyId: "id-a", question: "competency", text: "Collega." },
  ],
  invited: { self: 1, manager: 1, colleague: 6 },
  generalQuestions: GENERAL_QUESTIONS,
};

function storedReport(): ReportContent {
  const content = buildReport(input);
  return {
    ...content,
    norm: {
      "key-a": { mean: 3.456, participants: 7 },
      "key-b": { mean: 2.04999, participants: 6 },
    },
    normWithheld: [],
    trend: {
      cycleName: "Najaar",
      competencies: [
        { competencyKey: "key-a", others: 3.14159, self: 2.71828 },
        { competencyKey: "key-b", others: null, self: 3 },
      ],
    },
    leadView: buildLeadView(input),
  };
}

function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [key, ...keysIn(item)]);
  }
  return [];
}

describe("roundForDisplay", () => {
  it("rounds as the page formats: the same text for the rounded and the exact figure", () => {
    const ties = [0.05, 0.15, 1.15, 1.25, 2.25, 2.35, 3.45, 4.55, 4 / 3, 5 / 3, -0.05, -1.25];
    for (const value of ties) {
      for (const locale of ["nl", "en"] as const) {
        expect(formatScore(roundForDisplay(value), locale), `${value}`).toBe(
          formatScore(value, locale),
        );
        expect(formatChange(roundForDisplay(value), locale), `${value}`).toBe(
          formatChange(value, locale),
        );
      }
    }
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), (value) => {
        const rounded = roundForDisplay(value);
        expect(String(Math.abs(rounded))).toMatch(/^\d+(\.\d)?$/);
        expect(formatScore(rounded, "nl")).toBe(formatScore(value, "nl"));
        expect(formatChange(rounded, "en")).toBe(formatChange(value, "en"));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("buildReportPageView", () => {
  const stored = storedReport();
  const view = (overrides: Partial<Parameters<typeof buildReportPageView>[0]> = {}) =>
    buildReportPageView({
      stored,
      as: "participant",
      releasedOn: "2030-03-01",
      normWithheld: [],
      normChosen: true,
      ...overrides,
    })!;

  it("gives the participant their report without the lead view, every figure at one decimal", () => {
    const participant = view();
    expect(keysIn(participant)).not.toContain("leadView");
    // (One "withheld" flag per competency stays: the page says so under its heading.)
    for (const key of ["spread", "settings", "othersRated", "id", "notApplicableLabel"]) {
      expect(keysIn(participant)).not.toContain(key);
    }
    const numbers = numbersIn(participant);
    expect(numbers.length).toBeGreaterThan(30);
    for (const value of numbers) expect(String(value)).toMatch(/^-?\d+(\.\d)?$/);
    // The stored figures had more decimals: the view holds them rounded.
    const a = stored.competencies[0]!;
    expect(String(a.figures.others!.mean)).not.toMatch(/^\d+(\.\d)?$/);
    expect(participant.competencies[0]!.figures.others).toBe(
      roundForDisplay(a.figures.others!.mean),
    );
    expect(participant.competencies[0]!.figures.n).toBe(7);
    expect(participant.participantFirstName).toBeNull();
    expect(participant.k).toBe(3);
    expect(participant.scale).toEqual({ min: 1, max: 5 });
    expect(participant.summary.gapThreshold).toBe(1.3);
  });

  it("sends the spread only as the agreement band, counts only where 'others' is shown", () => {
    const participant = view();
    const indicator = participant.competencies[0]!.indicators[0]!.figures;
    const source = stored.competencies[0]!.indicators[0]!.figures;
    expect(source.spread).not.toBeNull();
    expect(["high", "medium", "low"]).toContain(indicator.agreement);
    expect(indicator.notApplicable).toBe(source.notApplicable);
    // The competency row shows no "kan ik niet beoordelen" count.
    expect(participant.competencies[0]!.figures.notApplicable).toBeNull();
    // Group figures are means only: the page shows no group count.
    for (const figure of Object.values(indicator.groups)) expect(typeof figure).toBe("number");

    const hidden = buildReportPageView({
      stored: {
        ...stored,
        competencies: stored.competencies.map((c) => ({
          ...c,
          indicators: c.indicators.map((i) => ({
            ...i,
            figures: { ...i.figures, others: null, spread: null, notApplicable: 2 },
          })),
        })),
      },
      as: "participant",
      releasedOn: null,
      normWithheld: [],
      normChosen: false,
    })!;
    const withheld = hidden.competencies[0]!.indicators[0]!.figures;
    expect(withheld).toMatchObject({ others: null, n: null, notApplicable: null, agreement: null });
  });

  it("lists the participant's own score only where the summary shows it", () => {
    const participant = view();
    for (const item of [
      ...participant.summary.strengths,
      ...participant.summary.developmentPoints,
    ]) {
      expect(item.self).toBeUndefined();
    }
    const withSelf = [...participant.summary.blindSpots, ...participant.summary.hiddenStrengths];
    for (const item of withSelf) expect(typeof item.self).toBe("number");
  });

  it("sends the norm's figures only while the norm is a series on the chart, and never a withheld one", () => {
    expect(view({ normChosen: false }).norm).toEqual({ participants: 7, means: null });
    expect(view().norm).toEqual({ participants: 7, means: { "key-a": 3.5, "key-b": 2 } });
    expect(view({ normWithheld: ["key-a"] }).norm).toEqual({
      participants: 6,
      means: { "key-b": 2 },
    });
    expect(view({ normWithheld: ["key-a", "key-b"] }).norm).toBeNull();
    expect(view().normWithheld).toBe(false);
    expect(view({ normWithheld: ["key-a"] }).normWithheld).toBe(true);
    expect(view({ normWithheld: ["key-a", "key-b"] }).normWithheld).toBe(true);
  });

  it("gives the trend's change between the two figures as shown, not the exact ones", () => {
    const participant = view();
    const now = stored.competencies[0]!.figures.others!.mean;
    expect(participant.trend).toEqual({
      cycleName: "Najaar",
      competencies: [
        { key: "key-a", before: 3.1, change: roundForDisplay(roundForDisplay(now) - 3.1) },
        { key: "key-b", before: null, change: null },
      ],
    });
  });

  it("orders the summary by the figures as shown, ties in profile order", () => {
    // Two strengths whose exact means differ but show the same: the stored order (exact)
    // would tell which is higher; the page data must not.
    const tied = storedReport();
    const profileOrder = tied.competencies.flatMap((c) =>
      c.indicators.map((i) => `${c.key}/${i.key}`),
    );
    const position = (ref: { competencyKey: string; indicatorKey: string }) =>
      profileOrder.indexOf(`${ref.competencyKey}/${ref.indicatorKey}`);
    const [earlier, later] = tied.summary.strengths
      .slice(0, 2)
      .sort((a, b) => position(a) - position(b));
    // Stored as the exact means order them: the later item of the profile first.
    tied.summary.strengths = [
      { ...later!, others: 4.04 },
      { ...earlier!, others: 4.01 },
    ];
    const items = buildReportPageView({
      stored: tied,
      as: "participant",
      releasedOn: null,
      normWithheld: [],
      normChosen: false,
    })!.summary.strengths;
    expect(items.map((item) => item.others)).toEqual([4, 4]);
    expect(items.map((item) => item.key)).toEqual([
      `${earlier!.competencyKey}/${earlier!.indicatorKey}`,
      `${later!.competencyKey}/${later!.indicatorKey}`,
    ]);
  });

  it("gives the manager the lead view only, and nothing without one", () => {
    const lead = view({ as: "lead" });
    const fromLeadOnly = buildReportPageView({
      stored: { ...stored, competencies: [], norm: null, trend: null, leadView: stored.leadView },
      as: "lead",
      releasedOn: "2030-03-01",
      normWithheld: [],
      normChosen: true,
    });
    expect(lead).toEqual(fromLeadOnly);
    expect(lead.participantFirstName).toBe("Sanne");
    expect(lead.norm).toBeNull();
    expect(lead.trend).toBeNull();
    expect(lead.responseOverview.map((row) => row.group)).not.toContain("manager");
    // Without the manager the others are six: the figure is the lead view's, not the report's.
    expect(lead.competencies[0]!.figures.n).toBe(6);
    expect(lead.competencies[0]!.comments.map((c) => c.text)).not.toContain("Van de baas.");
    expect(keysIn(lead)).not.toContain("leadView");
    expect(
      buildReportPageView({
        stored: { ...stored, leadView: null },
        as: "lead",
        releasedOn: null,
        normWithheld: [],
        normChosen: false,
      }),
    ).toBeNull();
  });
});

describe("normWithheldFor: what a participant knows of the norm", () => {
  const report = (n: Record<string, number | null>) =>
    ({
      competencies: Object.entries(n).map(([key, others]) => ({
        key,
        figures: { others: others === null ? null : { mean: 3, n: others } },
      })),
    }) as unknown as ReportContent;
  const norm = { a: { mean: 3, participants: 5 }, b: { mean: 3, participants: 5 } };

  it("withholds a competency where fewer than k participants remain unknown to the viewer", () => {
    const own = report({ a: 4, b: 4 });
    // k = 3, five participants: the viewer knows their own; two more known leave two unknown.
    const rated = [report({ a: 3, b: 4 }), report({ a: 2 + 1, b: 9 })];
    expect(normWithheldFor({ norm, k: 3, own, rated })).toEqual(["a"]);
    // Rated with enough others besides the viewer: n − 1 ≥ k leaves the score unknown.
    expect(normWithheldFor({ norm, k: 3, own, rated: [report({ a: 4, b: 4 })] })).toEqual([]);
    // Nobody rated: the norm needs k + 1 participants, so it always stays.
    expect(normWithheldFor({ norm, k: 3, own, rated: [] })).toEqual([]);
    // A rated participant without an "others" figure is not in the norm at all.
    expect(
      normWithheldFor({ norm, k: 3, own, rated: [report({ a: null }), report({ a: 2 })] }),
    ).toEqual([]);
    // A report that cannot be read counts as known.
    expect(normWithheldFor({ norm, k: 3, own, rated: [null, report({ a: 3 })] })).toEqual(["a"]);
    expect(normWithheldFor({ norm: null, k: 3, own, rated })).toEqual([]);
  });
});
