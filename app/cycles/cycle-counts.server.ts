import type { DB } from "#db/database";

export interface CycleCounts {
  participants: number;
  /** Invitations not withdrawn: answered / invited is responseRate in progress.ts. */
  invited: number;
  answered: number;
}

/**
 * How many take part, are invited and answered, per round of the organisation (the list of
 * rounds and the admin overview), as a look-up by cycle id. Counted as the cycle pages count (responseRate in
 * app/cycles/progress.ts): a withdrawn invitation leaves "invited" whatever its state, and an
 * answer stays answered. Counting by status instead (status "revoked" is set only on OPEN
 * invitations) would make a withdrawal move "invited" only when the rater had not answered,
 * telling HR who had.
 */
export async function loadCycleCounts(
  db: DB,
  organisationId: string,
): Promise<(cycleId: string) => CycleCounts> {
  const [participants, invitations] = await Promise.all([
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select("participant.cycle_id")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("cycle.organisation_id", "=", organisationId)
      .groupBy("participant.cycle_id")
      .execute(),
    db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select("invitation.cycle_id")
      .select((eb) => [
        eb.fn.countAll<number>().as("invited"),
        eb.fn.count<number>("invitation.revoked_at").as("revoked"),
        eb.fn
          .sum<number>(eb.case().when("invitation.status", "=", "submitted").then(1).else(0).end())
          .as("answered"),
      ])
      .where("cycle.organisation_id", "=", organisationId)
      .groupBy("invitation.cycle_id")
      .execute(),
  ]);
  const participantsOf = new Map(participants.map((row) => [row.cycle_id, Number(row.count)]));
  const invitationsOf = new Map(invitations.map((row) => [row.cycle_id, row]));
  return (cycleId) => {
    const counts = invitationsOf.get(cycleId);
    return {
      participants: participantsOf.get(cycleId) ?? 0,
      invited: Number(counts?.invited ?? 0) - Number(counts?.revoked ?? 0),
      answered: Number(counts?.answered ?? 0),
    };
  };
}
