import { describe, expect, it } from "vitest";
import { createCycleInvitations } from "~/invitations/create.server";
import { addLateRater, type LateRater } from "~/invitations/late-rater.server";
import { findInvitationByToken } from "~/rater/invitation.server";
import { useTestDatabase } from "../../support/database";
import {
  createCycleFixture,
  CUSTOMER_EMAIL,
  invitationsOf,
  type CycleFixture,
} from "../../support/fixtures/cycle";
import { mailsOf, tokensIn } from "../../support/mail";
import { morningOf } from "../../support/clock";

const ctx = useTestDatabase();

async function launchedCycle(options: Parameters<typeof createCycleFixture>[1] = {}) {
  const fixture = await createCycleFixture(ctx.db, options);
  await createCycleInvitations(ctx.db, fixture.cycleId, morningOf("2030-03-04"));
  return fixture;
}

function add(
  fixture: CycleFixture,
  rater: LateRater,
  participantId = fixture.participants.mo,
  now?: Date,
) {
  return addLateRater(
    ctx.db,
    {
      organisationId: fixture.organisationId,
      cycleId: fixture.cycleId,
      participantId,
      actorPersonId: fixture.people.lotte.id,
      rater,
    },
    now,
  );
}

describe("addLateRater", () => {
  it("invites a colleague from the directory and mails them at once, with a working link", async () => {
    const fixture = await launchedCycle();
    const before = await mailsOf(ctx.db, fixture.organisationId, "invitation");
    const outcome = await add(
      fixture,
      { kind: "person", personId: fixture.people.piet.id, relationship: "colleague" },
      fixture.participants.noor,
    );
    expect(outcome).toEqual({ status: "added" });
    const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).find(
      (row) =>
        row.participant_id === fixture.participants.noor &&
        row.rater_person_id === fixture.people.piet.id,
    )!;
    expect(invitation).toMatchObject({
      relationship: "colleague",
      rater_name: "Piet Proef",
      rater_email: fixture.people.piet.email,
      status: "open",
      locale: "nl",
    });
    const mails = await mailsOf(ctx.db, fixture.organisationId, "invitation");
    expect(mails).toHaveLength(before.length + 1);
    const mail = mails.at(-1)!;
    expect(mail.to_address).toBe(fixture.people.piet.email);
    const tokens = tokensIn(mail.text_body);
    expect(tokens).toHaveLength(1);
    expect(mail.text_body).toContain("Noor Proef, als collega");
    expect((await findInvitationByToken(ctx.db, tokens[0]!))?.id).toBe(invitation.id);

    const audit = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "invitation_added")
      .where("organisation_id", "=", fixture.organisationId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_type: "person", subject_id: fixture.people.noor.id });
    // The audit log names who was added, so no rater is added unseen.
    expect(JSON.parse(audit.details!)).toEqual({
      participantId: fixture.participants.noor,
      cycleId: fixture.cycleId,
      relationship: "colleague",
      raterName: "Piet Proef",
    });
  });

  it("invites someone outside the directory by name and address, in the organisation's language", async () => {
    const fixture = await launchedCycle();
    expect(
      await add(fixture, {
        kind: "external",
        name: "Laat Klant",
        email: "laat@extern.example",
        relationship: "customer",
      }),
    ).toEqual({ status: "added" });
    const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).find(
      (row) => row.rater_email === "laat@extern.example",
    )!;
    expect(invitation).toMatchObject({
      rater_person_id: null,
      relationship: "customer",
      locale: "nl",
    });
    const mail = (await mailsOf(ctx.db, fixture.organisationId, "invitation")).at(-1)!;
    expect(mail).toMatchObject({ to_address: "laat@extern.example", to_name: "Laat Klant" });
    expect(mail.text_body).toContain("Mo Proef, als klant");
  });

  it("links an address that belongs to someone in the directory to that person and their language", async () => {
    const fixture = await launchedCycle();
    // Mo is not invited for Piet (Piet's only nomination, Ina, has left).
    expect(
      await add(
        fixture,
        {
          kind: "external",
          name: "M. Proef",
          email: fixture.people.mo.email.toUpperCase(),
          relationship: "customer",
        },
        fixture.participants.piet,
      ),
    ).toEqual({ status: "added" });
    const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).at(-1)!;
    expect(invitation).toMatchObject({ rater_person_id: fixture.people.mo.id, locale: "en" });
    expect((await mailsOf(ctx.db, fixture.organisationId, "invitation")).at(-1)!.subject).toContain(
      "Your feedback is requested",
    );
  });

  it("refuses duplicates, the participant, a closed group and someone who left", async () => {
    const fixture = await launchedCycle();
    const before = (await invitationsOf(ctx.db, fixture.cycleId)).length;
    expect(
      await add(fixture, {
        kind: "external",
        name: "K",
        email: CUSTOMER_EMAIL.toUpperCase(),
        relationship: "customer",
      }),
    ).toEqual({ status: "refused", reason: "duplicate" });
    expect(
      await add(fixture, {
        kind: "person",
        personId: fixture.people.noor.id,
        relationship: "colleague",
      }),
    ).toEqual({ status: "refused", reason: "duplicate" });
    // The manager's invitation counts too.
    expect(
      await add(fixture, {
        kind: "person",
        personId: fixture.people.lotte.id,
        relationship: "colleague",
      }),
    ).toEqual({ status: "refused", reason: "duplicate" });
    expect(
      await add(fixture, {
        kind: "person",
        personId: fixture.people.mo.id,
        relationship: "colleague",
      }),
    ).toEqual({ status: "refused", reason: "self" });
    expect(
      await add(fixture, {
        kind: "person",
        personId: fixture.people.piet.id,
        relationship: "report",
      }),
    ).toEqual({ status: "refused", reason: "group_closed" });
    expect(
      await add(fixture, {
        kind: "person",
        personId: fixture.people.ina.id,
        relationship: "colleague",
      }),
    ).toEqual({ status: "refused", reason: "unknown_person" });
    expect(await invitationsOf(ctx.db, fixture.cycleId)).toHaveLength(before);
  });

  it("adds nothing to a cycle that is not collecting or to another organisation's participant", async () => {
    const fixture = await launchedCycle();
    const rater: LateRater = {
      kind: "external",
      name: "X",
      email: "x@extern.example",
      relationship: "customer",
    };
    expect(
      await addLateRater(ctx.db, {
        organisationId: "another-organisation",
        cycleId: fixture.cycleId,
        participantId: fixture.participants.mo,
        actorPersonId: fixture.people.lotte.id,
        rater,
      }),
    ).toEqual({ status: "not_found" });
    await ctx.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", fixture.cycleId)
      .execute();
    expect(await add(fixture, rater)).toEqual({ status: "not_found" });
  });

  it("counts reminders already due as sent, so the late rater is not reminded right away", async () => {
    const fixture = await launchedCycle();
    await add(
      fixture,
      { kind: "external", name: "Laat", email: "laat2@extern.example", relationship: "customer" },
      fixture.participants.mo,
      morningOf("2030-03-14"),
    );
    const invitation = (await invitationsOf(ctx.db, fixture.cycleId)).at(-1)!;
    expect(invitation.reminder_count).toBe(1);
  });
});
