import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator, sql, type RawBuilder } from "kysely";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  answerSealKey,
  SEAL_KEY_ENV,
  SEAL_KEY_FILE_ENV,
  sealKeyFileFor,
  unsealText,
} from "#db/answer-seal";
import {
  COPY_ORDER,
  copyDatabase,
  CopyFailure,
  CopyRefusal,
  PRIMARY_KEYS,
  SELF_REFERENCES,
} from "#db/copy";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { migrationProvider } from "#db/migrations";
import type { Database } from "#db/schema";
import { DEFAULT_DEMO_SEED, seedDemo } from "#db/seed/demo";
import { NOW } from "../../support/clock";
import {
  createDemoDatabase,
  createEmptyDatabase,
  createTestDatabase,
} from "../../support/database";
import { builtInProfiles, demoProfile } from "../../support/demo-cast";
import { onPostgres } from "../../support/dialect";
import {
  dropDatabase,
  onServer,
  postgresBaseUrl,
  uniqueDatabaseName,
} from "../../support/postgres/databases";

// `npm run db:copy` (db/copy.ts): a SQLite installation, the demo with a row in every table,
// copied into an empty database of the project's dialect: PostgreSQL in the `postgres`
// project (the move it is made for), another SQLite file in the `sqlite` project. The source
// is a SQLite file in both, made here: in the `postgres` project createTestDatabase() would
// give a PostgreSQL database.

type Row = Record<string, unknown>;

const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("db/cli/copy.ts");

let dir: string;
let source: DB;
let sourceFile: string;
/** The operator's environment: no key configured, so the key file next to the database. */
const unconfigured = {};

/** The demo in a SQLite file, sealed with the key file next to it, as an installation is. */
async function sqliteDemo(file: string): Promise<DB> {
  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  vi.stubEnv(SEAL_KEY_ENV, undefined);
  try {
    await seedDemo(db, {
      profile: demoProfile(),
      libraryProfiles: builtInProfiles(),
      seed: DEFAULT_DEMO_SEED,
      today: NOW,
    });
  } finally {
    vi.unstubAllEnvs();
  }
  await fillTheDemosEmptyTables(db);
  return db;
}

/** A row or two in each table the demo leaves empty, with nulls and awkward text. */
async function fillTheDemosEmptyTables(db: DB): Promise<void> {
  const at = NOW.toISOString();
  const organisation = await db.selectFrom("organisation").select("id").executeTakeFirstOrThrow();
  const [first, second] = await db
    .selectFrom("person")
    .select("id")
    .orderBy("id")
    .limit(2)
    .execute();
  const invitation = await db.selectFrom("invitation").select("id").executeTakeFirstOrThrow();
  const personId = first!.id;
  const text = "Eerste regel\r\nTweede — “aanhalingstekens” 'enkel' \\ é ü ß 中文 😀\ttab";
  await db
    .insertInto("session")
    .values({
      id: "sessie-1",
      person_id: personId,
      created_at: at,
      expires_at: at,
      last_seen_at: at,
    })
    .execute();
  await db
    .insertInto("sign_in_token")
    .values({
      id: "aanmelding-1",
      person_id: personId,
      link_token_hash: "link-hash",
      code_hash: "code-hash",
      failed_attempts: 2,
      created_at: at,
      expires_at: at,
      used_at: null,
      browser_hash: null,
    })
    .execute();
  await db
    .insertInto("address_change")
    .values({
      id: "adres-1",
      organisation_id: organisation.id,
      person_id: second!.id,
      old_email: "oud@voorbeeld.nl",
      new_email: "nieuw@voorbeeld.nl",
      token_hash: "adres-hash",
      requested_by_person_id: null,
      requested_at: at,
      expires_at: at,
      confirmed_at: null,
      cancelled_at: at,
    })
    .execute();
  await db
    .insertInto("rate_limit")
    .values({ key: "aanmelden:1.2.3.4", window_start: at, count: 7 })
    .execute();
  await db
    .insertInto("email_outbox")
    .values({
      id: "mail-1",
      organisation_id: organisation.id,
      kind: "reminder",
      to_address: "rater@voorbeeld.nl",
      to_name: null,
      locale: "nl",
      subject: text,
      text_body: text,
      html_body: "<p>&amp;</p>",
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
      reference: JSON.stringify({ type: "rater-links" }),
    })
    .execute();
  await db
    .insertInto("email_outbox_invitation")
    .values({ outbox_id: "mail-1", invitation_id: invitation.id })
    .execute();
  await db
    .insertInto("audit_log")
    .values([
      {
        id: "audit-1",
        organisation_id: organisation.id,
        actor_person_id: personId,
        action: "person.updated",
        subject_type: "person",
        subject_id: second!.id,
        details: JSON.stringify({ changed: ["email"] }),
        created_at: at,
      },
      {
        id: "audit-2",
        organisation_id: null,
        actor_person_id: null,
        action: "sign-in.failed",
        subject_type: null,
        subject_id: null,
        details: null,
        created_at: at,
      },
    ])
    .execute();
  await db
    .insertInto("staged_import")
    .values({
      id: "import-1",
      organisation_id: organisation.id,
      created_by_person_id: null,
      file_name: "mensen.csv",
      content: text,
      created_at: at,
    })
    .execute();
  await db
    .insertInto("staged_profile_import")
    .values({
      id: "profiel-import-1",
      organisation_id: organisation.id,
      created_by_person_id: personId,
      file_name: null,
      name: "Geplakt profiel",
      content: text,
      created_at: at,
    })
    .execute();
}

