import { describe, expect, it, vi } from "vitest";
import { translator } from "~/i18n/messages";
import { parseCsv } from "~/people/csv";
import {
  buildImportPlan,
  IMPORT_MAX_ROWS,
  type ExistingPerson,
  type ExistingTeam,
  type ImportContext,
  type ImportPlan,
} from "~/people/import-plan";
import { displayValue, problemMessageKey, type ImportProblem } from "~/people/import-problems";
import { NO_PROFILES } from "~/people/import-profiles";
import { IMPORT_MAX_NEW_TEAMS } from "~/people/import-teams";
import { MAX_IMPORT_BYTES } from "~/people/import-upload-schema";
import { TEAM_MAX_DEPTH } from "~/people/team-schema";
import type * as TeamTree from "~/people/team-tree";
import { forestLevels } from "~/people/team-tree";
import {
  deepTeamsImport,
  manyPeopleImport,
  manyTeamsImport,
} from "../../support/fixtures/worst-case-import";

// One import row could stall the server: a team path of thousands of levels made the cycle
// check walk the whole chain from every team (10,000 levels took 10.5 s). Now a path has at
// most 10 levels, no line may nest a team deeper, an import makes at most 5,000 new teams, and
// the teams are walked once. The work is counted here (never timed): the planner's walk over
// the teams is wrapped to count its parent lookups.

const walks = vi.hoisted(() => ({ nodes: 0, parentLookups: 0 }));

vi.mock("~/people/team-tree", async (importOriginal) => {
  const original = await importOriginal<typeof TeamTree>();
  return {
    ...original,
    forestLevels<K>(nodes: Iterable<K>, parentOf: (node: K) => K | null) {
      const list = [...nodes];
      walks.nodes += list.length;
      return original.forestLevels(list, (node) => {
        walks.parentLookups++;
        return parentOf(node);
      });
    },
  };
});

const NO_ONE: ImportContext = {
  people: [],
  teams: [],
  profiles: NO_PROFILES,
  defaultLocale: "nl",
  actorPersonId: null,
};
const HEADER = "personeelsnummer;naam;email;team";

function plan(rows: string[], context: ImportContext = NO_ONE): ImportPlan {
  return buildImportPlan(parseCsv([HEADER, ...rows].join("\n")), context);
}

/** A row for the nth person with this team cell. */
const row = (n: number, team: string) =>
  `${200000 + n};Anna Nieuw${n};anna${n}@gemeente.example;${team}`;

const path = (prefix: string, from: number, levels: number) =>
  Array.from({ length: levels }, (_, index) => `${prefix}${from + index}`).join(" > ");

/** The team cell of a refused line, as the plan shows it. */
const teamCell = (cell: string) => ({ column: "team", value: displayValue(cell) });

function problemsAt(result: ImportPlan, line: number): ImportProblem[] {
  const outcome = result.rows.find((candidate) => candidate.line === line);
  if (!outcome) throw new Error(`no row on line ${line}`);
  return outcome.kind === "error" ? outcome.problems : [];
}

function problemCounts(result: ImportPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of result.rows) {
    if (outcome.kind !== "error") continue;
    for (const problem of outcome.problems) counts[problem.code] = (counts[problem.code] ?? 0) + 1;
  }
  return counts;
}

/** A chain of existing teams L1 > L2 > … > L<levels>, made by hand. */
function existingChain(levels: number, prefix = "L"): ExistingTeam[] {
  return Array.from({ length: levels }, (_, index) => ({
    id: `${prefix}${index + 1}`,
    name: `${prefix}${index + 1}`,
    parentTeamId: index === 0 ? null : `${prefix}${index}`,
    leadPersonId: null,
  }));
}

