import { describe, expect, it } from "vitest";
import {
  computeTeamFigures,
  memberStanding,
  type CycleTeamFigures,
  type MemberScores,
  type TeamCompetencyFigure,
  type ViewerKnowledge,
} from "~/team-profiles/engine/team-figures";

// Team ids sort as strings; paths are own team first, then each parent up to the top.

let serial = 0;
function members(
  count: number,
  teamPath: readonly string[],
  scores: Record<string, number> | ((i: number) => Record<string, number>) = { a: 3.5 },
  prefix?: string,
): MemberScores[] {
  const name = prefix ?? `${teamPath[0] ?? "loose"}-${serial++}`;
  return Array.from({ length: count }, (_, i) => ({
    participantId: `${name}-${i}`,
    teamPath,
    scores: typeof scores === "function" ? scores(i) : scores,
  }));
}

function run(
  all: MemberScores[],
  options: { k?: number; known?: readonly string[]; normMin?: number; keys?: string[] } = {},
): CycleTeamFigures {
  return computeTeamFigures({
    competencyKeys: options.keys ?? ["a"],
    members: all,
    k: options.k ?? 3,
    knownParticipantIds: new Set(options.known ?? []),
    // By default the norm is out of reach, so the root never withholds anything.
    normMinParticipants: options.normMin ?? 1000,
  });
}

function figure(result: CycleTeamFigures, team: string, key = "a"): TeamCompetencyFigure {
  const figures = result.teams.get(team);
  if (!figures) throw new Error(`team ${team} missing`);
  const found = figures.competencies[key];
  if (!found) throw new Error(`competency ${key} missing for ${team}`);
  return found;
}

function state(result: CycleTeamFigures, team: string, key = "a"): string {
  const found = figure(result, team, key);
  return found.shown ? `shown ${found.members}` : found.reason;
}

describe("computeTeamFigures: thresholds", () => {
  it("shows a team of exactly k with the plain mean, n and spread", () => {
    const team = members(3, ["t"], (i) => ({ a: [2.5, 3.5, 4.75][i]! }));
    const result = run(team);
    expect(figure(result, "t")).toEqual({
      shown: true,
      mean: (2.5 + 3.5 + 4.75) / 3,
      members: 3,
      spread: { low: 1, middle: 1, high: 1 },
    });
    expect(result.teams.get("t")!.anyShown).toBe(true);
    expect(result.teams.get("t")!.teamId).toBe("t");
    expect(result.norm).toEqual({});
  });

  it("does not round the mean", () => {
    const result = run(members(3, ["t"], (i) => ({ a: [1, 1, 2][i]! })));
    const shown = figure(result, "t");
    expect(shown.shown && shown.mean).toBe(4 / 3);
  });

  it("withholds a team of k − 1 as too few, for every k", () => {
    for (const k of [2, 3, 4, 5]) {
      const result = run(members(k - 1, ["t"]), { k });
      expect(figure(result, "t")).toEqual({ shown: false, reason: "too_few" });
      expect(result.teams.get("t")!.anyShown).toBe(false);
      expect(state(run(members(k, ["t"]), { k }), "t")).toBe(`shown ${k}`);
    }
  });

  it("never uses a threshold below 2", () => {
    const result = run(members(1, ["t"]), { k: 1 });
    expect(state(result, "t")).toBe("too_few");
  });

  it("counts n per competency: a member without a score on one competency", () => {
    const team = [
      ...members(3, ["t"], { a: 4, b: 2 }),
      { participantId: "no-b", teamPath: ["t"], scores: { a: 1 } },
    ];
    const result = run(team, { keys: ["a", "b"] });
    expect(figure(result, "t", "a")).toEqual({
      shown: true,
      mean: (4 * 3 + 1) / 4,
      members: 4,
      spread: { low: 1, middle: 0, high: 3 },
    });
    expect(figure(result, "t", "b")).toEqual({
      shown: true,
      mean: 2,
      members: 3,
      spread: { low: 3, middle: 0, high: 0 },
    });

    const three = run(
      [
        ...members(2, ["u"], { a: 4, b: 2 }),
        { participantId: "x", teamPath: ["u"], scores: { a: 3 } },
      ],
      {
        keys: ["a", "b"],
      },
    );
    expect(state(three, "u", "a")).toBe("shown 3");
    expect(state(three, "u", "b")).toBe("too_few");
    expect(three.teams.get("u")!.anyShown).toBe(true);
  });

  it("lists every key of the input for every team, also one nobody scored", () => {
    const result = run(members(3, ["t"], { a: 3 }), { keys: ["a", "z"] });
    expect(Object.keys(result.teams.get("t")!.competencies).sort()).toEqual(["a", "z"]);
    expect(state(result, "t", "z")).toBe("too_few");
  });

  it("ignores scores that are not numbers and competencies outside the profile", () => {
    const team = [
      ...members(2, ["t"], { a: 3 }),
      { participantId: "nan", teamPath: ["t"], scores: { a: Number.NaN, other: 4 } },
    ];
    const result = run(team);
    expect(state(result, "t")).toBe("too_few");
    expect(result.teams.get("t")!.competencies).not.toHaveProperty("other");
  });

  it("counts a participant listed twice once", () => {
    const one = members(2, ["t"], { a: 3 }, "dup");
    const result = run([...one, one[0]!]);
    expect(state(result, "t")).toBe("too_few");
  });
});