/** A table's rows as comparable text, in no particular order (columns sorted by name). */
async function rowsOf(db: DB, table: keyof Database): Promise<string[]> {
  const rows: Row[] = await db.selectFrom(table).selectAll().execute();
  return rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort()))).sort();
}

async function expectSameRows(copy: DB, original: DB = source): Promise<void> {
  for (const table of COPY_ORDER) {
    const expected = await rowsOf(original, table);
    const actual = await rowsOf(copy, table);
    expect(actual.length, table).toBe(expected.length);
    expect(actual, table).toEqual(expected);
  }
}

async function rowCounts(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COPY_ORDER) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const nothing = Object.fromEntries(COPY_ORDER.map((table) => [table, 0]));

/** The source's SQLite file copied whole, with its key file (for a source of one test). */
async function copyOfSource(name: string): Promise<{ db: DB; file: string }> {
  const file = path.join(dir, `${name}.sqlite`);
  await sql`vacuum into ${file}`.execute(source);
  fs.copyFileSync(sealKeyFileFor(sourceFile), sealKeyFileFor(file));
  const db = createDatabase(`file:${file}`);
  onTestFinished(() => db.destroy());
  return { db, file };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-copy-"));
  sourceFile = path.join(dir, "rondom.sqlite");
  source = await sqliteDemo(sourceFile);
}, 60_000);

