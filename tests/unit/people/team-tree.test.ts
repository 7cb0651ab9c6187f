import { describe, expect, it } from "vitest";
import { teamPathLabel, teamsByPath, wouldCreateCycle } from "~/people/team-tree";

const TEAMS = [
  { id: "d", name: "Dienstverlening", parentTeamId: null },
  { id: "p", name: "Publiekszaken", parentTeamId: "d" },
  { id: "b", name: "Balie", parentTeamId: "p" },
  { id: "a", name: "Archief", parentTeamId: null },
];

describe("team nesting", () => {
  it("refuses a parent that is the team itself or below it", () => {
    expect(wouldCreateCycle("d", "d", TEAMS)).toBe(true);
    expect(wouldCreateCycle("d", "b", TEAMS)).toBe(true);
    expect(wouldCreateCycle("b", "a", TEAMS)).toBe(false);
    expect(wouldCreateCycle("p", "d", TEAMS)).toBe(false);
  });

  it("labels a team with its path and orders teams by it", () => {
    expect(teamPathLabel("b", TEAMS)).toBe("Dienstverlening > Publiekszaken > Balie");
    expect(teamsByPath(TEAMS).map((team) => team.label)).toEqual([
      "Archief",
      "Dienstverlening",
      "Dienstverlening > Publiekszaken",
      "Dienstverlening > Publiekszaken > Balie",
    ]);
  });

  it("stops at a cycle in stored data instead of looping", () => {
    const broken = [
      { id: "x", name: "X", parentTeamId: "y" },
      { id: "y", name: "Y", parentTeamId: "x" },
    ];
    expect(teamPathLabel("x", broken)).toBe("Y > X");
  });
});
