import type { Transporter } from "nodemailer";
import type { DB } from "#db/database";
import type { EmailOutboxTable } from "#db/schema";
import { newMailBuildCache, outboxMailContent } from "./mail-content.server";
import { forgetMailReference } from "./outbox.server";

/**
 * The outbox sender: sends due mails from the email_outbox table over SMTP.
 *
 * What is guaranteed:
 * - All state is in the table (status, attempts, next_attempt_at), so a restart resumes where
 *   the previous process stopped: pending mails are sent on the first run, mails left in
 *   'sending' by a process that died are sent again once that claim is STALE_SENDING_MS old.
 * - A mail is claimed ('pending' → 'sending', with a compare-and-set on status and attempts)
 *   before it goes out, so two senders (two timers, two processes) never send it both.
 * - Delivery is at least once. A mail is sent twice only when the SMTP server accepted it
 *   and the acceptance was not recorded: the process died between the server's "250 OK"
 *   and the bookkeeping write (the mail is then resent after the stale timeout), or the
 *   connection broke after the server took the data but before its reply arrived (then
 *   resent as a retry). Such a duplicate carries the SAME Message-ID as the first copy
 *   (derived from the outbox id, see messageIdFor), so receiving systems can recognise and
 *   drop it.
 * - A refused or failed attempt is retried with exponential backoff (1, 2, 4, 8, 16 minutes);
 *   after MAX_ATTEMPTS the mail is marked 'failed'.
 * - A mail with keys in it (invitation and reminder links, a sign-in link and code) is stored
 *   as a reference and built at the moment it is sent (outboxMailContent), its keys derived
 *   then from the instance's secrets: the outbox never holds a usable link, however long a
 *   mail waits. A mail whose links can no longer be used when its turn comes (withdrawn,
 *   answered, expired, the round closed) is dropped, not sent.
 * - Once a mail that carries personal links is sent, or has failed for good, its reference is
 *   forgotten and its bodies are a short placeholder: the database keeps who got which mail
 *   when, nothing that leads to a link.
 * - A reminder is deleted from the table once it is sent or has failed for good: the list
 *   of who got a reminder is the list of who had not answered yet, and that is kept nowhere.
 */

export const MAX_ATTEMPTS = 6;
const BATCH_SIZE = 20;
// A mail left in 'sending' this long was cut off by a crash; it is tried again. The SMTP
// transport's timeouts (transport.server.ts) end every attempt long before this.
export const STALE_SENDING_MS = 10 * 60 * 1000;

/** Kinds of mail whose bodies hold links that act as keys (or lead to personal pages). */
export const KINDS_WITH_LINKS: ReadonlySet<string> = new Set([
  "sign-in",
  "address-change",
  "invitation",
  "reminder",
  "report-ready",
]);
/** Kinds of mail whose mere existence says something about a rater (see the guarantees). */
export const KINDS_FORGOTTEN_WHEN_DONE: ReadonlySet<string> = new Set(["reminder"]);
export const SENT_BODY_PLACEHOLDER = "[verzonden; inhoud gewist]";
export const FAILED_BODY_PLACEHOLDER = "[niet verzonden; inhoud gewist]";

/** 1, 2, 4, 8, 16 minutes: retries back off, so a broken mail server is not hammered. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

const DEFAULT_MESSAGE_ID_DOMAIN = "rondom.invalid";

/** The domain of the sender address ("Rondom <noreply@gemeente.nl>" → "gemeente.nl"). */
function senderDomain(from: string): string | null {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  const domain = match?.[1]?.replace(/^\.+|\.+$/g, "");
  return domain ? domain.toLowerCase() : null;
}

/**
 * A stable Message-ID for an outbox row: every attempt to send the same row carries the same
 * id, so a resend after a crash is a recognisable duplicate. Outbox ids are URL-safe base64,
 * valid in a Message-ID's left part.
 */
export function messageIdFor(outboxId: string, from: string): string {
  return `<${outboxId}@${senderDomain(from) ?? DEFAULT_MESSAGE_ID_DOMAIN}>`;
}

/** The bodies to store once the mail is done with: unchanged, or wiped when they hold links. */
function bodiesAfter(
  email: Pick<EmailOutboxTable, "kind">,
  placeholder: string,
): { text_body: string; html_body: string } | Record<string, never> {
  if (!KINDS_WITH_LINKS.has(email.kind)) return {};
  return { text_body: placeholder, html_body: `<p>${placeholder}</p>` };
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
  /** Mails that could no longer be built (see the guarantees): removed, not sent. */
  dropped: number;
}

/**
 * Sends the mails that are due (see the guarantees above). `now` is the moment of the run;
 * time that passes while sending is added to it, so a claim records when it really happened.
 */
export async function sendDueEmails(
  db: DB,
  transport: Pick<Transporter, "sendMail">,
  from: string,
  now: Date = new Date(),
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0, dropped: 0 };
  const cache = newMailBuildCache();
  const startedAt = Date.now();
  const clock = () => new Date(now.getTime() + Math.max(0, Date.now() - startedAt));
  const staleBefore = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
  const due = await db
    .selectFrom("email_outbox")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", now.toISOString())]),
        eb.and([eb("status", "=", "sending"), eb("next_attempt_at", "<=", staleBefore)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(BATCH_SIZE)
    .execute();

  for (const email of due) {
    const attempts = email.attempts + 1;
    const claimed = await db
      .updateTable("email_outbox")
      .set({ status: "sending", attempts, next_attempt_at: clock().toISOString() })
      .where("id", "=", email.id)
      .where("status", "=", email.status)
      .where("attempts", "=", email.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;

    try {
      const content = await outboxMailContent(db, email, clock(), cache);
      if (content === null) {
        await db.deleteFrom("email_outbox").where("id", "=", email.id).execute();
        result.dropped += 1;
        continue;
      }
      await transport.sendMail({
        from,
        to: email.to_name ? { name: email.to_name, address: email.to_address } : email.to_address,
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId: messageIdFor(email.id, from),
        headers: { "Content-Language": email.locale },
      });
      if (KINDS_FORGOTTEN_WHEN_DONE.has(email.kind)) {
        await db.deleteFrom("email_outbox").where("id", "=", email.id).execute();
        result.sent += 1;
        continue;
      }
      await forgetMailReference(db, email.id, {
        status: "sent",
        sent_at: clock().toISOString(),
        last_error: null,
        ...bodiesAfter(email, SENT_BODY_PLACEHOLDER),
      });
      result.sent += 1;
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS;
      if (giveUp && KINDS_FORGOTTEN_WHEN_DONE.has(email.kind)) {
        await db.deleteFrom("email_outbox").where("id", "=", email.id).execute();
        result.failed += 1;
        continue;
      }
      const values = {
        status: giveUp ? ("failed" as const) : ("pending" as const),
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        last_error: error instanceof Error ? error.message.slice(0, 500) : "unknown error",
      };
      if (giveUp) {
        await forgetMailReference(db, email.id, {
          ...values,
          ...bodiesAfter(email, FAILED_BODY_PLACEHOLDER),
        });
      } else {
        await db.updateTable("email_outbox").set(values).where("id", "=", email.id).execute();
      }
      if (giveUp) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