afterAll(async () => {
  await source?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

describe("the tables db:copy copies", () => {
  it("are every table the migrations make, with their primary keys, parents first", async () => {
    const { rows: tables } = await sql<{ name: string }>`
      select name from sqlite_master
      where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
    `.execute(source);
    expect([...COPY_ORDER].sort()).toEqual(tables.map((table) => table.name).sort());

    for (const [position, table] of COPY_ORDER.entries()) {
      const { rows: columns } = await sql<{ name: string; pk: number }>`
        select name, pk from pragma_table_info(${table})
      `.execute(source);
      const key = columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name);
      expect(PRIMARY_KEYS[table], table).toEqual(key);

      const { rows: references } = await sql<{ table: string; from: string }>`
        select "table", "from" from pragma_foreign_key_list(${table})
      `.execute(source);
      for (const reference of references) {
        const where = `${table}.${reference.from} → ${reference.table}`;
        if (reference.table === table) {
          expect(SELF_REFERENCES[table], where).toBe(reference.from);
        } else {
          expect(COPY_ORDER.indexOf(reference.table as keyof Database), where).toBeLessThan(
            position,
          );
        }
      }
    }
  });
});

describe("copying a SQLite installation", () => {
  it("copies every row of every table exactly, and the copy opens with the same key", async () => {
    const before = await rowCounts(source);
    for (const table of COPY_ORDER)
      expect(before[table], `${table} in the source`).toBeGreaterThan(0);
    const scores = await source.selectFrom("competency_score").select("others_mean").execute();
    expect(scores.some((score) => !Number.isInteger(score.others_mean))).toBe(true);
    const unrated = await source
      .selectFrom("rating")
      .select("score")
      .where("score", "is", null)
      .execute();
    expect(unrated.length).toBeGreaterThan(0);

    const target = await createEmptyDatabase();
    const copied: string[] = [];
    const report = await copyDatabase(source, target, {
      env: unconfigured,
      batchRows: 50,
      onTableCopied: ({ table }) => copied.push(table),
    });

    expect(copied).toEqual(COPY_ORDER);
    expect(Object.fromEntries(report.tables.map(({ table, rows }) => [table, rows]))).toEqual(
      before,
    );
    expect(report.cleared).toEqual([]);
    await expectSameRows(target);
    expect(await rowCounts(source)).toEqual(before);

    // The key file next to the SQLite database: the operator is told to point to it.
    const keyFile = sealKeyFileFor(sourceFile);
    expect(report.sealKey.origin).toEqual({ kind: "file", file: keyFile, configured: false });
    expect(report.sealKey.text).toContain(`${SEAL_KEY_FILE_ENV}=${keyFile}`);
    const key = await answerSealKey(target, { [SEAL_KEY_FILE_ENV]: keyFile });
    const sealed = await target.selectFrom("sealed_answer").selectAll().executeTakeFirstOrThrow();
    expect(() => unsealText(key, "answer", sealed.cycle_id, sealed.sealed)).not.toThrow();
    await expect(
      answerSealKey(target, { [SEAL_KEY_ENV]: Buffer.alloc(32, 1).toString("base64") }),
    ).rejects.toThrow(/hoort niet bij deze database/);
  }, 60_000);

  it("migrates the target first and replaces what an app started on an empty one made", async () => {
    const target = await createEmptyDatabase();
    await migrateToLatest(target);
    await target
      .insertInto("instance_secret")
      .values({ name: "session-keys", value: "van de lege database", created_at: "2026-01-01" })
      .execute();
    const report = await copyDatabase(source, target, { env: unconfigured });
    expect(report.cleared).toEqual([{ table: "instance_secret", rows: 1 }]);
    expect(await rowsOf(target, "instance_secret")).toEqual(
      await rowsOf(source, "instance_secret"),
    );
  }, 60_000);

  it("refuses a target that holds an organisation, and changes nothing in it", async () => {
    const target = await createTestDatabase();
    onTestFinished(() => target.cleanup());
    await target.db
      .insertInto("organisation")
      .values({ id: "andere", name: "Een andere gemeente", created_at: NOW.toISOString() })
      .execute();
    const before = await rowCounts(target.db);

    const refused = copyDatabase(source, target.db, { env: unconfigured });
    await expect(refused).rejects.toThrow(CopyRefusal);
    await expect(refused).rejects.toThrow(/bevat al gegevens.*\/ The target database already/);
    expect(await rowCounts(target.db)).toEqual(before);
  });

  it("refuses a source that is not at the latest migration, before touching the target", async () => {
    const old = createDatabase(`file:${path.join(dir, "old.sqlite")}`);
    onTestFinished(() => old.destroy());
    const names = Object.keys(await migrationProvider.getMigrations());
    const migrator = new Migrator({ db: old, provider: migrationProvider });
    await migrator.migrateTo(names.at(-2)!);
    const target = await createEmptyDatabase();

    const refused = copyDatabase(old, target, { env: unconfigured });
    await expect(refused).rejects.toThrow(CopyRefusal);
    await expect(refused).rejects.toThrow(/npm run db:migrate/);
    expect(await target.introspection.getTables()).toEqual([]);
  });

  it("refuses a configured seal key the source's answers were not sealed with", async () => {
    const target = await createEmptyDatabase();
    const other = { [SEAL_KEY_ENV]: Buffer.alloc(32, 9).toString("base64") };
    await expect(copyDatabase(source, target, { env: other })).rejects.toThrow(
      /hoort niet bij de brondatabase/,
    );
    const missing = { [SEAL_KEY_FILE_ENV]: path.join(dir, "weg.key") };
    await expect(copyDatabase(source, target, { env: missing })).rejects.toThrow(
      /niet gevonden \(.*weg\.key\)/,
    );
    // The key file named by ANSWER_SEAL_KEY_FILE is the right one: copied, and said so.
    const keyFile = sealKeyFileFor(sourceFile);
    const report = await copyDatabase(source, target, { env: { [SEAL_KEY_FILE_ENV]: keyFile } });
    expect(report.sealKey.text).toContain(`dezelfde ${SEAL_KEY_FILE_ENV}=${keyFile}`);
  }, 60_000);

  it("leaves the target empty when it fails half-way", async () => {
    // A source with a row whose parent is missing (foreign keys off while it is written): the
    // last table fails on the target, after every other one was written.
    const broken = await copyOfSource("broken");
    await sql`pragma foreign_keys = off`.execute(broken.db);
    await broken.db
      .insertInto("audit_log")
      .values({
        id: "zwerver",
        organisation_id: "bestaat-niet",
        actor_person_id: null,
        action: "x",
        subject_type: null,
        subject_id: null,
        details: null,
        created_at: NOW.toISOString(),
      })
      .execute();
    expect(COPY_ORDER.at(-1)).toBe("audit_log");
    const target = await createEmptyDatabase();

    const copied: string[] = [];
    const failed = copyDatabase(broken.db, target, {
      env: unconfigured,
      onTableCopied: ({ table }) => copied.push(table),
    });
    await expect(failed).rejects.toThrow(CopyFailure);
    await expect(failed).rejects.toThrow(/tabel audit_log/);
    expect(copied.length).toBe(COPY_ORDER.length - 1);
    expect(await rowCounts(target)).toEqual(nothing);
  }, 60_000);
});

// Both directions need the PostgreSQL server; the SQLite → SQLite copies above are their
// counterpart in the `sqlite` project.
describe.skipIf(!onPostgres)("copying from PostgreSQL", () => {
  it("copies back into SQLite exactly", async () => {
    const postgres = await createEmptyDatabase();
    await copyDatabase(source, postgres, { env: unconfigured });
    const back = createDatabase(`file:${path.join(dir, "back.sqlite")}`);
    onTestFinished(() => back.destroy());
    // From PostgreSQL the key is only ever configured: here the source's key file.
    const env = { [SEAL_KEY_FILE_ENV]: sealKeyFileFor(sourceFile) };
    await copyDatabase(postgres, back, { env });
    await expectSameRows(back);
  }, 60_000);

  it("inserts answers in key order, whatever order the source keeps them in", async () => {
    // The demo seeded on PostgreSQL: its answers lie in the order they came in or were
    // published, which is not their key order.
    const demo = await createDemoDatabase();
    onTestFinished(() => demo.cleanup());
    const target = await createEmptyDatabase();
    await copyDatabase(demo.db, target, { env: process.env, batchRows: 50 });

    const tables = ["response", "rating", "comment", "sealed_answer"] as const;
    const keyOf = (table: (typeof tables)[number]) =>
      table === "rating" ? sql`response_id || ' ' || indicator_id` : sql`id`;
    const keysIn = async (db: DB, table: (typeof tables)[number], order: RawBuilder<unknown>) => {
      const { rows } = await sql<{ key: string }>`
        select ${keyOf(table)} as key from ${sql.table(table)} order by ${order}
      `.execute(db);
      return rows.map((row) => row.key);
    };
    const inKeyOrder = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const table of tables) {
      const original = await keysIn(demo.db, table, sql`ctid`);
      expect(original.length, table).toBeGreaterThan(50);
      expect(original, `${table} in the source`).not.toEqual(inKeyOrder(original));
      // cmin: the statement of the copy's one transaction that inserted the row. (Physical
      // order, ctid, follows insertion only roughly: a later, shorter row may fill an
      // earlier page's gap.)
      const copied = await keysIn(target, table, sql`cmin::text::bigint, ${keyOf(table)}`);
      expect(copied, table).toEqual(inKeyOrder(original));
    }
  }, 60_000);
});

