import { sql, type Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { raterAddressKey, raterAddressPattern } from "./rater-address";

// Chunks keep an IN list under SQLite's bound-parameter limit.
const CHUNK = 500;

export interface PersonAtAddress {
  id: string;
  isActive: boolean;
  locale: Locale;
}

/**
 * Everyone of the organisation whose address in the directory reaches the same mailbox as
 * this one (raterAddressKey: case, spaces and a "+tag" aside), those who have left too: one
 * voice per rater compares by person, and a person who left (and whose address changed) is
 * still the rater of the invitations they had. Active people first, then the oldest entry,
 * so the first is the one to link the rater to.
 */
export async function peopleAtAddress(
  db: Kysely<Database>,
  organisationId: string,
  email: string,
): Promise<PersonAtAddress[]> {
  const key = raterAddressKey(email);
  if (key === "") return [];
  const rows = await db
    .selectFrom("person")
    .select(["id", "email", "is_active", "locale"])
    .where("organisation_id", "=", organisationId)
    .where(
      sql<string>`lower(trim(email))`,
      "like",
      sql<string>`${raterAddressPattern(key)} escape '\\'`,
    )
    .orderBy("is_active", "desc")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows
    .filter((row) => raterAddressKey(row.email) === key)
    .map((row) => ({ id: row.id, isActive: row.is_active === 1, locale: row.locale }));
}

/**
 * Per person: the keys of every address they are known by, their directory address now and
 * each address stored on an invitation linked to them (an address they had before it
 * changed, an alias they were invited at). A second line of defence for recognising their
 * voices on invitations that are not linked to their person (written before aliases were
 * linked, or while nobody in the directory had that address).
 */
export async function addressKeysOf(
  db: Kysely<Database>,
  personIds: Iterable<string>,
): Promise<Map<string, Set<string>>> {
  const ids = [...new Set(personIds)];
  const keys = new Map<string, Set<string>>();
  const add = (personId: string, email: string) => {
    const key = raterAddressKey(email);
    if (key === "") return;
    const set = keys.get(personId) ?? new Set<string>();
    set.add(key);
    keys.set(personId, set);
  };
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const [people, stored] = await Promise.all([
      db.selectFrom("person").select(["id", "email"]).where("id", "in", chunk).execute(),
      db
        .selectFrom("invitation")
        .select(["rater_person_id", "rater_email"])
        .distinct()
        .where("rater_person_id", "in", chunk)
        .execute(),
    ]);
    for (const row of people) add(row.id, row.email);
    for (const row of stored) if (row.rater_person_id) add(row.rater_person_id, row.rater_email);
  }
  return keys;
}
