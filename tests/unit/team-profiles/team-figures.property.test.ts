import { describe, expect, it } from "vitest";
import {
  computeTeamFigures,
  type CycleTeamFigures,
  type MemberScores,
  type TeamCompetencyFigure,
} from "~/team-profiles/engine/team-figures";

// An independent check of the engine's promise on random small organisations. It works on sets
// of members, never on the engine's counts. An attacker (the viewer) sees, per competency, every
// shown team's sum (mean × n), the norm's sum, and knows some members' scores. Two checks:
//  1. the brief's rule: for every shown team T and the root (when the norm is shown),
//     members of T with a score − the maximal shown teams below T − known members has size 0 or >= k;
//  2. linear algebra: no sum over a set of 1..k − 1 unknown members lies in the span of what the
//     viewer has (ranks in a prime field; the sets form a laminar family, so the matrix is totally
//     unimodular and the prime field gives the rational answer).
// Plus: the engine withholds nothing without a reason the checker can see.

const KEYS = ["a", "b"] as const;
const P = 1_000_003;
const SCORE_VALUES = [1, 2.5, 2.999, 3, 3.2, 3.999, 4, 4.4, 5];

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Organisation {
  members: MemberScores[];
  k: number;
  known: Set<string>;
  normMin: number;
}

function randomOrganisation(seed: number): Organisation {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const teamCount = 1 + Math.floor(random() * 7);
  // Names in an order unrelated to the tree, so sort order and creation order differ.
  const names = ["mu", "bo", "ka", "zi", "de", "ra", "lo"].slice(0, teamCount);
  const parent = new Map<string, string | null>();
  names.forEach((name, i) => {
    parent.set(name, i > 0 && random() < 0.6 ? names[Math.floor(random() * i)]! : null);
  });
  const pathOf = (team: string) => {
    const path: string[] = [];
    for (let at: string | null = team; at !== null; at = parent.get(at) ?? null) path.push(at);
    return path;
  };
  // Bias team sizes: some teams large, some tiny.
  const weights = names.map(() => 0.2 + random() * 2);
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const memberCount = 3 + Math.floor(random() * 12);
  const missing = pick([0, 0.1, 0.25]);
  const knownShare = pick([0, 0, 0.1, 0.3, 0.6]);
  const members: MemberScores[] = [];
  const known = new Set<string>();
  for (let m = 0; m < memberCount; m++) {
    let teamPath: string[] = [];
    if (random() >= 0.15) {
      let r = random() * weightTotal;
      let index = 0;
      while (r > weights[index]! && index < names.length - 1) r -= weights[index++]!;
      teamPath = pathOf(names[index]!);
    }
    const scores: Record<string, number> = {};
    for (const key of KEYS) {
      if (random() >= missing) scores[key] = random() < 0.5 ? pick(SCORE_VALUES) : 1 + random() * 4;
    }
    const participantId = `p${m}`;
    members.push({ participantId, teamPath, scores });
    if (random() < knownShare) known.add(participantId);
  }
  return {
    members,
    k: 2 + Math.floor(random() * 3),
    known,
    normMin: pick([1, 3, 5, 5, 1000]),
  };
}

// ---- the independent model -----------------------------------------------------------

function teamsOf(members: readonly MemberScores[]): string[] {
  return [...new Set(members.flatMap((m) => m.teamPath))].sort();
}

/** D is strictly below T when some path has T after D. */
function strictlyBelow(members: readonly MemberScores[], d: string, t: string): boolean {
  return members.some((m) => {
    const i = m.teamPath.indexOf(d);
    const j = m.teamPath.indexOf(t);
    return i >= 0 && j > i;
  });
}

function scored(members: readonly MemberScores[], key: string): MemberScores[] {
  return members.filter((m) => typeof m.scores[key] === "number");
}

function membersOf(
  members: readonly MemberScores[],
  team: string | null,
  key: string,
): Set<string> {
  return new Set(
    scored(members, key)
      .filter((m) => team === null || m.teamPath.includes(team))
      .map((m) => m.participantId),
  );
}

