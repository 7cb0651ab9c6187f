import { describe, expect, it } from "vitest";
import {
  judgeCandidate,
  sameAddress,
  type CandidateCase,
  type ExistingNomination,
} from "~/nominations/candidate-rules";
import { limitsFor } from "~/nominations/limits";

const settings = {
  colleague_min: 1,
  colleague_max: 2,
  customer_min: 0,
  customer_max: 1,
  report_min: 0,
  report_max: 2,
  include_reports_group: 1 as const,
};

function base(overrides: Partial<CandidateCase> = {}): CandidateCase {
  return {
    side: "participant",
    group: "colleague",
    rater: { personId: "p-colleague", email: "collega@rondedam.example" },
    participant: { personId: "p-self", email: "zelf@rondedam.example" },
    manager: { personId: "p-manager", email: "baas@rondedam.example" },
    directReportIds: new Set(["p-report"]),
    limits: limitsFor(settings, 1),
    existing: [],
    ...overrides,
  };
}

const nomination = (overrides: Partial<ExistingNomination>): ExistingNomination => ({
  id: "n1",
  relationship: "colleague",
  status: "proposed",
  raterPersonId: null,
  raterEmail: "iemand@example.org",
  ...overrides,
});

describe("judgeCandidate", () => {
  it("adds a colleague from the directory", () => {
    expect(judgeCandidate(base())).toEqual({ verdict: "add" });
  });

  it("refuses the participant and the manager, by person and by address in any case", () => {
    expect(judgeCandidate(base({ rater: { personId: "p-self", email: "x@y.nl" } }))).toEqual({
      verdict: "refuse",
      reason: "self",
    });
    expect(
      judgeCandidate(
        base({ group: "customer", rater: { personId: null, email: " Zelf@Rondedam.example " } }),
      ),
    ).toEqual({ verdict: "refuse", reason: "self" });
    expect(
      judgeCandidate(base({ rater: { personId: "p-manager", email: "baas@rondedam.example" } })),
    ).toEqual({ verdict: "refuse", reason: "manager" });
    expect(
      judgeCandidate(
        base({ group: "customer", rater: { personId: null, email: "BAAS@rondedam.example" } }),
      ),
    ).toEqual({ verdict: "refuse", reason: "manager" });
  });

  it("does not mind a missing manager", () => {
    expect(judgeCandidate(base({ manager: null }))).toEqual({ verdict: "add" });
  });

  it("refuses anyone nominated already, in any group, by person or by address", () => {
    const existing = [
      nomination({ raterPersonId: "p-colleague", raterEmail: "collega@rondedam.example" }),
    ];
    expect(judgeCandidate(base({ existing }))).toEqual({
      verdict: "refuse",
      reason: "already_nominated",
    });
    expect(
      judgeCandidate(
        base({
          group: "customer",
          rater: { personId: null, email: "COLLEGA@rondedam.example" },
          existing,
        }),
      ),
    ).toEqual({ verdict: "refuse", reason: "already_nominated" });
  });

  it("lets only the lead bring back a rater the lead removed", () => {
    const existing = [nomination({ id: "gone", raterPersonId: "p-colleague", status: "removed" })];
    expect(judgeCandidate(base({ existing }))).toEqual({
      verdict: "refuse",
      reason: "removed_by_lead",
    });
    expect(judgeCandidate(base({ existing, side: "lead" }))).toEqual({
      verdict: "reinstate",
      nominationId: "gone",
    });
  });

  it("enforces the maximum for everyone, counting only active nominations", () => {
    const full = [
      nomination({ id: "a", raterEmail: "a@example.org" }),
      nomination({ id: "b", raterEmail: "b@example.org", status: "approved" }),
    ];
    expect(judgeCandidate(base({ existing: full }))).toEqual({
      verdict: "refuse",
      reason: "group_full",
    });
    expect(judgeCandidate(base({ existing: full, side: "lead" }))).toEqual({
      verdict: "refuse",
      reason: "group_full",
    });
    const oneRemoved = [full[0]!, { ...full[1]!, status: "removed" as const }];
    expect(judgeCandidate(base({ existing: oneRemoved }))).toEqual({ verdict: "add" });
  });

  it("keeps direct reports in their own group when the round has one", () => {
    const report = { personId: "p-report", email: "medewerker@rondedam.example" };
    expect(judgeCandidate(base({ group: "report", rater: report }))).toEqual({ verdict: "add" });
    expect(judgeCandidate(base({ group: "colleague", rater: report }))).toEqual({
      verdict: "refuse",
      reason: "direct_report_as_colleague",
    });
    expect(judgeCandidate(base({ group: "report" }))).toEqual({
      verdict: "refuse",
      reason: "not_direct_report",
    });
  });

  it("treats a direct report as a colleague when the round has no reports group", () => {
    const limits = limitsFor({ ...settings, include_reports_group: 0 }, 1);
    const report = { personId: "p-report", email: "medewerker@rondedam.example" };
    expect(judgeCandidate(base({ limits, rater: report }))).toEqual({ verdict: "add" });
    expect(judgeCandidate(base({ limits, group: "report", rater: report }))).toEqual({
      verdict: "refuse",
      reason: "group_closed",
    });
  });
});

describe("sameAddress", () => {
  it("ignores case and surrounding spaces", () => {
    expect(sameAddress(" A.B@Example.org", "a.b@example.ORG ")).toBe(true);
    expect(sameAddress("a.b@example.org", "ab@example.org")).toBe(false);
  });
});
