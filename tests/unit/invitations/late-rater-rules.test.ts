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

  it("refuses an address that already has a non-revoked invitation, whatever its group", () => {
    const existing = [
      { raterPersonId: null, raterEmail: "Klant@Extern.example", revoked: false },
    ] as const;
    expect(judge({ existing: [...existing] })).toBe("duplicate");
    expect(
      judge({
        rater: { personId: "p-bram", email: "bram@rondedam.example" },
        group: "colleague",
        existing: [{ raterPersonId: "p-bram", raterEmail: "old@rondedam.example", revoked: false }],
      }),
    ).toBe("duplicate");
  });

  it("lets a revoked rater be invited again, with a new link", () => {
    expect(
      judge({
        existing: [{ raterPersonId: null, raterEmail: "klant@extern.example", revoked: true }],
      }),
    ).toBeNull();
  });
});