/** The shown teams below `top` (all shown teams for the root) with no shown team in between. */
function maximalShownBelow(
  members: readonly MemberScores[],
  shown: ReadonlySet<string>,
  top: string | null,
): string[] {
  const below = [...shown].filter((d) => top === null || strictlyBelow(members, d, top));
  return below.filter((d) => !below.some((e) => e !== d && strictlyBelow(members, d, e)));
}

function minus(set: ReadonlySet<string>, ...others: ReadonlySet<string>[]): Set<string> {
  return new Set([...set].filter((x) => !others.some((o) => o.has(x))));
}

/** Kernel of the rows over GF(P): vectors v with row · v = 0 for every row. */
function kernel(rows: number[][], width: number): number[][] {
  const matrix = rows.map((row) => [...row]);
  const pivots: number[] = [];
  let rank = 0;
  const power = (base: number, exponent: number) => {
    let result = 1n;
    let b = BigInt(base);
    let e = BigInt(exponent);
    const m = BigInt(P);
    while (e > 0n) {
      if (e & 1n) result = (result * b) % m;
      b = (b * b) % m;
      e >>= 1n;
    }
    return Number(result);
  };
  for (let col = 0; col < width && rank < matrix.length; col++) {
    const pivot = matrix.findIndex((row, r) => r >= rank && row[col] !== 0);
    if (pivot < 0) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const inverse = power(matrix[rank]![col]!, P - 2);
    matrix[rank] = matrix[rank]!.map((x) => (x * inverse) % P);
    for (let r = 0; r < matrix.length; r++) {
      if (r === rank || matrix[r]![col] === 0) continue;
      const factor = matrix[r]![col]!;
      matrix[r] = matrix[r]!.map((x, c) => (((x - factor * matrix[rank]![c]!) % P) + P) % P);
    }
    pivots.push(col);
    rank++;
  }
  const basis: number[][] = [];
  for (let free = 0; free < width; free++) {
    if (pivots.includes(free)) continue;
    const v = new Array<number>(width).fill(0);
    v[free] = 1;
    pivots.forEach((col, r) => {
      v[col] = (P - matrix[r]![free]!) % P;
    });
    basis.push(v);
  }
  return basis;
}

function* subsets<T>(
  items: readonly T[],
  maxSize: number,
  start = 0,
  prefix: T[] = [],
): Generator<T[]> {
  if (prefix.length > 0) yield prefix;
  if (prefix.length === maxSize) return;
  for (let i = start; i < items.length; i++)
    yield* subsets(items, maxSize, i + 1, [...prefix, items[i]!]);
}

interface Stats {
  shown: number;
  tooFew: number;
  differencing: number;
  knownMembers: number;
  byRoot: number;
  rootChecks: number;
  subsetsChecked: number;
  normAlone: number;
}

