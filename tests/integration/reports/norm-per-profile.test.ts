import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { computeCycleReports } from "~/reports/release.server";
import {
  normMinParticipants,
  organisationNorm,
  type ReportContent,
} from "~/reports/report-content";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, valueOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { latestReleasedCycle, type CycleRow } from "../../support/demo-cast";
import {
  contentOf,
  reportPage,
  reportRows,
  type ReportLoaderData,
  type ReportRow,
} from "./helpers";

// A round whose participants are rated on different profiles has a norm for every competency
// of all of them; each stored report carries only those of its own profile, all its page
// shows. The demo's latest round mixes three profiles.

const test = useTestDatabase({ seed: true });

type Norm = NonNullable<ReportContent["norm"]>;

class Rollback extends Error {}

let cycle: CycleRow;
let rows: ReportRow[];
/** The round's norm, worked out here over every report's figures. */
let cycleNorm: Norm;
/** The participants by the competencies of their profile, biggest group first. */
let groups: ReportRow[][];

/** The same norm, up to the order of the sum (this test adds the figures in another). */
function expectNorm(actual: Norm | null | undefined, expected: Norm): void {
  expect(Object.keys(actual ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, figure] of Object.entries(expected)) {
    expect(actual![key]!.participants, key).toBe(figure.participants);
    expect(actual![key]!.mean, key).toBeCloseTo(figure.mean, 12);
  }
}

const keysOf = (row: ReportRow) => contentOf(row).competencies.map((c) => c.key);
const only = (norm: Norm, keys: readonly string[]): Norm =>
  Object.fromEntries(Object.entries(norm).filter(([key]) => keys.includes(key)));

beforeAll(async () => {
  cycle = await latestReleasedCycle(test.db);
  rows = await reportRows(test.db, cycle.id);
  cycleNorm = organisationNorm(rows.map(contentOf), normMinParticipants(cycle.min_group_size))!;
  const byProfile = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = keysOf(row).join(" ");
    byProfile.set(key, [...(byProfile.get(key) ?? []), row]);
  }
  groups = [...byProfile.values()].sort((a, b) => b.length - a.length);
});

/** The report page as its participant gets it, with the norm on the chart. */
async function pageOf(row: ReportRow): Promise<ReportLoaderData> {
  const participant = await test.db
    .selectFrom("participant")
    .select("person_id")
    .where("id", "=", row.participant_id)
    .executeTakeFirstOrThrow();
  const cookie = await signedInCookie(test.db, participant.person_id);
  const outcome = await call(
    reportPage.loader,
    getRequest(`/rapporten/${row.participant_id}?reeks=norm`, { cookie }),
    { params: { participantId: row.participant_id } },
  );
  const data = valueOf<ReportLoaderData>(outcome);
  if (data.report.status !== "ready") throw new Error(describeOutcome(outcome));
  return data;
}

