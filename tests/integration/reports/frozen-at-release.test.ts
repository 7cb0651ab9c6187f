import { beforeAll, describe, expect, it } from "vitest";
import { finishPendingReleases } from "~/cycles/lifecycle.server";
import { computeCycleReports } from "~/reports/release.server";
import { buildReportPageView } from "~/reports/report-view";
import { createCycleFixture } from "../../support/fixtures/cycle";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, valueOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import {
  collectingCycleId,
  latestReleasedCycle,
  releasedCycles,
  type CycleRow,
} from "../../support/demo-cast";
import {
  contentOf,
  insertLateResponse,
  reportCount,
  reportPage,
  reportRows,
  type ReportLoaderData,
  type ReportRow,
} from "./helpers";

const test = useTestDatabase({ seed: true });
const SLOW = 60_000;

class Rollback extends Error {}

let cycle: CycleRow;
let before: ReportRow[];
/** Two participants of the latest released cycle who get late answers. */
let late: ReportRow[];

beforeAll(async () => {
  cycle = await latestReleasedCycle(test.db);
  before = await reportRows(test.db);
  const ofCycle = before.filter((row) => row.cycle_id === cycle.id);
  late = [ofCycle[0]!, ofCycle[ofCycle.length - 1]!];
});

describe("a report is frozen at release", () => {
  it("the demo's released cycles have their reports, computed at release", async () => {
    const released = await releasedCycles(test.db);
    expect(released.length).toBeGreaterThanOrEqual(1);
    for (const releasedCycle of released) {
      const rows = before.filter((row) => row.cycle_id === releasedCycle.id);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.computed_at).toBe(new Date(releasedCycle.released_at!).toISOString());
      }
    }
    expect(before.every((row) => released.some((c) => c.id === row.cycle_id))).toBe(true);
  });

  it(
    "late answers change nothing stored: computeCycleReports and finishPendingReleases write nothing",
    async () => {
      for (const row of late) {
        await insertLateResponse(test.db, row.participant_id, "colleague", 1);
        await insertLateResponse(test.db, row.participant_id, "customer", 1);
        await insertLateResponse(test.db, row.participant_id, "report", 1);
      }

      // The late answers would change these reports if they were computed now.
      await test.db
        .transaction()
        .execute(async (trx) => {
          await trx.deleteFrom("report").where("cycle_id", "=", cycle.id).execute();
          await computeCycleReports(trx, cycle.id);
          const recomputed = await trx
            .selectFrom("report")
            .select(["participant_id", "content"])
            .where("participant_id", "in", [late[0]!.participant_id, late[1]!.participant_id])
            .execute();
          for (const row of recomputed) {
            const stored = late.find(
              (candidate) => candidate.participant_id === row.participant_id,
            )!;
            expect(row.content).not.toBe(stored.content);
            expect(contentOf(row).responseOverview).not.toEqual(contentOf(stored).responseOverview);
          }
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
      expect(await reportRows(test.db)).toEqual(before);

      for (const releasedCycle of await releasedCycles(test.db)) {
        expect(await computeCycleReports(test.db, releasedCycle.id)).toBe(0);
        expect(
          await computeCycleReports(
            test.db,
            releasedCycle.id,
            new Date("2031-01-01T00:00:00.000Z"),
            () => "another-id",
          ),
        ).toBe(0);
      }
      expect((await finishPendingReleases(test.db)).reports).toBe(0);
      // Byte for byte: content, computed_at, id and all.
      expect(await reportRows(test.db)).toEqual(before);
    },
    SLOW,
  );

  it("computeCycleReports refuses a cycle that is not released, and writes nothing", async () => {
    const collecting = await collectingCycleId(test.db);
    await expect(computeCycleReports(test.db, collecting)).rejects.toThrow(/vrijgegeven/);
    for (const status of ["draft", "nominating", "collecting", "closed"] as const) {
      const fixture = await createCycleFixture(test.db, { invitations: 6, status });
      await expect(computeCycleReports(test.db, fixture.cycleId)).rejects.toThrow(/vrijgegeven/);
    }
    await expect(computeCycleReports(test.db, "no-such-cycle")).rejects.toThrow();
    expect(await reportRows(test.db)).toEqual(before);
  });

  it(
    "the report page shows the stored report and never reads the answers",
    async () => {
      const target = late[0]!;
      const participant = await test.db
        .selectFrom("participant")
        .select(["person_id"])
        .where("id", "=", target.participant_id)
        .executeTakeFirstOrThrow();
      const cookie = await signedInCookie(test.db, participant.person_id);
      const open = async () => {
        const outcome = await call(
          reportPage.loader,
          getRequest(`/rapporten/${target.participant_id}`, { cookie }),
          { params: { participantId: target.participant_id } },
        );
        const data = valueOf<ReportLoaderData>(outcome);
        if (data.report.status !== "ready") throw new Error(describeOutcome(outcome));
        return data.report.view;
      };

      const first = await open();
      // The stored report as it was computed at release, late answers or not (the page gets
      // the participant's view of it).
      const stored = contentOf(target);
      expect(first).toEqual(
        buildReportPageView({
          stored,
          as: "participant",
          releasedOn: first.releasedOn,
          normWithheld: stored.normWithheld!,
          normChosen: false,
        }),
      );

      // Every answer of every released cycle gone: the page still shows the same figures.
      for (const releasedCycle of await releasedCycles(test.db)) {
        const responses = test.db
          .selectFrom("response")
          .select("id")
          .where("cycle_id", "=", releasedCycle.id);
        await test.db.deleteFrom("rating").where("response_id", "in", responses).execute();
        await test.db.deleteFrom("comment").where("response_id", "in", responses).execute();
      }
      const ratingsLeft = await test.db
        .selectFrom("rating")
        .innerJoin("response", "response.id", "rating.response_id")
        .innerJoin("cycle", "cycle.id", "response.cycle_id")
        .select("rating.response_id")
        .where("cycle.status", "=", "released")
        .execute();
      expect(ratingsLeft).toHaveLength(0);
      const second = await open();
      expect(second).toEqual(first);

      await test.db.deleteFrom("response").where("cycle_id", "=", cycle.id).execute();
      const third = await open();
      expect(third).toEqual(first);

      // Nor does a later run of the report jobs touch anything now the answers are gone.
      expect((await finishPendingReleases(test.db)).reports).toBe(0);
      expect(await reportRows(test.db)).toEqual(before);
      expect(await reportCount(test.db)).toBe(before.length);
    },
    SLOW,
  );
});
