import { describe, expect, it } from "vitest";
import { computeTeamFigures, type MemberScores } from "~/team-profiles/engine/team-figures";

// Review (anonymity): the norm, with the members a viewer knows, must not give away 1..k − 1
// unknown members on a team page (withholdExposedNorm, set by loadCycleFigures).

function member(id: string, team: string | null, score: number): MemberScores {
  return { participantId: id, teamPath: team ? [team] : [], scores: { a: score } };
}

describe("review: withholdExposedNorm", () => {
  const members = [
    member("p1", "t", 3.1),
    member("p2", "t", 3.4),
    member("p3", "t", 2.2),
    member("p4", "t", 4.8),
    member("x1", null, 1.7),
  ];

  it("leaves out the norm when, with four of five known, it is the fifth member's score", () => {
    const input = {
      competencyKeys: ["a"],
      members,
      k: 3,
      knownParticipantIds: new Set(["p1", "p2", "p3", "p4"]),
      normMinParticipants: 5,
    };
    // The engine's default, without withholdExposedNorm: the norm is there (a participant has
    // it in their report anyway).
    const plain = computeTeamFigures(input);
    expect(plain.norm.a?.participants).toBe(5);
    expect(plain.norm.a!.mean * 5 - (3.1 + 3.4 + 2.2 + 4.8)).toBeCloseTo(1.7, 9);
    // For a page: left out, and the team is withheld too.
    const page = computeTeamFigures({ ...input, withholdExposedNorm: true });
    expect(page.norm.a).toBeUndefined();
    expect(page.teams.get("t")?.competencies.a?.shown).toBe(false);
  });

  it("leaves out a norm over fewer members than k (k = 6, five participants, HR knows none)", () => {
    const page = computeTeamFigures({
      competencyKeys: ["a"],
      members,
      k: 6,
      knownParticipantIds: new Set(),
      normMinParticipants: 5,
      withholdExposedNorm: true,
    });
    expect(page.norm.a).toBeUndefined();
  });

  it("keeps the norm when three or more unknown members stay behind it", () => {
    const page = computeTeamFigures({
      competencyKeys: ["a"],
      members,
      k: 3,
      knownParticipantIds: new Set(["p1", "p2"]),
      normMinParticipants: 5,
      withholdExposedNorm: true,
    });
    expect(page.norm.a?.participants).toBe(5);
  });
});
