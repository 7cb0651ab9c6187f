import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder and plain SQL that SQLite and PostgreSQL both run (partial
// unique indexes on an expression), so it keeps doing what it did when the app changes.

/**
 * One voice per rater (app/invitations/one-voice.ts), held by the database too: per
 * participant at most one invitation, and one nomination, per person and per address
 * (compared as lower(trim(address))), in any state. A second request that raced past the
 * app's check (a double click, two servers) fails on these indexes and rolls back.
 *
 * Before this rule a rater could be withdrawn and invited again (or two posts could race),
 * so a database may already hold such pairs. They cannot be undone (an answer stays, and
 * is unlinkable), so the first row of each rater stays in the index and every later one is
 * marked legacy_duplicate = 1 and left out of it. New rows are never marked, so they are
 * checked against every unmarked row; the app's check covers the marked ones as well.
 */
const TABLES = ["invitation", "nomination"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn("legacy_duplicate", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    // A row is a legacy duplicate when an earlier row (by creation, then id) of the same
    // participant has the same person or the same address. The first row of a rater never
    // is, and no two unmarked rows share a person or an address.
    await sql`
      update ${sql.table(table)} set legacy_duplicate = 1
      where exists (
        select 1 from ${sql.table(table)} earlier
        where earlier.participant_id = ${sql.table(table)}.participant_id
          and (
            earlier.created_at < ${sql.table(table)}.created_at
            or (earlier.created_at = ${sql.table(table)}.created_at
                and earlier.id < ${sql.table(table)}.id)
          )
          and (
            earlier.rater_person_id = ${sql.table(table)}.rater_person_id
            or lower(trim(earlier.rater_email)) = lower(trim(${sql.table(table)}.rater_email))
          )
      )
    `.execute(db);
    // NULL person ids (outsiders) never collide in a unique index, in either database.
    await sql`
      create unique index ${sql.id(`${table}_one_voice_person_idx`)}
      on ${sql.table(table)} (participant_id, rater_person_id)
      where legacy_duplicate = 0
    `.execute(db);
    await sql`
      create unique index ${sql.id(`${table}_one_voice_address_idx`)}
      on ${sql.table(table)} (participant_id, (lower(trim(rater_email))))
      where legacy_duplicate = 0
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...TABLES].reverse()) {
    await db.schema.dropIndex(`${table}_one_voice_address_idx`).execute();
    await db.schema.dropIndex(`${table}_one_voice_person_idx`).execute();
    await db.schema.alterTable(table).dropColumn("legacy_duplicate").execute();
  }
}
