import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Relationship } from "#db/schema";
import {
  computeReportFigures,
  OTHER_GROUPS,
  type EngineSettings,
  type OtherGroup,
  type RaterAnswers,
} from "~/reports/engine/anonymity";

// An independent check of the engine's promise. Every shown figure is, to a reader who knows
// who answered "kan ik niet beoordelen" where (the worst case), a linear equation over the
// individual ratings. The figures must not pin down any protected rater's ratings: no single
// rating, and no combination of one rater's ratings. Ranks are computed here in a prime
// field, independently of the engine's floating-point guard.

const PRIMES = [67108859, 33554393];

function isPrime(n: number) {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return n > 1;
}

function power(base: number, exponent: number, p: number): number {
  let result = 1n;
  let b = BigInt(base % p);
  let e = BigInt(exponent);
  const m = BigInt(p);
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return Number(result);
}

const mulMod = (a: number, b: number, p: number) => Number((BigInt(a) * BigInt(b)) % BigInt(p));

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

interface Cycle {
  settings: EngineSettings;
  indicatorIds: string[];
  raters: RaterAnswers[];
}

const cycleArbitrary: fc.Arbitrary<Cycle> = fc
  .record({
    k: fc.integer({ min: 2, max: 5 }),
    managerIdentifiable: fc.boolean(),
    items: fc.integer({ min: 1, max: 3 }),
    sizes: fc.record({
      self: fc.integer({ min: 0, max: 1 }),
      manager: fc.integer({ min: 0, max: 2 }),
      colleague: fc.integer({ min: 0, max: 10 }),
      customer: fc.integer({ min: 0, max: 10 }),
      report: fc.integer({ min: 0, max: 10 }),
    }),
    notApplicable: fc.constantFrom(0, 0.1, 0.3, 0.6),
    seed: fc.integer(),
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
      }));
  });

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("anonymity engine, over thousands of random cycles", () => {
  it("uses primes for the independent check", () => {
    expect(PRIMES.every(isPrime)).toBe(true);
  });

  it("shows no group figure under k, recomputes every shown mean, and never lets a protected rater's ratings be solved", () => {
    fc.assert(
      fc.property(cycleArbitrary, ({ settings, indicatorIds, raters }) => {
        const result = computeReportFigures([{ id: "c", indicatorIds }], raters, settings);
        const competency = result.competencies[0]!;
        const others = raters.filter((r) => r.relationship !== "self");
        const rated = (r: RaterAnswers, ids: string[]) =>
          ids.filter((id) => typeof r.ratings[id] === "number");
        const scoreOf = (r: RaterAnswers, unit: string | null): number | null => {
          const ids = unit === null ? indicatorIds : [unit];
          const items = rated(r, ids);
          return items.length ? mean(items.map((id) => r.ratings[id] as number)) : null;
        };

        // Unknowns: one per (non-self rater, rated indicator).
        const columns = new Map<string, number>();
        for (const r of others)
          for (const id of rated(r, indicatorIds)) columns.set(`${r.id}/${id}`, columns.size);
        // Rows scaled by 12 (lcm of 1..3 items and 4) to stay integral.
        const rows: number[][] = [];
        const addRow = (members: RaterAnswers[], unit: string | null) => {
          const row = new Array<number>(columns.size).fill(0);
          for (const r of members) {
            const items = rated(r, unit === null ? indicatorIds : [unit]);
            if (items.length === 0) continue;
            const weight = unit === null ? 12 / items.length : 12;
            for (const id of items) row[columns.get(`${r.id}/${id}`)!] = weight;
          }
          rows.push(row);
        };

        const units = [
          { unit: null as string | null, figures: competency.figures },
          ...competency.indicators.map((ind) => ({
            unit: ind.id as string | null,
            figures: ind.figures,
          })),
        ];
        for (const { unit, figures } of units) {
          const scores = (members: RaterAnswers[]) =>
            members.map((r) => scoreOf(r, unit)).filter((s): s is number => s !== null);
          if (figures.others) {
            const values = scores(others);
            expect(figures.others.n).toBe(values.length);
            expect(figures.others.n).toBeGreaterThanOrEqual(settings.k);
            expect(figures.others.mean).toBeCloseTo(mean(values), 10);
            addRow(others, unit);
          }
          for (const [group, figure] of Object.entries(figures.groups) as [
            OtherGroup,
            { mean: number; n: number },
          ][]) {
            const members = others.filter((r) => r.relationship === group);
            const values = scores(members);
            expect(figure.n).toBe(values.length);
            if (!(group === "manager" && settings.managerIdentifiable)) {
              expect(figure.n).toBeGreaterThanOrEqual(settings.k);
            }
            expect(figure.mean).toBeCloseTo(mean(values), 10);
            addRow(members, unit);
          }
          const self = raters.find((r) => r.relationship === "self");
          const selfScore = self ? scoreOf(self, unit) : null;
          if (selfScore === null) expect(figures.self).toBeNull();
          else expect(figures.self).toBeCloseTo(selfScore, 10);
        }

        const all = Array.from({ length: columns.size }, (_, i) => i);
        const full = rows.length ? rank(rows, all) : 0;
        for (const r of others) {
          if (r.relationship === "manager" && settings.managerIdentifiable) continue;
          const own = new Set(rated(r, indicatorIds).map((id) => columns.get(`${r.id}/${id}`)!));
          if (own.size === 0 || rows.length === 0) continue;
          const rest = all.filter((i) => !own.has(i));
          // Equal ranks: no combination of this rater's ratings lies in the span of the figures.
          expect(rank(rows, rest), `rater ${r.id} (${r.relationship}) can be solved`).toBe(full);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
