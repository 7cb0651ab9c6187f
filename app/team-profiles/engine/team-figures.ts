// CONTRACT (lead engineer): types and signatures are fixed; the helper implements the bodies.
// The anonymity engine of team profiles: every team figure any page, export or log shows
// comes from computeTeamFigures. Pure: no database, no clock.

/** Band edges of the spread table (the 1–5 frequency scale): under 3, 3 to 4, 4 and above. */
export const SPREAD_LOW_BELOW = 3;
export const SPREAD_HIGH_FROM = 4;

export interface MemberScores {
  participantId: string;
  /**
   * The teams the participant belonged to when the cycle was released: own team first, then
   * each parent up to the top. Empty for a participant without a team.
   */
  teamPath: readonly string[];
  /** Competency key → the participant's "all others" score; absent where their report has none. */
  scores: Readonly<Record<string, number>>;
}

export interface TeamFiguresInput {
  /** Every competency of the cycle's profile, in profile order. */
  competencyKeys: readonly string[];
  /** Every participant of the cycle (with or without scores, with or without a team). */
  members: readonly MemberScores[];
  /** The cycle's threshold k (>= 2). */
  k: number;
  /**
   * Participants whose individual scores this viewer knows: their own participation, reports
   * shared with them, reports they read as lead. Empty for a viewer who knows none (HR).
   */
  knownParticipantIds: ReadonlySet<string>;
  /** The organisation norm needs this many participants with a score (NORM_MIN_PARTICIPANTS). */
  normMinParticipants: number;
  /**
   * Leave a competency out of `norm` when, even with every frontier team withheld, the norm
   * together with the members this viewer knows still gives away 1..k − 1 unknown members
   * (few participants, many known, or k above the norm's minimum). Pages set it: a viewer who
   * does not take part in the cycle (a department head, HR) has no report with the norm in it,
   * so the team profile must not hand it to them. Without it the norm is always returned.
   */
  withholdExposedNorm?: boolean;
}

export type WithheldReason =
  /** Fewer than k members with a score. */
  | "too_few"
  /** Shown, it could be subtracted from a shown parent, sub-teams or the norm. */
  | "differencing"
  /** Shown, it would reveal members' scores together with the ones this viewer knows. */
  | "known_members";

export interface TeamSpread {
  /** Members scoring under SPREAD_LOW_BELOW. */
  low: number;
  /** From SPREAD_LOW_BELOW up to (not including) SPREAD_HIGH_FROM. */
  middle: number;
  /** SPREAD_HIGH_FROM and above. */
  high: number;
}

export type TeamCompetencyFigure =
  | { shown: true; mean: number; members: number; spread: TeamSpread }
  | { shown: false; reason: WithheldReason };

export interface TeamFigures {
  teamId: string;
  /** By competency key; every key of the input is present. */
  competencies: Readonly<Record<string, TeamCompetencyFigure>>;
  /** At least one competency shown. */
  anyShown: boolean;
}

export interface NormFigure {
  mean: number;
  participants: number;
}

export interface CycleTeamFigures {
  /** Every team that occurs in any member's teamPath (a department aggregates its sub-teams). */
  teams: ReadonlyMap<string, TeamFigures>;
  /** The organisation norm per competency key, only where it has normMinParticipants. */
  norm: Readonly<Record<string, NormFigure>>;
}

/** Per team (by index), for one competency: members with a score in the team's subtree. */
interface Tally {
  n: Int32Array;
  sum: Float64Array;
  low: Int32Array;
  middle: Int32Array;
  high: Int32Array;
  /** Members with a score on the competency whom the viewer knows. */
  known: Int32Array;
}

function newTally(size: number): Tally {
  return {
    n: new Int32Array(size),
    sum: new Float64Array(size),
    low: new Int32Array(size),
    middle: new Int32Array(size),
    high: new Int32Array(size),
    known: new Int32Array(size),
  };
}

/** Code-unit order: deterministic, independent of the locale. */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The team tree of the cycle, taken only from the members' team paths (teamPath[i + 1] is the
 * parent of teamPath[i]). The first parent seen for a team wins; an edge that would make a cycle
 * is ignored, so the tree is always a forest.
 */
