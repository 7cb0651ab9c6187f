import {
  editableLine,
  editableParagraphs,
  type ProfileEdit,
  type ProfileEditInput,
} from "./edit-schema";
import { slugify } from "./plain-text-import";
import type { Competency, Profile } from "./schema";

// From a stored version to the editor's form and back. Pure: no database.
//
// Keys are what make versions comparable (figures of a reworded indicator meet those of the
// old wording), so the form never chooses a key: an element posted with a key must be one
// of the stored version's, of the same kind and only once; an element without one is new
// and gets a key here that no profile of the library uses.

/** The longest key a profile allows (ProfileIdSchema). */
const KEY_MAX = 80;

/**
 * The editor's starting values for a stored version: each text as a field would make it
 * (white space collapsed, characters the editor refuses left out), so a stored text that
 * an import let in can be posted back as it is shown.
 */
export function editValuesOf(profile: Profile, version: number): ProfileEditInput {
  return {
    baseVersion: version,
    name: editableLine(profile.name),
    description: editableParagraphs(profile.description ?? ""),
    clusters: profile.clusters.map((cluster) => ({
      key: cluster.id,
      name: editableLine(cluster.name),
      competencies: cluster.competencies.map((competency) => ({
        key: competency.id,
        name: editableLine(competency.name),
        description: editableParagraphs(competency.description),
        organisationWide: competency.organisationWide,
        indicators: competency.indicators.map((indicator) => ({
          key: indicator.id,
          text: editableLine(indicator.text),
        })),
      })),
    })),
  };
}

/** The stored text when the posted one is it as the editor showed it; else the posted one. */
function keptLine(posted: string, stored: string | undefined): string {
  return stored !== undefined && posted === editableLine(stored) ? stored : posted;
}

function keptParagraphs(posted: string, stored: string | undefined): string {
  return stored !== undefined && posted === editableParagraphs(stored) ? stored : posted;
}

export type EditedProfile =
  | { ok: true; profile: Profile }
  /** A key the stored version does not have where it was posted, or one posted twice. */
  | { ok: false; path: string };

/**
 * The profile the form describes, on top of the stored version `base` (its id, language and
 * scale stay). `takenKeys`: keys the rest of the library uses, which a new element must not
 * take (it would become one with an element of another profile).
 */
export function profileFromEdit(
  edit: ProfileEdit,
  base: Profile,
  takenKeys: ReadonlySet<string>,
): EditedProfile {
  const known = {
    cluster: new Set(base.clusters.map((cluster) => cluster.id)),
    competency: new Set(base.clusters.flatMap((c) => c.competencies.map((k) => k.id))),
    indicator: new Set(
      base.clusters.flatMap((c) => c.competencies.flatMap((k) => k.indicators.map((i) => i.id))),
    ),
  };
  const stored = {
    cluster: new Map(base.clusters.map((cluster) => [cluster.id, cluster])),
    competency: competenciesByKey(base),
    indicator: new Map(
      base.clusters.flatMap((c) =>
        c.competencies.flatMap((k) => k.indicators.map((i) => [i.id, i] as const)),
      ),
    ),
  };
  const used = new Set<string>();
  let refused: string | null = null;
  const claimKnown = (key: string, kind: keyof typeof known, path: string) => {
    if (!known[kind].has(key) || used.has(key)) refused ??= path;
    used.add(key);
    return key;
  };
  for (const [c, cluster] of edit.clusters.entries()) {
    if (cluster.key) claimKnown(cluster.key, "cluster", `clusters[${c}].key`);
    for (const [k, competency] of cluster.competencies.entries()) {
      const path = `clusters[${c}].competencies[${k}]`;
      if (competency.key) claimKnown(competency.key, "competency", `${path}.key`);
      for (const [i, indicator] of competency.indicators.entries()) {
        if (indicator.key) claimKnown(indicator.key, "indicator", `${path}.indicators[${i}].key`);
      }
    }
  }
  if (refused !== null) return { ok: false, path: refused };

  // New keys avoid this profile's (old and new), the library's and each other.
  const taken = new Set<string>([
    ...takenKeys,
    ...known.cluster,
    ...known.competency,
    ...known.indicator,
    base.id,
  ]);
  const claim = (key: string) => {
    taken.add(key);
    return key;
  };
  /** `<stem>-<n>`, the first n free from `from` on; the stem shortened to fit a key. */
  const numbered = (stem: string, from: number) => {
    for (let n = from; ; n++) {
      const suffix = `-${n}`;
      const fitted = stem.slice(0, KEY_MAX - suffix.length).replace(/-+$/, "");
      if (!taken.has(`${fitted}${suffix}`)) return claim(`${fitted}${suffix}`);
    }
  };
  /** The slug itself when free, else numbered from 2. */
  const fresh = (slug: string) => {
    const stem = slug || "element";
    return taken.has(stem) ? numbered(stem, 2) : claim(stem);
  };
  // In the order a stored version reads back (readProfileVersion): the content hash of a
  // version is that of its JSON.
  const description = keptParagraphs(edit.description, base.description);
  const profile: Profile = {
    id: base.id,
    name: keptLine(edit.name, base.name),
    language: base.language,
    ...(description ? { description } : {}),
    scale: base.scale,
    clusters: edit.clusters.map((cluster) => {
      const storedCluster = cluster.key ? stored.cluster.get(cluster.key) : undefined;
      return {
        id: cluster.key ?? fresh(slugify(cluster.name)),
        name: keptLine(cluster.name, storedCluster?.name),
        competencies: cluster.competencies.map((competency) => {
          const old = competency.key ? stored.competency.get(competency.key) : undefined;
          const id = competency.key ?? fresh(slugify(competency.name));
          return {
            id,
            name: keptLine(competency.name, old?.name),
            description: keptParagraphs(competency.description, old?.description),
            organisationWide: competency.organisationWide ?? false,
            indicators: competency.indicators.map((indicator) => ({
              // Like the built-in profiles: an indicator's key is its competency's, numbered.
              id: indicator.key ?? numbered(id, 1),
              text: keptLine(
                indicator.text,
                indicator.key ? stored.indicator.get(indicator.key)?.text : undefined,
              ),
            })),
          };
        }),
      };
    }),
  };
  return { ok: true, profile };
}

