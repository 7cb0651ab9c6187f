import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "~/email/outbox.server";
import { MAX_ATTEMPTS, sendDueEmails, STALE_SENDING_MS } from "~/email/sender.server";
import { createSmtpTransport } from "~/email/transport.server";
import { createTestDatabase } from "../../support/database";

const ctx = await createTestDatabase();
const received: string[] = [];
let refuseRecipients = false;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (refuseRecipients) return callback(new Error(`mailbox ${address.address} unavailable`));
    callback();
  },
  onData(stream, _session, callback) {
    let message = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (message += chunk));
    stream.on("end", () => {
      received.push(message);
      callback();
    });
  },
});
let transport: ReturnType<typeof createSmtpTransport>;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  transport = createSmtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
});
afterEach(async () => {
  received.length = 0;
  refuseRecipients = false;
  await ctx.db.deleteFrom("email_outbox").execute();
});
afterAll(async () => {
  transport.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await ctx.cleanup();
});

const FROM = "Rondom <noreply@rondom.test>";

function mail(to: string, link: string) {
  return {
    organisationId: null,
    kind: "sign-in",
    to,
    toName: "Anna de Vries",
    locale: "nl" as const,
    subject: "Uw inloglink voor Rondom",
    text: `Log in met deze link: ${link}`,
    html: `<p>Log in met <a href="${link}">deze link</a>.</p>`,
  };
}

async function statusOf(id: string) {
  return ctx.db
    .selectFrom("email_outbox")
    .select(["status", "attempts", "last_error", "next_attempt_at", "sent_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

describe("the outbox sender, against a real SMTP server on loopback", () => {
  it("delivers due mails once, with text and HTML, and marks them sent", async () => {
    const first = await enqueueEmail(
      ctx.db,
      mail("anna@rondedam.example", "http://x/inloggen/link/abc"),
    );
    const second = await enqueueEmail(
      ctx.db,
      mail("bram@rondedam.example", "http://x/inloggen/link/def"),
    );

    const result = await sendDueEmails(ctx.db, transport, FROM);
    expect(result).toEqual({ sent: 2, retried: 0, failed: 0, dropped: 0 });
    expect(received).toHaveLength(2);
    const annaMail = received.find((message) => message.includes("anna@rondedam.example"))!;
    expect(annaMail).toContain("Subject: Uw inloglink voor Rondom");
    expect(annaMail).toContain("http://x/inloggen/link/abc");
    expect(annaMail).toContain("text/html");
    expect(annaMail).toContain("Content-Language: nl");
    expect((await statusOf(first)).status).toBe("sent");
    expect((await statusOf(second)).sent_at).not.toBeNull();

    expect(await sendDueEmails(ctx.db, transport, FROM)).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      dropped: 0,
    });
    expect(received).toHaveLength(2);
  });

  it("never sends a mail twice when two senders run at the same time", async () => {
    for (let i = 0; i < 8; i++)
      await enqueueEmail(ctx.db, mail(`p${i}@rondedam.example`, `http://x/${i}`));
    const results = await Promise.all([
      sendDueEmails(ctx.db, transport, FROM),
      sendDueEmails(ctx.db, transport, FROM),
    ]);
    expect(results[0]!.sent + results[1]!.sent).toBe(8);
    expect(received).toHaveLength(8);
  });

  it("retries with backoff when the server refuses, and gives up after the last attempt", async () => {
    refuseRecipients = true;
    const id = await enqueueEmail(ctx.db, mail("weg@rondedam.example", "http://x/weg"));
    let now = new Date();
    expect(await sendDueEmails(ctx.db, transport, FROM, now)).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
      dropped: 0,
    });
    const afterFirst = await statusOf(id);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFirst.last_error).toContain("unavailable");
    expect(new Date(afterFirst.next_attempt_at).getTime() - now.getTime()).toBe(60_000);

    // Not due yet: nothing happens.
    expect(await sendDueEmails(ctx.db, transport, FROM, now)).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      dropped: 0,
    });

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date((await statusOf(id)).next_attempt_at);
      await sendDueEmails(ctx.db, transport, FROM, now);
    }
    expect(await statusOf(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(received).toHaveLength(0);
  });

  it("keeps no reminder once it is sent or has failed for good (it tells who had not answered)", async () => {
    const reminder = { ...mail("nog-niet@rondedam.example", "http://x/r"), kind: "reminder" };
    const sent = await enqueueEmail(ctx.db, reminder);
    expect(await sendDueEmails(ctx.db, transport, FROM)).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);

    refuseRecipients = true;
    const failing = await enqueueEmail(ctx.db, { ...reminder, to: "weg@rondedam.example" });
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sendDueEmails(ctx.db, transport, FROM, now);
      const row = await ctx.db
        .selectFrom("email_outbox")
        .select("next_attempt_at")
        .where("id", "=", failing)
        .executeTakeFirst();
      if (row) now = new Date(row.next_attempt_at);
    }
    const left = await ctx.db
      .selectFrom("email_outbox")
      .select("id")
      .where("id", "in", [sent, failing])
      .execute();
    expect(left).toEqual([]);
  });

  it("sends again a mail left 'sending' by a crash, once that state is stale", async () => {
    const id = await enqueueEmail(ctx.db, mail("crash@rondedam.example", "http://x/crash"));
    const crashedAt = new Date();
    await ctx.db
      .updateTable("email_outbox")
      .set({ status: "sending", attempts: 1, next_attempt_at: crashedAt.toISOString() })
      .where("id", "=", id)
      .execute();

    expect((await sendDueEmails(ctx.db, transport, FROM, crashedAt)).sent).toBe(0);
    const later = new Date(crashedAt.getTime() + STALE_SENDING_MS + 1000);
    expect((await sendDueEmails(ctx.db, transport, FROM, later)).sent).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(received).toHaveLength(1);
  });
});
