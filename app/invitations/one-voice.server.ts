import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { ParticipantVoices, VoiceRefusal } from "./one-voice";

// Chunks keep the IN list under SQLite's bound-parameter limit for a large round.
const CHUNK = 500;

/**
 * Per participant: who they are and every rater invited for them so far, in any state
 * (withdrawn ones included: one voice per rater holds for the whole round).
 */
export async function loadParticipantVoices(
  db: Kysely<Database>,
  participantIds: readonly string[],
): Promise<Map<string, ParticipantVoices>> {
  const ids = [...new Set(participantIds)];
  const voices = new Map<
    string,
    ParticipantVoices & { invited: ParticipantVoices["invited"][number][] }
  >();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const participants = await db
      .selectFrom("participant")
      .innerJoin("person", "person.id", "participant.person_id")
      .select(["participant.id", "person.id as person_id", "person.email"])
      .where("participant.id", "in", chunk)
      .execute();
    for (const row of participants) {
      voices.set(row.id, {
        participant: { personId: row.person_id, email: row.email },
        invited: [],
      });
    }
    const invitations = await db
      .selectFrom("invitation")
      .select(["participant_id", "rater_person_id", "rater_email"])
      .where("participant_id", "in", chunk)
      .execute();
    for (const row of invitations) {
      voices
        .get(row.participant_id)
        ?.invited.push({ personId: row.rater_person_id, email: row.rater_email });
    }
  }
  return voices;
}

/**
 * A planned invitation broke the one-voice rule. Callers check the rule first and tell the
 * person why; this is the guarantee behind that check, so reaching it is a bug or a race.
 */
export class OneVoiceViolation extends Error {
  constructor(readonly reasons: readonly (VoiceRefusal | "unknown_participant")[]) {
    super(`One voice per rater: refused (${reasons.join(", ")})`);
    this.name = "OneVoiceViolation";
  }
}

/**
 * Whether a database error is a unique-index violation (SQLite or PostgreSQL): how two
 * requests that raced past the checks (a double click, two servers) end. The transaction
 * that lost has been rolled back as a whole.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}
