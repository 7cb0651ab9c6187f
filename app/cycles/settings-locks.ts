import type { CycleStatus } from "#db/schema";
import type { CycleSettings, CycleSettingsField } from "./cycle-schema";

// Which settings of a round may still change, and why not. Pure: the settings page shows a
// locked setting read-only with its reason, and its action refuses a change to it.

/** Settings that lock together. */
export type SettingsGroup =
  | "name"
  | "profile"
  | "nominationDeadline"
  | "answerDeadline"
  | "thresholds"
  | "limits"
  | "reminders"
  | "mailLocale";

export const SETTINGS_GROUPS: readonly SettingsGroup[] = [
  "name",
  "profile",
  "nominationDeadline",
  "answerDeadline",
  "thresholds",
  "limits",
  "reminders",
  "mailLocale",
];

export const SETTINGS_GROUP_FIELDS: Record<SettingsGroup, readonly CycleSettingsField[]> = {
  name: ["name"],
  profile: ["profileKey"],
  nominationDeadline: ["nominationDeadline"],
  answerDeadline: ["answerDeadline"],
  // What the anonymity of every report rests on (docs/anonymity.md: locked at the first answer).
  thresholds: ["minGroupSize", "managerIdentifiable", "leadAccess"],
  limits: [
    "colleagueMin",
    "colleagueMax",
    "customerMin",
    "customerMax",
    "includeReportsGroup",
    "reportMin",
    "reportMax",
  ],
  reminders: ["reminderDays"],
  mailLocale: ["mailLocale"],
};

/**
 * - released: after release nothing changes;
 * - thresholds_locked: the first answer has arrived;
 * - launched: the profile was frozen when nominating started;
 * - nominating_over: nominations (and their limits) are done once collecting starts;
 * - closed: no more answers, so no deadline, reminder or mail to change.
 */
export type LockReason =
  "released" | "thresholds_locked" | "launched" | "nominating_over" | "closed";

export interface LockFacts {
  status: CycleStatus;
  thresholdsLockedAt: string | null;
}

const AFTER_NOMINATING: readonly CycleStatus[] = ["collecting", "closed", "released"];

export function settingsLocks(cycle: LockFacts): Record<SettingsGroup, LockReason | null> {
  if (cycle.status === "released") {
    return Object.fromEntries(SETTINGS_GROUPS.map((group) => [group, "released"])) as Record<
      SettingsGroup,
      LockReason
    >;
  }
  const closed = cycle.status === "closed" ? "closed" : null;
  const nominatingOver = AFTER_NOMINATING.includes(cycle.status) ? "nominating_over" : null;
  return {
    name: null,
    profile: cycle.status === "draft" ? null : "launched",
    nominationDeadline: nominatingOver,
    answerDeadline: closed,
    thresholds: cycle.thresholdsLockedAt !== null ? "thresholds_locked" : null,
    limits: nominatingOver,
    reminders: closed,
    mailLocale: closed,
  };
}

/** The lock reason of each field (null: editable). */
export function fieldLocks(cycle: LockFacts): Record<CycleSettingsField, LockReason | null> {
  const locks = settingsLocks(cycle);
  const result = {} as Record<CycleSettingsField, LockReason | null>;
  for (const group of SETTINGS_GROUPS) {
    for (const field of SETTINGS_GROUP_FIELDS[group]) result[field] = locks[group];
  }
  return result;
}

/** True when no setting can change any more. */
export function allSettingsLocked(cycle: LockFacts): boolean {
  return Object.values(settingsLocks(cycle)).every((reason) => reason !== null);
}

function sameValue(a: CycleSettings[CycleSettingsField], b: CycleSettings[CycleSettingsField]) {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => value === b[index]);
  }
  return a === b;
}

/** The fields whose value differs between two versions of the settings. */
export function changedFields(before: CycleSettings, after: CycleSettings): CycleSettingsField[] {
  return (Object.keys(before) as CycleSettingsField[]).filter(
    (field) => !sameValue(before[field], after[field]),
  );
}

/** Whether participants may be added or removed: only before invitations exist. */
export function mayChangeParticipants(status: CycleStatus): boolean {
  return status === "draft" || status === "nominating";
}
