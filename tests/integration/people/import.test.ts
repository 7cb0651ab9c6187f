import { beforeAll, describe, expect, it } from "vitest";
import { managerOf } from "~/cycles/manager";
import {
  applyImport,
  loadStagedImport,
  previewImport,
  stageImport,
  STAGED_IMPORT_MAX_AGE_MS,
} from "~/people/import.server";
import { retireProfile, saveProfileVersion } from "~/profiles/library.server";
import {
  builtInProfiles,
  createOtherOrganisation,
  demoProfile,
  loadCast,
  type DemoCast,
} from "../../support/demo-cast";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";
import { refuseInserts } from "../../support/failing-writes";
import { readFixture } from "../../support/fixtures/csv-files";
import {
  actorOf,
  peopleWithNumbers,
  snapshotOf,
  stageAndPreview,
  teamNamed,
} from "../../support/people-import";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

const HEADER = "Personeelsnummer;Voornaam;Achternaam;E-mail;Afdeling;Leidinggevende;Rol;Taal";

/** A clean file: a new department with a team, leads from the file, one person into a demo team. */
function cleanFile() {
  return [
    HEADER,
    "300001;Fatima;El Amrani;f.elamrani@import.example;Bedrijfsvoering;300001;;",
    "300002;Joost;van den Berg;j.vandenberg@import.example;Bedrijfsvoering > ICT;300002;;English",
    "300003;Ilse;Bakker;i.bakker@import.example;Bedrijfsvoering > ICT;j.vandenberg@import.example;HR;nl",
    `300004;Daan;Smit;d.smit@import.example;${cast.team.name};;;`,
  ].join("\r\n");
}

