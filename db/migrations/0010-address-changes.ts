import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder (no app code), so it runs on SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A change of a person's sign-in address that waits for the person to confirm it from the
  // address in force (app/people/address-change.server.ts): whoever holds the new address
  // gets nothing until then. The confirmation key is derived when the mail is sent; only
  // its hash is kept.
  await db.schema
    .createTable("address_change")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("old_email", "text", (c) => c.notNull())
    .addColumn("new_email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("requested_by_person_id", "text", (c) => c.references("person.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("cancelled_at", "text")
    .execute();
  await db.schema
    .createIndex("address_change_person_idx")
    .on("address_change")
    .column("person_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("address_change_person_idx").execute();
  await db.schema.dropTable("address_change").execute();
}
