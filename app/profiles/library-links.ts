import type { Competency, Profile } from "./schema";

// A competency id means one competency across an organisation's profiles: team profiles and
// the organisation norm meet on it, and an organisation-wide competency (`***`) is the axis
// every profile shares. A profile that comes in (pasted from a website, uploaded, edited) is
// held against the competencies the library already has: where one of its competencies is
// already there with other wording, or under another id, HR chooses to link it (take the
// library's id and wording) or to keep it as a competency of its own (under an id of its
// own). Pure: no database.

/** The preview's confirm form names each link choice `link.<competency id>`. */
export const LINK_FIELD_PREFIX = "link.";

/** A competency as the library holds it, with the profiles that hold it. */
export interface LibraryCompetency {
  competency: Competency;
  /** Names of the current profiles that hold it (other than the one coming in). */
  profiles: string[];
}

export type Difference = "id" | "name" | "description" | "organisationWide" | "indicators";

export interface CompetencyMatch {
  /** The id of the competency in the profile coming in. */
  key: string;
  name: string;
  library: LibraryCompetency;
  /** What differs; never empty (an identical competency is no match to decide on). */
  differences: Difference[];
}

export interface LibraryComparison {
  matches: CompetencyMatch[];
  /** Organisation-wide competencies of the library that the profile lacks. */
  missingOrganisationWide: LibraryCompetency[];
}

/** Names compare without case, extra whitespace or a trailing "***". */
export function nameKey(name: string): string {
  return name
    .replace(/\*+\s*$/, "")
    .normalize("NFKC")
    .toLocaleLowerCase("nl")
    .replace(/\s+/g, " ")
    .trim();
}

function differencesOf(incoming: Competency, stored: Competency): Difference[] {
  const differences: Difference[] = [];
  if (incoming.id !== stored.id) differences.push("id");
  if (incoming.name !== stored.name) differences.push("name");
  if (incoming.description !== stored.description) differences.push("description");
  if (incoming.organisationWide !== stored.organisationWide) differences.push("organisationWide");
  const indicators = (competency: Competency) =>
    JSON.stringify(competency.indicators.map((indicator) => [indicator.id, indicator.text]));
  if (indicators(incoming) !== indicators(stored)) differences.push("indicators");
  return differences;
}

/** The profile's competencies held against the library's (by id, else by name). */
export function compareWithLibrary(
  profile: Profile,
  library: readonly LibraryCompetency[],
): LibraryComparison {
  const byKey = new Map(library.map((entry) => [entry.competency.id, entry]));
  const byName = new Map(library.map((entry) => [nameKey(entry.competency.name), entry]));
  const matches: CompetencyMatch[] = [];
  const present = new Set<string>();
  for (const competency of profile.clusters.flatMap((cluster) => cluster.competencies)) {
    const entry = byKey.get(competency.id) ?? byName.get(nameKey(competency.name));
    if (!entry) continue;
    present.add(entry.competency.id);
    const differences = differencesOf(competency, entry.competency);
    if (differences.length > 0) {
      matches.push({ key: competency.id, name: competency.name, library: entry, differences });
    }
  }
  const missingOrganisationWide = library.filter(
    (entry) => entry.competency.organisationWide && !present.has(entry.competency.id),
  );
  return { matches, missingOrganisationWide };
}

/**
 * The profile with each match decided: a linked competency becomes the library's (id,
 * wording, indicators, organisation-wide mark); one kept apart gets an id of its own where
 * its id is the library's, with indicator ids that follow it. Unmatched competencies stay.
 */
export function applyLinks(
  profile: Profile,
  comparison: LibraryComparison,
  linkedKeys: ReadonlySet<string>,
): Profile {
  const matchOf = new Map(comparison.matches.map((match) => [match.key, match]));
  const taken = new Set<string>([
    ...comparison.matches.map((match) => match.library.competency.id),
    ...profile.clusters.flatMap((cluster) => [
      cluster.id,
      ...cluster.competencies.flatMap((competency) => [
        competency.id,
        ...competency.indicators.map((indicator) => indicator.id),
      ]),
    ]),
  ]);
  const freshKey = (base: string) => {
    for (let n = 2; ; n++) {
      const candidate = `${base}-${n}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  return {
    ...profile,
    clusters: profile.clusters.map((cluster) => ({
      ...cluster,
      competencies: cluster.competencies.map((competency) => {
        const match = matchOf.get(competency.id);
        if (!match) return competency;
        if (linkedKeys.has(competency.id)) return structuredClone(match.library.competency);
        if (competency.id !== match.library.competency.id) return competency;
        const key = freshKey(competency.id);
        return {
          ...competency,
          id: key,
          indicators: competency.indicators.map((indicator) => ({
            ...indicator,
            id: freshKey(key),
          })),
        };
      }),
    })),
  };
}
