import { beforeAll, describe, expect, it } from "vitest";
import { startNominating } from "~/cycles/lifecycle.server";
import {
  adoptBuiltInsInUse,
  currentVersionFor,
  findLibraryProfile,
  listLibrary,
  profileChoices,
  readProfileVersion,
  reinstateProfile,
  retireProfile,
  saveProfileVersion,
} from "~/profiles/library.server";
import type { Profile } from "~/profiles/schema";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { useTestDatabase } from "../../support/database";
import {
  createOtherOrganisation,
  demoProfile,
  loadCast,
  type DemoCast,
} from "../../support/demo-cast";
import { cycleRow, draftCycleWithTeam } from "../../support/draft-cycles";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

/** The demo profile under another key, so each test has a library entry of its own. */
function profileWithKey(key: string, change: (profile: Profile) => void = () => {}): Profile {
  const profile = structuredClone(demoProfile());
  profile.id = key;
  profile.name = `Profiel ${key}`;
  change(profile);
  return profile;
}

const firstIndicator = (profile: Profile) => profile.clusters[0]!.competencies[0]!.indicators[0]!;

describe("the profile library", () => {
  it("keeps each change of wording as a new version, with the same keys", async () => {
    const organisationId = cast.organisationId;
    const first = await saveProfileVersion(test.db, {
      organisationId,
      personId: cast.hr.id,
      profile: profileWithKey("versies"),
    });
    expect(first).toMatchObject({ status: "created", version: 1 });

    const same = await saveProfileVersion(test.db, {
      organisationId,
      personId: cast.hr.id,
      profile: profileWithKey("versies"),
    });
    expect(same).toEqual({ status: "unchanged", profileId: first.profileId, version: 1 });

    const reworded = profileWithKey("versies", (profile) => {
      firstIndicator(profile).text = "Kent de klantengroepen en hun wensen.";
    });
    const second = await saveProfileVersion(test.db, {
      organisationId,
      personId: cast.hr.id,
      profile: reworded,
    });
    expect(second).toEqual({ status: "new-version", profileId: first.profileId, version: 2 });

    const entry = await findLibraryProfile(test.db, organisationId, first.profileId);
    expect(entry?.versions.map((version) => [version.version, version.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    // The current version reads back as exactly what was saved: same keys, new wording.
    const current = await readProfileVersion(test.db, entry!.currentSnapshotId);
    expect(current).toEqual(reworded);
    expect(firstIndicator(current).id).toBe(firstIndicator(profileWithKey("versies")).id);
  });

  it("lets a round keep the version it started with when the profile changes afterwards", async () => {
    const original = profileWithKey("ronde-houdt-versie");
    await saveProfileVersion(test.db, {
      organisationId: cast.organisationId,
      personId: cast.hr.id,
      profile: original,
    });
    const cycleId = await draftCycleWithTeam(test.db, cast, { profileKey: "ronde-houdt-versie" });
    const outcome = await startNominating(test.db, {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
    });
    expect(outcome.status).toBe("done");

    await saveProfileVersion(test.db, {
      organisationId: cast.organisationId,
      personId: cast.hr.id,
      profile: profileWithKey("ronde-houdt-versie", (profile) => {
        firstIndicator(profile).text = "Een nieuwe formulering.";
      }),
    });

    const cycle = await cycleRow(test.db, cycleId);
    const questionnaire = await loadQuestionnaire(test.db, cycle.profile_snapshot_id!);
    expect(questionnaire.competencies[0]!.indicators[0]!.text).toBe(firstIndicator(original).text);
    expect(await currentVersionFor(test.db, cast.organisationId, "ronde-houdt-versie")).not.toBe(
      cycle.profile_snapshot_id,
    );
  });

  it("retires a profile only when no unfinished round uses it, and offers it no more", async () => {
    const saved = await saveProfileVersion(test.db, {
      organisationId: cast.organisationId,
      personId: cast.hr.id,
      profile: profileWithKey("met-pensioen"),
    });
    const cycleId = await draftCycleWithTeam(test.db, cast, { profileKey: "met-pensioen" });

    expect(await retireProfile(test.db, cast.organisationId, saved.profileId, cast.hr.id)).toEqual({
      status: "in-use",
      rounds: 1,
    });
    await test.db
      .updateTable("cycle")
      .set({ status: "released" })
      .where("id", "=", cycleId)
      .execute();
    expect(await retireProfile(test.db, cast.organisationId, saved.profileId, cast.hr.id)).toEqual({
      status: "retired",
    });

    const choices = await profileChoices(test.db, cast.organisationId);
    expect(choices.map((choice) => choice.id)).not.toContain("met-pensioen");
    expect(await currentVersionFor(test.db, cast.organisationId, "met-pensioen")).toBeNull();
    const listed = (await listLibrary(test.db, cast.organisationId)).find(
      (entry) => entry.key === "met-pensioen",
    );
    expect(listed?.retired).toBe(true);

    expect(await reinstateProfile(test.db, cast.organisationId, saved.profileId, cast.hr.id)).toBe(
      true,
    );
    expect(
      (await profileChoices(test.db, cast.organisationId)).map((choice) => choice.id),
    ).toContain("met-pensioen");
    const logged = await test.db
      .selectFrom("audit_log")
      .select(["action", "actor_person_id"])
      .where("subject_id", "=", saved.profileId)
      .execute();
    expect(logged.map((row) => row.action).sort()).toEqual([
      "profile_created",
      "profile_reinstated",
      "profile_retired",
    ]);
    expect(new Set(logged.map((row) => row.actor_person_id))).toEqual(new Set([cast.hr.id]));
  });

  it("belongs to one organisation: another organisation neither sees nor changes it", async () => {
    const saved = await saveProfileVersion(test.db, {
      organisationId: cast.organisationId,
      personId: cast.hr.id,
      profile: profileWithKey("eigen-profiel"),
    });
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    expect(await findLibraryProfile(test.db, other.organisationId, saved.profileId)).toBeNull();
    expect(
      await retireProfile(test.db, other.organisationId, saved.profileId, other.personId),
    ).toBeNull();
    expect(
      await reinstateProfile(test.db, other.organisationId, saved.profileId, other.personId),
    ).toBe(false);
    expect(await listLibrary(test.db, other.organisationId)).toEqual([]);
    expect(await profileChoices(test.db, other.organisationId)).toEqual([]);
  });

  it("adopts, for rounds from before the library, the built-in profiles they name", async () => {
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    const now = new Date().toISOString();
    await test.db
      .insertInto("cycle")
      .values({
        id: `oud-${other.organisationId}`,
        organisation_id: other.organisationId,
        name: "Ronde van voor de bibliotheek",
        profile_key: demoProfile().id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const unused = profileWithKey("niet-gebruikt");

    await adoptBuiltInsInUse(test.db, [demoProfile(), unused]);

    const keys = (await listLibrary(test.db, other.organisationId)).map((entry) => entry.key);
    expect(keys).toEqual([demoProfile().id]);
  });
});
