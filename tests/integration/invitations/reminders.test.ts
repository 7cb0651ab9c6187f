import { describe, expect, it } from "vitest";
import { createCycleInvitations } from "~/invitations/create.server";
import { sendDueReminders, sendRemindersNow } from "~/invitations/reminders.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import { hashToken } from "~/utils/tokens.server";
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

// The fixture's deadline is 2030-03-20 with reminders 7 and 2 days before: 13 and 18 March.
const LAUNCH = morningOf("2030-03-04");

async function launchedCycle(options: Parameters<typeof createCycleFixture>[1] = {}) {
  const fixture = await createCycleFixture(ctx.db, options);
  await createCycleInvitations(ctx.db, fixture.cycleId, LAUNCH);
  return fixture;
}

/** Marks the invitations of a rater address (for one participant, or all) as answered etc. */
async function setStatus(
  fixture: CycleFixture,
  email: string,
  status: "submitted" | "declined",
  participantId?: string,
) {
  let query = ctx.db
    .updateTable("invitation")
    .set({ status, reminder_count: 0, last_reminded_at: null })
    .where("cycle_id", "=", fixture.cycleId)
    .where("rater_email", "=", email);
  if (participantId) query = query.where("participant_id", "=", participantId);
  await query.execute();
}

async function remindedTokens(fixture: CycleFixture, to: string) {
  const mails = (await mailsOf(ctx.db, fixture.organisationId, "reminder")).filter(
    (mail) => mail.to_address.toLowerCase() === to.toLowerCase(),
  );
  return mails.map((mail) => tokensIn(mail.text_body));
}

describe("sendDueReminders (on the schedule)", () => {
  it("sends nothing before the first reminder day", async () => {
    const fixture = await launchedCycle();
    expect(await sendDueReminders(ctx.db, morningOf("2030-03-12"))).toBe(0);
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(0);
  });

  it("reminds every open invitation once per scheduled day, one mail per rater address", async () => {
    const fixture = await launchedCycle();
    const day = morningOf("2030-03-13");
    await sendDueReminders(ctx.db, day);
    const mails = await mailsOf(ctx.db, fixture.organisationId, "reminder");
    expect(mails).toHaveLength(5);
    const lotte = await remindedTokens(fixture, fixture.people.lotte.email);
    expect(lotte).toHaveLength(1);
    expect(lotte[0]).toHaveLength(4);
    const lotteMail = mails.find((mail) => mail.to_address === fixture.people.lotte.email)!;
    expect(lotteMail.subject).toContain("Herinnering");
    expect(lotteMail.text_body).toContain("nog 4 vragenlijsten openstaan");
    const moMail = mails.find((mail) => mail.to_address === fixture.people.mo.email)!;
    expect(moMail.subject).toContain("Reminder");

    for (const invitation of await invitationsOf(ctx.db, fixture.cycleId)) {
      expect(invitation.reminder_count).toBe(1);
      expect(invitation.last_reminded_at).toBe(day.toISOString());
    }
    // The timer runs again the same day, and the next: nothing more until 18 March.
    await sendDueReminders(ctx.db, new Date(day.getTime() + 3_600_000));
    await sendDueReminders(ctx.db, morningOf("2030-03-17"));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(5);
    await sendDueReminders(ctx.db, morningOf("2030-03-18"));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(10);
  });

  it("lists only open links, and never mails raters who submitted, declined or were revoked", async () => {
    const fixture = await launchedCycle();
    // Lotte answered for Mo and declined for Noor; her self and Piet links stay open.
    await setStatus(fixture, fixture.people.lotte.email, "submitted", fixture.participants.mo);
    await setStatus(fixture, fixture.people.lotte.email, "declined", fixture.participants.noor);
    // Piet answered everything; the customer's invitation for Mo is revoked, for Noor open.
    await setStatus(fixture, fixture.people.piet.email, "submitted");
    const customerForMo = (await invitationsOf(ctx.db, fixture.cycleId)).find(
      (invitation) =>
        invitation.rater_email === CUSTOMER_EMAIL &&
        invitation.participant_id === fixture.participants.mo,
    )!;
    await revokeInvitation(ctx.db, {
      organisationId: fixture.organisationId,
      cycleId: fixture.cycleId,
      participantId: fixture.participants.mo,
      invitationId: customerForMo.id,
      actorPersonId: fixture.people.lotte.id,
    });

    await sendDueReminders(ctx.db, morningOf("2030-03-13"));
    const mails = await mailsOf(ctx.db, fixture.organisationId, "reminder");
    const recipients = mails.map((mail) => mail.to_address.toLowerCase()).sort();
    expect(recipients).toEqual(
      [
        fixture.people.lotte.email,
        fixture.people.mo.email,
        fixture.people.noor.email,
        CUSTOMER_EMAIL,
      ].sort(),
    );
    const openHashes = new Set(
      (await invitationsOf(ctx.db, fixture.cycleId))
        .filter((invitation) => invitation.status === "open")
        .map((invitation) => invitation.token_hash),
    );
    const mailed = mails.flatMap((mail) => tokensIn(mail.text_body));
    expect(mailed.length).toBe(openHashes.size);
    for (const token of mailed) expect(openHashes.has(hashToken(token))).toBe(true);
    expect((await remindedTokens(fixture, fixture.people.lotte.email))[0]).toHaveLength(2);
    expect((await remindedTokens(fixture, CUSTOMER_EMAIL))[0]).toHaveLength(1);
  });

  it("lists, when it is sent, only what is still open then: no stale list of who had not answered", async () => {
    const fixture = await launchedCycle();
    await sendDueReminders(ctx.db, morningOf("2030-03-13"));
    // Lotte answers for Mo after the reminder was queued, before it went out.
    await setStatus(fixture, fixture.people.lotte.email, "submitted", fixture.participants.mo);
    const [lotte] = await remindedTokens(fixture, fixture.people.lotte.email);
    expect(lotte).toHaveLength(3);
    const open = (await invitationsOf(ctx.db, fixture.cycleId)).filter(
      (invitation) =>
        invitation.rater_email === fixture.people.lotte.email && invitation.status === "open",
    );
    expect(lotte!.map((token) => hashToken(token)).sort()).toEqual(
      open.map((invitation) => invitation.token_hash).sort(),
    );
    // The stored reminder itself names no questionnaire and holds no link.
    const stored = await ctx.db
      .selectFrom("email_outbox")
      .select(["subject", "text_body", "html_body"])
      .where("kind", "=", "reminder")
      .where("to_address", "=", fixture.people.lotte.email)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/Proef|uitnodiging/);
  });

  it("catches up with one mail after missed days, and stops after the deadline", async () => {
    const fixture = await launchedCycle();
    await sendDueReminders(ctx.db, morningOf("2030-03-19"));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(5);
    for (const invitation of await invitationsOf(ctx.db, fixture.cycleId)) {
      expect(invitation.reminder_count).toBe(2);
    }
    const other = await launchedCycle();
    await sendDueReminders(ctx.db, morningOf("2030-03-21"));
    expect(await mailsOf(ctx.db, other.organisationId, "reminder")).toHaveLength(0);
  });

  it("leaves cycles alone that are not collecting", async () => {
    const fixture = await launchedCycle();
    await ctx.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", fixture.cycleId)
      .execute();
    await sendDueReminders(ctx.db, morningOf("2030-03-18"));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(0);
  });

  it("does not follow an invitation made after a reminder day with that day's reminder", async () => {
    const fixture = await createCycleFixture(ctx.db);
    // Launched late, two days after the first reminder day.
    await createCycleInvitations(ctx.db, fixture.cycleId, morningOf("2030-03-15"));
    await sendDueReminders(ctx.db, morningOf("2030-03-16"));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(0);
    await sendDueReminders(ctx.db, morningOf("2030-03-18"));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(5);
  });

  it("counts an on-demand reminder of the last 24 hours as the scheduled one", async () => {
    const fixture = await launchedCycle();
    await sendRemindersNow(
      ctx.db,
      fixture.cycleId,
      fixture.people.lotte.id,
      morningOf("2030-03-12"),
    );
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(5);
    // 13 March 07:00 UTC is 24 hours later exactly: due, and no longer "recent".
    await sendDueReminders(ctx.db, new Date(morningOf("2030-03-13").getTime() - 60_000));
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(5);
    for (const invitation of await invitationsOf(ctx.db, fixture.cycleId)) {
      expect(invitation.reminder_count).toBe(1);
    }
  });
});

