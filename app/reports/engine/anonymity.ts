// The anonymity engine: every figure an individual report shows comes from here. Pure
// functions, no database. docs/anonymity.md:
// - a group's figure only with at least k raters behind it (for that item or competency);
// - no differencing: suppressed groups are pooled; while the pool has 1..k-1 raters the
//   smallest visible group joins it; "all others" only with N >= k and no small pool;
// - on top of these rules, a guard per competency treats every shown figure as an equation
//   over the individual ratings and withholds figures until nothing resting on fewer than k
//   raters can be solved from them: no rater's ratings (any single rating, or any combination
//   of one rater's ratings) and no combination of the ratings of fewer than k raters together.
//   That closes leaks the rules alone leave open, e.g. between a competency score and its
//   indicators when one rater answered "kan ik niet beoordelen" on some items.
// - What the viewer knows counts: the ratings of raters the viewer knows (their own, when the
//   viewer rated the participant) are known values, so the guard solves with them given.
import type { Relationship } from "#db/schema";
import { IndependentSet, nullSpaceByColumn } from "./rank";

export type OtherGroup = Exclude<Relationship, "self">;
/** The spread ("agreement") of the others' scores is given only with this many raters. */
export const SPREAD_MIN_RATERS = 5;

/** Display order of the rater groups. */
export const OTHER_GROUPS: readonly OtherGroup[] = ["manager", "colleague", "customer", "report"];

export interface RaterAnswers {
  /** Opaque, per response; never shown. */
  id: string;
  relationship: Relationship;
  /** indicator id → score, or null for "kan ik niet beoordelen". Absent: not asked. */
  ratings: Readonly<Record<string, number | null>>;
}

export interface EngineCompetency {
  id: string;
  indicatorIds: readonly string[];
}

export interface EngineSettings {
  /** Threshold per group, at least 2. */
  k: number;
  /** The manager shown as an identifiable group of one (the manager's form says so). */
  managerIdentifiable: boolean;
}

export interface Figure {
  mean: number;
  /** Raters behind the figure. */
  n: number;
}

export interface UnitFigures {
  /** The participant's own score (not a secret from themself). */
  self: number | null;
  others: Figure | null;
  groups: Partial<Record<OtherGroup, Figure>>;
  /** Non-self raters who rated this unit, shown or not. */
  othersRated: number;
  /** Non-self "kan ik niet beoordelen" answers (indicators only). */
  notApplicable: number;
  /** Standard deviation of the others' scores, only where "others" is shown. */
  spread: number | null;
  /**
   * True when "all others" is not shown although others rated this, or when the guard
   * withheld a figure the thresholds allowed. (Groups under k are simply absent.)
   */
  withheld: boolean;
}

export interface CompetencyFigures {
  id: string;
  figures: UnitFigures;
  indicators: { id: string; figures: UnitFigures }[];
}

export interface EngineOptions {
  /**
   * Raters whose ratings the viewer knows (the viewer themself, when they rated the
   * participant): their ratings count as known values, not as secrets to keep.
   */
  knownRaterIds?: Iterable<string>;
}

export interface ReportFigures {
  competencies: CompetencyFigures[];
  /** Groups shown as a separate series for at least one competency. */
  visibleGroups: OtherGroup[];
}

type Unit = { kind: "competency" } | { kind: "indicator"; indicatorId: string };
type Series = OtherGroup | "others";

