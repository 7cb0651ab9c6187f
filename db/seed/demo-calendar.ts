import type { Day, Timestamp } from "../schema";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Dates relative to the demo's "today", so the same seed and today give the same data. */
export interface Calendar {
  today: Day;
  /** The day `offset` days from today (negative = in the past). */
  day(offset: number): Day;
  /** A timestamp on that day, at hour:minute UTC. */
  at(offset: number, hour: number, minute?: number): Timestamp;
  /** The day a timestamp falls on (UTC). */
  dayOf(timestamp: Timestamp): Day;
}

/** Takes the calendar day of `today` in the local time zone; the time of day is ignored. */
export function createCalendar(today: Date): Calendar {
  const base = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const at = (offset: number, hour: number, minute = 0) =>
    new Date(base + offset * DAY_MS + (hour * 60 + minute) * 60 * 1000).toISOString();
  const day = (offset: number) => at(offset, 0).slice(0, 10);
  return { today: day(0), day, at, dayOf: (timestamp) => timestamp.slice(0, 10) };
}
