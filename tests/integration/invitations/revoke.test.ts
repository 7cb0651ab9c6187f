import { describe, expect, it } from "vitest";
import { loadGroupCounts } from "~/cycles/progress.server";
import type { GroupCounts } from "~/cycles/progress";
import { createCycleInvitations } from "~/invitations/create.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import { currentInvitationToken } from "~/rater/invitation-token.server";
import {
  declineInvitation,
  findInvitationByToken,
  saveDraft,
  submitResponse,
} from "~/rater/invitation.server";
import { useTestDatabase } from "../../support/database";
import { createCycleFixture, invitationsOf, type CycleFixture } from "../../support/fixtures/cycle";

const ctx = useTestDatabase();

type Outcome = "open" | "submitted" | "declined";

/** A launched round in which Noor's invitation to rate Mo ended as `outcome`. */
async function cycleWithNoorFor(outcome: Outcome) {
  const fixture = await createCycleFixture(ctx.db);
  await createCycleInvitations(ctx.db, fixture.cycleId);
  const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).find(
    (row) =>
      row.participant_id === fixture.participants.mo &&
      row.rater_email === fixture.people.noor.email,
  )!;
  const token = await currentInvitationToken(ctx.db, invitation);
  const raterView = (await findInvitationByToken(ctx.db, token!))!;
  if (outcome === "submitted") {
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
  if (outcome === "declined")
    expect(await declineInvitation(ctx.db, invitation.id, null)).toBe(true);
  if (outcome === "open") {
    await saveDraft(ctx.db, invitation.id, { ratings: {}, comments: {}, general: {} });
  }
  return { fixture, invitation, token: token! };
}

function revoke(
  fixture: CycleFixture,
  invitationId: string,
  participantId = fixture.participants.mo,
) {
  return revokeInvitation(ctx.db, {
    organisationId: fixture.organisationId,
    cycleId: fixture.cycleId,
    participantId,
    invitationId,
    actorPersonId: fixture.people.lotte.id,
  });
}

async function colleagueCounts(fixture: CycleFixture): Promise<GroupCounts> {
  const counts = (await loadGroupCounts(ctx.db, [fixture.participants.mo])).get(
    fixture.participants.mo,
  )!;
  return counts.find((group) => group.relationship === "colleague")!;
}

function difference(after: GroupCounts, before: GroupCounts) {
  return {
    invited: after.invited - before.invited,
    answered: after.answered - before.answered,
    declined: after.declined - before.declined,
    revoked: after.revoked - before.revoked,
    possible: after.possible - before.possible,
  };
}

describe("revokeInvitation", () => {
  it("changes the progress counts the same way whether the rater answered, declined or not", async () => {
    const changes = [];
    for (const outcome of ["open", "submitted", "declined"] as const) {
      const { fixture, invitation } = await cycleWithNoorFor(outcome);
      const before = await colleagueCounts(fixture);
      expect(await revoke(fixture, invitation.id)).toBe(true);
      changes.push(difference(await colleagueCounts(fixture), before));
    }
    expect(changes[0]).toEqual({ invited: 0, answered: 0, declined: 0, revoked: 1, possible: -1 });
    expect(changes[1]).toEqual(changes[0]);
    expect(changes[2]).toEqual(changes[0]);
  });

  it("closes an open link (status revoked, draft gone) and keeps an answer's or refusal's status", async () => {
    const open = await cycleWithNoorFor("open");
    const now = new Date("2030-03-05T09:00:00.000Z");
    await revokeInvitation(
      ctx.db,
      {
        organisationId: open.fixture.organisationId,
        cycleId: open.fixture.cycleId,
        participantId: open.fixture.participants.mo,
        invitationId: open.invitation.id,
        actorPersonId: open.fixture.people.lotte.id,
      },
      now,
    );
    const revoked = (await invitationsOf(ctx.db, open.fixture.cycleId)).find(
      (row) => row.id === open.invitation.id,
    )!;
    expect(revoked).toMatchObject({ status: "revoked", revoked_at: now.toISOString() });
    expect(await findInvitationByToken(ctx.db, open.token)).toBeNull();
    const draft = await ctx.db
      .selectFrom("draft")
      .select("invitation_id")
      .where("invitation_id", "=", open.invitation.id)
      .executeTakeFirst();
    expect(draft).toBeUndefined();

    for (const outcome of ["submitted", "declined"] as const) {
      const { fixture, invitation } = await cycleWithNoorFor(outcome);
      await revoke(fixture, invitation.id);
      const row = (await invitationsOf(ctx.db, fixture.cycleId)).find(
        (r) => r.id === invitation.id,
      )!;
      expect(row.status).toBe(outcome);
      expect(row.revoked_at).not.toBeNull();
    }
  });

  it("is audited once with the participant as subject; revoking again changes nothing", async () => {
    const { fixture, invitation } = await cycleWithNoorFor("submitted");
    expect(await revoke(fixture, invitation.id)).toBe(true);
    const first = (await invitationsOf(ctx.db, fixture.cycleId)).find(
      (r) => r.id === invitation.id,
    )!;
    expect(await revoke(fixture, invitation.id)).toBe(true);
    const second = (await invitationsOf(ctx.db, fixture.cycleId)).find(
      (r) => r.id === invitation.id,
    )!;
    expect(second.revoked_at).toBe(first.revoked_at);
    const audits = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "invitation_revoked")
      .where("organisation_id", "=", fixture.organisationId)
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_person_id: fixture.people.lotte.id,
      subject_type: "person",
      subject_id: fixture.people.mo.id,
    });
    expect(JSON.parse(audits[0]!.details!)).toEqual({
      participantId: fixture.participants.mo,
      cycleId: fixture.cycleId,
      relationship: "colleague",
    });
  });

  it("refuses another participant's invitation, another organisation and a cycle not collecting", async () => {
    const { fixture, invitation } = await cycleWithNoorFor("open");
    expect(await revoke(fixture, invitation.id, fixture.participants.noor)).toBe(false);
    expect(
      await revokeInvitation(ctx.db, {
        organisationId: "another-organisation",
        cycleId: fixture.cycleId,
        participantId: fixture.participants.mo,
        invitationId: invitation.id,
        actorPersonId: fixture.people.lotte.id,
      }),
    ).toBe(false);
    await ctx.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", fixture.cycleId)
      .execute();
    expect(await revoke(fixture, invitation.id)).toBe(false);
    const row = (await invitationsOf(ctx.db, fixture.cycleId)).find((r) => r.id === invitation.id)!;
    expect(row).toMatchObject({ status: "open", revoked_at: null });
  });
});
