import type { Selectable } from "kysely";
import type { DB } from "#db/database";
import type { EmailOutboxTable } from "#db/schema";
import { outboxMailContent } from "~/email/mail-content.server";

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