describe("computeTeamFigures: known members (the issue's case)", () => {
  const team = members(3, ["t"], (i) => ({ a: [2, 3, 4][i]! }), "m");
  const ids = team.map((m) => m.participantId);

  it("withholds a team of 3 (k = 3) from a viewer who knows 2 of them", () => {
    const result = run(team, { known: ids.slice(0, 2) });
    expect(figure(result, "t")).toEqual({ shown: false, reason: "known_members" });
  });

  it("shows the same team to a viewer who knows none", () => {
    expect(state(run(team), "t")).toBe("shown 3");
  });

  it("shows it to a viewer who knows all three (nothing new to learn)", () => {
    expect(state(run(team, { known: ids }), "t")).toBe("shown 3");
  });

  it("withholds it with 1 of 3 known at k = 3, and shows it at k = 2", () => {
    expect(state(run(team, { known: [ids[0]!] }), "t")).toBe("known_members");
    expect(state(run(team, { known: [ids[0]!], k: 2 }), "t")).toBe("shown 3");
  });

  it("ignores known people who are not in the team or have no score", () => {
    const withGap = [...team.slice(0, 2), { participantId: "gap", teamPath: ["t"], scores: {} }];
    const bigger = [...withGap, ...members(1, ["t"], { a: 3 }, "x")];
    expect(state(run(bigger, { known: ["gap", "stranger"] }), "t")).toBe("shown 3");
  });
});

