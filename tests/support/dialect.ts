import { sql, type RawBuilder } from "kysely";
import type { DialectName } from "#db/dialect";

/**
 * The database this test run uses: the `sqlite` project runs every test on SQLite files, the
 * `postgres` project runs the integration tests again on a real PostgreSQL server.
 */
export const testDialect: DialectName =
  process.env.RONDOM_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

export const onPostgres = testDialect === "postgres";

/**
 * Order of insertion, for tables that are only ever inserted into (the audit log): SQLite's
 * rowid, PostgreSQL's physical row position. An update writes a new version of the row on
 * PostgreSQL, elsewhere in the table: rows that were updated (a nomination decided, a mail
 * sent) are not in insertion order there.
 */
export function insertionOrder(): RawBuilder<unknown> {
  return onPostgres ? sql`ctid` : sql`rowid`;
}
