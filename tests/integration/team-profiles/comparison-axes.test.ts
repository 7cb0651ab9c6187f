import { insertionOrder } from "../../support/dialect";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import { snapshotProfile } from "~/profiles/snapshot.server";
import * as csvRoute from "~/routes/teams.vergelijken[.csv]";
import * as pageRoute from "~/routes/teams.vergelijken";
import { loadCycleFigures } from "~/team-profiles/cycle-figures.server";
import type { ComparisonPageModel } from "~/team-profiles/comparison-model";
import { displayFigure } from "~/team-profiles/display";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, responseOf, statusOf, type Outcome } from "../../support/route-outcome";
import {
  demoProfile,
  latestReleasedCycle,
  loadCast,
  type CycleRow,
  type DemoCast,
} from "../../support/demo-cast";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";

// Comparing teams whose figures come from cycles with different competency profiles: only the
// organisation-wide competencies are shared axes. The test adds a later released cycle on a
// shorter profile (the first cluster left out) in which one team took part fully and another
// with only two members (under k, so all its figures are withheld). Three participants without
// a team make up the rest, so that the norm minus the full team is no group under k.

const test = useTestDatabase({ seed: true });

let cast: DemoCast;
let spring: CycleRow;
let autumnId: string;
let hrCookie: string;
/** A second team of cast.team's department: two members in the later cycle. */
let smallTeamId: string;

beforeAll(async () => {
  const db = test.db;
  cast = await loadCast(db);
  spring = await latestReleasedCycle(db);
  hrCookie = await signedInCookie(db, cast.hr.id);
  smallTeamId = cast.subTeams.find((team) => team.id !== cast.team.id)!.id;

  const full = demoProfile();
  const shorter = { ...full, clusters: full.clusters.slice(1) };
  expect(full.clusters[0]!.competencies.some((competency) => !competency.organisationWide)).toBe(
    true,
  );
  const snapshotId = await snapshotProfile(db, cast.organisationId, shorter);
  autumnId = newId();
  const released = new Date(NOW.getTime() - 24 * 3600_000).toISOString();
  await db
    .insertInto("cycle")
    .values({
      id: autumnId,
      organisation_id: cast.organisationId,
      name: "Extra ronde",
      profile_key: shorter.id,
      profile_snapshot_id: snapshotId,
      status: "released",
      min_group_size: 3,
      released_at: released,
      created_at: released,
      updated_at: released,
    })
    .execute();

  // The spring participants of both teams, with their frozen team path and scores.
  const springMembers = await db
    .selectFrom("participant_team")
    .select(["participant_id", "team_id"])
    .where("cycle_id", "=", spring.id)
    .where("depth", "=", 0)
    .where("team_id", "in", [cast.team.id, smallTeamId])
    .orderBy("participant_id")
    .execute();
  const big = springMembers.filter((row) => row.team_id === cast.team.id);
  const small = springMembers.filter((row) => row.team_id === smallTeamId).slice(0, 2);
  expect(big.length).toBeGreaterThanOrEqual(3);
  expect(small).toHaveLength(2);
  const teamless = (
    await db
      .selectFrom("participant_team")
      .select("participant_id")
      .where("cycle_id", "=", spring.id)
      .where("depth", "=", 0)
      .where("team_id", "not in", [cast.team.id, smallTeamId, cast.otherTeam.id])
      .orderBy("participant_id")
      .limit(3)
      .execute()
  ).map((row) => row.participant_id);
  expect(teamless).toHaveLength(3);
  const keys = new Set(
    shorter.clusters.flatMap((cluster) => cluster.competencies.map((c) => c.id)),
  );
  const copied = [
    ...[...big, ...small].map((row) => ({ id: row.participant_id, withTeam: true })),
    ...teamless.map((id) => ({ id, withTeam: false })),
  ];
  for (const row of copied) {
    const old = await db
      .selectFrom("participant")
      .selectAll()
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    const participantId = newId();
    await db
      .insertInto("participant")
      .values({
        id: participantId,
        cycle_id: autumnId,
        person_id: old.person_id,
        manager_person_id: old.manager_person_id,
        created_at: released,
      })
      .execute();
    // Figures of a cycle count only once every participant's report is written.
    const report = await db
      .selectFrom("report")
      .selectAll()
      .where("participant_id", "=", row.id)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("report")
      .values({ ...report, id: newId(), cycle_id: autumnId, participant_id: participantId })
      .execute();
    if (row.withTeam) {
      const path = await db
        .selectFrom("participant_team")
        .select(["team_id", "depth"])
        .where("participant_id", "=", row.id)
        .execute();
      await db
        .insertInto("participant_team")
        .values(path.map((p) => ({ ...p, participant_id: participantId, cycle_id: autumnId })))
        .execute();
    }
    const scores = await db
      .selectFrom("competency_score")
      .select(["competency_key", "others_mean"])
      .where("participant_id", "=", row.id)
      .execute();
    const kept = scores.filter((score) => keys.has(score.competency_key));
    if (kept.length > 0) {
      await db
        .insertInto("competency_score")
        .values(kept.map((s) => ({ ...s, participant_id: participantId, cycle_id: autumnId })))
        .execute();
    }
  }
});