describe("computeTeamFigures: departments and differencing", () => {
  it("shows a department whose sub-teams are each under k but together enough", () => {
    const all = [...members(2, ["x", "d"], { a: 2 }), ...members(2, ["y", "d"], { a: 4 })];
    const result = run(all);
    expect(state(result, "x")).toBe("too_few");
    expect(state(result, "y")).toBe("too_few");
    expect(figure(result, "d")).toEqual({
      shown: true,
      mean: 3,
      members: 4,
      spread: { low: 2, middle: 0, high: 2 },
    });
  });

  it("withholds a department of A (5, shown) and B (2, withheld): differencing", () => {
    const all = [...members(5, ["a", "d"]), ...members(2, ["b", "d"])];
    const result = run(all);
    expect(state(result, "a")).toBe("shown 5");
    expect(state(result, "b")).toBe("too_few");
    expect(figure(result, "d")).toEqual({ shown: false, reason: "differencing" });
  });

  it("counts the department's direct members in the remainder", () => {
    const base = [...members(5, ["a", "d"]), ...members(2, ["b", "d"])];
    // One direct member: remainder 2 + 1 = 3 → shown.
    const withDirect = [...base, ...members(1, ["d"])];
    expect(state(run(withDirect), "d")).toBe("shown 8");
    // Direct members alone next to a shown team: 5 + 2 direct → remainder 2 → withheld.
    const directOnly = [...members(5, ["a", "d"]), ...members(2, ["d"])];
    expect(state(run(directOnly), "d")).toBe("differencing");
    expect(state(run(directOnly), "a")).toBe("shown 5");
    // Direct members belong to no sub-team.
    expect(state(run([...members(2, ["a", "d"]), ...members(2, ["d"])]), "a")).toBe("too_few");
  });

  it("shows a department that is exactly the sum of its shown sub-teams (remainder 0)", () => {
    const all = [...members(5, ["a", "d"]), ...members(3, ["b", "d"])];
    const result = run(all);
    expect(state(result, "a")).toBe("shown 5");
    expect(state(result, "b")).toBe("shown 3");
    expect(state(result, "d")).toBe("shown 8");
  });

  it("works three levels deep, through a withheld middle level", () => {
    // p → d → {a (5), b (2)}; p → e (3).
    const all = [
      ...members(5, ["a", "d", "p"]),
      ...members(2, ["b", "d", "p"]),
      ...members(3, ["e", "p"]),
    ];
    const result = run(all);
    expect(state(result, "a")).toBe("shown 5");
    expect(state(result, "b")).toBe("too_few");
    expect(state(result, "d")).toBe("differencing");
    expect(state(result, "e")).toBe("shown 3");
    // p's frontier is a and e (d is withheld): remainder 10 − 5 − 3 = 2.
    expect(state(result, "p")).toBe("differencing");

    // One direct member of p: remainder 3 → p shown, d still withheld.
    const more = run([...all, ...members(1, ["p"])]);
    expect(state(more, "p")).toBe("shown 11");
    expect(state(more, "d")).toBe("differencing");

    // b grows to 3: d shown (remainder 0); p's frontier is d and e; remainder 0 → shown.
    const grown = run([...all, ...members(1, ["b", "d", "p"])]);
    expect(state(grown, "d")).toBe("shown 8");
    expect(state(grown, "p")).toBe("shown 11");
  });

  it("withholds a parent for known members outside the frontier only", () => {
    const a = members(5, ["a", "d"], { a: 3 }, "a");
    const b = members(4, ["b", "d"], { a: 3 }, "b");
    const direct = members(3, ["d"], { a: 3 }, "direct");
    const all = [...a, ...b, ...direct];
    expect(state(run(all), "d")).toBe("shown 12");
    // Known members inside shown sub-teams do not matter for the department.
    expect(state(run(all, { known: ["a-0", "a-1", "b-0"] }), "d")).toBe("shown 12");
    // One known direct member: remainder 3 − 1 = 2.
    expect(state(run(all, { known: ["direct-0"] }), "d")).toBe("known_members");
    // All direct members known: remainder 0 → shown.
    expect(state(run(all, { known: ["direct-0", "direct-1", "direct-2"] }), "d")).toBe("shown 12");
  });

  it("counts known members of a withheld sub-team against the parent", () => {
    const all = [
      ...members(5, ["a", "d"], { a: 3 }, "a"),
      ...members(2, ["b", "d"], { a: 3 }, "b"),
      ...members(2, ["d"], { a: 3 }, "direct"),
    ];
    expect(state(run(all), "d")).toBe("shown 9");
    // Remainder before known 4 (b and the direct members), after 2 → known_members.
    expect(state(run(all, { known: ["b-0", "b-1"] }), "d")).toBe("known_members");
    // Remainder before known 2 → differencing regardless of who is known.
    const small = [...members(5, ["a", "d"]), ...members(2, ["b", "d"], { a: 3 }, "bb")];
    expect(state(run(small, { known: ["bb-0"] }), "d")).toBe("differencing");
  });

  it("decides each competency on its own", () => {
    // b: one member of team y has no score, so y is under k on b only.
    const all = [
      ...members(3, ["x", "d"], { a: 3, b: 3 }),
      ...members(2, ["y", "d"], { a: 3, b: 3 }),
      { participantId: "y-gap", teamPath: ["y", "d"], scores: { a: 3 } },
    ];
    const result = run(all, { keys: ["a", "b"] });
    expect(state(result, "y", "a")).toBe("shown 3");
    expect(state(result, "y", "b")).toBe("too_few");
    expect(state(result, "d", "a")).toBe("shown 6");
    expect(state(result, "d", "b")).toBe("differencing");
  });
});

