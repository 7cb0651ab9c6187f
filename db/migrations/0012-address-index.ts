import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder (no app code), so it runs on SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Sign-in finds a person by lower(email) across all organisations, and forms and imports
  // check a new address against every organisation (one address, one account): both would
  // read the whole person table without an index on the expression they compare.
  await db.schema
    .createIndex("person_email_lower_idx")
    .on("person")
    .expression(sql`lower(email)`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("person_email_lower_idx").execute();
}
