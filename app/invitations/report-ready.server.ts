import { inTransaction } from "#db/transaction";
import type { Kysely } from "kysely";
import type { DB } from "#db/database";
import type { Database } from "#db/schema";
import { reportReadyEmail } from "~/email/templates/report-ready.server";
import { enqueueEmail } from "~/email/outbox.server";
import { appUrl } from "~/utils/env.server";
import { mailLocale } from "./mail-locale";
import { fullName } from "~/people/full-name";

/** The report's address; the page asks for a sign-in first, so the link alone opens nothing. */
export function reportUrl(participantId: string): string {
  return `${appUrl()}/rapporten/${encodeURIComponent(participantId)}`;
}

/**
 * "Your report is ready" for every participant of a released cycle who has a report and
 * was not told yet, in the participant's language (or the cycle's mail language). Marks
 * each participant notified in the same transaction as its mail, so running it twice
 * sends nothing twice. Returns the number of mails; 0 for a cycle that is not released.
 */
export async function enqueueReportReadyMails(
  db: DB,
  cycleId: string,
  now: Date = new Date(),
): Promise<number> {
  const work = async (trx: Kysely<Database>) => {
    const rows = await trx
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .innerJoin("organisation", "organisation.id", "cycle.organisation_id")
      .innerJoin("person", "person.id", "participant.person_id")
      .innerJoin("report", "report.participant_id", "participant.id")
      .select([
        "participant.id",
        "person.first_name",
        "person.last_name",
        "person.email",
        "person.locale",
        "cycle.name as cycle_name",
        "cycle.mail_locale",
        "cycle.lead_access",
        "participant.manager_person_id",
        "organisation.id as organisation_id",
        "organisation.name as organisation_name",
        "organisation.default_locale",
      ])
      .where("participant.cycle_id", "=", cycleId)
      .where("cycle.status", "=", "released")
      .where("participant.report_notified_at", "is", null)
      .orderBy("person.last_name")
      .orderBy("person.first_name")
      .execute();

    for (const row of rows) {
      const locale = mailLocale({
        cycleMailLocale: row.mail_locale,
        personLocale: row.locale,
        organisationDefault: row.default_locale,
      });
      const content = reportReadyEmail({
        locale,
        organisationName: row.organisation_name,
        firstName: row.first_name,
        cycleName: row.cycle_name,
        reportUrl: reportUrl(row.id),
        mayShareWithManager: row.lead_access === "with_consent" && row.manager_person_id !== null,
      });
      await enqueueEmail(
        trx,
        {
          organisationId: row.organisation_id,
          kind: "report-ready",
          to: row.email,
          toName: fullName(row),
          locale,
          ...content,
        },
        now,
      );
      await trx
        .updateTable("participant")
        .set({ report_notified_at: now.toISOString() })
        .where("id", "=", row.id)
        .where("report_notified_at", "is", null)
        .execute();
    }
    return rows.length;
  };
  return inTransaction(db, work);
}