describe("team path depth", () => {
  it("refuses a path of 11 levels on its line, and plans one of 10", () => {
    expect(TEAM_MAX_DEPTH).toBe(10);
    const result = plan([row(1, path("T", 1, 10)), row(2, path("U", 1, 11))]);
    expect(problemsAt(result, 2)).toEqual([]);
    expect(problemsAt(result, 3)).toEqual([
      {
        code: "teamPathTooDeep",
        params: { levels: 11, max: 10 },
        cell: teamCell(path("U", 1, 11)),
      },
    ]);
    expect(result.rows.map((outcome) => [outcome.line, outcome.kind])).toEqual([
      [2, "new"],
      [3, "error"],
    ]);
    expect(result.teamsToCreate.map((team) => team.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `T${index + 1}`),
    );
    expect(result.teamsToCreate.at(-1)).toEqual({ name: "T10", parentName: "T9" });
  });

  it("says so in Dutch and in English", () => {
    const problem = problemsAt(plan([row(1, path("U", 1, 11))]), 2)[0]!;
    const key = problemMessageKey(problem.code);
    expect(translator("nl")(key, problem.params)).toBe(
      "Dit teampad heeft 11 niveaus; teams kunnen hoogstens 10 niveaus diep genest zijn.",
    );
    expect(translator("en")(key, problem.params)).toBe(
      "This team path has 11 levels; teams can be nested at most 10 levels deep.",
    );
  });

  it("refuses a path of 10,000 levels without checking its names", () => {
    const result = plan([row(1, path("T", 0, 10_000))]);
    expect(problemsAt(result, 2)).toEqual([
      {
        code: "teamPathTooDeep",
        params: { levels: 10_000, max: 10 },
        cell: teamCell(path("T", 0, 10_000)),
      },
    ]);
    expect(result.teamsToCreate).toEqual([]);
  });

  it("refuses a line that nests a team deeper than 10 levels below existing teams", () => {
    const context = { ...NO_ONE, teams: existingChain(2) };
    // L2 is on level 2: nine more names under it end on level 11.
    const tooDeep = plan([row(1, `L2 > ${path("N", 1, 9)}`)], context);
    expect(problemsAt(tooDeep, 2)).toEqual([
      {
        code: "teamTooDeep",
        params: { team: "N9", levels: 11, max: 10 },
        cell: teamCell(`L2 > ${path("N", 1, 9)}`),
      },
    ]);
    expect(problemsAt(plan([row(1, `L2 > ${path("N", 1, 8)}`)], context), 2)).toEqual([]);
  });

  it("names the line that goes too deep when lines chain their paths", () => {
    const result = plan([row(1, path("T", 1, 10)), row(2, "T10 > T11"), row(3, "T10 > Z")]);
    expect(problemsAt(result, 2)).toEqual([]);
    expect(problemsAt(result, 3)).toEqual([
      {
        code: "teamTooDeep",
        params: { team: "T11", levels: 11, max: 10 },
        cell: teamCell("T10 > T11"),
      },
    ]);
    expect(problemsAt(result, 4)).toEqual([
      {
        code: "teamTooDeep",
        params: { team: "Z", levels: 11, max: 10 },
        cell: teamCell("T10 > Z"),
      },
    ]);
  });

  it("counts the existing teams below a team the file moves", () => {
    // A > B > C exist; moving A under L8 puts C on level 11.
    const teams = [
      ...existingChain(8),
      { id: "A", name: "A", parentTeamId: null, leadPersonId: null },
      { id: "B", name: "B", parentTeamId: "A", leadPersonId: null },
      { id: "C", name: "C", parentTeamId: "B", leadPersonId: null },
    ];
    const result = plan([row(1, "L8 > A")], { ...NO_ONE, teams });
    expect(problemsAt(result, 2)).toEqual([
      { code: "teamTooDeep", params: { team: "C", levels: 11, max: 10 }, cell: teamCell("L8 > A") },
    ]);
    expect(problemsAt(plan([row(1, "L7 > A")], { ...NO_ONE, teams }), 2)).toEqual([]);
  });

  it("leaves a tree made too deep by hand alone, but adds nothing below it", () => {
    const context = { ...NO_ONE, teams: existingChain(12) };
    expect(problemsAt(plan([row(1, "L11 > L12")], context), 2)).toEqual([]);
    expect(problemsAt(plan([row(1, "L12 > Nieuw")], context), 2)).toEqual([
      {
        code: "teamTooDeep",
        params: { team: "Nieuw", levels: 13, max: 10 },
        cell: teamCell("L12 > Nieuw"),
      },
    ]);
  });
});

describe("cycles", () => {
  it("finds a cycle that runs through many lines, once per team on it", () => {
    // K0 > … > K9, K9 > … > K18, …: 111 lines, then K999 > K0 closes the ring.
    const rows: string[] = [];
    for (let top = 0; top + 9 < 1000; top += 9) rows.push(row(rows.length, path("K", top, 10)));
    rows.push(row(rows.length, "K999 > K0"));
    const result = plan(rows);
    expect(problemCounts(result)).toEqual({ teamCycle: 1000 });
    expect(problemsAt(result, rows.length + 1)).toEqual([
      { code: "teamCycle", params: { team: "K0" }, cell: teamCell("K999 > K0") },
    ]);
  });
});

