import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Secrets the instance generates for itself when none are configured (e.g. the session
  // signing key of a demo started with zero configuration).
  await db.schema
    .createTable("instance_secret")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex("sign_in_token_person_idx")
    .on("sign_in_token")
    .column("person_id")
    .execute();
  await db.schema.createIndex("session_expires_idx").on("session").column("expires_at").execute();
  await db.schema
    .createIndex("rate_limit_window_idx")
    .on("rate_limit")
    .column("window_start")
    .execute();
  await db.schema
    .createIndex("invitation_rater_person_idx")
    .on("invitation")
    .column("rater_person_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("invitation_rater_person_idx").execute();
  await db.schema.dropIndex("rate_limit_window_idx").execute();
  await db.schema.dropIndex("session_expires_idx").execute();
  await db.schema.dropIndex("sign_in_token_person_idx").execute();
  await db.schema.dropTable("instance_secret").execute();
}
