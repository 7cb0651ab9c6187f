import { describe, expect, it } from "vitest";
import { recordAudit } from "~/audit/audit-log.server";
import {
  knownParticipantIds,
  loadReleasedCycle,
  releasedCyclesOfOrganisation,
  releasedCyclesOfTeam,
  selectableTeams,
} from "~/team-profiles/cycle-figures.server";
import { currentUserOf } from "../../support/requests";
import { loadCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase({ seed: true });

async function teamNamed(name: string) {
  return database.db
    .selectFrom("team")
    .select(["id", "name"])
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
}

describe("released cycles of a team", () => {
  it("lists the rounds a team took part in, newest first, and none that is still running", async () => {
    const db = database.db;
    const communicatie = await teamNamed("Communicatie");
    const cycles = await releasedCyclesOfTeam(db, communicatie.id);
    expect(cycles).toHaveLength(2);
    expect(cycles[0]!.releasedAt > cycles[1]!.releasedAt).toBe(true);
    const cast = await loadCast(db);
    // The department has them through its sub-teams; a team without the earlier round has one.
    expect(await releasedCyclesOfTeam(db, cast.department.id)).not.toHaveLength(0);
    const all = await releasedCyclesOfOrganisation(db, cast.organisationId);
    expect(all.map((cycle) => cycle.id)).toEqual(
      expect.arrayContaining(cycles.map((cycle) => cycle.id)),
    );
    const collecting = await db
      .selectFrom("cycle")
      .select("id")
      .where("status", "=", "collecting")
      .executeTakeFirstOrThrow();
    expect(all.map((cycle) => cycle.id)).not.toContain(collecting.id);
    expect(await loadReleasedCycle(db, collecting.id)).toBeNull();
  });

  it("waits until every report of a release is written", async () => {
    const db = database.db;
    const financien = await teamNamed("Financiën");
    const [newest] = await releasedCyclesOfTeam(db, financien.id);
    const report = await db
      .selectFrom("report")
      .selectAll()
      .where("cycle_id", "=", newest!.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.deleteFrom("report").where("id", "=", report.id).execute();
    try {
      expect((await releasedCyclesOfTeam(db, financien.id)).map((c) => c.id)).not.toContain(
        newest!.id,
      );
      expect(await loadReleasedCycle(db, newest!.id)).toBeNull();
    } finally {
      await db.insertInto("report").values(report).execute();
    }
    expect(await loadReleasedCycle(db, newest!.id)).not.toBeNull();
  });
});

describe("members a viewer knows", () => {
  it("are their own participation, shares with them, and reports they read as lead", async () => {
    const db = database.db;
    const cast = await loadCast(db);
    const cycle = (await releasedCyclesOfTeam(db, cast.team.id))[0]!;
    const participants = await db
      .selectFrom("participant")
      .select(["id", "person_id", "manager_person_id", "shared_with_lead_at"])
      .where("cycle_id", "=", cycle.id)
      .execute();
    const own = participants.find((p) => p.person_id === cast.teamLead.id)!;
    const led = participants.filter((p) => p.manager_person_id === cast.teamLead.id);
    const shared = led.filter((p) => p.shared_with_lead_at !== null).map((p) => p.id);
    const notShared = led.filter((p) => p.shared_with_lead_at === null);
    expect(notShared.length).toBeGreaterThan(0);

    expect([...(await knownParticipantIds(db, cast.teamLead.id, cycle.id))].sort()).toEqual(
      [own.id, ...shared].sort(),
    );
    // A report read as lead stays known after the consent is withdrawn.
    await recordAudit(db, {
      organisationId: cast.organisationId,
      actorPersonId: cast.teamLead.id,
      action: "report_viewed_by_lead",
      details: { participantId: notShared[0]!.id },
    });
    expect(await knownParticipantIds(db, cast.teamLead.id, cycle.id)).toContain(notShared[0]!.id);
    // HR took no part and was shared nothing.
    expect(await knownParticipantIds(db, cast.hr.id, cycle.id)).toEqual(new Set());
  });
});

describe("teams to choose from", () => {
  it("are every team for HR, the led teams and those below them for a lead", async () => {
    const db = database.db;
    const cast = await loadCast(db);
    const everyTeam = await db
      .selectFrom("team")
      .select("id")
      .where("organisation_id", "=", cast.organisationId)
      .execute();
    const forHr = await selectableTeams(db, await currentUserOf(database.db, cast.hr.id));
    expect(forHr.map((team) => team.id).sort()).toEqual(everyTeam.map((team) => team.id).sort());
    const forHead = await selectableTeams(
      db,
      await currentUserOf(database.db, cast.departmentHead.id),
    );
    expect(forHead.map((team) => team.id).sort()).toEqual(
      [cast.department.id, ...cast.subTeams.map((team) => team.id)].sort(),
    );
    expect(forHead[0]!.id).toBe(cast.department.id);
    const forLead = await selectableTeams(db, await currentUserOf(database.db, cast.teamLead.id));
    expect(forLead.map((team) => team.id)).toEqual([cast.team.id]);
    expect(await selectableTeams(db, await currentUserOf(database.db, cast.member.id))).toEqual([]);
  });
});
