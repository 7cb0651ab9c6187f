// Pure helpers that read the engine's figures for a page: the team's relative strengths,
// the trend against an earlier cycle, the shared axes of a comparison and the competencies a
// page about some teams needs. Only shown figures are ever used, so nothing here can reveal
// more than the engine allowed.

import type { NormFigure, TeamFigures } from "./team-figures";

/** How many strongest and weakest competencies a reading names at most. */
export const READING_MAX = 2;
/** A reading needs at least this many shown competencies. */
export const READING_MIN_SHOWN = 3;

function shownMean(team: TeamFigures, key: string): number | null {
  const figure = team.competencies[key];
  return figure && figure.shown ? figure.mean : null;
}

/**
 * The team's relatively strongest and weakest competencies (up to 2 each, no overlap): by
 * team − norm where the norm has the competency for all shown ones (basis "norm"), else by the
 * team mean (basis "team"). Only shown figures count; null when fewer than 3 competencies are
 * shown. Ties: profile order. Both lists take the same number, min(2, ⌊shown / 2⌋), so with 3
 * shown the middle one is in neither list.
 */
export function teamReading(
  competencyKeys: readonly string[],
  team: TeamFigures,
  norm: Readonly<Record<string, NormFigure>>,
): { basis: "norm" | "team"; strongest: string[]; weakest: string[] } | null {
  const shown: { key: string; mean: number; order: number }[] = [];
  for (const key of new Set(competencyKeys)) {
    const mean = shownMean(team, key);
    if (mean !== null) shown.push({ key, mean, order: shown.length });
  }
  if (shown.length < READING_MIN_SHOWN) return null;
  const hasNorm = (key: string) => Object.prototype.hasOwnProperty.call(norm, key);
  const basis = shown.every(({ key }) => hasNorm(key)) ? "norm" : "team";
  const scored = shown.map((item) => ({
    ...item,
    value: basis === "norm" ? item.mean - norm[item.key]!.mean : item.mean,
  }));
  const count = Math.min(READING_MAX, Math.floor(scored.length / 2));
  const strongest = [...scored]
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .slice(0, count)
    .map((item) => item.key);
  const taken = new Set(strongest);
  const weakest = [...scored]
    .sort((a, b) => a.value - b.value || a.order - b.order)
    .filter((item) => !taken.has(item.key))
    .slice(0, count)
    .map((item) => item.key);
  return { basis, strongest, weakest };
}

/** Per competency key: previous mean and change (current − previous), only where both are shown. */
export function teamTrend(
  competencyKeys: readonly string[],
  current: TeamFigures,
  previous: TeamFigures,
): Record<string, { previous: number; change: number }> {
  const trend: Record<string, { previous: number; change: number }> = {};
  for (const key of competencyKeys) {
    const now = shownMean(current, key);
    const before = shownMean(previous, key);
    if (now === null || before === null) continue;
    trend[key] = { previous: before, change: now - before };
  }
  return trend;
}

/**
 * The axes of a comparison: all competencies when every profile has the same competency keys
 * (in the first profile's order); otherwise the organisation-wide competencies present in every
 * profile (organisation-wide in each), in the first profile's order, with organisationWideOnly true.
 */
export function sharedAxes(
  profiles: readonly (readonly { key: string; organisationWide: boolean }[])[],
): { keys: string[]; organisationWideOnly: boolean } {
  const [first, ...rest] = profiles;
  if (!first) return { keys: [], organisationWideOnly: false };
  const firstKeys = [...new Set(first.map((competency) => competency.key))];
  const keySets = rest.map((profile) => new Set(profile.map((competency) => competency.key)));
  const same = keySets.every(
    (keys) => keys.size === firstKeys.length && firstKeys.every((key) => keys.has(key)),
  );
  if (same) return { keys: firstKeys, organisationWideOnly: false };
  const wideIn = (profile: readonly { key: string; organisationWide: boolean }[], key: string) =>
    profile.some((competency) => competency.key === key && competency.organisationWide);
  const keys = firstKeys.filter((key) => profiles.every((profile) => wideIn(profile, key)));
  return { keys, organisationWideOnly: true };
}

/**
 * The competencies whose figures a page about these teams needs: those the teams' members were
 * rated on (`ratedOn`, per team), in the order of `competencyKeys`. All of `competencyKeys`
 * when a team has no such list, as the pages then show every competency.
 */
export function competenciesOfTeams(
  competencyKeys: readonly string[],
  ratedOn: ReadonlyMap<string, ReadonlySet<string>>,
  teamIds: readonly string[],
): string[] {
  const wanted = new Set<string>();
  for (const teamId of teamIds) {
    const rated = ratedOn.get(teamId);
    if (!rated) return [...competencyKeys];
    for (const key of rated) wanted.add(key);
  }
  return competencyKeys.filter((key) => wanted.has(key));
}
