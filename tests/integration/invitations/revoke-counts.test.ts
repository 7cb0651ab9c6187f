import { describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { loadAdminOverview } from "~/admin/overview.server";
import { listCycles } from "~/cycles/cycles.server";
import { createCycleInvitations } from "~/invitations/create.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import { loadReportInputs } from "~/reports/release.server";
import { currentInvitationToken } from "~/rater/invitation-token.server";
import {
  declineInvitation,
  findInvitationByToken,
  submitResponse,
} from "~/rater/invitation.server";
import { useTestDatabase } from "../../support/database";
import { createCycleFixture, invitationsOf } from "../../support/fixtures/cycle";

// Withdrawing an invitation must move every count anyone sees in the same way, whether the
// rater had answered, declined or not: otherwise the count tells who answered. These are the
// counts outside app/cycles/progress.ts (which revoke.test.ts covers): the admin overview, the
// list of rounds, and the "invited" of the report's response overview.

const ctx = useTestDatabase();

type Outcome = "open" | "submitted" | "declined";
const OUTCOMES: readonly Outcome[] = ["open", "submitted", "declined"];

/** A launched round (its own organisation) in which Noor's invitation to rate Mo ended as `outcome`. */
async function cycleWithNoorFor(outcome: Outcome) {
  const fixture = await createCycleFixture(ctx.db);
  // A third colleague for Mo: withdrawing Noor leaves two, a group still shown. (A group
  // left with one rater shows no answers from then on: tests/integration/cycles/groups-of-one.)
  await ctx.db
    .insertInto("nomination")
    .values({
      id: newId(),
      participant_id: fixture.participants.mo,
      relationship: "colleague",
      rater_person_id: null,
      rater_name: "Derde Collega",
      rater_email: "derde.collega@elders.example",
      status: "approved",
      created_at: new Date().toISOString(),
    })
    .execute();
  await createCycleInvitations(ctx.db, fixture.cycleId);
  const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).find(
    (row) =>
      row.participant_id === fixture.participants.mo &&
      row.rater_email === fixture.people.noor.email,
  )!;
  if (outcome === "submitted") {
    const token = await currentInvitationToken(ctx.db, invitation);
    const raterView = (await findInvitationByToken(ctx.db, token!))!;
    const indicator = await ctx.db
      .selectFrom("profile_indicator")
      .select("id")
      .where("snapshot_id", "=", raterView.participant.profileSnapshotId)
      .executeTakeFirstOrThrow();
    expect(
      await submitResponse(ctx.db, raterView, {
        ratings: { [indicator.id]: 4 },
        comments: {},
        general: {},
      }),
    ).toBe("submitted");
  }
  if (outcome === "declined") {
    expect(await declineInvitation(ctx.db, invitation.id, null)).toBe(true);
  }
  return { fixture, invitation };
}

async function overviewCounts(organisationId: string) {
  const [cycle] = (await loadAdminOverview(ctx.db, organisationId)).cycles;
  return { invited: cycle!.invited, answered: cycle!.answered };
}

async function listedCounts(organisationId: string) {
  const [cycle] = await listCycles(ctx.db, organisationId);
  return { invited: cycle!.invited, answered: cycle!.answered };
}

describe("counts after withdrawing an invitation", () => {
  it("move the same way in the admin overview and the list of rounds, answered or not", async () => {
    const changes: { overview: object; list: object }[] = [];
    for (const outcome of OUTCOMES) {
      const { fixture, invitation } = await cycleWithNoorFor(outcome);
      const before = {
        overview: await overviewCounts(fixture.organisationId),
        list: await listedCounts(fixture.organisationId),
      };
      expect(
        await revokeInvitation(ctx.db, {
          organisationId: fixture.organisationId,
          cycleId: fixture.cycleId,
          participantId: fixture.participants.mo,
          invitationId: invitation.id,
          actorPersonId: fixture.people.lotte.id,
        }),
      ).toBe(true);
      const after = {
        overview: await overviewCounts(fixture.organisationId),
        list: await listedCounts(fixture.organisationId),
      };
      changes.push({
        overview: {
          invited: after.overview.invited - before.overview.invited,
          answered: after.overview.answered - before.overview.answered,
        },
        list: {
          invited: after.list.invited - before.list.invited,
          answered: after.list.answered - before.list.answered,
        },
      });
    }
    expect(changes[0]).toEqual({
      overview: { invited: -1, answered: 0 },
      list: { invited: -1, answered: 0 },
    });
    expect(changes[1]).toEqual(changes[0]);
    expect(changes[2]).toEqual(changes[0]);
  });

  it("leave the report's 'invited' the same whether the withdrawn rater had answered or not", async () => {
    const invited: Record<string, unknown>[] = [];
    for (const outcome of OUTCOMES) {
      const { fixture, invitation } = await cycleWithNoorFor(outcome);
      await revokeInvitation(ctx.db, {
        organisationId: fixture.organisationId,
        cycleId: fixture.cycleId,
        participantId: fixture.participants.mo,
        invitationId: invitation.id,
        actorPersonId: fixture.people.lotte.id,
      });
      await ctx.db
        .updateTable("cycle")
        .set({ status: "released", released_at: new Date().toISOString() })
        .where("id", "=", fixture.cycleId)
        .execute();
      const inputs = await loadReportInputs(ctx.db, fixture.cycleId);
      const mo = inputs.participants.find((p) => p.id === fixture.participants.mo)!;
      invited.push(mo.input.invited);
    }
    // Mo invited Noor, Piet and a third as colleagues, Karin as customer; plus self and
    // manager. What Mo saw while the round ran (Mijn Rondom) counted Noor too, so the report
    // does as well.
    expect(invited[0]).toEqual({ self: 1, manager: 1, colleague: 3, customer: 1 });
    expect(invited[1]).toEqual(invited[0]);
    expect(invited[2]).toEqual(invited[0]);
  });
});