interface CandidateFigure {
  unitIndex: number;
  series: Series;
  /** Coefficient per unknown (rater × indicator), keyed by column index. */
  row: Map<number, number>;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

/**
 * Which series of one unit the threshold and pooling rules allow, given how many raters of
 * each group rated it.
 */
export function visibleSeries(
  counts: Partial<Record<OtherGroup, number>>,
  settings: EngineSettings,
): { groups: OtherGroup[]; others: boolean } {
  const { k } = settings;
  const present = OTHER_GROUPS.filter((group) => (counts[group] ?? 0) > 0);
  const forced = present.filter((group) => group === "manager" && settings.managerIdentifiable);
  const visible = present.filter((group) => forced.includes(group) || (counts[group] ?? 0) >= k);
  let pool = present
    .filter((group) => !visible.includes(group))
    .reduce((sum, group) => sum + (counts[group] ?? 0), 0);
  while (pool > 0 && pool < k) {
    const candidates = visible.filter((group) => !forced.includes(group));
    if (candidates.length === 0) break;
    // The smallest visible group joins the pool; on a tie the later one in display order.
    const smallest = candidates.reduce((a, b) => ((counts[b] ?? 0) <= (counts[a] ?? 0) ? b : a));
    visible.splice(visible.indexOf(smallest), 1);
    pool += counts[smallest] ?? 0;
  }
  const total = present.reduce((sum, group) => sum + (counts[group] ?? 0), 0);
  const others = total >= k && (pool === 0 || pool >= k);
  return { groups: visible, others };
}

/** Every figure of an individual report, after the thresholds, pooling and the guard. */
export function computeReportFigures(
  competencies: readonly EngineCompetency[],
  raters: readonly RaterAnswers[],
  settings: EngineSettings,
  options: EngineOptions = {},
): ReportFigures {
  if (!Number.isInteger(settings.k) || settings.k < 2) {
    throw new Error("The anonymity threshold k must be an integer of at least 2");
  }
  const known = new Set(options.knownRaterIds ?? []);
  const results = competencies.map((competency) =>
    competencyFigures(competency, raters, settings, known),
  );
  const visibleGroups = OTHER_GROUPS.filter((group) =>
    results.some((result) => result.figures.groups[group] !== undefined),
  );
  return { competencies: results, visibleGroups };
}

function isProtected(rater: RaterAnswers, settings: EngineSettings): boolean {
  return !(rater.relationship === "manager" && settings.managerIdentifiable);
}

function competencyFigures(
  competency: EngineCompetency,
  raters: readonly RaterAnswers[],
  settings: EngineSettings,
  known: ReadonlySet<string>,
): CompetencyFigures {
  const units: Unit[] = [
    { kind: "competency" },
    ...competency.indicatorIds.map((indicatorId) => ({ kind: "indicator" as const, indicatorId })),
  ];
  const others = raters.filter((rater) => rater.relationship !== "self");
  const self = raters.filter((rater) => rater.relationship === "self");

  // Scores each non-self rater gave in this competency (n/a and unasked left out).
  const scored = others.map((rater) => {
    const items = competency.indicatorIds.filter((id) => typeof rater.ratings[id] === "number");
    return { rater, items };
  });
  const columns = new Map<string, number>();
  for (const { rater, items } of scored) {
    for (const item of items) columns.set(`${rater.id}\u0000${item}`, columns.size);
  }
  const column = (raterId: string, item: string) => columns.get(`${raterId}\u0000${item}`)!;

  const rowFor = (unit: Unit, members: typeof scored): Map<number, number> => {
    const row = new Map<number, number>();
    for (const { rater, items } of members) {
      if (unit.kind === "indicator") {
        if (items.includes(unit.indicatorId)) row.set(column(rater.id, unit.indicatorId), 1);
      } else if (items.length > 0) {
        for (const item of items) row.set(column(rater.id, item), 1 / items.length);
      }
    }
    return row;
  };
  const ratedUnit = (unit: Unit, items: string[]) =>
    unit.kind === "indicator" ? items.includes(unit.indicatorId) : items.length > 0;

  // 1. The rules, unit by unit.
  const candidates: CandidateFigure[] = [];
  units.forEach((unit, unitIndex) => {
    const counts: Partial<Record<OtherGroup, number>> = {};
    for (const { rater, items } of scored) {
      if (!ratedUnit(unit, items)) continue;
      const group = rater.relationship as OtherGroup;
      counts[group] = (counts[group] ?? 0) + 1;
    }
    const allowed = visibleSeries(counts, settings);
    for (const group of allowed.groups) {
      const members = scored.filter(({ rater }) => rater.relationship === group);
      candidates.push({ unitIndex, series: group, row: rowFor(unit, members) });
    }
    if (allowed.others) candidates.push({ unitIndex, series: "others", row: rowFor(unit, scored) });
  });

  // 2. The guard. Without known raters it is only needed when raters left different items
  // unanswered: otherwise every competency figure is a fixed combination of indicator
  // figures, and every shown sum covers whole groups or the whole pool, at least k raters.
  const patterns = new Set(
    scored.filter(({ items }) => items.length > 0).map(({ items }) => items.join("\u0000")),
  );
  const viewerKnowsSome = scored.some(
    ({ rater, items }) => items.length > 0 && known.has(rater.id),
  );
  const shown =
    patterns.size > 1 || viewerKnowsSome
      ? guard(candidates, scored, settings, column, known)
      : candidates;

  // 3. The figures themselves, for what is shown.
  const figuresFor = (unit: Unit, unitIndex: number): UnitFigures => {
    const scoreOf = (rater: RaterAnswers, items: string[]): number | null => {
      if (unit.kind === "indicator") {
        const score = rater.ratings[unit.indicatorId];
        return typeof score === "number" ? score : null;
      }
      return items.length > 0 ? mean(items.map((item) => rater.ratings[item] as number)) : null;
    };
    const seriesScores = (members: typeof scored) =>
      members.map(({ rater, items }) => scoreOf(rater, items)).filter((s) => s !== null);
    const figure = (members: typeof scored): Figure => {
      const values = seriesScores(members);
      return { mean: mean(values), n: values.length };
    };
    const unitShown = shown.filter((candidate) => candidate.unitIndex === unitIndex);
    const allowedBeforeGuard = candidates.filter((c) => c.unitIndex === unitIndex).length;
    const groups: Partial<Record<OtherGroup, Figure>> = {};
    for (const candidate of unitShown) {
      if (candidate.series === "others") continue;
      groups[candidate.series] = figure(
        scored.filter(({ rater }) => rater.relationship === candidate.series),
      );
    }
    const othersShown = unitShown.some((candidate) => candidate.series === "others");
    const othersScores = seriesScores(scored);
    const selfScores = self
      .map((rater) =>
        scoreOf(
          rater,
          competency.indicatorIds.filter((id) => typeof rater.ratings[id] === "number"),
        ),
      )
      .filter((s) => s !== null);
    return {
      self: selfScores.length > 0 ? mean(selfScores) : null,
      others: othersShown ? figure(scored) : null,
      groups,
      othersRated: othersScores.length,
      notApplicable:
        unit.kind === "indicator"
          ? others.filter((rater) => rater.ratings[unit.indicatorId] === null).length
          : 0,
      // The spread is not a linear figure, so the guard does not cover it: with few raters a
      // mean and a spread together can pin down every score. Only with SPREAD_MIN_RATERS.
      spread:
        othersShown && othersScores.length >= Math.max(settings.k, SPREAD_MIN_RATERS)
          ? standardDeviation(othersScores)
          : null,
      withheld: unitShown.length < allowedBeforeGuard || (othersScores.length > 0 && !othersShown),
    };
  };

  return {
    id: competency.id,
    figures: figuresFor(units[0]!, 0),
    indicators: competency.indicatorIds.map((indicatorId, index) => ({
      id: indicatorId,
      figures: figuresFor(units[index + 1]!, index + 1),
    })),
  };
}

/** How a figure's loss weighs: detail first, the competency's "all others" last. */
function removalPriority(candidate: CandidateFigure, rowSize: number): number {
  const isCompetency = candidate.unitIndex === 0;
  const isOthers = candidate.series === "others";
  const tier = isCompetency ? (isOthers ? 3 : 2) : isOthers ? 1 : 0;
  // Within a tier: figures resting on fewer ratings go first.
  return tier * 1_000_000 + rowSize;
}

/**
 * Withholds figures until no combination of the ratings of fewer than k protected raters can
 * be solved from the shown figures, the known raters' ratings given.
 *
 * A combination can be solved when it lies in the row space of the figures (after the known
 * raters' columns are moved to the right-hand side). Raters whose columns are identical
 * (same group, same items rated) get equal coefficients in every such combination, so a
 * combination that involves one of them involves all: the smallest sets of raters to check are
 * unions of these classes, of fewer than k raters in all. It suffices to look at those sets,
 * as a combination on a smaller set lies on every set containing it.
 */
function guard(
  candidates: CandidateFigure[],
  scored: { rater: RaterAnswers; items: string[] }[],
  settings: EngineSettings,
  column: (raterId: string, item: string) => number,
  known: ReadonlySet<string>,
): CandidateFigure[] {
  const smallest = settings.k - 1;
  // The unknowns: every column but the known raters'. Raters of one group who rated the same
  // items have identical columns in every figure: they form a class. (Raters of different
  // groups can have identical columns too; keeping them apart only means checking more sets.)
  const unknownIndex = new Map<number, number>();
  const classes = new Map<string, { size: number; protected: number; columns: number[] }>();
  for (const { rater, items } of scored) {
    if (items.length === 0 || known.has(rater.id)) continue;
    const key = `${rater.relationship}\u0000${items.join("\u0000")}`;
    const entry = classes.get(key) ?? { size: 0, protected: 0, columns: [] };
    entry.size++;
    if (isProtected(rater, settings)) entry.protected++;
    for (const item of items) {
      const unknown = unknownIndex.size;
      unknownIndex.set(column(rater.id, item), unknown);
      entry.columns.push(unknown);
    }
    classes.set(key, entry);
  }
  const unknownCount = unknownIndex.size;
  const small = [...classes.values()].filter(
    (entry) => entry.protected > 0 && entry.size <= smallest,
  );
  // No class small enough: every combination the figures pin down spans at least k raters.
  if (small.length === 0) return candidates;

  /** How many sets of fewer than k raters some combination of whose ratings is solvable. */
  const leaks = (figures: CandidateFigure[]): number => {
    if (figures.length === 0) return 0;
    const rows = figures.map((figure) => {
      const dense = new Array<number>(unknownCount).fill(0);
      for (const [columnIndex, value] of figure.row) {
        const unknown = unknownIndex.get(columnIndex);
        if (unknown !== undefined) dense[unknown] = value;
      }
      return dense;
    });
    const nullRows = nullSpaceByColumn(rows, unknownCount);
    const vectorsOf = small.map((entry) => entry.columns.map((unknown) => nullRows(unknown)));

    // Depth first over unions of small classes; a union whose columns' null-space entries
    // are dependent carries a solvable combination (and so does every union containing it).
    let leaking = 0;
    const set = new IndependentSet();
    const visit = (start: number, size: number) => {
      for (let i = start; i < small.length; i++) {
        const entry = small[i]!;
        if (size + entry.size > smallest) continue;
        const mark = set.mark;
        if (set.addAll(vectorsOf[i]!)) visit(i + 1, size + entry.size);
        else leaking++;
        set.truncate(mark);
      }
    };
    visit(0, 0);
    return leaking;
  };

  let shown = [...candidates];
  let leaking = leaks(shown);
  if (leaking === 0) return shown;
  const order = [...candidates].sort(
    (a, b) => removalPriority(a, a.row.size) - removalPriority(b, b.row.size),
  );
  // First pass: drop only figures whose loss helps; second pass: drop in order until safe.
  for (const candidate of order) {
    const without = shown.filter((figure) => figure !== candidate);
    const after = leaks(without);
    if (after < leaking) {
      shown = without;
      leaking = after;
      if (leaking === 0) return shown;
    }
  }
  for (const candidate of order) {
    if (!shown.includes(candidate)) continue;
    shown = shown.filter((figure) => figure !== candidate);
    if (leaks(shown) === 0) return shown;
  }
  return shown;
}
