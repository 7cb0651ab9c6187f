import { inTransaction } from "#db/transaction";
import type { Kysely } from "kysely";
import type { DB } from "#db/database";
import type { Database } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { dayInOrganisation } from "~/utils/dates";
import { loadCycleMailContext } from "./cycle-mail-context.server";
import { loadOpenInvitations, type OpenInvitation } from "./open-links.server";
import { enqueueRaterLinkMails } from "./rater-mails.server";
import { remindersDue } from "./reminder-schedule";

/** A rater reminded (on demand or on schedule) less than this ago gets no other reminder. */
export const REMINDER_QUIET_PERIOD_MS = 24 * 60 * 60 * 1000;

function remindedRecently(invitation: OpenInvitation, now: Date): boolean {
  if (!invitation.lastRemindedAt) return false;
  return now.getTime() - new Date(invitation.lastRemindedAt).getTime() < REMINDER_QUIET_PERIOD_MS;
}

/** Whether the questionnaire can still be answered today (no deadline, or not past it). */
export function beforeDeadline(answerDeadline: string | null, now: Date): boolean {
  return answerDeadline === null || dayInOrganisation(now) <= answerDeadline;
}

async function updateInvitations(
  db: Kysely<Database>,
  ids: readonly string[],
  values: { reminder_count?: number; last_reminded_at?: string },
): Promise<void> {
  // Chunks keep the IN list under SQLite's bound-parameter limit for large cycles.
  for (let start = 0; start < ids.length; start += 500) {
    await db
      .updateTable("invitation")
      .set(values)
      .where("id", "in", ids.slice(start, start + 500))
      .where("status", "=", "open")
      .execute();
  }
}

/**
 * The scheduled reminders of every collecting cycle, meant to run on a timer (any interval;
 * running it often is harmless). An open invitation whose reminder_count is below the number
 * of reminders due by today (see remindersDue) is reminded: ONE mail per rater address
 * listing all such links of the cycle, then reminder_count = due and last_reminded_at = now.
 * A missed day therefore catches up with one mail, not several. Raters who submitted,
 * declined or were revoked are never reminded (only status "open" counts), and one reminded
 * on demand within the last 24 hours has that reminder counted instead of getting another.
 * Returns the number of mails.
 */
export async function sendDueReminders(db: DB, now: Date = new Date()): Promise<number> {
  const cycles = await db
    .selectFrom("cycle")
    .select(["id", "reminder_days", "answer_deadline"])
    .where("status", "=", "collecting")
    .where("answer_deadline", "is not", null)
    .execute();
  const today = dayInOrganisation(now);
  let mails = 0;
  for (const cycle of cycles) {
    const due = remindersDue(cycle.reminder_days, cycle.answer_deadline as string, today);
    if (due > 0) mails += await sendScheduledReminders(db, cycle.id, due, now);
  }
  return mails;
}

async function sendScheduledReminders(
  db: DB,
  cycleId: string,
  due: number,
  now: Date,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const behind = (await loadOpenInvitations(trx, cycleId, now)).filter(
      (invitation) => invitation.reminderCount < due,
    );
    if (behind.length === 0) return 0;
    const context = await loadCycleMailContext(trx, cycleId);
    if (!context || context.cycle.status !== "collecting") return 0;

    const justReminded = behind.filter((invitation) => remindedRecently(invitation, now));
    const toRemind = behind.filter((invitation) => !remindedRecently(invitation, now));
    await updateInvitations(
      trx,
      justReminded.map((invitation) => invitation.id),
      { reminder_count: due },
    );
    const mails = await enqueueRaterLinkMails(trx, context, "reminder", toRemind, now);
    await updateInvitations(
      trx,
      toRemind.map((invitation) => invitation.id),
      { reminder_count: due, last_reminded_at: now.toISOString() },
    );
    return mails;
  });
}

/**
 * A reminder on demand (HR): to every open invitation of the collecting cycle, skipping
 * those reminded in the last 24 hours, one mail per rater address. Leaves the schedule's
 * reminder_count alone (the next scheduled reminder still goes out, unless it falls within
 * 24 hours of this one). Audited as reminders_sent WITHOUT the number of mails: that number
 * is the number of raters who have not answered, and compared before and after revoking an
 * invitation it would tell whether that rater had answered (the page shows no count either).
 * Returns the number of mails; 0 when the cycle is not collecting or past its deadline.
 */
export async function sendRemindersNow(
  db: DB,
  cycleId: string,
  actorPersonId: string,
  now: Date = new Date(),
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const context = await loadCycleMailContext(trx, cycleId);
    if (!context || context.cycle.status !== "collecting") return 0;
    if (!beforeDeadline(context.cycle.answerDeadline, now)) return 0;
    const toRemind = (await loadOpenInvitations(trx, cycleId, now)).filter(
      (invitation) => !remindedRecently(invitation, now),
    );
    const mails = await enqueueRaterLinkMails(trx, context, "reminder", toRemind, now);
    await updateInvitations(
      trx,
      toRemind.map((invitation) => invitation.id),
      { last_reminded_at: now.toISOString() },
    );
    await recordAudit(
      trx,
      {
        organisationId: context.organisation.id,
        actorPersonId,
        action: "reminders_sent",
        subjectType: "cycle",
        subjectId: cycleId,
      },
      now,
    );
    return mails;
  });
}
