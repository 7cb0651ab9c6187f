import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "~/people/csv";
import {
  buildImportPlan,
  hasBlockingProblems,
  type ExistingPerson,
  type ExistingTeam,
  type ImportContext,
  type ImportPlan,
  type RowOutcome,
} from "~/people/import-plan";
import { teamNameKey } from "~/people/text";
import { CSV_FIXTURE_DIR, readFixture } from "../../support/fixtures/csv-files";

// A small organisation: a department with one team, an HR admin outside the teams, someone
// deactivated and someone created by hand without an employee number.

function person(
  id: string,
  employeeNumber: string | null,
  name: [string, string],
  extra: Partial<ExistingPerson> = {},
): ExistingPerson {
  return {
    id,
    employeeNumber,
    firstName: name[0],
    lastName: name[1],
    email: `${name[0]}.${name[1]}@gemeente.example`.toLowerCase(),
    locale: "nl",
    teamId: null,
    isHrAdmin: false,
    isActive: true,
    ...extra,
  };
}

const TEAMS: ExistingTeam[] = [
  { id: "t-dept", name: "Dienstverlening", parentTeamId: null, leadPersonId: "p-head" },
  { id: "t-pz", name: "Publiekszaken", parentTeamId: "t-dept", leadPersonId: "p-lead" },
];
const PEOPLE: ExistingPerson[] = [
  person("p-hr", "100001", ["Hanna", "Roos"], { isHrAdmin: true }),
  person("p-head", "100002", ["Dirk", "Hoofd"], { teamId: "t-dept" }),
  person("p-lead", "100003", ["Lotte", "Leider"], { teamId: "t-pz" }),
  person("p-member", "100004", ["Mo", "Meijer"], { teamId: "t-pz", locale: "en" }),
  person("p-gone", "100005", ["Gerrit", "Weg"], { teamId: "t-pz", isActive: false }),
  person("p-unnumbered", null, ["Nina", "Zonder"]),
];
const CONTEXT: ImportContext = {
  people: PEOPLE,
  teams: TEAMS,
  defaultLocale: "nl",
  actorPersonId: "p-hr",
};

function plan(lines: string[], context: ImportContext = CONTEXT): ImportPlan {
  return buildImportPlan(parseCsv(lines.join("\n")), context);
}

function rowAt(result: ImportPlan, line: number): RowOutcome {
  const row = result.rows.find((candidate) => candidate.line === line);
  if (!row) throw new Error(`No row on line ${line}`);
  return row;
}

function problemsAt(result: ImportPlan, line: number) {
  const row = rowAt(result, line);
  return row.kind === "error" ? row.problems : [];
}

const FULL_HEADER = "personeelsnummer;voornaam;achternaam;email;team;leidinggevende;rol;taal";
/** The organisation exactly as it is, as a file with every column. */
const CURRENT_STATE = [
  FULL_HEADER,
  "100001;Hanna;Roos;hanna.roos@gemeente.example;;;HR;nl",
  "100002;Dirk;Hoofd;dirk.hoofd@gemeente.example;Dienstverlening;100002;;nl",
  "100003;Lotte;Leider;lotte.leider@gemeente.example;Dienstverlening > Publiekszaken;100003;;",
  "100004;Mo;Meijer;MO.MEIJER@gemeente.example;Publiekszaken;lotte.leider@gemeente.example;medewerker;English",
];