describe("computeTeamFigures: the organisation norm (the root)", () => {
  it("withholds the smallest top team when the rest of the organisation is 1..k − 1", () => {
    const all = [...members(5, ["a"]), ...members(3, ["b"]), ...members(1, [], { a: 2 })];
    const result = run(all, { normMin: 5 });
    expect(state(result, "a")).toBe("shown 5");
    expect(figure(result, "b")).toEqual({ shown: false, reason: "differencing" });
    expect(result.norm).toEqual({ a: { mean: (8 * 3.5 + 2) / 9, participants: 9 } });
    // Without a norm there is nothing to subtract from.
    const noNorm = run(all, { normMin: 10 });
    expect(state(noNorm, "b")).toBe("shown 3");
    expect(noNorm.norm).toEqual({});
  });

  it("shows the norm only from normMinParticipants members with a score", () => {
    const all = [...members(3, ["a"]), ...members(1, [], {})];
    expect(run(all, { normMin: 4 }).norm).toEqual({});
    expect(run(all, { normMin: 3 }).norm).toEqual({ a: { mean: 3.5, participants: 3 } });
  });

  it("counts a top team under k in the root's remainder", () => {
    const all = [...members(5, ["a"]), ...members(3, ["c"]), ...members(2, ["t"])];
    const result = run(all, { normMin: 5 });
    expect(state(result, "t")).toBe("too_few");
    expect(state(result, "c")).toBe("differencing");
    expect(state(result, "a")).toBe("shown 5");
  });

  it("breaks a tie in size by the later team id", () => {
    const all = [...members(3, ["a"]), ...members(3, ["b"]), ...members(1, [])];
    const result = run(all, { normMin: 5 });
    expect(state(result, "a")).toBe("shown 3");
    expect(state(result, "b")).toBe("differencing");
    const swapped = run([...all].reverse(), { normMin: 5 });
    expect(state(swapped, "a")).toBe("shown 3");
    expect(state(swapped, "b")).toBe("differencing");
  });

  it("replaces a withheld department by its own shown sub-teams and goes on", () => {
    // d (6 = x 3 + y 3) is the only top team, 2 members without a team: remainder 2.
    const all = [...members(3, ["x", "d"]), ...members(3, ["y", "d"]), ...members(2, [])];
    const result = run(all, { normMin: 5 });
    expect(state(result, "d")).toBe("differencing");
    // Then x and y form the frontier, remainder still 2: the later of the two goes.
    expect(state(result, "y")).toBe("differencing");
    expect(state(result, "x")).toBe("shown 3");
  });

  it("stops when there is nothing left to withhold", () => {
    const all = [...members(3, ["a"]), ...members(2, [], { a: 3 }, "loose")];
    // Remainder 2 → a withheld; the norm itself stays.
    const result = run(all, { normMin: 5 });
    expect(state(result, "a")).toBe("differencing");
    expect(result.norm.a?.participants).toBe(5);
  });

  it("counts only known members outside the frontier against the root", () => {
    const all = [...members(5, ["a"], { a: 3 }, "a"), ...members(3, [], { a: 3 }, "loose")];
    expect(state(run(all, { normMin: 5 }), "a")).toBe("shown 5");
    expect(state(run(all, { normMin: 5, known: ["a-0", "a-1"] }), "a")).toBe("shown 5");
    expect(state(run(all, { normMin: 5, known: ["loose-0"] }), "a")).toBe("differencing");
    expect(state(run(all, { normMin: 5, known: ["loose-0", "loose-1", "loose-2"] }), "a")).toBe(
      "shown 5",
    );
  });

  it("changes no other decision when it withholds a frontier team", () => {
    // A mix of departments, sub-teams and loose members where the root has to act.
    const all = [
      ...members(4, ["x", "d"], { a: 3, b: 4 }),
      ...members(3, ["y", "d"], { a: 2, b: 4 }),
      ...members(2, ["z", "d"], { a: 5, b: 1 }),
      ...members(1, ["d"], { a: 3, b: 2 }),
      ...members(3, ["e"], { a: 3, b: 2 }),
      ...members(4, ["f", "g"], { a: 4, b: 3 }),
      ...members(1, ["g"], { a: 4 }),
      ...members(1, [], { a: 1, b: 1 }),
    ];
    const withoutRoot = run(all, { normMin: 1000, keys: ["a", "b"] });
    const withRoot = run(all, { normMin: 1, keys: ["a", "b"] });
    let rootActed = 0;
    for (const [team, figures] of withoutRoot.teams) {
      for (const key of ["a", "b"]) {
        const before = figures.competencies[key]!;
        const after = withRoot.teams.get(team)!.competencies[key]!;
        if (before.shown && !after.shown) {
          expect(after).toEqual({ shown: false, reason: "differencing" });
          rootActed++;
        } else {
          expect(after).toEqual(before);
        }
      }
    }
    expect(rootActed).toBeGreaterThan(0);
  });
});

