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
import { UNIQUE_VIOLATION } from "../../support/constraint-errors";

// One voice per rater (issue 13, leak 3): a rater who answered, was withdrawn and was then
// invited again answered twice and counted as two raters. A person or address gets at most
// one invitation per participant per round, whatever became of it.

const ctx = useTestDatabase();

async function launchedCycle() {
  const fixture = await createCycleFixture(ctx.db);
  await createCycleInvitations(ctx.db, fixture.cycleId);
  return fixture;
}

function invitationOf(fixture: CycleFixture, participantId: string, raterEmail: string) {
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

function withdraw(fixture: CycleFixture, participantId: string, invitationId: string) {
  return revokeInvitation(ctx.db, {
    organisationId: fixture.organisationId,
    cycleId: fixture.cycleId,
    participantId,
    invitationId,
    actorPersonId: fixture.people.lotte.id,
  });
}

function addLate(fixture: CycleFixture, participantId: string, rater: LateRater) {
  return addLateRater(ctx.db, {
    organisationId: fixture.organisationId,
    cycleId: fixture.cycleId,
    participantId,
    actorPersonId: fixture.people.lotte.id,
    rater,
  });
}

describe("one voice per rater: a late rater", () => {
  for (const status of ["submitted", "declined", "open"] as const) {
    it(`refuses to invite again a rater who was withdrawn after the invitation ended ${status}`, async () => {
      const fixture = await launchedCycle();
      const mo = fixture.participants.mo;
      const noor = await invitationOf(fixture, mo, fixture.people.noor.email);
      const karin = await invitationOf(fixture, mo, CUSTOMER_EMAIL);
      await endAs(noor.id, status);
      await endAs(karin.id, status);
      expect(await withdraw(fixture, mo, noor.id)).toBe(true);
      expect(await withdraw(fixture, mo, karin.id)).toBe(true);
      const invitationsBefore = (await invitationsOf(ctx.db, fixture.cycleId)).length;
      const mailsBefore = (await mailsOf(ctx.db, fixture.organisationId, "invitation")).length;

      // By person from the directory, in another group, and by address in another case.
      expect(
        await addLate(fixture, mo, {
          kind: "person",
          personId: fixture.people.noor.id,
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });
      expect(
        await addLate(fixture, mo, {
          kind: "external",
          name: "Noor",
          email: ` ${fixture.people.noor.email.toUpperCase()} `,
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });
      expect(
        await addLate(fixture, mo, {
          kind: "external",
          name: "Karin Klant",
          email: "Klant@Extern.Example",
          relationship: "customer",
        }),
      ).toEqual({ status: "refused", reason: "duplicate" });

      expect(await invitationsOf(ctx.db, fixture.cycleId)).toHaveLength(invitationsBefore);
      expect(await mailsOf(ctx.db, fixture.organisationId, "invitation")).toHaveLength(mailsBefore);
    });
  }
});

describe("one voice per rater: every invitation", () => {
  async function request(fixture: CycleFixture, overrides: Record<string, unknown>) {
    const context = (await loadCycleMailContext(ctx.db, fixture.cycleId))!;
    return {
      context,
      request: {
        participantId: fixture.participants.mo,
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
    const fixture = await launchedCycle();
    const noor = await invitationOf(fixture, fixture.participants.mo, fixture.people.noor.email);
    await endAs(noor.id, "submitted");
    await withdraw(fixture, fixture.participants.mo, noor.id);
    const before = await invitationsOf(ctx.db, fixture.cycleId);
    const cases = [
      // Withdrawn after answering: the same person again.
      { raterPersonId: fixture.people.noor.id, raterEmail: "noor.nieuw@proefstad.example" },
      // The same outsider by address in another case.
      { raterEmail: CUSTOMER_EMAIL.toUpperCase() },
      // The participant as someone else than themself, and a second self-assessment.
      { raterPersonId: fixture.people.mo.id, raterEmail: fixture.people.mo.email },
      {
        relationship: "self",
        raterPersonId: fixture.people.piet.id,
        raterEmail: fixture.people.piet.email,
      },
    ];
    for (const overrides of cases) {
      const { context, request: planned } = await request(fixture, overrides);
      await expect(issueInvitations(ctx.db, context, [planned], new Date())).rejects.toThrow(
        OneVoiceViolation,
      );
    }
    // Two plans for the same new rater in one batch: refused as a whole.
    const { context, request: planned } = await request(fixture, {});
    await expect(
      issueInvitations(
        ctx.db,
        context,
        [planned, { ...planned, raterEmail: "IEMAND@extern.example" }],
        new Date(),
      ),
    ).rejects.toThrow(OneVoiceViolation);
    expect(await invitationsOf(ctx.db, fixture.cycleId)).toEqual(before);
  });

  it("is held by the database too, for withdrawn invitations and addresses in any case", async () => {
    const fixture = await launchedCycle();
    const karin = await invitationOf(fixture, fixture.participants.mo, CUSTOMER_EMAIL);
    await withdraw(fixture, fixture.participants.mo, karin.id);
    const insert = (raterPersonId: string | null, raterEmail: string) =>
      ctx.db
        .insertInto("invitation")
        .values({
          id: newId(),
          cycle_id: fixture.cycleId,
          participant_id: fixture.participants.mo,
          relationship: "customer",
          rater_person_id: raterPersonId,
          rater_name: "Dubbel",
          rater_email: raterEmail,
          token_hash: newId(),
          created_at: new Date().toISOString(),
        })
        .execute();
    await expect(insert(null, ` ${CUSTOMER_EMAIL.toUpperCase()}`)).rejects.toThrow(
      UNIQUE_VIOLATION,
    );
    await expect(insert(fixture.people.noor.id, "noor.anders@proefstad.example")).rejects.toThrow(
      UNIQUE_VIOLATION,
    );
    // Someone new, and an outsider for another participant, are fine.
    await insert(null, "nieuw@extern.example");
    await ctx.db
      .insertInto("invitation")
      .values({
        id: newId(),
        cycle_id: fixture.cycleId,
        participant_id: fixture.participants.piet,
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
    const fixture = await createCycleFixture(ctx.db);
    const nominate = (raterPersonId: string | null, raterEmail: string) =>
      ctx.db
        .insertInto("nomination")
        .values({
          id: newId(),
          participant_id: fixture.participants.noor,
          relationship: "customer",
          rater_person_id: raterPersonId,
          rater_name: "Genomineerd",
          rater_email: raterEmail,
          status: "approved",
          created_at: new Date().toISOString(),
        })
        .execute();
    // Noor herself by address only, and her manager Lotte as a person with an old address.
    await nominate(null, fixture.people.noor.email.toUpperCase());
    await nominate(fixture.people.lotte.id, "lotte.oud@proefstad.example");
    await createCycleInvitations(ctx.db, fixture.cycleId);
    const noors = (await invitationsOf(ctx.db, fixture.cycleId)).filter(
      (row) => row.participant_id === fixture.participants.noor,
    );
    expect(noors.map((row) => [row.relationship, row.rater_email]).sort()).toEqual(
      [
        ["self", fixture.people.noor.email],
        ["manager", fixture.people.lotte.email],
        ["colleague", fixture.people.mo.email],
        ["customer", CUSTOMER_EMAIL.toUpperCase()],
      ].sort(),
    );
  });
});