describe("a file that matches the organisation", () => {
  it("changes nothing and offers the active people who are missing for deactivation", () => {
    const result = plan(CURRENT_STATE);
    expect(result.rows.map((row) => row.kind)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(result.teamsToCreate).toEqual([]);
    expect(result.teamMoves).toEqual([]);
    expect(result.leadChanges).toEqual([]);
    // Not the deactivated person, not the HR admin who imports.
    expect(result.deactivationCandidates.map((candidate) => candidate.personId)).toEqual([
      "p-unnumbered",
    ]);
    expect(hasBlockingProblems(result)).toBe(false);
  });

  it("keeps team, role and language when the file has no such columns", () => {
    const result = plan([
      "personeelsnummer;naam;email",
      "100004;Mo Meijer;mo.meijer@gemeente.example",
    ]);
    expect(rowAt(result, 2)).toMatchObject({
      kind: "unchanged",
      person: { teamName: "Publiekszaken", locale: "en", role: "employee" },
    });
  });
});

describe("changes", () => {
  it("lists each changed field with its old and new value", () => {
    const result = plan([
      FULL_HEADER,
      "100004;Mohammed;Meijer;m.meijer@gemeente.example;Dienstverlening;;HR-beheerder;",
    ]);
    expect(rowAt(result, 2)).toMatchObject({
      kind: "changed",
      personId: "p-member",
      changes: [
        { field: "firstName", from: "Mo", to: "Mohammed" },
        { field: "email", from: "mo.meijer@gemeente.example", to: "m.meijer@gemeente.example" },
        { field: "team", from: "Publiekszaken", to: "Dienstverlening" },
        { field: "role", from: "employee", to: "hr_admin" },
        // An empty language cell means the organisation's language.
        { field: "locale", from: "en", to: "nl" },
      ],
    });
  });

  it("reactivates a deactivated person who is in the file again", () => {
    const result = plan([
      "personeelsnummer;naam;email",
      "100005;Gerrit Weg;gerrit.weg@gemeente.example",
    ]);
    expect(rowAt(result, 2)).toMatchObject({
      kind: "changed",
      changes: [{ field: "active", from: "inactive", to: "active" }],
    });
    expect(result.counts.reactivated).toBe(1);
  });

  it("gives a person without employee number the number of the row with their address", () => {
    const result = plan([
      "personeelsnummer;naam;email",
      "100099;Nina Zonder;Nina.Zonder@gemeente.example",
    ]);
    expect(rowAt(result, 2)).toMatchObject({
      kind: "changed",
      personId: "p-unnumbered",
      changes: [{ field: "employeeNumber", from: null, to: "100099" }],
    });
  });

  it("lets two people in the file swap addresses", () => {
    const result = plan([
      "personeelsnummer;naam;email",
      "100003;Lotte Leider;mo.meijer@gemeente.example",
      "100004;Mo Meijer;lotte.leider@gemeente.example",
    ]);
    expect(result.rows.map((row) => row.kind)).toEqual(["changed", "changed"]);
  });
});

describe("errors per row", () => {
  it("refuses an address of someone the file does not update", () => {
    const result = plan([
      "personeelsnummer;naam;email",
      "200001;Nieuw Iemand;dirk.hoofd@gemeente.example",
    ]);
    expect(problemsAt(result, 2)).toEqual([
      { code: "emailTakenByOther", params: { name: "Dirk Hoofd", employeeNumber: "100002" } },
    ]);
    expect(hasBlockingProblems(result)).toBe(true);
  });

  it("reports duplicate employee numbers and addresses on the later line", () => {
    const result = buildImportPlan(
      parseCsv(readFixture("duplicate-employee-numbers.csv")),
      CONTEXT,
    );
    expect(result.rows.map((row) => row.kind)).toEqual(["new", "new", "error", "error"]);
    expect(problemsAt(result, 4)).toEqual([
      { code: "duplicateEmployeeNumber", params: { line: 2 } },
    ]);
    expect(problemsAt(result, 5)).toEqual([{ code: "duplicateEmail", params: { line: 3 } }]);
  });

  it("reports invalid and missing values with their reason", () => {
    const result = buildImportPlan(parseCsv(readFixture("bad-emails.csv")), CONTEXT);
    expect(
      result.rows.map((row) => [row.line, row.kind === "error" ? row.problems : row.kind]),
    ).toEqual([
      [2, [{ code: "emailInvalid" }]],
      [3, [{ code: "emailRequired" }]],
      [4, [{ code: "lastNameRequired" }]],
      [5, [{ code: "employeeNumberRequired" }]],
      [
        6,
        [
          { code: "emailInvalid" },
          { code: "roleUnknown", params: { value: "directeur" } },
          { code: "languageUnknown", params: { value: "Frans" } },
        ],
      ],
      [7, "new"],
    ]);
    expect(result.counts).toMatchObject({ rows: 6, new: 1, errors: 5 });
  });

  it("reports rows with a wrong number of fields", () => {
    const result = buildImportPlan(parseCsv(readFixture("wrong-field-count.csv")), CONTEXT);
    expect(problemsAt(result, 3)).toEqual([
      { code: "wrongFieldCount", params: { expected: 4, found: 3 } },
    ]);
    expect(problemsAt(result, 4)).toEqual([
      { code: "wrongFieldCount", params: { expected: 4, found: 5 } },
    ]);
    expect(result.counts).toMatchObject({ new: 2, errors: 2 });
  });

  it("does not let the importing HR admin take away their own HR role", () => {
    const result = plan([
      "personeelsnummer;naam;email;rol",
      "100001;Hanna Roos;hanna.roos@gemeente.example;",
    ]);
    expect(problemsAt(result, 2)).toEqual([{ code: "ownHrRole" }]);
  });

  it("rejects an employee number with an @ (the lead column reads that as an address)", () => {
    const result = plan(["personeelsnummer;naam;email", "a@b;Iemand Anders;x@gemeente.example"]);
    expect(problemsAt(result, 2)).toEqual([{ code: "employeeNumberInvalid" }]);
  });
});

describe("problems with the whole file", () => {
  it("reports missing columns and plans no rows", () => {
    const result = buildImportPlan(parseCsv(readFixture("missing-email-column.csv")), CONTEXT);
    expect(result.problems).toEqual([{ code: "missingEmailColumn" }]);
    expect(result.rows).toEqual([]);
    expect(hasBlockingProblems(result)).toBe(true);
  });

  it("reports an unclosed quote, an empty file and a file with only a header", () => {
    expect(
      buildImportPlan(parseCsv(readFixture("unterminated-quote.csv")), CONTEXT).problems,
    ).toEqual([{ code: "unterminatedQuote", params: { line: 2 } }]);
    expect(plan([""]).problems).toEqual([{ code: "emptyFile" }]);
    expect(plan(["personeelsnummer;naam;email", ";;"]).problems).toEqual([{ code: "noRows" }]);
  });
});

describe("teams", () => {
  it("creates missing teams, nested under an existing or a new team", () => {
    const result = plan([
      "personeelsnummer;naam;email;afdeling",
      "200001;Anna Nieuw;anna@gemeente.example;dienstverlening > Burgerzaken",
      "200002;Bert Nieuw;bert@gemeente.example;Bedrijfsvoering > ICT > Servicedesk",
    ]);
    expect(result.teamsToCreate).toEqual([
      { name: "Burgerzaken", parentName: "Dienstverlening" },
      { name: "Bedrijfsvoering", parentName: null },
      { name: "ICT", parentName: "Bedrijfsvoering" },
      { name: "Servicedesk", parentName: "ICT" },
    ]);
    expect(rowAt(result, 3)).toMatchObject({ kind: "new", person: { teamName: "Servicedesk" } });
  });

  it("matches team names regardless of case, accents and spacing, keeping the stored name", () => {
    const result = plan([
      "personeelsnummer;naam;email;team",
      "100004;Mo Meijer;mo.meijer@gemeente.example; publiekszaken ",
    ]);
    expect(rowAt(result, 2)).toMatchObject({
      kind: "unchanged",
      person: { teamName: "Publiekszaken" },
    });
    expect(teamNameKey("Financiën  en Begroting")).toBe(teamNameKey("financien en begroting"));
  });

  it("moves an existing team that the file places under another team", () => {
    const result = plan([
      "personeelsnummer;naam;email;team",
      "100004;Mo Meijer;mo.meijer@gemeente.example;Dienstverlening Noord > Publiekszaken",
    ]);
    expect(result.teamsToCreate).toEqual([{ name: "Dienstverlening Noord", parentName: null }]);
    expect(result.teamMoves).toEqual([
      {
        teamId: "t-pz",
        name: "Publiekszaken",
        fromParent: "Dienstverlening",
        toParent: "Dienstverlening Noord",
      },
    ]);
  });

  it("refuses two different parents for one team, and a team under itself", () => {
    const conflict = plan([
      "personeelsnummer;naam;email;team",
      "200001;Anna Nieuw;anna@gemeente.example;Noord > Wijkteam",
      "200002;Bert Nieuw;bert@gemeente.example;Zuid > Wijkteam",
    ]);
    expect(problemsAt(conflict, 3)).toEqual([
      { code: "teamParentConflict", params: { team: "Wijkteam", parent: "Noord", line: 2 } },
    ]);
    const cycle = plan([
      "personeelsnummer;naam;email;team",
      "200001;Anna Nieuw;anna@gemeente.example;Publiekszaken > Dienstverlening",
    ]);
    expect(problemsAt(cycle, 2)).toEqual([
      { code: "teamCycle", params: { team: "Dienstverlening" } },
    ]);
  });

  it("refuses a team name with an invalid part", () => {
    const result = plan([
      "personeelsnummer;naam;email;team",
      "200001;Anna Nieuw;anna@gemeente.example;Noord >  > Wijk",
    ]);
    expect(problemsAt(result, 2)).toEqual([{ code: "teamNameRequired" }]);
  });
});

describe("leads", () => {
  const header = "personeelsnummer;naam;email;team;leidinggevende";

  it("sets the lead named by employee number or address, once per team", () => {
    const result = plan([
      header,
      "200001;Anna Nieuw;anna@gemeente.example;Burgerzaken;200002",
      "200002;Bert Nieuw;bert@gemeente.example;Burgerzaken;BERT@gemeente.example",
      "100004;Mo Meijer;mo.meijer@gemeente.example;Publiekszaken;100004",
    ]);
    expect(result.leadChanges).toEqual([
      {
        teamName: "Burgerzaken",
        from: null,
        to: { personId: null, employeeNumber: "200002", name: "Bert Nieuw" },
      },
      {
        teamName: "Publiekszaken",
        from: "Lotte Leider",
        to: { personId: "p-member", employeeNumber: "100004", name: "Mo Meijer" },
      },
    ]);
    expect(hasBlockingProblems(result)).toBe(false);
  });

  it("refuses a second, different lead for the same team on a later line", () => {
    const result = plan([
      header,
      "200001;Anna Nieuw;anna@gemeente.example;Burgerzaken;200001",
      "200002;Bert Nieuw;bert@gemeente.example;Burgerzaken;200002",
    ]);
    expect(problemsAt(result, 3)).toEqual([
      { code: "leadConflict", params: { team: "Burgerzaken", lead: "Anna Nieuw", line: 2 } },
    ]);
  });

  it("finds a lead who is not in the file among the organisation's people", () => {
    const result = plan([header, "200001;Anna Nieuw;anna@gemeente.example;Publiekszaken;100003"]);
    expect(result.leadChanges).toEqual([]);
    // The lead is evidently still around: not offered for deactivation.
    expect(result.deactivationCandidates.map((c) => c.personId)).not.toContain("p-lead");
    expect(result.deactivationCandidates.map((c) => c.personId)).toContain("p-head");
  });

  it("refuses a lead who is nowhere, a deactivated lead, and a lead without a team", () => {
    const result = plan([
      header,
      "200001;Anna Nieuw;anna@gemeente.example;Burgerzaken;999999",
      "200002;Bert Nieuw;bert@gemeente.example;Archief;100005",
      "200003;Cor Nieuw;cor@gemeente.example;;200001",
    ]);
    expect(problemsAt(result, 2)).toEqual([{ code: "leadNotFound", params: { value: "999999" } }]);
    expect(problemsAt(result, 3)).toEqual([{ code: "leadInactive", params: { value: "100005" } }]);
    expect(problemsAt(result, 4)).toEqual([{ code: "leadWithoutTeam" }]);
  });

  it("accepts a deactivated lead whom the file reactivates", () => {
    const result = plan([header, "100005;Gerrit Weg;gerrit.weg@gemeente.example;Archief;100005"]);
    expect(hasBlockingProblems(result)).toBe(false);
    expect(result.leadChanges[0]?.to.personId).toBe("p-gone");
  });
});

describe("deactivation candidates", () => {
  it("names the teams a candidate leads and keeps leading", () => {
    const result = plan([
      "personeelsnummer;naam;email",
      "100004;Mo Meijer;mo.meijer@gemeente.example",
    ]);
    expect(result.deactivationCandidates).toEqual([
      {
        personId: "p-head",
        name: "Dirk Hoofd",
        employeeNumber: "100002",
        email: "dirk.hoofd@gemeente.example",
        teamName: "Dienstverlening",
        ledTeams: ["Dienstverlening"],
      },
      expect.objectContaining({ personId: "p-lead", ledTeams: ["Publiekszaken"] }),
      expect.objectContaining({ personId: "p-unnumbered", ledTeams: [] }),
    ]);
  });
});

/**
 * What applying a plan would leave behind, in memory (the database version is in the
 * integration tests): to check that importing the same file again changes nothing.
 */
function applyInMemory(result: ImportPlan, context: ImportContext): ImportContext {
  let nextId = 0;
  const teams = context.teams.map((team) => ({ ...team }));
  const teamByKey = (name: string) =>
    teams.find((team) => teamNameKey(team.name) === teamNameKey(name));
  for (const creation of result.teamsToCreate) {
    teams.push({
      id: `team-${nextId++}`,
      name: creation.name,
      parentTeamId: null,
      leadPersonId: null,
    });
  }
  for (const { name, parentName } of [
    ...result.teamsToCreate,
    ...result.teamMoves.map((move) => ({ name: move.name, parentName: move.toParent })),
  ]) {
    if (parentName) teamByKey(name)!.parentTeamId = teamByKey(parentName)!.id;
  }
  const people = context.people.map((existing) => ({ ...existing }));
  for (const row of result.rows) {
    if (row.kind !== "new" && row.kind !== "changed") continue;
    const values = {
      employeeNumber: row.person.employeeNumber,
      firstName: row.person.firstName,
      lastName: row.person.lastName,
      email: row.person.email,
      locale: row.person.locale,
      teamId: row.person.teamName ? teamByKey(row.person.teamName)!.id : null,
      isHrAdmin: row.person.role === "hr_admin",
      isActive: true,
    };
    if (row.kind === "new") people.push({ id: `person-${nextId++}`, ...values });
    else
      Object.assign(
        people.find((existing) => existing.id === row.personId)!,
        values,
      );
  }
  for (const change of result.leadChanges) {
    const lead = people.find((p) => p.employeeNumber === change.to.employeeNumber)!;
    teamByKey(change.teamName)!.leadPersonId = lead.id;
  }
  return { ...context, people, teams };
}

describe("importing the same file twice", () => {
  const cleanFixtures = fs
    .readdirSync(CSV_FIXTURE_DIR)
    .filter((name) => name.endsWith(".csv"))
    .filter((name) => !hasBlockingProblems(buildImportPlan(parseCsv(readFixture(name)), CONTEXT)));

  it("has enough error-free fixtures to mean something", () => {
    expect(cleanFixtures.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cleanFixtures)("%s: the second import finds everything unchanged", (name) => {
    const text = readFixture(name);
    const first = buildImportPlan(parseCsv(text), CONTEXT);
    expect(first.counts.new + first.counts.changed).toBeGreaterThan(0);
    const second = buildImportPlan(parseCsv(text), applyInMemory(first, CONTEXT));
    expect(second.rows.every((row) => row.kind === "unchanged")).toBe(true);
    expect(second.teamsToCreate).toEqual([]);
    expect(second.teamMoves).toEqual([]);
    expect(second.leadChanges).toEqual([]);
  });

  it("builds the same plan from the same file and data (what the preview's hash relies on)", () => {
    const text = readFixture("excel-bom-semicolon.csv");
    expect(JSON.stringify(buildImportPlan(parseCsv(text), CONTEXT))).toBe(
      JSON.stringify(buildImportPlan(parseCsv(text), CONTEXT)),
    );
  });
});
