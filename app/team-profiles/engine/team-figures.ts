// The anonymity engine of team profiles: every team figure any page, export or log shows
// comes from computeTeamFigures. Pure: no database, no clock. The per-competency inputs about
// what the viewer knows (MemberScores.raters, TeamFiguresInput.viewer) are optional: without
// them the engine decides from knownParticipantIds alone.
//
// What a viewer can work out. A member's score on a competency is the mean over their n
// raters of each rater's mean (docs/domain.md), so with the unknowns taken per rater and member, a
// team's sum is a sum over members of (1/n) × their raters' means. A shown team figure, minus
// the shown teams inside it, leaves one "atom" per shown team (and one for the norm): the sum
// of the members in it that no shown sub-team covers. Atoms are disjoint, so every sum the
// viewer can form from the figures is a combination of atoms, and what it reveals about one
// atom it reveals about the members left in it after taking away what the viewer knows.
// Each member is, per competency, one of:
//   known     the viewer knows the score exactly (their own report, a lead view showing it);
//   strong    unknown to the viewer and resting on at least k other people: of the n voices
//             behind it, the viewer gave t themselves (their submitted invitations: answers
//             are anonymous, who answered for whom is not) and some person answered twice
//             (extra voices e, from before one voice per rater); n − t − e >= k;
//   weak      unknown to the viewer but perhaps resting on fewer than k other people
//             (n − t − e < k);
//   doubtful  perhaps known to the viewer entirely (t >= n; n not known; a lead view they read
//             that, with their own ratings, may or may not give the score): for counting
//             members it is known, and it never counts as strong.
// An atom is safe when it holds no unknown member, or at least k unknown members (so no sum
// over fewer than k members' scores comes out) of which at least one is strong. Why the strong
// one is enough: the variables of different members are different unknowns, so any
// combination that involves the atom has that strong member's raters in it with a non-zero
// weight, at least k other people; nothing that involves the atom can be a rating, or a sum of
// ratings, of fewer than k other people. Without a strong member it could: two members rated
// only by the viewer and X leave X's two means once the viewer subtracts their own (k = 2).
// Counting such a member as "known" (as if the viewer knew the score) does not close that:
// the atom would then hold no unknown member and be shown. Property-tested with an independent
// rank check over rater-level unknowns in tests/unit/team-profiles.

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
  /**
   * Competency key → the raters ("voices") behind the score: the "all others" n of the report.
   * Needed only for members the viewer rated, or with a person answering twice (see
   * ViewerKnowledge.notOtherPeople); absent there, the member counts as doubtful.
   */
  raters?: Readonly<Record<string, number>>;
}

/**
 * What the viewer knows of the members' scores beyond TeamFiguresInput.knownParticipantIds,
 * per competency (see the header of this file).
 */
export interface ViewerKnowledge {
  /** Participant → competency keys whose score the viewer knows exactly. */
  knownScores?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Participant → competency keys of which the viewer knows part, perhaps all (a lead view
   * they read that withholds the score, or leaves out another manager's answers): doubtful.
   */
  partlyKnownScores?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Participant → voices behind their scores that are not another person: the viewer's own
   * submitted answers for them plus every second (third, …) answer of one person.
   */
  notOtherPeople?: ReadonlyMap<string, number>;
}

/** A member on one competency, as this viewer stands to them (the header of this file). */
export type MemberStanding = "known" | "strong" | "weak" | "doubtful";

export interface TeamFiguresInput {
  /**
   * The competencies to work out: every competency of the cycle's profiles, or only those a
   * page shows. Each is decided on its own, over every member and team, so a competency's
   * figures (and its norm) do not depend on which others are asked for with it; callers rely
   * on that (tests/unit/team-profiles).
   */
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
  /** What else the viewer knows, per competency. Without it: only knownParticipantIds. */
  viewer?: ViewerKnowledge;
}

export type WithheldReason =
  /** Fewer than k members with a score. */
  | "too_few"
  /** Shown, it could be subtracted from a shown parent, sub-teams or the norm. */
  | "differencing"
  /**
   * Shown, it would reveal members' scores, or ratings of fewer than k other people, together
   * with the scores and ratings this viewer knows (their own ratings included).
   */
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
  /** Members with a score that are weak for this viewer. */
  weak: Int32Array;
  /** Members with a score that are doubtful for this viewer. */
  doubtful: Int32Array;
}

