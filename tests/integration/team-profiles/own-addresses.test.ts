import { describe, expect, it } from "vitest";
import * as profileRoute from "~/routes/teams.$teamId.profiel";
import { loadViewerKnowledge } from "~/team-profiles/cycle-figures.server";
import { useTestDatabase } from "../../support/database";
import { createOwnRatingsCycle, type OwnRatingsCycle } from "./own-ratings-cycle";
import { asPerson, readyProfile } from "./profile-helpers";

// The viewer's own voices are recognised by person, and, as a second line of defence for
// invitations not linked to their person (written before +tag aliases were linked, or by
// hand), by address: their current address and every address stored on invitations linked
// to them, each compared without a "+tag". The attack is own-ratings.test.ts's: k = 2, two
// members each rated by the viewer (HR, as a late colleague) and by X; subtracting the
// viewer's own means from the team mean gives X's.

const test = useTestDatabase();

const openProfile = (cycle: OwnRatingsCycle) =>
  asPerson(
    test.db,
    cycle.viewerId,
    `/teams/${cycle.teamId}/profiel?ronde=${cycle.cycleId}`,
    profileRoute.loader,
    { teamId: cycle.teamId },
  );

async function viewerInvitations(cycle: OwnRatingsCycle) {
  return test.db
    .selectFrom("invitation")
    .select(["id", "participant_id", "rater_email"])
    .where("cycle_id", "=", cycle.cycleId)
    .where("rater_person_id", "=", cycle.viewerId)
    .orderBy("participant_id")
    .execute();
}

async function unlink(invitationId: string, email?: string) {
  await test.db
    .updateTable("invitation")
    .set({ rater_person_id: null, ...(email ? { rater_email: email } : {}) })
    .where("id", "=", invitationId)
    .execute();
}

async function expectNoTeamFigure(cycle: OwnRatingsCycle) {
  const profile = readyProfile(await openProfile(cycle));
  expect(profile.anyShown).toBe(false);
  expect(profile.rows).toEqual([]);
  expect(profile.withheldReasons).toEqual(["known_members"]);
  const knowledge = await loadViewerKnowledge(
    test.db,
    cycle.viewerId,
    cycle.cycleId,
    cycle.competencyKeys,
  );
  for (const name of ["Anna", "Bram"]) {
    expect(knowledge.viewer.notOtherPeople?.get(cycle.participantIdOf.get(name)!), name).toBe(1);
  }
}

const twoMembers = (seed: number) =>
  createOwnRatingsCycle(test.db, {
    k: 2,
    viewer: "hr",
    members: ["Anna", "Bram"].map((name) => ({ name, raters: ["viewer" as const, "x" as const] })),
    seed,
  });

describe("a viewer whose answers are stored under another address of theirs", () => {
  it("is recognised behind a +tag alias of their current address", async () => {
    const cycle = await twoMembers(31);
    const viewer = await test.db
      .selectFrom("person")
      .select("email")
      .where("id", "=", cycle.viewerId)
      .executeTakeFirstOrThrow();
    const [local, domain] = viewer.email.split("@");
    for (const invitation of await viewerInvitations(cycle)) {
      await unlink(invitation.id, ` ${local!.toUpperCase()}+360@${domain}`);
    }
    await expectNoTeamFigure(cycle);
  });

  it("is recognised by an address stored on another invitation linked to them", async () => {
    // The invitations carry an address that is not the person's current one (as after a
    // change of address); one of them is no longer linked to the person.
    const cycle = await twoMembers(32);
    const [linked, unlinked] = await viewerInvitations(cycle);
    expect(linked!.rater_email).toBe(unlinked!.rater_email);
    await unlink(unlinked!.id);
    await expectNoTeamFigure(cycle);
  });
});