function checkOrganisation(
  org: Organisation,
  result: CycleTeamFigures,
  stats: Stats,
  options: { atoms: boolean; reasons: boolean },
) {
  const { members, k, known } = org;
  const teams = teamsOf(members);
  expect([...result.teams.keys()].sort()).toEqual(teams);

  for (const key of KEYS) {
    const figureOf = (team: string): TeamCompetencyFigure =>
      result.teams.get(team)!.competencies[key]!;
    const shown = new Set(teams.filter((t) => figureOf(t).shown));
    const withScore = membersOf(members, null, key);
    const scoreOf = (id: string) => members.find((m) => m.participantId === id)!.scores[key]!;

    // The norm.
    if (withScore.size >= org.normMin) {
      const values = [...withScore].map(scoreOf);
      expect(result.norm[key]?.participants).toBe(values.length);
      expect(result.norm[key]?.mean).toBeCloseTo(
        values.reduce((a, b) => a + b, 0) / values.length,
        9,
      );
    } else {
      expect(result.norm[key]).toBeUndefined();
    }
    const normShown = result.norm[key] !== undefined;

    // Each team: thresholds, figures, and a visible reason for every withheld figure.
    for (const team of teams) {
      const own = membersOf(members, team, key);
      const figure = figureOf(team);
      if (own.size < k) {
        expect(figure).toEqual({ shown: false, reason: "too_few" });
        stats.tooFew++;
        continue;
      }
      const frontier = maximalShownBelow(members, shown, team).map((t) =>
        membersOf(members, t, key),
      );
      const before = minus(own, ...frontier);
      const remainder = minus(before, known);
      if (figure.shown) {
        stats.shown++;
        const values = [...own].map(scoreOf);
        expect(figure.members).toBe(own.size);
        expect(figure.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
        expect(figure.spread).toEqual({
          low: values.filter((v) => v < 3).length,
          middle: values.filter((v) => v >= 3 && v < 4).length,
          high: values.filter((v) => v >= 4).length,
        });
        // Rule 1 of the checker: the team's own atom.
        if (options.atoms) expect(remainder.size === 0 || remainder.size >= k).toBe(true);
        continue;
      }
      expect(figure.reason).not.toBe("too_few");
      if (!options.reasons) continue;
      // Without a norm nothing is withheld from above: every withheld team has its own reason.
      expect(remainder.size >= 1 && remainder.size < k).toBe(true);
      const expected = before.size === 0 || before.size >= k ? "known_members" : "differencing";
      expect(figure.reason).toBe(expected);
      if (expected === "known_members") stats.knownMembers++;
      else stats.differencing++;
    }

    // The root's atom, when the norm is shown.
    if (normShown) {
      const frontier = maximalShownBelow(members, shown, null).map((t) =>
        membersOf(members, t, key),
      );
      for (let i = 0; i < frontier.length; i++) {
        for (let j = i + 1; j < frontier.length; j++) {
          expect(minus(frontier[i]!, frontier[j]!).size).toBe(frontier[i]!.size);
        }
      }
      const remainder = minus(withScore, ...frontier, known);
      // The norm is in every report and cannot be withheld: when the norm alone gives away
      // 1..k − 1 unknown members (few participants, or many known), no team may be shown on
      // the frontier, so the team figures add nothing to it.
      if (options.atoms && remainder.size >= 1 && remainder.size < k) {
        expect(frontier).toEqual([]);
        stats.normAlone++;
      }
      stats.rootChecks++;
    }

    // Linear algebra: what can the viewer derive?
    const columns = [...withScore];
    const rows: number[][] = [];
    const indicator = (set: ReadonlySet<string>) => columns.map((id) => (set.has(id) ? 1 : 0));
    for (const team of shown) rows.push(indicator(membersOf(members, team, key)));
    if (normShown) rows.push(indicator(withScore));
    for (const id of columns) if (known.has(id)) rows.push(indicator(new Set([id])));
    // What the viewer has without any team figure: the norm and the scores they know.
    const baseRows = rows.slice(shown.size);
    const null_ = kernel(rows, columns.length);
    const baseNull = kernel(baseRows, columns.length);
    const unknown = columns.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    const inSpan = (nullSpace: number[][], subset: { i: number }[]) =>
      nullSpace.every((v) => subset.reduce((sum, { i }) => (sum + v[i]!) % P, 0) === 0);
    for (const subset of subsets(unknown, k - 1)) {
      // S is derivable iff S · v = 0 for every kernel vector v; the team figures must not
      // make derivable what the norm and the known scores alone do not.
      if (inSpan(null_, subset) && !inSpan(baseNull, subset)) {
        throw new Error(
          `sum of ${subset.map((s) => s.id).join("+")} derivable for ${key} (k ${k}): ${JSON.stringify(org.members)} known ${[...known]}`,
        );
      }
      stats.subsetsChecked++;
    }
  }
}

describe("computeTeamFigures: no differencing on random organisations", () => {
  it("never lets a viewer derive a sum over 1..k − 1 unknown members", () => {
    const stats: Stats = {
      shown: 0,
      tooFew: 0,
      differencing: 0,
      knownMembers: 0,
      byRoot: 0,
      rootChecks: 0,
      subsetsChecked: 0,
      normAlone: 0,
    };
    for (let seed = 1; seed <= 600; seed++) {
      const org = randomOrganisation(seed);
      const input = {
        competencyKeys: KEYS,
        members: org.members,
        k: org.k,
        knownParticipantIds: org.known,
        normMinParticipants: org.normMin,
      };
      const result = computeTeamFigures(input);
      checkOrganisation(org, result, stats, { atoms: true, reasons: false });

      // Without a norm: every withheld figure has a reason of its own.
      const withoutNorm = computeTeamFigures({ ...input, normMinParticipants: Infinity });
      expect(withoutNorm.norm).toEqual({});
      checkOrganisation({ ...org, normMin: Infinity }, withoutNorm, stats, {
        atoms: true,
        reasons: true,
      });

      // The norm only ever withholds teams that were shown and have no shown team above them;
      // every other decision stays as it was.
      for (const [team, figures] of withoutNorm.teams) {
        for (const key of KEYS) {
          const before = figures.competencies[key]!;
          const after = result.teams.get(team)!.competencies[key]!;
          if (before.shown && !after.shown) {
            expect(after.reason).toBe("differencing");
            expect(result.norm[key]).toBeDefined();
            const above = [...result.teams.keys()].filter((t) =>
              strictlyBelow(org.members, team, t),
            );
            expect(above.some((t) => result.teams.get(t)!.competencies[key]!.shown)).toBe(false);
            stats.byRoot++;
          } else {
            expect(after).toEqual(before);
          }
        }
      }
    }
    // The generator must exercise every path, or the test proves little.
    expect(stats.shown).toBeGreaterThan(200);
    expect(stats.tooFew).toBeGreaterThan(100);
    expect(stats.differencing).toBeGreaterThan(20);
    expect(stats.knownMembers).toBeGreaterThan(20);
    expect(stats.byRoot).toBeGreaterThan(20);
    expect(stats.rootChecks).toBeGreaterThan(200);
    expect(stats.subsetsChecked).toBeGreaterThan(5000);
  });

  it("the linear-algebra check alone catches a naive engine (every team with n >= k shown)", () => {
    // Sanity check of the checker itself, with figures built here, not by the engine.
    let caught = 0;
    let leakyCases = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const org = randomOrganisation(seed);
      const teams = new Map(
        teamsOf(org.members).map((team) => {
          const competencies: Record<string, TeamCompetencyFigure> = {};
          for (const key of KEYS) {
            const values = org.members
              .filter((m) => m.teamPath.includes(team) && typeof m.scores[key] === "number")
              .map((m) => m.scores[key]!);
            competencies[key] =
              values.length < org.k
                ? { shown: false, reason: "too_few" }
                : {
                    shown: true,
                    mean: values.reduce((a, b) => a + b, 0) / values.length,
                    members: values.length,
                    spread: {
                      low: values.filter((v) => v < 3).length,
                      middle: values.filter((v) => v >= 3 && v < 4).length,
                      high: values.filter((v) => v >= 4).length,
                    },
                  };
          }
          return [team, { teamId: team, competencies, anyShown: true }];
        }),
      );
      const norm = computeTeamFigures({
        competencyKeys: KEYS,
        members: org.members,
        k: org.k,
        knownParticipantIds: org.known,
        normMinParticipants: org.normMin,
      }).norm;
      const naive: CycleTeamFigures = { teams, norm };
      const emptyStats = (): Stats => ({
        shown: 0,
        tooFew: 0,
        differencing: 0,
        knownMembers: 0,
        byRoot: 0,
        rootChecks: 0,
        subsetsChecked: 0,
        normAlone: 0,
      });
      // Does the brief's atom rule say this organisation leaks under the naive engine?
      let atomsFail = false;
      try {
        checkOrganisation(org, naive, emptyStats(), { atoms: true, reasons: false });
      } catch {
        atomsFail = true;
      }
      let algebraFails = false;
      try {
        checkOrganisation(org, naive, emptyStats(), { atoms: false, reasons: false });
      } catch {
        algebraFails = true;
      }
      // The brief's rule is at least as strict as the algebra (it also refuses team figures
      // that only repeat what the norm already gives away).
      if (algebraFails) expect(atomsFail).toBe(true);
      if (atomsFail) leakyCases++;
      if (algebraFails) caught++;
    }
    expect(leakyCases).toBeGreaterThan(30);
    expect(caught).toBeGreaterThan(30);
  });
});
