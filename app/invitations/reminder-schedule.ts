import type { Day } from "#db/schema";

/**
 * The reminder schedule of a cycle is a list of days before the answer deadline
 * ("7,2": a week before and two days before). Order, duplicates, spaces and entries that are
 * not whole non-negative numbers do not matter; each distinct day is one reminder.
 */
export function reminderOffsets(reminderDays: string): number[] {
  const offsets = new Set<number>();
  for (const part of reminderDays.split(",")) {
    const trimmed = part.trim();
    if (!/^\d+$/.test(trimmed)) continue;
    offsets.add(Number(trimmed));
  }
  return [...offsets].sort((a, b) => b - a);
}

/** Whole days from one calendar day to another (both YYYY-MM-DD), time zones aside. */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / 86_400_000);
}

function dayNumber(day: Day): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1);
}

/**
 * How many of the scheduled reminders are due by `today`: a reminder "n days before the
 * deadline" is due from that day on. After the deadline none is due any more (the
 * questionnaire is closed, a reminder would only annoy). Comparing this number with an
 * invitation's reminder_count makes sending idempotent and lets a missed day catch up with
 * one mail rather than several.
 */
export function remindersDue(reminderDays: string, answerDeadline: Day, today: Day): number {
  const daysLeft = daysBetween(today, answerDeadline);
  if (daysLeft < 0) return 0;
  return reminderOffsets(reminderDays).filter((offset) => offset >= daysLeft).length;
}
