import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder (no app code), so it runs on SQLite and PostgreSQL.

// Every function its own profile. A person holds a function profile of the organisation's
// library (by its key); a round's participant is rated on a profile of their own, which the
// round's profile stands in for while it is empty (every participant from before this
// migration, and every one HR gave no other).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("person").addColumn("profile_key", "text").execute();
  // The profile (library key) the participant is rated on; null: the round's profile.
  await db.schema.alterTable("participant").addColumn("profile_key", "text").execute();
  // Its version, taken when the round starts; null: the round's version.
  await db.schema
    .alterTable("participant")
    .addColumn("profile_snapshot_id", "text", (c) => c.references("profile_snapshot.id"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("participant").dropColumn("profile_snapshot_id").execute();
  await db.schema.alterTable("participant").dropColumn("profile_key").execute();
  await db.schema.alterTable("person").dropColumn("profile_key").execute();
}
