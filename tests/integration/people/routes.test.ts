import { describe, expect, it } from "vitest";
import * as importPage from "~/routes/beheer.mensen.importeren._index";
import * as previewPage from "~/routes/beheer.mensen.importeren.$importId";
import * as peoplePage from "~/routes/beheer.mensen._index";
import * as newPersonPage from "~/routes/beheer.mensen.nieuw";
import * as personPage from "~/routes/beheer.mensen.$personId";
import * as teamsPage from "~/routes/beheer.teams._index";
import * as newTeamPage from "~/routes/beheer.teams.nieuw";
import * as teamPage from "~/routes/beheer.teams.$teamId";
import { messageRef } from "~/i18n/messages";
import type { ImportPlan } from "~/people/import-plan";
import type { PeoplePage } from "~/people/person-store.server";
import type { Notice } from "~/utils/notices";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { auditActions } from "../../support/database";
import {
  call,
  getRequest,
  multipartRequest,
  postRequest,
  signedInCookie,
  type Fields,
} from "../../support/requests";
import { createOtherOrganisation } from "../../support/demo-cast";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { csvFile, peopleWithNumbers, teamNamed } from "../../support/people-import";

const test = useDemoOrganisation();

const asCookie = async (personId: string | null) =>
  personId ? await signedInCookie(test.db, personId) : undefined;

function expectStatus(outcome: Outcome, status: number) {
  expect(statusOf(outcome), describeOutcome(outcome)).toBe(status);
}

/** The body of a data() answer (a 4xx with the form's result). */
function dataOf<T>(outcome: Outcome): T {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  return outcome.data as T;
}

type FormResult = { result?: { error?: Record<string, string[] | null> } };

