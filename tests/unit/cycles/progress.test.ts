import { describe, expect, it } from "vitest";
import {
  countGroups,
  discloseGroups,
  fewestActive,
  othersProgress,
  responseRate,
  thresholdOutlook,
  type InvitationFacts,
} from "~/cycles/progress";

const LAUNCH = "2030-03-04T07:00:00.000Z";
const DAY_2 = "2030-03-05T07:00:00.000Z";
const DAY_3 = "2030-03-06T07:00:00.000Z";

const invitation = (
  relationship: InvitationFacts["relationship"],
  status: InvitationFacts["status"] = "open",
  times: { createdAt?: string; revokedAt?: string | null; declinedAt?: string | null } = {},
): InvitationFacts => ({
  relationship,
  status,
  createdAt: times.createdAt ?? LAUNCH,
  revokedAt: times.revokedAt ?? null,
  declinedAt: times.declinedAt ?? null,
});

describe("fewestActive", () => {
  it("counts a decline as leaving the group: of two, one declined, the other is alone", () => {
    expect(
      fewestActive([
        invitation("customer", "declined", { declinedAt: DAY_2 }),
        invitation("customer"),
      ]),
    ).toBe(1);
    // A decline and a later withdrawal of the same invitation leave once.
    expect(
      fewestActive([
        invitation("colleague", "declined", { declinedAt: DAY_2, revokedAt: DAY_3 }),
        invitation("colleague"),
        invitation("colleague"),
      ]),
    ).toBe(2);
  });

  it("is the group's size when nothing changed since the launch", () => {
    expect(fewestActive([invitation("colleague"), invitation("colleague")])).toBe(2);
    expect(fewestActive([invitation("manager")])).toBe(1);
  });

  it("sees a group that was of one for a while: a late second rater does not undo it", () => {
    expect(
      fewestActive([invitation("customer"), invitation("customer", "open", { createdAt: DAY_2 })]),
    ).toBe(1);
  });

  it("sees the moment all but one were withdrawn, also when a rater is added at that moment", () => {
    const three = [
      invitation("colleague", "open", { revokedAt: DAY_2 }),
      invitation("colleague", "open", { revokedAt: DAY_2 }),
      invitation("colleague"),
    ];
    expect(fewestActive(three)).toBe(1);
    expect(fewestActive([...three, invitation("colleague", "open", { createdAt: DAY_2 })])).toBe(1);
    expect(
      fewestActive([
        invitation("colleague", "open", { revokedAt: DAY_3 }),
        invitation("colleague"),
        invitation("colleague", "open", { createdAt: DAY_2 }),
      ]),
    ).toBe(2);
  });
});

describe("discloseGroups", () => {
  const groups = countGroups([
    invitation("self", "submitted"),
    invitation("manager", "submitted"),
    invitation("colleague", "submitted"),
    invitation("colleague", "declined"),
    invitation("colleague"),
    invitation("customer", "declined"),
  ]);

  it("while the round runs, shows groups of one without answers or declines, and self always", () => {
    const shown = discloseGroups(groups, true);
    expect(shown).toEqual([
      {
        relationship: "self",
        shown: true,
        invited: 1,
        answered: 1,
        declined: 0,
        revoked: 0,
      },
      { relationship: "manager", shown: false, invited: 1, revoked: 0 },
      {
        relationship: "colleague",
        shown: true,
        invited: 3,
        answered: 1,
        declined: 1,
        revoked: 0,
      },
      { relationship: "customer", shown: false, invited: 1, revoked: 0 },
    ]);
    // Nothing about the withheld groups' answers reaches the view, not even as a field.
    expect(JSON.stringify(shown.filter((group) => !group.shown))).not.toMatch(/answered|declined/);
  });

  it("shows everything once the round no longer runs", () => {
    expect(discloseGroups(groups, false).every((group) => group.shown)).toBe(true);
  });

  it("keeps totals and the outlook the same whatever a withheld rater does", () => {
    const views = (["open", "submitted", "declined"] as const).map((managerStatus) =>
      discloseGroups(
        countGroups([
          invitation("self", "submitted"),
          invitation("manager", managerStatus),
          invitation("colleague", "submitted"),
          invitation("colleague", "submitted"),
        ]),
        true,
      ),
    );
    for (const view of views) {
      expect(view).toEqual(views[0]);
      expect(responseRate(view)).toEqual({ answered: 3, invited: 3 });
      expect(othersProgress(view)).toEqual({ answered: 2, possible: 3 });
      expect(thresholdOutlook(view, 3)).toBe("waiting");
      expect(thresholdOutlook(view, 2)).toBe("enough");
    }
  });
});

describe("thresholdOutlook and responseRate after the round", () => {
  it("count every group once all are shown", () => {
    const view = discloseGroups(
      countGroups([
        invitation("self", "submitted"),
        invitation("manager", "declined"),
        invitation("colleague", "submitted"),
        invitation("colleague", "submitted", { revokedAt: DAY_2 }),
      ]),
      false,
    );
    expect(responseRate(view)).toEqual({ answered: 3, invited: 3 });
    expect(othersProgress(view)).toEqual({ answered: 2, possible: 1 });
    expect(thresholdOutlook(view, 2)).toBe("enough");
    expect(thresholdOutlook(view, 3)).toBe("at_risk");
  });
});
