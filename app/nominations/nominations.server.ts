import type { DB } from "#db/database";
import { enqueueReviewRequestMail } from "./mails.server";
import {
  auditNominations,
  findActiveNomination,
  loadNominationOverview,
  onOpenParticipation,
  placeNomination,
  refused,
  refusingRacedDuplicates,
  type CandidateInput,
  type Refused,
} from "./nomination-store.server";
import {
  mayActAsParticipant,
  type Actor,
  type NominationContext,
} from "./participant-context.server";

// The participant's side of nominating: propose raters, withdraw a proposal, submit the whole
// list to the lead. HR may do all of it for a participant ("HR can step in"); what HR does on
// someone's behalf goes to the audit log.

/** The participant (or HR) changes the proposals until they are submitted. */
const PARTICIPANT_SIDE = {
  mayAct: mayActAsParticipant,
  refusal: (_actor: Actor, context: NominationContext) =>
    context.nominationStatus !== "open" ? ("submitted" as const) : null,
};

const actsForSomeoneElse = (actor: Actor, context: NominationContext) =>
  actor.id !== context.person.id;

/** Proposes a rater (a colleague, customer or direct report) for the lead to approve. */
export async function proposeNomination(
  db: DB,
  actor: Actor,
  participantId: string,
  candidate: CandidateInput,
  now: Date = new Date(),
): Promise<{ ok: true; raterName: string } | Refused> {
  return refusingRacedDuplicates(() =>
    onOpenParticipation(db, actor, participantId, PARTICIPANT_SIDE, async (trx, context) => {
      const placed = await placeNomination(trx, context, "participant", actor, candidate, now);
      if (!placed.ok) return placed;
      if (actsForSomeoneElse(actor, context)) {
        await auditNominations(
          trx,
          actor,
          context,
          "nomination_added",
          {
            nominationId: placed.nominationId,
            relationship: candidate.group,
            raterName: placed.raterName,
            onBehalf: true,
          },
          now,
        );
      }
      return { ok: true as const, raterName: placed.raterName };
    }),
  );
}

/** Withdraws one of the participant's own proposals (before they submit). */
export async function withdrawNomination(
  db: DB,
  actor: Actor,
  participantId: string,
  nominationId: string,
  now: Date = new Date(),
): Promise<{ ok: true; raterName: string } | Refused> {
  return onOpenParticipation(db, actor, participantId, PARTICIPANT_SIDE, async (trx, context) => {
    const nomination = await findActiveNomination(trx, participantId, nominationId);
    if (!nomination) return refused("not_found");
    if (nomination.status !== "proposed") return refused("decided_by_lead");
    // Never decided by anyone, so nothing to keep: the proposal simply goes.
    await trx.deleteFrom("nomination").where("id", "=", nomination.id).execute();
    if (actsForSomeoneElse(actor, context)) {
      await auditNominations(
        trx,
        actor,
        context,
        "nomination_removed",
        { nominationId, relationship: nomination.relationship, onBehalf: true },
        now,
      );
    }
    return { ok: true, raterName: nomination.rater_name };
  });
}

/**
 * Submits the proposals to the lead, who gets a mail. Every group must be within its limits
 * (minimum and maximum); the lead and HR may later knowingly approve fewer.
 */
export async function submitNominations(
  db: DB,
  actor: Actor,
  participantId: string,
  now: Date = new Date(),
): Promise<{ ok: true; leadNotified: boolean } | Refused> {
  return onOpenParticipation(db, actor, participantId, PARTICIPANT_SIDE, async (trx, context) => {
    const overview = await loadNominationOverview(trx, context);
    if (overview.problems.length > 0) return refused("limits", overview.problems);
    const moment = now.toISOString();
    const updated = await trx
      .updateTable("participant")
      .set({ nomination_status: "submitted", nominations_submitted_at: moment })
      .where("id", "=", participantId)
      .where("nomination_status", "=", "open")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return refused("submitted");
    await auditNominations(
      trx,
      actor,
      context,
      "nominations_submitted",
      {
        colleague: overview.counts.colleague,
        customer: overview.counts.customer,
        report: overview.counts.report,
        onBehalf: actsForSomeoneElse(actor, context),
      },
      now,
    );
    const leadNotified = await enqueueReviewRequestMail(trx, context, now);
    return { ok: true, leadNotified };
  });
}
