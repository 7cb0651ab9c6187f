import type { DB } from "#db/database";
import { sql } from "kysely";
import type { OutboxStatus } from "#db/schema";
import { demoOrganisationId } from "~/demo/demo-mode.server";

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
  text: string;
  status: OutboxStatus;
  createdAt: string;
}

export async function listOutbox(
  db: DB,
  scope: NonNullable<Awaited<ReturnType<typeof outboxScope>>>,
  options: { to?: string } = {},
): Promise<OutboxEntry[]> {
  let query = db
    .selectFrom("email_outbox")
    .select(["id", "kind", "to_address", "to_name", "subject", "text_body", "status", "created_at"])
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(OUTBOX_PAGE_SIZE);
  if (scope.kind === "organisation") {
    query = query.where("organisation_id", "=", scope.organisationId);
  }
  const to = options.to?.trim().toLowerCase();
  if (to) query = query.where(sql<string>`lower(to_address)`, "=", to);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    toName: row.to_name,
    subject: row.subject,
    text: row.text_body,
    status: row.status,
    createdAt: row.created_at,
  }));
}