async function demoPeopleCount() {
  const row = await test.db
    .selectFrom("person")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", cast.organisationId)
    .where("is_active", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("the preview", () => {
  it("gives every row its outcome and writes nothing", async () => {
    const before = await snapshotOf(test.db, cast.organisationId);
    const member = cast.member;
    const english = cast.english;
    const file = [
      "personeelsnummer;voornaam;achternaam;email",
      `${member.employee_number};${member.first_name}-Jan;${member.last_name};${member.email}`,
      `${english.employee_number};${english.first_name};${english.last_name};${english.email.toUpperCase()}`,
      "300101;Nieuwe;Collega;nieuwe.collega@import.example",
      "300102;Foute;Regel;geen-adres",
    ].join("\n");
    const { preview } = await stageAndPreview(test.db, cast.hr, file);

    expect(preview.plan.rows.map((row) => [row.line, row.kind])).toEqual([
      [2, "changed"],
      [3, "unchanged"],
      [4, "new"],
      [5, "error"],
    ]);
    expect(preview.plan.rows[0]).toMatchObject({
      changes: [{ field: "firstName", from: member.first_name, to: `${member.first_name}-Jan` }],
    });
    expect(preview.plan.rows[3]).toMatchObject({ problems: [{ code: "emailInvalid" }] });
    // Everyone active who is not in the file is offered, except the HR admin importing.
    expect(preview.plan.counts.deactivationCandidates).toBe((await demoPeopleCount()) - 3);
    expect(preview.plan.deactivationCandidates.map((c) => c.personId)).not.toContain(cast.hr.id);
    expect(await snapshotOf(test.db, cast.organisationId)).toEqual(before);
  });

  it("is only for the HR of the organisation, and only for a day", async () => {
    const importId = await stageImport(test.db, actorOf(cast.hr), {
      fileName: "x.csv",
      content: cleanFile(),
    });
    const outsider = await createOtherOrganisation(test.db);
    const outsiderActor = { id: outsider.personId, organisationId: outsider.organisationId };
    expect(await previewImport(test.db, outsiderActor, importId)).toBeNull();
    expect(
      await applyImport(test.db, outsiderActor, {
        importId,
        planHash: "x",
        deactivatePersonIds: [],
      }),
    ).toEqual({ status: "not_found" });

    const aDayLater = new Date(NOW.getTime() + STAGED_IMPORT_MAX_AGE_MS + 1000);
    expect(await loadStagedImport(test.db, cast.organisationId, importId, aDayLater)).toBeNull();
    // Staging another upload a day later removes the old one.
    await stageImport(test.db, actorOf(cast.hr), { fileName: null, content: "a" }, aDayLater);
    const left = await test.db
      .selectFrom("staged_import")
      .select("id")
      .where("id", "=", importId)
      .executeTakeFirst();
    expect(left).toBeUndefined();
  });
});

describe("applying", () => {
  it("refuses a file with one bad row and changes nothing", async () => {
    const file = `${cleanFile()}\r\n300005;Kapot;Adres;kapot@;;;;`;
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, file);
    expect(preview.plan.counts.errors).toBe(1);
    const before = await snapshotOf(test.db, cast.organisationId);
    const result = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(result).toEqual({ status: "has_errors" });
    expect(await snapshotOf(test.db, cast.organisationId)).toEqual(before);
  });

  it("rolls back everything when writing fails half-way", async () => {
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, cleanFile());
    const before = await snapshotOf(test.db, cast.organisationId);
    // Teams are written first; the third person's insert then fails.
    const restore = await refuseInserts(test.db, "person", "simulated failure", {
      column: "employee_number",
      value: "300003",
    });
    try {
      await expect(
        applyImport(test.db, actorOf(cast.hr), {
          importId,
          planHash: preview.planHash,
          deactivatePersonIds: [],
        }),
      ).rejects.toThrow(/simulated failure/);
    } finally {
      await restore();
    }
    expect(await snapshotOf(test.db, cast.organisationId)).toEqual(before);
  });

  it("creates nested teams, people and leads in one go, and logs counts only", async () => {
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, cleanFile());
    expect(preview.plan.counts).toMatchObject({ new: 4, errors: 0, teamsToCreate: 2 });
    const result = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(result).toEqual({
      status: "applied",
      counts: {
        created: 4,
        updated: 0,
        unchanged: 0,
        reactivated: 0,
        deactivated: 0,
        teamsCreated: 2,
        teamsMoved: 0,
        leadsSet: 2,
        profilesSet: 0,
      },
    });

    const [fatima, joost, ilse, daan] = await peopleWithNumbers(test.db, cast.organisationId, [
      "300001",
      "300002",
      "300003",
      "300004",
    ]);
    const department = await teamNamed(test.db, cast.organisationId, "Bedrijfsvoering");
    const ict = await teamNamed(test.db, cast.organisationId, "ICT");
    expect(department).toMatchObject({ parent_team_id: null, lead_person_id: fatima!.id });
    expect(ict).toMatchObject({ parent_team_id: department!.id, lead_person_id: joost!.id });
    expect(fatima).toMatchObject({ team_id: department!.id, locale: "nl", is_active: 1 });
    expect(joost).toMatchObject({ team_id: ict!.id, locale: "en", last_name: "van den Berg" });
    expect(ilse).toMatchObject({ team_id: ict!.id, is_hr_admin: 1 });
    expect(daan).toMatchObject({ team_id: cast.team.id, is_hr_admin: 0 });
    // Nobody was deactivated without being ticked.
    expect(await demoPeopleCount()).toBeGreaterThan(4);

    const audit = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "people_imported")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_person_id: cast.hr.id, subject_id: null });
    const details = JSON.parse(audit[0]!.details ?? "{}") as Record<string, unknown>;
    expect(Object.values(details).every((value) => typeof value === "number")).toBe(true);
    // The staged file is gone once applied.
    expect(await loadStagedImport(test.db, cast.organisationId, importId)).toBeNull();
  });

  it("finds everything unchanged when the same file comes again", async () => {
    const before = await snapshotOf(test.db, cast.organisationId);
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, cleanFile());
    expect(preview.plan.rows.map((row) => row.kind)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(preview.plan.teamsToCreate).toEqual([]);
    expect(preview.plan.leadChanges).toEqual([]);
    const result = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(result).toMatchObject({ status: "applied", counts: { created: 0, updated: 0 } });
    expect(await snapshotOf(test.db, cast.organisationId)).toEqual(before);
  });

  it("deactivates only the people HR ticks, ending their leads, and reactivates them later", async () => {
    // The next export no longer has Joost (the lead of ICT) and Daan.
    const lines = cleanFile().split("\r\n");
    const without = [lines[0], lines[1], lines[3]?.replace("j.vandenberg@import.example", "")].join(
      "\n",
    );
    const [joost, daan] = await peopleWithNumbers(test.db, cast.organisationId, [
      "300002",
      "300004",
    ]);
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, without);
    const offered = preview.plan.deactivationCandidates.map((candidate) => candidate.personId);
    expect(offered).toEqual(expect.arrayContaining([joost!.id, daan!.id]));
    expect(preview.plan.deactivationCandidates.find((c) => c.personId === joost!.id)).toMatchObject(
      {
        ledTeams: ["ICT"],
      },
    );

    const result = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [joost!.id],
    });
    expect(result).toMatchObject({ status: "applied", counts: { deactivated: 1 } });
    const [joostAfter, daanAfter] = await peopleWithNumbers(test.db, cast.organisationId, [
      "300002",
      "300004",
    ]);
    expect(joostAfter!.is_active).toBe(0);
    expect(daanAfter!.is_active).toBe(1);
    expect((await teamNamed(test.db, cast.organisationId, "ICT"))!.lead_person_id).toBeNull();
    const deactivations = await test.db
      .selectFrom("audit_log")
      .select(["subject_type", "subject_id"])
      .where("action", "=", "person_deactivated")
      .execute();
    expect(deactivations).toEqual([{ subject_type: "person", subject_id: joost!.id }]);

    // The full file again: Joost comes back, and leads ICT again.
    const again = await stageAndPreview(test.db, cast.hr, cleanFile());
    expect(again.preview.plan.rows[1]).toMatchObject({
      kind: "changed",
      changes: [{ field: "active", from: "inactive", to: "active" }],
    });
    const reapplied = await applyImport(test.db, actorOf(cast.hr), {
      importId: again.importId,
      planHash: again.preview.planHash,
      deactivatePersonIds: [],
    });
    expect(reapplied).toMatchObject({ status: "applied", counts: { reactivated: 1, leadsSet: 1 } });
    expect((await teamNamed(test.db, cast.organisationId, "ICT"))!.lead_person_id).toBe(joost!.id);
  });

  it("refuses a deactivation that was not offered", async () => {
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, cleanFile());
    const [fatima] = await peopleWithNumbers(test.db, cast.organisationId, ["300001"]);
    for (const personId of [fatima!.id, cast.hr.id, cast.inactive.id, "no-such-person"]) {
      const result = await applyImport(test.db, actorOf(cast.hr), {
        importId,
        planHash: preview.planHash,
        deactivatePersonIds: [personId],
      });
      expect(result, personId).toEqual({ status: "invalid_selection" });
    }
  });

  it("refuses when the data changed after the preview, and then applies the new preview", async () => {
    const file = cleanFile().replace("Fatima;El Amrani", "Fatima;El Amrani-Smit");
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, file);
    // Meanwhile someone edits Fatima by hand.
    await test.db
      .updateTable("person")
      .set({ first_name: "Fatma" })
      .where("employee_number", "=", "300001")
      .execute();
    const before = await snapshotOf(test.db, cast.organisationId);
    const stale = await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(stale).toEqual({ status: "stale" });
    expect(await snapshotOf(test.db, cast.organisationId)).toEqual(before);

    const fresh = await previewImport(test.db, actorOf(cast.hr), importId);
    expect(fresh!.planHash).not.toBe(preview.planHash);
    expect(
      await applyImport(test.db, actorOf(cast.hr), {
        importId,
        planHash: fresh!.planHash,
        deactivatePersonIds: [],
      }),
    ).toMatchObject({ status: "applied", counts: { updated: 1 } });
    const [fatima] = await peopleWithNumbers(test.db, cast.organisationId, ["300001"]);
    expect(fatima).toMatchObject({ first_name: "Fatima", last_name: "El Amrani-Smit" });
  });

  it("moves an existing team under the team the file names", async () => {
    const file = [
      "personeelsnummer;naam;email;team",
      `300004;Daan Smit;d.smit@import.example;Bedrijfsvoering > ${cast.team.name}`,
    ].join("\n");
    const { importId, preview } = await stageAndPreview(test.db, cast.hr, file);
    expect(preview.plan.teamMoves).toEqual([
      {
        teamId: cast.team.id,
        name: cast.team.name,
        fromParent: cast.department.name,
        toParent: "Bedrijfsvoering",
      },
    ]);
    await applyImport(test.db, actorOf(cast.hr), {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    const moved = await teamNamed(test.db, cast.organisationId, cast.team.name);
    const department = await teamNamed(test.db, cast.organisationId, "Bedrijfsvoering");
    expect(moved!.parent_team_id).toBe(department!.id);
  });
});

