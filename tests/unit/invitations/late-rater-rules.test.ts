import { describe, expect, it } from "vitest";
import {
  judgeLateRater,
  lateRaterGroups,
  type LateRaterCase,
} from "~/invitations/late-rater-rules";

const participant = { personId: "p-anna", email: "anna@rondedam.example" };

function judge(overrides: Partial<LateRaterCase>) {
  return judgeLateRater({
    participant,
    rater: { personId: null, email: "klant@extern.example" },
    group: "customer",
    groups: lateRaterGroups(false),
    existing: [],
    ...overrides,
  });
}

describe("lateRaterGroups", () => {
  it("offers colleagues and customers, and direct reports only when the cycle has that group", () => {
    expect(lateRaterGroups(false)).toEqual(["colleague", "customer"]);
    expect(lateRaterGroups(true)).toEqual(["colleague", "customer", "report"]);
  });
});

describe("judgeLateRater", () => {
  it("accepts someone new", () => {
    expect(judge({})).toBeNull();
  });

  it("refuses the participant, by person or by address in any case", () => {
    expect(judge({ rater: { personId: "p-anna", email: "other@x.example" } })).toBe("self");
    expect(judge({ rater: { personId: null, email: " ANNA@rondedam.example" } })).toBe("self");
  });

  it("refuses a group the cycle does not have", () => {
    expect(judge({ group: "report" })).toBe("group_closed");
    expect(judge({ group: "report", groups: lateRaterGroups(true) })).toBeNull();
  });

  it("refuses a rater who already has an invitation, by address in any case or by person, whatever its group", () => {
    expect(judge({ existing: [{ personId: null, email: "Klant@Extern.example " }] })).toBe(
      "duplicate",
    );
    expect(
      judge({
        rater: { personId: "p-bram", email: "bram@rondedam.example" },
        group: "colleague",
        existing: [{ personId: "p-bram", email: "old@rondedam.example" }],
      }),
    ).toBe("duplicate");
  });

  it("refuses a rater whose invitation was withdrawn: one voice per rater for the whole round", () => {
    // The existing list holds withdrawn invitations too; nothing tells them apart any more.
    expect(judge({ existing: [{ personId: null, email: "klant@extern.example" }] })).toBe(
      "duplicate",
    );
  });
});
