import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_URL = "file:./data/rondom.sqlite";

/** Turns DATABASE_URL (`file:./data/x.sqlite`, a plain path, or `:memory:`) into a SQLite path. */
export function sqlitePathFromUrl(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(
      "DATABASE_URL wijst naar PostgreSQL; deze versie van Rondom ondersteunt alleen SQLite. " +
        "Laat DATABASE_URL leeg of gebruik file:./data/rondom.sqlite.",
    );
  }
  const filePath = url.startsWith("file:") ? url.slice("file:".length) : url;
  if (!filePath) throw new Error(`DATABASE_URL "${url}" bevat geen bestandsnaam.`);
  return path.resolve(filePath);
}

export function createDatabase(url: string = DEFAULT_DATABASE_URL): DB {
  const filePath = sqlitePathFromUrl(url);
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new SQLite(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Deleted rows (a draft at submission) are overwritten, not left readable in free pages.
  sqlite.pragma("secure_delete = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
