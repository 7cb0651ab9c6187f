import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder and plain queries (no app code), so it runs on SQLite and
// PostgreSQL and keeps doing what it did when the app changes.

// The organisation's profile library. A profile is an organisation's competency profile of
// one function; each change of wording makes a new version, and a version is the existing
// profile_snapshot (content-addressed, never changed once written). A round keeps the
// version it started with; the library points to the current one.

/** The tables this migration reads and writes, as they are at this point of the history. */
interface BackfillDatabase {
  profile_snapshot: {
    id: string;
    organisation_id: string;
    profile_key: string;
    name: string;
    created_at: string;
    version: number | null;
  };
  profile: {
    id: string;
    organisation_id: string;
    key: string;
    name: string;
    current_snapshot_id: string;
    retired_at: string | null;
    created_at: string;
    updated_at: string;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("profile_snapshot").addColumn("version", "integer").execute();
  await db.schema.alterTable("profile_snapshot").addColumn("description", "text").execute();
  await db.schema
    .alterTable("profile_snapshot")
    .addColumn("created_by_person_id", "text", (c) => c.references("person.id"))
    .execute();

  await db.schema
    .createTable("profile")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("current_snapshot_id", "text", (c) => c.notNull().references("profile_snapshot.id"))
    .addColumn("retired_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("profile_key_unique", ["organisation_id", "key"])
    .execute();

  // A profile text HR uploaded or pasted, kept between the upload and the confirmation of its
  // preview (like a people import); removed when confirmed or after a day.
  await db.schema
    .createTable("staged_profile_import")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("created_by_person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("file_name", "text")
    .addColumn("name", "text")
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await backfill(db as unknown as Kysely<BackfillDatabase>);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("staged_profile_import").execute();
  await db.schema.dropTable("profile").execute();
  await db.schema.alterTable("profile_snapshot").dropColumn("created_by_person_id").execute();
  await db.schema.alterTable("profile_snapshot").dropColumn("description").execute();
  await db.schema.alterTable("profile_snapshot").dropColumn("version").execute();
}

/**
 * The snapshots rounds took so far become the versions of their profiles, numbered in the
 * order they were made; each profile's latest is its current version.
 */
async function backfill(db: Kysely<BackfillDatabase>): Promise<void> {
  const snapshots = await db
    .selectFrom("profile_snapshot")
    .select(["id", "organisation_id", "profile_key", "name", "created_at"])
    .orderBy("organisation_id")
    .orderBy("profile_key")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const latest = new Map<string, (typeof snapshots)[number] & { version: number }>();
  for (const snapshot of snapshots) {
    const profileOf = `${snapshot.organisation_id}\u0000${snapshot.profile_key}`;
    const version = (latest.get(profileOf)?.version ?? 0) + 1;
    await db
      .updateTable("profile_snapshot")
      .set({ version })
      .where("id", "=", snapshot.id)
      .execute();
    latest.set(profileOf, { ...snapshot, version });
  }
  for (const snapshot of latest.values()) {
    await db
      .insertInto("profile")
      .values({
        id: randomBytes(16).toString("base64url"),
        organisation_id: snapshot.organisation_id,
        key: snapshot.profile_key,
        name: snapshot.name,
        current_snapshot_id: snapshot.id,
        retired_at: null,
        created_at: snapshot.created_at,
        updated_at: snapshot.created_at,
      })
      .execute();
  }
}
