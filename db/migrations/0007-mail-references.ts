import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder and plain queries (no app code), so it runs on SQLite and
// PostgreSQL and keeps doing what it did when the app changes.

/** The tables this migration reads and writes, as they are at this point of the history. */
interface MailReferenceDatabase {
  email_outbox: {
    id: string;
    kind: string;
    status: string;
    text_body: string;
    html_body: string;
    reference: string | null;
  };
  email_outbox_invitation: { outbox_id: string; invitation_id: string };
  invitation: { id: string; cycle_id: string; token_hash: string };
  cycle: { id: string; organisation_id: string };
  organisation: { id: string; is_demo: number; demo_seed: string | null };
  instance_secret: { name: string; value: string; created_at: string };
}

// What the app stores (app/email/outbox.server.ts) in place of a body built when sent.
const BUILT_WHEN_SENT_BODY = "[wordt opgemaakt bij verzenden]";
const RATER_LINKS_REFERENCE = JSON.stringify({ type: "rater-links" });

export async function up(db: Kysely<unknown>): Promise<void> {
  // What a mail with keys in it (invitation links, sign-in link and code) is built from when
  // it is sent: the keys are derived then and never stored. Null: the stored body is the mail.
  await db.schema.alterTable("email_outbox").addColumn("reference", "text").execute();
  // The invitations a rater-links mail (invitation, reminder) lists, by reference.
  await db.schema
    .createTable("email_outbox_invitation")
    .addColumn("outbox_id", "text", (c) =>
      c.notNull().references("email_outbox.id").onDelete("cascade"),
    )
    .addColumn("invitation_id", "text", (c) =>
      c.notNull().references("invitation.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("email_outbox_invitation_pk", ["outbox_id", "invitation_id"])
    .execute();
  await db.schema
    .createIndex("email_outbox_invitation_invitation_idx")
    .on("email_outbox_invitation")
    .column("invitation_id")
    .execute();

  await referenceUnsentMails(db as unknown as Kysely<MailReferenceDatabase>);
  await rekeyDemoInvitations(db as unknown as Kysely<MailReferenceDatabase>);
}

function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

function hmacBase64url(key: string, invitationId: string): string {
  return createHmac("sha256", key).update(invitationId).digest("base64url");
}

/**
 * The invitation key as app/rater/invitation-token.server.ts reads it at this point of the
 * history: INVITATION_SECRET (32 characters or more), else the instance's own, made on
 * first use.
 */
async function invitationKey(db: Kysely<MailReferenceDatabase>): Promise<string> {
  const configured = process.env.INVITATION_SECRET;
  if (configured && configured.length >= 32) return configured;
  const existing = await db
    .selectFrom("instance_secret")
    .select("value")
    .where("name", "=", "invitation-links")
    .executeTakeFirst();
  if (existing) return existing.value;
  const value = randomBytes(32).toString("base64url");
  await db
    .insertInto("instance_secret")
    .values({ name: "invitation-links", value, created_at: new Date().toISOString() })
    .execute();
  return value;
}

/**
 * Demo invitations used to get their link from the invitation id and the (public) demo
 * seed, so anyone who saw an id could open the link. Those links are replaced by the ones
 * the instance's invitation key gives, as for every other invitation: the demo keeps working
 * links, and the old ones open nothing.
 */
async function rekeyDemoInvitations(db: Kysely<MailReferenceDatabase>): Promise<void> {
  const demos = await db
    .selectFrom("organisation")
    .select(["id", "demo_seed"])
    .where("is_demo", "=", 1)
    .where("demo_seed", "is not", null)
    .execute();
  if (demos.length === 0) return;
  const key = await invitationKey(db);
  for (const demo of demos) {
    const publicKey = `rondom-demo:${demo.demo_seed}`;
    const invitations = await db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select(["invitation.id", "invitation.token_hash"])
      .where("cycle.organisation_id", "=", demo.id)
      .execute();
    for (const invitation of invitations) {
      if (sha256Hex(hmacBase64url(publicKey, invitation.id)) !== invitation.token_hash) continue;
      await db
        .updateTable("invitation")
        .set({ token_hash: sha256Hex(hmacBase64url(key, invitation.id)) })
        .where("id", "=", invitation.id)
        .execute();
    }
  }
}

/**
 * Mails written before this migration and not sent yet still hold usable links. Invitation
 * and reminder mails are turned into references to the invitations their links open (found
 * by the tokens' hashes); a sign-in mail cannot be (its link was random) and is dropped: it
 * expires within minutes anyway, and the person can ask again.
 */
async function referenceUnsentMails(db: Kysely<MailReferenceDatabase>): Promise<void> {
  const unsent = await db
    .selectFrom("email_outbox")
    .select(["id", "kind", "text_body"])
    .where("status", "in", ["pending", "sending"])
    .where("kind", "in", ["invitation", "reminder", "sign-in"])
    .execute();
  for (const mail of unsent) {
    const hashes = [...mail.text_body.matchAll(/\/uitnodiging\/([A-Za-z0-9_%-]+)/g)].map((match) =>
      sha256Hex(decodeURIComponent(match[1]!)),
    );
    const invitations =
      mail.kind === "sign-in" || hashes.length === 0
        ? []
        : await db
            .selectFrom("invitation")
            .select("id")
            .where("token_hash", "in", hashes)
            .execute();
    if (invitations.length === 0) {
      await db.deleteFrom("email_outbox").where("id", "=", mail.id).execute();
      continue;
    }
    await db
      .insertInto("email_outbox_invitation")
      .values(
        invitations.map((invitation) => ({ outbox_id: mail.id, invitation_id: invitation.id })),
      )
      .execute();
    await db
      .updateTable("email_outbox")
      .set({
        reference: RATER_LINKS_REFERENCE,
        text_body: BUILT_WHEN_SENT_BODY,
        html_body: BUILT_WHEN_SENT_BODY,
      })
      .where("id", "=", mail.id)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("email_outbox_invitation_invitation_idx").execute();
  await db.schema.dropTable("email_outbox_invitation").execute();
  await db.schema.alterTable("email_outbox").dropColumn("reference").execute();
}
