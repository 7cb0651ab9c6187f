import type { ProfileEdit, ProfileEditInput } from "./edit-schema";
import { slugify } from "./plain-text-import";
import type { Competency, Profile } from "./schema";

// From a stored version to the editor's form and back. Pure: no database.
//
// Keys are what make versions comparable (figures of a reworded indicator meet those of the
// old wording), so the form never chooses a key: an element posted with a key must be one
// of the stored version's, of the same kind and only once; an element without one is new
// and gets a key here that no profile of the library uses.

/** The editor's starting values for a stored version. */
export function editValuesOf(profile: Profile, version: number): ProfileEditInput {
  return {
    baseVersion: version,
    name: profile.name,
    description: profile.description ?? "",
    clusters: profile.clusters.map((cluster) => ({
      key: cluster.id,
      name: cluster.name,
      competencies: cluster.competencies.map((competency) => ({
        key: competency.id,
        name: competency.name,
        description: competency.description,
        organisationWide: competency.organisationWide,
        indicators: competency.indicators.map((indicator) => ({
          key: indicator.id,
          text: indicator.text,
        })),
      })),
    })),
  };
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
  /** `<stem>-<n>`, the first n free from `from` on. */
  const numbered = (stem: string, from: number) => {
    for (let n = from; ; n++) {
      if (!taken.has(`${stem}-${n}`)) return claim(`${stem}-${n}`);
    }
  };
  /** The slug itself when free, else numbered from 2. */
  const fresh = (slug: string) => {
    const stem = slug || "element";
    return taken.has(stem) ? numbered(stem, 2) : claim(stem);
  };
  const profile: Profile = {
    id: base.id,
    name: edit.name,
    language: base.language,
    ...(edit.description ? { description: edit.description } : {}),
    scale: base.scale,
    clusters: edit.clusters.map((cluster) => ({
      id: cluster.key ?? fresh(slugify(cluster.name)),
      name: cluster.name,
      competencies: cluster.competencies.map((competency) => {
        const id = competency.key ?? fresh(slugify(competency.name));
        return {
          id,
          name: competency.name,
          description: competency.description,
          organisationWide: competency.organisationWide ?? false,
          indicators: competency.indicators.map((indicator) => ({
            // Like the built-in profiles: an indicator's key is its competency's, numbered.
            id: indicator.key ?? numbered(id, 1),
            text: indicator.text,
          })),
        };
      }),
    })),
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

/** Another profile that takes the edited wording of shared competencies, as a new version. */
export interface SharedUpdate {
  name: string;
  /** Names of the competencies it takes over. */
  competencies: string[];
  profile: Profile;
}

/**
 * A competency is one thing across the library (its key): a shared competency HR changed in
 * this profile changes in every other current profile that holds it, in the place it has
 * there. Competencies HR did not change are left as they are elsewhere.
 */
export function sharedUpdates(
  base: Profile,
  edited: Profile,
  others: readonly OtherProfile[],
): SharedUpdate[] {
  const before = competenciesByKey(base);
  const changed = [...competenciesByKey(edited).values()].filter((competency) => {
    const old = before.get(competency.id);
    return old !== undefined && !sameCompetency(old, competency);
  });
  if (changed.length === 0) return [];
  const changedByKey = new Map(changed.map((competency) => [competency.id, competency]));
  const updates: SharedUpdate[] = [];
  for (const other of others) {
    const taken: string[] = [];
    const profile: Profile = {
      ...other.profile,
      clusters: other.profile.clusters.map((cluster) => ({
        ...cluster,
        competencies: cluster.competencies.map((competency) => {
          const replacement = changedByKey.get(competency.id);
          if (!replacement || sameCompetency(replacement, competency)) return competency;
          taken.push(replacement.name);
          return structuredClone(replacement);
        }),
      })),
    };
    if (taken.length > 0) {
      updates.push({ name: other.name, competencies: taken, profile });
    }
  }
  return updates;
}
