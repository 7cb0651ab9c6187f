import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Relationship } from "#db/schema";
import type { Questionnaire } from "~/rater/questionnaire";
import {
  computeReportFigures,
  OTHER_GROUPS,
  type EngineSettings,
  type OtherGroup,
  type RaterAnswers,
  type UnitFigures,
} from "~/reports/engine/anonymity";
import { buildLeadView, buildReport, type ReportInput } from "~/reports/report-content";

// An independent check of the engine's promise. Every shown figure is, to a reader who knows
// who answered "kan ik niet beoordelen" where (the worst case), a linear equation over the
// individual ratings. The figures must not pin down anything resting on fewer than k
// protected raters: no single rating, no combination of one rater's ratings, no combination
// of the ratings of fewer than k raters together. A viewer who rated the participant knows
// their own ratings: those are known values. Ranks are computed here in a prime field, by
// brute force over every set of raters, independently of the engine's floating-point guard
// (which reasons over classes of raters with identical columns).

const PRIMES = [67108859, 33554393];
/** The brute force over sets of raters takes seconds; more on a busy machine. */
const SLOW = 90_000;

function isPrime(n: number) {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return n > 1;
}

// Both primes are below 2^26, so a product of two residues is below 2^52: exact in a double.
const mulMod = (a: number, b: number, p: number) => (a * b) % p;

function power(base: number, exponent: number, p: number): number {
  let result = 1;
  let b = base % p;
  let e = exponent;
  while (e > 0) {
    if (e % 2 === 1) result = mulMod(result, b, p);
    b = mulMod(b, b, p);
    e = Math.floor(e / 2);
  }
  return result;
}

