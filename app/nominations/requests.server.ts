import type { DB } from "#db/database";
import { recordAudit } from "~/audit/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { nominationRequestEmail } from "~/email/templates/nomination-request.server";
import { appUrl } from "~/utils/env.server";
import { mailLocaleFor } from "./mails.server";
import { inTransaction } from "#db/transaction";
import { nominationPath } from "./paths";
import { fullName } from "~/people/full-name";

// The nomination work that belongs to a round's status steps (app/cycles/lifecycle.server.ts):
// asking participants to propose raters when nominating starts (and when participants are
// added later), and approving what still waits when HR starts collecting.

/**
 * "Please nominate your raters before <deadline>" to every participant of the cycle who was
 * not asked yet (participant.nomination_requested_at), so calling it again (e.g. after adding
 * participants) never mails anyone twice. Call it when the cycle is nominating. Deactivated
 * people get no mail. Returns the number of mails enqueued.
 */
export async function enqueueNominationRequests(
  db: DB,
  cycleId: string,
  now: Date = new Date(),
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const cycle = await trx
      .selectFrom("cycle")
      .innerJoin("organisation", "organisation.id", "cycle.organisation_id")
      .select([
        "cycle.name",
        "cycle.nomination_deadline",
        "cycle.mail_locale",
        "organisation.id as organisation_id",
        "organisation.name as organisation_name",
      ])
      .where("cycle.id", "=", cycleId)
      .executeTakeFirst();
    if (!cycle) return 0;
    const participants = await trx
      .selectFrom("participant")
      .innerJoin("person", "person.id", "participant.person_id")
      .select([
        "participant.id",
        "person.first_name",
        "person.last_name",
        "person.email",
        "person.locale",
      ])
      .where("participant.cycle_id", "=", cycleId)
      .where("participant.nomination_requested_at", "is", null)
      .where("participant.nomination_status", "=", "open")
      .where("person.is_active", "=", 1)
      .orderBy("person.last_name")
      .orderBy("person.first_name")
      .execute();
    let enqueued = 0;
    for (const participant of participants) {
      // Claimed first: whoever marks the participant as asked is the one who mails them.
      const claimed = await trx
        .updateTable("participant")
        .set({ nomination_requested_at: now.toISOString() })
        .where("id", "=", participant.id)
        .where("nomination_requested_at", "is", null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const locale = mailLocaleFor({ mailLocale: cycle.mail_locale }, participant);
      const mail = nominationRequestEmail("request", {
        locale,
        organisationName: cycle.organisation_name,
        firstName: participant.first_name,
        cycleName: cycle.name,
        deadline: cycle.nomination_deadline,
        link: `${appUrl()}${nominationPath(participant.id)}`,
      });
      await enqueueEmail(
        trx,
        {
          organisationId: cycle.organisation_id,
          kind: "nomination-request",
          to: participant.email,
          toName: fullName(participant),
          locale,
          ...mail,
        },
        now,
      );
      enqueued += 1;
    }
    return enqueued;
  });
}

/**
 * Approves every still-proposed nomination of the cycle and marks every participant whose
 * nominations were not approved yet as approved by the actor (HR starting collecting before
 * every lead approved). Sends no mail: the invitations that follow are the news. Returns the
 * number of participants whose nominations it approved.
 */
export async function approveOpenNominations(
  db: DB,
  cycleId: string,
  actorPersonId: string,
  now: Date = new Date(),
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const cycle = await trx
      .selectFrom("cycle")
      .select(["organisation_id"])
      .where("id", "=", cycleId)
      .executeTakeFirst();
    if (!cycle) return 0;
    const pending = await trx
      .selectFrom("participant")
      .select("id")
      .where("cycle_id", "=", cycleId)
      .where("nomination_status", "!=", "approved")
      .execute();
    if (pending.length === 0) return 0;
    const moment = now.toISOString();
    const participantIds = pending.map((row) => row.id);
    for (let start = 0; start < participantIds.length; start += 500) {
      const chunk = participantIds.slice(start, start + 500);
      await trx
        .updateTable("nomination")
        .set({ status: "approved", decided_by_person_id: actorPersonId, decided_at: moment })
        .where("participant_id", "in", chunk)
        .where("status", "=", "proposed")
        .execute();
      await trx
        .updateTable("participant")
        .set({
          nomination_status: "approved",
          nominations_approved_at: moment,
          nominations_approved_by_person_id: actorPersonId,
        })
        .where("id", "in", chunk)
        .execute();
    }
    await recordAudit(
      trx,
      {
        organisationId: cycle.organisation_id,
        actorPersonId,
        action: "nominations_approved",
        subjectType: "cycle",
        subjectId: cycleId,
        details: { cycleId, count: participantIds.length, all: true },
      },
      now,
    );
    return participantIds.length;
  });
}
