import type { DB } from "#db/database";
import { responseRate } from "./progress";
import { loadGroupProgress } from "./progress.server";

export interface CycleCounts {
  participants: number;
  /** Invitations not withdrawn: answered / invited is responseRate in progress.ts. */
  invited: number;
  answered: number;
}

/**
 * How many take part, are invited and answered, per round of the organisation (the list of
 * rounds and the admin overview), as a look-up by cycle id. Counted as the cycle pages count
 * (responseRate in app/cycles/progress.ts): a withdrawn invitation leaves "invited" whatever
 * its state, and an answer stays answered. Counting by status instead (status "revoked" is
 * set only on OPEN invitations) would make a withdrawal move "invited" only when the rater
 * had not answered, telling HR who had. While a round collects, its totals leave out the
 * groups of one that its page withholds (GroupProgress in progress.ts): a total that moved
 * when the manager answered would tell HR when they did.
 */
export async function loadCycleCounts(
  db: DB,
  organisationId: string,
): Promise<(cycleId: string) => CycleCounts> {
  const [participants, invitations, collecting] = await Promise.all([
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
    loadCollectingCounts(db, organisationId),
  ]);
  const participantsOf = new Map(participants.map((row) => [row.cycle_id, Number(row.count)]));
  const invitationsOf = new Map(invitations.map((row) => [row.cycle_id, row]));
  return (cycleId) => {
    const live = collecting.get(cycleId);
    if (live) return { participants: participantsOf.get(cycleId) ?? 0, ...live };
    const counts = invitationsOf.get(cycleId);
    return {
      participants: participantsOf.get(cycleId) ?? 0,
      invited: Number(counts?.invited ?? 0) - Number(counts?.revoked ?? 0),
      answered: Number(counts?.answered ?? 0),
    };
  };
}

/** Invited and answered of the collecting rounds, over the groups their pages show. */
async function loadCollectingCounts(
  db: DB,
  organisationId: string,
): Promise<Map<string, { invited: number; answered: number }>> {
  const participants = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select(["participant.id", "participant.cycle_id"])
    .where("cycle.organisation_id", "=", organisationId)
    .where("cycle.status", "=", "collecting")
    .execute();
  const progress = await loadGroupProgress(
    db,
    participants.map((participant) => participant.id),
    "collecting",
  );
  const totals = new Map<string, { invited: number; answered: number }>();
  for (const participant of participants) {
    const rate = responseRate(progress.get(participant.id) ?? []);
    const total = totals.get(participant.cycle_id) ?? { invited: 0, answered: 0 };
    totals.set(participant.cycle_id, {
      invited: total.invited + rate.invited,
      answered: total.answered + rate.answered,
    });
  }
  return totals;
}
