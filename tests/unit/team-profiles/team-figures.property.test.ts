import { describe, expect, it } from "vitest";
import {
  computeTeamFigures,
  memberStanding,
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

// ---- the viewer's own ratings: rater-level unknowns ----------------------------------------
//
// Random rounds in which the viewer rated none, some or all of the members (now and then twice,
// as before one voice per rater), other people answered twice now and then, the viewer may be a
// member themselves and may have read some members' lead views. Each member's score on a
// competency is the mean over the voices that rated it; every voice's mean is an unknown of its
// own, belonging to a person. The viewer knows their own voices' means, their own score, and
// what the lead views they read show (the sum of the voices other than the managers'). From
// those and every figure the engine returns (shown team sums, the norm's sum) the check asks,
// with exact rational ranks: is there a combination resting on the voices of fewer than k other
// people (a rating, or a sum of ratings of fewer than k people) that the figures make solvable
// when the viewer's own knowledge alone does not? And the same for sums of fewer than k unknown
// members' scores.

interface RatedMember {
  participantId: string;
  teamPath: string[];
  /** The persons behind the voices (a person twice: two voices). */
  voices: string[];
  /** Per competency: which voices (indices into `voices`) rated it. */
  rated: Record<string, number[]>;
  /** Per voice: their mean on the competency. */
  means: Record<string, number[]>;
  /** Indices of the voices that answered as manager. */
  managerVoices: number[];
  /** The viewer read this member's lead view (built without the managers' voices). */
  leadViewRead: boolean;
  /** The viewer themself. */
  isViewer: boolean;
}

interface RatedCycle {
  k: number;
  normMin: number;
  members: RatedMember[];
  people: string[];
  mode: "none" | "some" | "all";
}

const VIEWER = "V";

function randomRatedCycle(seed: number): RatedCycle {
  const random = mulberry32(seed * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const k = 2 + Math.floor(random() * 2);
  const teamCount = 1 + Math.floor(random() * 4);
  const names = ["mu", "bo", "ka", "zi"].slice(0, teamCount);
  const parent = new Map<string, string | null>();
  names.forEach((name, i) => {
    parent.set(name, i > 0 && random() < 0.6 ? names[Math.floor(random() * i)]! : null);
  });
  const pathOf = (team: string) => {
    const path: string[] = [];
    for (let at: string | null = team; at !== null; at = parent.get(at) ?? null) path.push(at);
    return path;
  };
  // Few other people, so that members share raters (where the leaks live).
  const people = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => `o${i}`);
  const mode = pick(["none", "some", "all", "all"] as const);
  const rateShare = mode === "none" ? 0 : mode === "some" ? 0.5 : 1;
  const memberCount = 2 + Math.floor(random() * 6);
  const members: RatedMember[] = [];
  const viewerIsMember = random() < 0.25;
  for (let m = 0; m < memberCount; m++) {
    const isViewer = viewerIsMember && m === 0;
    const teamPath = random() < 0.15 ? [] : pathOf(pick(names));
    const voices: string[] = [];
    const managerVoices: number[] = [];
    if (!isViewer && random() < rateShare) {
      voices.push(VIEWER);
      if (random() < 0.5) managerVoices.push(0);
      if (random() < 0.1) voices.push(VIEWER);
    }
    const others = people.filter(() => random() < 0.75);
    for (const person of others) {
      voices.push(person);
      if (random() < 0.08) voices.push(person);
    }
    if (random() < 0.1 && voices.length > 0) managerVoices.push(voices.length - 1);
    const rated: Record<string, number[]> = {};
    const means: Record<string, number[]> = {};
    for (const key of KEYS) {
      rated[key] = voices.map((_, i) => i).filter(() => random() < 0.85);
      means[key] = voices.map(() => 1 + Math.floor(random() * 17) / 4);
    }
    members.push({
      participantId: `r${m}`,
      teamPath,
      voices,
      rated,
      means,
      managerVoices,
      leadViewRead: !isViewer && random() < 0.3,
      isViewer,
    });
  }
  return { k, normMin: pick([1, 3, 5, 1000]), members, people, mode };
}

/** What the engine is given: scores where k voices rated, n per competency, the knowledge. */
function engineInputOf(cycle: RatedCycle, options: { ignoreOwnRatings?: boolean } = {}) {
  const { k } = cycle;
  const members: MemberScores[] = [];
  const knownScores = new Map<string, Set<string>>();
  const partlyKnownScores = new Map<string, Set<string>>();
  const notOtherPeople = new Map<string, number>();
  const known = new Set<string>();
  for (const member of cycle.members) {
    const scores: Record<string, number> = {};
    const raters: Record<string, number> = {};
    for (const key of KEYS) {
      const rated = member.rated[key]!;
      if (rated.length < k) continue;
      scores[key] = rated.reduce((sum, i) => sum + member.means[key]![i]!, 0) / rated.length;
      raters[key] = rated.length;
    }
    members.push({
      participantId: member.participantId,
      teamPath: member.teamPath,
      scores,
      raters,
    });
    if (member.isViewer) known.add(member.participantId);
    // As cycle-figures.server.ts counts them: the viewer's submitted invitations, and every
    // second answer of one person.
    const own = member.voices.filter((person) => person === VIEWER).length;
    const extra = member.voices.length - new Set(member.voices).size - Math.max(0, own - 1);
    const notOthers = (options.ignoreOwnRatings ? 0 : own) + extra;
    if (notOthers > 0) notOtherPeople.set(member.participantId, notOthers);
    if (member.leadViewRead && !options.ignoreOwnRatings) {
      const otherManagers = member.managerVoices.some((i) => member.voices[i] !== VIEWER);
      for (const key of Object.keys(scores)) {
        const leadRated = member.rated[key]!.filter((i) => !member.managerVoices.includes(i));
        const set = leadRated.length >= k && !otherManagers ? knownScores : partlyKnownScores;
        set.set(member.participantId, (set.get(member.participantId) ?? new Set()).add(key));
      }
    } else if (member.leadViewRead) {
      // Ignoring what the viewer knows: a lead view counts as knowing the member (the old rule).
      known.add(member.participantId);
    }
  }
  return {
    competencyKeys: KEYS,
    members,
    k,
    knownParticipantIds: known,
    normMinParticipants: cycle.normMin,
    withholdExposedNorm: true,
    viewer: { knownScores, partlyKnownScores, notOtherPeople },
  };
}

// Exact ranks over the rationals: rows are scaled to integers, fraction-free elimination.
function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function exactRank(rows: readonly bigint[][], columns: readonly number[]): number {
  const matrix = rows.map((row) => columns.map((c) => row[c]!));
  let rank = 0;
  for (let col = 0; col < columns.length && rank < matrix.length; col++) {
    const pivot = matrix.findIndex((row, r) => r >= rank && row[col] !== 0n);
    if (pivot < 0) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const p = matrix[rank]!;
    for (let r = 0; r < matrix.length; r++) {
      if (r === rank || matrix[r]![col] === 0n) continue;
      const factor = matrix[r]![col]!;
      const row = matrix[r]!.map((x, c) => x * p[col]! - factor * p[c]!);
      const divisor = row.reduce((g, x) => gcd(g, x), 0n);
      matrix[r] = divisor > 1n ? row.map((x) => x / divisor) : row;
    }
    rank++;
  }
  return rank;
}

/** A linear form over the voice unknowns with rational coefficients, as one integer row. */
function integerRow(width: number, terms: { column: number; num: number; den: number }[]) {
  const lcm = terms.reduce((l, { den }) => (l * BigInt(den)) / gcd(l, BigInt(den)), 1n);
  const row = new Array<bigint>(width).fill(0n);
  for (const { column, num, den } of terms) row[column]! += (BigInt(num) * lcm) / BigInt(den);
  return row;
}

interface RaterStats {
  cycles: number;
  shown: number;
  withheldForOwnRatings: number;
  subsetsChecked: number;
  viewerRatedMembers: number;
}

/** Throws when the figures let the viewer solve something resting on fewer than k others. */
function checkRatedCycle(cycle: RatedCycle, result: CycleTeamFigures, stats: RaterStats) {
  const { k } = cycle;
  for (const key of KEYS) {
    // Columns: one per voice per member that rated the competency (members with a score).
    const scored = cycle.members.filter((member) => member.rated[key]!.length >= k);
    const columns: { member: RatedMember; voice: number; person: string }[] = [];
    const columnOf = new Map<string, number>();
    for (const member of scored) {
      for (const voice of member.rated[key]!) {
        columnOf.set(`${member.participantId}:${voice}`, columns.length);
        columns.push({ member, voice, person: member.voices[voice]! });
      }
    }
    const width = columns.length;
    if (width === 0) continue;
    const scoreRow = (member: RatedMember) =>
      member.rated[key]!.map((voice) => ({
        column: columnOf.get(`${member.participantId}:${voice}`)!,
        num: 1,
        den: member.rated[key]!.length,
      }));
    const sumRow = (list: RatedMember[]) => integerRow(width, list.flatMap(scoreRow));

    // What the viewer knows without any team figure.
    const base: bigint[][] = [];
    for (const [column, { person }] of columns.entries()) {
      if (person === VIEWER) base.push(integerRow(width, [{ column, num: 1, den: 1 }]));
    }
    for (const member of scored) {
      if (member.isViewer) base.push(sumRow([member]));
      if (member.leadViewRead) {
        const leadRated = member.rated[key]!.filter((i) => !member.managerVoices.includes(i));
        if (leadRated.length >= k) {
          base.push(
            integerRow(
              width,
              leadRated.map((voice) => ({
                column: columnOf.get(`${member.participantId}:${voice}`)!,
                num: 1,
                den: 1,
              })),
            ),
          );
        }
      }
    }
    // The figures.
    const figures: bigint[][] = [];
    for (const [team, teamFigures] of result.teams) {
      if (!teamFigures.competencies[key]!.shown) continue;
      stats.shown++;
      figures.push(sumRow(scored.filter((member) => member.teamPath.includes(team))));
    }
    if (result.norm[key]) figures.push(sumRow(scored));
    const all = [...base, ...figures];

    const everyColumn = columns.map((_, i) => i);
    const rankAll = exactRank(all, everyColumn);
    const rankBase = exactRank(base, everyColumn);
    // Does the span of `rows` hold a non-zero form using only `inside` columns? Its dimension:
    // rank(rows) − rank(rows restricted to the other columns).
    const within = (rows: bigint[][], rank: number, inside: ReadonlySet<number>) =>
      rank -
      exactRank(
        rows,
        everyColumn.filter((c) => !inside.has(c)),
      );

    const others = [...new Set(columns.map((c) => c.person))].filter((p) => p !== VIEWER);
    const size = Math.min(k - 1, others.length);
    for (const group of subsets(others, size)) {
      if (group.length !== size) continue;
      const inside = new Set(
        everyColumn.filter(
          (c) => columns[c]!.person === VIEWER || group.includes(columns[c]!.person),
        ),
      );
      if (within(all, rankAll, inside) > within(base, rankBase, inside)) {
        throw new Error(
          `ratings of ${group.join("+")} solvable for ${key} (k ${k}): ${JSON.stringify(cycle)}`,
        );
      }
      stats.subsetsChecked++;
    }

    // Members: no sum of fewer than k scores the viewer does not know comes out.
    const inSpan = (rows: bigint[][], rank: number, row: bigint[]) =>
      exactRank([...rows, row], everyColumn) === rank;
    const unknown = scored.filter((member) => !inSpan(base, rankBase, sumRow([member])));
    for (const set of subsets(unknown, k - 1)) {
      const row = sumRow(set);
      if (inSpan(all, rankAll, row) && !inSpan(base, rankBase, row)) {
        throw new Error(
          `sum of members ${set.map((m) => m.participantId).join("+")} solvable for ${key} (k ${k}): ${JSON.stringify(cycle)}`,
        );
      }
      stats.subsetsChecked++;
    }
  }
}

describe("computeTeamFigures: what the viewer rated themselves counts (rater-level check)", () => {
  const ROUNDS = 1000;

  it("never lets a viewer solve the ratings of fewer than k other people, rating none, some or all members", () => {
    const stats: RaterStats = {
      cycles: 0,
      shown: 0,
      withheldForOwnRatings: 0,
      subsetsChecked: 0,
      viewerRatedMembers: 0,
    };
    const modes = new Set<string>();
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const cycle = randomRatedCycle(seed);
      modes.add(cycle.mode);
      const input = engineInputOf(cycle);
      const result = computeTeamFigures(input);
      checkRatedCycle(cycle, result, stats);
      stats.cycles++;
      stats.viewerRatedMembers += cycle.members.filter((m) => m.voices.includes(VIEWER)).length;
      // Decisions that only the viewer's own knowledge explains.
      const blind = computeTeamFigures(engineInputOf(cycle, { ignoreOwnRatings: true }));
      for (const [team, figures] of result.teams) {
        for (const key of KEYS) {
          if (blind.teams.get(team)!.competencies[key]!.shown && !figures.competencies[key]!.shown)
            stats.withheldForOwnRatings++;
        }
      }
    }
    expect(modes).toEqual(new Set(["none", "some", "all"]));
    expect(stats.shown).toBeGreaterThan(300);
    expect(stats.withheldForOwnRatings).toBeGreaterThan(100);
    expect(stats.viewerRatedMembers).toBeGreaterThan(1500);
    expect(stats.subsetsChecked).toBeGreaterThan(5000);
  });

  it("the check catches the engine when it ignores the viewer's own ratings", () => {
    let caught = 0;
    const stats: RaterStats = {
      cycles: 0,
      shown: 0,
      withheldForOwnRatings: 0,
      subsetsChecked: 0,
      viewerRatedMembers: 0,
    };
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const cycle = randomRatedCycle(seed);
      const blind = computeTeamFigures(engineInputOf(cycle, { ignoreOwnRatings: true }));
      try {
        checkRatedCycle(cycle, blind, stats);
      } catch {
        caught++;
      }
    }
    expect(caught).toBeGreaterThan(60);
  });

  it("the check catches the engine when members the viewer rated with fewer than k others count as known", () => {
    // The first idea for the rule: such a member is "known". It leaves the atom of two such
    // members empty, and shows it.
    let caught = 0;
    const stats: RaterStats = {
      cycles: 0,
      shown: 0,
      withheldForOwnRatings: 0,
      subsetsChecked: 0,
      viewerRatedMembers: 0,
    };
    for (let seed = 1; seed <= ROUNDS; seed++) {
      const cycle = randomRatedCycle(seed);
      const input = engineInputOf(cycle);
      const knownScores = new Map<string, Set<string>>();
      for (const member of input.members) {
        for (const key of KEYS) {
          const standing = memberStanding(
            member,
            key,
            cycle.k,
            input.knownParticipantIds,
            input.viewer,
          );
          if (standing === "weak" || standing === "doubtful" || standing === "known") {
            knownScores.set(
              member.participantId,
              (knownScores.get(member.participantId) ?? new Set()).add(key),
            );
          }
        }
      }
      const asKnown = computeTeamFigures({ ...input, viewer: { knownScores } });
      try {
        checkRatedCycle(cycle, asKnown, stats);
      } catch {
        caught++;
      }
    }
    expect(caught).toBeGreaterThan(150);
  });
});