function rankModP(rows: number[][], columns: number[], p: number): number {
  const matrix = rows.map((row) => columns.map((c) => (((row[c] ?? 0) % p) + p) % p));
  let rank = 0;
  for (let col = 0; col < columns.length && rank < matrix.length; col++) {
    let pivot = -1;
    for (let r = rank; r < matrix.length; r++) {
      if (matrix[r]![col] !== 0) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const inverse = power(matrix[rank]![col]!, p - 2, p);
    for (let r = rank + 1; r < matrix.length; r++) {
      const factor = mulMod(matrix[r]![col]!, inverse, p);
      if (factor === 0) continue;
      for (let c = col; c < columns.length; c++) {
        matrix[r]![c] = (matrix[r]![c]! - mulMod(factor, matrix[rank]![c]!, p) + p) % p;
      }
    }
    rank++;
  }
  return rank;
}

/** Rank over the rationals: the larger of two prime-field ranks (it can only be lower mod p). */
function rank(rows: number[][], columns: number[]) {
  return Math.max(...PRIMES.map((p) => rankModP(rows, columns, p)));
}

/** Whether the rank over the rationals reaches `target` (one prime field suffices to say yes). */
function rankReaches(rows: number[][], columns: number[], target: number) {
  return PRIMES.some((p) => rankModP(rows, columns, p) >= target);
}

/** Every subset of `size` elements of `items`. */
function* subsets<T>(items: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - size; i++) {
    for (const rest of subsets(items, size - 1, i + 1)) yield [items[i]!, ...rest];
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const rated = (r: RaterAnswers, ids: string[]) =>
  ids.filter((id) => typeof r.ratings[id] === "number");

interface ShownUnit {
  /** null: the competency; else the indicator id. */
  unit: string | null;
  figures: UnitFigures;
}

/**
 * The equations a viewer reads off the shown figures (one per shown series and unit), over
 * one unknown per (non-self rater, rated indicator) of the round. `members` are the raters
 * the figures were built from: a series' row covers its members among them.
 */
function equations(
  shown: readonly ShownUnit[],
  members: readonly RaterAnswers[],
  allOthers: readonly RaterAnswers[],
  indicatorIds: string[],
) {
  const columns = new Map<string, number>();
  for (const r of allOthers)
    for (const id of rated(r, indicatorIds)) columns.set(`${r.id}/${id}`, columns.size);
  // Rows scaled by 12 (lcm of 1..3 items and 4) to stay integral.
  const rows: number[][] = [];
  const addRow = (series: readonly RaterAnswers[], unit: string | null) => {
    const row = new Array<number>(columns.size).fill(0);
    for (const r of series) {
      const items = rated(r, unit === null ? indicatorIds : [unit]);
      if (items.length === 0) continue;
      const weight = unit === null ? 12 / items.length : 12;
      for (const id of items) row[columns.get(`${r.id}/${id}`)!] = weight;
    }
    rows.push(row);
  };
  for (const { unit, figures } of shown) {
    if (figures.others) addRow(members, unit);
    for (const group of Object.keys(figures.groups) as OtherGroup[]) {
      addRow(
        members.filter((r) => r.relationship === group),
        unit,
      );
    }
  }
  const columnsOf = (r: RaterAnswers) =>
    rated(r, indicatorIds).map((id) => columns.get(`${r.id}/${id}`)!);
  return { rows, columnsOf, columnCount: columns.size };
}

/**
 * What the viewer can solve from the equations, their known raters' ratings given: a
 * description of a set of fewer than k protected raters some combination of whose ratings
 * is pinned down, or null. Sets of exactly min(k - 1, protected raters) suffice: a
 * combination on a smaller set lies on every set containing it.
 */
function solvable(
  { rows, columnsOf, columnCount }: ReturnType<typeof equations>,
  allOthers: readonly RaterAnswers[],
  settings: EngineSettings,
  knownIds: ReadonlySet<string>,
): string | null {
  if (rows.length === 0) return null;
  const knownColumns = new Set(
    allOthers.filter((r) => knownIds.has(r.id)).flatMap((r) => columnsOf(r)),
  );
  const unknown = Array.from({ length: columnCount }, (_, i) => i).filter(
    (i) => !knownColumns.has(i),
  );
  const protectedRaters = allOthers.filter(
    (r) =>
      !knownIds.has(r.id) &&
      !(r.relationship === "manager" && settings.managerIdentifiable) &&
      columnsOf(r).length > 0,
  );
  const full = rank(rows, unknown);
  const size = Math.min(settings.k - 1, protectedRaters.length);
  if (size === 0) return null;
  for (const set of subsets(protectedRaters, size)) {
    const own = new Set(set.flatMap((r) => columnsOf(r)));
    const rest = unknown.filter((i) => !own.has(i));
    // Equal ranks: no combination of these raters' ratings lies in the span of the figures.
    if (!rankReaches(rows, rest, full)) {
      return `raters ${set.map((r) => `${r.id} (${r.relationship})`).join(", ")} can be solved`;
    }
  }
  return null;
}

function unitsOf(competency: {
  figures: UnitFigures;
  indicators: { id: string; figures: UnitFigures }[];
}): ShownUnit[] {
  return [
    { unit: null, figures: competency.figures },
    ...competency.indicators.map((indicator) => ({
      unit: indicator.id as string | null,
      figures: indicator.figures,
    })),
  ];
}

interface Cycle {
  settings: EngineSettings;
  indicatorIds: string[];
  raters: RaterAnswers[];
  /** Picks the viewer among the non-self raters, where a test needs one. */
  viewerPick: number;
}

interface Shape {
  /** Managers at least (the viewer is the manager in the lead-view rounds). */
  minManagers: number;
  /** Colleagues, customers and reports at most, each. */
  maxPerGroup: number;
}

function cycleArbitrary({ minManagers, maxPerGroup }: Shape): fc.Arbitrary<Cycle> {
  return fc
    .record({
      k: fc.integer({ min: 2, max: 5 }),
      managerIdentifiable: fc.boolean(),
      items: fc.integer({ min: 1, max: 3 }),
      sizes: fc.record({
        self: fc.integer({ min: 0, max: 1 }),
        manager: fc.integer({ min: minManagers, max: 2 }),
        colleague: fc.integer({ min: 0, max: maxPerGroup }),
        customer: fc.integer({ min: 0, max: maxPerGroup }),
        report: fc.integer({ min: 0, max: maxPerGroup }),
      }),
      notApplicable: fc.constantFrom(0, 0.1, 0.3, 0.6),
      viewerPick: fc.nat(),
    })
    .chain((shape) => {
      const relationships: Relationship[] = [];
      for (const group of ["self", ...OTHER_GROUPS] as Relationship[]) {
        for (let i = 0; i < shape.sizes[group]; i++) relationships.push(group);
      }
      const indicatorIds = Array.from({ length: shape.items }, (_, i) => `i${i}`);
      const answer = fc.oneof(
        { weight: Math.round(shape.notApplicable * 100), arbitrary: fc.constant(null) },
        {
          weight: Math.round((1 - shape.notApplicable) * 100),
          arbitrary: fc.integer({ min: 1, max: 5 }),
        },
      );
      return fc
        .tuple(
          ...relationships.map(() =>
            fc.array(answer, { minLength: shape.items, maxLength: shape.items }),
          ),
        )
        .map((answers) => ({
          settings: { k: shape.k, managerIdentifiable: shape.managerIdentifiable },
          indicatorIds,
          raters: answers.map((scores, index) => ({
            id: `r${index}`,
            relationship: relationships[index]!,
            ratings: Object.fromEntries(indicatorIds.map((id, i) => [id, scores[i] ?? null])),
          })),
          viewerPick: shape.viewerPick,
        }));
    });
}

/** A one-competency questionnaire over the round's indicators, for buildReport. */
function reportInput({ settings, indicatorIds, raters }: Cycle): ReportInput {
  const questionnaire: Questionnaire = {
    snapshotId: "s",
    language: "nl",
    scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) })),
    notApplicableLabel: "kan ik niet beoordelen",
    competencies: [
      {
        id: "c",
        key: "c",
        name: "Competentie",
        description: "",
        clusterName: "Cluster",
        organisationWide: false,
        indicators: indicatorIds.map((id) => ({ id, key: id, text: id })),
      },
    ],
  };
  return {
    participantId: "p",
    participantFirstName: "Sanne",
    participantName: "Sanne de Vries",
    cycleName: "Voorjaar",
    questionnaire,
    settings,
    raters,
    comments: [],
    invited: {},
    generalQuestions: [],
  };
}

