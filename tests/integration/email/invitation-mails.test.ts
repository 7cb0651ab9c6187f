import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Transporter } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "~/email/outbox.server";
import {
  MAX_ATTEMPTS,
  retryDelayMs,
  sendDueEmails,
  SENT_BODY_PLACEHOLDER,
  STALE_SENDING_MS,
} from "~/email/sender.server";
import { createSmtpTransport, startEmailSender } from "~/email/transport.server";
import {
  isSignInLinkValid,
  MAX_LIVE_SIGN_INS_PER_BROWSER,
  requestSignIn,
  verifySignInCode,
} from "~/auth/sign-in.server";
import { generateToken } from "~/utils/tokens.server";
import { createCycleInvitations } from "~/invitations/create.server";
import { sendDueReminders } from "~/invitations/reminders.server";
import { createTestDatabase } from "../../support/database";
import { createCycleFixture } from "../../support/fixtures/cycle";

// Invitation and reminder mails through the outbox sender to a real SMTP server on loopback.

const ctx = await createTestDatabase();
const received: ParsedMail[] = [];
/** While set, the server answers RCPT TO with this temporary (4xx) failure. */
let temporaryFailure: string | null = null;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(_address, _session, callback) {
    if (temporaryFailure) {
      const error = Object.assign(new Error(temporaryFailure), { responseCode: 451 });
      return callback(error);
    }
    callback();
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
let smtpUrl: string;
let transport: ReturnType<typeof createSmtpTransport>;
const FROM = "Rondom <noreply@gemeente-proefstad.example>";

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  smtpUrl = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  transport = createSmtpTransport(smtpUrl);
});
afterEach(async () => {
  received.length = 0;
  temporaryFailure = null;
  await ctx.db.deleteFrom("email_outbox").execute();
  // Each test's round ends with it, so later reminder runs see only their own.
  await ctx.db.updateTable("cycle").set({ status: "closed" }).execute();
});
afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await ctx.cleanup();
});

const LAUNCH = new Date("2030-03-04T07:00:00.000Z");

function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((field) => field.value.map((entry) => entry.address?.toLowerCase() ?? ""));
}

function linksIn(text: string | undefined): string[] {
  return [...(text ?? "").matchAll(/https?:\/\/\S+\/uitnodiging\/\S+/g)].map((match) => match[0]);
}