function buildForest(members: readonly MemberScores[]) {
  const parentOf = new Map<string, string | null>();
  const isAncestorOrSelf = (candidate: string, team: string) => {
    for (let at: string | null | undefined = candidate; at != null; at = parentOf.get(at)) {
      if (at === team) return true;
    }
    return false;
  };
  for (const member of members) {
    const path = member.teamPath;
    for (let i = 0; i < path.length; i++) {
      const team = path[i]!;
      const parent = i + 1 < path.length ? path[i + 1]! : null;
      const current = parentOf.get(team);
      if (current === undefined) parentOf.set(team, null);
      if (parent !== null && (current === undefined || current === null)) {
        if (!isAncestorOrSelf(parent, team)) parentOf.set(team, parent);
      }
    }
  }
  const ids = [...parentOf.keys()].sort(byId);
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = new Int32Array(ids.length).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const p = parentOf.get(ids[i]!);
    if (p != null) parent[i] = index.get(p)!;
  }
  const children: number[][] = ids.map(() => []);
  for (let i = 0; i < ids.length; i++) if (parent[i]! >= 0) children[parent[i]!]!.push(i);
  // Each team with every team above it; depth = number of teams above it.
  const chains: Int32Array[] = ids.map((_, i) => {
    const chain: number[] = [];
    for (let at = i; at >= 0; at = parent[at]!) chain.push(at);
    return Int32Array.from(chain);
  });
  // Deepest first, so every team comes after all its sub-teams.
  const bottomUp = ids
    .map((_, i) => i)
    .sort((a, b) => chains[b]!.length - chains[a]!.length || a - b);
  const tops = ids.map((_, i) => i).filter((i) => parent[i]! < 0);
  return { ids, index, children, chains, bottomUp, tops };
}

