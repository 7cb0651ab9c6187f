import { sql, type Kysely } from "kysely";
import { isPostgres } from "./dialect";

// Background jobs (the round clock, the mail sender, a release's reports) run in every app
// instance. Each is safe to run twice (it only does what is still missing, and a mail is
// claimed before it goes out), but two instances doing the same work side by side waste it
// and race each other. On PostgreSQL, instances share an advisory lock per job, so one runs it
// and the others skip or wait. A lock belongs to a connection: if the instance holding it
// dies, the server frees it, and another instance takes over at its next turn.
// SQLite has one app process per file (one writer); the callers keep their own in-process
// guards there.

/** Namespace of Rondom's advisory locks (the first key), so they never meet another app's. */
const LOCK_NAMESPACE = 0x526f6e64; // "Rond"

export type JobLockMode =
  /** Another instance runs it now: do not run it (a clock tick, a sender run). */
  | "skip"
  /** Another instance runs it now: wait, then run (finishing a release; it then finds less). */
  | "wait";

/**
 * Runs `work` while holding the job's lock. With "skip", returns `{ ran: false }` when another
 * instance holds it. `work` uses the app's pool as usual; the lock sits on a connection of its
 * own for the duration.
 */
export async function withJobLock<DB, T>(
  db: Kysely<DB>,
  job: string,
  mode: JobLockMode,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!isPostgres(db) || db.isTransaction) return { ran: true, value: await work() };
  return db.connection().execute(async (connection) => {
    if (mode === "skip") {
      const { rows } = await sql<{ locked: boolean }>`
        select pg_try_advisory_lock(${LOCK_NAMESPACE}, hashtext(${job})) as locked
      `.execute(connection);
      if (!rows[0]?.locked) return { ran: false } as const;
    } else {
      await sql`select pg_advisory_lock(${LOCK_NAMESPACE}, hashtext(${job}))`.execute(connection);
    }
    try {
      return { ran: true, value: await work() } as const;
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_NAMESPACE}, hashtext(${job}))`.execute(connection);
    }
  });
}
