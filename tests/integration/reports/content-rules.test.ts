import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { computeCycleReports } from "~/reports/release.server";
import { createDemoDatabase, useTestDatabase } from "../../support/database";
import { checkAllReports, GROUPS, type CheckedCycle } from "./content-rules";
import { releasedCycles } from "../../support/demo-cast";

const test = useTestDatabase({ seed: true });
const SLOW = 60_000;

describe("the demo's stored reports keep the anonymity rules", () => {
  let checked: CheckedCycle[] = [];

  it(
    "every report of every released cycle: figures, comments, summary, norm, trend",
    async () => {
      checked = await checkAllReports(test.db);
      expect(checked.length).toBeGreaterThanOrEqual(1);
      expect(checked.every(({ rows }) => rows.length > 0)).toBe(true);
    },
    SLOW,
  );

  it("is not a vacuous check: the demo has what the rules are about", async () => {
    if (checked.length === 0) checked = await checkAllReports(test.db);
    const reports = checked.flatMap(({ raw, rows, contents }) =>
      rows.map((row, index) => ({ raw, row, content: contents[index]! })),
    );
    expect(reports.length).toBeGreaterThanOrEqual(20);
    // A group that answered but is too small to be shown on its own.
    const suppressed = reports.filter(({ raw, row, content }) => {
      const raters = raw.responses.get(row.participant_id) ?? [];
      return GROUPS.some((group) => {
        const n = raters.filter((rater) => rater.relationship === group).length;
        return n > 0 && n < raw.cycle.min_group_size && !content.visibleGroups.includes(group);
      });
    });
    expect(suppressed.length).toBeGreaterThan(0);
    // Groups shown as a series of their own, and "all others" shown.
    expect(reports.some(({ content }) => content.visibleGroups.length > 0)).toBe(true);
    expect(
      reports.some(({ content }) => content.competencies.some((c) => c.figures.others !== null)),
    ).toBe(true);
    // Comments with and without a group label, and the participant's own.
    const comments = reports.flatMap(({ content }) => [
      ...content.competencies.flatMap((c) => c.comments),
      ...content.generalComments.flatMap((g) => g.comments),
    ]);
    expect(comments.some((comment) => comment.group === null)).toBe(true);
    expect(comments.some((comment) => comment.group === "self")).toBe(true);
    expect(comments.some((comment) => comment.group !== null && comment.group !== "self")).toBe(
      true,
    );
    // Blind spots and hidden strengths occur.
    expect(reports.some(({ content }) => content.summary.blindSpots.length > 0)).toBe(true);
    expect(reports.some(({ content }) => content.summary.hiddenStrengths.length > 0)).toBe(true);
    // Reports on more than one profile: participants rated on their own function profile.
    const profiles = new Set(
      reports.map(({ content }) => content.competencies.map((c) => c.key).join(" ")),
    );
    expect(profiles.size).toBeGreaterThan(1);
    // A norm where a cycle has enough participants.
    expect(checked.some(({ contents }) => contents[0]?.norm !== null)).toBe(true);
  });
});

/**
 * The same demo answers under other settings: the released cycles' reports recomputed (oldest
 * release first, as a real release would have) and checked against the same rules.
 */
describe.each([
  { k: 3, managerIdentifiable: true },
  { k: 4, managerIdentifiable: false },
  { k: 2, managerIdentifiable: false },
  { k: 5, managerIdentifiable: true },
])("with k = $k and managerIdentifiable = $managerIdentifiable", (settings) => {
  let db: DB;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, cleanup } = await createDemoDatabase());
    await db.deleteFrom("report").execute();
    await db
      .updateTable("cycle")
      .set({
        min_group_size: settings.k,
        manager_identifiable: settings.managerIdentifiable ? 1 : 0,
      })
      .execute();
    for (const cycle of await releasedCycles(db)) {
      await computeCycleReports(db, cycle.id, new Date(cycle.released_at!));
    }
  }, SLOW);
  afterAll(async () => {
    await cleanup?.();
  });

  it(
    "every recomputed report keeps the rules",
    async () => {
      const checked = await checkAllReports(db);
      const contents = checked.flatMap((cycle) => cycle.contents);
      expect(contents.length).toBeGreaterThan(0);
      for (const content of contents) {
        expect(content.settings).toEqual(settings);
      }
      if (settings.managerIdentifiable) {
        // The manager is shown as a group of one.
        expect(
          contents.some((content) =>
            content.competencies.some((c) => c.figures.groups.manager?.n === 1),
          ),
        ).toBe(true);
      } else {
        expect(
          contents.every((content) =>
            content.competencies.every((c) => c.figures.groups.manager === undefined),
          ),
        ).toBe(true);
      }
    },
    SLOW,
  );
});