const othersOf = (raters: readonly RaterAnswers[]) =>
  raters.filter((r) => r.relationship !== "self");

/**
 * The manager reading a shared report: what the lead view shows, solved with every
 * manager's ratings known (a second manager counts as known too: the strictest reading).
 */
function leadViewLeak(cycle: Cycle, view: "lead view" | "full report"): string | null {
  const input = reportInput(cycle);
  const content = view === "lead view" ? buildLeadView(input) : buildReport(input);
  const allOthers = othersOf(cycle.raters);
  const members =
    view === "lead view" ? allOthers.filter((r) => r.relationship !== "manager") : allOthers;
  const managers = new Set(allOthers.filter((r) => r.relationship === "manager").map((r) => r.id));
  const shown = unitsOf({
    figures: content.competencies[0]!.figures,
    indicators: content.competencies[0]!.indicators,
  });
  return solvable(
    equations(shown, members, allOthers, cycle.indicatorIds),
    allOthers,
    cycle.settings,
    managers,
  );
}

/** A rater of the participant reading figures: built with or without their ratings known. */
function knownRaterLeak(cycle: Cycle, engineKnows: boolean): string | null {
  const allOthers = othersOf(cycle.raters);
  if (allOthers.length === 0) return null;
  const viewer = allOthers[cycle.viewerPick % allOthers.length]!;
  const figures = computeReportFigures(
    [{ id: "c", indicatorIds: cycle.indicatorIds }],
    cycle.raters,
    cycle.settings,
    engineKnows ? { knownRaterIds: [viewer.id] } : {},
  );
  return solvable(
    equations(unitsOf(figures.competencies[0]!), allOthers, allOthers, cycle.indicatorIds),
    allOthers,
    cycle.settings,
    new Set([viewer.id]),
  );
}

