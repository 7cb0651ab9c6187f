import type { Kysely, Transaction } from "kysely";
import { isPostgres } from "./dialect";

/** PostgreSQL's "try again" errors: a serialization failure and a deadlock. */
const RETRYABLE_CODES = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 10;

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && RETRYABLE_CODES.has(code);
}

function pause(attempt: number): Promise<void> {
  // Exponential with jitter, so that two instances that collided do not collide again.
  const ceiling = Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/**
 * Runs `work` as one transaction, or inside the caller's when `db` already is one (Kysely
 * cannot nest them). The one way the app opens a transaction (eslint refuses others).
 *
 * Every read-check-write in Rondom (a status step, a submission, a sign-in code, a
 * nomination, an import) relies on nothing changing between its read and its write:
 * - SQLite has one writer, and every transaction takes the write lock when it begins
 *   (`begin immediate`, db/database.ts), so transactions run one after another.
 * - PostgreSQL runs them side by side, from this process's pool and from other instances.
 *   They run SERIALIZABLE: the server refuses one of two transactions that could not have
 *   run one after the other, and the refused one is run again from the start here, with
 *   what the other committed in view.
 *
 * `work` may therefore run more than once: it must do nothing outside the database that
 * cannot be repeated (mails go through the outbox, which is a table).
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  if (!isPostgres(db)) return db.transaction().execute(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel("serializable").execute(work);
    } catch (error) {
      if (!isRetryableConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      await pause(attempt);
    }
  }
}
