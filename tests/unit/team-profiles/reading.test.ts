import { describe, expect, it } from "vitest";
import { sharedAxes, teamReading, teamTrend } from "~/team-profiles/engine/reading";
import type {
  NormFigure,
  TeamCompetencyFigure,
  TeamFigures,
} from "~/team-profiles/engine/team-figures";

const spread = { low: 0, middle: 0, high: 0 };

/** A team with the given shown means; null → withheld. */
function team(means: Record<string, number | null>): TeamFigures {
  const competencies: Record<string, TeamCompetencyFigure> = {};
  for (const [key, mean] of Object.entries(means)) {
    competencies[key] =
      mean === null
        ? { shown: false, reason: "differencing" }
        : { shown: true, mean, members: 5, spread };
  }
  return {
    teamId: "t",
    competencies,
    anyShown: Object.values(competencies).some((f) => f.shown),
  };
}

function norm(means: Record<string, number>): Record<string, NormFigure> {
  return Object.fromEntries(
    Object.entries(means).map(([key, mean]) => [key, { mean, participants: 40 }]),
  );
}

describe("teamReading", () => {
  const keys = ["a", "b", "c", "d"];

  it("reads against the norm when the norm has every shown competency", () => {
    // Differences: a −0.5, b +0.5, c +1, d 0. By the team mean alone it would be a, b / d, c.
    const reading = teamReading(
      keys,
      team({ a: 4, b: 3.5, c: 3, d: 2.5 }),
      norm({ a: 4.5, b: 3, c: 2, d: 2.5 }),
    );
    expect(reading).toEqual({ basis: "norm", strongest: ["c", "b"], weakest: ["a", "d"] });
  });

  it("reads by the team mean when the norm lacks one shown competency", () => {
    const reading = teamReading(
      keys,
      team({ a: 4, b: 3.5, c: 3, d: 2.5 }),
      norm({ a: 4.5, b: 3, c: 2 }),
    );
    expect(reading).toEqual({ basis: "team", strongest: ["a", "b"], weakest: ["d", "c"] });
  });

  it("ignores a missing norm for a competency that is withheld anyway", () => {
    const reading = teamReading(
      [...keys, "e"],
      team({ a: 4, b: 3.5, c: 3, d: 2.5, e: null }),
      norm({ a: 4.5, b: 3, c: 2, d: 2.5 }),
    );
    expect(reading?.basis).toBe("norm");
    expect(reading?.strongest).not.toContain("e");
    expect(reading?.weakest).not.toContain("e");
  });

  it("breaks ties by profile order and never names a competency twice", () => {
    const equal = teamReading(keys, team({ a: 3, b: 3, c: 3, d: 3 }), norm({}));
    expect(equal).toEqual({ basis: "team", strongest: ["a", "b"], weakest: ["c", "d"] });
    // Profile order, not key order.
    const reordered = teamReading(["d", "c", "b", "a"], team({ a: 3, b: 3, c: 3, d: 3 }), {});
    expect(reordered).toEqual({ basis: "team", strongest: ["d", "c"], weakest: ["b", "a"] });
    // A tie for the weakest: the first in profile order goes first.
    const tie = teamReading(keys, team({ a: 2, b: 4, c: 2, d: 5 }), {});
    expect(tie).toEqual({ basis: "team", strongest: ["d", "b"], weakest: ["a", "c"] });
  });

  it("names up to 2 each, without overlap, and none of the middle ones", () => {
    const five = teamReading(["a", "b", "c", "d", "e"], team({ a: 1, b: 2, c: 3, d: 4, e: 5 }), {});
    expect(five).toEqual({ basis: "team", strongest: ["e", "d"], weakest: ["a", "b"] });
    const three = teamReading(["a", "b", "c"], team({ a: 1, b: 2, c: 3 }), {});
    expect(three).toEqual({ basis: "team", strongest: ["c"], weakest: ["a"] });
  });

  it("returns null with fewer than 3 shown competencies", () => {
    expect(teamReading(keys, team({ a: 4, b: 3, c: null, d: null }), {})).toBeNull();
    expect(teamReading(["a", "b"], team({ a: 4, b: 3 }), {})).toBeNull();
    // Keys outside the profile do not count.
    expect(teamReading(["a", "b"], team({ a: 4, b: 3, c: 2 }), {})).toBeNull();
    expect(teamReading(keys, team({ a: 4, b: 3, c: 2, d: null }), {})).not.toBeNull();
  });
});

describe("teamTrend", () => {
  it("gives the previous mean and change only where both cycles show the competency", () => {
    const trend = teamTrend(
      ["a", "b", "c", "d"],
      team({ a: 3.75, b: 3, c: null, d: 4 }),
      team({ a: 3.5, b: null, c: 4, e: 2 }),
    );
    expect(trend).toEqual({ a: { previous: 3.5, change: 0.25 } });
  });

  it("gives a negative change and a zero change", () => {
    const trend = teamTrend(["a", "b"], team({ a: 2.5, b: 3 }), team({ a: 3, b: 3 }));
    expect(trend).toEqual({ a: { previous: 3, change: -0.5 }, b: { previous: 3, change: 0 } });
  });

  it("is empty when nothing is shown in one of the cycles", () => {
    expect(teamTrend(["a"], team({ a: 3 }), team({ a: null }))).toEqual({});
    expect(teamTrend(["a"], team({ a: 3 }), team({}))).toEqual({});
  });
});

describe("sharedAxes", () => {
  const profile = (...items: [string, boolean][]) =>
    items.map(([key, organisationWide]) => ({ key, organisationWide }));

  it("uses every competency, in the first profile's order, when the keys are the same", () => {
    const axes = sharedAxes([
      profile(["b", false], ["a", true], ["c", false]),
      profile(["a", true], ["c", false], ["b", false]),
    ]);
    expect(axes).toEqual({ keys: ["b", "a", "c"], organisationWideOnly: false });
  });

  it("keeps only organisation-wide competencies present in every profile otherwise", () => {
    const axes = sharedAxes([
      profile(["x", false], ["b", true], ["a", true], ["c", true]),
      profile(["a", true], ["b", true], ["y", false]),
      profile(["b", true], ["a", true], ["z", false]),
    ]);
    expect(axes).toEqual({ keys: ["b", "a"], organisationWideOnly: true });
  });

  it("leaves out a competency that is organisation-wide in one profile only", () => {
    const axes = sharedAxes([
      profile(["a", true], ["b", true]),
      profile(["a", true], ["b", false], ["c", false]),
    ]);
    expect(axes).toEqual({ keys: ["a"], organisationWideOnly: true });
  });

  it("treats a subset as different and can end up with no axes", () => {
    expect(sharedAxes([profile(["a", false], ["b", false]), profile(["a", false])])).toEqual({
      keys: [],
      organisationWideOnly: true,
    });
  });

  it("handles one profile and none", () => {
    expect(sharedAxes([profile(["a", false], ["b", true])])).toEqual({
      keys: ["a", "b"],
      organisationWideOnly: false,
    });
    expect(sharedAxes([])).toEqual({ keys: [], organisationWideOnly: false });
  });
});
