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

const openProfile = (round: OwnRatingsCycle) =>
  asPerson(
    test.db,
    round.viewerId,
    `/teams/${round.teamId}/profiel?ronde=${round.cycleId}`,
    profileRoute.loader,
    { teamId: round.teamId },
  );

async function viewerInvitations(round: OwnRatingsCycle) {
  return test.db
    .selectFrom("invitation")
    .select(["id", "participant_id", "rater_email"])
    .where("cycle_id", "=", round.cycleId)
    .where("rater_person_id", "=", round.viewerId)
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

async function expectNoTeamFigure(round: OwnRatingsCycle) {
  const profile = readyProfile(await openProfile(round));
  expect(profile.anyShown).toBe(false);
  expect(profile.rows).toEqual([]);
  expect(profile.withheldReasons).toEqual(["known_members"]);
  const knowledge = await loadViewerKnowledge(
    test.db,
    round.viewerId,
    round.cycleId,
    round.competencyKeys,
  );
  for (const name of ["Anna", "Bram"]) {
    expect(knowledge.viewer.notOtherPeople?.get(round.participantIdOf.get(name)!), name).toBe(1);
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
    const round = await twoMembers(31);
    const viewer = await test.db
      .selectFrom("person")
      .select("email")
      .where("id", "=", round.viewerId)
      .executeTakeFirstOrThrow();
    const [local, domain] = viewer.email.split("@");
    for (const invitation of await viewerInvitations(round)) {
      await unlink(invitation.id, ` ${local!.toUpperCase()}+360@${domain}`);
    }
    await expectNoTeamFigure(round);
  });

  it("is recognised by an address stored on another invitation linked to them", async () => {
    // The invitations carry an address that is not the person's current one (as after a
    // change of address); one of them is no longer linked to the person.
    const round = await twoMembers(32);
    const [linked, unlinked] = await viewerInvitations(round);
    expect(linked!.rater_email).toBe(unlinked!.rater_email);
    await unlink(unlinked!.id);
    await expectNoTeamFigure(round);
  });
});
