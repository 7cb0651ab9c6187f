import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { finishPendingReleases } from "~/cycles/lifecycle.server";
import { createCycleFixture } from "../../support/fixtures/cycle";
import { NOW } from "../../support/clock";
import { createDemoDatabase, useTestDatabase } from "../../support/database";
import { collectingCycleId, latestReleasedCycle } from "../../support/demo-cast";
import { reportRows, type ReportRow } from "./helpers";

const test = useTestDatabase({ seed: true });
const SLOW = 60_000;

async function participantIds(db: DB, cycleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("participant")
    .select("id")
    .where("cycle_id", "=", cycleId)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

describe("finishPendingReleases (the clock's catch-up of releases)", () => {
  let before: ReportRow[];
  beforeAll(async () => {
    before = await reportRows(test.db);
  });

  it("writes nothing when every participant of a released cycle has a report", async () => {
    expect((await finishPendingReleases(test.db)).reports).toBe(0);
    expect(await reportRows(test.db)).toEqual(before);
  });

  it(
    "writes the missing reports of a released cycle only, and leaves the others as they were",
    async () => {
      const cycle = await latestReleasedCycle(test.db);
      const ofCycle = before.filter((row) => row.cycle_id === cycle.id);
      const removed = [ofCycle[1]!, ofCycle[5]!, ofCycle[ofCycle.length - 2]!];
      await test.db
        .deleteFrom("report")
        .where(
          "id",
          "in",
          removed.map((row) => row.id),
        )
        .execute();
      // Cycles that are not released, with participants and no reports, stay without.
      const closed = await createCycleFixture(test.db, { invitations: 12, status: "closed" });
      const collecting = await collectingCycleId(test.db);
      expect((await participantIds(test.db, collecting)).length).toBeGreaterThan(0);

      expect((await finishPendingReleases(test.db)).reports).toBe(removed.length);

      const after = await reportRows(test.db);
      const kept = (rows: ReportRow[]) =>
        rows.filter((row) => !removed.some((r) => r.participant_id === row.participant_id));
      // Every other report byte-identical.
      expect(kept(after)).toEqual(kept(before));
      // The rewritten ones: the same content (same answers, same norm and trend), computed now.
      for (const old of removed) {
        const rewritten = after.find((row) => row.participant_id === old.participant_id);
        expect(rewritten).toBeDefined();
        expect(rewritten!.id).not.toBe(old.id);
        expect(rewritten!.cycle_id).toBe(cycle.id);
        expect(rewritten!.computed_at).toBe(NOW.toISOString());
        expect(rewritten!.content).toBe(old.content);
      }
      expect(after.filter((row) => row.cycle_id === collecting)).toEqual([]);
      expect(after.filter((row) => row.cycle_id === closed.cycleId)).toEqual([]);

      // Once written, not again.
      expect((await finishPendingReleases(test.db)).reports).toBe(0);
      expect(await reportRows(test.db)).toEqual(after);
    },
    SLOW,
  );

  it(
    "gives a released cycle without any report one per participant",
    async () => {
      const released = await createCycleFixture(test.db, {
        invitations: 18,
        status: "released",
      });
      await test.db
        .updateTable("cycle")
        .set({ released_at: NOW.toISOString() })
        .where("id", "=", released.cycleId)
        .execute();
      const notReleased = await createCycleFixture(test.db, {
        invitations: 12,
        status: "collecting",
      });
      const beforeRun = await reportRows(test.db);
      // The fixture's four participants and three of their own for the 18 invitations.
      const participants = await participantIds(test.db, released.cycleId);
      expect(participants).toHaveLength(7);

      expect((await finishPendingReleases(test.db)).reports).toBe(participants.length);

      const after = await reportRows(test.db);
      const written = after.filter((row) => row.cycle_id === released.cycleId);
      expect(written.map((row) => row.participant_id).sort()).toEqual(participants);
      expect(after.filter((row) => row.cycle_id === notReleased.cycleId)).toEqual([]);
      expect(after.filter((row) => row.cycle_id !== released.cycleId)).toEqual(beforeRun);
      expect((await finishPendingReleases(test.db)).reports).toBe(0);
    },
    SLOW,
  );
});

describe("finishPendingReleases when every report is missing", () => {
  let db: DB;
  let cleanup: (() => Promise<void>) | undefined;
  let original: ReportRow[];
  beforeAll(async () => {
    ({ db, cleanup } = await createDemoDatabase());
    original = await reportRows(db);
  }, SLOW);
  afterAll(async () => {
    await cleanup?.();
  });

  let rebuilt: ReportRow[] = [];
  const withoutTrend = (row: ReportRow) => ({ ...JSON.parse(row.content), trend: undefined });

  it(
    "writes one report per participant of every released cycle, with the same figures",
    async () => {
      expect(original.some((row) => JSON.parse(row.content).trend !== null)).toBe(true);
      await db.deleteFrom("report").execute();

      expect((await finishPendingReleases(db)).reports).toBe(original.length);

      rebuilt = await reportRows(db);
      expect(rebuilt.map((row) => [row.cycle_id, row.participant_id])).toEqual(
        original.map((row) => [row.cycle_id, row.participant_id]),
      );
      for (const [index, row] of rebuilt.entries()) {
        expect(withoutTrend(row), `report of ${row.participant_id}`).toEqual(
          withoutTrend(original[index]!),
        );
      }
      expect((await finishPendingReleases(db)).reports).toBe(0);
    },
    SLOW,
  );

  // Cycles are rebuilt oldest release first, so a spring report finds its earlier round.
  it("keeps the trend against the person's earlier round, as the release computed it", () => {
    expect(rebuilt.length).toBe(original.length);
    for (const [index, row] of rebuilt.entries()) {
      expect(JSON.parse(row.content).trend, `trend of ${row.participant_id}`).toEqual(
        JSON.parse(original[index]!.content).trend,
      );
    }
  });
});
