import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { RaterLinkItem } from "./rater-mails.server";
import { fullName } from "~/people/full-name";

/** An open invitation of a cycle, with what a reminder needs to list it. */
export interface OpenInvitation {
  id: string;
  relationship: RaterLinkItem["relationship"];
  raterEmail: string;
  raterName: string;
  locale: RaterLinkItem["locale"];
  participantName: string;
  reminderCount: number;
  lastRemindedAt: string | null;
}

/**
 * The invitations of a cycle a rater can still answer: status open (so never submitted,
 * declined or revoked), not revoked, not expired. Reminders go to these and to no others.
 */
export async function loadOpenInvitations(
  db: Kysely<Database>,
  cycleId: string,
  now: Date,
): Promise<OpenInvitation[]> {
  const rows = await db
    .selectFrom("invitation")
    .innerJoin("participant", "participant.id", "invitation.participant_id")
    .innerJoin("person as subject", "subject.id", "participant.person_id")
    .select([
      "invitation.id",
      "invitation.relationship",
      "invitation.rater_email",
      "invitation.rater_name",
      "invitation.locale",
      "invitation.reminder_count",
      "invitation.last_reminded_at",
      "subject.first_name",
      "subject.last_name",
    ])
    .where("invitation.cycle_id", "=", cycleId)
    .where("invitation.status", "=", "open")
    .where("invitation.revoked_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("invitation.expires_at", "is", null),
        eb("invitation.expires_at", ">", now.toISOString()),
      ]),
    )
    .orderBy("invitation.rater_email")
    .orderBy("invitation.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    relationship: row.relationship,
    raterEmail: row.rater_email,
    raterName: row.rater_name,
    locale: row.locale,
    participantName: fullName(row),
    reminderCount: row.reminder_count,
    lastRemindedAt: row.last_reminded_at,
  }));
}
