import type { Kysely } from "kysely";
import { newId } from "#db/ids";
import type { Database, Locale, Relationship } from "#db/schema";
import { invitationTokenSigner } from "~/rater/invitation-token.server";
import { dayInOrganisation } from "~/utils/dates";
import { hashToken } from "~/utils/tokens.server";
import type { CycleMailContext } from "./cycle-mail-context.server";
import { keepOneVoice } from "./one-voice";
import { loadParticipantVoices, OneVoiceViolation } from "./one-voice.server";
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

// Rows per INSERT: 13 columns each keeps a statement far below the bound-parameter limits
// of SQLite (32,766) and PostgreSQL (65,535).
const ROWS_PER_INSERT = 500;

/** Stores one invitation (see issueInvitations). */
export async function issueInvitation(
  db: Kysely<Database>,
  context: CycleMailContext,
  request: InvitationRequest,
  now: Date,
): Promise<IssuedInvitation> {
  const [issued] = await issueInvitations(db, context, [request], now);
  if (!issued) throw new Error("issueInvitation: nothing issued");
  return issued;
}

/**
 * Stores invitations. Each token is derived from the invitation's id with the key of
 * invitationToken() (so "Mijn Rondom" can show the rater the link again); only the token's
 * hash is stored. Rows go in batches: a round of 5,000 participants has some 50,000.
 *
 * Every invitation is created here, so here the one-voice rule (one-voice.ts) is enforced
 * for all of them: a request for a rater who already has an invitation for the participant
 * (in any state), or that breaks the self rule, throws OneVoiceViolation before anything is
 * written. Callers check the rule first to tell the person why.
 */
export async function issueInvitations(
  db: Kysely<Database>,
  context: CycleMailContext,
  requests: readonly InvitationRequest[],
  now: Date,
): Promise<IssuedInvitation[]> {
  const voices = await loadParticipantVoices(
    db,
    requests.map((request) => request.participantId),
  );
  const { refused } = keepOneVoice(requests, voices);
  if (refused.length > 0) throw new OneVoiceViolation(refused.map(({ reason }) => reason));
  const sign = await invitationTokenSigner(db);
  const reminderCount = remindersAlreadyDue(context, now);
  const moment = now.toISOString();
  const issued = requests.map((request) => {
    const id = newId();
    return { ...request, id, token: sign(id) };
  });
  for (let start = 0; start < issued.length; start += ROWS_PER_INSERT) {
    await db
      .insertInto("invitation")
      .values(
        issued.slice(start, start + ROWS_PER_INSERT).map((invitation) => ({
          id: invitation.id,
          cycle_id: context.cycle.id,
          participant_id: invitation.participantId,
          relationship: invitation.relationship,
          rater_person_id: invitation.raterPersonId,
          rater_name: invitation.raterName,
          rater_email: invitation.raterEmail,
          locale: invitation.locale,
          token_hash: hashToken(invitation.token),
          status: "open" as const,
          reminder_count: reminderCount,
          sent_at: moment,
          created_at: moment,
        })),
      )
      .execute();
  }
  return issued;
}
