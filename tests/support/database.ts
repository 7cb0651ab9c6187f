import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, onTestFinished, vi } from "vitest";
import { sealKeyFileFor } from "#db/answer-seal";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { DEFAULT_DEMO_SEED, seedDemo } from "#db/seed/demo";
import { NOW } from "./clock";
import { builtInProfiles, demoProfile } from "./demo-cast";
import { insertionOrder, onPostgres } from "./dialect";
import {
  cloneDatabase,
  dropDatabase,
  ensureTemplate,
  MIGRATED_TEMPLATE,
  onServer,
  openPostgresDatabase,
  uniqueDatabaseName,
} from "./postgres/databases";

// Test databases: real SQLite files, migrated, one of their own per test file (never a mock);
// in the `postgres` project, databases of their own on a real PostgreSQL server instead.

/** The database in a test's own temporary folder, and how to remove both afterwards. */
function openedIn(db: DB, dir: string, file: string) {
  return {
    db,
    file,
    url: `file:${file}`,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestDatabase = {
  db: DB;
  /** The SQLite file ("" on PostgreSQL). */
  file: string;
  /** DATABASE_URL of the same database, e.g. to open it again as a second app instance. */
  url: string;
  cleanup: () => Promise<void>;
};

/** A fresh, migrated SQLite file of its own (not a mock), removed by `cleanup`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (onPostgres) {
    const { db, url, cleanup } = await cloneDatabase(MIGRATED_TEMPLATE);
    return { db, file: "", url, cleanup };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  return openedIn(db, dir, file);
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
): Promise<TestDatabase> {
  if (onPostgres) {
    const template = `seeded_${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
    await ensureTemplate(template, seed);
    const { db, url, cleanup } = await cloneDatabase(template);
    return { db, file: "", url, cleanup };
  }
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
  return openedIn(db, dir, file);
}

/**
 * An empty database file with no migration applied, for the migration tests; removed when
 * the test that made it has finished.
 */
export async function createEmptyDatabase(): Promise<DB> {
  if (onPostgres) {
    const name = uniqueDatabaseName("empty");
    await onServer((client) => client.query(`create database "${name}" template template0`));
    const db = openPostgresDatabase(name);
    onTestFinished(async () => {
      await db.destroy();
      await dropDatabase(name);
    });
    return db;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-migrations-"));
  const db = createDatabase(`file:${path.join(dir, "empty.sqlite")}`);
  onTestFinished(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/**
 * A fresh, migrated database of its own with the demo seeded into it (dated relative to
 * NOW). Call it while the clock is frozen (useTestDatabase does that for the whole file).
 * It is a copy of a template seeded once per run; `fresh` seeds anew (for tests of the
 * seeding itself).
 */
export async function createDemoDatabase(
  options: { seed?: string; fresh?: boolean } = {},
): Promise<TestDatabase> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const seedInto = (fresh: DB) =>
    seedDemo(fresh, {
      profile: demoProfile(),
      libraryProfiles: builtInProfiles(),
      seed,
      today: NOW,
    });
  if (options.fresh) {
    const fresh = await createTestDatabase();
    await seedInto(fresh.db);
    return fresh;
  }
  return createSeededTestDatabase(`demo:${seed}:${NOW.toISOString()}`, seedInto);
}

/**
 * A fresh, migrated test database for the whole file, installed as the app's database
 * singleton (what `getDb()` returns) before any loader or action runs. With `seed` it holds
 * the demo municipality (dated relative to NOW). With `freezeClock` (the default)
 * `new Date()` returns NOW for the whole file, so nothing depends on the wall clock
 * (rate-limit windows, expiry).
 */
export function useTestDatabase(options: { seed?: boolean; freezeClock?: boolean } = {}): {
  readonly db: DB;
  /** DATABASE_URL of the same database (to open a second app instance on it). */
  readonly url: string;
} {
  const holder: { db?: DB; url?: string; cleanup?: () => Promise<void> } = {};
  beforeAll(async () => {
    if (options.freezeClock ?? true) vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const { db, url, cleanup } = options.seed
      ? await createDemoDatabase()
      : await createTestDatabase();
    holder.db = db;
    holder.url = url;
    holder.cleanup = cleanup;
    globalThis.__rondomDatabase = Promise.resolve(db);
  });
  afterAll(async () => {
    globalThis.__rondomDatabase = undefined;
    await holder.cleanup?.();
    vi.useRealTimers();
  });
  return {
    get db(): DB {
      if (!holder.db) throw new Error("The test database is not ready yet");
      return holder.db;
    },
    get url(): string {
      if (!holder.url) throw new Error("The test database is not ready yet");
      return holder.url;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Reading back what the app wrote.

export async function countRows(
  db: DB,
  table: "sign_in_token" | "email_outbox" | "session" | "audit_log",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The audit actions by or about the person (failed codes name the account as the subject,
 * since whoever typed them is unknown), in the order they were logged.
 */
export async function auditActions(db: DB, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("action")
    .where((eb) =>
      eb.or([
        eb("actor_person_id", "=", personId),
        eb.and([eb("subject_type", "=", "person"), eb("subject_id", "=", personId)]),
      ]),
    )
    .orderBy(insertionOrder())
    .execute();
  return rows.map((row) => row.action);
}
