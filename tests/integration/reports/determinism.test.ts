import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NOW } from "../../support/clock";
import { contentOf, reportRows, type ReportRow } from "./helpers";
import { releasedCycles } from "../../support/demo-cast";
import { createDemoDatabase } from "../../support/database";

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
