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
    db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select(["invitation.cycle_id", "invitation.status"])
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("cycle.organisation_id", "=", organisationId)
      .where("invitation.status", "!=", "revoked")
      .groupBy(["invitation.cycle_id", "invitation.status"])
      .execute(),
  ]);
  const participantsOf = new Map(participants.map((row) => [row.cycle_id, Number(row.count)]));
  return {
    activePeople: Number(people.count),
    teams: Number(teams.count),
    cycles: cycles.map((cycle) => {
      const rows = invitations.filter((row) => row.cycle_id === cycle.id);
      return {
        id: cycle.id,
        name: cycle.name,
        status: cycle.status,
        participants: participantsOf.get(cycle.id) ?? 0,
        invited: rows.reduce((sum, row) => sum + Number(row.count), 0),
        answered: rows
          .filter((row) => row.status === "submitted")
          .reduce((sum, row) => sum + Number(row.count), 0),
      };
    }),
  };
}
