import { inDutchOrder } from "~/people/dutch-order";
import { fullName } from "~/people/full-name";

// Searching the organisation's directory by name, as pure functions: "jan", "de vries",
// "ozdemir" for Özdemir. The list of people comes from directory.server.ts.

export const MIN_SEARCH_LENGTH = 2;
export const MAX_SEARCH_RESULTS = 20;

/** Lower case, without diacritics and surplus spaces, so "Özdemir" matches "ozdemir". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export interface Searchable {
  firstName: string;
  lastName: string;
  email: string;
}

export type SearchOutcome<T> =
  { status: "empty" } | { status: "too_short" } | { status: "done"; results: T[]; more: boolean };

/**
 * The people whose name or address contains every word of the query, sorted by last name
 * (Dutch style) then first name, at most MAX_SEARCH_RESULTS (`more` says whether there were more).
 */
export function searchDirectory<T extends Searchable>(
  people: readonly T[],
  query: string,
): SearchOutcome<T> {
  const normalised = normaliseForSearch(query);
  if (normalised === "") return { status: "empty" };
  if (normalised.length < MIN_SEARCH_LENGTH) return { status: "too_short" };
  const terms = normalised.split(" ");
  const matches = inDutchOrder(
    people.filter((person) => {
      const haystack = normaliseForSearch(
        `${fullName(person)} ${person.email.split("@")[0] ?? ""}`,
      );
      return terms.every((term) => haystack.includes(term));
    }),
  );
  return {
    status: "done",
    results: matches.slice(0, MAX_SEARCH_RESULTS),
    more: matches.length > MAX_SEARCH_RESULTS,
  };
}