describe("the manager column", () => {
  /** A municipality of its own with only its HR admin, to import the fixtures into. */
  async function emptyMunicipality() {
    const { organisationId, personId } = await createOtherOrganisation(test.db, {
      isHrAdmin: true,
    });
    return { id: personId, organisationId };
  }

  async function stage(actor: { id: string; organisationId: string }, fixture: string) {
    const importId = await stageImport(test.db, actor, {
      fileName: fixture,
      content: readFixture(fixture),
    });
    return { importId, preview: (await previewImport(test.db, actor, importId))! };
  }

  /** Everyone's manager in a round, both by employee number (app/cycles/manager.ts). */
  async function managersIn(organisationId: string) {
    const people = await test.db
      .selectFrom("person")
      .select(["id", "employee_number", "team_id", "is_active"])
      .where("organisation_id", "=", organisationId)
      .where("employee_number", "is not", null)
      .execute();
    const teams = await test.db
      .selectFrom("team")
      .select(["id", "parent_team_id", "lead_person_id"])
      .where("organisation_id", "=", organisationId)
      .execute();
    const teamsById = new Map(
      teams.map((team) => [
        team.id,
        { id: team.id, parentTeamId: team.parent_team_id, leadPersonId: team.lead_person_id },
      ]),
    );
    const byId = new Map(people.map((person) => [person.id, person]));
    return Object.fromEntries(
      people.map((person) => {
        const manager = managerOf(
          { id: person.id, teamId: person.team_id },
          teamsById,
          (id) => byId.get(id)?.is_active === 1,
        );
        return [person.employee_number, manager ? byId.get(manager)!.employee_number : null];
      }),
    );
  }

  it("applies a personnel system's export: everyone gets the manager the file names", async () => {
    const actor = await emptyMunicipality();
    const { importId, preview } = await stage(actor, "personnel-system-export.csv");
    expect(preview.plan.counts).toMatchObject({ new: 9, errors: 0, leadChanges: 5 });
    const result = await applyImport(test.db, actor, {
      importId,
      planHash: preview.planHash,
      deactivatePersonIds: [],
    });
    expect(result).toMatchObject({ status: "applied", counts: { created: 9, leadsSet: 5 } });

    const [esra] = await peopleWithNumbers(test.db, actor.organisationId, ["300003"]);
    const wmo = await teamNamed(test.db, actor.organisationId, "Wmo");
    // The team lead sits in her own team and leads it.
    expect(wmo).toMatchObject({ lead_person_id: esra!.id });
    expect(esra!.team_id).toBe(wmo!.id);
    expect(await managersIn(actor.organisationId)).toEqual({
      "300001": null,
      "300002": "300001",
      "300003": "300002",
      "300004": "300003",
      "300005": "300003",
      "300006": "300002",
      "300007": "300006",
      "300008": "300002",
      "300009": "300002",
    });

    // The same export again changes nothing.
    const again = await stage(actor, "personnel-system-export.csv");
    expect(again.preview.plan.rows.every((row) => row.kind === "unchanged")).toBe(true);
    expect(again.preview.plan.leadChanges).toEqual([]);
  });

  it("refuses a file with conflicting managers, naming each line, and changes nothing", async () => {
    const actor = await emptyMunicipality();
    const { importId, preview } = await stage(actor, "manager-conflicts.csv");
    const refused = preview.plan.rows.flatMap((row) =>
      row.kind === "error" ? [[row.line, row.problems.map((problem) => problem.code)]] : [],
    );
    expect(refused).toEqual([
      [6, ["leadConflict"]],
      [7, ["managerCycle"]],
      [8, ["managerCycle"]],
      [9, ["leadNotFound"]],
      [11, ["leadManagerConflict"]],
      // 100005 is nobody in this municipality.
      [14, ["leadNotFound"]],
    ]);
    const before = await snapshotOf(test.db, actor.organisationId);
    expect(
      await applyImport(test.db, actor, {
        importId,
        planHash: preview.planHash,
        deactivatePersonIds: [],
      }),
    ).toEqual({ status: "has_errors" });
    expect(await snapshotOf(test.db, actor.organisationId)).toEqual(before);
  });
});

