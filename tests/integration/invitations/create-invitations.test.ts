import { describe, expect, it } from "vitest";
import { createCycleInvitations } from "~/invitations/create.server";
import { currentInvitationToken } from "~/rater/invitation-token.server";
import { findInvitationByToken } from "~/rater/invitation.server";
import { useTestDatabase } from "../../support/database";
import { allAsSent } from "../../support/mail";
import { createCycleFixture, CUSTOMER_EMAIL } from "../../support/fixtures/cycle";

const ctx = useTestDatabase();

async function invitationsOf(cycleId: string) {
  return ctx.db
    .selectFrom("invitation")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .orderBy("created_at")
    .execute();
}

async function mailsOf(organisationId: string) {
  const rows = await ctx.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", "invitation")
    .execute();
  return allAsSent(ctx.db, rows);
}

/** The invitation links in a mail's text, in order. */
function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+\/uitnodiging\/(\S+)/g)].map((match) => match[1]!);
}

describe("createCycleInvitations", () => {
  it("invites self, the active manager and every approved nomination, one mail per address", async () => {
    const fixture = await createCycleFixture(ctx.db);
    const now = new Date("2030-03-04T08:00:00.000Z");
    const result = await createCycleInvitations(ctx.db, fixture.cycleId, now);

    // Mo 5 (self, manager, Noor, Piet, Karin), Noor 4 (self, manager, Mo, Karin),
    // Piet 2 (self, manager; Ina has left), Lotte 1 (self; no manager).
    expect(result).toEqual({ invitations: 12, mails: 5 });
    const invitations = await invitationsOf(fixture.cycleId);
    expect(invitations).toHaveLength(12);
    const byParticipant = (id: string) =>
      invitations
        .filter((invitation) => invitation.participant_id === id)
        .map((invitation) => invitation.relationship)
        .sort();
    expect(byParticipant(fixture.participants.mo)).toEqual([
      "colleague",
      "colleague",
      "customer",
      "manager",
      "self",
    ]);
    expect(byParticipant(fixture.participants.noor)).toEqual([
      "colleague",
      "customer",
      "manager",
      "self",
    ]);
    expect(byParticipant(fixture.participants.piet)).toEqual(["manager", "self"]);
    expect(byParticipant(fixture.participants.lotte)).toEqual(["self"]);
    for (const invitation of invitations) {
      expect(invitation).toMatchObject({ status: "open", sent_at: now.toISOString() });
    }

    const mails = await mailsOf(fixture.organisationId);
    expect(mails.map((mail) => mail.to_address.toLowerCase()).sort()).toEqual(
      [
        CUSTOMER_EMAIL,
        fixture.people.lotte.email,
        fixture.people.mo.email,
        fixture.people.noor.email,
        fixture.people.piet.email,
      ].sort(),
    );
    const lotteMail = mails.find((mail) => mail.to_address === fixture.people.lotte.email)!;
    expect(linksIn(lotteMail.text_body)).toHaveLength(4);
    expect(lotteMail.text_body).toContain("Uw zelfbeoordeling");
    expect(lotteMail.text_body).toContain("Mo Proef, als leidinggevende");
    expect(lotteMail.text_body).toContain("uiterlijk 20 maart 2030");
    expect(lotteMail.text_body).toMatch(/ongeveer \d+ minuten/);
    expect(lotteMail.text_body).toContain("minstens 3 beoordelaars");
    const customerMail = mails.find((mail) => mail.to_address.toLowerCase() === CUSTOMER_EMAIL)!;
    expect(linksIn(customerMail.text_body)).toHaveLength(2);
    expect(customerMail.text_body).toContain("Mo Proef, als klant");
    expect(customerMail.text_body).toContain("Noor Proef, als klant");
  });

  it("writes in each rater's language, or the cycle's mail language when it has one", async () => {
    const fixture = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, fixture.cycleId);
    const mails = await mailsOf(fixture.organisationId);
    const moMail = mails.find((mail) => mail.to_address === fixture.people.mo.email)!;
    expect(moMail.locale).toBe("en");
    expect(moMail.subject).toContain("Your feedback is requested");
    expect(moMail.text_body).toContain("Your self-assessment");
    expect(moMail.html_body).toContain('lang="en"');
    const customerMail = mails.find((mail) => mail.to_address.toLowerCase() === CUSTOMER_EMAIL)!;
    expect(customerMail.locale).toBe("nl");
    const moInvitations = (await invitationsOf(fixture.cycleId)).filter(
      (invitation) => invitation.rater_email === fixture.people.mo.email,
    );
    expect(moInvitations.map((invitation) => invitation.locale)).toEqual(["en", "en"]);

    const english = await createCycleFixture(ctx.db, { mailLocale: "en" });
    await createCycleInvitations(ctx.db, english.cycleId);
    const englishMails = await mailsOf(english.organisationId);
    expect(new Set(englishMails.map((mail) => mail.locale))).toEqual(new Set(["en"]));
  });

  it("stores only token hashes, and the mailed tokens are the invitations' current tokens", async () => {
    const fixture = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, fixture.cycleId);
    const invitations = await invitationsOf(fixture.cycleId);
    const mailedTokens = (await mailsOf(fixture.organisationId)).flatMap((mail) =>
      linksIn(mail.text_body).map(decodeURIComponent),
    );
    expect(mailedTokens).toHaveLength(invitations.length);
    for (const invitation of invitations) {
      const token = await currentInvitationToken(ctx.db, invitation);
      expect(token).not.toBeNull();
      expect(invitation.token_hash).not.toBe(token);
      expect(mailedTokens).toContain(token);
      const found = await findInvitationByToken(ctx.db, token!);
      expect(found?.id).toBe(invitation.id);
    }
  });

  it("is idempotent: a second run adds only what is missing", async () => {
    const fixture = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, fixture.cycleId);
    expect(await createCycleInvitations(ctx.db, fixture.cycleId)).toEqual({
      invitations: 0,
      mails: 0,
    });
    expect(await invitationsOf(fixture.cycleId)).toHaveLength(12);
    expect(await mailsOf(fixture.organisationId)).toHaveLength(5);

    // A participant added later (or whose invitations were lost in a crash) gets theirs.
    await ctx.db
      .deleteFrom("invitation")
      .where("participant_id", "=", fixture.participants.piet)
      .execute();
    expect(await createCycleInvitations(ctx.db, fixture.cycleId)).toEqual({
      invitations: 2,
      mails: 2,
    });
    expect(await invitationsOf(fixture.cycleId)).toHaveLength(12);
  });

  it("runs inside the caller's transaction and rolls back with it", async () => {
    const fixture = await createCycleFixture(ctx.db);
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await createCycleInvitations(trx, fixture.cycleId);
        throw new Error("the launch failed after the invitations");
      }),
    ).rejects.toThrow("the launch failed");
    expect(await invitationsOf(fixture.cycleId)).toHaveLength(0);
    expect(await mailsOf(fixture.organisationId)).toHaveLength(0);
  });
});
