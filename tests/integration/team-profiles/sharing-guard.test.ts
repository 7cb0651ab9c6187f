import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "~/audit/audit-log.server";
import { loadSharingState, setSharing } from "~/reports/report-access.server";
import { loadCycleFigures } from "~/team-profiles/cycle-figures.server";
import { sharingWouldExposeColleague } from "~/team-profiles/sharing-guard.server";
import { action as reportAction } from "~/routes/rapporten.$participantId";
import { call, currentUserOf, postRequest, signedInCookie } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { responseOf, statusOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";

// The indirect leak in time order: a lead who has seen a team figure must not then
// receive shares that, subtracted from it, give away the rest of the team. The other order
// (share first, then look) is the engine's job: the figure is then withheld for that lead.

const database = useTestDatabase({ seed: true });

interface Scene {
  cast: DemoCast;
  cycleId: string;
  /** The three team members (besides the lead) who keep their scores. */
  a: string;
  b: string;
  c: string;
}

let scene: Scene;

beforeAll(async () => {
  const db = database.db;
  const cast = await loadCast(db);
  const cycle = await db
    .selectFrom("cycle")
    .select("id")
    .where("status", "=", "released")
    .orderBy("released_at", "desc")
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom("participant_team")
    .innerJoin("participant", "participant.id", "participant_team.participant_id")
    .select(["participant.id", "participant.person_id", "participant.manager_person_id"])
    .where("participant_team.cycle_id", "=", cycle.id)
    .where("participant_team.team_id", "=", cast.team.id)
    .where("participant_team.depth", "=", 0)
    .orderBy("participant.id")
    .execute();
  const others = members.filter((member) => member.person_id !== cast.teamLead.id);
  const [a, b, c, ...rest] = others;
  if (!a || !b || !c) throw new Error("The demo team has at least four participants");
  expect(a.manager_person_id).toBe(cast.teamLead.id);
  // The team now has results for its lead and three members only; nobody shares.
  if (rest.length > 0) {
    await db
      .deleteFrom("competency_score")
      .where("cycle_id", "=", cycle.id)
      .where(
        "participant_id",
        "in",
        rest.map((member) => member.id),
      )
      .execute();
  }
  await db
    .updateTable("participant")
    .set({ shared_with_lead_at: null })
    .where("cycle_id", "=", cycle.id)
    .execute();
  await db.deleteFrom("audit_log").where("action", "=", "report_viewed_by_lead").execute();
  scene = { cast, cycleId: cycle.id, a: a.id, b: b.id, c: c.id };
});

async function personOf(participantId: string) {
  const row = await database.db
    .selectFrom("participant")
    .select("person_id")
    .where("id", "=", participantId)
    .executeTakeFirstOrThrow();
  return row.person_id;
}

async function shownKeys(viewerId: string, teamId: string): Promise<string[]> {
  const { figures } = await loadCycleFigures(database.db, scene.cycleId, viewerId);
  const team = figures.teams.get(teamId);
  if (!team) throw new Error("No figures for the team");
  return Object.entries(team.competencies)
    .filter(([, figure]) => figure.shown)
    .map(([key]) => key);
}

async function leadSeesTeam(cycleIds: string[]) {
  await recordAudit(database.db, {
    organisationId: scene.cast.organisationId,
    actorPersonId: scene.cast.teamLead.id,
    action: "team_profile_viewed",
    subjectType: "team",
    subjectId: scene.cast.team.id,
    details: { cycleIds, teamIds: [scene.cast.team.id] },
  });
}

describe("sharing with a lead who has seen the team profile", () => {
  it("is allowed while the lead has seen no team figure of this round", async () => {
    // The lead knows only their own results: four with results, three unknown, k = 3.
    expect(await shownKeys(scene.cast.teamLead.id, scene.cast.team.id)).not.toEqual([]);
    expect(await sharingWouldExposeColleague(database.db, scene.a)).toBe(false);
    await leadSeesTeam(["some-other-cycle"]);
    expect(await sharingWouldExposeColleague(database.db, scene.a)).toBe(false);
    const state = await loadSharingState(database.db, scene.a);
    expect(state).toMatchObject({ possible: true, shared: false, blocked: false });
  });

  it("is refused once the lead has seen it, because two unknown members would remain", async () => {
    await leadSeesTeam([scene.cycleId]);
    expect(await sharingWouldExposeColleague(database.db, scene.a)).toBe(true);
    const state = await loadSharingState(database.db, scene.a);
    expect(state).toMatchObject({ possible: true, shared: false, blocked: true });

    const user = await currentUserOf(database.db, await personOf(scene.a));
    expect(await setSharing(database.db, user, scene.a, true)).toBe("blocked");
    // The report page's form answers 409 when posted anyway (the page shows no button).
    const cookie = await signedInCookie(database.db, await personOf(scene.a));
    const outcome = await call(
      reportAction,
      postRequest(`/rapporten/${scene.a}`, [["intent", "share"]], { cookie }),
      { params: { participantId: scene.a } },
    );
    expect(statusOf(outcome)).toBe(409);
    expect(await responseOf(outcome).text()).toBe("Delen is nu niet mogelijk.");
    const row = await database.db
      .selectFrom("participant")
      .select("shared_with_lead_at")
      .where("id", "=", scene.a)
      .executeTakeFirstOrThrow();
    expect(row.shared_with_lead_at).toBeNull();
  });

  it("counts only what the receiving lead has seen, not views by HR", async () => {
    await database.db
      .deleteFrom("audit_log")
      .where("action", "=", "team_profile_viewed")
      .where("actor_person_id", "=", scene.cast.teamLead.id)
      .execute();
    await recordAudit(database.db, {
      organisationId: scene.cast.organisationId,
      actorPersonId: scene.cast.hr.id,
      action: "team_profile_viewed",
      details: { cycleIds: [scene.cycleId], teamIds: [scene.cast.team.id] },
    });
    expect(await sharingWouldExposeColleague(database.db, scene.a)).toBe(false);
  });

  it("withholds the figure from the lead instead when the share came first", async () => {
    const user = await currentUserOf(database.db, await personOf(scene.b));
    expect(await setSharing(database.db, user, scene.b, true)).toBe("changed");
    const { figures } = await loadCycleFigures(database.db, scene.cycleId, scene.cast.teamLead.id);
    const team = figures.teams.get(scene.cast.team.id);
    const reasons = Object.values(team?.competencies ?? {}).map((figure) =>
      figure.shown ? "shown" : figure.reason,
    );
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons).not.toContain("shown");
    expect(reasons).toContain("known_members");
    // HR knows none of them and still sees the team.
    expect(await shownKeys(scene.cast.hr.id, scene.cast.team.id)).not.toEqual([]);
  });

  it("always lets a participant stop sharing", async () => {
    await leadSeesTeam([scene.cycleId]);
    const user = await currentUserOf(database.db, await personOf(scene.b));
    expect(await setSharing(database.db, user, scene.b, false)).toBe("changed");
  });
});
