import { describe, expect, it } from "vitest";
import type { CycleStatus } from "#db/schema";
import {
  checkTransition,
  CYCLE_STATUSES,
  CYCLE_TRANSITIONS,
  hasInvitations,
  isCycleTransition,
  nextTransition,
  TRANSITIONS,
  type TransitionFacts,
} from "~/cycles/transitions";

const TODAY = "2030-03-04";

function facts(overrides: Partial<TransitionFacts> = {}): TransitionFacts {
  return {
    status: "draft",
    today: TODAY,
    participants: 4,
    nominationDeadline: "2030-03-18",
    answerDeadline: "2030-04-08",
    profileAvailable: true,
    unapprovedParticipants: 0,
    actorHasUnapprovedNominations: false,
    ...overrides,
  };
}

describe("the status flow", () => {
  it("leads draft → nominating → collecting → closed → released, one step from each status", () => {
    const path: CycleStatus[] = ["draft"];
    for (let step = nextTransition("draft"); step; step = nextTransition(path.at(-1)!)) {
      path.push(TRANSITIONS[step].to);
    }
    expect(path).toEqual(["draft", "nominating", "collecting", "closed", "released"]);
    expect(path).toEqual(CYCLE_STATUSES);
  });

  it("has no step out of released and no step back to an earlier status", () => {
    expect(nextTransition("released")).toBeNull();
    for (const transition of CYCLE_TRANSITIONS) {
      const { from, to } = TRANSITIONS[transition];
      expect(CYCLE_STATUSES.indexOf(to), transition).toBe(CYCLE_STATUSES.indexOf(from) + 1);
      expect(from).not.toBe("released");
    }
  });

  it("refuses every step from every status but its own, with the reason wrong_status", () => {
    for (const transition of CYCLE_TRANSITIONS) {
      for (const status of CYCLE_STATUSES) {
        const check = checkTransition(transition, facts({ status }));
        if (status === TRANSITIONS[transition].from) continue;
        expect(check, `${transition} from ${status}`).toEqual({
          allowed: false,
          reasons: ["wrong_status"],
        });
      }
    }
  });

  it("knows its steps by name and which statuses have invitations", () => {
    expect(isCycleTransition("release")).toBe(true);
    expect(isCycleTransition("reopen")).toBe(false);
    expect(isCycleTransition(undefined)).toBe(false);
    expect(CYCLE_STATUSES.filter(hasInvitations)).toEqual(["collecting", "closed", "released"]);
  });
});

describe("start nominating", () => {
  it("is allowed with participants, a profile and deadlines today or later, without confirmation", () => {
    expect(checkTransition("start-nominating", facts())).toEqual({
      allowed: true,
      confirmation: null,
    });
    expect(
      checkTransition(
        "start-nominating",
        facts({ nominationDeadline: TODAY, answerDeadline: "2030-03-05" }),
      ).allowed,
    ).toBe(true);
  });

  it("lists every reason it is refused", () => {
    expect(
      checkTransition(
        "start-nominating",
        facts({
          participants: 0,
          profileAvailable: false,
          nominationDeadline: "2030-03-03",
          answerDeadline: "2030-03-01",
        }),
      ),
    ).toEqual({
      allowed: false,
      reasons: [
        "no_participants",
        "profile_missing",
        "nomination_deadline_past",
        "answer_deadline_past",
      ],
    });
  });

  it("names missing deadlines as missing, not as past", () => {
    expect(
      checkTransition(
        "start-nominating",
        facts({ nominationDeadline: null, answerDeadline: null }),
      ),
    ).toEqual({
      allowed: false,
      reasons: ["nomination_deadline_missing", "answer_deadline_missing"],
    });
  });
});

describe("start collecting", () => {
  const nominating = (overrides: Partial<TransitionFacts> = {}) =>
    facts({ status: "nominating", ...overrides });

  it("needs no confirmation when every participant's nominations are approved", () => {
    expect(checkTransition("start-collecting", nominating())).toEqual({
      allowed: true,
      confirmation: null,
    });
  });

  it("asks to confirm approving the open nominations when some are not approved", () => {
    expect(checkTransition("start-collecting", nominating({ unapprovedParticipants: 2 }))).toEqual({
      allowed: true,
      confirmation: "approve_open_nominations",
    });
  });

  it("is refused to an HR admin whose own nominations still wait: nobody approves their own raters", () => {
    expect(
      checkTransition(
        "start-collecting",
        nominating({ unapprovedParticipants: 1, actorHasUnapprovedNominations: true }),
      ),
    ).toEqual({ allowed: false, reasons: ["own_nominations_unapproved"] });
  });

  it("may start after the nomination deadline, but not after the answer deadline", () => {
    expect(
      checkTransition("start-collecting", nominating({ nominationDeadline: "2030-01-01" })).allowed,
    ).toBe(true);
    expect(
      checkTransition("start-collecting", nominating({ answerDeadline: "2030-03-03" })),
    ).toEqual({ allowed: false, reasons: ["answer_deadline_past"] });
  });

  it("is refused when every participant was removed", () => {
    expect(checkTransition("start-collecting", nominating({ participants: 0 }))).toEqual({
      allowed: false,
      reasons: ["no_participants"],
    });
  });
});

describe("close and release", () => {
  it("asks to confirm closing up to and including the deadline day, not after it", () => {
    const collecting = (answerDeadline: string) =>
      checkTransition("close", facts({ status: "collecting", answerDeadline }));
    expect(collecting("2030-03-05")).toEqual({
      allowed: true,
      confirmation: "close_before_deadline",
    });
    expect(collecting(TODAY)).toEqual({ allowed: true, confirmation: "close_before_deadline" });
    expect(collecting("2030-03-03")).toEqual({ allowed: true, confirmation: null });
  });

  it("always asks to confirm that releasing is final", () => {
    expect(checkTransition("release", facts({ status: "closed" }))).toEqual({
      allowed: true,
      confirmation: "release_final",
    });
  });

  it("never allows a step after release (no re-opening)", () => {
    for (const transition of CYCLE_TRANSITIONS) {
      expect(checkTransition(transition, facts({ status: "released" })).allowed).toBe(false);
    }
  });
});
