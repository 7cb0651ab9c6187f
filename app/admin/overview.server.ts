import type { DB } from "#db/database";
import type { CycleStatus } from "#db/schema";
import { loadCycleCounts } from "~/cycles/cycle-counts.server";

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
  const [people, teams, cycles, countsOf] = await Promise.all([
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
    // The same counts as the list of rounds: a withdrawal moves them alike, answered or not.
    loadCycleCounts(db, organisationId),
  ]);
  return {
    activePeople: Number(people.count),
    teams: Number(teams.count),
    cycles: cycles.map((cycle) => ({ ...cycle, ...countsOf(cycle.id) })),
  };
}
