import type { Kysely } from "kysely";
import type { CycleStatus, Database, Day, Locale } from "#db/schema";
import { estimatedMinutes } from "~/rater/questionnaire";
import { readQuestionnaire } from "~/rater/questionnaire.server";

/** Everything about a cycle and its organisation that rater mails and tokens need. */
export interface CycleMailContext {
  cycle: {
    id: string;
    name: string;
    status: CycleStatus;
    answerDeadline: Day | null;
    reminderDays: string;
    mailLocale: Locale | null;
    minGroupSize: number;
    managerIdentifiable: boolean;
  };
  organisation: {
    id: string;
    name: string;
    defaultLocale: Locale;
  };
  /** Estimated minutes per questionnaire; null before the profile is snapshotted. */
  minutesPerQuestionnaire: number | null;
}

/** The cycle's mail context, or null when the cycle does not exist. Works inside a transaction. */
export async function loadCycleMailContext(
  db: Kysely<Database>,
  cycleId: string,
): Promise<CycleMailContext | null> {
  const row = await db
    .selectFrom("cycle")
    .innerJoin("organisation", "organisation.id", "cycle.organisation_id")
    .select([
      "cycle.id",
      "cycle.name",
      "cycle.status",
      "cycle.answer_deadline",
      "cycle.reminder_days",
      "cycle.mail_locale",
      "cycle.min_group_size",
      "cycle.manager_identifiable",
      "organisation.id as organisation_id",
      "organisation.name as organisation_name",
      "organisation.default_locale",
    ])
    .where("cycle.id", "=", cycleId)
    .executeTakeFirst();
  if (!row) return null;
  // Participants may be rated on different profiles: the mail names the longest questionnaire.
  const used = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select((eb) =>
      eb.fn
        .coalesce("participant.profile_snapshot_id", "cycle.profile_snapshot_id")
        .as("snapshotId"),
    )
    .distinct()
    .where("participant.cycle_id", "=", row.id)
    .execute();
  const versions = new Set(used.flatMap((version) => version.snapshotId ?? []));
  let minutesPerQuestionnaire: number | null = null;
  for (const version of versions) {
    const minutes = estimatedMinutes(await readQuestionnaire(db, version));
    minutesPerQuestionnaire = Math.max(minutesPerQuestionnaire ?? 0, minutes);
  }
  return {
    cycle: {
      id: row.id,
      name: row.name,
      status: row.status,
      answerDeadline: row.answer_deadline,
      reminderDays: row.reminder_days,
      mailLocale: row.mail_locale,
      minGroupSize: row.min_group_size,
      managerIdentifiable: row.manager_identifiable === 1,
    },
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      defaultLocale: row.default_locale,
    },
    minutesPerQuestionnaire,
  };
}
