import type { DB } from "#db/database";
import { countGroups, type GroupCounts } from "./progress";

/**
 * The progress counts of participants, per group. Reads only each invitation's group and
 * state: never who the rater is.
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
        .select(["participant_id", "relationship", "status", "revoked_at"])
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
          revoked: row.revoked_at !== null,
        })),
      ),
    );
  }
  return result;
}

/** The progress counts of every participant of a cycle. */
export async function loadCycleGroupCounts(
  db: DB,
  cycleId: string,
): Promise<Map<string, GroupCounts[]>> {
  const participants = await db
    .selectFrom("participant")
    .select("id")
    .where("cycle_id", "=", cycleId)
    .execute();
  return loadGroupCounts(
    db,
    participants.map((row) => row.id),
  );
}
