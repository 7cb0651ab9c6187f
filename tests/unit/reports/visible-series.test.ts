import { describe, expect, it } from "vitest";
import { visibleSeries } from "~/reports/engine/anonymity";

const hidden = { k: 3, managerIdentifiable: false };

describe("visibleSeries: thresholds and pooling for one item or competency", () => {
  it("shows every group with at least k raters and all others", () => {
    expect(visibleSeries({ colleague: 4, customer: 3 }, hidden)).toEqual({
      groups: ["colleague", "customer"],
      others: true,
    });
  });

  it("hides a small group and, while its pool is under k, the smallest visible group with it", () => {
    // Manager 1 alone would be "all others" minus colleagues minus customers.
    expect(visibleSeries({ manager: 1, colleague: 5, customer: 3 }, hidden)).toEqual({
      groups: ["colleague"],
      others: true,
    });
  });

  it("needs no pooling when the suppressed groups together reach k", () => {
    expect(visibleSeries({ manager: 1, customer: 2, colleague: 4 }, hidden)).toEqual({
      groups: ["colleague"],
      others: true,
    });
  });

  it("shows all others only with N >= k", () => {
    expect(visibleSeries({ colleague: 2 }, hidden)).toEqual({ groups: [], others: false });
    expect(visibleSeries({ colleague: 1, customer: 1, manager: 1 }, hidden)).toEqual({
      groups: [],
      others: true,
    });
  });

  it("keeps an identifiable manager visible and hides all others when that would expose a small pool", () => {
    const identifiable = { k: 3, managerIdentifiable: true };
    expect(visibleSeries({ manager: 1, colleague: 3 }, identifiable)).toEqual({
      groups: ["manager", "colleague"],
      others: true,
    });
    // Others minus the manager would be the two customers.
    expect(visibleSeries({ manager: 1, customer: 2 }, identifiable)).toEqual({
      groups: ["manager"],
      others: false,
    });
  });

  it("applies the threshold k as set (k = 2)", () => {
    expect(
      visibleSeries({ colleague: 2, customer: 2 }, { k: 2, managerIdentifiable: false }),
    ).toEqual({ groups: ["colleague", "customer"], others: true });
  });
});
