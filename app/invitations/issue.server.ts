import type { Kysely } from "kysely";
import { newId } from "#db/ids";
import type { Database, Locale, Relationship } from "#db/schema";
import { invitationToken } from "~/rater/invitation-token.server";
import { dayInOrganisation } from "~/utils/dates";
import { hashToken } from "~/utils/tokens.server";
import type { CycleMailContext } from "./cycle-mail-context.server";
import { remindersDue } from "./reminder-schedule";

/** Who is asked to rate whom: the input of one invitation. */
export interface InvitationRequest {
  participantId: string;
  participantName: string;
  relationship: Relationship;
  raterPersonId: string | null;
  raterName: string;
  raterEmail: string;
  locale: Locale;
}

/** A stored invitation with its link token, which exists only in memory (and in the mail). */
export interface IssuedInvitation extends InvitationRequest {
  id: string;
  token: string;
}

/**
 * Reminders of the schedule that are already due when an invitation is created (a late
 * rater, a launch close to the deadline): they count as sent, so the invitation mail is not
 * followed by a reminder at the next tick of the reminder timer.
 */
function remindersAlreadyDue(context: CycleMailContext, now: Date): number {
  const deadline = context.cycle.answerDeadline;
  return deadline ? remindersDue(context.cycle.reminderDays, deadline, dayInOrganisation(now)) : 0;
}

/**
 * Stores one invitation. Its token is derived from its id with invitationToken() (so "Mijn
 * Rondom" can show the rater the link again); only the token's hash is stored.
 */
export async function issueInvitation(
  db: Kysely<Database>,
  context: CycleMailContext,
  request: InvitationRequest,
  now: Date,
): Promise<IssuedInvitation> {
  const id = newId();
  const token = await invitationToken(db, context.organisation, id);
  await db
    .insertInto("invitation")
    .values({
      id,
      cycle_id: context.cycle.id,
      participant_id: request.participantId,
      relationship: request.relationship,
      rater_person_id: request.raterPersonId,
      rater_name: request.raterName,
      rater_email: request.raterEmail,
      locale: request.locale,
      token_hash: hashToken(token),
      status: "open",
      reminder_count: remindersAlreadyDue(context, now),
      sent_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
  return { ...request, id, token };
}
