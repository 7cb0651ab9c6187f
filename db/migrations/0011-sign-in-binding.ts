import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder (no app code), so it runs on SQLite and PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The browser that asked for a sign-in: the hash of a random value kept in that browser's
  // signed pending sign-in cookie (app/auth/sign-in.server.ts). Its code works only there,
  // and its link signs in elsewhere only after a confirmation that names who will be signed
  // in. Null for sign-ins made before this migration (bound to no browser).
  await db.schema.alterTable("sign_in_token").addColumn("browser_hash", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("sign_in_token").dropColumn("browser_hash").execute();
}