describe("anonymity engine, over thousands of random cycles", () => {
  it("uses primes for the independent check", () => {
    expect(PRIMES.every(isPrime)).toBe(true);
  });

  it(
    "shows no group figure under k, recomputes every shown mean, and never lets fewer than k protected raters' ratings be solved",
    () => {
      fc.assert(
        fc.property(cycleArbitrary({ minManagers: 0, maxPerGroup: 6 }), (cycle) => {
          const { settings, indicatorIds, raters } = cycle;
          const result = computeReportFigures([{ id: "c", indicatorIds }], raters, settings);
          const competency = result.competencies[0]!;
          const others = othersOf(raters);
          const scoreOf = (r: RaterAnswers, unit: string | null): number | null => {
            const items = rated(r, unit === null ? indicatorIds : [unit]);
            return items.length ? mean(items.map((id) => r.ratings[id] as number)) : null;
          };
          const units = unitsOf(competency);
          for (const { unit, figures } of units) {
            const scores = (members: RaterAnswers[]) =>
              members.map((r) => scoreOf(r, unit)).filter((s): s is number => s !== null);
            if (figures.others) {
              const values = scores(others);
              expect(figures.others.n).toBe(values.length);
              expect(figures.others.n).toBeGreaterThanOrEqual(settings.k);
              expect(figures.others.mean).toBeCloseTo(mean(values), 10);
            }
            for (const [group, figure] of Object.entries(figures.groups) as [
              OtherGroup,
              { mean: number; n: number },
            ][]) {
              const values = scores(others.filter((r) => r.relationship === group));
              expect(figure.n).toBe(values.length);
              if (!(group === "manager" && settings.managerIdentifiable)) {
                expect(figure.n).toBeGreaterThanOrEqual(settings.k);
              }
              expect(figure.mean).toBeCloseTo(mean(values), 10);
            }
            const self = raters.find((r) => r.relationship === "self");
            const selfScore = self ? scoreOf(self, unit) : null;
            if (selfScore === null) expect(figures.self).toBeNull();
            else expect(figures.self).toBeCloseTo(selfScore, 10);
          }
          const leak = solvable(
            equations(units, others, others, indicatorIds),
            others,
            settings,
            new Set(),
          );
          expect(leak).toBeNull();
        }),
        { numRuns: 1500 },
      );
    },
    SLOW,
  );

  it(
    "the manager reading the lead view, their own ratings known, can solve no other rater's ratings nor those of fewer than k together",
    () => {
      fc.assert(
        fc.property(cycleArbitrary({ minManagers: 1, maxPerGroup: 6 }), (cycle) => {
          expect(leadViewLeak(cycle, "lead view")).toBeNull();
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it("the same check catches the manager when their own ratings are ignored (the full report fed to them)", () => {
    const outcome = fc.check(
      fc.property(cycleArbitrary({ minManagers: 1, maxPerGroup: 6 }), (cycle) => {
        expect(leadViewLeak(cycle, "full report")).toBeNull();
      }),
      { numRuns: 1000 },
    );
    expect(outcome.failed).toBe(true);
  });

  it(
    "a viewer who rated the participant, their ratings given to the engine as known, can solve nothing resting on fewer than k others",
    () => {
      fc.assert(
        fc.property(cycleArbitrary({ minManagers: 0, maxPerGroup: 6 }), (cycle) => {
          expect(knownRaterLeak(cycle, true)).toBeNull();
        }),
        { numRuns: 1000 },
      );
    },
    SLOW,
  );

  it("the same check catches that viewer when the engine ignores what they know", () => {
    const outcome = fc.check(
      fc.property(cycleArbitrary({ minManagers: 0, maxPerGroup: 6 }), (cycle) => {
        expect(knownRaterLeak(cycle, false)).toBeNull();
      }),
      { numRuns: 1000 },
    );
    expect(outcome.failed).toBe(true);
  });
});
