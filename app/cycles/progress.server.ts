import type { DB } from "#db/database";
import type { CycleStatus } from "#db/schema";
import { countGroups, discloseGroups, type GroupCounts, type GroupProgress } from "./progress";

/**
 * The exact progress counts of participants, per group. Reads only each invitation's group,
 * state and when it was created, withdrawn or declined: never who the rater is. Exact counts are for
 * the server; pages, exports and mails get loadGroupProgress's.
 */
export async function loadGroupCounts(
  db: DB,
  participantIds: readonly string[],
): Promise<Map<string, GroupCounts[]>> {
  const result = new Map<string, GroupCounts[]>();
  if (participantIds.length === 0) return result;
  const rows = [];
  // Chunks keep the IN list under SQLite's bound-parameter limit for large cycles.
  for (let start = 0; start < participantIds.length; start += 500) {
    const chunk = participantIds.slice(start, start + 500);
    rows.push(
      ...(await db
        .selectFrom("invitation")
        .select([
          "participant_id",
          "relationship",
          "status",
          "created_at",
          "revoked_at",
          "declined_at",
        ])
        .where("participant_id", "in", chunk)
        .execute()),
    );
  }
  const byParticipant = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byParticipant.get(row.participant_id) ?? [];
    list.push(row);
    byParticipant.set(row.participant_id, list);
  }
  for (const participantId of participantIds) {
    const invitations = byParticipant.get(participantId) ?? [];
    result.set(
      participantId,
      countGroups(
        invitations.map((row) => ({
          relationship: row.relationship,
          status: row.status,
          createdAt: row.created_at,
          revokedAt: row.revoked_at,
          declinedAt: row.declined_at,
        })),
      ),
    );
  }
  return result;
}

/** While a round is collecting, a group of one shows no answers (GroupProgress). */
export function isLive(status: CycleStatus): boolean {
  return status === "collecting";
}

/** The progress of participants of a round in this status, as a viewer may see it. */
export async function loadGroupProgress(
  db: DB,
  participantIds: readonly string[],
  status: CycleStatus,
): Promise<Map<string, GroupProgress[]>> {
  const counts = await loadGroupCounts(db, participantIds);
  return new Map(
    [...counts].map(([participantId, groups]) => [
      participantId,
      discloseGroups(groups, isLive(status)),
    ]),
  );
}

/** The progress of every participant of a cycle, as a viewer may see it. */
export async function loadCycleGroupProgress(
  db: DB,
  cycle: { id: string; status: CycleStatus },
): Promise<Map<string, GroupProgress[]>> {
  const participants = await db
    .selectFrom("participant")
    .select("id")
    .where("cycle_id", "=", cycle.id)
    .execute();
  return loadGroupProgress(
    db,
    participants.map((row) => row.id),
    cycle.status,
  );
}
