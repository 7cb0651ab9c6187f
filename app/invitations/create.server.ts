import { inTransaction } from "#db/transaction";
import type { Kysely } from "kysely";
import type { DB } from "#db/database";
import type { Database, Locale } from "#db/schema";
import { loadCycleMailContext, type CycleMailContext } from "./cycle-mail-context.server";
import { issueInvitations, type InvitationRequest } from "./issue.server";
import { mailLocale } from "./mail-locale";
import { judgeVoice, type RaterIdentity } from "./one-voice";
import { enqueueRaterLinkMails } from "./rater-mails.server";
import { fullName, fullNameOrNull } from "~/people/full-name";

/**
 * Creates the invitations of a cycle at the start of collecting, in one transaction (or in
 * the caller's): per participant a self invitation, a manager invitation (when the
 * participant has an active manager) and one per approved nomination. Then one mail per
 * rater address listing every link that address got.
 *
 * Idempotent: a participant who already has invitations is skipped, so running it again
 * (after a crash, or for participants added later) creates and mails only what is missing.
 * A nomination of a rater already invited for the same participant (by person or by address,
 * say the manager also nominated as colleague), of the participant themself, and of a
 * colleague who has left (inactive) are skipped: one voice per rater (one-voice.ts).
 */
export async function createCycleInvitations(
  db: DB,
  cycleId: string,
  now: Date = new Date(),
): Promise<{ invitations: number; mails: number }> {
  const work = async (trx: Kysely<Database>) => {
    const context = await loadCycleMailContext(trx, cycleId);
    if (!context) throw new Error(`createCycleInvitations: cycle ${cycleId} does not exist`);
    const requests = await plannedInvitations(trx, context);
    const issued = await issueInvitations(trx, context, requests, now);
    const mails = await enqueueRaterLinkMails(trx, context, "invitation", issued, now);
    return { invitations: issued.length, mails };
  };
  return inTransaction(db, work);
}

/** The invitations the cycle's not-yet-invited participants should get. */
async function plannedInvitations(
  db: Kysely<Database>,
  context: CycleMailContext,
): Promise<InvitationRequest[]> {
  const cycleId = context.cycle.id;
  const participants = await db
    .selectFrom("participant")
    .innerJoin("person as subject", "subject.id", "participant.person_id")
    .leftJoin("person as manager", (join) =>
      join
        .onRef("manager.id", "=", "participant.manager_person_id")
        .on("manager.is_active", "=", 1),
    )
    .select([
      "participant.id",
      "subject.id as subject_id",
      "subject.first_name",
      "subject.last_name",
      "subject.email",
      "subject.locale",
      "manager.id as manager_id",
      "manager.first_name as manager_first_name",
      "manager.last_name as manager_last_name",
      "manager.email as manager_email",
      "manager.locale as manager_locale",
    ])
    .where("participant.cycle_id", "=", cycleId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("invitation")
            .select("invitation.id")
            .whereRef("invitation.participant_id", "=", "participant.id"),
        ),
      ),
    )
    .orderBy("subject.last_name")
    .orderBy("subject.first_name")
    .execute();
  if (participants.length === 0) return [];

  const nominations = await db
    .selectFrom("nomination")
    .innerJoin("participant", "participant.id", "nomination.participant_id")
    .leftJoin("person as rater", "rater.id", "nomination.rater_person_id")
    .select([
      "nomination.participant_id",
      "nomination.relationship",
      "nomination.rater_person_id",
      "nomination.rater_name",
      "nomination.rater_email",
      "rater.locale as rater_locale",
      "rater.is_active as rater_active",
    ])
    .where("participant.cycle_id", "=", cycleId)
    .where("nomination.status", "=", "approved")
    .orderBy("nomination.created_at")
    .orderBy("nomination.id")
    .execute();

  const localeFor = (personLocale: Locale | null) =>
    mailLocale({
      cycleMailLocale: context.cycle.mailLocale,
      personLocale,
      organisationDefault: context.organisation.defaultLocale,
    });

  const nominationsOf = new Map<string, (typeof nominations)[number][]>();
  for (const nomination of nominations) {
    const list = nominationsOf.get(nomination.participant_id) ?? [];
    list.push(nomination);
    nominationsOf.set(nomination.participant_id, list);
  }

  const requests: InvitationRequest[] = [];
  for (const participant of participants) {
    const participantName = fullName(participant);
    const subject = { personId: participant.subject_id, email: participant.email };
    const invited: RaterIdentity[] = [];
    const add = (request: Omit<InvitationRequest, "participantId" | "participantName">) => {
      const rater = { personId: request.raterPersonId, email: request.raterEmail };
      const refusal = judgeVoice({
        participant: subject,
        rater,
        relationship: request.relationship,
        invited,
      });
      if (refusal) return;
      invited.push(rater);
      requests.push({ ...request, participantId: participant.id, participantName });
    };

    add({
      relationship: "self",
      raterPersonId: participant.subject_id,
      raterName: participantName,
      raterEmail: participant.email,
      locale: localeFor(participant.locale),
    });
    const managerName = fullNameOrNull({
      first_name: participant.manager_first_name,
      last_name: participant.manager_last_name,
    });
    if (participant.manager_id && participant.manager_email && managerName !== null) {
      add({
        relationship: "manager",
        raterPersonId: participant.manager_id,
        raterName: managerName,
        raterEmail: participant.manager_email,
        locale: localeFor(participant.manager_locale),
      });
    }
    for (const nomination of nominationsOf.get(participant.id) ?? []) {
      if (nomination.rater_person_id !== null && nomination.rater_active !== 1) continue;
      add({
        relationship: nomination.relationship,
        raterPersonId: nomination.rater_person_id,
        raterName: nomination.rater_name,
        raterEmail: nomination.rater_email,
        locale: localeFor(nomination.rater_locale),
      });
    }
  }
  return requests;
}
