import { describe, expect, it, onTestFinished } from "vitest";
import { ZodError } from "zod";
import { createCycleInvitations } from "~/invitations/create.server";
import { createOrganisation } from "~/organisation/create-organisation.server";
import * as importPage from "~/routes/beheer.mensen.importeren._index";
import * as previewPage from "~/routes/beheer.mensen.importeren.$importId";
import * as newPersonPage from "~/routes/beheer.mensen.nieuw";
import * as personPage from "~/routes/beheer.mensen.$personId";
import * as newTeamPage from "~/routes/beheer.teams.nieuw";
import * as teamPage from "~/routes/beheer.teams.$teamId";
import * as newCyclePage from "~/routes/beheer.rondes.nieuw";
import * as progressCsvPage from "~/routes/beheer.rondes.$cycleId.voortgang[.csv]";
import * as lateRaterPage from "~/routes/beheer.rondes.$cycleId.deelnemers.$participantId";
import * as proposePage from "~/routes/voordragen.$participantId";
import * as reviewPage from "~/routes/goedkeuren.$participantId";
import { isMessageKey, translateMessageRef, translator } from "~/i18n/messages";
import type { ImportPlan } from "~/people/import-plan";
import { useDemoOrganisation } from "../../support/demo-organisation";
import {
  call,
  getRequest,
  multipartRequest,
  postRequest,
  signedInCookie,
  type Fields,
} from "../../support/requests";
import {
  describeOutcome,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { createTestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";
import { cycleParams, settingsFields, settingsFor } from "../../support/draft-cycles";
import { createCycleFixture, invitationsOf } from "../../support/fixtures/cycle";
import { memberCycle, nominationRows } from "../../support/nominating-cycles";
import { csvFile, peopleWithNumbers, teamNamed } from "../../support/people-import";

// The attack: names that are not text. A NUL (which cut the progress CSV short), a
// right-to-left override that makes "Jan ‮seirV ed" read as "Jan de Vries", bidi isolates,
// zero-width characters. Before, every form took them as they came (only trimmed). Now each
// entry point refuses them with a message on the field (or the import row), and white space
// is collapsed.

const NUL = "\u0000";
const RLO = "\u202e";
const LRI = "\u2066";
const ZWSP = "\u200b";
const NOT_TEXT_MESSAGE = /onzichtbare tekens of stuurtekens/;

const test = useDemoOrganisation();

function fieldErrors(outcome: Outcome): Record<string, string[] | null | undefined> {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  const { result } = outcome.data as { result?: { error?: Record<string, string[] | null> } };
  return result?.error ?? {};
}

/** A field's message as the page shows it: forms answer with message references. */
function messageText(message: string | undefined, locale: "nl" | "en" = "nl"): string {
  if (message === undefined) return "";
  return isMessageKey(message.split("?")[0] ?? "")
    ? translateMessageRef(translator(locale), message)
    : message;
}

function expectRefused(outcome: Outcome, field: string) {
  expect(statusOf(outcome), describeOutcome(outcome)).toBe(400);
  expect(messageText(fieldErrors(outcome)[field]?.[0])).toMatch(NOT_TEXT_MESSAGE);
}

const personFields = (overrides: Record<string, string> = {}): Fields =>
  Object.entries({
    employeeNumber: "910001",
    firstName: "Jan",
    lastName: "de Vries",
    email: "jan.de.vries@namen.example",
    teamId: test.cast.team.id,
    locale: "nl",
    role: "employee",
    ...overrides,
  });

describe("the HR person form", () => {
  it("refuses a NUL, a right-to-left override or a bidi isolate in a new person's name", async () => {
    for (const [field, value] of [
      ["firstName", `Jan${NUL}`],
      ["lastName", `Jan ${RLO}seirV ed`],
      ["lastName", `de${LRI}Vries`],
      ["firstName", `J${ZWSP}an`],
      ["employeeNumber", `9100${RLO}01`],
    ] as const) {
      const outcome = await call(
        newPersonPage.action,
        postRequest("/beheer/mensen/nieuw", personFields({ [field]: value }), {
          cookie: test.hrCookie,
        }),
      );
      expectRefused(outcome, field);
    }
    expect(await peopleWithNumbers(test.db, test.cast.organisationId, ["910001"])).toEqual([]);
  });

  it("collapses runs of spaces and tabs in a name", async () => {
    const outcome = await call(
      newPersonPage.action,
      postRequest(
        "/beheer/mensen/nieuw",
        personFields({ firstName: "  Jan \t Willem ", lastName: "de\u00a0\u00a0 Vries" }),
        { cookie: test.hrCookie },
      ),
    );
    expect(redirectLocation(outcome), describeOutcome(outcome)).toMatch(/^\/beheer\/mensen\//);
    const [person] = await peopleWithNumbers(test.db, test.cast.organisationId, ["910001"]);
    expect(person).toMatchObject({ first_name: "Jan Willem", last_name: "de Vries" });
  });

  it("refuses them when a person is edited, and leaves the person as they were", async () => {
    const before = test.cast.member;
    const outcome = await call(
      personPage.action,
      postRequest(
        `/beheer/mensen/${before.id}`,
        [
          ["intent", "save"],
          ...personFields({
            employeeNumber: before.employee_number ?? "",
            firstName: before.first_name,
            lastName: `${RLO}${before.last_name}`,
            email: before.email,
            teamId: before.team_id ?? "",
            locale: before.locale,
          }),
        ],
        { cookie: test.hrCookie },
      ),
      { params: { personId: before.id } },
    );
    expectRefused(outcome, "lastName");
    const after = await test.db
      .selectFrom("person")
      .select("last_name")
      .where("id", "=", before.id)
      .executeTakeFirstOrThrow();
    expect(after.last_name).toBe(before.last_name);
  });

  it("answers in English to an English visitor", async () => {
    const outcome = await call(
      newPersonPage.action,
      postRequest("/beheer/mensen/nieuw", personFields({ firstName: `Jan${NUL}` }), {
        cookie: test.hrCookie,
        headers: { "Accept-Language": "en" },
      }),
    );
    expect(statusOf(outcome)).toBe(400);
    expect(messageText(fieldErrors(outcome).firstName?.[0], "en")).toMatch(
      /invisible or control characters/,
    );
  });
});

describe("the team form", () => {
  it("refuses a new team whose name holds an override or a NUL", async () => {
    for (const name of [`Team ${RLO}AB`, `Team${NUL}`, `${ZWSP}`]) {
      const outcome = await call(
        newTeamPage.action,
        postRequest("/beheer/teams/nieuw", [["name", name]], { cookie: test.hrCookie }),
      );
      expectRefused(outcome, "name");
    }
    expect(await teamNamed(test.db, test.cast.organisationId, `Team ${RLO}AB`)).toBeUndefined();
  });

  it("refuses renaming a team to such a name, and collapses spaces in a good one", async () => {
    const team = test.cast.otherTeam;
    const refused = await call(
      teamPage.action,
      postRequest(`/beheer/teams/${team.id}`, [["name", `${team.name}${LRI}`]], {
        cookie: test.hrCookie,
      }),
      { params: { teamId: team.id } },
    );
    expectRefused(refused, "name");
    const created = await call(
      newTeamPage.action,
      postRequest("/beheer/teams/nieuw", [["name", "  Team \t Namen  "]], {
        cookie: test.hrCookie,
      }),
    );
    expect(redirectLocation(created), describeOutcome(created)).not.toBeNull();
    expect(await teamNamed(test.db, test.cast.organisationId, "Team Namen")).toBeDefined();
  });
});

describe("the people import", () => {
  type PreviewData = { plan: ImportPlan; blocked: boolean };

  async function uploadAndPreview(file: File): Promise<PreviewData> {
    const form = new FormData();
    form.append("file", file);
    form.append("text", "");
    const outcome = await call(
      importPage.action,
      multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
    );
    const location = redirectLocation(outcome);
    expect(location, describeOutcome(outcome)).toMatch(/^\/beheer\/mensen\/importeren\/[\w-]+$/);
    const importId = location!.split("/").at(-1)!;
    return valueOf<PreviewData>(
      await call(previewPage.loader, getRequest(location!, { cookie: test.hrCookie }), {
        params: { importId },
      }),
    );
  }

  it("names the line of every name, team or lead that is not text, and blocks the import", async () => {
    const lines = [
      "personeelsnummer;voornaam;achternaam;email;team;leidinggevende",
      `920001;Anna${NUL};Bakker;anna@namen.example;Namen;`,
      `920002;Bram;${RLO}reknaB;bram@namen.example;Namen;`,
      `920003;Cas;Cornelis;cas@namen.example;Afdeling > Na${LRI}men;`,
      `920004;Dirk;Dekker;dirk@namen.example;Namen;9200${ZWSP}01`,
      "920005;  Eva \t ;  van   Dam ;eva@namen.example;Namen;",
    ];
    // UTF-16 ("Unicode text" from Excel) is the one upload that may hold a NUL character.
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${lines.join("\r\n")}\r\n`, "utf16le"),
    ]);
    const preview = await uploadAndPreview(csvFile(new Uint8Array(bytes), "unicode.csv"));
    const problemsOf = (line: number) => {
      const row = preview.plan.rows.find((candidate) => candidate.line === line);
      return row?.kind === "error" ? row.problems.map((problem) => problem.code) : row?.kind;
    };
    expect(problemsOf(2)).toEqual(["firstNameNotText"]);
    expect(problemsOf(3)).toEqual(["lastNameNotText"]);
    expect(problemsOf(4)).toEqual(["teamNameNotText"]);
    expect(problemsOf(5)).toEqual(["leadNotText"]);
    expect(problemsOf(6)).toBe("new");
    const eva = preview.plan.rows.find((row) => row.line === 6);
    expect(eva).toMatchObject({ person: { firstName: "Eva", lastName: "van Dam" } });
    expect(preview.blocked).toBe(true);
    for (const team of preview.plan.teamsToCreate) {
      expect(JSON.stringify(team)).not.toMatch(/\\u0000|\u2066|\u202e/);
    }
    // The preview shows each refused value, with what is not text as its code point.
    const cellsOf = (line: number) => {
      const row = preview.plan.rows.find((candidate) => candidate.line === line);
      return row?.kind === "error" ? row.problems.map((problem) => problem.cell?.value) : [];
    };
    expect([2, 3, 4, 5].map(cellsOf)).toEqual([
      ["Anna[U+0000]"],
      ["[U+202E]reknaB"],
      ["Afdeling > Na[U+2066]men"],
      ["9200[U+200B]01"],
    ]);
    expect(JSON.stringify(preview.plan)).not.toMatch(/\\u0000|\u2066|\u202e|\u200b/);
  });

  it("refuses the same in a full-name column of pasted text", async () => {
    const form = new FormData();
    form.append(
      "text",
      `personeelsnummer;naam;email\n920010;Jan ${RLO}seirV ed;jan@namen.example\n`,
    );
    const outcome = await call(
      importPage.action,
      multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
    );
    const location = redirectLocation(outcome)!;
    const preview = valueOf<PreviewData>(
      await call(previewPage.loader, getRequest(location, { cookie: test.hrCookie }), {
        params: { importId: location.split("/").at(-1)! },
      }),
    );
    expect(preview.plan.rows).toMatchObject([
      { line: 2, kind: "error", problems: [{ code: "lastNameNotText" }] },
    ]);
  });
});

describe("raters from outside the organisation", () => {
  const customer = (name: string): Fields => [
    ["intent", "propose-customer"],
    ["name", name],
    ["email", "klant@namen.example"],
  ];

  it("refuses a customer whose name is not text, proposed by the participant", async () => {
    const { participantId } = await memberCycle(test.db, test.cast);
    const cookie = await signedInCookie(test.db, test.cast.member.id);
    for (const name of [`Karin${NUL}`, `Karin ${RLO}tnalK`, `${LRI}Karin`]) {
      const outcome = await call(
        proposePage.action,
        postRequest(`/voordragen/${participantId}`, customer(name), { cookie }),
        { params: { participantId } },
      );
      expectRefused(outcome, "name");
    }
    expect(await nominationRows(test.db, participantId)).toEqual([]);
  });

  it("refuses one added by the lead", async () => {
    const { participantId } = await memberCycle(test.db, test.cast);
    const cookie = await signedInCookie(test.db, test.cast.teamLead.id);
    const outcome = await call(
      reviewPage.action,
      postRequest(
        `/goedkeuren/${participantId}`,
        [["intent", "add-customer"], ...customer(`Karin${RLO}`).slice(1)],
        { cookie },
      ),
      { params: { participantId } },
    );
    expectRefused(outcome, "name");
    expect(await nominationRows(test.db, participantId)).toEqual([]);
  });

  it("refuses a late rater from outside added by HR", async () => {
    const cycle = await createCycleFixture(test.db, { organisationId: test.cast.organisationId });
    await createCycleInvitations(test.db, cycle.cycleId);
    const before = await invitationsOf(test.db, cycle.cycleId);
    const params = { cycleId: cycle.cycleId, participantId: cycle.participants.mo };
    const outcome = await call(
      lateRaterPage.action,
      postRequest(
        `/beheer/rondes/${cycle.cycleId}/deelnemers/${cycle.participants.mo}`,
        [
          ["intent", "add-external"],
          ["name", `Vriend${NUL}`],
          ["email", "vriend@namen.example"],
          ["relationship", "customer"],
        ],
        { cookie: test.hrCookie },
      ),
      { params },
    );
    expectRefused(outcome, "name");
    expect(await invitationsOf(test.db, cycle.cycleId)).toHaveLength(before.length);
  });
});

describe("rounds and organisations", () => {
  it("refuses a round whose name holds an override", async () => {
    const settings = settingsFor({ name: `Ronde ${RLO}2030` });
    const outcome = await call(
      newCyclePage.action,
      postRequest("/beheer/rondes/nieuw", settingsFields(settings), { cookie: test.hrCookie }),
    );
    expectRefused(outcome, "name");
  });

  it("refuses an organisation or first HR admin whose name is not text (npm run org:create)", async () => {
    // A database of its own: a real organisation is never made next to a live demo.
    const { db, cleanup } = await createTestDatabase();
    onTestFinished(cleanup);
    const base = {
      name: "Gemeente Namen",
      hrFirstName: "Hanna",
      hrLastName: "de Vries",
      hrEmail: "hanna@gemeente-namen.example",
    };
    for (const bad of [
      { name: `Gemeente ${RLO}nemaN` },
      { hrFirstName: `Hanna${NUL}` },
      { hrLastName: `de${ZWSP}Vries` },
    ]) {
      const attempt = createOrganisation(db, { ...base, ...bad });
      await expect(attempt).rejects.toBeInstanceOf(ZodError);
      await expect(attempt).rejects.toThrow(/onzichtbare tekens of stuurtekens/);
    }
    const organisations = await db
      .selectFrom("organisation")
      .select("name")
      .where("name", "like", "Gemeente%Nam%")
      .execute();
    expect(organisations).toEqual([]);
    const created = await createOrganisation(db, { ...base, name: "  Gemeente   Namen " });
    const stored = await db
      .selectFrom("organisation")
      .select("name")
      .where("id", "=", created.organisationId)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe("Gemeente Namen");
  });
});

describe("the progress CSV", () => {
  it("never carries a NUL or an override, even from a name stored before names were checked", async () => {
    const cycle = await createCycleFixture(test.db, { organisationId: test.cast.organisationId });
    await createCycleInvitations(test.db, cycle.cycleId);
    // As an older version could have stored them: straight into the table. PostgreSQL cannot
    // store a NUL in text at all, so such a name exists only in SQLite; there another control
    // character (start of heading) stands in for it.
    const control = onPostgres ? "\u0001" : NUL;
    await test.db
      .updateTable("person")
      .set({ first_name: "Mo", last_name: `Vries${control}${RLO}=HYPERLINK("x")` })
      .where("id", "=", cycle.people.mo.id)
      .execute();
    await test.db
      .updateTable("person")
      .set({ first_name: `${control}=cmd` })
      .where("id", "=", cycle.people.noor.id)
      .execute();
    const response = responseOf(
      await call(
        progressCsvPage.loader,
        getRequest(`/beheer/rondes/${cycle.cycleId}/voortgang.csv`, { cookie: test.hrCookie }),
        cycleParams(cycle.cycleId),
      ),
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/[^\P{Cc}\r\n]|[\u202e\u2066-\u2069\u200b]/u);
    expect(text).toContain('Mo Vries=HYPERLINK(""x"")');
    expect(text).toContain("'=cmd");
    // No field starts a formula.
    for (const line of text.replace(/^\uFEFF/, "").split("\r\n")) {
      for (const field of line.split(";")) expect(field).not.toMatch(/^[=+@]/);
    }
  });
});
