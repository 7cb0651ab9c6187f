import { describe, expect, it } from "vitest";
import { isSameRater, judgeVoice, keepOneVoice, type PlannedVoice } from "~/invitations/one-voice";

const anna = { personId: "p-anna", email: "anna@rondedam.example" };
const bram = { personId: "p-bram", email: "bram@rondedam.example" };

describe("isSameRater", () => {
  it("is the same person, or the same address whatever its case and surrounding spaces", () => {
    expect(isSameRater(bram, { personId: "p-bram", email: "b.other@rondedam.example" })).toBe(true);
    expect(isSameRater({ personId: null, email: " BRAM@Rondedam.example" }, bram)).toBe(true);
    expect(isSameRater({ personId: null, email: "klant@x.example" }, bram)).toBe(false);
    // Two outsiders have no person: only their addresses count.
    expect(
      isSameRater(
        { personId: null, email: "a@x.example" },
        { personId: null, email: "b@x.example" },
      ),
    ).toBe(false);
  });
});

describe("judgeVoice", () => {
  const judge = (overrides: Partial<Parameters<typeof judgeVoice>[0]>) =>
    judgeVoice({
      participant: anna,
      rater: bram,
      relationship: "colleague",
      invited: [],
      ...overrides,
    });

  it("accepts a rater not invited for the participant yet", () => {
    expect(judge({})).toBeNull();
  });

  it("refuses a rater invited before, in whatever state that invitation is (withdrawn too)", () => {
    expect(judge({ invited: [{ personId: null, email: "Bram@rondedam.example" }] })).toBe(
      "already_invited",
    );
    expect(judge({ invited: [{ personId: "p-bram", email: "old@rondedam.example" }] })).toBe(
      "already_invited",
    );
    expect(judge({ relationship: "customer", invited: [bram] })).toBe("already_invited");
  });

  it("lets the participant rate themself only as self, and nobody else as self", () => {
    expect(judge({ rater: anna, relationship: "self" })).toBeNull();
    expect(judge({ rater: { personId: null, email: "ANNA@rondedam.example" } })).toBe("self");
    expect(judge({ rater: anna, relationship: "manager" })).toBe("self");
    expect(judge({ relationship: "self" })).toBe("not_self");
    expect(judge({ rater: anna, relationship: "self", invited: [anna] })).toBe("already_invited");
  });
});

describe("keepOneVoice", () => {
  const plan = (
    participantId: string,
    raterEmail: string,
    raterPersonId: string | null = null,
    relationship: PlannedVoice["relationship"] = "colleague",
  ): PlannedVoice => ({ participantId, raterEmail, raterPersonId, relationship });

  it("keeps the first plan of each rater per participant, checked against what exists", () => {
    const voices = new Map([
      ["part-anna", { participant: anna, invited: [{ personId: null, email: "k@x.example" }] }],
      ["part-bram", { participant: bram, invited: [] }],
    ]);
    const plans = [
      plan("part-anna", "K@X.example"),
      plan("part-anna", "c@x.example"),
      plan("part-anna", " C@x.example "),
      plan("part-bram", "c@x.example"),
      plan("part-bram", "bram.new@rondedam.example", "p-bram"),
      plan("part-nobody", "c@x.example"),
    ];
    const { accepted, refused } = keepOneVoice(plans, voices);
    expect(accepted).toEqual([plans[1], plans[3]]);
    expect(
      refused.map(({ plan: refusedPlan, reason }) => [plans.indexOf(refusedPlan), reason]),
    ).toEqual([
      [0, "already_invited"],
      [2, "already_invited"],
      [4, "self"],
      [5, "unknown_participant"],
    ]);
  });
});
