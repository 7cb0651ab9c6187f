// How Rondom writes a person's name: in pages, mails, exports and the audit log alike. Pure
// and client-safe (no server imports), so components can use it as well as queries.

/** A person's name as stored (a database row) or as parsed (an import row, a form). */
export type PersonName =
  { first_name: string; last_name: string } | { firstName: string; lastName: string };

/** "Jan de Vries": the first name, a space, the last name. */
export function fullName(person: PersonName): string {
  return "first_name" in person
    ? `${person.first_name} ${person.last_name}`
    : `${person.firstName} ${person.lastName}`;
}

/**
 * The name of a person who may be missing, read through an outer join (a team without a
 * lead, a round without a manager): null when there is none.
 */
export function fullNameOrNull(person: {
  first_name: string | null;
  last_name: string | null;
}): string | null {
  if (person.first_name === null) return null;
  return fullName({ first_name: person.first_name, last_name: person.last_name ?? "" });
}
