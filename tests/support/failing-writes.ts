import { sql } from "kysely";
import type { DB } from "#db/database";
import { onPostgres } from "./dialect";

// A write that fails half-way, to see that what was written before it is rolled back: a
// trigger refuses every insert into a table (or only the rows with one column's value).
// SQLite and PostgreSQL spell triggers differently; the test does not have to.

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return name;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Makes every insert into `table` fail with `message` (only rows whose `when.column` equals
 * `when.value`, when given) until the returned function is called, which removes the trigger.
 */
export async function refuseInserts(
  db: DB,
  table: string,
  message: string,
  when?: { column: string; value: string },
): Promise<() => Promise<void>> {
  const name = `refuse_insert_${identifier(table)}`;
  const condition = when ? `new.${identifier(when.column)} = ${literal(when.value)}` : "true";
  if (onPostgres) {
    await sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$
        begin
          if ${condition} then raise exception ${literal(message.replace(/%/g, "%%"))}; end if;
          return new;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${name} before insert on ${table} for each row execute function ${name}()`,
      )
      .execute(db);
    return async () => {
      await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
      await sql.raw(`drop function ${name}()`).execute(db);
    };
  }
  await sql
    .raw(
      `create trigger ${name} before insert on ${table} when ${condition}
      begin select raise(abort, ${literal(message)}); end`,
    )
    .execute(db);
  return async () => {
    await sql.raw(`drop trigger ${name}`).execute(db);
  };
}
