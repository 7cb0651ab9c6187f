import { describe, expect, it } from "vitest";
import * as profileRoute from "~/routes/teams.$teamId.profiel";
import { loadViewerKnowledge } from "~/team-profiles/cycle-figures.server";
import { useTestDatabase } from "../../support/database";
import { createOwnRatingsCycle, type OwnRatingsCycle } from "./own-ratings-cycle";
import { asPerson, readyProfile } from "./profile-helpers";

// The reported attack (issue 13, leak 2), on a real SQLite round: k = 2, a team of two members,
// each rated by the viewer (HR added as a late rater, or the lead as their manager) and by one
// other person X. Every member's score is then (viewer's mean + X's mean) / 2, so the team
// mean times four minus the viewer's own two means is X's two means together: one person's
// ratings. The team profile the viewer opens must not let them work that out.

const test = useTestDatabase();

const openProfile = (cycle: OwnRatingsCycle) =>
  asPerson(
    test.db,
    cycle.viewerId,
    `/teams/${cycle.teamId}/profiel?ronde=${cycle.cycleId}`,
    profileRoute.loader,
    { teamId: cycle.teamId },
  );

/** X's ratings summed over the members, per competency: what the attack is after. */
function xSum(cycle: OwnRatingsCycle, key: string, members: string[]): number {
  return members.reduce((sum, name) => sum + cycle.means.get("x")!.get(name)![key]!, 0);
}

/** The viewer's own means summed over the members (they know what they answered). */
function viewerSum(cycle: OwnRatingsCycle, key: string, members: string[]): number {
  return members.reduce((sum, name) => sum + cycle.means.get("viewer")!.get(name)![key]!, 0);
}

describe.each(["hr", "lead"] as const)("a viewer (%s) who rated the team's members", (viewer) => {
  it("cannot work out the other rater's means from the team profile (k = 2, two members)", async () => {
    const members = ["Anna", "Bram"];
    const cycle = await createOwnRatingsCycle(test.db, {
      k: 2,
      viewer,
      members: members.map((name) => ({ name, raters: ["viewer", "x"] })),
      seed: viewer === "hr" ? 11 : 12,
    });
    const profile = readyProfile(await openProfile(cycle));

    let solved = 0;
    for (const row of profile.rows) {
      if (!row.team.shown) continue;
      // The attack: team sum = Σ (viewer + X) / 2 over both members.
      const derived = 2 * (row.team.mean * row.team.members) - viewerSum(cycle, row.key, members);
      if (Math.abs(derived - xSum(cycle, row.key, members)) < 1e-6) solved++;
    }
    expect(solved, "competencies whose X-sum the viewer can solve").toBe(0);
    // Nothing else on the page stands in for it: no figure of the team at all (and so no
    // table, no norm), and the reason is the one about what the viewer knows.
    expect(profile.anyShown).toBe(false);
    expect(profile.rows).toEqual([]);
    expect(profile.withheldReasons).toEqual(["known_members"]);
  });
});

describe("a viewer who rated some of the team's members", () => {
  it("sees the team figure when a member they did not rate brings k other raters into it", async () => {
    const cycle = await createOwnRatingsCycle(test.db, {
      k: 2,
      viewer: "lead",
      members: [
        { name: "Anna", raters: ["viewer", "x"] },
        { name: "Bram", raters: ["viewer", "x"] },
        { name: "Cees", raters: ["x", "y"] },
      ],
      seed: 13,
    });
    const profile = readyProfile(await openProfile(cycle));
    // Anna and Bram alone would give away X; with Cees (rated by X and Y, not by the viewer)
    // every sum the viewer can form rests on at least two other people.
    expect(profile.rows.map((row) => row.key)).toEqual(cycle.competencyKeys);
    expect(profile.rows.every((row) => row.team.shown)).toBe(true);
    for (const row of profile.rows) {
      if (!row.team.shown) continue;
      expect(row.team.members).toBe(3);
    }
  });

  it("does not see it when every member's other raters are fewer than k", async () => {
    const cycle = await createOwnRatingsCycle(test.db, {
      k: 3,
      viewer: "hr",
      members: [
        { name: "Anna", raters: ["viewer", "x", "y"] },
        { name: "Bram", raters: ["viewer", "x", "y"] },
        { name: "Cees", raters: ["viewer", "x", "y"] },
      ],
      seed: 14,
    });
    const profile = readyProfile(await openProfile(cycle));
    // Three members, three raters each: but X and Y are the only others, and the team sum
    // minus the viewer's own ratings is X's and Y's ratings together, two people under k = 3.
    expect(profile.anyShown).toBe(false);
    expect(profile.rows.every((row) => !row.team.shown)).toBe(true);
  });
});

