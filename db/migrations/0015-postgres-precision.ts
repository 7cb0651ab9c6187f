import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.

// A team figure's "all others" mean was declared `real`: on SQLite that is an 8-byte double,
// on PostgreSQL a 4-byte float, which rounds 3.6666666666666665 to 3.6666667 and would make
// team figures differ between the two databases. Double precision on PostgreSQL too.

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!onPostgres(db)) return;
  await sql`alter table competency_score alter column others_mean type double precision`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!onPostgres(db)) return;
  await sql`alter table competency_score alter column others_mean type real`.execute(db);
}

/** From Kysely's own adapter, so that the migration does not depend on app code. */
function onPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
