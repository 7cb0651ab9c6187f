import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/messages";
import { parseCsv } from "~/people/csv";
import { IMPORT_EXAMPLE } from "~/people/import-help";
import {
  buildImportPlan,
  hasBlockingProblems,
  type ExistingPerson,
  type ExistingTeam,
  type ImportContext,
  type ImportPlan,
  type ImportProfiles,
  type RowOutcome,
} from "~/people/import-plan";
import { DISPLAY_VALUE_MAX, displayValue, problemMessageKey } from "~/people/import-problems";
import { teamNameKey } from "~/people/text";
import { CSV_FIXTURE_DIR, readFixture } from "../../support/fixtures/csv-files";
import { applyInMemory, managersAfter } from "../../support/import-in-memory";

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
    profileKey: null,
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
/** The profiles Rondom comes with, and one retired since. */
const PROFILES: ImportProfiles = {
  current: [
    { key: "medewerker-publiekszaken", name: "Competentieprofiel Medewerker publiekszaken" },
    { key: "projectleider", name: "Competentieprofiel Projectleider" },
    { key: "toepassing-beleid", name: "Competentieprofiel Toepassing beleid" },
  ],
  retired: [{ key: "beleidsadviseur", name: "Competentieprofiel Beleidsadviseur" }],
};
const CONTEXT: ImportContext = {
  people: PEOPLE,
  teams: TEAMS,
  profiles: PROFILES,
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
      {
        code: "emailTakenByOther",
        params: { name: "Dirk Hoofd", employeeNumber: "100002" },
        cell: { column: "email", value: "dirk.hoofd@gemeente.example" },
      },
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
      {
        code: "duplicateEmployeeNumber",
        params: { line: 2 },
        cell: { column: "employeeNumber", value: "201301" },
      },
    ]);
    expect(problemsAt(result, 5)).toEqual([
      {
        code: "duplicateEmail",
        params: { line: 3 },
        cell: { column: "email", value: "l.kramer@voorbeeld.example" },
      },
    ]);
  });

  it("reports invalid and missing values with their cell and reason", () => {
    const result = buildImportPlan(parseCsv(readFixture("bad-emails.csv")), CONTEXT);
    const email = (value: string) => ({ column: "email", value });
    expect(
      result.rows.map((row) => [row.line, row.kind === "error" ? row.problems : row.kind]),
    ).toEqual([
      [2, [{ code: "emailInvalid", cell: email("nina.claes(at)voorbeeld.example") }]],
      [3, [{ code: "emailRequired", cell: email("") }]],
      [4, [{ code: "lastNameRequired", cell: { column: "lastName", value: "" } }]],
      [5, [{ code: "employeeNumberRequired", cell: { column: "employeeNumber", value: "" } }]],
      [
        6,
        [
          { code: "emailInvalid", cell: email("h.maas@voorbeeld") },
          { code: "roleUnknown", cell: { column: "role", value: "directeur" } },
          { code: "languageUnknown", cell: { column: "language", value: "Frans" } },
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
    expect(problemsAt(result, 2)).toEqual([
      { code: "ownHrRole", cell: { column: "role", value: "" } },
    ]);
  });

  it("rejects an employee number with an @ (the lead column reads that as an address)", () => {
    const result = plan(["personeelsnummer;naam;email", "a@b;Iemand Anders;x@gemeente.example"]);
    expect(problemsAt(result, 2)).toEqual([
      { code: "employeeNumberInvalid", cell: { column: "employeeNumber", value: "a@b" } },
    ]);
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
      {
        code: "teamParentConflict",
        params: { team: "Wijkteam", parent: "Noord", line: 2 },
        cell: { column: "team", value: "Zuid > Wijkteam" },
      },
    ]);
    const cycle = plan([
      "personeelsnummer;naam;email;team",
      "200001;Anna Nieuw;anna@gemeente.example;Publiekszaken > Dienstverlening",
    ]);
    expect(problemsAt(cycle, 2)).toEqual([
      {
        code: "teamCycle",
        params: { team: "Dienstverlening" },
        cell: { column: "team", value: "Publiekszaken > Dienstverlening" },
      },
    ]);
  });

  it("refuses a team name with an invalid part", () => {
    const result = plan([
      "personeelsnummer;naam;email;team",
      "200001;Anna Nieuw;anna@gemeente.example;Noord >  > Wijk",
    ]);
    expect(problemsAt(result, 2)).toEqual([
      { code: "teamNameRequired", cell: { column: "team", value: "Noord > > Wijk" } },
    ]);
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
      {
        code: "leadConflict",
        params: { team: "Burgerzaken", lead: "Anna Nieuw", line: 2 },
        cell: { column: "lead", value: "200002" },
      },
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
    const lead = (value: string) => ({ column: "lead", value });
    expect(problemsAt(result, 2)).toEqual([{ code: "leadNotFound", cell: lead("999999") }]);
    expect(problemsAt(result, 3)).toEqual([{ code: "leadInactive", cell: lead("100005") }]);
    expect(problemsAt(result, 4)).toEqual([{ code: "leadWithoutTeam", cell: lead("200001") }]);
  });

  it("accepts a deactivated lead whom the file reactivates", () => {
    const result = plan([header, "100005;Gerrit Weg;gerrit.weg@gemeente.example;Archief;100005"]);
    expect(hasBlockingProblems(result)).toBe(false);
    expect(result.leadChanges[0]?.to.personId).toBe("p-gone");
  });
});

