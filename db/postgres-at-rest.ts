import { sql, type Kysely } from "kysely";
import { withJobLock } from "./job-lock";

// Answers at rest on PostgreSQL. What SQLite gets from its files (a table of answers without
// rowid, secure_delete, a truncated write-ahead log; db/wal.ts), PostgreSQL needs done
// explicitly, because every row carries more than its columns:
// - xmin, the id of the transaction that wrote it. A submission writes the sealed answer in the
//   same transaction that marks the invitation submitted (so an acknowledged answer is stored
//   exactly once), so the two rows share an xmin: anyone who can read the tables (a dump with
//   system columns, a base backup) could pair each sealed answer with its invitation, and the
//   xmins put the answers in arrival order.
// - its physical place (ctid): rows are appended, so the order of the table is arrival order.
// - deleted rows (a draft at submission, the sealed answers at the close) stay in the table's
//   pages until a vacuum, and even then their bytes are only marked free, not overwritten.
// The sealed answers are unreadable without the key (db/answer-seal.ts) in all of these. This
// cleanup also removes the pairing itself: every waiting answer of a round is moved, in one
// transaction and in random order, to a new row with a new random id, so all of them share one
// xmin and their order says nothing; then VACUUM FULL rewrites the answer and draft tables
// into new files, so the old row versions, with their xmins and the deleted drafts, are gone
// from the database files. What stays is the server's write-ahead log until it is recycled,
// and WAL archives and backups made before the cleanup: docs/operations.md says what an
// operator must do about those.

/** New random ids in PostgreSQL itself, the shape of db/ids.ts newId (16 bytes, base64url). */
const NEW_ID = sql<string>`translate(rtrim(encode(uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_')`;

export interface AtRestCleanup {
  /** False when another app instance was doing it at that moment. */
  ran: boolean;
  /** Waiting answers moved to rows of one transaction, in random order. */
  moved: number;
  /** Whether the answer and draft tables were rewritten (VACUUM FULL). */
  vacuumed: boolean;
}

/** Rounds whose waiting answers were written by more than one transaction. */
async function roundsToMix<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ cycle_id: string }>`
    select cycle_id from sealed_answer group by cycle_id having count(distinct xmin::text) > 1
  `.execute(db);
  return rows.map((row) => row.cycle_id);
}

/** Whether the answer or draft tables hold row versions no one can see any more. */
async function hasDeadRows<DB>(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ dead: number }>`
    select coalesce(sum(n_dead_tup), 0)::int as dead from pg_stat_user_tables
    where relname in ('sealed_answer', 'draft')
  `.execute(db);
  return Number(rows[0]?.dead ?? 0) > 0;
}

/**
 * Mixes every round whose answers came in separately, then rewrites the tables. `force` also
 * vacuums when the statistics (which lag by up to a second) show no dead rows yet.
 */
export async function cleanUpAnswersAtRest<DB>(
  db: Kysely<DB>,
  options: { force?: boolean } = {},
): Promise<AtRestCleanup> {
  const outcome = await withJobLock(db, "answers-at-rest", "skip", async () => {
    let moved = 0;
    for (const cycleId of await roundsToMix(db)) {
      // One statement: the rows never leave the server (some 22 kB each), and a submission
      // that arrives meanwhile either is moved with the others or waits for the next run.
      const { rows } = await sql<{ n: number }>`
        with taken as (
          delete from sealed_answer where cycle_id = ${cycleId} returning cycle_id, sealed
        ), placed as (
          insert into sealed_answer (id, cycle_id, sealed)
          select ${NEW_ID}, cycle_id, sealed from taken order by random()
          returning 1
        )
        select count(*)::int as n from placed
      `.execute(db);
      moved += Number(rows[0]?.n ?? 0);
    }
    const vacuumed = moved > 0 || options.force === true || (await hasDeadRows(db));
    if (vacuumed) await sql`vacuum full sealed_answer, draft`.execute(db);
    return { moved, vacuumed };
  });
  return outcome.ran ? { ran: true, ...outcome.value } : { ran: false, moved: 0, vacuumed: false };
}