describe("npm run db:copy", () => {
  it("copies, prints a summary, and refuses to copy into the same target twice", async () => {
    let to: string;
    if (onPostgres) {
      const name = uniqueDatabaseName("copy");
      await onServer((client) => client.query(`create database "${name}" template template0`));
      onTestFinished(() => dropDatabase(name));
      to = `${postgresBaseUrl()}${name}`;
    } else {
      to = `file:${path.join(dir, "cli-target.sqlite")}`;
    }
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env[SEAL_KEY_ENV];
    delete env[SEAL_KEY_FILE_ENV];
    const run = () =>
      spawnSync(TSX, [CLI, "--from", `file:${sourceFile}`, "--to", to], { encoding: "utf8", env });

    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Gekopieerd \(rijen per tabel\):/);
    expect(first.stdout).toMatch(/\n {2}rating +\d{1,3}(\.\d{3})*\n/);
    expect(first.stdout).toMatch(/\n {2}totaal +[\d.]+ {2}in [\d,]+ s\n/);
    expect(first.stdout).toContain(`${SEAL_KEY_FILE_ENV}=${sealKeyFileFor(sourceFile)}`);
    if (onPostgres) expect(first.stdout).not.toContain(new URL(to).password);

    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("De doeldatabase bevat al gegevens");
    expect(second.stderr).toContain("The target database already holds data");
  }, 60_000);
});
