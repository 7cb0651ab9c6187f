import type { Cluster, Competency, Profile } from "./schema";

// What a new version changes against the one before: what HR reads before saving an edit.
// Elements are matched by key (a reworded indicator is the same indicator), so the list
// says "reworded" rather than "removed and added". Order changes are reported per element
// that left its place: of the elements in both versions, those outside the longest run kept
// in the same order (so moving one competency to the top reports that one, not all the
// others that shifted down). Pure: no database.

export interface TextChange {
  before: string;
  after: string;
}

export type IndicatorChange =
  | { kind: "added"; key: string; text: string }
  | { kind: "removed"; key: string; text: string }
  | { kind: "reworded"; key: string; before: string; after: string }
  | { kind: "moved"; key: string; text: string };

export interface CompetencyDiff {
  key: string;
  /** Its name in the new version (the old one when it was removed). */
  name: string;
  /** The cluster it is in (in the new version; the old one when it was removed). */
  cluster: string;
  status: "added" | "removed" | "changed";
  rename?: TextChange;
  description?: TextChange;
  organisationWide?: { before: boolean; after: boolean };
  /** Moved to another cluster (by name), or within its cluster. */
  movedFrom?: { cluster: string } | "position";
  indicators: IndicatorChange[];
}

export interface ClusterDiff {
  key: string;
  name: string;
  status: "added" | "removed" | "renamed" | "moved";
  before?: string;
}

export interface ProfileDiff {
  name?: TextChange;
  description?: TextChange;
  clusters: ClusterDiff[];
  competencies: CompetencyDiff[];
}

export function isEmptyDiff(diff: ProfileDiff): boolean {
  return (
    !diff.name && !diff.description && diff.clusters.length === 0 && diff.competencies.length === 0
  );
}

/** Keys present in both sequences that are not in their longest common subsequence. */
export function movedKeys(before: readonly string[], after: readonly string[]): Set<string> {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const a = before.filter((key) => inAfter.has(key));
  const b = after.filter((key) => inBefore.has(key));
  // Classic dynamic programme; lists are short (at most a few dozen elements).
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] =
        a[i] === b[j]
          ? lengths[i + 1]![j + 1]! + 1
          : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(a.filter((key) => !kept.has(key)));
}

function textChange(before: string, after: string): TextChange | undefined {
  return before === after ? undefined : { before, after };
}

function indicatorChanges(before: Competency | undefined, after: Competency): IndicatorChange[] {
  const old = new Map((before?.indicators ?? []).map((indicator) => [indicator.id, indicator]));
  const moved = movedKeys(
    (before?.indicators ?? []).map((indicator) => indicator.id),
    after.indicators.map((indicator) => indicator.id),
  );
  const changes: IndicatorChange[] = [];
  for (const indicator of after.indicators) {
    const previous = old.get(indicator.id);
    if (!previous) changes.push({ kind: "added", key: indicator.id, text: indicator.text });
    else if (previous.text !== indicator.text)
      changes.push({
        kind: "reworded",
        key: indicator.id,
        before: previous.text,
        after: indicator.text,
      });
    else if (moved.has(indicator.id))
      changes.push({ kind: "moved", key: indicator.id, text: indicator.text });
  }
  const kept = new Set(after.indicators.map((indicator) => indicator.id));
  for (const indicator of before?.indicators ?? []) {
    if (!kept.has(indicator.id))
      changes.push({ kind: "removed", key: indicator.id, text: indicator.text });
  }
  return changes;
}

interface Placed {
  competency: Competency;
  cluster: Cluster;
}

function placed(profile: Profile): Map<string, Placed> {
  return new Map(
    profile.clusters.flatMap((cluster) =>
      cluster.competencies.map((competency) => [competency.id, { competency, cluster }] as const),
    ),
  );
}

/** Every change from `before` to `after`, competencies in the new version's order. */
export function diffProfiles(before: Profile, after: Profile): ProfileDiff {
  const oldClusters = new Map(before.clusters.map((cluster) => [cluster.id, cluster]));
  const newClusterKeys = new Set(after.clusters.map((cluster) => cluster.id));
  const movedClusters = movedKeys(
    before.clusters.map((cluster) => cluster.id),
    after.clusters.map((cluster) => cluster.id),
  );
  const clusters: ClusterDiff[] = [];
  for (const cluster of after.clusters) {
    const old = oldClusters.get(cluster.id);
    if (!old) clusters.push({ key: cluster.id, name: cluster.name, status: "added" });
    else if (old.name !== cluster.name)
      clusters.push({ key: cluster.id, name: cluster.name, status: "renamed", before: old.name });
    else if (movedClusters.has(cluster.id))
      clusters.push({ key: cluster.id, name: cluster.name, status: "moved" });
  }
  for (const cluster of before.clusters) {
    if (!newClusterKeys.has(cluster.id))
      clusters.push({ key: cluster.id, name: cluster.name, status: "removed" });
  }

  const oldPlaces = placed(before);
  const newPlaces = placed(after);
  // Order within a cluster: compared over the competencies that stayed in that cluster.
  const movedWithin = new Set<string>();
  for (const cluster of after.clusters) {
    const old = oldClusters.get(cluster.id);
    if (!old) continue;
    const stayed = (list: readonly Competency[]) =>
      list
        .map((competency) => competency.id)
        .filter(
          (key) =>
            oldPlaces.get(key)?.cluster.id === cluster.id &&
            newPlaces.get(key)?.cluster.id === cluster.id,
        );
    for (const key of movedKeys(stayed(old.competencies), stayed(cluster.competencies)))
      movedWithin.add(key);
  }

  const competencies: CompetencyDiff[] = [];
  for (const [key, { competency, cluster }] of newPlaces) {
    const old = oldPlaces.get(key);
    if (!old) {
      competencies.push({
        key,
        name: competency.name,
        cluster: cluster.name,
        status: "added",
        indicators: competency.indicators.map((indicator) => ({
          kind: "added",
          key: indicator.id,
          text: indicator.text,
        })),
      });
      continue;
    }
    const diff: CompetencyDiff = {
      key,
      name: competency.name,
      cluster: cluster.name,
      status: "changed",
      indicators: indicatorChanges(old.competency, competency),
    };
    const rename = textChange(old.competency.name, competency.name);
    if (rename) diff.rename = rename;
    const description = textChange(old.competency.description, competency.description);
    if (description) diff.description = description;
    if (old.competency.organisationWide !== competency.organisationWide)
      diff.organisationWide = {
        before: old.competency.organisationWide,
        after: competency.organisationWide,
      };
    if (old.cluster.id !== cluster.id) diff.movedFrom = { cluster: old.cluster.name };
    else if (movedWithin.has(key)) diff.movedFrom = "position";
    if (
      diff.rename ||
      diff.description ||
      diff.organisationWide ||
      diff.movedFrom ||
      diff.indicators.length > 0
    )
      competencies.push(diff);
  }
  for (const [key, { competency, cluster }] of oldPlaces) {
    if (!newPlaces.has(key))
      competencies.push({
        key,
        name: competency.name,
        cluster: cluster.name,
        status: "removed",
        indicators: [],
      });
  }

  const result: ProfileDiff = { clusters, competencies };
  const name = textChange(before.name, after.name);
  if (name) result.name = name;
  const description = textChange(before.description ?? "", after.description ?? "");
  if (description) result.description = description;
  return result;
}
