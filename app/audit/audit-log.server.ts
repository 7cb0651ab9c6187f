import type { Kysely } from "kysely";
import { newId } from "#db/ids";
import type { Database } from "#db/schema";
import type { AuditAction } from "./audit-actions";
import { fullNameOrNull } from "~/people/full-name";

export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "./audit-actions";

export interface AuditEntry {
  organisationId: string | null;
  actorPersonId: string | null;
  action: AuditAction;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Action-specific facts (e.g. the sign-in method). Never answers, never tokens. */
  details?: Record<string, string | number | boolean | null | readonly string[]>;
}

export async function recordAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  now: Date = new Date(),
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      id: newId(),
      organisation_id: entry.organisationId,
      actor_person_id: entry.actorPersonId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      created_at: now.toISOString(),
    })
    .execute();
}

export interface AuditLogRow {
  id: string;
  createdAt: string;
  action: string;
  actorName: string | null;
  /** The person the action was about, when it was about a person. */
  subjectName: string | null;
  /** The team the action was about, when it was about a team. */
  subjectTeamName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown> | null;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of an organisation's audit log, newest first. `before` is the cursor of the
 * previous page's last row ("createdAt|id").
 */
export async function listAuditLog(
  db: Kysely<Database>,
  organisationId: string,
  options: { action?: AuditAction; before?: string } = {},
): Promise<{ rows: AuditLogRow[]; nextCursor: string | null }> {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("person", "person.id", "audit_log.actor_person_id")
    .leftJoin("person as subject", (join) =>
      join
        .onRef("subject.id", "=", "audit_log.subject_id")
        .on("audit_log.subject_type", "=", "person"),
    )
    .leftJoin("team as subject_team", (join) =>
      join
        .onRef("subject_team.id", "=", "audit_log.subject_id")
        .on("audit_log.subject_type", "=", "team"),
    )
    .where("audit_log.organisation_id", "=", organisationId)
    .select([
      "audit_log.id",
      "audit_log.created_at",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.details",
      "person.first_name",
      "person.last_name",
      "subject.first_name as subject_first_name",
      "subject.last_name as subject_last_name",
      "subject_team.name as subject_team_name",
    ])
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id", "desc")
    .limit(AUDIT_PAGE_SIZE + 1);
  if (options.action) query = query.where("audit_log.action", "=", options.action);
  const cursor = options.before?.split("|");
  if (cursor?.length === 2) {
    const [createdAt, id] = cursor as [string, string];
    query = query.where((eb) =>
      eb.or([
        eb("audit_log.created_at", "<", createdAt),
        eb.and([eb("audit_log.created_at", "=", createdAt), eb("audit_log.id", "<", id)]),
      ]),
    );
  }
  const found = await query.execute();
  const rows = found.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    action: row.action,
    actorName: fullNameOrNull(row),
    subjectName: fullNameOrNull({
      first_name: row.subject_first_name,
      last_name: row.subject_last_name,
    }),
    subjectTeamName: row.subject_team_name,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    details: parseDetails(row.details),
  }));
  const last = rows.at(-1);
  return {
    rows,
    nextCursor: found.length > AUDIT_PAGE_SIZE && last ? `${last.createdAt}|${last.id}` : null,
  };
}

function parseDetails(details: string | null): Record<string, unknown> | null {
  if (!details) return null;
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