export function computeTeamFigures(input: TeamFiguresInput): CycleTeamFigures {
  // Never below 2, whatever the caller passes (the SPEC's floor).
  const k = Number.isFinite(input.k) ? Math.max(2, Math.ceil(input.k)) : 2;
  const keys = [...new Set(input.competencyKeys)];
  const known = input.knownParticipantIds;

  // One entry per participant (a duplicate would weigh twice).
  const seen = new Set<string>();
  const members = input.members.filter((member) => {
    if (seen.has(member.participantId)) return false;
    seen.add(member.participantId);
    return true;
  });

  const forest = buildForest(members);
  const teamCount = forest.ids.length;

  // Per competency: counts and sums per team subtree, plus the root (the whole organisation),
  // in flat arrays (competency-major), filled in one pass over the members.
  const keyIndex = new Map(keys.map((key, i) => [key, i]));
  const flat = newTally(keys.length * teamCount);
  const rootN = new Int32Array(keys.length);
  const rootSum = new Float64Array(keys.length);
  const rootKnown = new Int32Array(keys.length);
  for (const member of members) {
    const chain =
      member.teamPath.length > 0 ? forest.chains[forest.index.get(member.teamPath[0]!)!]! : null;
    const isKnown = known.has(member.participantId) ? 1 : 0;
    const scores = member.scores;
    for (const key of Object.keys(scores)) {
      const c = keyIndex.get(key);
      if (c === undefined) continue;
      const score = scores[key];
      if (typeof score !== "number" || !Number.isFinite(score)) continue;
      rootN[c]! += 1;
      rootSum[c]! += score;
      rootKnown[c]! += isKnown;
      if (!chain) continue;
      const bands =
        score < SPREAD_LOW_BELOW ? flat.low : score < SPREAD_HIGH_FROM ? flat.middle : flat.high;
      const base = c * teamCount;
      for (let i = 0; i < chain.length; i++) {
        const at = base + chain[i]!;
        flat.n[at]! += 1;
        flat.sum[at]! += score;
        bands[at]! += 1;
        flat.known[at]! += isKnown;
      }
    }
  }
  const tallyOf = (c: number): Tally => {
    const from = c * teamCount;
    const to = from + teamCount;
    return {
      n: flat.n.subarray(from, to),
      sum: flat.sum.subarray(from, to),
      low: flat.low.subarray(from, to),
      middle: flat.middle.subarray(from, to),
      high: flat.high.subarray(from, to),
      known: flat.known.subarray(from, to),
    };
  };

  const figures: Record<string, TeamCompetencyFigure>[] = forest.ids.map(() => ({}));
  const norm: Record<string, NormFigure> = {};

  for (const [c, key] of keys.entries()) {
    const tally = tallyOf(c);
    const shown = new Uint8Array(teamCount);
    // Members (and known members) inside the maximal shown sub-team subtrees of each team.
    const covered = new Int32Array(teamCount);
    const coveredKnown = new Int32Array(teamCount);
    // What a team contributes to its parent's frontier: itself when shown, else its frontier.
    const frontierN = (t: number) => (shown[t] ? tally.n[t]! : covered[t]!);
    const frontierKnown = (t: number) => (shown[t] ? tally.known[t]! : coveredKnown[t]!);

    for (const t of forest.bottomUp) {
      let inFrontier = 0;
      let knownInFrontier = 0;
      for (const child of forest.children[t]!) {
        inFrontier += frontierN(child);
        knownInFrontier += frontierKnown(child);
      }
      covered[t] = inFrontier;
      coveredKnown[t] = knownInFrontier;
      const n = tally.n[t]!;
      if (n < k) {
        figures[t]![key] = { shown: false, reason: "too_few" };
        continue;
      }
      const before = n - inFrontier;
      const remainder = before - (tally.known[t]! - knownInFrontier);
      if (remainder >= 1 && remainder < k) {
        const reason = before === 0 || before >= k ? "known_members" : "differencing";
        figures[t]![key] = { shown: false, reason };
        continue;
      }
      shown[t] = 1;
    }

    // The virtual root: the norm is in every report, so it cannot be withheld; instead the
    // smallest shown frontier teams are withheld until the rest of the organisation is safe.
    // Withholding a frontier team changes no other decision: every team above it is withheld.
    // Without a shown norm there is no organisation sum to subtract from, so nothing to do.
    const all = { n: rootN[c]!, sum: rootSum[c]!, known: rootKnown[c]! };
    if (all.n >= input.normMinParticipants && all.n > 0) {
      norm[key] = { mean: all.sum / all.n, participants: all.n };
      const frontier = new Set<number>();
      const collect = (t: number) => {
        if (shown[t]) frontier.add(t);
        else for (const child of forest.children[t]!) collect(child);
      };
      for (const top of forest.tops) collect(top);
      let inFrontier = 0;
      let knownInFrontier = 0;
      for (const t of frontier) {
        inFrontier += tally.n[t]!;
        knownInFrontier += tally.known[t]!;
      }
      const remainder = () => all.n - inFrontier - (all.known - knownInFrontier);
      while (frontier.size > 0 && remainder() >= 1 && remainder() < k) {
        let pick = -1;
        for (const t of frontier) {
          if (
            pick < 0 ||
            tally.n[t]! < tally.n[pick]! ||
            (tally.n[t]! === tally.n[pick]! && byId(forest.ids[t]!, forest.ids[pick]!) > 0)
          ) {
            pick = t;
          }
        }
        frontier.delete(pick);
        shown[pick] = 0;
        figures[pick]![key] = { shown: false, reason: "differencing" };
        inFrontier -= tally.n[pick]!;
        knownInFrontier -= tally.known[pick]!;
        // Its own frontier (decided before, unchanged) takes its place.
        const below = new Set<number>();
        for (const child of forest.children[pick]!) {
          const stack = [child];
          while (stack.length > 0) {
            const t = stack.pop()!;
            if (shown[t]) below.add(t);
            else stack.push(...forest.children[t]!);
          }
        }
        for (const t of below) {
          frontier.add(t);
          inFrontier += tally.n[t]!;
          knownInFrontier += tally.known[t]!;
        }
      }
      // No team left to withhold, and the norm still leaves 1..k − 1 unknown members: it is
      // not this viewer's to see on a team page.
      if (input.withholdExposedNorm && remainder() >= 1 && remainder() < k) delete norm[key];
    }

    for (let t = 0; t < teamCount; t++) {
      if (!shown[t]) continue;
      const n = tally.n[t]!;
      figures[t]![key] = {
        shown: true,
        mean: tally.sum[t]! / n,
        members: n,
        spread: { low: tally.low[t]!, middle: tally.middle[t]!, high: tally.high[t]! },
      };
    }
  }

  const teams = new Map<string, TeamFigures>();
  for (let t = 0; t < teamCount; t++) {
    const competencies = figures[t]!;
    teams.set(forest.ids[t]!, {
      teamId: forest.ids[t]!,
      competencies,
      anyShown: keys.some((key) => competencies[key]!.shown),
    });
  }
  return { teams, norm };
}
