import type { PersonName } from "./full-name";

// Names in Dutch order, the same on SQLite and PostgreSQL. A database sorts text by its own
// rules (SQLite by bytes: "de Vries" after "Zwart", "Özdemir" after "Z", "anna" after "Zoë";
// PostgreSQL by the collation the server was installed with), so a list people see is never
// ordered by a name in SQL: it is sorted here. Pure and client-safe.

/** Letters without case or accents ("Özdemir" among the O's); numbers by value (2 before 10). */
const DUTCH = new Intl.Collator("nl", { sensitivity: "base", numeric: true });

/** The same order telling case and accents apart: only to break ties, so the order is total. */
const DUTCH_EXACT = new Intl.Collator("nl", { numeric: true });

/**
 * The last name as a Dutch directory sorts it: without lower-case prefixes ("de Vries" under
 * V, "van 't Hof" under H). A capitalised prefix is part of the name ("Van Dijk" under V).
 */
export function sortingLastName(lastName: string): string {
  return lastName.replace(/^(?:[\p{Ll}'’]\S*\s+)+/u, "");
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Two texts (a team's, a profile's or a round's name, a rater's name as typed) in Dutch
 * order: case and accents only decide between texts that are otherwise the same; 0 only for
 * the very same text.
 */
export function compareDutchText(a: string, b: string): number {
  return DUTCH.compare(a, b) || DUTCH_EXACT.compare(a, b) || compareCodeUnits(a, b);
}

/** Teams, profiles, rounds: by name in Dutch order, then by id (so two of one name stay put). */
export function compareByName(
  a: { name: string; id?: string },
  b: { name: string; id?: string },
): number {
  return compareDutchText(a.name, b.name) || compareCodeUnits(a.id ?? "", b.id ?? "");
}

/** A person to sort: a name (as stored or as parsed) and, where known, the id that breaks ties. */
export type SortablePerson = PersonName & { id?: string };

interface SortKey {
  sortingLast: string;
  first: string;
  last: string;
  id: string;
}

function sortKeyOf(person: SortablePerson): SortKey {
  const [first, last] =
    "first_name" in person
      ? [person.first_name, person.last_name]
      : [person.firstName, person.lastName];
  return { sortingLast: sortingLastName(last), first, last, id: person.id ?? "" };
}

function compareSortKeys(a: SortKey, b: SortKey): number {
  return (
    DUTCH.compare(a.sortingLast, b.sortingLast) ||
    DUTCH.compare(a.first, b.first) ||
    compareDutchText(a.last, b.last) ||
    compareDutchText(a.first, b.first) ||
    compareCodeUnits(a.id, b.id)
  );
}

/**
 * People in Dutch order: by last name without its prefix ("de Bruijn" under B), then first
 * name; people of the same name by their whole last name ("Vries" and "de Vries"), then case
 * and accents, then id, so that one list always comes out in one order.
 */
export function compareDutchNames(a: SortablePerson, b: SortablePerson): number {
  return compareSortKeys(sortKeyOf(a), sortKeyOf(b));
}

/**
 * A sorted copy of `people`, in Dutch order (compareDutchNames). Each name is prepared once,
 * not at every comparison: the people list sorts a whole organisation for every page.
 */
export function inDutchOrder<T extends SortablePerson>(people: readonly T[]): T[] {
  return people
    .map((person) => ({ person, key: sortKeyOf(person) }))
    .sort((a, b) => compareSortKeys(a.key, b.key))
    .map(({ person }) => person);
}
