import { describe, expect, it } from "vitest";
import { teamsInTreeOrder, withAncestors, withDescendants } from "~/teams/tree";

// Gemeente: Afdeling with Team A, Team B and Team C, Team D under Team A, and a Bestuur on
// its own.
const teams = [
  { id: "afdeling", name: "Afdeling", parentTeamId: null },
  { id: "a", name: "Team A", parentTeamId: "afdeling" },
  { id: "b", name: "Team B", parentTeamId: "afdeling" },
  { id: "c", name: "Team C", parentTeamId: "afdeling" },
  { id: "d", name: "Team D", parentTeamId: "a" },
  { id: "top", name: "Bestuur", parentTeamId: null },
];
const parentOf = (id: string) => teams.find((team) => team.id === id)?.parentTeamId;

/** Teams whose parents point at each other (bad data), with a team hanging under them. */
const loop = [
  { id: "x", name: "X", parentTeamId: "y" },
  { id: "y", name: "Y", parentTeamId: "x" },
  { id: "z", name: "Z", parentTeamId: "x" },
];

describe("withDescendants", () => {
  it("adds every team nested under the given ones, at any depth, breadth first", () => {
    expect([...withDescendants(["afdeling"], teams)]).toEqual(["afdeling", "a", "b", "c", "d"]);
    expect([...withDescendants(["a", "top"], teams)]).toEqual(["a", "top", "d"]);
    expect([...withDescendants(["d"], teams)]).toEqual(["d"]);
  });

  it("is empty for no teams, and names each team once when the given ones overlap", () => {
    expect(withDescendants([], teams).size).toBe(0);
    expect([...withDescendants(["afdeling", "a", "d"], teams)]).toEqual([
      "afdeling",
      "a",
      "d",
      "b",
      "c",
    ]);
  });

  it("stops in a loop of parents", () => {
    expect([...withDescendants(["x"], loop)]).toEqual(["x", "y", "z"]);
  });
});

describe("withAncestors", () => {
  it("is the team and every team above it, own team first", () => {
    expect(withAncestors("d", parentOf)).toEqual(["d", "a", "afdeling"]);
    expect(withAncestors("top", parentOf)).toEqual(["top"]);
  });

  it("is empty for no team or an unknown one, and ends before an unknown parent", () => {
    expect(withAncestors(null, parentOf)).toEqual([]);
    expect(withAncestors("verdwenen", parentOf)).toEqual([]);
    const orphan = (id: string) => (id === "wees" ? "verdwenen" : undefined);
    expect(withAncestors("wees", orphan)).toEqual(["wees"]);
  });

  it("ends where it would repeat a team", () => {
    const loopParent = (id: string) => loop.find((team) => team.id === id)?.parentTeamId;
    expect(withAncestors("z", loopParent)).toEqual(["z", "x", "y"]);
  });
});

describe("teamsInTreeOrder", () => {
  it("orders teams as a tree with their depth, siblings by name", () => {
    expect(teamsInTreeOrder(teams).map(({ team, depth }) => `${depth}:${team.name}`)).toEqual([
      "0:Afdeling",
      "1:Team A",
      "2:Team D",
      "1:Team B",
      "1:Team C",
      "0:Bestuur",
    ]);
  });

  it("still lists teams caught in a loop of parents", () => {
    expect(
      teamsInTreeOrder(loop)
        .map(({ team }) => team.id)
        .sort(),
    ).toEqual(["x", "y", "z"]);
  });
});
