import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import type { DB } from "#db/database";
import { computeCycleReports } from "~/reports/release.server";
import { cycleFiguresOf, loadCycleFigureInputs } from "~/team-profiles/cycle-figures.server";
import { NOW } from "../../support/clock";
import { contentOf, reportRows, type ReportRow } from "./helpers";
import { latestReleasedCycle, loadCast, releasedCycles } from "../../support/demo-cast";
import { createDemoDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";

const SLOW = 60_000;
const cleanups: (() => Promise<void>)[] = [];

async function seededReports(seed?: string): Promise<ReportRow[]> {
  const { db, cleanup } = await createDemoDatabase({ seed, fresh: true });
  cleanups.push(cleanup);
  const rows = await reportRows(db);
  expect((await releasedCycles(db)).length).toBeGreaterThanOrEqual(1);
  return rows;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.useRealTimers();
});

describe("the demo's reports are deterministic", () => {
  it(
    "seeding twice (fresh databases, same seed, same frozen date) gives identical report rows",
    async () => {
      const first = await seededReports();
      const second = await seededReports();
      expect(first.length).toBeGreaterThan(0);
      // Every column: id, cycle, participant, format version, content and computed_at.
      expect(second).toEqual(first);
      expect(second.map((row) => row.content)).toEqual(first.map((row) => row.content));
    },
    SLOW,
  );

  it(
    "another seed gives other reports (the comparison above is not trivially equal)",
    async () => {
      const first = await seededReports();
      const other = await seededReports("een-andere-demo");
      expect(other.length).toBeGreaterThan(0);
      expect(other.map((row) => row.id)).not.toEqual(first.map((row) => row.id));
      const figures = (rows: ReportRow[]) =>
        rows.map((row) => contentOf(row).competencies.map((c) => c.figures.others?.mean ?? null));
      expect(figures(other)).not.toEqual(figures(first));
    },
    SLOW,
  );
});

/**
 * Puts the rows of participants and answers in another place than where they were written.
 * PostgreSQL returns rows where they lie (in the order they were written, until an update or
 * a rewrite moves them): CLUSTER rewrites both tables in id order. SQLite returns these
 * tables in key or rowid order, which nothing short of writing them again changes: there this
 * test cannot fail, on PostgreSQL it can.
 */
async function moveStoredRows(db: DB): Promise<void> {
  if (!onPostgres) return;
  await sql`cluster participant using participant_pkey`.execute(db);
  await sql`cluster response using response_pkey`.execute(db);
}

describe("a round's figures do not depend on the order the database returns rows in", () => {
  it(
    "its reports written again, and its team figures, are the same to the last digit",
    async () => {
      const { db, cleanup } = await createDemoDatabase();
      cleanups.push(cleanup);
      const cast = await loadCast(db);
      const cycle = await latestReleasedCycle(db);
      const figures = async () =>
        cycleFiguresOf((await loadCycleFigureInputs(db, cycle.id, cast.hr.id))!).figures;
      const reportsBefore = (await reportRows(db, cycle.id)).map(contentOf);
      const figuresBefore = await figures();
      expect(reportsBefore.length).toBeGreaterThan(5);

      await moveStoredRows(db);
      for (const table of ["report", "competency_score", "participant_team"] as const) {
        await db.deleteFrom(table).where("cycle_id", "=", cycle.id).execute();
      }
      expect(await computeCycleReports(db, cycle.id)).toBe(reportsBefore.length);

      expect((await reportRows(db, cycle.id)).map(contentOf)).toEqual(reportsBefore);
      expect(await figures()).toEqual(figuresBefore);
    },
    SLOW,
  );
});
