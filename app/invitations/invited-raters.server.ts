import type { DB } from "#db/database";
import type { Relationship } from "#db/schema";
import { RELATIONSHIP_ORDER } from "~/cycles/progress";
import { compareDutchText } from "~/people/dutch-order";

/**
 * Someone invited to rate a participant, as the participant sees it: the name and the group,
 * whether HR withdrew the invitation and whether it came after the start (HR adds raters
 * while a round collects). Never whether they answered or declined.
 */
export interface InvitedRater {
  name: string;
  relationship: Relationship;
  /** Withdrawn by HR; whatever the rater answered before stays in the report. */
  withdrawn: boolean;
  /** Invited after the round started collecting: added by HR, not part of the approved list. */
  addedLater: boolean;
}

/**
 * Everyone invited to rate these participations, per participation, in the groups' order.
 * The participant sees every rater who can count in their report, whoever added them (the
 * lead while approving, HR as a late rater), so nobody can be added unseen.
 */
export async function loadInvitedRaters(
  db: DB,
  participantIds: readonly string[],
): Promise<Map<string, InvitedRater[]>> {
  const byParticipant = new Map<string, InvitedRater[]>();
  // Chunks keep the IN list under SQLite's bound-parameter limit.
  for (let start = 0; start < participantIds.length; start += 500) {
    const rows = await db
      .selectFrom("invitation")
      .select(["participant_id", "rater_name", "relationship", "revoked_at", "created_at"])
      .where("participant_id", "in", participantIds.slice(start, start + 500))
      .execute();
    const startedAt = new Map<string, string>();
    for (const row of rows) {
      const first = startedAt.get(row.participant_id);
      if (!first || row.created_at < first) startedAt.set(row.participant_id, row.created_at);
    }
    for (const row of rows) {
      const list = byParticipant.get(row.participant_id) ?? [];
      list.push({
        name: row.rater_name,
        relationship: row.relationship,
        withdrawn: row.revoked_at !== null,
        addedLater: row.created_at > startedAt.get(row.participant_id)!,
      });
      byParticipant.set(row.participant_id, list);
    }
  }
  for (const list of byParticipant.values()) {
    list.sort(
      (a, b) =>
        RELATIONSHIP_ORDER.indexOf(a.relationship) - RELATIONSHIP_ORDER.indexOf(b.relationship) ||
        compareDutchText(a.name, b.name),
    );
  }
  return byParticipant;
}
