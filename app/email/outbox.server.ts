import type { Kysely } from "kysely";
import { newId } from "#db/ids";
import type { Database, Locale } from "#db/schema";

export interface OutgoingEmail {
  organisationId: string | null;
  /** What the mail is for (e.g. "sign-in", "invitation", "reminder"); for the outbox page and retention. */
  kind: string;
  to: string;
  toName?: string | null;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
}

/**
 * Every mail goes through the outbox table: written in the caller's transaction, sent later
 * by the sender. Without SMTP configured, mails stay here (visible in development).
 */
export async function enqueueEmail(
  db: Kysely<Database>,
  email: OutgoingEmail,
  now: Date = new Date(),
): Promise<string> {
  const id = newId();
  await db
    .insertInto("email_outbox")
    .values({
      id,
      organisation_id: email.organisationId,
      kind: email.kind,
      to_address: email.to,
      to_name: email.toName ?? null,
      locale: email.locale,
      subject: email.subject,
      text_body: email.text,
      html_body: email.html,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}
