import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { lowerCase } from "#db/dialect";
import { escapeLike } from "./like";

/**
 * Whether a text column (or expression) contains `term`, ignoring case in every alphabet
 * ("özer" finds "Özer"), the same on SQLite and PostgreSQL. The term is taken literally: % and
 * _ in it match only themselves.
 */
export function containsText<DB>(
  db: Kysely<DB>,
  expression: Expression<string | null> | RawBuilder<unknown>,
  term: string,
): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(term.toLowerCase())}%`;
  return sql<SqlBool>`${lowerCase(db, expression)} like ${pattern} escape '\\'`;
}
