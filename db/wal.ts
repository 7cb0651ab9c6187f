import { sql } from "kysely";
import type { DB } from "./database";
import { isPostgres } from "./dialect";
import { cleanUpAnswersAtRest } from "./postgres-at-rest";

const CLEANUP_DELAY_MS = 2_000;
// On PostgreSQL a cleanup rewrites the tables of waiting answers; under a steady stream of
// submissions it runs at most this often (each run also mixes everything that came before).
const POSTGRES_MIN_INTERVAL_MS = 60_000;
let pending: ReturnType<typeof setTimeout> | undefined;
let lastRun = 0;

/**
 * Shortly after a write that leaves traces of answers (a submission, a decline, the close),
 * once for a burst of writes: on SQLite the write-ahead log is truncated (truncateWal), on
 * PostgreSQL the waiting answers are mixed and the tables rewritten (db/postgres-at-rest.ts).
 */
export function scheduleAtRestCleanup(db: DB): void {
  if (pending) return;
  const postgres = isPostgres(db);
  const wait = postgres
    ? Math.max(CLEANUP_DELAY_MS, lastRun + POSTGRES_MIN_INTERVAL_MS - Date.now())
    : CLEANUP_DELAY_MS;
  pending = setTimeout(() => {
    pending = undefined;
    lastRun = Date.now();
    void (postgres ? cleanUpOnPostgres(db) : truncateWal(db));
  }, wait);
  pending.unref();
}

async function cleanUpOnPostgres(db: DB): Promise<void> {
  try {
    await cleanUpAnswersAtRest(db);
  } catch (error) {
    console.warn(
      `Antwoorden opruimen (PostgreSQL) mislukt: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/**
 * Rows deleted for anonymity (a draft at submission, the sealed answers at the close) are
 * zeroed in the database file by secure_delete, but their earlier versions live on in the
 * write-ahead log until it is checkpointed and truncated. This does that. It cannot while
 * another connection holds a read transaction (a backup or replication tool may hold one for
 * good): that is why nothing written there can be read or paired without the seal key
 * (app/rater/sealed-answers.server.ts), and truncation is only tidying up.
 */
export async function truncateWal(db: DB): Promise<void> {
  if (isPostgres(db)) return;
  try {
    await db.connection().execute(async (connection) => {
      // A TRUNCATE checkpoint waits the whole busy timeout for readers to finish; with a
      // reader that never finishes, every attempt would hold the app's only connection for
      // seconds. Try once, without waiting.
      const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
      const previous = Number(rows[0]?.timeout ?? 0);
      await sql`pragma busy_timeout = 0`.execute(connection);
      try {
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(connection);
      } finally {
        await sql.raw(`pragma busy_timeout = ${previous}`).execute(connection);
      }
    });
  } catch {
    // Busy or closed: the next write schedules another attempt.
  }
}
