import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // Computing a cycle's reports reads its answers by cycle.
  await db.schema.createIndex("response_cycle_idx").on("response").column("cycle_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("response_cycle_idx").execute();
}
