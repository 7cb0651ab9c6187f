import { describe, expect, it } from "vitest";
import { defaultCycleSettings, type CycleSettings } from "~/cycles/cycle-schema";
import {
  allSettingsLocked,
  changedFields,
  fieldLocks,
  mayChangeParticipants,
  settingsLocks,
} from "~/cycles/settings-locks";

const LOCKED_AT = "2030-03-04T00:00:00.000Z";

describe("which settings may still change", () => {
  it("in draft: everything", () => {
    expect(Object.values(settingsLocks({ status: "draft", thresholdsLockedAt: null }))).toEqual(
      Array(8).fill(null),
    );
  });

  it("while nominating: all but the profile, which was frozen at launch", () => {
    expect(settingsLocks({ status: "nominating", thresholdsLockedAt: null })).toEqual({
      name: null,
      profile: "launched",
      nominationDeadline: null,
      answerDeadline: null,
      thresholds: null,
      limits: null,
      reminders: null,
      mailLocale: null,
    });
  });

  it("while collecting: the answer deadline, reminders and mail; thresholds until the first answer", () => {
    const before = settingsLocks({ status: "collecting", thresholdsLockedAt: null });
    expect(before).toMatchObject({
      nominationDeadline: "nominating_over",
      limits: "nominating_over",
      answerDeadline: null,
      reminders: null,
      mailLocale: null,
      thresholds: null,
    });
    expect(settingsLocks({ status: "collecting", thresholdsLockedAt: LOCKED_AT }).thresholds).toBe(
      "thresholds_locked",
    );
  });

  it("locks the thresholds once the first answer has arrived, whatever the status", () => {
    for (const status of ["draft", "nominating", "collecting", "closed"] as const) {
      const locks = fieldLocks({ status, thresholdsLockedAt: LOCKED_AT });
      expect([locks.minGroupSize, locks.managerIdentifiable, locks.leadAccess], status).toEqual([
        "thresholds_locked",
        "thresholds_locked",
        "thresholds_locked",
      ]);
    }
  });

  it("when closed: only the name (and thresholds without answers)", () => {
    const locks = settingsLocks({ status: "closed", thresholdsLockedAt: LOCKED_AT });
    expect(Object.entries(locks).filter(([, reason]) => reason === null)).toEqual([["name", null]]);
    expect(locks.answerDeadline).toBe("closed");
  });

  it("after release: nothing", () => {
    const locks = settingsLocks({ status: "released", thresholdsLockedAt: LOCKED_AT });
    expect(new Set(Object.values(locks))).toEqual(new Set(["released"]));
    expect(allSettingsLocked({ status: "released", thresholdsLockedAt: null })).toBe(true);
    expect(allSettingsLocked({ status: "closed", thresholdsLockedAt: LOCKED_AT })).toBe(false);
  });

  it("allows changing participants only before invitations exist", () => {
    expect(mayChangeParticipants("draft")).toBe(true);
    expect(mayChangeParticipants("nominating")).toBe(true);
    for (const status of ["collecting", "closed", "released"] as const) {
      expect(mayChangeParticipants(status)).toBe(false);
    }
  });
});

describe("changedFields", () => {
  const settings: CycleSettings = {
    name: "Ronde",
    profileKey: "toepassing-beleid",
    nominationDeadline: "2030-03-18",
    answerDeadline: "2030-04-08",
    ...defaultCycleSettings(),
  };

  it("finds nothing in equal settings, reminder lists compared by value", () => {
    expect(
      changedFields(settings, { ...settings, reminderDays: [...settings.reminderDays] }),
    ).toEqual([]);
  });

  it("names every changed field", () => {
    expect(
      changedFields(settings, {
        ...settings,
        minGroupSize: 4,
        reminderDays: [7],
        mailLocale: "en",
      }),
    ).toEqual(["minGroupSize", "reminderDays", "mailLocale"]);
  });
});
