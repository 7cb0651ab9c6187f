import { displayValue, type ImportProblem } from "./import-problems";
import { collapseWhitespace, withoutDiacritics } from "./text";

// Which profile of the organisation's library a function-profile cell names. Pure: the server
// passes the library in (import.server.ts). A cell names a profile by its key or by its name,
// without regard to case, accents or runs of spaces, and with or without the "Competentieprofiel"
// that municipal profile names start with ("Competentieprofiel Projectleider", "Projectleider"
// and "projectleider" all name the same profile).

/** A profile of the library: its key (what a person holds) and its name. */
export interface NamedProfile {
  key: string;
  name: string;
}

export interface ImportProfiles {
  /** The library's current profiles, which anyone may be given. */
  current: readonly NamedProfile[];
  /** Its retired profiles: kept by whoever holds one, given to no one else. */
  retired: readonly NamedProfile[];
}

export const NO_PROFILES: ImportProfiles = { current: [], retired: [] };

export type ProfileMatch = { profile: NamedProfile } | { problem: ImportProblem };

/** Profile names an unknown value's problem gives as examples of what was expected. */
const PROFILE_EXAMPLES = 3;

/** Profiles an ambiguous value's problem lists at most. */
const AMBIGUOUS_LISTED = 4;

/** The prefix of municipal profile names, with what may separate it from the function. */
const NAME_PREFIX = /^competentieprofiel(?:\s*[:–-]\s*|\s+)(?=\S)/;

/** A key or name as it is compared: lower case, without accents, spaces collapsed. */
function folded(value: string): string {
  return withoutDiacritics(collapseWhitespace(value)).toLowerCase();
}

/** A name as it is compared: folded, without the "Competentieprofiel" it may start with. */
function nameKey(value: string): string {
  return folded(value).replace(NAME_PREFIX, "");
}

/**
 * The profile each cell names, for one import: `match(cell, heldKey)` with the cell's text
 * (not empty) and the key of the profile the row's person holds now (null for none or a new
 * person). A key written as the library shows it always names its profile; otherwise a cell
 * that fits several profiles (by key or name) is ambiguous, unless one of them is the
 * person's own. A person keeps their profile when it was retired since, as long as the cell
 * names it.
 */
export function profileMatcher(profiles: ImportProfiles) {
  const byExactKey = new Map(profiles.current.map((profile) => [profile.key, profile]));
  const byFoldedKey = new Map<string, NamedProfile[]>();
  const byName = new Map<string, NamedProfile[]>();
  const add = (index: Map<string, NamedProfile[]>, key: string, profile: NamedProfile) => {
    const same = index.get(key) ?? [];
    same.push(profile);
    index.set(key, same);
  };
  for (const profile of profiles.current) {
    add(byFoldedKey, folded(profile.key), profile);
    add(byName, nameKey(profile.name), profile);
  }
  const retiredByKey = new Map(profiles.retired.map((profile) => [profile.key, profile]));
  const retiredByAnyName = new Map<string, NamedProfile>();
  for (const profile of profiles.retired) {
    retiredByAnyName.set(folded(profile.key), profile);
    retiredByAnyName.set(nameKey(profile.name), profile);
  }
  const unknown = unknownProblem(profiles.current);

  return (cell: string, heldKey: string | null): ProfileMatch => {
    const written = collapseWhitespace(cell);
    const value = folded(cell);
    const named = nameKey(cell);
    // The person's own profile when it is no longer current (retired, or gone from the library).
    const heldElsewhere =
      heldKey === null || byExactKey.has(heldKey)
        ? null
        : (retiredByKey.get(heldKey) ?? { key: heldKey, name: heldKey });
    const exact =
      byExactKey.get(written) ?? (heldElsewhere?.key === written ? heldElsewhere : null);
    if (exact) return { profile: exact };

    const candidates = new Map<string, NamedProfile>();
    for (const profile of [...(byFoldedKey.get(value) ?? []), ...(byName.get(named) ?? [])]) {
      candidates.set(profile.key, profile);
    }
    if (
      heldElsewhere &&
      (value === folded(heldElsewhere.key) || named === nameKey(heldElsewhere.name))
    ) {
      candidates.set(heldElsewhere.key, heldElsewhere);
    }
    const own = heldKey === null ? undefined : candidates.get(heldKey);
    if (own) return { profile: own };
    const fitting = [...candidates.values()];
    if (fitting.length === 1) return { profile: fitting[0] as NamedProfile };
    if (fitting.length > 1) {
      const listed = fitting
        .slice(0, AMBIGUOUS_LISTED)
        .map((profile) => `${displayValue(profile.name)} (${profile.key})`)
        .join(", ");
      return {
        problem: {
          code: "profileAmbiguous",
          params: { profiles: fitting.length > AMBIGUOUS_LISTED ? `${listed}, …` : listed },
        },
      };
    }
    const retired = retiredByAnyName.get(value) ?? retiredByAnyName.get(named);
    if (retired) {
      return { problem: { code: "profileRetired", params: { name: displayValue(retired.name) } } };
    }
    return { problem: unknown };
  };
}

/** What a value that names no profile is told: a few of the profiles that were expected. */
function unknownProblem(current: readonly NamedProfile[]): ImportProblem {
  if (current.length === 0) return { code: "profileLibraryEmpty" };
  const examples = current.slice(0, PROFILE_EXAMPLES).map((profile) => displayValue(profile.name));
  return {
    code: "profileUnknown",
    params: { count: current.length, known: examples.join(", ") },
  };
}