describe("sendRemindersNow (on demand)", () => {
  it("reminds every open invitation once, skips those reminded in the last 24 hours, and audits without a count", async () => {
    const fixture = await launchedCycle();
    await setStatus(fixture, fixture.people.piet.email, "submitted");
    const first = morningOf("2030-03-06");
    expect(await sendRemindersNow(ctx.db, fixture.cycleId, fixture.people.lotte.id, first)).toBe(4);
    expect(
      await sendRemindersNow(
        ctx.db,
        fixture.cycleId,
        fixture.people.lotte.id,
        new Date(first.getTime() + 23 * 3_600_000),
      ),
    ).toBe(0);
    expect(
      await sendRemindersNow(
        ctx.db,
        fixture.cycleId,
        fixture.people.lotte.id,
        new Date(first.getTime() + 24 * 3_600_000),
      ),
    ).toBe(4);

    const audits = await ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "reminders_sent")
      .where("subject_id", "=", fixture.cycleId)
      .orderBy("created_at")
      .execute();
    // No number of mails: it is the number of raters who have not answered yet.
    expect(audits.map((row) => row.details)).toEqual([null, null, null]);
    expect(audits[0]).toMatchObject({
      actor_person_id: fixture.people.lotte.id,
      organisation_id: fixture.organisationId,
      subject_type: "cycle",
    });
    // The schedule's own count is untouched by reminders on demand.
    for (const invitation of await invitationsOf(ctx.db, fixture.cycleId)) {
      expect(invitation.reminder_count).toBe(0);
    }
  });

  it("sends nothing for a cycle past its deadline or not collecting", async () => {
    const fixture = await launchedCycle();
    expect(
      await sendRemindersNow(
        ctx.db,
        fixture.cycleId,
        fixture.people.lotte.id,
        morningOf("2030-03-21"),
      ),
    ).toBe(0);
    await ctx.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", fixture.cycleId)
      .execute();
    expect(
      await sendRemindersNow(
        ctx.db,
        fixture.cycleId,
        fixture.people.lotte.id,
        morningOf("2030-03-10"),
      ),
    ).toBe(0);
    expect(await mailsOf(ctx.db, fixture.organisationId, "reminder")).toHaveLength(0);
  });
});