function url(teamIds: string[], ronde: string, path = "/teams/vergelijken"): string {
  const params = new URLSearchParams({ ronde });
  for (const id of teamIds) params.append("team", id);
  return `${path}?${params}`;
}

function model(outcome: Outcome): ComparisonPageModel {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  return outcome.data as ComparisonPageModel;
}

async function compare(teamIds: string[], ronde: string) {
  const outcome = await call(
    pageRoute.loader,
    getRequest(url(teamIds, ronde), { cookie: hrCookie }),
  );
  expect(statusOf(outcome)).toBe(200);
  return model(outcome).comparison!;
}

describe("teams from cycles with different profiles", () => {
  it("share only the organisation-wide competencies, says so, and shows no norm", async () => {
    const comparison = await compare([cast.team.id, cast.otherTeam.id], "laatste");
    const [team, other] = comparison.teams;
    expect(team!.cycle?.name).toBe("Extra ronde");
    expect(other!.cycle?.name).toBe(spring.name);
    expect(comparison.organisationWideOnly).toBe(true);
    expect(comparison.norm).toBeNull();
    // The cycles are in the audit log, not in the page data.
    const logged = await test.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "team_comparison_viewed")
      .orderBy(insertionOrder(), "desc")
      .executeTakeFirstOrThrow();
    const details = JSON.parse(logged.details!) as { cycleIds: string[] };
    expect(details.cycleIds.sort()).toEqual([autumnId, spring.id].sort());

    const [autumnFigures, springFigures] = await Promise.all([
      loadCycleFigures(test.db, autumnId, cast.hr.id),
      loadCycleFigures(test.db, spring.id, cast.hr.id),
    ]);
    const orgWide = springFigures.competencies.filter((c) => c.organisationWide).map((c) => c.key);
    expect(orgWide.length).toBeGreaterThan(0);
    expect(comparison.axes.map((axis) => axis.key)).toEqual(orgWide);
    expect(comparison.axes.every((axis) => axis.organisationWide)).toBe(true);
    // A competency of the first cluster (not organisation-wide) is not an axis.
    expect(comparison.axes.map((a) => a.key)).not.toContain(springFigures.competencies[0]!.key);

    for (const [compared, figures] of [
      [team!, autumnFigures],
      [other!, springFigures],
    ] as const) {
      const expected = figures.figures.teams.get(compared.id)!;
      for (const axis of comparison.axes) {
        const figure = expected.competencies[axis.key]!;
        expect(compared.cells[axis.key]).toEqual(
          figure.shown
            ? { shown: true, mean: displayFigure(figure.mean), members: figure.members }
            : { shown: false, reason: figure.reason },
        );
      }
    }
    expect(team!.anyShown).toBe(true);
  });

  it("compare on every competency when one cycle is chosen for all", async () => {
    const comparison = await compare([cast.team.id, cast.otherTeam.id], spring.id);
    expect(comparison.organisationWideOnly).toBe(false);
    expect(comparison.axes.some((axis) => !axis.organisationWide)).toBe(true);
  });

  it("name each team's round in the CSV when the rounds differ", async () => {
    const response = responseOf(
      await call(
        csvRoute.loader,
        getRequest(url([cast.team.id, cast.otherTeam.id], "laatste", "/teams/vergelijken.csv"), {
          cookie: hrCookie,
        }),
      ),
    );
    const header = (await response.text()).split("\r\n")[0]!;
    expect(header).toContain(`${cast.team.name} (Extra ronde): gemiddelde`);
    expect(header).toContain(`${cast.otherTeam.name} (${spring.name}): gemiddelde`);
    expect(header).not.toContain("Organisatienorm");
  });
});

describe("teams without figures", () => {
  it("are listed with the reason, never dropped: under k, or not in the round at all", async () => {
    const comparison = await compare([cast.team.id, smallTeamId, cast.otherTeam.id], autumnId);
    expect(comparison.teams.map((team) => team.id)).toEqual([
      cast.team.id,
      smallTeamId,
      cast.otherTeam.id,
    ]);
    const [, small, absent] = comparison.teams;
    expect(small!.anyShown).toBe(false);
    for (const cell of Object.values(small!.cells)) {
      expect(cell).toEqual({ shown: false, reason: "too_few" });
    }
    expect(absent!.anyShown).toBe(false);
    for (const cell of Object.values(absent!.cells)) {
      expect(cell).toEqual({ shown: false, reason: "not_in_cycle" });
    }
    expect(Object.keys(absent!.cells)).toEqual(comparison.axes.map((axis) => axis.key));
  });
});
