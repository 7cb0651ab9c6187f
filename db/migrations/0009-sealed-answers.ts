import { sql, SqliteAdapter, type Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder (no app code), so it runs on SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  // An answer between its submission and the close of its round: sealed (encrypted with a key
  // held outside the database) and padded to one size, so neither this row nor the write-ahead
  // log that wrote it together with the invitation's status says what was answered. At the
  // close, all sealed answers of the round are published into response/rating/comment in one
  // shuffled batch and deleted here (app/rater/sealed-answers.server.ts). No participant or
  // relationship column: those are inside the seal too. Random id, no rowid on SQLite, so the
  // row order says nothing.
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const table = db.schema
    .createTable("sealed_answer")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
    .addColumn("sealed", "text", (c) => c.notNull());
  await (isSqlite ? table.modifyEnd(sql`without rowid`) : table).execute();
  await db.schema
    .createIndex("sealed_answer_cycle_idx")
    .on("sealed_answer")
    .column("cycle_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("sealed_answer").execute();
}
