import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, expect, test } from "vitest";
import { createTestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";

// A transaction that reads before it writes must not be overtaken by another process's write
// (a command-line script next to the running app): in WAL mode SQLite cannot upgrade such a
// read to a write, and would answer "database is locked" without waiting. Every transaction
// therefore takes the write lock when it begins; the other process waits for it instead.
// SQLite's lock and files only: PostgreSQL runs transactions side by side, serializable and
// retried (db/transaction.ts), which db/two-instances.test.ts puts to the test.

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

test.skipIf(onPostgres)(
  "a transaction holds the write lock from its first statement, so its own write cannot fail",
  async () => {
    const created = await createTestDatabase();
    cleanup = created.cleanup;
    const { db, file } = created;
    await sql`create table lock_probe (x integer)`.execute(db);

    // A second connection, as another process would have, that does not wait for a lock.
    const other = new SQLite(file);
    other.pragma("busy_timeout = 0");
    try {
      let otherWrite: unknown = null;
      await db.transaction().execute(async (trx) => {
        await sql`select count(*) from lock_probe`.execute(trx);
        try {
          other.prepare("insert into lock_probe values (3)").run();
        } catch (error) {
          otherWrite = (error as { code?: string }).code;
        }
        await sql`insert into lock_probe values (2)`.execute(trx);
      });
      // The other writer was held off (it would wait its busy timeout), not the transaction.
      expect(otherWrite).toBe("SQLITE_BUSY");
      other.prepare("insert into lock_probe values (3)").run();
      const { rows } = await sql<{ x: number }>`select x from lock_probe order by x`.execute(db);
      expect(rows.map((row) => row.x)).toEqual([2, 3]);
    } finally {
      other.close();
    }
  },
);