describe("the manager column", () => {
  const header = "personeelsnummer;naam;email;team;leidinggevende";
  const fixturePlan = (name: string, context: ImportContext = CONTEXT) =>
    buildImportPlan(parseCsv(readFixture(name)), context);
  /** Each team whose lead changes, with the new lead's employee number. */
  const leadsOf = (result: ImportPlan) =>
    result.leadChanges.map((change) => [change.teamName, change.to.employeeNumber]);
  /** The problems of every refused row, by line. */
  const refusals = (result: ImportPlan) =>
    result.rows.flatMap((row) => (row.kind === "error" ? [[row.line, row.problems]] : []));

  it("reads a personnel system's export: each person's own manager, leads in their own team", () => {
    const result = fixturePlan("personnel-system-export.csv");
    expect(refusals(result)).toEqual([]);
    expect(result.teamsToCreate).toEqual([
      { name: "Gemeente", parentName: null },
      { name: "Sociaal Domein", parentName: "Gemeente" },
      { name: "Wmo", parentName: "Sociaal Domein" },
      { name: "Jeugd", parentName: "Sociaal Domein" },
      { name: "Schuldhulp", parentName: "Sociaal Domein" },
    ]);
    expect(leadsOf(result)).toEqual([
      ["Gemeente", "300001"],
      ["Sociaal Domein", "300002"],
      ["Wmo", "300003"],
      ["Jeugd", "300006"],
      // A team without a lead of its own, led by the head of the department above it.
      ["Schuldhulp", "300002"],
    ]);
    expect(result.managersNotKept).toEqual([]);
    // Once applied, everyone's manager in a round is the one the file names.
    expect(managersAfter(result, CONTEXT)).toEqual({
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
  });

  it("still reads the older form: the lead of the row's team, the lead naming themself", () => {
    const result = fixturePlan("lead-of-the-team.csv");
    expect(refusals(result)).toEqual([]);
    expect(leadsOf(result)).toEqual([
      ["Bedrijfsvoering", "300101"],
      ["ICT", "300102"],
      // Named on every row of the team, from the department above: both readings agree.
      ["Financiën", "300101"],
      // One person naming someone else: that someone leads the team, as before.
      ["Archief", "300101"],
    ]);
    expect(managersAfter(result, CONTEXT)).toEqual({
      "300101": null,
      "300102": "300101",
      "300103": "300102",
      "300104": "300101",
      "300105": "300101",
      "300106": "300101",
    });
  });

  it("does not refuse the manager of a top team's lead, but lists it as not kept", () => {
    const result = fixturePlan("top-level-departments.csv");
    expect(hasBlockingProblems(result)).toBe(false);
    expect(leadsOf(result)).toEqual([
      ["Ruimte", "300402"],
      ["Vergunningen", "300405"],
    ]);
    expect(result.managersNotKept).toEqual([
      { line: 3, name: "Hatice Yildiz", manager: "Wim Lagerweij", team: "Ruimte" },
    ]);
    expect(managersAfter(result, CONTEXT)).toMatchObject({ "300402": null, "300403": "300402" });
    // The manager named is evidently still around.
    const known = { ...CONTEXT, people: [...PEOPLE, person("p-wim", "300401", ["Wim", "L"])] };
    const withWim = buildImportPlan(
      parseCsv(readFixture("top-level-departments.csv").replace(/^300401;.*\r\n/m, "")),
      known,
    );
    expect(withWim.deactivationCandidates.map((c) => c.personId)).not.toContain("p-wim");
  });

  it("refuses each conflict on its line, saying with whom", () => {
    const result = fixturePlan("manager-conflicts.csv");
    const lead = (value: string) => ({ column: "lead", value });
    expect(refusals(result)).toEqual([
      [
        6,
        [
          {
            code: "leadConflict",
            params: { team: "Noord", lead: "Bram Klein", line: 4 },
            cell: lead("300211"),
          },
        ],
      ],
      [
        7,
        [
          {
            code: "managerCycle",
            params: { cycle: "Fien Smal → Gijs Hoog → Fien Smal" },
            cell: lead("300207"),
          },
        ],
      ],
      [
        8,
        [
          {
            code: "managerCycle",
            params: { cycle: "Gijs Hoog → Fien Smal → Gijs Hoog" },
            cell: lead("300206"),
          },
        ],
      ],
      [9, [{ code: "leadNotFound", cell: lead("999999") }]],
      [
        11,
        [
          {
            code: "leadManagerConflict",
            params: { team: "Oost", parent: "Wijkteams", lead: "Anna Groot", line: 3 },
            cell: lead("300211"),
          },
        ],
      ],
      [14, [{ code: "leadInactive", cell: lead("100005") }]],
    ]);
    expect(hasBlockingProblems(result)).toBe(true);
  });

  it("shows a long circle of managers cut short", () => {
    const rows = Array.from({ length: 8 }, (_, index) => {
      const next = 200001 + ((index + 1) % 8);
      return `${200001 + index};Persoon ${index + 1};p${index + 1}@gemeente.example;Kring;${next}`;
    });
    expect(problemsAt(plan([header, ...rows]), 2)[0]?.params).toEqual({
      cycle: "Persoon 1 → Persoon 2 → Persoon 3 → Persoon 4 → Persoon 5 → Persoon 6 → …",
    });
  });

  it("accepts a team of two whose lead names the manager above (once refused as two leads)", () => {
    const result = plan([
      header,
      "200001;Anna Nieuw;anna@gemeente.example;Afdeling;",
      "200002;Bert Nieuw;bert@gemeente.example;Afdeling > Team;200001",
      "200003;Cor Nieuw;cor@gemeente.example;Afdeling > Team;200002",
    ]);
    expect(refusals(result)).toEqual([]);
    expect(leadsOf(result)).toEqual([
      ["Afdeling", "200001"],
      ["Team", "200002"],
    ]);
  });

  it("refuses a file split evenly on the line that would change the lead", () => {
    // Anna names Dirk (in the department above), Bert names Mo (in the team, not in the file).
    const file = [
      header,
      "200001;Anna Nieuw;anna@gemeente.example;Publiekszaken;100002",
      "200002;Bert Nieuw;bert@gemeente.example;Publiekszaken;100004",
    ];
    const conflictOn = (result: ImportPlan) =>
      refusals(result).map(([line, problems]) => [
        line,
        (problems as { params?: object }[])[0]?.params,
      ]);
    // The one who sits in the team wins over the one above it…
    expect(conflictOn(plan(file))).toEqual([
      [2, { team: "Publiekszaken", lead: "Mo Meijer", line: 3 }],
    ]);
    // …but the team's lead now wins over both.
    const ledByDirk = TEAMS.map((team) => ({ ...team, leadPersonId: "p-head" }));
    expect(conflictOn(plan(file, { ...CONTEXT, teams: ledByDirk }))).toEqual([
      [3, { team: "Publiekszaken", lead: "Dirk Hoofd", line: 2 }],
    ]);
    // And one above the team over one outside it (Hanna has no team), whoever comes first.
    const outside = [
      header,
      "200002;Bert Nieuw;bert@gemeente.example;Publiekszaken;100001",
      file[1]!,
    ];
    expect(conflictOn(plan(outside))).toEqual([
      [2, { team: "Publiekszaken", lead: "Dirk Hoofd", line: 3 }],
    ]);
  });

  it("counts a person's own row for them: whom the others name leads, not whom they name", () => {
    // Bert names Mo, who sits in Publiekszaken too (not in the file); Anna names Bert.
    const result = plan([
      header,
      "200002;Bert Nieuw;bert@gemeente.example;Publiekszaken;100004",
      "200001;Anna Nieuw;anna@gemeente.example;Publiekszaken;200002",
    ]);
    expect(refusals(result)).toEqual([]);
    // Bert's own manager leads the team above.
    expect(leadsOf(result)).toEqual([
      ["Dienstverlening", "100004"],
      ["Publiekszaken", "200002"],
    ]);
  });

  it("reads the example on the import page as its comment says", () => {
    const result = plan(IMPORT_EXAMPLE.split("\n"), { ...CONTEXT, people: [], teams: [] });
    expect(hasBlockingProblems(result)).toBe(false);
    expect(leadsOf(result)).toEqual([
      ["Dienstverlening", "100234"],
      ["Publiekszaken", "100912"],
    ]);
  });
});

describe("refused values", () => {
  it("are shown on their line, cut to display size, invisible characters made visible", () => {
    const result = buildImportPlan(parseCsv(readFixture("invalid-values.csv")), CONTEXT);
    const longName = `Van Der ${"Achternaammetheelveelletters".repeat(4)}`;
    expect(
      result.rows.map((row) => [row.line, row.kind === "error" ? row.problems : row.kind]),
    ).toEqual([
      [
        2,
        [
          {
            code: "emailInvalid",
            cell: { column: "email", value: "nina.claes(at)voorbeeld.example" },
          },
        ],
      ],
      [3, [{ code: "roleUnknown", cell: { column: "role", value: "manager" } }]],
      [4, [{ code: "teamNameRequired", cell: { column: "team", value: "Burgerzaken >" } }]],
      [
        5,
        [
          { code: "languageUnknown", cell: { column: "language", value: "Duits" } },
          { code: "leadNotFound", cell: { column: "lead", value: "300399" } },
        ],
      ],
      [
        6,
        [
          {
            code: "lastNameTooLong",
            cell: { column: "lastName", value: `${longName.slice(0, DISPLAY_VALUE_MAX)}…` },
          },
        ],
      ],
      [7, [{ code: "leadNotText", cell: { column: "lead", value: "3003[U+200B]01" } }]],
      [8, "new"],
    ]);
  });

  it("show a problem with a part of a full name with the whole cell", () => {
    const result = plan(["personeelsnummer;naam;email", "200001;Fleur;fleur@gemeente.example"]);
    expect(problemsAt(result, 2)).toEqual([
      { code: "lastNameRequired", cell: { column: "name", value: "Fleur" } },
    ]);
  });

  it("keep at most DISPLAY_VALUE_MAX characters of a value, looking only at its start", () => {
    expect(displayValue("  Jan \t  de\r\nVries  ")).toBe("Jan de Vries");
    expect(displayValue("x".repeat(DISPLAY_VALUE_MAX))).toBe("x".repeat(DISPLAY_VALUE_MAX));
    expect(displayValue("x".repeat(2_000_000))).toBe(`${"x".repeat(DISPLAY_VALUE_MAX)}…`);
    // Not cut in the middle of a character that takes two code units.
    expect(displayValue("😀".repeat(100))).toBe(`${"😀".repeat(DISPLAY_VALUE_MAX)}…`);
    expect(displayValue(" ".repeat(500) + "x")).toBe("…");
  });

  it("show characters that are not text by their code point, so they cannot hide or reorder", () => {
    expect(displayValue("Jan\u202Eseirv")).toBe("Jan[U+202E]seirv");
    expect(displayValue("a\u0000b\u2028c\uFEFF")).toBe("a[U+0000]b[U+2028]c[U+FEFF]");
    expect(displayValue("\uD800x")).toBe("[U+D800]x");
    // A code point's label counts for its length: the value stays at display size.
    expect(displayValue("\u200b".repeat(100))).toBe(`${"[U+200B]".repeat(7)}…`);
    // At most three combining marks on a letter (after composing é), as a name may have.
    expect(displayValue(`e${"\u0301".repeat(20)}`)).toBe(`\u00e9${"\u0301".repeat(3)}`);
  });
});

describe("the function-profile column", () => {
  const header = "personeelsnummer;naam;email;functieprofiel";
  /** Each row's profile key, or its problems. */
  const profilesOf = (result: ImportPlan) =>
    result.rows.map((row) => [
      row.line,
      row.kind === "error" ? row.problems : (row.person.profile?.key ?? null),
    ]);
  const cell = (value: string) => ({ column: "profile", value });
  const KNOWN =
    "Competentieprofiel Medewerker publiekszaken, Competentieprofiel Projectleider, Competentieprofiel Toepassing beleid";

  it("names a profile by key or name, in any case and spacing, with or without 'Competentieprofiel'", () => {
    const result = buildImportPlan(parseCsv(readFixture("function-profiles.csv")), CONTEXT);
    expect(profilesOf(result)).toEqual([
      [2, "medewerker-publiekszaken"],
      [3, "medewerker-publiekszaken"],
      [4, "projectleider"],
      [5, "toepassing-beleid"],
      [6, "toepassing-beleid"],
      // An empty cell: a new person gets no profile.
      [7, null],
      [
        8,
        [
          {
            code: "profileUnknown",
            params: { count: 3, known: KNOWN },
            cell: cell("Teamleider Ruimte"),
          },
        ],
      ],
      [9, "projectleider"],
      [
        10,
        [
          {
            code: "profileRetired",
            params: { name: "Competentieprofiel Beleidsadviseur" },
            cell: cell("Competentieprofiel Beleidsadviseur"),
          },
        ],
      ],
    ]);
    // The job title of a personnel system's export is not the function profile.
    expect(result.ignoredColumns).toEqual(["Functie"]);
    expect(rowAt(result, 2)).toMatchObject({
      kind: "new",
      person: {
        profile: {
          key: "medewerker-publiekszaken",
          name: "Competentieprofiel Medewerker publiekszaken",
        },
      },
    });
  });

  it("finds the same file without its refused lines unchanged the second time", () => {
    const text = readFixture("function-profiles.csv")
      .split("\r\n")
      .filter((line) => !/^40000[79];/.test(line))
      .join("\r\n");
    const first = buildImportPlan(parseCsv(text), CONTEXT);
    expect(hasBlockingProblems(first)).toBe(false);
    const second = buildImportPlan(parseCsv(text), applyInMemory(first, CONTEXT));
    expect(second.rows.every((row) => row.kind === "unchanged")).toBe(true);
  });

  describe("for people who have a profile", () => {
    const holders: ImportContext = {
      ...CONTEXT,
      people: PEOPLE.map((existing) =>
        existing.id === "p-member"
          ? { ...existing, profileKey: "beleidsadviseur" }
          : existing.id === "p-lead"
            ? { ...existing, profileKey: "projectleider" }
            : existing,
      ),
    };

    it("keeps a retired profile the cell names, and any profile for an empty cell", () => {
      const result = plan(
        [
          header,
          "100004;Mo Meijer;mo.meijer@gemeente.example;Beleidsadviseur",
          "100003;Lotte Leider;lotte.leider@gemeente.example;",
          "100002;Dirk Hoofd;dirk.hoofd@gemeente.example;Projectleider",
          "100001;Hanna Roos;hanna.roos@gemeente.example;beleidsadviseur",
        ],
        holders,
      );
      expect(profilesOf(result)).toEqual([
        [2, "beleidsadviseur"],
        [3, "projectleider"],
        [4, "projectleider"],
        // Retired: no one else is given it.
        [
          5,
          [
            {
              code: "profileRetired",
              params: { name: "Competentieprofiel Beleidsadviseur" },
              cell: cell("beleidsadviseur"),
            },
          ],
        ],
      ]);
      expect(result.rows.slice(0, 3).map((row) => row.kind)).toEqual([
        "unchanged",
        "unchanged",
        "changed",
      ]);
      expect(rowAt(result, 4)).toMatchObject({
        changes: [{ field: "profile", from: null, to: "Competentieprofiel Projectleider" }],
      });
    });

    it("shows a change from a retired profile to a current one by name", () => {
      const result = plan(
        [header, "100004;Mo Meijer;mo.meijer@gemeente.example;Toepassing beleid"],
        holders,
      );
      expect(rowAt(result, 2)).toMatchObject({
        kind: "changed",
        person: { profile: { key: "toepassing-beleid" } },
        changes: [
          {
            field: "profile",
            from: "Competentieprofiel Beleidsadviseur",
            to: "Competentieprofiel Toepassing beleid",
          },
        ],
      });
    });

    it("keeps everyone's profile when the file has no profile column", () => {
      const result = plan(
        ["personeelsnummer;naam;email", "100004;Mo Meijer;mo.meijer@gemeente.example"],
        holders,
      );
      expect(rowAt(result, 2)).toMatchObject({
        kind: "unchanged",
        person: {
          profile: { key: "beleidsadviseur", name: "Competentieprofiel Beleidsadviseur" },
        },
      });
    });
  });

  it("refuses a value that fits two profiles, unless one is the person's own; a key as written wins", () => {
    const twoNamed: ImportContext = {
      ...CONTEXT,
      profiles: {
        ...PROFILES,
        current: [...PROFILES.current, { key: "projectleider-ruimte", name: "Projectleider" }],
      },
      people: PEOPLE.map((existing) =>
        existing.id === "p-member" ? { ...existing, profileKey: "projectleider-ruimte" } : existing,
      ),
    };
    const result = plan(
      [
        header,
        "200001;Anna Nieuw;anna@gemeente.example;Projectleider",
        "200002;Bert Nieuw;bert@gemeente.example;projectleider",
        "200003;Cor Nieuw;cor@gemeente.example;projectleider-ruimte",
        "100004;Mo Meijer;mo.meijer@gemeente.example;Competentieprofiel Projectleider",
      ],
      twoNamed,
    );
    expect(profilesOf(result)).toEqual([
      [
        2,
        [
          {
            code: "profileAmbiguous",
            params: {
              profiles:
                "Competentieprofiel Projectleider (projectleider), Projectleider (projectleider-ruimte)",
            },
            cell: cell("Projectleider"),
          },
        ],
      ],
      [3, "projectleider"],
      [4, "projectleider-ruimte"],
      [5, "projectleider-ruimte"],
    ]);
    expect(rowAt(result, 5).kind).toBe("unchanged");
  });

  it("says what was expected, also with one profile or none in the library", () => {
    const one: ImportContext = {
      ...CONTEXT,
      profiles: { current: [PROFILES.current[1]!], retired: [] },
    };
    const file = [header, "200001;Anna Nieuw;anna@gemeente.example;Beleidsadviseur"];
    expect(problemsAt(plan(file, one), 2)).toEqual([
      {
        code: "profileUnknown",
        params: { count: 1, known: "Competentieprofiel Projectleider" },
        cell: cell("Beleidsadviseur"),
      },
    ]);
    const empty = { ...CONTEXT, profiles: { current: [], retired: [] } };
    expect(problemsAt(plan(file, empty), 2)).toEqual([
      { code: "profileLibraryEmpty", cell: cell("Beleidsadviseur") },
    ]);

    const say = (locale: "nl" | "en", context: ImportContext) => {
      const [problem] = problemsAt(plan(file, context), 2);
      return translator(locale)(problemMessageKey(problem!.code), problem!.params);
    };
    expect(say("nl", one)).toBe(
      "Dit is geen profiel uit de profielbibliotheek. Verwacht: de naam of sleutel van het profiel Competentieprofiel Projectleider, of een lege cel.",
    );
    const three = { ...CONTEXT, profiles: { ...PROFILES, retired: [] } };
    expect(say("nl", three)).toBe(
      `Dit is geen profiel uit de profielbibliotheek. Verwacht: de naam of sleutel van een van de 3 profielen, zoals ${KNOWN}; of een lege cel.`,
    );
    expect(say("en", three)).toBe(
      `This is not a profile in the profile library. Expected: the name or key of one of the 3 profiles, such as ${KNOWN}; or an empty cell.`,
    );
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
