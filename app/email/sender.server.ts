import type { Transporter } from "nodemailer";
import type { DB } from "#db/database";

export const MAX_ATTEMPTS = 6;
const BATCH_SIZE = 20;
// A mail left in 'sending' this long was cut off by a crash; it is tried again.
export const STALE_SENDING_MS = 10 * 60 * 1000;

/** 1, 2, 4, 8, 16 minutes: retries back off, so a broken mail server is not hammered. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

/**
 * Sends the mails that are due. Each mail is claimed ('sending') before it goes out and
 * marked 'sent' after, so two senders never send the same mail. Delivery is at least once:
 * a crash between the SMTP server's acceptance and the bookkeeping leaves the mail in
 * 'sending', and it is sent again once that state is stale. All state lives in the table, so
 * a restart loses nothing.
 */
export async function sendDueEmails(
  db: DB,
  transport: Pick<Transporter, "sendMail">,
  from: string,
  now: Date = new Date(),
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  const nowIso = now.toISOString();
  const staleBefore = new Date(now.getTime() - STALE_SENDING_MS).toISOString();
  const due = await db
    .selectFrom("email_outbox")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("next_attempt_at", "<=", nowIso)]),
        eb.and([eb("status", "=", "sending"), eb("next_attempt_at", "<=", staleBefore)]),
      ]),
    )
    .orderBy("next_attempt_at")
    .limit(BATCH_SIZE)
    .execute();

  for (const email of due) {
    const claimed = await db
      .updateTable("email_outbox")
      .set({ status: "sending", attempts: email.attempts + 1, next_attempt_at: nowIso })
      .where("id", "=", email.id)
      .where("status", "=", email.status)
      .where("attempts", "=", email.attempts)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;

    try {
      await transport.sendMail({
        from,
        to: email.to_name ? { name: email.to_name, address: email.to_address } : email.to_address,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        headers: { "Content-Language": email.locale },
      });
      await db
        .updateTable("email_outbox")
        .set({ status: "sent", sent_at: new Date().toISOString(), last_error: null })
        .where("id", "=", email.id)
        .execute();
      result.sent += 1;
    } catch (error) {
      const attempts = email.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable("email_outbox")
        .set({
          status: giveUp ? "failed" : "pending",
          next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
          last_error: error instanceof Error ? error.message.slice(0, 500) : "unknown error",
        })
        .where("id", "=", email.id)
        .execute();
      if (giveUp) result.failed += 1;
      else result.retried += 1;
    }
  }
  return result;
}
