import { describe, expect, it } from "vitest";
import { managerOf, type TeamFacts } from "~/cycles/manager";

// Gemeente: Afdeling (lead: dora) with Team A (lead: anna) and Team B (lead: dora herself),
// Team C without lead under the Afdeling, and Team D under Team A (lead: piet, inactive).
const teams: (TeamFacts & { name: string })[] = [
  { id: "afdeling", name: "Afdeling", parentTeamId: null, leadPersonId: "dora" },
  { id: "a", name: "Team A", parentTeamId: "afdeling", leadPersonId: "anna" },
  { id: "b", name: "Team B", parentTeamId: "afdeling", leadPersonId: "dora" },
  { id: "c", name: "Team C", parentTeamId: "afdeling", leadPersonId: null },
  { id: "d", name: "Team D", parentTeamId: "a", leadPersonId: "piet" },
  { id: "top", name: "Bestuur", parentTeamId: null, leadPersonId: null },
];
const byId = new Map(teams.map((team) => [team.id, team]));
const active = (id: string) => id !== "piet";

describe("managerOf", () => {
  it("is the lead of the person's team", () => {
    expect(managerOf({ id: "jan", teamId: "a" }, byId, active)).toBe("anna");
  });

  it("is the lead of the parent team for the team's own lead", () => {
    expect(managerOf({ id: "anna", teamId: "a" }, byId, active)).toBe("dora");
  });

  it("goes further up when the same person leads the parent too", () => {
    expect(managerOf({ id: "dora", teamId: "b" }, byId, active)).toBeNull();
  });

  it("is nobody for a team without a lead, a person without a team, or an inactive lead", () => {
    expect(managerOf({ id: "kees", teamId: "c" }, byId, active)).toBeNull();
    expect(managerOf({ id: "kees", teamId: null }, byId, active)).toBeNull();
    expect(managerOf({ id: "kees", teamId: "verdwenen" }, byId, active)).toBeNull();
    expect(managerOf({ id: "jet", teamId: "d" }, byId, active)).toBeNull();
  });

  it("stops on teams that point at each other", () => {
    const loop = new Map<string, TeamFacts>([
      ["x", { id: "x", parentTeamId: "y", leadPersonId: "eva" }],
      ["y", { id: "y", parentTeamId: "x", leadPersonId: "eva" }],
    ]);
    expect(managerOf({ id: "eva", teamId: "x" }, loop, active)).toBeNull();
  });
});
