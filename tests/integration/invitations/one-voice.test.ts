import { describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import type { InvitationStatus } from "#db/schema";
import { createCycleInvitations } from "~/invitations/create.server";
import { loadCycleMailContext } from "~/invitations/cycle-mail-context.server";
import { issueInvitations } from "~/invitations/issue.server";
import { addLateRater, type LateRater } from "~/invitations/late-rater.server";
import { OneVoiceViolation } from "~/invitations/one-voice.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import { useTestDatabase } from "../../support/database";
import {
  createCycleFixture,
  CUSTOMER_EMAIL,
  invitationsOf,
  type CycleFixture,
} from "../../support/fixtures/cycle";
import { mailsOf } from "../../support/mail";

// One voice per rater (issue 13, leak 3): a rater who answered, was withdrawn and was then
// invited again answered twice and counted as two raters. A person or address gets at most
// one invitation per participant per round, whatever became of it.

const ctx = useTestDatabase();

async function launchedRound() {
  const round = await createCycleFixture(ctx.db);
  await createCycleInvitations(ctx.db, round.cycleId);
  return round;
}

function invitationOf(round: CycleFixture, participantId: string, raterEmail: string) {
  return ctx.db
    .selectFrom("invitation")
    .selectAll()
    .where("participant_id", "=", participantId)
    .where("rater_email", "=", raterEmail)
    .executeTakeFirstOrThrow();
}

/** Ends the invitation as a rater would (answered, declined) or leaves it open. */
async function endAs(invitationId: string, status: InvitationStatus) {
  await ctx.db
    .updateTable("invitation")
    .set({
      status,
      declined_at: status === "declined" ? new Date().toISOString() : null,
    })
    .where("id", "=", invitationId)
    .execute();
}

function withdraw(round: CycleFixture, participantId: string, invitationId: string) {
  return revokeInvitation(ctx.db, {
    organisationId: round.organisationId,
    cycleId: round.cycleId,
    participantId,
    invitationId,
    actorPersonId: round.people.lotte.id,
  });
}

function addLate(round: CycleFixture, participantId: string, rater: LateRater) {
  return addLateRater(ctx.db, {
    organisationId: round.organisationId,
    cycleId: round.cycleId,
    participantId,
    actorPersonId: round.people.lotte.id,
    rater,
  });
}

describe("one voice per rater: a late rater", () => {
  for (const status of ["submitted", "declined", "open"] as const) {
    it(`refuses to invite again a rater who was withdrawn after the invitation ended ${status}`, async () => {
      const round = await launchedRound();
      const mo = round.participants.mo;
      const noor = await invitationOf(round, mo, round.people.noor.email);
      const karin = await invitationOf(round, mo, CUSTOMER_EMAIL);
      await endAs(noor.id, status);
      await endAs(karin.id, status);
      expect(await withdraw(round, mo, noor.id)).toBe(true);
      expect(await withdraw(round, mo, karin.id)).toBe(true);
      const invitationsBefore = (await invitationsOf(ctx.db, round.cycleId)).length;
      const mailsBefore = (await mailsOf(ctx.db, round.organisationId, "invitation")).length;

      // By person from the directory, in another group, and by address in another case.
      expect(
        await addLate(round, mo, {
          kind: "person",
          personId: round.people.noor.id,
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });
      expect(
        await addLate(round, mo, {
          kind: "external",
          name: "Noor",
          email: ` ${round.people.noor.email.toUpperCase()} `,
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });
      expect(
        await addLate(round, mo, {
          kind: "external",
          name: "Karin Klant",
          email: "Klant@Extern.Example",
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });

      expect(await invitationsOf(ctx.db, round.cycleId)).toHaveLength(invitationsBefore);
      expect(await mailsOf(ctx.db, round.organisationId, "invitation")).toHaveLength(mailsBefore);
    });
  }
});

describe("one voice per rater: every invitation", () => {
  async function request(round: CycleFixture, overrides: Record<string, unknown>) {
    const context = (await loadCycleMailContext(ctx.db, round.cycleId))!;
    return {
      context,
      request: {
        participantId: round.participants.mo,
        participantName: "Mo Proef",
        relationship: "customer" as const,
        raterPersonId: null,
        raterName: "Iemand",
        raterEmail: "iemand@extern.example",
        locale: "nl" as const,
        ...overrides,
      },
    };
  }

  it("is refused by issueInvitations, whoever calls it, before anything is written", async () => {
    const round = await launchedRound();
    const noor = await invitationOf(round, round.participants.mo, round.people.noor.email);
    await endAs(noor.id, "submitted");
    await withdraw(round, round.participants.mo, noor.id);
    const before = await invitationsOf(ctx.db, round.cycleId);
    const cases = [
      // Withdrawn after answering: the same person again.
      { raterPersonId: round.people.noor.id, raterEmail: "noor.nieuw@proefstad.example" },
      // The same outsider by address in another case.
      { raterEmail: CUSTOMER_EMAIL.toUpperCase() },
      // The participant as someone else than themself, and a second self-assessment.
      { raterPersonId: round.people.mo.id, raterEmail: round.people.mo.email },
      {
        relationship: "self",
        raterPersonId: round.people.piet.id,
        raterEmail: round.people.piet.email,
      },
    ];
    for (const overrides of cases) {
      const { context, request: planned } = await request(round, overrides);
      await expect(issueInvitations(ctx.db, context, [planned], new Date())).rejects.toThrow(
        OneVoiceViolation,
      );
    }
    // Two plans for the same new rater in one batch: refused as a whole.
    const { context, request: planned } = await request(round, {});
    await expect(
      issueInvitations(
        ctx.db,
        context,
        [planned, { ...planned, raterEmail: "IEMAND@extern.example" }],
        new Date(),
      ),
    ).rejects.toThrow(OneVoiceViolation);
    expect(await invitationsOf(ctx.db, round.cycleId)).toEqual(before);
  });

  it("is held by the database too, for withdrawn invitations and addresses in any case", async () => {
    const round = await launchedRound();
    const karin = await invitationOf(round, round.participants.mo, CUSTOMER_EMAIL);
    await withdraw(round, round.participants.mo, karin.id);
    const insert = (raterPersonId: string | null, raterEmail: string) =>
      ctx.db
        .insertInto("invitation")
        .values({
          id: newId(),
          cycle_id: round.cycleId,
          participant_id: round.participants.mo,
          relationship: "customer",
          rater_person_id: raterPersonId,
          rater_name: "Dubbel",
          rater_email: raterEmail,
          token_hash: newId(),
          created_at: new Date().toISOString(),
        })
        .execute();
    await expect(insert(null, ` ${CUSTOMER_EMAIL.toUpperCase()}`)).rejects.toThrow(/UNIQUE/);
    await expect(insert(round.people.noor.id, "noor.anders@proefstad.example")).rejects.toThrow(
      /UNIQUE/,
    );
    // Someone new, and an outsider for another participant, are fine.
    await insert(null, "nieuw@extern.example");
    await ctx.db
      .insertInto("invitation")
      .values({
        id: newId(),
        cycle_id: round.cycleId,
        participant_id: round.participants.piet,
        relationship: "customer",
        rater_person_id: null,
        rater_name: "Karin",
        rater_email: CUSTOMER_EMAIL,
        token_hash: newId(),
        created_at: new Date().toISOString(),
      })
      .execute();
  });

  it("skips at launch a nomination of the participant, and of the manager under another address", async () => {
    const round = await createCycleFixture(ctx.db);
    const nominate = (raterPersonId: string | null, raterEmail: string) =>
      ctx.db
        .insertInto("nomination")
        .values({
          id: newId(),
          participant_id: round.participants.noor,
          relationship: "customer",
          rater_person_id: raterPersonId,
          rater_name: "Genomineerd",
          rater_email: raterEmail,
          status: "approved",
          created_at: new Date().toISOString(),
        })
        .execute();
    // Noor herself by address only, and her manager Lotte as a person with an old address.
    await nominate(null, round.people.noor.email.toUpperCase());
    await nominate(round.people.lotte.id, "lotte.oud@proefstad.example");
    await createCycleInvitations(ctx.db, round.cycleId);
    const noors = (await invitationsOf(ctx.db, round.cycleId)).filter(
      (row) => row.participant_id === round.participants.noor,
    );
    expect(noors.map((row) => [row.relationship, row.rater_email]).sort()).toEqual(
      [
        ["self", round.people.noor.email],
        ["manager", round.people.lotte.email],
        ["colleague", round.people.mo.email],
        ["customer", CUSTOMER_EMAIL.toUpperCase()],
      ].sort(),
    );
  });
});
