import { sql } from "kysely";
import type { DB } from "#db/database";
import { normaliseEmailAddress } from "./text";

// One account per address across all organisations on the instance: sign-in finds a person
// by address alone, so an address that belonged to people in two organisations would let
// one organisation's HR decide who signs in as the other's employee.

/** Whether anyone in another organisation (active or not) has this address. */
export async function isAddressUsedElsewhere(
  db: DB,
  organisationId: string,
  email: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("person")
    .select("id")
    .where("organisation_id", "!=", organisationId)
    .where(sql<string>`lower(email)`, "=", normaliseEmailAddress(email))
    .executeTakeFirst();
  return row !== undefined;
}

/** Of the given addresses, those that someone in another organisation has (as keys). */
export async function addressesUsedElsewhere(
  db: DB,
  organisationId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  const keys = [...new Set(emails.map(normaliseEmailAddress))];
  const found = new Set<string>();
  // SQLite allows at most 32,766 bound parameters; stay far below it.
  for (let start = 0; start < keys.length; start += 500) {
    const chunk = keys.slice(start, start + 500);
    const rows = await db
      .selectFrom("person")
      .select(sql<string>`lower(email)`.as("address"))
      .where("organisation_id", "!=", organisationId)
      .where(sql<string>`lower(email)`, "in", chunk)
      .execute();
    for (const row of rows) found.add(row.address);
  }
  return found;
}
