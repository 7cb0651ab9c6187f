import { beforeAll, describe, expect, it } from "vitest";
import { loader as profileLoader } from "~/routes/teams.$teamId.profiel";
import { loadCycleFigures } from "~/team-profiles/cycle-figures.server";
import { sharingWouldExposeColleague } from "~/team-profiles/sharing-guard.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { asPerson, readyProfile } from "./profile-helpers";

// Review (anonymity): the organisation norm on a team page, for a viewer who takes no part in
// the cycle. A department head is the round manager of people who shared their report with
// them; leads read shared reports without the norm (buildLeadView), so the team profile is the
// only place the head sees it. Norm × participants − the scores the head knows = the rest of
// the cycle: with 1..k − 1 members left, that gives away colleagues who never consented.
//
// Scene (spring cycle, k = 3): only six participants keep scores: four of the head's team
// (P1..P4, round manager = the head) and two of a team in the other department (X1, X2).

const database = useTestDatabase({ seed: true });

interface Scene {
  cast: DemoCast;
  cycleId: string;
  k: number;
  p: string[];
  x: string[];
}
let scene: Scene;

beforeAll(async () => {
  const db = database.db;
  const cast = await loadCast(db);
  const cycle = await db
    .selectFrom("cycle")
    .select(["id", "min_group_size"])
    .where("status", "=", "released")
    .orderBy("released_at", "desc")
    .executeTakeFirstOrThrow();
  const membersOf = async (teamId: string) =>
    (
      await db
        .selectFrom("participant_team")
        .select("participant_id")
        .where("cycle_id", "=", cycle.id)
        .where("team_id", "=", teamId)
        .where("depth", "=", 0)
        .orderBy("participant_id")
        .execute()
    ).map((row) => row.participant_id);
  const p = (await membersOf(cast.team.id)).slice(0, 4);
  const x = (await membersOf(cast.otherTeam.id)).slice(0, 2);
  expect(p).toHaveLength(4);
  expect(x).toHaveLength(2);
  await db
    .deleteFrom("competency_score")
    .where("cycle_id", "=", cycle.id)
    .where("participant_id", "not in", [...p, ...x])
    .execute();
  await db
    .updateTable("cycle")
    .set({ lead_access: "with_consent" })
    .where("id", "=", cycle.id)
    .execute();
  await db
    .updateTable("participant")
    .set({ shared_with_lead_at: null })
    .where("cycle_id", "=", cycle.id)
    .execute();
  // P1..P4 had the head as round manager; P1..P3 shared their report with them.
  await db
    .updateTable("participant")
    .set({ manager_person_id: cast.departmentHead.id })
    .where("id", "in", p)
    .execute();
  await db
    .updateTable("participant")
    .set({ shared_with_lead_at: "2030-03-01T09:00:00.000Z" })
    .where("id", "in", p.slice(0, 3))
    .execute();
  await db.deleteFrom("audit_log").where("actor_person_id", "=", cast.departmentHead.id).execute();
  scene = { cast, cycleId: cycle.id, k: cycle.min_group_size, p, x };
});

async function scoresOf(participantIds: string[]) {
  const rows = await database.db
    .selectFrom("competency_score")
    .select(["participant_id", "competency_key", "others_mean"])
    .where("cycle_id", "=", scene.cycleId)
    .where("participant_id", "in", participantIds)
    .execute();
  const byKey = new Map<string, number[]>();
  for (const row of rows)
    byKey.set(row.competency_key, [...(byKey.get(row.competency_key) ?? []), row.others_mean]);
  return byKey;
}

async function headViewsDepartment() {
  const { department, departmentHead } = scene.cast;
  return readyProfile(
    await asPerson(
      database.db,
      departmentHead.id,
      `/teams/${department.id}/profiel?ronde=${scene.cycleId}`,
      profileLoader,
      { teamId: department.id },
    ),
  );
}

describe("review: the norm on a team page and a head who is no participant", () => {
  it("the scene: the head knows three of six, the norm leaves three unknown (safe)", async () => {
    expect(scene.k).toBe(3);
    await headViewsDepartment();
    // The norm is the head's to see: behind it six participants, none the head knows exactly.
    const { figures } = await loadCycleFigures(
      database.db,
      scene.cycleId,
      scene.cast.departmentHead.id,
    );
    const norms = Object.values(figures.norm);
    expect(norms.length).toBeGreaterThan(0);
    for (const norm of norms) expect(norm.participants).toBe(6);
  });

  it("refuses P4's share once the head has seen the norm: it would give away X1 + X2", async () => {
    // The view of the previous test is in the audit log. With P4 known the head would hold
    // 6 × norm − P1 − P2 − P3 − P4 = X1 + X2: two members, fewer than k, who never consented.
    expect(await sharingWouldExposeColleague(database.db, scene.p[3]!)).toBe(true);
  });

  it("does not show the norm to the head when it would give away a single colleague", async () => {
    // Share first, look later (P4 shared before any view), and X2 has no scores: norm over
    // five, four known to the head. Shown, the norm is X1's own score.
    await database.db
      .updateTable("participant")
      .set({ shared_with_lead_at: "2030-03-02T09:00:00.000Z" })
      .where("id", "=", scene.p[3]!)
      .execute();
    await database.db
      .deleteFrom("audit_log")
      .where("actor_person_id", "=", scene.cast.departmentHead.id)
      .execute();
    await database.db
      .deleteFrom("competency_score")
      .where("participant_id", "=", scene.x[1]!)
      .execute();
    const known = await scoresOf(scene.p);
    const x1 = await scoresOf([scene.x[0]!]);
    const profile = await headViewsDepartment();
    const { figures } = await loadCycleFigures(
      database.db,
      scene.cycleId,
      scene.cast.departmentHead.id,
    );
    expect(figures.norm).toEqual({});
    for (const row of profile.rows) {
      const x1Score = x1.get(row.key)?.[0];
      if (row.norm !== null && x1Score !== undefined) {
        // Five participants with a score: the four the head knows and X1.
        const derived = row.norm * 5 - (known.get(row.key) ?? []).reduce((a, b) => a + b, 0);
        expect.soft(derived, `X1's ${row.key} score from the norm`).not.toBeCloseTo(x1Score, 9);
      }
      expect(row.norm, `norm of ${row.key}`).toBeNull();
    }
  });
});
