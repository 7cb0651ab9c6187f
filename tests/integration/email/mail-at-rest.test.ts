import fs from "node:fs";
import type { SendMailOptions, SentMessageInfo, Transporter } from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { requestSignIn } from "~/auth/sign-in.server";
import { closeOverdueCycles } from "~/cycles/lifecycle.server";
import { sendDueEmails } from "~/email/sender.server";
import { createCycleInvitations } from "~/invitations/create.server";
import { sendDueReminders, sendRemindersNow } from "~/invitations/reminders.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import { enqueueNominationRequests } from "~/nominations/requests.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { createTestDatabase } from "../../support/database";
import { createCycleFixture, CUSTOMER_EMAIL, invitationsOf } from "../../support/fixtures/cycle";
import { morningOf } from "../../support/clock";

// What the outbox keeps while mails wait: without SMTP they wait for ever. It must never hold
// a usable invitation link, sign-in link or code, and must drop what can no longer be sent.

const ctx = await createTestDatabase();
afterAll(() => ctx.cleanup());

const LAUNCH = morningOf("2030-03-04");
const FROM = "Rondom <noreply@gemeente-proefstad.example>";

/** A transport that keeps what it is given: the mail as it would leave the building. */
function capturingTransport() {
  const sent: SendMailOptions[] = [];
  const transport: Pick<Transporter, "sendMail"> = {
    sendMail: async (options: SendMailOptions) => {
      sent.push(options);
      return {} as SentMessageInfo;
    },
  };
  return { sent, transport };
}

/** Every byte the database keeps on disk: the main file and its write-ahead log. */
function databaseBytes(): string {
  return [ctx.file, `${ctx.file}-wal`]
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file).toString("latin1"))
    .join("\n");
}

/**
 * Every 43-character base64url run in `bytes` (the shape of an invitation and a sign-in link
 * token) whose SHA-256 is one of `hashes`: a usable key, whatever column or page it sits in.
 */
function keysIn(bytes: string, hashes: ReadonlySet<string>): string[] {
  const runs = new Set(bytes.match(/[A-Za-z0-9_-]{43}/g) ?? []);
  return [...runs].filter((run) => hashes.has(hashToken(run)));
}

async function storedKeyHashes(): Promise<Set<string>> {
  const invitations = await ctx.db.selectFrom("invitation").select("token_hash").execute();
  const signIns = await ctx.db.selectFrom("sign_in_token").select("link_token_hash").execute();
  return new Set([
    ...invitations.map((row) => row.token_hash),
    ...signIns.map((row) => row.link_token_hash),
  ]);
}

/** Puts every other waiting mail off, so a sender run sends only `id`. */
async function onlyDue(id: string) {
  await ctx.db
    .updateTable("email_outbox")
    .set({ next_attempt_at: "9999-01-01T00:00:00.000Z" })
    .where("id", "!=", id)
    .execute();
}

async function outboxOf(organisationId: string) {
  return ctx.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at")
    .execute();
}

