import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from "kysely";

/**
 * Everything that differs between SQLite and PostgreSQL lives here, so that the rest of the
 * app has one code path. Queries stay in Kysely's common subset; where a construct has no
 * common spelling (reading a JSON field, Unicode-aware lower case), a helper below writes it
 * for the database at hand.
 */
export type DialectName = "sqlite" | "postgres";

/** Which database `db` (or a transaction of it) talks to. */
export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

export function isPostgres<DB>(db: Kysely<DB>): boolean {
  return dialectOf(db) === "postgres";
}

/**
 * Name of the SQLite function that lower-cases the way PostgreSQL's `lower()` does (every
 * letter, not only A–Z). Registered on each SQLite connection in db/database.ts.
 */
export const SQLITE_UNICODE_LOWER = "rondom_lower";

/** Lower case of a text expression, for every alphabet and the same on both databases. */
export function lowerCase<DB>(
  db: Kysely<DB>,
  expression: Expression<string | null> | RawBuilder<unknown>,
): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`lower(${expression})`
    : sql<string>`${sql.raw(SQLITE_UNICODE_LOWER)}(${expression})`;
}

/**
 * A top-level field of a JSON document kept as text: a string field as the string, any other
 * value as its JSON text; SQL null when the field is absent or JSON null.
 */
export function jsonTextField<DB>(
  db: Kysely<DB>,
  column: string,
  field: string,
): RawBuilder<string | null> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(field)) throw new Error(`Unsafe JSON field name: ${field}`);
  return isPostgres(db)
    ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${field})`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${field}`})`;
}