describe("the function-profile column", () => {
  /** A municipality of its own: its HR admin, the built-in profiles and one retired profile. */
  async function municipalityWithLibrary() {
    const { organisationId, personId } = await createOtherOrganisation(test.db, {
      isHrAdmin: true,
    });
    for (const profile of builtInProfiles()) {
      await saveProfileVersion(test.db, { organisationId, personId, profile });
    }
    const retired = {
      ...demoProfile(),
      id: "beleidsadviseur",
      name: "Competentieprofiel Beleidsadviseur",
    };
    const saved = await saveProfileVersion(test.db, { organisationId, personId, profile: retired });
    await retireProfile(test.db, organisationId, saved.profileId, personId);
    return { id: personId, organisationId };
  }

  async function stageText(actor: { id: string; organisationId: string }, content: string) {
    const importId = await stageImport(test.db, actor, { fileName: "mensen.csv", content });
    return { importId, preview: (await previewImport(test.db, actor, importId))! };
  }

  async function apply(
    actor: { id: string; organisationId: string },
    staged: Awaited<ReturnType<typeof stageText>>,
  ) {
    return applyImport(test.db, actor, {
      importId: staged.importId,
      planHash: staged.preview.planHash,
      deactivatePersonIds: [],
    });
  }

  /** Everyone's function profile by employee number. */
  async function profilesIn(organisationId: string) {
    const people = await test.db
      .selectFrom("person")
      .select(["employee_number", "profile_key"])
      .where("organisation_id", "=", organisationId)
      .where("employee_number", "is not", null)
      .orderBy("employee_number")
      .execute();
    return Object.fromEntries(people.map((person) => [person.employee_number, person.profile_key]));
  }

  it("refuses unknown and retired profiles on their lines, and stores the others", async () => {
    const actor = await municipalityWithLibrary();
    const fixture = readFixture("function-profiles.csv");
    const refused = await stageText(actor, fixture);
    expect(
      refused.preview.plan.rows.flatMap((row) =>
        row.kind === "error" ? [[row.line, row.problems.map((problem) => problem.code)]] : [],
      ),
    ).toEqual([
      [8, ["profileUnknown"]],
      [10, ["profileRetired"]],
    ]);
    expect(await apply(actor, refused)).toEqual({ status: "has_errors" });
    expect(await profilesIn(actor.organisationId)).toEqual({});

    const clean = fixture
      .split("\r\n")
      .filter((line) => !/^40000[79];/.test(line))
      .join("\r\n");
    const result = await apply(actor, await stageText(actor, clean));
    expect(result).toMatchObject({ status: "applied", counts: { created: 7, profilesSet: 6 } });
    expect(await profilesIn(actor.organisationId)).toEqual({
      "400001": "medewerker-publiekszaken",
      "400002": "medewerker-publiekszaken",
      "400003": "projectleider",
      "400004": "toepassing-beleid",
      "400005": "toepassing-beleid",
      "400006": null,
      "400008": "projectleider",
    });
    const audit = await test.db
      .selectFrom("audit_log")
      .select("details")
      .where("organisation_id", "=", actor.organisationId)
      .where("action", "=", "people_imported")
      .execute();
    expect(audit.map((entry) => JSON.parse(entry.details ?? "{}"))).toEqual([
      expect.objectContaining({ created: 7, profilesSet: 6 }),
    ]);

    // The same file again changes nothing.
    const again = await stageText(actor, clean);
    expect(again.preview.plan.rows.every((row) => row.kind === "unchanged")).toBe(true);
  });

  it("changes a profile, keeps one for an empty cell, and keeps a retired one the cell names", async () => {
    const actor = await municipalityWithLibrary();
    const header = "personeelsnummer;naam;email;functieprofiel";
    await apply(
      actor,
      await stageText(
        actor,
        [
          header,
          "410001;Anna Eerst;anna@import.example;Projectleider",
          "410002;Bert Eerst;bert@import.example;Toepassing beleid",
          "410003;Cor Eerst;cor@import.example;",
        ].join("\n"),
      ),
    );
    // Cor has held the profile since before it was retired.
    await test.db
      .updateTable("person")
      .set({ profile_key: "beleidsadviseur" })
      .where("organisation_id", "=", actor.organisationId)
      .where("employee_number", "=", "410003")
      .execute();

    const next = await stageText(
      actor,
      [
        header,
        "410001;Anna Eerst;anna@import.example;medewerker publiekszaken",
        "410002;Bert Eerst;bert@import.example;",
        "410003;Cor Eerst;cor@import.example;Beleidsadviseur",
      ].join("\n"),
    );
    expect(next.preview.plan.rows.map((row) => row.kind)).toEqual([
      "changed",
      "unchanged",
      "unchanged",
    ]);
    expect(next.preview.plan.rows[0]).toMatchObject({
      changes: [
        {
          field: "profile",
          from: "Competentieprofiel Projectleider",
          to: "Competentieprofiel Medewerker publiekszaken",
        },
      ],
    });
    expect(await apply(actor, next)).toMatchObject({
      status: "applied",
      counts: { updated: 1, unchanged: 2, profilesSet: 1 },
    });
    expect(await profilesIn(actor.organisationId)).toEqual({
      "410001": "medewerker-publiekszaken",
      "410002": "toepassing-beleid",
      "410003": "beleidsadviseur",
    });
  });

  it("refuses to apply a preview whose profile was retired meanwhile", async () => {
    const actor = await municipalityWithLibrary();
    const staged = await stageText(
      actor,
      [
        "personeelsnummer;naam;email;functieprofiel",
        "420001;Anna Later;al@import.example;projectleider",
      ].join("\n"),
    );
    expect(staged.preview.plan.counts).toMatchObject({ new: 1, errors: 0 });
    const projectleider = await test.db
      .selectFrom("profile")
      .select("id")
      .where("organisation_id", "=", actor.organisationId)
      .where("key", "=", "projectleider")
      .executeTakeFirstOrThrow();
    await retireProfile(test.db, actor.organisationId, projectleider.id, actor.id);
    expect(await apply(actor, staged)).toEqual({ status: "stale" });
    expect(await profilesIn(actor.organisationId)).toEqual({});
  });
});
