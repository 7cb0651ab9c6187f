import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

// Tools of someone who got hold of a copy of the database files (a backup, a replica, a disk
// image): the copy itself, the write-ahead log read commit by commit, and the raw bytes.

export interface DatabaseCopy {
  dir: string;
  main: Buffer;
  wal: Buffer;
}

/** Copies the main file, -wal and -shm as a file-level backup would, without asking SQLite. */
export function copyDatabaseFiles(file: string, dir: string): DatabaseCopy {
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) {
    if (fs.existsSync(file + suffix))
      fs.copyFileSync(file + suffix, path.join(dir, `copy${suffix}`));
  }
  const read = (suffix: string) => {
    const copied = path.join(dir, `copy${suffix}`);
    return fs.existsSync(copied) ? fs.readFileSync(copied) : Buffer.alloc(0);
  };
  return { dir, main: read(""), wal: read("-wal") };
}

/**
 * Where each commit ends in a write-ahead log: the byte offset just after its commit frame
 * (a frame whose "database size" field is set). Frames whose salts differ from the header's
 * are left over from before the log restarted, and end the walk.
 */
export function walCommitEnds(wal: Buffer): number[] {
  if (wal.length < 32) return [];
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const ends: number[] = [];
  let offset = 32;
  while (offset + 24 + pageSize <= wal.length) {
    if (wal.readUInt32BE(offset + 8) !== salt1 || wal.readUInt32BE(offset + 12) !== salt2) break;
    const isCommit = wal.readUInt32BE(offset + 4) !== 0;
    offset += 24 + pageSize;
    if (isCommit) ends.push(offset);
  }
  return ends;
}

/** Every row of every table, as JSON lines per table. */
export type TableDump = Map<string, Set<string>>;

function dumpTables(sqlite: SQLite.Database): TableDump {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  const dump: TableDump = new Map();
  for (const { name } of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${name}"`).all();
    dump.set(name, new Set(rows.map((row) => JSON.stringify(row))));
  }
  return dump;
}

/**
 * The database as it stood after each commit in the copy's log: the copied main file with
 * the log cut just after that commit, opened by SQLite. The first entry is the main file
 * alone (before the first commit in the log).
 */
export function replayCommits(copy: DatabaseCopy): TableDump[] {
  const states: TableDump[] = [];
  const ends = [0, ...walCommitEnds(copy.wal)];
  for (const [index, end] of ends.entries()) {
    const dir = path.join(copy.dir, `replay-${index}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "replay.sqlite");
    fs.writeFileSync(file, copy.main);
    if (end > 0) fs.writeFileSync(`${file}-wal`, copy.wal.subarray(0, end));
    const sqlite = new SQLite(file);
    try {
      states.push(dumpTables(sqlite));
    } finally {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return states;
}

/** Rows present in `after` and not in `before` (a changed row counts as added), per table. */
export function addedRows(before: TableDump, after: TableDump): Map<string, string[]> {
  const added = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const earlier = before.get(table) ?? new Set<string>();
    const fresh = [...rows].filter((row) => !earlier.has(row));
    if (fresh.length > 0) added.set(table, fresh);
  }
  return added;
}

/**
 * What a row could hold in a form an attacker reads: the row as stored, and every string in
 * it decoded as base64, base64url or hex, whole and in parts split on the usual separators.
 */
export function readableForms(rowJson: string): string[] {
  const forms = [rowJson];
  const row = JSON.parse(rowJson) as Record<string, unknown>;
  for (const value of Object.values(row)) {
    if (typeof value !== "string") continue;
    for (const part of [value, ...value.split(/[.:$,;|]/)]) {
      if (part.length < 8) continue;
      for (const encoding of ["base64", "base64url", "hex"] as const) {
        forms.push(Buffer.from(part, encoding).toString("latin1"));
        forms.push(Buffer.from(part, encoding).toString("utf8"));
      }
    }
  }
  return forms;
}
