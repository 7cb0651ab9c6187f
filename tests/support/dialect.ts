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
 * Order of insertion, for tables that are only ever inserted into (the audit log, the
 * outbox): SQLite's rowid, PostgreSQL's physical row position.
 */
export function insertionOrder(): RawBuilder<unknown> {
  return onPostgres ? sql`ctid` : sql`rowid`;
}
