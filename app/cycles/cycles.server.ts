import { inTransaction } from "#db/transaction";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Cycle, CycleStatus } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { loadCycleCounts } from "./cycle-counts.server";
import { formatReminderDays, parseReminderDays, type CycleSettings } from "./cycle-schema";

// Rounds: finding, listing, creating and changing their settings. Status changes are in
// lifecycle.server.ts, participants in participants.server.ts.

/** A round of the organisation, or undefined (another organisation's round does not exist). */
export function findCycle(
  db: DB,
  organisationId: string,
  cycleId: string,
): Promise<Cycle | undefined> {
  return db
    .selectFrom("cycle")
    .selectAll()
    .where("id", "=", cycleId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
}

/** A stored round's settings, as the forms and the summary show them. */
export function settingsFromCycle(cycle: Cycle): CycleSettings {
  const reminders = parseReminderDays(cycle.reminder_days);
  return {
    name: cycle.name,
    profileKey: cycle.profile_key,
    nominationDeadline: cycle.nomination_deadline ?? "",
    answerDeadline: cycle.answer_deadline ?? "",
    minGroupSize: cycle.min_group_size,
    managerIdentifiable: cycle.manager_identifiable === 1,
    leadAccess: cycle.lead_access,
    colleagueMin: cycle.colleague_min,
    colleagueMax: cycle.colleague_max,
    customerMin: cycle.customer_min,
    customerMax: cycle.customer_max,
    includeReportsGroup: cycle.include_reports_group === 1,
    reportMin: cycle.report_min,
    reportMax: cycle.report_max,
    reminderDays: reminders.ok ? reminders.days : [],
    mailLocale: cycle.mail_locale,
  };
}

function settingsColumns(settings: CycleSettings) {
  return {
    name: settings.name,
    profile_key: settings.profileKey,
    nomination_deadline: settings.nominationDeadline,
    answer_deadline: settings.answerDeadline,
    min_group_size: settings.minGroupSize,
    manager_identifiable: settings.managerIdentifiable ? 1 : 0,
    lead_access: settings.leadAccess,
    colleague_min: settings.colleagueMin,
    colleague_max: settings.colleagueMax,
    customer_min: settings.customerMin,
    customer_max: settings.customerMax,
    include_reports_group: settings.includeReportsGroup ? 1 : 0,
    report_min: settings.reportMin,
    report_max: settings.reportMax,
    reminder_days: formatReminderDays(settings.reminderDays),
    mail_locale: settings.mailLocale,
  } as const;
}

/** Creates a round in draft with the given settings; returns its id. */
export async function createCycle(
  db: DB,
  input: { organisationId: string; actorPersonId: string; settings: CycleSettings },
  now: Date = new Date(),
): Promise<string> {
  const id = newId();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("cycle")
      .values({
        id,
        organisation_id: input.organisationId,
        ...settingsColumns(input.settings),
        status: "draft",
        created_by_person_id: input.actorPersonId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(
      trx,
      {
        organisationId: input.organisationId,
        actorPersonId: input.actorPersonId,
        action: "cycle_created",
        subjectType: "cycle",
        subjectId: id,
      },
      now,
    );
  });
  return id;
}

/**
 * Saves changed settings. `cycle` is the row the caller checked the locks against: the update
 * only lands while the round still has that status and threshold lock (a round that moved on
 * in between answers "conflict", and the page shows the settings as they now are).
 */
export async function updateCycleSettings(
  db: DB,
  input: { cycle: Cycle; actorPersonId: string; settings: CycleSettings; changedFields: number },
  now: Date = new Date(),
): Promise<"saved" | "conflict"> {
  const { cycle } = input;
  return inTransaction(db, async (trx) => {
    const lockedAt = cycle.thresholds_locked_at;
    const result = await trx
      .updateTable("cycle")
      .set({ ...settingsColumns(input.settings), updated_at: now.toISOString() })
      .where("id", "=", cycle.id)
      .where("status", "=", cycle.status)
      .where((eb) =>
        lockedAt === null
          ? eb("thresholds_locked_at", "is", null)
          : eb("thresholds_locked_at", "=", lockedAt),
      )
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return "conflict";
    await recordAudit(
      trx,
      {
        organisationId: cycle.organisation_id,
        actorPersonId: input.actorPersonId,
        action: "cycle_updated",
        subjectType: "cycle",
        subjectId: cycle.id,
        details: { changedFields: input.changedFields },
      },
      now,
    );
    return "saved";
  });
}

export interface CycleListItem {
  id: string;
  name: string;
  status: CycleStatus;
  answerDeadline: string | null;
  participants: number;
  /** answered / (invited − revoked), as responseRate in progress.ts counts. */
  answered: number;
  invited: number;
}

/** The organisation's rounds, newest first, with counts only. */
export async function listCycles(db: DB, organisationId: string): Promise<CycleListItem[]> {
  const [cycles, countsOf] = await Promise.all([
    db
      .selectFrom("cycle")
      .select(["id", "name", "status", "answer_deadline"])
      .where("organisation_id", "=", organisationId)
      .orderBy("created_at", "desc")
      .orderBy("id")
      .execute(),
    loadCycleCounts(db, organisationId),
  ]);
  return cycles.map((cycle) => ({
    id: cycle.id,
    name: cycle.name,
    status: cycle.status,
    answerDeadline: cycle.answer_deadline,
    ...countsOf(cycle.id),
  }));
}
