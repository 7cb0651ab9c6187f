import type { DB } from "#db/database";
import { withJobLock } from "#db/job-lock";
import { sendDueReminders } from "~/invitations/reminders.server";
import { closeOverdueCycles, finishPendingReleases } from "./lifecycle.server";

const INTERVAL_MS = 60 * 1000;

export interface ClockTick {
  /** False when another app instance was running the clock at that moment (PostgreSQL). */
  ran: boolean;
  closed: number;
  reminderMails: number;
  releasesFinished: number;
  reports: number;
}

/**
 * What happens in a round without anyone clicking: rounds close after their answer
 * deadline, scheduled reminders go out, and releases that were cut off (a restart during
 * the report computation) are finished. Every step only does what is still missing, so a
 * tick may run again at any time. With several app instances on one database, one of them
 * ticks at a time; the others skip that minute.
 */
export async function runCycleClock(db: DB, now: Date = new Date()): Promise<ClockTick> {
  const tick = await withJobLock(db, "cycle-clock", "skip", async () => {
    const closed = await closeOverdueCycles(db, now);
    const reminderMails = await sendDueReminders(db, now);
    const releases = await finishPendingReleases(db, now);
    return {
      closed,
      reminderMails,
      releasesFinished: releases.releases,
      reports: releases.reports,
    };
  });
  if (!tick.ran)
    return { ran: false, closed: 0, reminderMails: 0, releasesFinished: 0, reports: 0 };
  return { ran: true, ...tick.value };
}

/** Runs the clock at start and then every minute, one tick at a time, in the background. */
export function startCycleClock(db: DB, intervalMs: number = INTERVAL_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runCycleClock(db);
    } catch (error) {
      console.error(`Rondeklok mislukt: ${error instanceof Error ? error.message : error}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