async function outboxRow(id: string) {
  return ctx.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

describe("invitation and reminder mails over SMTP", () => {
  it("delivers one invitation mail per rater, listing all of that rater's links", async () => {
    const cycle = await createCycleFixture(ctx.db);
    const { mails } = await createCycleInvitations(ctx.db, cycle.cycleId, LAUNCH);
    expect(await sendDueEmails(ctx.db, transport, FROM, LAUNCH)).toEqual({
      sent: mails,
      retried: 0,
      failed: 0,
      dropped: 0,
    });
    expect(received).toHaveLength(5);
    const toLotte = received.filter((mail) => recipients(mail).includes(cycle.people.lotte.email));
    expect(toLotte).toHaveLength(1);
    expect(linksIn(toLotte[0]!.text)).toHaveLength(4);
    expect(toLotte[0]!.html).toContain("/uitnodiging/");
    expect(toLotte[0]!.headers.get("content-language")).toBe("nl");
    const toMo = received.find((mail) => recipients(mail).includes(cycle.people.mo.email))!;
    expect(toMo.headers.get("content-language")).toBe("en");
    expect(toMo.subject).toContain("Your feedback is requested");

    // Sent: the outbox keeps who got what when, but no usable link any more, nor anything it
    // could be made from.
    const rows = await ctx.db.selectFrom("email_outbox").selectAll().execute();
    for (const row of rows) {
      expect(row.status).toBe("sent");
      expect(row.text_body).toBe(SENT_BODY_PLACEHOLDER);
      expect(row.html_body).not.toContain("/uitnodiging/");
      expect(row.reference).toBeNull();
    }
    expect(await ctx.db.selectFrom("email_outbox_invitation").selectAll().execute()).toEqual([]);
  });

  it("builds a sign-in mail when it is sent: its link and code work, in the person's language", async () => {
    const cycle = await createCycleFixture(ctx.db);
    // The browser each asked in (a code works only there).
    const browser = generateToken();
    await requestSignIn(ctx.db, {
      email: cycle.people.lotte.email,
      clientAddress: "198.18.5.1",
      browser,
    });
    await requestSignIn(ctx.db, {
      email: cycle.people.mo.email,
      clientAddress: "198.18.5.2",
      browser,
    });
    expect((await sendDueEmails(ctx.db, transport, FROM)).sent).toBe(2);

    const toLotte = received.find((mail) => recipients(mail).includes(cycle.people.lotte.email))!;
    expect(toLotte.subject).toMatch(/^Inloggen bij Rondom/);
    expect(toLotte.headers.get("content-language")).toBe("nl");
    expect(toLotte.html).toContain('<html lang="nl">');
    const toMo = received.find((mail) => recipients(mail).includes(cycle.people.mo.email))!;
    expect(toMo.subject).toMatch(/^Sign in to Rondom/);
    expect(toMo.text).toContain("Or enter this code on the sign-in page");

    const link = /\/inloggen\/link\/([A-Za-z0-9_-]{43})/.exec(toLotte.text ?? "")![1]!;
    expect(await isSignInLinkValid(ctx.db, link)).toBe(true);
    const code = /: (\d{6})$/m.exec(toMo.text ?? "")![1]!;
    const outcome = await verifySignInCode(ctx.db, {
      email: cycle.people.mo.email,
      code,
      clientAddress: "198.18.5.2",
      browser,
    });
    expect(outcome.status).toBe("signed_in");
    const rows = await ctx.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("kind", "=", "sign-in")
      .execute();
    for (const row of rows) {
      expect(row.reference).toBeNull();
      expect(JSON.stringify(row)).not.toContain(link);
    }
  });

  it("does not send a sign-in mail whose sign-in was dropped for newer ones before its turn", async () => {
    const cycle = await createCycleFixture(ctx.db);
    const asked = new Date();
    const browser = generateToken();
    // One more than a browser keeps: the oldest is dropped, the others stay usable.
    const requests = MAX_LIVE_SIGN_INS_PER_BROWSER + 1;
    for (let request = 0; request < requests; request++) {
      await requestSignIn(
        ctx.db,
        { email: cycle.people.noor.email, clientAddress: "198.18.5.3", browser },
        new Date(asked.getTime() + request * 1000),
      );
    }
    const sendAt = new Date(asked.getTime() + requests * 1000);
    expect(await sendDueEmails(ctx.db, transport, FROM, sendAt)).toEqual({
      sent: requests - 1,
      retried: 0,
      failed: 0,
      dropped: 1,
    });
    expect(received).toHaveLength(requests - 1);
  });

  it("delivers reminders on the schedule, only to raters with open invitations", async () => {
    const cycle = await createCycleFixture(ctx.db);
    await createCycleInvitations(ctx.db, cycle.cycleId, LAUNCH);
    await sendDueEmails(ctx.db, transport, FROM, LAUNCH);
    received.length = 0;
    await ctx.db
      .updateTable("invitation")
      .set({ status: "submitted", reminder_count: 0, last_reminded_at: null })
      .where("cycle_id", "=", cycle.cycleId)
      .where("rater_email", "in", [cycle.people.piet.email, cycle.people.noor.email])
      .execute();
    await ctx.db
      .updateTable("invitation")
      .set({ status: "declined" })
      .where("cycle_id", "=", cycle.cycleId)
      .where("rater_email", "=", cycle.people.mo.email)
      .execute();

    const dayBefore = new Date("2030-03-12T07:00:00.000Z");
    await sendDueReminders(ctx.db, dayBefore);
    await sendDueEmails(ctx.db, transport, FROM, dayBefore);
    expect(received).toHaveLength(0);

    const reminderDay = new Date("2030-03-13T07:00:00.000Z");
    await sendDueReminders(ctx.db, reminderDay);
    await sendDueEmails(ctx.db, transport, FROM, reminderDay);
    expect(received.flatMap(recipients).sort()).toEqual(
      [cycle.people.lotte.email, cycle.customerEmail].sort(),
    );
    for (const mail of received) expect(mail.subject).toContain("Herinnering");
    // Who got a reminder is who had not answered yet: the sent reminders are not kept.
    const kept = await ctx.db
      .selectFrom("email_outbox")
      .select("id")
      .where("kind", "=", "reminder")
      .execute();
    expect(kept).toEqual([]);
  });

  it("retries a temporary SMTP failure (4xx) with backoff, then delivers", async () => {
    const id = await enqueueEmail(
      ctx.db,
      {
        organisationId: null,
        kind: "invitation",
        to: "traag@extern.example",
        locale: "nl",
        subject: "Uw feedback gevraagd",
        text: "http://localhost/uitnodiging/abc",
        html: "<p>http://localhost/uitnodiging/abc</p>",
      },
      LAUNCH,
    );
    temporaryFailure = "Mailbox busy, try again later";
    expect(await sendDueEmails(ctx.db, transport, FROM, LAUNCH)).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
      dropped: 0,
    });
    const first = await outboxRow(id);
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.last_error).toMatch(/451|try again later/i);
    expect(new Date(first.next_attempt_at).getTime() - LAUNCH.getTime()).toBe(retryDelayMs(1));
    // Still failing at the second attempt: the wait doubles.
    const second = new Date(first.next_attempt_at);
    await sendDueEmails(ctx.db, transport, FROM, second);
    const afterSecond = await outboxRow(id);
    expect(afterSecond.attempts).toBe(2);
    expect(new Date(afterSecond.next_attempt_at).getTime() - second.getTime()).toBe(
      retryDelayMs(2),
    );
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    temporaryFailure = null;
    // Not due before its time, delivered once it is.
    expect((await sendDueEmails(ctx.db, transport, FROM, second)).sent).toBe(0);
    const third = new Date(afterSecond.next_attempt_at);
    expect(await sendDueEmails(ctx.db, transport, FROM, third)).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
      dropped: 0,
    });
    expect(received).toHaveLength(1);
    expect((await outboxRow(id)).status).toBe("sent");
  });

  it("resends a mail cut off by a crash after acceptance with the same Message-ID", async () => {
    const id = await enqueueEmail(
      ctx.db,
      {
        organisationId: null,
        kind: "invitation",
        to: "dubbel@extern.example",
        locale: "nl",
        subject: "Uw feedback gevraagd",
        text: "http://localhost/uitnodiging/def",
        html: "<p>http://localhost/uitnodiging/def</p>",
      },
      LAUNCH,
    );
    // The server accepts the mail, then the process "dies" before the bookkeeping: the
    // sender's promise never settles and the row stays in 'sending'.
    const dyingTransport = {
      sendMail: async (options: Parameters<typeof transport.sendMail>[0]) => {
        await transport.sendMail(options);
        return new Promise<never>(() => {});
      },
    } as Pick<Transporter, "sendMail">;
    void sendDueEmails(ctx.db, dyingTransport, FROM, LAUNCH);
    await expect.poll(() => received.length).toBe(1);
    expect((await outboxRow(id)).status).toBe("sending");

    // A restarted sender leaves the claim alone until it is stale, then sends again.
    const restarted = createSmtpTransport(smtpUrl);
    try {
      const beforeStale = new Date(LAUNCH.getTime() + STALE_SENDING_MS - 1000);
      expect((await sendDueEmails(ctx.db, restarted, FROM, beforeStale)).sent).toBe(0);
      const afterStale = new Date(LAUNCH.getTime() + STALE_SENDING_MS + 1000);
      expect((await sendDueEmails(ctx.db, restarted, FROM, afterStale)).sent).toBe(1);
    } finally {
      restarted.close();
    }
    expect(received).toHaveLength(2);
    expect(received[0]!.messageId).toBe(`<${id}@gemeente-proefstad.example>`);
    expect(received[1]!.messageId).toBe(received[0]!.messageId);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("picks up pending mail right away when a sender starts (after a restart)", async () => {
    const ids: string[] = [];
    for (const to of ["een@extern.example", "twee@extern.example"]) {
      ids.push(
        await enqueueEmail(ctx.db, {
          organisationId: null,
          kind: "invitation",
          to,
          locale: "nl",
          subject: "Uw feedback gevraagd",
          text: "http://localhost/uitnodiging/ghi",
          html: "<p>http://localhost/uitnodiging/ghi</p>",
        }),
      );
    }
    // An interval far longer than the test: only the start-up run can send them.
    const stop = startEmailSender(ctx.db, { smtpUrl, from: FROM, intervalMs: 3_600_000 });
    try {
      await expect.poll(() => received.length, { timeout: 5_000 }).toBe(2);
      await expect
        .poll(async () => (await Promise.all(ids.map(outboxRow))).map((row) => row.status))
        .toEqual(["sent", "sent"]);
    } finally {
      stop();
    }
  });

  it("wipes the bodies of a mail with links that failed for good, too", async () => {
    const id = await enqueueEmail(
      ctx.db,
      {
        organisationId: null,
        kind: "invitation",
        to: "nooit@extern.example",
        locale: "nl",
        subject: "Uw feedback gevraagd",
        text: "http://localhost/uitnodiging/jkl",
        html: "<p>http://localhost/uitnodiging/jkl</p>",
      },
      LAUNCH,
    );
    temporaryFailure = "Mailbox busy, try again later";
    let now = LAUNCH;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sendDueEmails(ctx.db, transport, FROM, now);
      now = new Date((await outboxRow(id)).next_attempt_at);
    }
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(row.text_body).not.toContain("/uitnodiging/");
    expect(row.html_body).not.toContain("/uitnodiging/");
    expect(row.subject).toBe("Uw feedback gevraagd");
  });

  it("keeps the bodies of mails without personal links after sending", async () => {
    const id = await enqueueEmail(
      ctx.db,
      {
        organisationId: null,
        kind: "nomination-request",
        to: "info@extern.example",
        locale: "nl",
        subject: "Draag beoordelaars voor",
        text: "Ga naar Rondom.",
        html: "<p>Ga naar Rondom.</p>",
      },
      LAUNCH,
    );
    await sendDueEmails(ctx.db, transport, FROM, LAUNCH);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", text_body: "Ga naar Rondom." });
  });
});
