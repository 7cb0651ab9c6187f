import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, type DB } from "#db/database";

// Databases of their own for test files on the run's PostgreSQL server (started in the
// global setup). A database is cloned from a template, which is much faster than migrating
// or seeding again: `rondom_template` is migrated once per run; seeded templates are made the
// first time a seed is asked for.

export const MIGRATED_TEMPLATE = "rondom_template";

export function postgresBaseUrl(): string {
  const url = process.env.RONDOM_TEST_POSTGRES_URL;
  if (!url) throw new Error("No test PostgreSQL server: the global setup did not start one");
  return url;
}

/** Runs `work` on a connection to the server's maintenance database. */
export async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${postgresBaseUrl()}postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(5).toString("hex")}`;
}

/** Opens the app's database layer on one database of the server. */
export function openPostgresDatabase(name: string): DB {
  // Few connections per test database: a run holds some hundred of them side by side.
  return createDatabase(`${postgresBaseUrl()}${name}`, { poolSize: 4 });
}

export async function createDatabaseFrom(template: string, name: string): Promise<void> {
  await onServer((client) =>
    client.query(`create database ${quoted(name)} template ${quoted(template)}`),
  );
}

export async function dropDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`drop database if exists ${quoted(name)} with (force)`));
}

/** A database cloned from `template`, opened; `cleanup` closes and drops it. */
export async function cloneDatabase(
  template: string,
): Promise<{ db: DB; name: string; url: string; cleanup: () => Promise<void> }> {
  const name = uniqueDatabaseName("t");
  await createDatabaseFrom(template, name);
  const db = openPostgresDatabase(name);
  return {
    db,
    name,
    url: `${postgresBaseUrl()}${name}`,
    cleanup: async () => {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}

/**
 * The template for `key`, made by `fill` the first time any worker asks (under an advisory
 * lock, so that two workers never make it twice or clone a half-filled one).
 */
export async function ensureTemplate(
  templateName: string,
  fill: (db: DB) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: `${postgresBaseUrl()}postgres` });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [templateName]);
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [
      templateName,
    ]);
    if (rowCount) return;
    const staging = uniqueDatabaseName("staging");
    await client.query(`create database ${quoted(staging)} template ${MIGRATED_TEMPLATE}`);
    const db = openPostgresDatabase(staging);
    try {
      await fill(db);
    } finally {
      await db.destroy();
    }
    await client.query(`alter database ${quoted(staging)} rename to ${quoted(templateName)}`);
  } finally {
    await client.end();
  }
}
