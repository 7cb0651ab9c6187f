// Every table of a SQLite file copied as it is into a migrated PostgreSQL database: the bench
// fills a SQLite file quickly with better-sqlite3 (scripts/bench/reports.ts), and measures
// PostgreSQL on the very same rows. Bench-only: the rows are trusted and foreign keys are not
// checked while copying (session_replication_role = replica, which the embedded server's
// superuser may set), so the tables go in any order. Multi-row inserts, each within
// PostgreSQL's 65,535 parameters.
import SQLite from "better-sqlite3";
import pg from "pg";

const MAX_PARAMETERS = 65_535;
/** Rows per statement at most, whatever the parameters allow (the statement's text grows too). */
const MAX_ROWS = 10_000;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface CopyFigures {
  tables: number;
  rows: number;
  seconds: number;
}

export async function copySqliteToPostgres(file: string, url: string): Promise<CopyFigures> {
  const started = performance.now();
  const sqlite = new SQLite(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows = 0;
  let tables: string[] = [];
  try {
    tables = sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table'
           AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\'
         ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    // Whatever the migrations put in: the copy is the SQLite file's rows, no more.
    await client.query(`truncate ${tables.map(quoted).join(", ")}`);
    for (const table of tables) rows += await copyTable(sqlite, client, table);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  return { tables: tables.length, rows, seconds: (performance.now() - started) / 1000 };
}

async function copyTable(sqlite: SQLite.Database, client: pg.Client, table: string) {
  const select = sqlite.prepare(`SELECT * FROM ${quoted(table)}`).raw();
  const columns = select.columns().map((column) => column.name);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  const statement = (count: number) => {
    const tuples = Array.from(
      { length: count },
      (_, row) =>
        `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(", ")})`,
    );
    return `insert into ${quoted(table)} (${columns.map(quoted).join(", ")}) values ${tuples.join(", ")}`;
  };
  const full = statement(perStatement);
  let batch: unknown[] = [];
  let inBatch = 0;
  let copied = 0;
  const flush = async () => {
    if (inBatch === 0) return;
    // A full batch is prepared once per table and reused; the last, shorter one goes as it is.
    await client.query(
      inBatch === perStatement
        ? { name: `copy_${table}`, text: full, values: batch }
        : { text: statement(inBatch), values: batch },
    );
    copied += inBatch;
    batch = [];
    inBatch = 0;
  };
  for (const row of select.iterate() as Iterable<unknown[]>) {
    batch.push(...row);
    if (++inBatch === perStatement) await flush();
  }
  await flush();
  return copied;
}