describe("who may open the people and team pages", () => {
  const pages = (): { path: string; loader: unknown; params: Record<string, string> }[] => [
    { path: "/beheer/mensen", loader: peoplePage.loader, params: {} },
    { path: "/beheer/mensen/nieuw", loader: newPersonPage.loader, params: {} },
    {
      path: `/beheer/mensen/${test.cast.member.id}`,
      loader: personPage.loader,
      params: { personId: test.cast.member.id },
    },
    { path: "/beheer/mensen/importeren", loader: importPage.loader, params: {} },
    { path: "/beheer/teams", loader: teamsPage.loader, params: {} },
    { path: "/beheer/teams/nieuw", loader: newTeamPage.loader, params: {} },
    {
      path: `/beheer/teams/${test.cast.team.id}`,
      loader: teamPage.loader,
      params: { teamId: test.cast.team.id },
    },
  ];

  it("HR gets 200, everyone else 404, an anonymous visitor is sent to sign in", async () => {
    for (const { path, loader, params } of pages()) {
      expectStatus(
        await call(loader, getRequest(path, { cookie: test.hrCookie }), { params }),
        200,
      );
      for (const person of [test.cast.member, test.cast.teamLead, test.cast.departmentHead]) {
        const outcome = await call(
          loader,
          getRequest(path, { cookie: await asCookie(person.id) }),
          {
            params,
          },
        );
        expect(isThrownNotFound(outcome), `${path} as ${person.first_name}`).toBe(true);
      }
      const anonymous = await call(loader, getRequest(path), { params });
      expect(redirectLocation(anonymous), path).toBe(
        `/inloggen?redirectTo=${encodeURIComponent(path)}`,
      );
    }
  });

  it("answers 404 for a person, team or import of another organisation, or none at all", async () => {
    const outsider = await createOtherOrganisation(test.db);
    const otherTeamId = `team-${outsider.organisationId}`;
    await test.db
      .insertInto("team")
      .values({
        id: otherTeamId,
        organisation_id: outsider.organisationId,
        name: "Elders",
        parent_team_id: null,
        lead_person_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const cases: { loader: unknown; path: string; params: Record<string, string> }[] = [
      {
        loader: personPage.loader,
        path: "/beheer/mensen/x",
        params: { personId: outsider.personId },
      },
      { loader: personPage.loader, path: "/beheer/mensen/x", params: { personId: "nobody" } },
      { loader: teamPage.loader, path: "/beheer/teams/x", params: { teamId: otherTeamId } },
      {
        loader: previewPage.loader,
        path: "/beheer/mensen/importeren/x",
        params: { importId: "x" },
      },
    ];
    for (const { loader, path, params } of cases) {
      const outcome = await call(loader, getRequest(path, { cookie: test.hrCookie }), { params });
      expect(isThrownNotFound(outcome), JSON.stringify(params)).toBe(true);
    }
    // Nor may anyone change them.
    const post = await call(
      personPage.action,
      postRequest("/beheer/mensen/x", [["intent", "deactivate"]], { cookie: test.hrCookie }),
      { params: { personId: outsider.personId } },
    );
    expect(isThrownNotFound(post)).toBe(true);
    // Also with a form that would not pass: the 404 comes before the form is read.
    const badForms = [
      await call(
        personPage.action,
        postRequest("/beheer/mensen/x", [["intent", "save"]], { cookie: test.hrCookie }),
        { params: { personId: outsider.personId } },
      ),
      await call(
        teamPage.action,
        postRequest("/beheer/teams/x", [["name", ""]], { cookie: test.hrCookie }),
        { params: { teamId: otherTeamId } },
      ),
      await call(
        previewPage.action,
        postRequest("/beheer/mensen/importeren/x", [["onbekend", "1"]], { cookie: test.hrCookie }),
        { params: { importId: "x" } },
      ),
    ];
    for (const outcome of badForms)
      expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
    const still = await test.db
      .selectFrom("person")
      .select("is_active")
      .where("id", "=", outsider.personId)
      .executeTakeFirstOrThrow();
    expect(still.is_active).toBe(1);
  });

  it("refuses every action to someone who is not HR before reading the form", async () => {
    const cookie = await asCookie(test.cast.teamLead.id);
    const outcomes = [
      await call(newPersonPage.action, postRequest("/beheer/mensen/nieuw", [], { cookie })),
      await call(newTeamPage.action, postRequest("/beheer/teams/nieuw", [], { cookie })),
      await call(personPage.action, postRequest("/x", [["intent", "deactivate"]], { cookie }), {
        params: { personId: test.cast.member.id },
      }),
      await call(teamPage.action, postRequest("/x", [], { cookie }), {
        params: { teamId: test.cast.team.id },
      }),
      await call(importPage.action, multipartRequest("/x", new FormData(), cookie)),
      await call(previewPage.action, postRequest("/x", [], { cookie }), {
        params: { importId: "x" },
      }),
    ];
    for (const outcome of outcomes)
      expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
  });
});

describe("the people list", () => {
  const list = async (query: string) =>
    valueOf<{ page: PeoplePage }>(
      await call(
        peoplePage.loader,
        getRequest(`/beheer/mensen${query}`, { cookie: test.hrCookie }),
      ),
    ).page;

  it("searches by name, email and employee number, among active people by default", async () => {
    const byName = await list(`?zoek=${encodeURIComponent(test.cast.member.last_name)}`);
    expect(byName.people.map((person) => person.id)).toContain(test.cast.member.id);
    const byNumber = await list(`?zoek=${test.cast.member.employee_number}`);
    expect(byNumber.people.map((person) => person.id)).toEqual([test.cast.member.id]);
    const byEmail = await list(`?zoek=${encodeURIComponent(test.cast.member.email.toUpperCase())}`);
    expect(byEmail.people.map((person) => person.id)).toEqual([test.cast.member.id]);
    // % and _ are searched for literally.
    expect((await list("?zoek=%25")).total).toBe(0);
  });

  it("filters on status and pages by 50", async () => {
    const active = await list("");
    expect(active.people.every((person) => person.isActive)).toBe(true);
    const inactive = await list("?status=inactief");
    expect(inactive.people.map((person) => person.id)).toContain(test.cast.inactive.id);
    expect(inactive.people.every((person) => !person.isActive)).toBe(true);
    const everyone = await list("?status=alle");
    expect(everyone.total).toBe(active.total + inactive.total);
    expect(everyone.people).toHaveLength(Math.min(50, everyone.total));
    const last = await list(`?status=alle&pagina=999`);
    expect(last.page).toBe(last.pageCount);
  });
});

const personFields = (overrides: Record<string, string> = {}): Fields =>
  Object.entries({
    employeeNumber: "400001",
    firstName: "Hand",
    lastName: "Matig",
    email: "hand.matig@import.example",
    teamId: test.cast.team.id,
    locale: "nl",
    role: "employee",
    ...overrides,
  });

describe("adding and editing a person by hand", () => {
  it("adds a person, with an audit entry, and refuses a taken number or address", async () => {
    const created = await call(
      newPersonPage.action,
      postRequest("/beheer/mensen/nieuw", personFields(), { cookie: test.hrCookie }),
    );
    const [person] = await peopleWithNumbers(test.db, test.cast.organisationId, ["400001"]);
    expect(redirectLocation(created)).toBe(`/beheer/mensen/${person!.id}?melding=opgeslagen`);
    expect(person).toMatchObject({ team_id: test.cast.team.id, is_active: 1, is_hr_admin: 0 });
    expect(await auditActions(test.db, person!.id)).toEqual(["person_created"]);

    const again = await call(
      newPersonPage.action,
      postRequest(
        "/beheer/mensen/nieuw",
        personFields({ email: test.cast.member.email.toUpperCase() }),
        { cookie: test.hrCookie },
      ),
    );
    expectStatus(again, 400);
    const errors = dataOf<FormResult>(again).result?.error;
    expect(errors?.employeeNumber).toEqual([messageRef("people.issue.employeeNumberTaken")]);
    expect(errors?.email).toEqual([messageRef("people.issue.emailTaken")]);
  });

  it("answers 400 with the reasons for bad input, and for foreign fields", async () => {
    const bad = await call(
      newPersonPage.action,
      postRequest(
        "/beheer/mensen/nieuw",
        personFields({ employeeNumber: "", email: "geen-adres", role: "directeur" }),
        { cookie: test.hrCookie },
      ),
    );
    expectStatus(bad, 400);
    expect(Object.keys(dataOf<FormResult>(bad).result?.error ?? {}).sort()).toEqual([
      "email",
      "employeeNumber",
      "role",
    ]);
    const foreignTeam = await call(
      newPersonPage.action,
      postRequest("/beheer/mensen/nieuw", personFields({ employeeNumber: "400002", teamId: "x" }), {
        cookie: test.hrCookie,
      }),
    );
    expectStatus(foreignTeam, 400);
    const extra = await call(
      newPersonPage.action,
      postRequest("/beheer/mensen/nieuw", [...personFields(), ["isActive", "0"]], {
        cookie: test.hrCookie,
      }),
    );
    expectStatus(extra, 400);
    expect(await peopleWithNumbers(test.db, test.cast.organisationId, ["400002"])).toEqual([]);
  });

  it("edits a person and logs which fields changed", async () => {
    const [person] = await peopleWithNumbers(test.db, test.cast.organisationId, ["400001"]);
    const outcome = await call(
      personPage.action,
      postRequest(
        `/beheer/mensen/${person!.id}`,
        [["intent", "save"], ...personFields({ lastName: "Matig-Goed", locale: "en" })],
        { cookie: test.hrCookie },
      ),
      { params: { personId: person!.id } },
    );
    expect(redirectLocation(outcome)).toBe(`/beheer/mensen/${person!.id}?melding=opgeslagen`);
    const audit = await test.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "person_updated")
      .where("subject_id", "=", person!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toEqual({ fields: "last_name,locale" });
  });

  it("gives a person a function profile from the library, and refuses one it does not hold", async () => {
    const details = { employeeNumber: "400002", email: "functie.profiel@import.example" };
    await call(
      newPersonPage.action,
      postRequest("/beheer/mensen/nieuw", personFields(details), { cookie: test.hrCookie }),
    );
    const [person] = await peopleWithNumbers(test.db, test.cast.organisationId, ["400002"]);
    const save = (profileKey: string) =>
      call(
        personPage.action,
        postRequest(
          `/beheer/mensen/${person!.id}`,
          [["intent", "save"], ...personFields(details), ["profileKey", profileKey]],
          { cookie: test.hrCookie },
        ),
        { params: { personId: person!.id } },
      );
    const profileOf = async () =>
      (
        await test.db
          .selectFrom("person")
          .select("profile_key")
          .where("id", "=", person!.id)
          .executeTakeFirstOrThrow()
      ).profile_key;

    const page = valueOf<{ profileOptions: { id: string }[] }>(
      await call(
        personPage.loader,
        getRequest(`/beheer/mensen/${person!.id}`, { cookie: test.hrCookie }),
        { params: { personId: person!.id } },
      ),
    );
    expect(page.profileOptions.map((option) => option.id)).toContain("projectleider");

    expect(redirectLocation(await save("projectleider"))).toBe(
      `/beheer/mensen/${person!.id}?melding=opgeslagen`,
    );
    expect(await profileOf()).toBe("projectleider");

    const refused = await save("bestaat-niet");
    expectStatus(refused, 400);
    expect(dataOf<FormResult>(refused).result?.error?.profileKey).toEqual([
      messageRef("people.issue.profileUnknown"),
    ]);
    expect(await profileOf()).toBe("projectleider");

    // Retired since: still the person's, and saving the form keeps it.
    await test.db
      .updateTable("profile")
      .set({ retired_at: new Date().toISOString() })
      .where("organisation_id", "=", test.cast.organisationId)
      .where("key", "=", "projectleider")
      .execute();
    try {
      expect(redirectLocation(await save("projectleider"))).toBe(
        `/beheer/mensen/${person!.id}?melding=opgeslagen`,
      );
      expect(await profileOf()).toBe("projectleider");
    } finally {
      await test.db
        .updateTable("profile")
        .set({ retired_at: null })
        .where("organisation_id", "=", test.cast.organisationId)
        .where("key", "=", "projectleider")
        .execute();
    }
    expect(redirectLocation(await save(""))).toBe(
      `/beheer/mensen/${person!.id}?melding=opgeslagen`,
    );
    expect(await profileOf()).toBeNull();
  });

  it("deactivates and reactivates, but never the HR admin's own account or HR role", async () => {
    const [person] = await peopleWithNumbers(test.db, test.cast.organisationId, ["400001"]);
    const post = (personId: string, fields: Fields) =>
      call(
        personPage.action,
        postRequest(`/beheer/mensen/${personId}`, fields, { cookie: test.hrCookie }),
        {
          params: { personId },
        },
      );
    expect(redirectLocation(await post(person!.id, [["intent", "deactivate"]]))).toBe(
      `/beheer/mensen/${person!.id}?melding=gedeactiveerd`,
    );
    expect(redirectLocation(await post(person!.id, [["intent", "reactivate"]]))).toBe(
      `/beheer/mensen/${person!.id}?melding=heractiveerd`,
    );
    expect(await auditActions(test.db, person!.id)).toEqual([
      "person_created",
      "person_updated",
      "person_deactivated",
      "person_reactivated",
    ]);

    const ownAccount = await post(test.cast.hr.id, [["intent", "deactivate"]]);
    expectStatus(ownAccount, 400);
    expect(dataOf<{ activeResult?: FormResult["result"] }>(ownAccount).activeResult?.error).toEqual(
      { "": [messageRef("people.edit.ownAccount")] },
    );
    const ownRole = await post(test.cast.hr.id, [
      ["intent", "save"],
      ...personFields({
        employeeNumber: test.cast.hr.employee_number ?? "x",
        firstName: test.cast.hr.first_name,
        lastName: test.cast.hr.last_name,
        email: test.cast.hr.email,
        teamId: "",
        role: "employee",
      }),
    ]);
    expectStatus(ownRole, 400);
    const unknownIntent = await post(person!.id, [["intent", "verwijderen"]]);
    expectStatus(unknownIntent, 400);
    expect(await responseOf(unknownIntent).text()).toBe("Onbekende keuze in het formulier.");
    expectStatus(
      await post(person!.id, [
        ["intent", "deactivate"],
        ["x", "1"],
      ]),
      400,
    );
    const hr = await test.db
      .selectFrom("person")
      .select(["is_active", "is_hr_admin"])
      .where("id", "=", test.cast.hr.id)
      .executeTakeFirstOrThrow();
    expect(hr).toEqual({ is_active: 1, is_hr_admin: 1 });
  });

  it("ends the team lead role of a person who is deactivated", async () => {
    const lead = test.cast.otherTeamLead;
    await call(
      personPage.action,
      postRequest(`/beheer/mensen/${lead.id}`, [["intent", "deactivate"]], {
        cookie: test.hrCookie,
      }),
      { params: { personId: lead.id } },
    );
    const team = await test.db
      .selectFrom("team")
      .select("lead_person_id")
      .where("id", "=", test.cast.otherTeam.id)
      .executeTakeFirstOrThrow();
    expect(team.lead_person_id).toBeNull();
  });
});

describe("adding and editing a team by hand", () => {
  const post = (fields: Fields, teamId?: string) =>
    teamId
      ? call(
          teamPage.action,
          postRequest(`/beheer/teams/${teamId}`, fields, { cookie: test.hrCookie }),
          {
            params: { teamId },
          },
        )
      : call(
          newTeamPage.action,
          postRequest("/beheer/teams/nieuw", fields, { cookie: test.hrCookie }),
        );

  it("adds a team under a department with a lead, and logs it", async () => {
    const outcome = await post([
      ["name", "  Wijkteam   Oost "],
      ["parentTeamId", test.cast.department.id],
      ["leadPersonId", test.cast.member.id],
    ]);
    const team = await teamNamed(test.db, test.cast.organisationId, "Wijkteam Oost");
    expect(redirectLocation(outcome)).toBe(`/beheer/teams/${team!.id}?melding=opgeslagen`);
    expect(team).toMatchObject({
      parent_team_id: test.cast.department.id,
      lead_person_id: test.cast.member.id,
    });
    const audit = await test.db
      .selectFrom("audit_log")
      .select(["action", "subject_type"])
      .where("subject_id", "=", team!.id)
      .execute();
    expect(audit).toEqual([{ action: "team_created", subject_type: "team" }]);
  });

  it("refuses a taken name, a team under itself or its sub-team, and an inactive lead", async () => {
    const errorsOf = async (fields: Fields, teamId?: string) => {
      const outcome = await post(fields, teamId);
      expectStatus(outcome, 400);
      return Object.keys(dataOf<FormResult>(outcome).result?.error ?? {});
    };
    expect(await errorsOf([["name", test.cast.team.name.toUpperCase()]])).toEqual(["name"]);
    expect(await errorsOf([["name", "A > B"]])).toEqual(["name"]);
    expect(await errorsOf([["name", ""]])).toEqual(["name"]);
    expect(
      await errorsOf(
        [
          ["name", test.cast.department.name],
          ["parentTeamId", test.cast.team.id],
        ],
        test.cast.department.id,
      ),
    ).toEqual(["parentTeamId"]);
    expect(
      await errorsOf(
        [
          ["name", test.cast.department.name],
          ["parentTeamId", test.cast.department.id],
        ],
        test.cast.department.id,
      ),
    ).toEqual(["parentTeamId"]);
    expect(
      await errorsOf([
        ["name", "Nieuw team"],
        ["leadPersonId", test.cast.inactive.id],
      ]),
    ).toEqual(["leadPersonId"]);
    expectStatus(
      await post([
        ["name", "X"],
        ["color", "red"],
      ]),
      400,
    );
  });

  it("renames a team and logs the changed fields", async () => {
    const outcome = await post(
      [
        ["name", `${test.cast.team.name} en meer`],
        ["parentTeamId", test.cast.department.id],
        ["leadPersonId", test.cast.teamLead.id],
      ],
      test.cast.team.id,
    );
    expect(redirectLocation(outcome)).toBe(`/beheer/teams/${test.cast.team.id}?melding=opgeslagen`);
    const audit = await test.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "team_updated")
      .where("subject_id", "=", test.cast.team.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toEqual({ fields: "name" });
  });
});

describe("the import pages", () => {
  const upload = (form: FormData) =>
    call(importPage.action, multipartRequest("/beheer/mensen/importeren", form, test.hrCookie));

  it("stages an uploaded file (Windows-1252 too) and sends HR to its preview", async () => {
    const form = new FormData();
    const bytes = Uint8Array.from(
      Buffer.from("personeelsnummer;naam;email\n500001;Zoë Brouwer;zoe@import.example\n", "latin1"),
    );
    form.append("file", csvFile(bytes, "export.csv"));
    form.append("text", "");
    const outcome = await upload(form);
    const location = redirectLocation(outcome);
    expect(location).toMatch(/^\/beheer\/mensen\/importeren\/[\w-]+$/);
    const importId = location!.split("/").at(-1)!;
    const staged = await test.db
      .selectFrom("staged_import")
      .selectAll()
      .where("id", "=", importId)
      .executeTakeFirstOrThrow();
    expect(staged).toMatchObject({
      file_name: "export.csv",
      created_by_person_id: test.cast.hr.id,
    });
    expect(staged.content).toContain("Zoë Brouwer");

    const preview = valueOf<{ plan: { counts: { new: number } }; blocked: boolean }>(
      await call(previewPage.loader, getRequest(location!, { cookie: test.hrCookie }), {
        params: { importId },
      }),
    );
    expect(preview.plan.counts.new).toBe(1);
    expect(preview.blocked).toBe(false);
  });

  it("accepts pasted text", async () => {
    const form = new FormData();
    form.append("text", "personeelsnummer\tnaam\temail\n500002\tPlak Tekst\tplak@import.example");
    expect(redirectLocation(await upload(form))).toMatch(/^\/beheer\/mensen\/importeren\//);
  });

  it("answers 400 for no file and no text, for both, for a workbook; 413 for over 2 MB", async () => {
    const empty = new FormData();
    empty.append("file", new File([], ""));
    empty.append("text", "  ");
    expectStatus(await upload(empty), 400);

    const both = new FormData();
    both.append("file", csvFile("a;b"));
    both.append("text", "a;b");
    expectStatus(await upload(both), 400);

    const workbook = new FormData();
    workbook.append(
      "file",
      csvFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), "mensen.xlsx"),
    );
    const refused = await upload(workbook);
    expectStatus(refused, 400);
    expect(dataOf<FormResult>(refused).result?.error?.[""]).toEqual([
      messageRef("people.import.upload.workbook"),
    ]);

    const large = new FormData();
    large.append("file", csvFile("x".repeat(2 * 1024 * 1024 + 1)));
    const tooLarge = await upload(large);
    expectStatus(tooLarge, 413);
    expect(dataOf<FormResult>(tooLarge).result?.error?.[""]).toEqual([
      messageRef("people.import.upload.tooLarge", { megabytes: 2 }),
    ]);
  });

  it("answers 400 to an urlencoded post, an unknown part or a part given twice", async () => {
    expectStatus(
      await call(
        importPage.action,
        postRequest("/beheer/mensen/importeren", [["text", "a"]], { cookie: test.hrCookie }),
      ),
      400,
    );
    const unknown = new FormData();
    unknown.append("text", "a");
    unknown.append("extra", "b");
    expectStatus(await upload(unknown), 400);
    const twice = new FormData();
    twice.append("text", "a");
    twice.append("text", "b");
    expectStatus(await upload(twice), 400);
  });

  it("previews each refused value with its line, then applies the corrected file's managers", async () => {
    const lines = [
      "Personeelsnummer;Naam;E-mail;Afdeling;Leidinggevende",
      "510001;Dana Hoofd;dana.hoofd@import.example;Importafdeling;",
      "510002;Tijn Leider;tijn.leider@import.example;Importafdeling > Importteam;510001",
      "510003;Mila Lid;mila.lid@import.example;Importafdeling > Importteam;tijn.leider@import.example",
    ];
    const stage = async (text: string) => {
      const form = new FormData();
      form.append("text", text);
      const location = redirectLocation(await upload(form))!;
      const importId = location.split("/").at(-1)!;
      const preview = valueOf<{ plan: ImportPlan; planHash: string; blocked: boolean }>(
        await call(previewPage.loader, getRequest(location, { cookie: test.hrCookie }), {
          params: { importId },
        }),
      );
      return { location, importId, preview };
    };

    const broken = await stage(
      [
        ...lines,
        "510004;Foute Regel;geen-adres;Importafdeling;510001",
        "510005;Verre Collega;verre.collega@import.example;Importafdeling > Importteam;999999",
      ].join("\n"),
    );
    expect(broken.preview.blocked).toBe(true);
    expect(
      broken.preview.plan.rows.flatMap((row) =>
        row.kind === "error" ? [[row.line, row.problems]] : [],
      ),
    ).toEqual([
      [5, [{ code: "emailInvalid", cell: { column: "email", value: "geen-adres" } }]],
      [6, [{ code: "leadNotFound", cell: { column: "lead", value: "999999" } }]],
    ]);

    const { location, importId, preview } = await stage(lines.join("\n"));
    expect(preview.blocked).toBe(false);
    const applied = await call(
      previewPage.action,
      postRequest(location, [["planHash", preview.planHash]], { cookie: test.hrCookie }),
      { params: { importId } },
    );
    expect(redirectLocation(applied), describeOutcome(applied)).toMatch(
      /^\/beheer\/mensen\?melding=geimporteerd/,
    );
    const [dana, tijn] = await peopleWithNumbers(test.db, test.cast.organisationId, [
      "510001",
      "510002",
    ]);
    const department = await teamNamed(test.db, test.cast.organisationId, "Importafdeling");
    const team = await teamNamed(test.db, test.cast.organisationId, "Importteam");
    expect(department).toMatchObject({ lead_person_id: dana!.id });
    // Tijn sits in the team he leads; his own manager leads the department above.
    expect(team).toMatchObject({ lead_person_id: tijn!.id, parent_team_id: department!.id });
    expect(tijn!.team_id).toBe(team!.id);
  });

  it("applies through the preview's form and lands on the list with the counts", async () => {
    const form = new FormData();
    form.append("text", "personeelsnummer;naam;email\n500003;Via Formulier;via@import.example");
    const location = redirectLocation(await upload(form))!;
    const importId = location.split("/").at(-1)!;
    const { planHash } = valueOf<{ planHash: string }>(
      await call(previewPage.loader, getRequest(location, { cookie: test.hrCookie }), {
        params: { importId },
      }),
    );
    const apply = (fields: Fields) =>
      call(previewPage.action, postRequest(location, fields, { cookie: test.hrCookie }), {
        params: { importId },
      });

    // A plan other than the current one: back to the (new) preview, with a notice.
    const stale = await apply([["planHash", "verouderd"]]);
    expect(redirectLocation(stale)).toBe(`${location}?melding=verouderd`);
    const renewed = valueOf<{ notice: Notice | null }>(
      await call(
        previewPage.loader,
        getRequest(redirectLocation(stale)!, { cookie: test.hrCookie }),
        {
          params: { importId },
        },
      ),
    );
    expect(renewed.notice).toMatchObject({ key: "people.preview.stale", tone: "warning" });
    expectStatus(
      await apply([
        ["planHash", planHash],
        ["planHash", planHash],
      ]),
      400,
    );
    expectStatus(
      await apply([
        ["planHash", planHash],
        ["evil", "1"],
      ]),
      400,
    );
    expectStatus(
      await apply([
        ["planHash", planHash],
        ["deactivate", test.cast.hr.id],
      ]),
      400,
    );
    expect(await peopleWithNumbers(test.db, test.cast.organisationId, ["500003"])).toEqual([]);

    const applied = await apply([["planHash", planHash]]);
    expect(redirectLocation(applied)).toBe(
      "/beheer/mensen?melding=geimporteerd&nieuw=1&gewijzigd=0&ongewijzigd=0&heractiveerd=0&gedeactiveerd=0&teams=0",
    );
    expect(await peopleWithNumbers(test.db, test.cast.organisationId, ["500003"])).toHaveLength(1);
    const list = valueOf<{ notice: Notice | null }>(
      await call(
        peoplePage.loader,
        getRequest(redirectLocation(applied)!, { cookie: test.hrCookie }),
      ),
    );
    expect(list.notice?.params).toMatchObject({ created: 1, deactivated: 0 });
    // Applied once: the staged file is gone, the preview is no more.
    expect(isThrownNotFound(await apply([["planHash", planHash]]))).toBe(true);
  });
});
