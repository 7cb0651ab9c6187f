import type { DB } from "#db/database";
import type { CycleStatus } from "#db/schema";

export interface AdminOverview {
  activePeople: number;
  teams: number;
  cycles: {
    id: string;
    name: string;
    status: CycleStatus;
    participants: number;
    invited: number;
    answered: number;
  }[];
}

/** Counts only: HR sees how many, never who answered or what. */
export async function loadAdminOverview(db: DB, organisationId: string): Promise<AdminOverview> {
  const [people, teams, cycles, participants, invitations] = await Promise.all([
    db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organisation_id", "=", organisationId)
      .where("is_active", "=", 1)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("team")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organisation_id", "=", organisationId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("cycle")
      .select(["id", "name", "status"])
      .where("organisation_id", "=", organisationId)
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select(["participant.cycle_id"])
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("cycle.organisation_id", "=", organisationId)
      .groupBy("participant.cycle_id")
      .execute(),
    // Counted as the cycle pages count (responseRate in app/cycles/progress.ts): a withdrawn
    // invitation leaves "invited" whatever its state, and an answer stays answered. Counting
    // by status instead (status "revoked" is set only on OPEN invitations) would make a
    // withdrawal move "invited" only when the rater had not answered, telling HR who had.
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
  return {
    activePeople: Number(people.count),
    teams: Number(teams.count),
    cycles: cycles.map((cycle) => {
      const counts = invitationsOf.get(cycle.id);
      return {
        id: cycle.id,
        name: cycle.name,
        status: cycle.status,
        participants: participantsOf.get(cycle.id) ?? 0,
        invited: Number(counts?.invited ?? 0) - Number(counts?.revoked ?? 0),
        answered: Number(counts?.answered ?? 0),
      };
    }),
  };
}
