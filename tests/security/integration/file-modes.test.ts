import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { sealKeyForDatabaseFile, sealKeyFileFor } from "#db/answer-seal";
import { createDatabase, databaseFiles, type DB } from "#db/database";

// The attack: another account on the server (or a backup job, a shared volume) reads the
// database file, which holds the instance secret (the keys of sessions and invitation links
// when none are configured) and everyone's names and addresses. It was created 0644
// (world-readable under the usual umask 022); now the database, its -wal and -shm files and
// the answer-seal key file are 0600, and a data folder Rondom creates is 0700.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-modes-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(file: string): DB {
  const db = createDatabase(`file:${file}`);
  cleanups.push(() => db.destroy());
  return db;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Runs with the umask most systems have (022: new files 0644, folders 0755). */
function withUsualUmask<T>(run: () => T): T {
  const previous = process.umask(0o022);
  try {
    return run();
  } finally {
    process.umask(previous);
  }
}

describe.skipIf(process.platform === "win32")("file modes of the database", () => {
  it("creates the database, its -wal and -shm files 0600 and its new folder 0700", async () => {
    const dir = tempDir();
    const file = path.join(dir, "data", "nested", "rondom.sqlite");
    const db = withUsualUmask(() => open(file));
    await sql`create table t (x text)`.execute(db);
    await sql`insert into t values ('geheim')`.execute(db);
    for (const part of databaseFiles(file)) {
      expect(fs.existsSync(part), part).toBe(true);
      expect(modeOf(part).toString(8), part).toBe("600");
    }
    expect(modeOf(path.join(dir, "data")).toString(8)).toBe("700");
    expect(modeOf(path.dirname(file)).toString(8)).toBe("700");
  });

  it("narrows files an older version left readable, at start-up", async () => {
    const dir = tempDir();
    const file = path.join(dir, "rondom.sqlite");
    const first = withUsualUmask(() => createDatabase(`file:${file}`));
    await sql`create table t (x text)`.execute(first);
    await first.destroy();
    for (const part of databaseFiles(file)) if (fs.existsSync(part)) fs.chmodSync(part, 0o644);
    fs.writeFileSync(`${file}-wal`, "", { mode: 0o644 });
    fs.chmodSync(`${file}-wal`, 0o644);

    const db = withUsualUmask(() => open(file));
    await sql`insert into t values ('geheim')`.execute(db);
    for (const part of databaseFiles(file)) {
      expect(modeOf(part).toString(8), part).toBe("600");
    }
  });

  it("leaves an existing folder it did not create as it is", () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    withUsualUmask(() => open(path.join(dir, "rondom.sqlite")));
    expect(modeOf(dir).toString(8)).toBe("755");
  });

  it("creates the answer-seal key file 0600, and narrows one that is readable", () => {
    const dir = tempDir();
    const file = path.join(dir, "keys", "rondom.sqlite");
    withUsualUmask(() => sealKeyForDatabaseFile(file, {}));
    expect(modeOf(sealKeyFileFor(file)).toString(8)).toBe("600");
    expect(modeOf(path.dirname(file)).toString(8)).toBe("700");

    const older = path.join(dir, "older.sqlite");
    fs.writeFileSync(sealKeyFileFor(older), `${Buffer.alloc(32, 7).toString("base64")}\n`);
    fs.chmodSync(sealKeyFileFor(older), 0o644);
    withUsualUmask(() => sealKeyForDatabaseFile(older, {}));
    expect(modeOf(sealKeyFileFor(older)).toString(8)).toBe("600");
  });
});
