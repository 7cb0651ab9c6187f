import type { DB } from "#db/database";
import { sql } from "kysely";
import type { OutboxStatus } from "#db/schema";
import { demoOrganisationId } from "~/demo/demo-mode.server";
import { newMailBuildCache, outboxMailContent } from "./mail-content.server";

/**
 * Whose mail the outbox page may show: in development everything; in demo mode the demo
 * organisation's mail (fictional people only); otherwise the page does not exist.
 */
export async function outboxScope(
  db: DB,
): Promise<{ kind: "all" } | { kind: "organisation"; organisationId: string } | null> {
  if (process.env.NODE_ENV === "development") return { kind: "all" };
  const demoId = await demoOrganisationId(db);
  return demoId ? { kind: "organisation", organisationId: demoId } : null;
}

export async function isOutboxPageEnabled(db: DB): Promise<boolean> {
  return (await outboxScope(db)) !== null;
}

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxEntry {
  id: string;
  kind: string;
  to: string;
  toName: string | null;
  subject: string;
  /** The text as it would be sent now; null when the mail will not be sent any more. */
  text: string | null;
  status: OutboxStatus;
  createdAt: string;
}

/**
 * The newest mails of the scope. A mail with keys in it is stored as a reference (see
 * app/email/outbox.server.ts), so its text is built here, at display time, exactly as the
 * sender would build it now: with working links and code, and never stored. That is fine
 * here and only here: the page exists only in development and in demo mode, where it shows
 * only the demo organisation's mail, to fictional people, whose every link the demo offers
 * to any visitor anyway (its home page lists open invitation links and signs in as anyone).
 */
export async function listOutbox(
  db: DB,
  scope: NonNullable<Awaited<ReturnType<typeof outboxScope>>>,
  options: { to?: string } = {},
  now: Date = new Date(),
): Promise<OutboxEntry[]> {
  let query = db
    .selectFrom("email_outbox")
    .select([
      "id",
      "kind",
      "to_address",
      "to_name",
      "locale",
      "subject",
      "text_body",
      "html_body",
      "reference",
      "status",
      "created_at",
    ])
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(OUTBOX_PAGE_SIZE);
  if (scope.kind === "organisation") {
    query = query.where("organisation_id", "=", scope.organisationId);
  }
  const to = options.to?.trim().toLowerCase();
  if (to) query = query.where(sql<string>`lower(to_address)`, "=", to);
  const rows = await query.execute();
  const cache = newMailBuildCache();
  const entries: OutboxEntry[] = [];
  for (const row of rows) {
    const content = await outboxMailContent(db, row, now, cache);
    entries.push({
      id: row.id,
      kind: row.kind,
      to: row.to_address,
      toName: row.to_name,
      subject: content?.subject ?? row.subject,
      text: content?.text ?? null,
      status: row.status,
      createdAt: row.created_at,
    });
  }
  return entries;
}
