// The databases the bench sections run on (BENCH_DATABASES=sqlite,postgres; default both), a
// fresh database for each measure on either, and what the bench reads of a database that is
// not the app's business and so not in db/dialect.ts (its size on disk, the server's settings).
// PostgreSQL is the tests' embedded server (tests/support/postgres/server.ts), started once per
// bench run on first use and stopped at the end; every measure gets a database of its own on it.
import { randomBytes } from "node:crypto";
import path from "node:path";
import fs from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { startPostgres, type RunningPostgres } from "../../tests/support/postgres/server";
import { makeTempDir, onCleanup, table, treeCpuSeconds } from "./harness";

export const BENCH_DATABASES = ["sqlite", "postgres"] as const;
export type BenchDatabase = (typeof BENCH_DATABASES)[number];

export const DATABASE_LABEL: Record<BenchDatabase, string> = {
  sqlite: "SQLite",
  postgres: "PostgreSQL",
};

function chosenDatabases(value: string | undefined): BenchDatabase[] {
  const names = (value ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return [...BENCH_DATABASES];
  const unknown = names.filter((name) => !(BENCH_DATABASES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_DATABASES: unknown database ${unknown.join(", ")} (${BENCH_DATABASES.join(", ")})`,
    );
  }
  // In the order of BENCH_DATABASES, so that SQLite's column always comes first.
  return BENCH_DATABASES.filter((name) => names.includes(name));
}

export const DATABASES: readonly BenchDatabase[] = chosenDatabases(process.env.BENCH_DATABASES);

// On PostgreSQL the app starts only with a seal key from the environment (there is no folder
// beside the database to keep a key file in). Made up per run, in this process too: the
// fixtures and the checks here open what the servers (which inherit it) sealed. Set for SQLite
// as well, so that both run the same way.
if (DATABASES.includes("postgres")) {
  process.env.ANSWER_SEAL_KEY ||= randomBytes(32).toString("base64");
}

// -------------------------------------------------------------------------------------------
// The PostgreSQL server

let server: Promise<RunningPostgres> | null = null;

/** The run's PostgreSQL server, started on the first call. */
export function postgresServer(): Promise<RunningPostgres> {
  server ??= (async () => {
    console.log("PostgreSQL: starting the embedded server (once for this run) …");
    const started = performance.now();
    const running = await startPostgres();
    console.log(`PostgreSQL: up in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    await killOnAbort(running);
    return running;
  })();
  return server;
}

/** Stops the server if it was started (its data folder goes with it). */
export async function stopPostgres(): Promise<void> {
  if (!server) return;
  const running = await server;
  server = null;
  await running.stop();
  stopped = true;
}

let stopped = false;
let postmasterPid: number | null = null;

/**
 * CPU seconds the PostgreSQL server has used so far (postmaster and backends, all databases);
 * null when it is not running or without /proc.
 */
export function postgresCpuSeconds(): number | null {
  return postmasterPid === null || stopped ? null : treeCpuSeconds(postmasterPid);
}

/**
 * The harness cleans up synchronously (on an error, Ctrl-C or the watchdog), where the server's
 * own stop (asynchronous) cannot run: then its postmaster (the parent of this connection's
 * backend) is told to quit at once, and its data folder is removed.
 */
async function killOnAbort(running: RunningPostgres): Promise<void> {
  const client = new pg.Client({ connectionString: `${running.baseUrl}postgres` });
  await client.connect();
  const { rows } = await client.query<{ pid: number; dir: string }>(
    "select pg_backend_pid() as pid, current_setting('data_directory') as dir",
  );
  // Read while the backend is there: it ends with the connection.
  const stat = fs.readFileSync(`/proc/${rows[0]!.pid}/stat`, "utf8");
  await client.end();
  const postmaster = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  postmasterPid = postmaster;
  const folder = path.dirname(rows[0]!.dir);
  onCleanup(() => {
    if (stopped) return;
    process.kill(postmaster, "SIGQUIT");
    fs.rmSync(folder, { recursive: true, force: true });
  });
}

async function onMaintenanceDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${(await postgresServer()).baseUrl}postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * What the embedded server gives up for speed, as the tests run it: worth saying next to
 * figures that include commits (SQLite in WAL mode with synchronous=NORMAL does not wait for
 * the disk at each commit either).
 */
export async function postgresSettings(): Promise<string> {
  return onMaintenanceDatabase(async (client) => {
    const version = (await client.query<{ server_version: string }>("show server_version")).rows[0]!
      .server_version;
    const settings = [];
    for (const name of ["fsync", "synchronous_commit", "full_page_writes", "shared_buffers"]) {
      settings.push(`${name}=${(await client.query(`show ${name}`)).rows[0]![name]}`);
    }
    return `PostgreSQL ${version} (embedded, as the tests run it: ${settings.join(", ")})`;
  });
}

// -------------------------------------------------------------------------------------------
// A fresh database for one measure

export interface FreshDatabase {
  database: BenchDatabase;
  /** DATABASE_URL of it. */
  url: string;
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
}

/** An empty database (not migrated) of its own: a file in a temp dir, or `create database`. */
export async function freshDatabase(database: BenchDatabase, name: string): Promise<FreshDatabase> {
  if (database === "sqlite") {
    const file = path.join(makeTempDir(`bench-${name}`), `${name}.sqlite`);
    return { database, url: `file:${file}`, file };
  }
  const databaseName = `bench_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await onMaintenanceDatabase((client) => client.query(`create database ${quoted(databaseName)}`));
  return { database, url: `${(await postgresServer()).baseUrl}${databaseName}`, file: null };
}

/** A fresh database, migrated. */
export async function freshMigratedDatabase(
  database: BenchDatabase,
  name: string,
): Promise<FreshDatabase> {
  const fresh = await freshDatabase(database, name);
  const db = createDatabase(fresh.url);
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return fresh;
}

/** Drops a PostgreSQL database of freshDatabase once its measure is done (a file stays). */
export async function dropFreshDatabase(fresh: FreshDatabase): Promise<void> {
  if (fresh.database !== "postgres") return;
  const name = new URL(fresh.url).pathname.slice(1);
  await onMaintenanceDatabase((client) =>
    client.query(`drop database if exists ${quoted(name)} with (force)`),
  );
}

/**
 * Transactions PostgreSQL counted in the database so far (its cumulative statistics, which a
 * backend reports within about a second of going idle): a serialization conflict is a rollback,
 * retried by inTransaction (db/transaction.ts). Null on SQLite.
 */
export async function transactionCounts(
  fresh: Pick<FreshDatabase, "database" | "url">,
): Promise<{ committed: number; rolledBack: number } | null> {
  if (fresh.database !== "postgres") return null;
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ committed: string; rolled_back: string }>(
      `select xact_commit as committed, xact_rollback as rolled_back
         from pg_stat_database where datname = current_database()`,
    );
    return { committed: Number(rows[0]!.committed), rolledBack: Number(rows[0]!.rolled_back) };
  } finally {
    await client.end();
  }
}

/**
 * Statistics for PostgreSQL's planner after a bulk fill (autovacuum would gather them within a
 * minute; a database in use has them). SQLite plans without statistics: nothing to do there.
 */
export async function afterBulkFill(db: DB, database: BenchDatabase): Promise<void> {
  if (database === "postgres") await sql`analyze`.execute(db);
}

/**
 * Bytes the database takes: the SQLite file with its write-ahead log (after a checkpoint), or
 * what PostgreSQL reports for the database (tables, indexes, TOAST).
 */
export async function databaseBytes(db: DB, fresh: FreshDatabase): Promise<number> {
  if (fresh.file === null) {
    const { rows } = await sql<{
      bytes: number;
    }>`select pg_database_size(current_database()) as bytes`.execute(db);
    return Number(rows[0]?.bytes ?? 0);
  }
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
  return [fresh.file, `${fresh.file}-wal`].reduce(
    (sum, name) => sum + (fs.existsSync(name) ? fs.statSync(name).size : 0),
    0,
  );
}

// -------------------------------------------------------------------------------------------
// Printing

/** The rows of one column of sideBySide: a database's (or a run's) figures. */
export interface Column {
  name: string;
  /** [measure, value, …], as for table(). */
  rows: (string | number)[][];
}

/**
 * One table of several columns' rows side by side, matched by measure (the first cell): each
 * value column once per column, named after it; a measure one of them lacks shows "—". The last
 * `shared` header cells (a note) are the same for all: printed once, from the first that has it.
 */
export function sideBySide(
  columns: readonly Column[],
  header: string[],
  { shared = 0 }: { shared?: number } = {},
): string {
  const values = header.length - 1 - shared;
  const keyed = columns.map((column) => {
    const seen = new Map<string, number>();
    return new Map(
      column.rows.map((row) => {
        const label = String(row[0]);
        const occurrence = (seen.get(label) ?? 0) + 1;
        seen.set(label, occurrence);
        return [`${label}\u0000${occurrence}` as string, row] as const;
      }),
    );
  });
  // In the first column's order; a measure only a later one has goes after its predecessor there.
  const keys: string[] = [];
  for (const map of keyed) {
    let after = -1;
    for (const key of map.keys()) {
      const at = keys.indexOf(key);
      if (at >= 0) after = at;
      else keys.splice(++after, 0, key);
    }
  }
  const rows = keys.map((key) => {
    const present = keyed.map((map) => map.get(key)).find((row) => row !== undefined)!;
    return [
      key.split("\u0000")[0]!,
      ...Array.from({ length: values }, (_, value) =>
        keyed.map((map) => String(map.get(key)?.[value + 1] ?? "—")),
      ).flat(),
      ...Array.from({ length: shared }, (_, note) => String(present[values + 1 + note] ?? "")),
    ];
  });
  const names = Array.from({ length: values }, (_, value) =>
    columns.map((column) => (values === 1 ? column.name : `${header[value + 1]} ${column.name}`)),
  ).flat();
  return table(rows, [header[0]!, ...names, ...header.slice(values + 1)]);
}

/** Columns named after their databases. */
export function databaseColumns<T>(
  perDatabase: readonly { database: BenchDatabase; figures: T }[],
  rows: (figures: T) => (string | number)[][],
): Column[] {
  return perDatabase.map(({ database, figures }) => ({
    name: DATABASE_LABEL[database],
    rows: rows(figures),
  }));
}
