import { insertionOrder } from "../../support/dialect";
import { expect } from "vitest";
import type { DB } from "#db/database";
import type { TeamProfilePage } from "~/team-profiles/team-profile-model";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, statusOf, valueOf, type Outcome } from "../../support/route-outcome";

// Shared by the team-profile route tests: calling the routes as a person, and the figures
// computed independently from the stored competency_score and participant_team rows.

export async function asPerson(
  db: DB,
  personId: string | null,
  path: string,
  fn: unknown,
  params: Record<string, string> = {},
): Promise<Outcome> {
  const cookie = personId ? await signedInCookie(db, personId) : undefined;
  return call(fn, getRequest(path, { cookie }), { params });
}

/** The page data of a team profile (what the browser receives). */
export function readyProfile(outcome: Outcome): TeamProfilePage {
  expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
  const { profile } = valueOf<{ profile: TeamProfilePage | { status: "no_cycle" } }>(outcome);
  expect(profile.status).toBe("ready");
  return profile as TeamProfilePage;
}

export async function cycleByName(db: DB, fragment: string) {
  return db
    .selectFrom("cycle")
    .selectAll()
    .where("name", "like", `%${fragment}%`)
    .executeTakeFirstOrThrow();
}

/** Per competency: the mean over the team's members (snapshot) of their others_mean, and n. */
export async function independentTeamFigures(
  db: DB,
  cycleId: string,
  teamId: string,
): Promise<Map<string, { mean: number; n: number }>> {
  const rows = await db
    .selectFrom("competency_score")
    .innerJoin("participant_team", (join) =>
      join
        .onRef("participant_team.participant_id", "=", "competency_score.participant_id")
        .onRef("participant_team.cycle_id", "=", "competency_score.cycle_id"),
    )
    .select(["competency_score.competency_key", "competency_score.others_mean"])
    .where("competency_score.cycle_id", "=", cycleId)
    .where("participant_team.team_id", "=", teamId)
    .execute();
  return summarise(rows);
}

/** The organisation norm: every participant of the cycle with a score. */
export async function independentNorm(
  db: DB,
  cycleId: string,
): Promise<Map<string, { mean: number; n: number }>> {
  const rows = await db
    .selectFrom("competency_score")
    .select(["competency_key", "others_mean"])
    .where("cycle_id", "=", cycleId)
    .execute();
  return summarise(rows);
}

function summarise(rows: { competency_key: string; others_mean: number }[]) {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const row of rows) {
    const entry = sums.get(row.competency_key) ?? { sum: 0, n: 0 };
    entry.sum += row.others_mean;
    entry.n += 1;
    sums.set(row.competency_key, entry);
  }
  return new Map([...sums].map(([key, { sum, n }]) => [key, { mean: sum / n, n }] as const));
}

export interface AuditRow {
  action: string;
  subject_id: string | null;
  details: Record<string, unknown> | null;
}

/** The audit entries by the person, in the order they were written. */
export async function auditBy(db: DB, personId: string): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(["action", "subject_id", "details"])
    .where("actor_person_id", "=", personId)
    .orderBy(insertionOrder())
    .execute();
  return rows.map((row) => ({
    action: row.action,
    subject_id: row.subject_id,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  }));
}

/** The CSV's lines without the byte order mark, split on ";" (the test data has no quotes). */
export function csvLines(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => line.split(";"));
}
