import type { Selectable } from "kysely";
import type { DB } from "#db/database";
import type { EmailOutboxTable } from "#db/schema";
import { outboxMailContent } from "~/email/mail-content.server";
import { eventually } from "./eventually";

// The mail the app queued in its outbox, read as the sender would send it, and the sign-in
// mail's link and code.

export type OutboxRow = Selectable<EmailOutboxTable>;

/**
 * An outbox row with the subject and bodies the sender would send had it run the moment the
 * mail was queued. Mails with keys in them are stored as references (nothing usable at
 * rest), so tests that read a mail's links or code read them through this. A mail that can
 * no longer be built keeps its stored placeholder bodies.
 */
export async function asSent<Row extends OutboxRow>(db: DB, row: Row): Promise<Row> {
  const content = await outboxMailContent(db, row, new Date(row.created_at));
  if (!content) return row;
  return { ...row, subject: content.subject, text_body: content.text, html_body: content.html };
}

/** asSent for every row, in order. */
export async function allAsSent<Row extends OutboxRow>(db: DB, rows: readonly Row[]) {
  const built: Row[] = [];
  for (const row of rows) built.push(await asSent(db, row));
  return built;
}

export async function outboxIds(db: DB): Promise<Set<string>> {
  const rows = await db.selectFrom("email_outbox").select("id").execute();
  return new Set(rows.map((row) => row.id));
}

/** The outbox rows written since `before` was taken, with the bodies the sender would send. */
export async function mailsSince(db: DB, before: Set<string>) {
  const rows = await db.selectFrom("email_outbox").selectAll().execute();
  return allAsSent(
    db,
    rows.filter((row) => !before.has(row.id)),
  );
}

/**
 * The outbox rows of an organisation of one kind, oldest first, with the bodies the sender
 * would send (see asSent).
 */
export async function mailsOf(db: DB, organisationId: string, kind: string) {
  const rows = await db
    .selectFrom("email_outbox")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("kind", "=", kind)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return allAsSent(db, rows);
}

/** The invitation tokens linked in a mail's text, in order. */
export function tokensIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+\/uitnodiging\/(\S+)/g)].map((match) =>
    decodeURIComponent(match[1]!),
  );
}

// ---------------------------------------------------------------------------------------
// Sign-in mail.

export interface SignInMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
  kind: string;
  organisationId: string | null;
  /** The full link from the text version. */
  link: string;
  /** The raw link token (the path segment after /inloggen/link/). */
  token: string;
  code: string;
}

const LINK_PATTERN = /(https?:\/\/\S+?\/inloggen\/link\/([^\s?]+)\S*)/;
const CODE_PATTERN = /^.+: (\d{6})$/m;

export function parseSignInMail(row: {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  locale: string;
  kind: string;
  organisation_id: string | null;
}): SignInMail {
  const link = LINK_PATTERN.exec(row.text_body);
  const code = CODE_PATTERN.exec(row.text_body);
  if (!link || !code) throw new Error(`Not a sign-in mail:\n${row.text_body}`);
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    locale: row.locale,
    kind: row.kind,
    organisationId: row.organisation_id,
    link: link[1]!,
    token: link[2]!,
    code: code[1]!,
  };
}

/** Runs `action` and returns the one sign-in mail it wrote; fails unless exactly one. */
export async function expectOneSignInMail(
  db: DB,
  action: () => Promise<unknown>,
): Promise<SignInMail> {
  const before = await outboxIds(db);
  await action();
  const rows = await mailsSince(db, before);
  if (rows.length !== 1) throw new Error(`Expected one new mail, got ${rows.length}`);
  return parseSignInMail(rows[0]!);
}

/** A six-digit code that is certainly not `code`. */
export function otherCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, "0");
}

/** The newest sign-in mail to the address, waiting for it when it is not there yet. */
export async function awaitSignInMail(
  db: DB,
  to: string,
  before: Set<string>,
): Promise<SignInMail> {
  return eventually(async () => {
    const rows = (await mailsSince(db, before)).filter((row) => row.to_address === to);
    if (rows.length > 1) throw new Error(`More than one new mail to ${to}`);
    return rows[0] ? parseSignInMail(rows[0]) : undefined;
  });
}
