import { inTransaction } from "#db/transaction";
import type { Kysely, Updateable } from "kysely";
import { z } from "~/utils/zod";
import { newId } from "#db/ids";
import type { Database, EmailOutboxTable, Locale } from "#db/schema";

/** Who a mail goes to and what it is about: what the outbox stores of every mail. */
export interface OutgoingEmailHeader {
  organisationId: string | null;
  /** What the mail is for (e.g. "sign-in", "invitation", "reminder"); for the outbox page and retention. */
  kind: string;
  to: string;
  toName?: string | null;
  locale: Locale;
  subject: string;
}

/** A mail without keys in it: the stored body is what is sent. */
export interface OutgoingEmail extends OutgoingEmailHeader {
  text: string;
  html: string;
}

/**
 * What a mail with keys in it is built from when it is sent. The keys (invitation tokens,
 * a sign-in link and code) are derived then from the instance's secrets, so the outbox never
 * holds a usable link: not while the mail waits (without SMTP, for ever), not after.
 * - rater-links: the invitations the mail lists are its rows in email_outbox_invitation.
 * - sign-in: the sign_in_token row, and the page the link leads to after signing in.
 * - address-change: the address_change row whose confirmation link the mail carries.
 */
export type MailReference =
  | { type: "rater-links" }
  | { type: "sign-in"; tokenId: string; redirectTo: string }
  | { type: "address-change"; changeId: string };

const mailReferenceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("rater-links") }),
  z.object({ type: z.literal("sign-in"), tokenId: z.string().min(1), redirectTo: z.string() }),
  z.object({ type: z.literal("address-change"), changeId: z.string().min(1) }),
]);

/** The stored reference of an outbox row; null when its stored body is the mail. */
export function mailReferenceOf(row: Pick<EmailOutboxTable, "reference">): MailReference | null {
  if (row.reference === null) return null;
  const parsed = mailReferenceSchema.safeParse(JSON.parse(row.reference));
  if (!parsed.success) throw new Error(`email_outbox.reference is not a mail reference`);
  return parsed.data;
}

/** Stored in place of a body that is built when the mail is sent (never shown as the mail). */
export const BUILT_WHEN_SENT_BODY = "[wordt opgemaakt bij verzenden]";

/**
 * Every mail goes through the outbox table: written in the caller's transaction, sent later
 * by the sender. Without SMTP configured, mails stay here (visible in development).
 */
export async function enqueueEmail(
  db: Kysely<Database>,
  email: OutgoingEmail,
  now: Date = new Date(),
): Promise<string> {
  return insertOutboxRow(db, email, { text: email.text, html: email.html, reference: null }, now);
}

/**
 * Enqueues a mail that the sender builds from `reference` when it sends it (see
 * MailReference); a rater-links mail lists `invitationIds`.
 */
export async function enqueueEmailBuiltWhenSent(
  db: Kysely<Database>,
  email: OutgoingEmailHeader,
  reference: MailReference,
  invitationIds: readonly string[] = [],
  now: Date = new Date(),
): Promise<string> {
  const id = await insertOutboxRow(
    db,
    email,
    {
      text: BUILT_WHEN_SENT_BODY,
      html: BUILT_WHEN_SENT_BODY,
      reference: JSON.stringify(reference),
    },
    now,
  );
  if (invitationIds.length > 0) {
    await db
      .insertInto("email_outbox_invitation")
      .values(invitationIds.map((invitationId) => ({ outbox_id: id, invitation_id: invitationId })))
      .execute();
  }
  return id;
}

async function insertOutboxRow(
  db: Kysely<Database>,
  email: OutgoingEmailHeader,
  body: { text: string; html: string; reference: string | null },
  now: Date,
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
      text_body: body.text,
      html_body: body.html,
      reference: body.reference,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}

/**
 * Finishes a mail (sent, failed for good) with the given column values, and forgets what it
 * was built from: after that, nothing in the outbox row can be turned into a link again. One
 * transaction, so a crash never leaves the reference behind a finished mail.
 */
export async function forgetMailReference(
  db: Kysely<Database>,
  outboxId: string,
  values: Updateable<EmailOutboxTable> = {},
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("email_outbox_invitation").where("outbox_id", "=", outboxId).execute();
    await trx
      .updateTable("email_outbox")
      .set({ ...values, reference: null })
      .where("id", "=", outboxId)
      .execute();
  });
}
