import { describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { finishPendingReleases } from "~/cycles/lifecycle.server";
import { competencyScoresOf, computeCycleReports } from "~/reports/release.server";
import type { ReportContent } from "~/reports/report-content";
import { useTestDatabase } from "../../support/database";
import { refuseInserts } from "../../support/failing-writes";

// The inputs of team profiles are frozen with the reports at release (computeCycleReports):
// the "all others" score per competency as the stored report shows it, and the teams the
// participant belonged to at that moment. The demo is released through computeCycleReports.

const test = useTestDatabase({ seed: true });

interface Snapshot {
  scores: {
    participant_id: string;
    cycle_id: string;
    competency_key: string;
    others_mean: number;
  }[];
  teams: { participant_id: string; cycle_id: string; team_id: string; depth: number }[];
}

async function snapshot(db: DB): Promise<Snapshot> {
  return {
    scores: await db
      .selectFrom("competency_score")
      .selectAll()
      .orderBy("participant_id")
      .orderBy("competency_key")
      .execute(),
    teams: await db
      .selectFrom("participant_team")
      .selectAll()
      .orderBy("participant_id")
      .orderBy("depth")
      .execute(),
  };
}

/** The team and every team above it, from the team table as it is now. */
async function teamPathNow(db: DB, teamId: string | null): Promise<string[]> {
  const teams = await db.selectFrom("team").select(["id", "parent_team_id"]).execute();
  const parentOf = new Map(teams.map((team) => [team.id, team.parent_team_id]));
  const path: string[] = [];
  for (let current = teamId; current !== null; current = parentOf.get(current) ?? null) {
    path.push(current);
  }
  return path;
}

async function reportsWithPeople(db: DB) {
  return db
    .selectFrom("report")
    .innerJoin("participant", "participant.id", "report.participant_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .innerJoin("cycle", "cycle.id", "report.cycle_id")
    .select([
      "report.id as report_id",
      "report.content",
      "report.cycle_id",
      "participant.id as participant_id",
      "person.id as person_id",
      "person.team_id",
      "cycle.released_at",
    ])
    .orderBy("participant.id")
    .execute();
}

describe("team-profile inputs written at release", () => {
  it("give every participant with a report their team path (own team first) of that moment", async () => {
    const reports = await reportsWithPeople(test.db);
    expect(reports.length).toBeGreaterThan(40);
    const { teams } = await snapshot(test.db);
    let withTeam = 0;
    for (const report of reports) {
      const expected = (await teamPathNow(test.db, report.team_id)).map((teamId, depth) => ({
        participant_id: report.participant_id,
        cycle_id: report.cycle_id,
        team_id: teamId,
        depth,
      }));
      if (expected.length > 0) withTeam++;
      expect(teams.filter((row) => row.participant_id === report.participant_id)).toEqual(expected);
    }
    // Demo teams sit under a department: depth 0 and 1 both occur.
    expect(withTeam).toBeGreaterThan(40);
    expect(new Set(teams.map((row) => row.depth))).toEqual(new Set([0, 1]));
    // Only participants with a report have rows (not those of the collecting cycle).
    const reported = new Set(reports.map((report) => report.participant_id));
    expect(teams.every((row) => reported.has(row.participant_id))).toBe(true);
  });

  it("store exactly the 'all others' means the stored report shows, none for withheld ones", async () => {
    await giveOneParticipantTooFewRaters(test.db);
    const reports = await reportsWithPeople(test.db);
    const { scores } = await snapshot(test.db);
    let withheld = 0;
    let shown = 0;
    for (const report of reports) {
      const content = JSON.parse(report.content) as ReportContent;
      const expected = content.competencies
        .filter((competency) => competency.figures.others !== null)
        .map((competency) => ({
          participant_id: report.participant_id,
          cycle_id: report.cycle_id,
          competency_key: competency.key,
          others_mean: competency.figures.others!.mean,
        }))
        .sort((a, b) => a.competency_key.localeCompare(b.competency_key));
      withheld += content.competencies.length - expected.length;
      shown += expected.length;
      expect(scores.filter((row) => row.participant_id === report.participant_id)).toEqual(
        expected,
      );
    }
    expect(shown).toBe(scores.length);
    expect(shown).toBeGreaterThan(0);
    // The demo has participants with too few raters: their scores are withheld, so absent.
    expect(withheld).toBeGreaterThan(0);
  });

  it("competencyScoresOf skips withheld and non-numeric means", () => {
    const competency = (key: string, others: { mean: number } | null) =>
      ({ key, figures: { others } }) as unknown as ReportContent["competencies"][number];
    expect(
      competencyScoresOf({
        competencies: [
          competency("a", { mean: 3.5 }),
          competency("b", null),
          competency("c", { mean: Number.NaN }),
          competency("d", { mean: 1 }),
        ],
      }),
    ).toEqual([
      { competencyKey: "a", othersMean: 3.5 },
      { competencyKey: "d", othersMean: 1 },
    ]);
  });

  it("do not change when a person moves to another team after release, nor when reports are computed again", async () => {
    const before = await snapshot(test.db);
    const reports = await reportsWithPeople(test.db);
    const moved = reports.find((report) => report.team_id !== null)!;
    const otherTeam = await test.db
      .selectFrom("team")
      .select("id")
      .where("id", "!=", moved.team_id!)
      .where("parent_team_id", "is not", null)
      .executeTakeFirstOrThrow();
    await test.db
      .updateTable("person")
      .set({ team_id: otherTeam.id })
      .where("id", "=", moved.person_id)
      .execute();

    const cycles = [...new Set(reports.map((report) => report.cycle_id))];
    for (const cycleId of cycles) {
      expect(await computeCycleReports(test.db, cycleId)).toBe(0);
    }
    expect((await finishPendingReleases(test.db)).reports).toBe(0);

    expect(await snapshot(test.db)).toEqual(before);
  });

  it("are written with a report computed later, in the team of that moment, once", async () => {
    const reports = await reportsWithPeople(test.db);
    const target = reports.find((report) => report.team_id !== null)!;
    const content = JSON.parse(target.content) as ReportContent;
    const newTeam = await test.db
      .selectFrom("team")
      .select(["id", "parent_team_id"])
      .where("id", "!=", target.team_id!)
      .where("parent_team_id", "is not", null)
      .orderBy("name", "desc")
      .executeTakeFirstOrThrow();
    // The report and its rows are gone (as if the release stopped before this participant),
    // and the person has meanwhile moved.
    await test.db.deleteFrom("report").where("id", "=", target.report_id).execute();
    await test.db
      .deleteFrom("competency_score")
      .where("participant_id", "=", target.participant_id)
      .execute();
    await test.db
      .deleteFrom("participant_team")
      .where("participant_id", "=", target.participant_id)
      .execute();
    await test.db
      .updateTable("person")
      .set({ team_id: newTeam.id })
      .where("id", "=", target.person_id)
      .execute();
    const others = (rows: Snapshot) => ({
      scores: rows.scores.filter((row) => row.participant_id !== target.participant_id),
      teams: rows.teams.filter((row) => row.participant_id !== target.participant_id),
    });
    const before = others(await snapshot(test.db));

    expect(await computeCycleReports(test.db, target.cycle_id)).toBe(1);
    expect(await computeCycleReports(test.db, target.cycle_id)).toBe(0);

    const after = await snapshot(test.db);
    expect(others(after)).toEqual(before);
    expect(after.teams.filter((row) => row.participant_id === target.participant_id)).toEqual([
      {
        participant_id: target.participant_id,
        cycle_id: target.cycle_id,
        team_id: newTeam.id,
        depth: 0,
      },
      {
        participant_id: target.participant_id,
        cycle_id: target.cycle_id,
        team_id: newTeam.parent_team_id,
        depth: 1,
      },
    ]);
    const stored = await test.db
      .selectFrom("report")
      .select("content")
      .where("participant_id", "=", target.participant_id)
      .executeTakeFirstOrThrow();
    const scores = after.scores.filter((row) => row.participant_id === target.participant_id);
    expect(scores.map((row) => [row.competency_key, row.others_mean])).toEqual(
      competencyScoresOf(JSON.parse(stored.content) as ReportContent)
        .map((score) => [score.competencyKey, score.othersMean])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(scores.length).toBe(competencyScoresOf(content).length);
  });

  it("are stored in one transaction with the report: when they fail, the report is not stored either", async () => {
    const reports = await reportsWithPeople(test.db);
    const target = reports.find((report) => report.team_id !== null)!;
    await test.db.deleteFrom("report").where("id", "=", target.report_id).execute();
    await test.db
      .deleteFrom("participant_team")
      .where("participant_id", "=", target.participant_id)
      .execute();
    await test.db
      .deleteFrom("competency_score")
      .where("participant_id", "=", target.participant_id)
      .execute();
    const restore = await refuseInserts(test.db, "participant_team", "refused by test");
    try {
      await expect(computeCycleReports(test.db, target.cycle_id)).rejects.toThrow(/refused/);
    } finally {
      await restore();
    }
    const ofTarget = (table: "report" | "competency_score" | "participant_team") =>
      test.db
        .selectFrom(table)
        .select("cycle_id")
        .where("participant_id", "=", target.participant_id)
        .execute();
    expect(await ofTarget("report")).toEqual([]);
    expect(await ofTarget("competency_score")).toEqual([]);
    expect(await ofTarget("participant_team")).toEqual([]);

    expect(await computeCycleReports(test.db, target.cycle_id)).toBe(1);
    expect((await ofTarget("report")).length).toBe(1);
    expect((await ofTarget("participant_team")).length).toBeGreaterThan(0);
  });
});

/**
 * One participant of the newest released cycle keeps only two other raters (k = 3), and their
 * report is written again as a release would: its "all others" figures are withheld.
 */
async function giveOneParticipantTooFewRaters(db: DB) {
  const cycle = await db
    .selectFrom("cycle")
    .select("id")
    .where("status", "=", "released")
    .orderBy("released_at", "desc")
    .executeTakeFirstOrThrow();
  const responses = await db
    .selectFrom("response")
    .select(["id", "participant_id"])
    .where("cycle_id", "=", cycle.id)
    .where("relationship", "!=", "self")
    .orderBy("participant_id")
    .orderBy("id")
    .execute();
  const participantId = responses[0]!.participant_id;
  const dropped = responses
    .filter((response) => response.participant_id === participantId)
    .slice(2)
    .map((response) => response.id);
  expect(dropped.length).toBeGreaterThan(0);
  await db.deleteFrom("rating").where("response_id", "in", dropped).execute();
  await db.deleteFrom("comment").where("response_id", "in", dropped).execute();
  await db.deleteFrom("response").where("id", "in", dropped).execute();
  for (const table of ["competency_score", "participant_team", "report"] as const) {
    await db.deleteFrom(table).where("participant_id", "=", participantId).execute();
  }
  expect(await computeCycleReports(db, cycle.id)).toBe(1);
}
