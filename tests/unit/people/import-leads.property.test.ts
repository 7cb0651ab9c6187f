import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { managerOf, type TeamFacts } from "~/cycles/manager";
import { parseCsv } from "~/people/csv";
import { buildImportPlan, type ImportContext, type ImportPlan } from "~/people/import-plan";
import { NO_PROFILES } from "~/people/import-profiles";
import { managersAfter } from "../../support/import-in-memory";

// The manager column against random organisations. An organisation is teams in a tree, people
// in teams, and leads who sit in the team they lead or in a team above it. Written out as a
// personnel system does (everyone's own manager, as Rondom works it out), the import must give
// everyone that manager again, without refusing anything. Written out in the older form (the
// lead of the row's team on every row), it must give the teams the same leads.

interface Organisation {
  /** Each team's parent, an earlier team or none. */
  parents: (number | null)[];
  /** Each person's team, or none. */
  teamOf: (number | null)[];
  /** Each team's lead, a person, or none. */
  leads: (number | null)[];
}

const organisations: fc.Arbitrary<Organisation> = fc
  .record({
    parentChoices: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
    teamChoices: fc.array(fc.option(fc.nat(), { freq: 8 }), { minLength: 1, maxLength: 14 }),
    leadChoices: fc.array(fc.option(fc.nat(), { freq: 4 }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ parentChoices, teamChoices, leadChoices }) => {
    // Team i may sit under an earlier team (choice mod i+1 equal to i: at the top).
    const parents = parentChoices.map((choice, team) =>
      choice % (team + 1) === team ? null : choice % (team + 1),
    );
    const teamOf = teamChoices.map((choice) => (choice === null ? null : choice % parents.length));
    const above = (team: number): number[] => {
      const chain = [team];
      for (let parent = parents[team]; parent != null; parent = parents[parent]) {
        chain.push(parent);
      }
      return chain;
    };
    // A lead sits in the team or in a team above it.
    const leads = parents.map((_, team) => {
      const choice = leadChoices[team];
      const eligible = teamOf.flatMap((own, person) =>
        own !== null && above(team).includes(own) ? [person] : [],
      );
      return choice == null || eligible.length === 0 ? null : eligible[choice % eligible.length]!;
    });
    return { parents, teamOf, leads };
  });

const number = (person: number) => String(700000 + person);
const teamName = (team: number) => `Team ${team}`;

function pathOf(organisation: Organisation, team: number | null): string {
  const names: string[] = [];
  for (let at = team; at !== null; at = organisation.parents[at] ?? null)
    names.unshift(teamName(at));
  return names.join(" > ");
}

/** Each person's manager in the organisation, as Rondom works it out. */
function managersOf(organisation: Organisation): (number | null)[] {
  const teams = new Map<string, TeamFacts>(
    organisation.parents.map((parent, team) => [
      String(team),
      {
        id: String(team),
        parentTeamId: parent === null ? null : String(parent),
        leadPersonId: organisation.leads[team] === null ? null : String(organisation.leads[team]),
      },
    ]),
  );
  return organisation.teamOf.map((team, person) => {
    const id = managerOf(
      { id: String(person), teamId: team === null ? null : String(team) },
      teams,
      () => true,
    );
    return id === null ? null : Number(id);
  });
}

function importOf(organisation: Organisation, cellOf: (person: number) => number | null) {
  const lines = [
    "personeelsnummer;naam;email;team;leidinggevende",
    ...organisation.teamOf.map((team, person) => {
      const manager = cellOf(person);
      return [
        number(person),
        `Persoon ${person}`,
        `p${person}@voorbeeld.example`,
        pathOf(organisation, team),
        manager === null ? "" : number(manager),
      ].join(";");
    }),
  ];
  const nobody: ImportContext = {
    people: [],
    teams: [],
    profiles: NO_PROFILES,
    defaultLocale: "nl",
    actorPersonId: null,
  };
  return { plan: buildImportPlan(parseCsv(lines.join("\n")), nobody), context: nobody, lines };
}

const refused = (plan: ImportPlan) => plan.rows.filter((row) => row.kind === "error");

describe("the manager column, for any organisation", () => {
  it("gives everyone the manager a personnel system's export names", () => {
    fc.assert(
      fc.property(organisations, (organisation) => {
        const managers = managersOf(organisation);
        const { plan, context, lines } = importOf(organisation, (person) => managers[person]!);
        expect(refused(plan), lines.join("\n")).toEqual([]);
        expect(plan.managersNotKept, lines.join("\n")).toEqual([]);
        const expected = Object.fromEntries(
          managers.map((manager, person) => [
            number(person),
            manager === null ? null : number(manager),
          ]),
        );
        expect(managersAfter(plan, context), lines.join("\n")).toEqual(expected);
      }),
    );
  });

  it("gives the teams the leads the older form names", () => {
    fc.assert(
      fc.property(organisations, (organisation) => {
        const { plan, lines } = importOf(organisation, (person) => {
          const team = organisation.teamOf[person];
          return team == null ? null : organisation.leads[team]!;
        });
        expect(refused(plan), lines.join("\n")).toEqual([]);
        // Every team that someone sits in and that has a lead; no other.
        const expected = organisation.leads.flatMap((lead, team) =>
          lead !== null && organisation.teamOf.includes(team)
            ? [[teamName(team), number(lead)]]
            : [],
        );
        const leads = plan.leadChanges.map((change) => [change.teamName, change.to.employeeNumber]);
        expect(leads.sort(), lines.join("\n")).toEqual(expected.sort());
      }),
    );
  });
});