describe("computeTeamFigures: spread bands", () => {
  it("puts the band edges on the right side", () => {
    const scores = [1, 2.999, 3, 3.5, 3.999, 4, 5];
    const result = run(members(scores.length, ["t"], (i) => ({ a: scores[i]! })));
    const shown = figure(result, "t");
    expect(shown.shown && shown.spread).toEqual({ low: 2, middle: 3, high: 2 });
  });

  it("sums the bands of a department over its sub-teams and direct members", () => {
    const all = [
      ...members(1, ["x", "d"], { a: 2.999 }),
      ...members(1, ["y", "d"], { a: 3 }),
      ...members(1, ["d"], { a: 3.999 }),
      ...members(1, ["d"], { a: 4 }),
    ];
    const shown = figure(run(all), "d");
    expect(shown.shown && shown.spread).toEqual({ low: 1, middle: 2, high: 1 });
  });
});

describe("computeTeamFigures: the team tree", () => {
  it("lists every team of any path, also one without direct members", () => {
    const result = run([...members(1, ["a", "b", "c"])]);
    expect([...result.teams.keys()].sort()).toEqual(["a", "b", "c"]);
    for (const team of ["a", "b", "c"]) expect(state(result, team)).toBe("too_few");
  });

  it("survives a path that contradicts another (no endless loop, one parent each)", () => {
    const all = [...members(3, ["a", "b"]), ...members(3, ["b", "a"])];
    const result = run(all);
    expect(result.teams.size).toBe(2);
  });
});

