import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { migrationProvider } from "#db/migrations";
import { createEmptyDatabase } from "../../support/database";
import { UNIQUE_VIOLATION } from "../../support/constraint-errors";

// Migration 0006 (one voice per rater) on a database from before it, which may hold the very
// pairs the rule forbids (a rater withdrawn and invited again): it must not fail on them,
// keep them all, mark every later one, and hold the rule for everything after it.

const AT = "2030-01-01T00:00:00.000Z";
const LATER = "2030-01-05T00:00:00.000Z";

describe("migration 0006-one-voice", () => {
  it("keeps and marks the duplicates of an earlier database, then refuses new ones", async () => {
    const db = await createEmptyDatabase();
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo("0005-team-profiles")).error).toBeUndefined();

    await db
      .insertInto("organisation")
      .values({ id: "org", name: "Gemeente", created_at: AT })
      .execute();
    const person = (id: string) => ({
      id,
      organisation_id: "org",
      first_name: id,
      last_name: "Test",
      email: `${id}@example.test`,
      created_at: AT,
      updated_at: AT,
    });
    await db
      .insertInto("person")
      .values([person("anna"), person("bram")])
      .execute();
    await db
      .insertInto("cycle")
      .values({
        id: "c",
        organisation_id: "org",
        name: "Ronde",
        profile_key: "p",
        status: "collecting",
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db
      .insertInto("participant")
      .values({ id: "p-anna", cycle_id: "c", person_id: "anna", created_at: AT })
      .execute();
    const invitation = (id: string, personId: string | null, email: string, createdAt: string) => ({
      id,
      cycle_id: "c",
      participant_id: "p-anna",
      relationship: "colleague" as const,
      rater_person_id: personId,
      rater_name: id,
      rater_email: email,
      token_hash: `hash-${id}`,
      status: "open" as "open" | "submitted",
      revoked_at: null as string | null,
      created_at: createdAt,
    });
    await db
      .insertInto("invitation")
      .values([
        // Bram answered, was withdrawn and was invited again: two voices.
        {
          ...invitation("bram-1", "bram", "bram@example.test", AT),
          status: "submitted",
          revoked_at: LATER,
        },
        invitation("bram-2", "bram", "bram@example.test", LATER),
        // An outsider twice, the second time in capitals.
        invitation("klant-1", null, "klant@extern.example", AT),
        invitation("klant-2", null, " KLANT@extern.example", LATER),
        invitation("other", null, "ander@extern.example", AT),
      ])
      .execute();
    const nomination = (id: string, email: string) => ({
      id,
      participant_id: "p-anna",
      relationship: "customer" as const,
      rater_person_id: null,
      rater_name: id,
      rater_email: email,
      created_at: AT,
    });
    await db
      .insertInto("nomination")
      .values([
        nomination("n-a", "dubbel@extern.example"),
        nomination("n-b", "Dubbel@Extern.example"),
      ])
      .execute();

    const migrated = await migrator.migrateToLatest();
    expect(migrated.error).toBeUndefined();
    expect(migrated.results?.[0]?.migrationName).toBe("0006-one-voice");

    const marks = await db
      .selectFrom("invitation")
      .select(["id", "legacy_duplicate"])
      .orderBy("id")
      .execute();
    expect(marks).toEqual([
      { id: "bram-1", legacy_duplicate: 0 },
      { id: "bram-2", legacy_duplicate: 1 },
      { id: "klant-1", legacy_duplicate: 0 },
      { id: "klant-2", legacy_duplicate: 1 },
      { id: "other", legacy_duplicate: 0 },
    ]);
    expect(
      await db.selectFrom("nomination").select(["id", "legacy_duplicate"]).orderBy("id").execute(),
    ).toEqual([
      { id: "n-a", legacy_duplicate: 0 },
      { id: "n-b", legacy_duplicate: 1 },
    ]);

    // From now on the database refuses a third voice, by person or by address.
    await expect(
      db
        .insertInto("invitation")
        .values(invitation("bram-3", "bram", "b.new@example.test", LATER))
        .execute(),
    ).rejects.toThrow(UNIQUE_VIOLATION);
    await expect(
      db
        .insertInto("invitation")
        .values(invitation("ander-2", null, "Ander@Extern.example", LATER))
        .execute(),
    ).rejects.toThrow(UNIQUE_VIOLATION);
    await db
      .insertInto("invitation")
      .values(invitation("new", null, "nieuw@extern.example", LATER))
      .execute();
  });
});
