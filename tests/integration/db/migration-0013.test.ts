import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrationProvider } from "#db/migrations";
import { createEmptyDatabase } from "../../support/database";

describe("migration 0013-profile-library", () => {
  it("numbers the snapshots rounds took as versions, and makes each latest the current one", async () => {
    const db = await createEmptyDatabase();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo("0012-address-index")).error).toBeUndefined();

    for (const id of ["org-a", "org-b"]) {
      await db
        .insertInto("organisation")
        .values({ id, name: id, created_at: "2030-01-01T00:00:00.000Z" })
        .execute();
    }
    const snapshot = (id: string, organisation: string, key: string, at: string) =>
      db
        .insertInto("profile_snapshot" as never)
        .values({
          id,
          organisation_id: organisation,
          profile_key: key,
          name: `${key} ${id}`,
          language: "nl",
          content_hash: id,
          not_applicable_label: "kan ik niet beoordelen",
          created_at: at,
        } as never)
        .execute();
    await snapshot("a-beleid-2", "org-a", "beleid", "2030-03-01T00:00:00.000Z");
    await snapshot("a-beleid-1", "org-a", "beleid", "2030-01-01T00:00:00.000Z");
    await snapshot("a-project-1", "org-a", "project", "2030-02-01T00:00:00.000Z");
    await snapshot("b-beleid-1", "org-b", "beleid", "2030-05-01T00:00:00.000Z");

    expect((await migrator.migrateTo("0013-profile-library")).error).toBeUndefined();

    const versions = await db
      .selectFrom("profile_snapshot")
      .select(["id", "version"])
      .orderBy("id")
      .execute();
    expect(versions).toEqual([
      { id: "a-beleid-1", version: 1 },
      { id: "a-beleid-2", version: 2 },
      { id: "a-project-1", version: 1 },
      { id: "b-beleid-1", version: 1 },
    ]);
    const profiles = await db
      .selectFrom("profile")
      .select(["organisation_id", "key", "name", "current_snapshot_id", "retired_at"])
      .orderBy("organisation_id")
      .orderBy("key")
      .execute();
    expect(profiles).toEqual([
      {
        organisation_id: "org-a",
        key: "beleid",
        name: "beleid a-beleid-2",
        current_snapshot_id: "a-beleid-2",
        retired_at: null,
      },
      {
        organisation_id: "org-a",
        key: "project",
        name: "project a-project-1",
        current_snapshot_id: "a-project-1",
        retired_at: null,
      },
      {
        organisation_id: "org-b",
        key: "beleid",
        name: "beleid b-beleid-1",
        current_snapshot_id: "b-beleid-1",
        retired_at: null,
      },
    ]);
    await db.destroy();
  });
});
