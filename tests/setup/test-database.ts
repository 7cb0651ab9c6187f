import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { sealKeyFileFor } from "#db/answer-seal";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { onTestFinished } from "vitest";

/** A fresh, migrated SQLite file of its own (not a mock), removed by `cleanup`. */
export async function createTestDatabase(): Promise<{
  db: DB;
  file: string;
  cleanup: () => Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  return {
    db,
    file,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh copy of a migrated database with the demo seeded by `seed` (which must seed the
 * same content for the same key). The first file that asks for a key seeds a template
 * (written to a temporary name, then renamed, so a parallel worker never copies half a
 * file); every later one copies it, which is much faster than seeding again.
 */
export async function createSeededTestDatabase(
  key: string,
  seed: (db: DB) => Promise<unknown>,
): Promise<{ db: DB; file: string; cleanup: () => Promise<void> }> {
  const templates = process.env.RONDOM_TEST_TEMPLATES;
  if (!templates) {
    const fresh = await createTestDatabase();
    await seed(fresh.db);
    return fresh;
  }
  const template = path.join(
    templates,
    `${createHash("sha256").update(key).digest("hex").slice(0, 16)}.sqlite`,
  );
  if (!fs.existsSync(template)) {
    const fresh = await createTestDatabase();
    await seed(fresh.db);
    // Closing the last connection checkpoints the WAL into the main file.
    await fresh.db.destroy();
    // The seal key first (the demo's drafts and collecting answers are sealed with it), so
    // a template that exists has its key, if it has one.
    if (fs.existsSync(sealKeyFileFor(fresh.file))) {
      const keyStaging = `${sealKeyFileFor(template)}.${process.pid}.tmp`;
      fs.copyFileSync(sealKeyFileFor(fresh.file), keyStaging);
      fs.renameSync(keyStaging, sealKeyFileFor(template));
    }
    const staging = `${template}.${process.pid}.tmp`;
    fs.copyFileSync(fresh.file, staging);
    fs.renameSync(staging, template);
    fs.rmSync(path.dirname(fresh.file), { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-test-"));
  const file = path.join(dir, "test.sqlite");
  fs.copyFileSync(template, file);
  if (fs.existsSync(sealKeyFileFor(template))) {
    fs.copyFileSync(sealKeyFileFor(template), sealKeyFileFor(file));
  }
  const db = createDatabase(`file:${file}`);
  return {
    db,
    file,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An empty database file with no migration applied, for the migration tests; removed when
 * the test that made it has finished.
 */
export function createEmptyDatabase(): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-migrations-"));
  const db = createDatabase(`file:${path.join(dir, "empty.sqlite")}`);
  onTestFinished(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