/** Runs `work` on the demo database and undoes it. */
async function undone(work: (trx: DB) => Promise<void>): Promise<void> {
  await expect(
    test.db.transaction().execute(async (trx) => {
      await work(trx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

async function storeNorm(db: DB, row: ReportRow, norm: Norm | null): Promise<void> {
  await db
    .updateTable("report")
    .set({ content: JSON.stringify({ ...contentOf(row), norm }) })
    .where("id", "=", row.id)
    .execute();
}

describe("the organisation norm in a round over several profiles", () => {
  it("each report carries it for its own competencies only", () => {
    // Not vacuous: profiles with competencies of their own, each with a norm.
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      const norm = contentOf(row).norm!;
      expectNorm(norm, only(cycleNorm, keysOf(row)));
      expect(Object.keys(norm).length).toBeLessThan(Object.keys(cycleNorm).length);
    }
  });

  it("the report page shows what it showed when the report carried the round's whole norm", async () => {
    for (const group of groups) {
      for (const row of group.slice(0, 2)) {
        const now = await pageOf(row);
        expect(now.report.status === "ready" && now.report.view.norm?.means).toBeTruthy();
        // As released before: the whole norm, and what this participant may not see of it
        // worked out when read (the same rule as at release).
        const { normWithheld: _withheld, ...whole } = { ...contentOf(row), norm: cycleNorm };
        await test.db
          .updateTable("report")
          .set({ content: JSON.stringify(whole) })
          .where("id", "=", row.id)
          .execute();
        try {
          expect(await pageOf(row)).toEqual(now);
        } finally {
          await test.db
            .updateTable("report")
            .set({ content: row.content })
            .where("id", "=", row.id)
            .execute();
        }
      }
    }
  });

  it("a report written late is the one written at release, also for a profile none of the written ones has", async () => {
    // Every report of the smallest profile's participants is missing, and one of another.
    const missing = [...groups.at(-1)!, groups[0]![0]!];
    const ownKeys = keysOf(missing[0]!).filter(
      (key) => !rows.some((row) => !missing.includes(row) && keysOf(row).includes(key)),
    );
    expect(ownKeys.filter((key) => cycleNorm[key]).length).toBeGreaterThan(0);
    await undone(async (trx) => {
      await trx
        .deleteFrom("report")
        .where(
          "id",
          "in",
          missing.map((row) => row.id),
        )
        .execute();
      expect(await computeCycleReports(trx, cycle.id)).toBe(missing.length);
      const after = await reportRows(trx, cycle.id);
      for (const old of missing) {
        const rewritten = after.find((row) => row.participant_id === old.participant_id);
        expect(rewritten?.content).toBe(old.content);
      }
    });
  });

  it("keeps the norm the round was released with: as the written reports carry it, the rest from the figures", async () => {
    const shifted = (norm: Norm): Norm =>
      Object.fromEntries(
        Object.entries(norm).map(([key, figure]) => [key, { ...figure, mean: figure.mean + 0.25 }]),
      );
    const missing = [...groups.at(-1)!, groups[0]![0]!];
    const carriedBy = (key: string) =>
      rows.some((row) => !missing.includes(row) && keysOf(row).includes(key));

    // Reports of this format: each carries its own competencies' norm.
    await undone(async (trx) => {
      for (const row of rows) {
        if (!missing.includes(row)) await storeNorm(trx, row, shifted(contentOf(row).norm!));
      }
      await trx
        .deleteFrom("report")
        .where(
          "id",
          "in",
          missing.map((row) => row.id),
        )
        .execute();
      await computeCycleReports(trx, cycle.id);
      for (const old of missing) {
        const keys = keysOf(old);
        const norm = contentOf(
          await trx
            .selectFrom("report")
            .select("content")
            .where("participant_id", "=", old.participant_id)
            .executeTakeFirstOrThrow(),
        ).norm!;
        // What a written report shows stays; what none of them shows, nobody has seen.
        expectNorm(
          norm,
          Object.fromEntries(
            keys.flatMap((key) => {
              const figure = (carriedBy(key) ? shifted(cycleNorm) : cycleNorm)[key];
              return figure ? [[key, figure]] : [];
            }),
          ),
        );
      }
    });

    // Reports released before the rule carry the whole norm: every competency from them.
    await undone(async (trx) => {
      for (const row of rows) {
        if (!missing.includes(row)) await storeNorm(trx, row, shifted(cycleNorm));
      }
      await trx
        .deleteFrom("report")
        .where(
          "id",
          "in",
          missing.map((row) => row.id),
        )
        .execute();
      await computeCycleReports(trx, cycle.id);
      for (const old of missing) {
        const stored = await trx
          .selectFrom("report")
          .select("content")
          .where("participant_id", "=", old.participant_id)
          .executeTakeFirstOrThrow();
        expectNorm(contentOf(stored).norm, only(shifted(cycleNorm), keysOf(old)));
      }
    });
  });
});