describe("computeTeamFigures: the viewer's own ratings (issue 13, leak 2)", () => {
  /** Members rated by the viewer and others: `raters` voices behind each score. */
  const rated = (count: number, teamPath: string[], raters: number, prefix: string) =>
    members(count, teamPath, { a: 3.5 }, prefix).map((member) => ({
      ...member,
      raters: { a: raters },
    }));
  const viewerRated = (ids: string[], voices = 1): ViewerKnowledge => ({
    notOtherPeople: new Map(ids.map((id) => [id, voices])),
  });
  const withViewer = (all: MemberScores[], viewer: ViewerKnowledge, k = 2, normMin = 1000) =>
    computeTeamFigures({
      competencyKeys: ["a"],
      members: all,
      k,
      knownParticipantIds: new Set(),
      normMinParticipants: normMin,
      withholdExposedNorm: true,
      viewer,
    });

  it("withholds the reported case: two members, each rated by the viewer and one other (k = 2)", () => {
    const team = rated(2, ["t"], 2, "pair");
    const ids = team.map((m) => m.participantId);
    expect(state(run(team, { k: 2 }), "t")).toBe("shown 2");
    expect(figure(withViewer(team, viewerRated(ids)), "t")).toEqual({
      shown: false,
      reason: "known_members",
    });
  });

  it("does not count such members as known: the atom would be empty and the team shown", () => {
    const team = rated(3, ["t"], 3, "trio");
    const ids = team.map((m) => m.participantId);
    // What the brief's first idea would do: treat members with n − 1 < k as known.
    expect(state(run(team, { k: 3, known: ids }), "t")).toBe("shown 3");
    // The rule: three unknown members, but none resting on k other people.
    expect(state(withViewer(team, viewerRated(ids), 3), "t")).toBe("known_members");
  });

  it("shows the team once one member rests on k other people", () => {
    const pair = rated(2, ["t"], 2, "pair");
    const ids = pair.map((m) => m.participantId);
    // Not rated by the viewer: strong whatever its n.
    const stranger = rated(1, ["t"], 2, "stranger");
    expect(state(withViewer([...pair, ...stranger], viewerRated(ids)), "t")).toBe("shown 3");
    // Rated by the viewer, but with k others besides them.
    const wide = rated(1, ["t"], 3, "wide");
    const wideIds = [...ids, wide[0]!.participantId];
    expect(state(withViewer([...pair, ...wide], viewerRated(wideIds)), "t")).toBe("shown 3");
  });

  it("counts every voice of the viewer, and repeat voices of others, as no other person", () => {
    const narrow = rated(3, ["t"], 3, "narrow");
    const narrowIds = narrow.map((m) => m.participantId);
    // 3 voices, the viewer's 1: 2 others < k = 3.
    expect(state(withViewer(narrow, viewerRated(narrowIds, 1), 3), "t")).toBe("known_members");
    // 4 voices, the viewer's 1: 3 others ≥ k = 3.
    const three = rated(3, ["t"], 4, "three");
    const threeIds = three.map((m) => m.participantId);
    expect(state(withViewer(three, viewerRated(threeIds, 1), 3), "t")).toBe("shown 3");
    // The viewer answered twice (before one voice per rater): 2 others < 3.
    expect(state(withViewer(three, viewerRated(threeIds, 2), 3), "t")).toBe("known_members");
  });

  it("treats a member the viewer may know entirely (all voices theirs, or n unknown) as doubtful", () => {
    const others = rated(2, ["t"], 3, "others");
    const own = { participantId: "own", teamPath: ["t"], scores: { a: 2 }, raters: { a: 1 } };
    const viewer = viewerRated(["own"]);
    // Counted as known: 2 unknown members < k = 3.
    expect(state(withViewer([...others, own], viewer, 3), "t")).toBe("known_members");
    // Alone with known members it is not shown either (it may rest on one other person).
    const known = members(2, ["u"], { a: 3 }, "known");
    const result = computeTeamFigures({
      competencyKeys: ["a"],
      members: [...known, { ...own, teamPath: ["u"], raters: undefined }],
      k: 2,
      knownParticipantIds: new Set(known.map((m) => m.participantId)),
      normMinParticipants: 1000,
      viewer,
    });
    expect(state(result, "u")).toBe("known_members");
  });

  it("treats a lead view that shows the score as known and one that may not as doubtful, per competency", () => {
    const team = members(3, ["t"], { a: 3, b: 4 }, "lv").map((member) => ({
      ...member,
      raters: { a: 6, b: 6 },
    }));
    const ids = team.map((m) => m.participantId);
    const result = computeTeamFigures({
      competencyKeys: ["a", "b"],
      members: team,
      k: 3,
      knownParticipantIds: new Set(),
      normMinParticipants: 1000,
      viewer: {
        knownScores: new Map([[ids[0]!, new Set(["a"])]]),
        partlyKnownScores: new Map(ids.map((id) => [id, new Set(["b"])])),
      },
    });
    // a: one of three known → 2 unknown < 3.
    expect(state(result, "t", "a")).toBe("known_members");
    // b: all three partly known (perhaps entirely), none strong.
    expect(state(result, "t", "b")).toBe("known_members");
    expect(
      memberStanding(team[0]!, "b", 3, new Set(), {
        partlyKnownScores: new Map([[ids[0]!, new Set(["b"])]]),
      }),
    ).toBe("doubtful");
    expect(memberStanding(team[0]!, "a", 3, new Set(), { knownScores: new Map() })).toBe("strong");
  });

  it("withholds a frontier team when the norm would leave only weak members, and the norm when nothing else helps", () => {
    const shownTeam = members(3, ["s"], { a: 3 }, "s");
    const pair = rated(2, [], 2, "loose");
    const ids = pair.map((m) => m.participantId);
    // The norm minus team s would leave the two loose members, rated by the viewer and one
    // other: team s goes, and the norm (now over team s's strong members too) stays.
    const result = withViewer([...shownTeam, ...pair], viewerRated(ids), 2, 5);
    expect(state(result, "s")).toBe("differencing");
    expect(result.norm.a?.participants).toBe(5);
    const without = withViewer([...shownTeam, ...pair], {}, 2, 5);
    expect(state(without, "s")).toBe("shown 3");
    // Everyone rated by the viewer and one other: no team to give up, the norm goes.
    const allRated = rated(5, [], 2, "all");
    const everyone = withViewer(allRated, viewerRated(allRated.map((m) => m.participantId)), 2, 5);
    expect(everyone.norm).toEqual({});
    expect(withViewer(allRated, {}, 2, 5).norm.a?.participants).toBe(5);
  });
});