/** The competencies of a profile, by key. */
export function competenciesByKey(profile: Profile): Map<string, Competency> {
  return new Map(
    profile.clusters.flatMap((cluster) =>
      cluster.competencies.map((competency) => [competency.id, competency] as const),
    ),
  );
}

/** Whether two competencies read the same: name, description, `***`, indicators and order. */
export function sameCompetency(a: Competency, b: Competency): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Another current profile of the library, as its current version. */
export interface OtherProfile {
  name: string;
  profile: Profile;
}

/** Another profile and the shared competencies it takes over from the edit, or does not. */
export interface SharedUpdate {
  name: string;
  /** Names of the competencies it takes over. */
  competencies: string[];
  profile: Profile;
}

export interface SharedEffect {
  /** The other profiles that get a new version with the edited competencies. */
  updates: SharedUpdate[];
  /** Other profiles that hold a changed competency with other wording: left as they are. */
  diverged: { name: string; competencies: string[] }[];
}

/**
 * A competency is one thing across the library (its key): a shared competency HR changed in
 * this profile changes in every other current profile that holds it as this profile held
 * it before the edit, in the place it has there. A profile whose copy had already gone
 * apart (it was retired while the others changed, say) is left alone, and named: copying
 * this profile's whole competency there would undo changes HR never saw. Competencies HR did
 * not change are left as they are elsewhere.
 */
export function sharedUpdates(
  base: Profile,
  edited: Profile,
  others: readonly OtherProfile[],
): SharedEffect {
  const before = competenciesByKey(base);
  const changed = new Map(
    [...competenciesByKey(edited).values()]
      .filter((competency) => {
        const old = before.get(competency.id);
        return old !== undefined && !sameCompetency(old, competency);
      })
      .map((competency) => [competency.id, competency]),
  );
  const effect: SharedEffect = { updates: [], diverged: [] };
  if (changed.size === 0) return effect;
  for (const other of others) {
    const taken: string[] = [];
    const apart: string[] = [];
    const profile: Profile = {
      ...other.profile,
      clusters: other.profile.clusters.map((cluster) => ({
        ...cluster,
        competencies: cluster.competencies.map((competency) => {
          const replacement = changed.get(competency.id);
          if (!replacement || sameCompetency(replacement, competency)) return competency;
          if (!sameCompetency(before.get(competency.id)!, competency)) {
            apart.push(competency.name);
            return competency;
          }
          taken.push(replacement.name);
          return structuredClone(replacement);
        }),
      })),
    };
    if (taken.length > 0) effect.updates.push({ name: other.name, competencies: taken, profile });
    if (apart.length > 0) effect.diverged.push({ name: other.name, competencies: apart });
  }
  return effect;
}