describe("an outbox without SMTP", () => {
  it("holds no usable invitation link, reminder link, sign-in link or code, in any database file", async () => {
    const cycle = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, cycle.cycleId, LAUNCH);
    await sendDueReminders(ctx.db, morningOf("2030-03-13"));
    await sendRemindersNow(ctx.db, cycle.cycleId, cycle.people.lotte.id, morningOf("2030-03-15"));
    // Nominating starts in a round of its own: its requests link to a page behind sign-in.
    const nominating = await createCycleFixture(ctx.db, { status: "nominating" });
    await ctx.db
      .updateTable("participant")
      .set({ nomination_status: "open", nomination_requested_at: null })
      .where("cycle_id", "=", nominating.cycleId)
      .execute();
    await enqueueNominationRequests(ctx.db, nominating.cycleId, LAUNCH);
    const browser = generateToken();
    await requestSignIn(ctx.db, {
      email: cycle.people.noor.email,
      clientAddress: "198.18.7.1",
      browser,
    });
    await requestSignIn(ctx.db, {
      email: cycle.people.mo.email,
      clientAddress: "198.18.7.2",
      browser,
    });

    const kinds = [
      ...(await outboxOf(cycle.organisationId)),
      ...(await outboxOf(nominating.organisationId)),
    ].map((row) => row.kind);
    expect(kinds.filter((kind) => kind === "invitation")).toHaveLength(5);
    expect(kinds.filter((kind) => kind === "reminder")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "nomination-request")).toHaveLength(4);
    expect(kinds.filter((kind) => kind === "sign-in")).toHaveLength(2);

    const hashes = await storedKeyHashes();
    const bytes = databaseBytes();
    expect(keysIn(bytes, hashes)).toEqual([]);
    expect(bytes).not.toContain("/uitnodiging/");
    expect(bytes).not.toContain("/inloggen/link/");
    // A sign-in code is six digits; no stored mail holds one.
    for (const row of await outboxOf(cycle.organisationId)) {
      expect(`${row.subject}\n${row.text_body}\n${row.html_body}`).not.toMatch(/\d{6}/);
    }

    // Yet every one of those mails goes out complete, its keys made at sending time.
    const { sent, transport } = capturingTransport();
    while ((await sendDueEmails(ctx.db, transport, FROM, morningOf("2030-03-15"))).sent > 0);
    const mailed = sent.map((mail) => `${String(mail.text)}\n${String(mail.html)}`).join("\n");
    const invitationHashes = new Set(
      (await invitationsOf(ctx.db, cycle.cycleId)).map((row) => row.token_hash),
    );
    expect(new Set(keysIn(mailed, invitationHashes)).size).toBe(invitationHashes.size);
    // And once sent, nothing in the files leads to a key either.
    expect(keysIn(databaseBytes(), await storedKeyHashes())).toEqual([]);
  });

  it("drops a withdrawn invitation from the mails not sent yet, and a mail left with nothing", async () => {
    const cycle = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, cycle.cycleId, LAUNCH);
    const customerInvitations = (await invitationsOf(ctx.db, cycle.cycleId)).filter(
      (invitation) => invitation.rater_email.toLowerCase() === CUSTOMER_EMAIL,
    );
    expect(customerInvitations).toHaveLength(2);
    const toCustomer = async () =>
      (await outboxOf(cycle.organisationId)).filter(
        (row) => row.to_address.toLowerCase() === CUSTOMER_EMAIL,
      );
    expect(await toCustomer()).toHaveLength(1);

    const [forMo, forNoor] = [cycle.participants.mo, cycle.participants.noor].map((participantId) =>
      customerInvitations.find((invitation) => invitation.participant_id === participantId)!,
    );
    const revoke = (invitation: typeof forMo) =>
      revokeInvitation(
        ctx.db,
        {
          organisationId: cycle.organisationId,
          cycleId: cycle.cycleId,
          participantId: invitation!.participant_id,
          invitationId: invitation!.id,
          actorPersonId: cycle.people.lotte.id,
        },
        LAUNCH,
      );
    await revoke(forMo);
    // Still one mail, which now lists Noor's questionnaire only.
    const [waiting] = await toCustomer();
    expect(waiting).toBeDefined();
    const { sent, transport } = capturingTransport();
    await onlyDue(waiting!.id);
    await sendDueEmails(ctx.db, transport, FROM, LAUNCH);
    expect(sent).toHaveLength(1);
    const text = String(sent[0]!.text);
    expect(text).toContain("Noor Proef, als klant");
    expect(text).not.toContain("Mo Proef");
    expect(keysIn(text, new Set([forNoor!.token_hash]))).toHaveLength(1);
    expect(keysIn(text, new Set([forMo!.token_hash]))).toEqual([]);

    // Both of a rater's invitations withdrawn before the mail went: no mail is left at all.
    const round2 = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, round2.cycleId, LAUNCH);
    const customer2 = (await invitationsOf(ctx.db, round2.cycleId)).filter(
      (invitation) => invitation.rater_email.toLowerCase() === CUSTOMER_EMAIL,
    );
    for (const invitation of customer2) {
      await revokeInvitation(
        ctx.db,
        {
          organisationId: round2.organisationId,
          cycleId: round2.cycleId,
          participantId: invitation.participant_id,
          invitationId: invitation.id,
          actorPersonId: round2.people.lotte.id,
        },
        LAUNCH,
      );
    }
    const left = (await outboxOf(round2.organisationId)).filter(
      (row) => row.to_address.toLowerCase() === CUSTOMER_EMAIL,
    );
    expect(left).toEqual([]);
  });

  it("drops the round's unsent reminders and invitations when the round closes", async () => {
    const cycle = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, cycle.cycleId, LAUNCH);
    await sendDueReminders(ctx.db, morningOf("2030-03-18"));
    const kindsBefore = (await outboxOf(cycle.organisationId)).map((row) => row.kind);
    expect(kindsBefore.filter((kind) => kind === "reminder")).toHaveLength(5);

    // The deadline is 20 March: the clock closes the round on the 21st.
    expect(await closeOverdueCycles(ctx.db, morningOf("2030-03-21"))).toBeGreaterThanOrEqual(1);
    const after = await outboxOf(cycle.organisationId);
    expect(after.filter((row) => row.kind === "reminder")).toEqual([]);
    expect(after.filter((row) => row.kind === "invitation")).toEqual([]);
  });

  it("never sends a reminder once its round no longer collects answers", async () => {
    const cycle = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, cycle.cycleId, LAUNCH);
    await sendDueReminders(ctx.db, morningOf("2030-03-13"));
    // Closed without the close step (say by hand in the database, or a round reopened later).
    await ctx.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", cycle.cycleId)
      .execute();
    const reminder = (await outboxOf(cycle.organisationId)).find((row) => row.kind === "reminder");
    await onlyDue(reminder!.id);
    const { sent, transport } = capturingTransport();
    await sendDueEmails(ctx.db, transport, FROM, morningOf("2030-03-13"));
    expect(sent).toEqual([]);
    const left = await ctx.db
      .selectFrom("email_outbox")
      .select("id")
      .where("id", "=", reminder!.id)
      .execute();
    expect(left).toEqual([]);
  });
});
