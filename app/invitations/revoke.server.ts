import { inTransaction } from "#db/transaction";
import { sql } from "kysely";
import type { DB } from "#db/database";
import type { InvitationStatus } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { dropInvitationFromUnsentMails } from "./rater-mails.server";

export interface RevokeRequest {
  organisationId: string;
  cycleId: string;
  participantId: string;
  invitationId: string;
  actorPersonId: string;
}

/**
 * Withdraws an invitation while the cycle is collecting (say the rater left): revoked_at is
 * set, so the link stops working. An open invitation also gets status "revoked"; a submitted
 * or declined one keeps its status, so its answer stays (unlinkable) and the progress
 * counts move the same way whether the rater had answered or not (app/cycles/progress.ts).
 * Its draft, if any, is deleted: nobody can continue it. Revoking twice changes nothing.
 *
 * Returns false when there is no such invitation of this participant in a collecting cycle
 * of the organisation; otherwise true, whatever the invitation's state was, so the caller
 * cannot tell HR anything about it.
 */
export async function revokeInvitation(
  db: DB,
  request: RevokeRequest,
  now: Date = new Date(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const invitation = await trx
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .innerJoin("participant", "participant.id", "invitation.participant_id")
      .select(["invitation.id", "invitation.relationship", "participant.person_id"])
      .where("invitation.id", "=", request.invitationId)
      .where("invitation.participant_id", "=", request.participantId)
      .where("invitation.cycle_id", "=", request.cycleId)
      .where("cycle.organisation_id", "=", request.organisationId)
      .where("cycle.status", "=", "collecting")
      .executeTakeFirst();
    if (!invitation) return false;

    const revoked = await trx
      .updateTable("invitation")
      .set({
        revoked_at: now.toISOString(),
        status: sql<InvitationStatus>`case when status = 'open' then 'revoked' else status end`,
      })
      .where("id", "=", invitation.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    if (Number(revoked.numUpdatedRows) === 0) return true;

    await trx.deleteFrom("draft").where("invitation_id", "=", invitation.id).execute();
    // Its link leaves every mail not sent yet (a mail that listed only this one is dropped).
    await dropInvitationFromUnsentMails(trx, invitation.id);
    await recordAudit(
      trx,
      {
        organisationId: request.organisationId,
        actorPersonId: request.actorPersonId,
        action: "invitation_revoked",
        subjectType: "person",
        subjectId: invitation.person_id,
        details: {
          participantId: request.participantId,
          cycleId: request.cycleId,
          relationship: invitation.relationship,
        },
      },
      now,
    );
    return true;
  });
}
