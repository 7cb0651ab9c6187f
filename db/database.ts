import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from "kysely";
import pg from "pg";
import { PostgresNulPlugin, SQLITE_UNICODE_LOWER } from "./dialect";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_URL = "file:./data/rondom.sqlite";

/** Whether DATABASE_URL names a PostgreSQL server (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Turns DATABASE_URL (`file:./data/x.sqlite`, a plain path, or `:memory:`) into a SQLite path. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (isPostgresUrl(url)) throw new Error("DATABASE_URL wijst naar PostgreSQL, niet naar SQLite.");
  const filePath = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!filePath) throw new Error(`DATABASE_URL "${url}" bevat geen bestandsnaam.`);
  return path.resolve(filePath);
}

/** The files SQLite keeps for a database: the main file, its write-ahead log and its index. */
export function databaseFiles(filePath: string): string[] {
  return [filePath, `${filePath}-wal`, `${filePath}-shm`];
}

/**
 * Owner-only access to a file: 0600 when group or others may read or write it. The database
 * holds the instance secret (session and invitation keys when none are configured) and
 * everyone's names and addresses. A file of another user is left alone, with a warning.
 */
export function restrictToOwner(file: string): void {
  let mode: number;
  try {
    mode = fs.statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  if ((mode & 0o077) === 0) return;
  try {
    fs.chmodSync(file, mode & 0o700);
  } catch (error) {
    console.warn(
      `Let op: ${file} is leesbaar voor anderen en kon niet worden afgeschermd ` +
        `(${(error as Error).message}); zet het op chmod 600. / Warning: ${file} is readable ` +
        "by others and could not be restricted; chmod it to 600.",
    );
  }
}

/**
 * Prepares the place of a database file: the folder is made owner-only (0700) when it is
 * created here (an existing folder, such as the working directory, is left as it is), and the
 * file is created empty with mode 0600 before SQLite opens it (SQLite then gives its -wal and
 * -shm files the same mode). Files that exist already are narrowed to 0600.
 */
function prepareDatabaseFile(filePath: string): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(filePath, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  for (const file of databaseFiles(filePath)) restrictToOwner(file);
}

/** Turns, first come first served: the holder of a turn calls the function it was given. */
class Turns {
  #last: Promise<void> = Promise.resolve();
  async take(): Promise<() => void> {
    let done!: () => void;
    const previous = this.#last;
    this.#last = new Promise((resolve) => (done = resolve));
    await previous;
    return done;
  }
}

/** The turns of every SQLite file this process opened, by path (see ImmediateSqliteDriver). */
const turnsOfFile = new Map<string, Turns>();

function turnsFor(filePath: string): Turns {
  if (filePath === ":memory:") return new Turns();
  let turns = turnsOfFile.get(filePath);
  if (!turns) turnsOfFile.set(filePath, (turns = new Turns()));
  return turns;
}

/**
 * Every transaction takes the write lock when it begins (`begin immediate`). Kysely's plain
 * `begin` starts a read that is upgraded at the first write; in WAL mode, when another
 * process (a command-line script, a second app) wrote in between, that upgrade fails at once
 * with "database is locked" instead of waiting for the busy timeout. This process runs one
 * transaction at a time on its one connection anyway, so taking the lock early costs nothing.
 *
 * Connections of this process to the same file (a second app instance, a script's reader)
 * take turns: better-sqlite3 waits for a lock synchronously, so a connection waiting in this
 * process would stop the event loop, and with it the transaction it waits for, until its busy
 * timeout ends in "database is locked".
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #turns: Turns;
  #endTurn: (() => void) | undefined;
  constructor(config: SqliteDialectConfig, filePath: string) {
    super(config);
    this.#turns = turnsFor(filePath);
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    const endTurn = await this.#turns.take();
    const connection = await super.acquireConnection();
    this.#endTurn = endTurn;
    return connection;
  }
  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    const endTurn = this.#endTurn;
    this.#endTurn = undefined;
    endTurn?.();
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #filePath: string;
  constructor(config: SqliteDialectConfig, filePath: string) {
    super(config);
    this.#config = config;
    this.#filePath = filePath;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#filePath);
  }
}

/** Lower case for every alphabet, as PostgreSQL's lower() (SQLite's own knows only A–Z). */
function unicodeLower(value: unknown): unknown {
  return typeof value === "string" ? value.toLowerCase() : value;
}

// PostgreSQL sends bigint (count(*)) and numeric (avg, sum) as strings, since they may not
// fit a JavaScript number. Rondom's counts and means always do; the app expects numbers, as
// SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type PostgresOptions = {
  /** Connections this process keeps open at most (DATABASE_POOL_SIZE; default 10). */
  poolSize?: number;
};

function createPostgresDatabase(url: string, options: PostgresOptions): DB {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Every session in UTC, so that now() and dates written by other tools read the same.
    options: "-c timezone=UTC -c client_encoding=UTF8",
  });
  // An idle connection the server dropped (a restart, a failover) must not end the process;
  // the pool opens a new one at the next query.
  pool.on("error", (error) => {
    console.warn(`PostgreSQL: een verbinding viel weg (${error.message}).`);
  });
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new PostgresNulPlugin()],
  });
}

/**
 * The database DATABASE_URL names: a SQLite file (the default; one connection, one writer) or
 * a PostgreSQL server (a pool of connections, shared with other app instances).
 */
export function createDatabase(
  url: string = DEFAULT_DATABASE_URL,
  options: PostgresOptions = {},
): DB {
  if (isPostgresUrl(url)) return createPostgresDatabase(url, options);
  const filePath = sqlitePathFromUrl(url);
  if (filePath !== ":memory:") prepareDatabaseFile(filePath);
  const sqlite = new SQLite(filePath);
  sqlite.pragma("journal_mode = WAL");
  // SQLite gives new -wal and -shm files the main file's mode; older ones are narrowed here.
  if (filePath !== ":memory:") for (const file of databaseFiles(filePath)) restrictToOwner(file);
  sqlite.pragma("foreign_keys = ON");
  // Deleted rows (a draft at submission) are overwritten, not left readable in free pages.
  sqlite.pragma("secure_delete = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.function(SQLITE_UNICODE_LOWER, { deterministic: true }, unicodeLower);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: sqlite }, filePath),
  });
}
