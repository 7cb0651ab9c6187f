import { describe, expect, it } from "vitest";
import {
  countNominations,
  hasRoomFor,
  limitProblems,
  limitsFor,
  type CycleLimitSettings,
} from "~/nominations/limits";

const cycle: CycleLimitSettings = {
  colleague_min: 3,
  colleague_max: 8,
  customer_min: 0,
  customer_max: 5,
  report_min: 2,
  report_max: 4,
  include_reports_group: 0,
};

describe("limitsFor", () => {
  it("gives colleagues and customers their limits from the cycle", () => {
    expect(limitsFor(cycle, 0)).toEqual([
      { group: "colleague", min: 3, max: 8 },
      { group: "customer", min: 0, max: 5 },
    ]);
  });

  it("adds the reports group only when the cycle includes it and the participant leads someone", () => {
    expect(limitsFor(cycle, 6).map((limit) => limit.group)).toEqual(["colleague", "customer"]);
    const withReports = { ...cycle, include_reports_group: 1 as const };
    expect(limitsFor(withReports, 0).map((limit) => limit.group)).toEqual([
      "colleague",
      "customer",
    ]);
    expect(limitsFor(withReports, 6).at(-1)).toEqual({ group: "report", min: 2, max: 4 });
  });

  it("caps the reports minimum at the number of direct reports", () => {
    const withReports = { ...cycle, include_reports_group: 1 as const };
    expect(limitsFor(withReports, 1).at(-1)).toEqual({ group: "report", min: 1, max: 4 });
  });
});

describe("countNominations", () => {
  it("counts proposed and approved nominations per group, never removed ones, self or manager", () => {
    expect(
      countNominations([
        { relationship: "colleague", status: "proposed" },
        { relationship: "colleague", status: "approved" },
        { relationship: "colleague", status: "removed" },
        { relationship: "customer", status: "proposed" },
        { relationship: "report", status: "removed" },
        { relationship: "self", status: "approved" },
        { relationship: "manager", status: "approved" },
      ]),
    ).toEqual({ colleague: 2, customer: 1, report: 0 });
  });
});

describe("limitProblems", () => {
  const limits = limitsFor(cycle, 0);

  it("is empty when every group is within its limits (both ends included)", () => {
    expect(limitProblems(limits, { colleague: 3, customer: 0, report: 0 })).toEqual([]);
    expect(limitProblems(limits, { colleague: 8, customer: 5, report: 0 })).toEqual([]);
  });

  it("names each group under its minimum or over its maximum, in the order of the limits", () => {
    expect(limitProblems(limits, { colleague: 2, customer: 6, report: 9 })).toEqual([
      { group: "colleague", kind: "too_few", count: 2, min: 3, max: 8 },
      { group: "customer", kind: "too_many", count: 6, min: 0, max: 5 },
    ]);
  });
});

describe("hasRoomFor", () => {
  const limits = limitsFor(cycle, 0);

  it("allows one more below the maximum and refuses at the maximum", () => {
    expect(hasRoomFor(limits, { colleague: 7, customer: 0, report: 0 }, "colleague")).toBe(true);
    expect(hasRoomFor(limits, { colleague: 8, customer: 0, report: 0 }, "colleague")).toBe(false);
  });

  it("refuses a group that is not part of the nominations", () => {
    expect(hasRoomFor(limits, { colleague: 0, customer: 0, report: 0 }, "report")).toBe(false);
  });

  it("refuses everything in a group whose maximum is zero", () => {
    const noCustomers = limitsFor({ ...cycle, customer_max: 0 }, 0);
    expect(hasRoomFor(noCustomers, { colleague: 0, customer: 0, report: 0 }, "customer")).toBe(
      false,
    );
  });
});