describe("the work is linear", () => {
  it("walks a chain of 100,000 teams once, with one parent lookup per team", () => {
    let lookups = 0;
    const parentOf = (node: number) => {
      lookups++;
      return node === 0 ? null : node - 1;
    };
    const nodes = Array.from({ length: 100_000 }, (_, index) => index);
    const { level, onCycle, topDown } = forestLevels(nodes, parentOf);
    expect(lookups).toBe(100_000);
    expect(level.get(99_999)).toBe(100_000);
    expect(onCycle.size).toBe(0);
    expect(topDown).toHaveLength(100_000);
    expect(topDown[0]).toBe(0);
  });

  it("finds a ring, and leaves the teams below it without a level", () => {
    let lookups = 0;
    // 0 … 999 form a ring (0's parent is 999); 1000 … 1999 hang below 0, each under the one before.
    const parentOf = (node: number) => {
      lookups++;
      if (node === 0) return 999;
      if (node === 1000) return 0;
      return node - 1;
    };
    const nodes = Array.from({ length: 2000 }, (_, index) => 1999 - index);
    const { level, onCycle, topDown } = forestLevels(nodes, parentOf);
    expect(lookups).toBe(2000);
    expect(onCycle.size).toBe(1000);
    expect(onCycle.has(0) && onCycle.has(999) && !onCycle.has(1000)).toBe(true);
    expect(level.get(1500)).toBeNull();
    expect(topDown).toEqual([]);
  });

  it("plans the 2 MB worst case with one lookup per team", () => {
    const file = deepTeamsImport();
    // As large as an import may be: 2 MB, or as many rows as an import may have.
    expect(file.bytes).toBeGreaterThan(MAX_IMPORT_BYTES * 0.9);
    expect(file.bytes).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    expect(file.text.split("\n").length - 1).toBe(IMPORT_MAX_ROWS);
    expect(file.teams).toBe(IMPORT_MAX_NEW_TEAMS);
    walks.nodes = 0;
    walks.parentLookups = 0;

    const result = buildImportPlan(parseCsv(file.text), NO_ONE);

    expect(result.problems).toEqual([]);
    expect(result.counts.teamsToCreate).toBe(IMPORT_MAX_NEW_TEAMS);
    // Every team walked once, whatever the depth of the chains (2,000 levels here).
    expect(walks.nodes).toBe(IMPORT_MAX_NEW_TEAMS);
    expect(walks.parentLookups).toBeLessThanOrEqual(IMPORT_MAX_NEW_TEAMS);
    // The chain: its first line is fine, the others nest too deep; the ring is a cycle; the
    // forest (paths of exactly 10 levels) is fine.
    const { chain, cycle, forest } = file.parts;
    expect(problemsAt(result, chain!.first)).toEqual([]);
    expect(problemsAt(result, chain!.first + 1)[0]?.code).toBe("teamTooDeep");
    expect(problemsAt(result, cycle!.last)).toMatchObject([
      { code: "teamCycle", params: { team: "k0" }, cell: { column: "team" } },
    ]);
    for (let line = forest!.first; line <= forest!.last; line += 97) {
      expect(problemsAt(result, line)).toEqual([]);
    }
    expect(problemCounts(result)).toEqual({
      teamTooDeep: expect.any(Number),
      teamCycle: IMPORT_MAX_NEW_TEAMS * (2 / 5),
    });
  });

  it("refuses a file that would make more than 5,000 new teams as a whole, before walking them", () => {
    const file = manyTeamsImport();
    expect(file.teams).toBeGreaterThan(100_000);
    walks.nodes = 0;
    const result = buildImportPlan(parseCsv(file.text), NO_ONE);
    expect(result.problems).toEqual([
      { code: "tooManyTeams", params: { max: IMPORT_MAX_NEW_TEAMS } },
    ]);
    expect(result.rows).toEqual([]);
    expect(walks.nodes).toBe(0);
  });

  it("offers a large organisation for deactivation with one pass over its teams", () => {
    // 2,000 people and 500 teams they lead, none of them in the file: each is offered, with
    // the teams they lead. Before, every candidate went over every team.
    const people: ExistingPerson[] = Array.from({ length: 2000 }, (_, index) => ({
      id: `p${index}`,
      employeeNumber: String(100000 + index),
      firstName: "Piet",
      lastName: `Achternaam${index}`,
      email: `p${index}@gemeente.example`,
      locale: "nl",
      teamId: null,
      profileKey: null,
      isHrAdmin: false,
      isActive: true,
    }));
    const teams: ExistingTeam[] = Array.from({ length: 500 }, (_, index) => ({
      id: `t${index}`,
      name: `Team ${index}`,
      parentTeamId: null,
      leadPersonId: `p${index * 4}`,
    }));
    let teamReads = 0;
    const countedTeams = new Proxy(teams, {
      get(target, property, receiver) {
        if (typeof property === "string" && /^\d+$/.test(property)) teamReads++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const result = plan([row(1, "")], { ...NO_ONE, people, teams: countedTeams });
    expect(result.deactivationCandidates).toHaveLength(2000);
    const led = result.deactivationCandidates.find((candidate) => candidate.personId === "p8");
    expect(led?.ledTeams).toEqual(["Team 2"]);
    expect(teamReads).toBeLessThanOrEqual(10 * teams.length);
  });
});

describe("people per file", () => {
  it("a 2 MB file of the shortest rows is refused as a whole, naming the limit", () => {
    const file = manyPeopleImport();
    const result = buildImportPlan(parseCsv(file.text), NO_ONE);
    expect(result.problems).toEqual([
      {
        code: "tooManyRows",
        params: { rows: expect.any(Number) as number, max: IMPORT_MAX_ROWS },
      },
    ]);
    expect(result.rows).toEqual([]);
    const t = translator("nl");
    expect(t(problemMessageKey("tooManyRows"), { rows: 70_000, max: IMPORT_MAX_ROWS })).toContain(
      "25.000",
    );
  });

  it(`${IMPORT_MAX_ROWS} rows are planned`, () => {
    const text = manyPeopleImport()
      .text.split("\n")
      .slice(0, IMPORT_MAX_ROWS + 1)
      .join("\n");
    const result = buildImportPlan(parseCsv(text), NO_ONE);
    expect(result.problems).toEqual([]);
    expect(result.counts.new).toBe(IMPORT_MAX_ROWS);
  });
});