describe("member results of a lead who rated a member otherwise than as manager", () => {
  it("leave out the scores their own answers are inside of with fewer than k others", async () => {
    // The lead view leaves out the managers' answers only. The lead answered for Anna as a
    // colleague, next to X: Anna's lead view would be (lead + X) / 2, and X's mean one
    // subtraction away. The release builds no lead view for a report its manager answered in
    // another role, so Anna has no row at all; if she had one, none of its scores may give X
    // away. Bram was rated by X, Y and Z: his scores stay.
    const cycle = await createOwnRatingsCycle(test.db, {
      k: 2,
      viewer: "lead",
      viewerRelationship: "colleague",
      members: [
        { name: "Anna", raters: ["viewer", "x"] },
        { name: "Bram", raters: ["x", "y", "z"] },
      ],
      sharedWithLead: ["Anna", "Bram"],
      seed: 15,
    });
    const profile = readyProfile(await openProfile(cycle));
    const results = profile.memberResults!;
    expect(results.competencies.map((competency) => competency.key)).toEqual(cycle.competencyKeys);
    const anna = results.members.find(
      (m) => m.participantId === cycle.participantIdOf.get("Anna"),
    ) ?? { scores: [] as (number | null)[] };
    const bram = results.members.find(
      (m) => m.participantId === cycle.participantIdOf.get("Bram"),
    )!;
    expect(anna.scores.every((score) => score === null)).toBe(true);
    expect(bram.scores.every((score) => typeof score === "number")).toBe(true);
    // What the attack would take from Anna's row: X's mean = 2 × score − the lead's own.
    cycle.competencyKeys.forEach((key, index) => {
      const score = anna.scores[index];
      if (score === null || score === undefined) return;
      const derived = 2 * score - cycle.means.get("viewer")!.get("Anna")![key]!;
      expect(Math.abs(derived - cycle.means.get("x")!.get("Anna")![key]!)).toBeGreaterThan(1e-6);
    });
  });
});

describe("what the team figures count on a lead knowing (loadViewerKnowledge)", () => {
  it("is per competency: a lead view they can complete, one they cannot, and their own ratings", async () => {
    const cycle = await createOwnRatingsCycle(test.db, {
      k: 2,
      viewer: "lead",
      members: [
        // Shared; the lead view leaves out the lead's answers: with them, the score.
        { name: "Anna", raters: ["viewer", "x", "y"] },
        // Shared, but X answered as a manager too: the lead view leaves X out as well.
        { name: "Bram", raters: ["viewer", "x", "y", "z"] },
        // Not shared: the lead knows their own answer, one of three.
        { name: "Cees", raters: ["viewer", "x", "y"] },
      ],
      sharedWithLead: ["Anna", "Bram"],
      otherManagers: ["x"],
      seed: 16,
    });
    // X is a manager for everyone here; Anna's and Cees's lead views are then (Y) alone, under
    // k: the lead view withholds their scores.
    const id = (name: string) => cycle.participantIdOf.get(name)!;
    const knowledge = await loadViewerKnowledge(
      test.db,
      cycle.viewerId,
      cycle.cycleId,
      cycle.competencyKeys,
    );
    expect(knowledge.known).toEqual(new Set());
    for (const key of cycle.competencyKeys) {
      // Every lead view read leaves out another manager's answers: never exact.
      expect(knowledge.viewer.knownScores?.get(id("Anna"))?.has(key) ?? false).toBe(false);
      expect(knowledge.viewer.partlyKnownScores?.get(id("Anna"))?.has(key)).toBe(true);
      expect(knowledge.viewer.partlyKnownScores?.get(id("Bram"))?.has(key)).toBe(true);
      expect(knowledge.viewer.partlyKnownScores?.get(id("Cees"))?.has(key) ?? false).toBe(false);
      expect(knowledge.raters.get(id("Cees"))?.[key]).toBe(3);
    }
    for (const name of ["Anna", "Bram", "Cees"]) {
      expect(knowledge.viewer.notOtherPeople?.get(id(name))).toBe(1);
      expect(knowledge.ownVoicesInLeadView.get(id(name)) ?? 0).toBe(0);
    }
    // Had Cees shared too, the lead would know as much of Cees as of Anna.
    const after = await loadViewerKnowledge(
      test.db,
      cycle.viewerId,
      cycle.cycleId,
      cycle.competencyKeys,
      [id("Cees")],
    );
    expect(after.viewer.partlyKnownScores?.get(id("Cees"))?.size).toBe(cycle.competencyKeys.length);
  });

  it("counts a lead view the lead completes with their own answers as known", async () => {
    const cycle = await createOwnRatingsCycle(test.db, {
      k: 2,
      viewer: "lead",
      members: [{ name: "Anna", raters: ["viewer", "x", "y"] }],
      sharedWithLead: ["Anna"],
      seed: 17,
    });
    const anna = cycle.participantIdOf.get("Anna")!;
    const knowledge = await loadViewerKnowledge(
      test.db,
      cycle.viewerId,
      cycle.cycleId,
      cycle.competencyKeys,
    );
    expect(knowledge.viewer.knownScores?.get(anna)).toEqual(new Set(cycle.competencyKeys));
    expect(knowledge.viewer.partlyKnownScores?.get(anna)).toBeUndefined();
    // HR, who took no part and read nothing, knows nothing of it.
    const hr = await test.db
      .selectFrom("person")
      .select("id")
      .where("organisation_id", "=", cycle.organisationId)
      .where("is_hr_admin", "=", 1)
      .executeTakeFirstOrThrow();
    const none = await loadViewerKnowledge(test.db, hr.id, cycle.cycleId, cycle.competencyKeys);
    expect(none.known.size + (none.viewer.notOtherPeople?.size ?? 0)).toBe(0);
    expect(none.viewer.knownScores?.size ?? 0).toBe(0);
  });
});
