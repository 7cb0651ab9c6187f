import { describe, expect, it } from "vitest";
import { createCycleInvitations } from "~/invitations/create.server";
import { addLateRater, type LateRater } from "~/invitations/late-rater.server";
import { useTestDatabase } from "../../support/database";
import { createCycleFixture, invitationsOf, type CycleFixture } from "../../support/fixtures/cycle";
import { morningOf } from "../../support/clock";

// One voice per rater, for the addresses a person can be reached at besides the one the
// directory lists: a "+tag" alias (piet+2@… lands in piet@…'s mailbox) and the address they
// had before it changed. After launch Piet rates Mo as a colleague (tests/support/fixtures/cycle.ts).

const ctx = useTestDatabase();

async function launchedCycle(): Promise<CycleFixture> {
  const fixture = await createCycleFixture(ctx.db);
  await createCycleInvitations(ctx.db, fixture.cycleId, morningOf("2030-03-04"));
  return fixture;
}

function addFor(fixture: CycleFixture, participantId: string, rater: LateRater) {
  return addLateRater(ctx.db, {
    organisationId: fixture.organisationId,
    cycleId: fixture.cycleId,
    participantId,
    actorPersonId: fixture.people.lotte.id,
    rater,
  });
}

/** The address with a "+tag" after its local part, in another case for good measure. */
function alias(email: string, tag: string): string {
  const [local, domain] = email.split("@");
  return `${local}+${tag}@${domain!.toUpperCase()}`;
}

describe("one voice per rater: other addresses of the same person", () => {
  it("refuses a +tag alias of a rater already invited for the participant", async () => {
    const fixture = await launchedCycle();
    const before = await invitationsOf(ctx.db, fixture.cycleId);
    expect(
      await addFor(fixture, fixture.participants.mo, {
        kind: "external",
        name: "Piet privé",
        email: alias(fixture.people.piet.email, "2"),
        relationship: "customer",
      }),
    ).toEqual({ status: "refused", reason: "duplicate" });
    // Nor does it slip in as the participant's own alias.
    expect(
      await addFor(fixture, fixture.participants.mo, {
        kind: "external",
        name: "Mo",
        email: alias(fixture.people.mo.email, "360"),
        relationship: "customer",
      }),
    ).toEqual({ status: "refused", reason: "self" });
    expect(await invitationsOf(ctx.db, fixture.cycleId)).toHaveLength(before.length);
  });

  it("links a +tag alias of someone in the directory to that person", async () => {
    const fixture = await launchedCycle();
    // Mo is not invited for Piet.
    expect(
      await addFor(fixture, fixture.participants.piet, {
        kind: "external",
        name: "M. Proef",
        email: alias(fixture.people.mo.email, "1"),
        relationship: "customer",
      }),
    ).toEqual({ status: "added" });
    const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).at(-1)!;
    expect(invitation).toMatchObject({
      participant_id: fixture.participants.piet,
      rater_person_id: fixture.people.mo.id,
    });
    // And the person, once linked, cannot be added again by their listed address.
    expect(
      await addFor(fixture, fixture.participants.piet, {
        kind: "person",
        personId: fixture.people.mo.id,
        relationship: "colleague",
      }),
    ).toEqual({ status: "refused", reason: "duplicate" });
  });

  it("refuses the new address of a rater who has left since they were invited", async () => {
    const fixture = await launchedCycle();
    const newAddress = `piet.nieuw@${fixture.people.piet.email.split("@")[1]}`;
    await ctx.db
      .updateTable("person")
      .set({ email: newAddress, is_active: 0 })
      .where("id", "=", fixture.people.piet.id)
      .execute();
    const before = await invitationsOf(ctx.db, fixture.cycleId);
    for (const email of [newAddress, alias(newAddress, "x")]) {
      expect(
        await addFor(fixture, fixture.participants.mo, {
          kind: "external",
          name: "Piet Proef",
          email,
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });
    }
    expect(await invitationsOf(ctx.db, fixture.cycleId)).toHaveLength(before.length);
  });
});
