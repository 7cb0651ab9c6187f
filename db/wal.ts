import { sql } from "kysely";
import type { DB } from "./database";
import { isPostgres } from "./dialect";

const TRUNCATE_DELAY_MS = 2_000;
let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Rows deleted for anonymity (a draft at submission, the sealed answers at the close) are
 * zeroed in the database file by secure_delete, but their earlier versions live on in the
 * write-ahead log until it is checkpointed and truncated. This does that shortly after, once
 * for a burst of writes. It cannot while another connection holds a read transaction (a backup
 * or replication tool may hold one for good): that is why nothing written there can be read
 * or paired without the seal key (app/rater/sealed-answers.server.ts), and truncation is only
 * tidying up.
 */
export function scheduleWalTruncation(db: DB): void {
  if (pending) return;
  pending = setTimeout(() => {
    pending = undefined;
    void truncateWal(db);
  }, TRUNCATE_DELAY_MS);
  pending.unref();
}

export async function truncateWal(db: DB): Promise<void> {
  // PostgreSQL keeps its own log; see docs (anonymity at rest on PostgreSQL).
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