function newTally(size: number): Tally {
  return {
    n: new Int32Array(size),
    sum: new Float64Array(size),
    low: new Int32Array(size),
    middle: new Int32Array(size),
    high: new Int32Array(size),
    known: new Int32Array(size),
    weak: new Int32Array(size),
    doubtful: new Int32Array(size),
  };
}

/** How many members of an atom (a team less its shown sub-teams) the viewer stands to how. */
interface AtomCount {
  /** Members with a score. */
  all: number;
  known: number;
  weak: number;
  doubtful: number;
}

/**
 * Whether showing the atom gives away too much: fewer than k unknown members (a doubtful one
 * counted as known), or unknown members without a strong one among them.
 */
function exposes(atom: AtomCount, k: number): boolean {
  const unknown = atom.all - atom.known - atom.doubtful;
  const strong = unknown - atom.weak;
  return (unknown >= 1 && unknown < k) || (strong === 0 && unknown + atom.doubtful >= 1);
}

/**
 * A member's standing on one competency for this viewer; `k` is the threshold (>= 2). Exported
 * for the page code that needs the same rule for a single member (member results).
 */
export function memberStanding(
  member: Pick<MemberScores, "participantId" | "raters">,
  key: string,
  k: number,
  knownParticipantIds: ReadonlySet<string>,
  viewer: ViewerKnowledge | undefined,
): MemberStanding {
  const id = member.participantId;
  if (knownParticipantIds.has(id) || viewer?.knownScores?.get(id)?.has(key)) return "known";
  if (viewer?.partlyKnownScores?.get(id)?.has(key)) return "doubtful";
  const notOthers = viewer?.notOtherPeople?.get(id) ?? 0;
  if (notOthers <= 0) return "strong";
  const raters = member.raters?.[key];
  if (typeof raters !== "number" || !Number.isFinite(raters) || raters <= notOthers) {
    return "doubtful";
  }
  return raters - notOthers >= k ? "strong" : "weak";
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
  // Never below 2, whatever the caller passes (the floor of docs/anonymity.md).
  const k = Number.isFinite(input.k) ? Math.max(2, Math.ceil(input.k)) : 2;
  const keys = [...new Set(input.competencyKeys)];
  const known = input.knownParticipantIds;
  const viewer = input.viewer;

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
  const rootWeak = new Int32Array(keys.length);
  const rootDoubtful = new Int32Array(keys.length);
  for (const member of members) {
    const chain =
      member.teamPath.length > 0 ? forest.chains[forest.index.get(member.teamPath[0]!)!]! : null;
    const scores = member.scores;
    // Most members are strangers to the viewer on every competency: decided once.
    const id = member.participantId;
    const plain = known.has(id)
      ? "known"
      : viewer?.knownScores?.has(id) ||
          viewer?.partlyKnownScores?.has(id) ||
          (viewer?.notOtherPeople?.get(id) ?? 0) > 0
        ? null
        : "strong";
    for (const key of Object.keys(scores)) {
      const c = keyIndex.get(key);
      if (c === undefined) continue;
      const score = scores[key];
      if (typeof score !== "number" || !Number.isFinite(score)) continue;
      const standing = plain ?? memberStanding(member, key, k, known, viewer);
      const isKnown = standing === "known" ? 1 : 0;
      const isWeak = standing === "weak" ? 1 : 0;
      const isDoubtful = standing === "doubtful" ? 1 : 0;
      rootN[c]! += 1;
      rootSum[c]! += score;
      rootKnown[c]! += isKnown;
      rootWeak[c]! += isWeak;
      rootDoubtful[c]! += isDoubtful;
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
        flat.weak[at]! += isWeak;
        flat.doubtful[at]! += isDoubtful;
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
      weak: flat.weak.subarray(from, to),
      doubtful: flat.doubtful.subarray(from, to),
    };
  };

  const figures: Record<string, TeamCompetencyFigure>[] = forest.ids.map(() => ({}));
  const norm: Record<string, NormFigure> = {};

  for (const [c, key] of keys.entries()) {
    const tally = tallyOf(c);
    const shown = new Uint8Array(teamCount);
    // Per team: the members inside the maximal shown sub-team subtrees, by standing.
    const covered = newTally(teamCount);
    // What a team's subtree holds, by standing: all of it when shown, else its frontier.
    const countOf = (t: number): AtomCount =>
      shown[t]
        ? {
            all: tally.n[t]!,
            known: tally.known[t]!,
            weak: tally.weak[t]!,
            doubtful: tally.doubtful[t]!,
          }
        : {
            all: covered.n[t]!,
            known: covered.known[t]!,
            weak: covered.weak[t]!,
            doubtful: covered.doubtful[t]!,
          };

    for (const t of forest.bottomUp) {
      const frontier: AtomCount = { all: 0, known: 0, weak: 0, doubtful: 0 };
      for (const child of forest.children[t]!) {
        const below = countOf(child);
        frontier.all += below.all;
        frontier.known += below.known;
        frontier.weak += below.weak;
        frontier.doubtful += below.doubtful;
      }
      covered.n[t] = frontier.all;
      covered.known[t] = frontier.known;
      covered.weak[t] = frontier.weak;
      covered.doubtful[t] = frontier.doubtful;
      const n = tally.n[t]!;
      if (n < k) {
        figures[t]![key] = { shown: false, reason: "too_few" };
        continue;
      }
      const atom: AtomCount = {
        all: n - frontier.all,
        known: tally.known[t]! - frontier.known,
        weak: tally.weak[t]! - frontier.weak,
        doubtful: tally.doubtful[t]! - frontier.doubtful,
      };
      if (exposes(atom, k)) {
        // "differencing" where the atom is small because sub-teams are subtracted; else it is
        // what the viewer knows that makes it too revealing.
        const reason = atom.all === 0 || atom.all >= k ? "known_members" : "differencing";
        figures[t]![key] = { shown: false, reason };
        continue;
      }
      shown[t] = 1;
    }

    // The virtual root: the norm is in every report, so it cannot be withheld; instead the
    // smallest shown frontier teams are withheld until the rest of the organisation is safe.
    // Withholding a frontier team changes no other decision: every team above it is withheld.
    // Without a shown norm there is no organisation sum to subtract from, so nothing to do.
    const all = { n: rootN[c]!, sum: rootSum[c]! };
    if (all.n >= input.normMinParticipants && all.n > 0) {
      norm[key] = { mean: all.sum / all.n, participants: all.n };
      const frontier = new Set<number>();
      const collect = (t: number) => {
        if (shown[t]) frontier.add(t);
        else for (const child of forest.children[t]!) collect(child);
      };
      for (const top of forest.tops) collect(top);
      // The root's atom: everyone with a score less the frontier teams' members.
      const atom: AtomCount = {
        all: all.n,
        known: rootKnown[c]!,
        weak: rootWeak[c]!,
        doubtful: rootDoubtful[c]!,
      };
      const take = (t: number, sign: 1 | -1) => {
        atom.all -= sign * tally.n[t]!;
        atom.known -= sign * tally.known[t]!;
        atom.weak -= sign * tally.weak[t]!;
        atom.doubtful -= sign * tally.doubtful[t]!;
      };
      for (const t of frontier) take(t, 1);
      while (frontier.size > 0 && exposes(atom, k)) {
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
        take(pick, -1);
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
          take(t, 1);
        }
      }
      // No team left to withhold, and the norm still gives away too much together with what
      // the viewer knows: it is not this viewer's to see on a team page.
      if (input.withholdExposedNorm && exposes(atom, k)) delete norm[key];
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
