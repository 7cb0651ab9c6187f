import { sql } from "kysely";
import type { DB } from "./database";

const TRUNCATE_DELAY_MS = 2_000;
let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Rows deleted for anonymity (a draft at submission) are zeroed in the database file by
 * secure_delete, but their earlier versions live on in the write-ahead log until it is
 * checkpointed and truncated. This does that shortly after, once for a burst of writes.
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
  try {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  } catch {
    // Busy or closed: the next write schedules another attempt.
  }
}
