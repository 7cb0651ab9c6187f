import type { DB } from "#db/database";
import { enqueueReviewRequestMail } from "./mails.server";
import {
  auditNominations,
  inTransaction,
  loadNominationOverview,
  placeNomination,
  refused,
  type CandidateInput,
  type Refused,
} from "./nomination-store.server";
import {
  isNominationOpen,
  loadNominationContext,
  mayActAsParticipant,
  type Actor,
  type NominationContext,
} from "./participant-context.server";

// The participant's side of nominating: propose raters, withdraw a proposal, submit the whole
// list to the lead. HR may do all of it for a participant ("HR can step in"); what HR does on
// someone's behalf goes to the audit log.

type ParticipantStep = { ok: true; context: NominationContext } | Refused;

/** The participation, if the actor may change its proposals now. */
async function openForProposals(
  db: DB,
  actor: Actor,
  participantId: string,
): Promise<ParticipantStep> {
  const context = await loadNominationContext(db, participantId);
  if (!context || !mayActAsParticipant(actor, context)) return refused("not_found");
  if (!isNominationOpen(context)) return refused("closed");
  if (context.nominationStatus !== "open") return refused("submitted");
  return { ok: true, context };
}

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
  return inTransaction(db, async (trx) => {
    const step = await openForProposals(trx, actor, participantId);
    if (!step.ok) return step;
    const placed = await placeNomination(trx, step.context, "participant", actor, candidate, now);
    if (!placed.ok) return placed;
    if (actsForSomeoneElse(actor, step.context)) {
      await auditNominations(
        trx,
        actor,
        step.context,
        "nomination_added",
        { nominationId: placed.nominationId, relationship: candidate.group, onBehalf: true },
        now,
      );
    }
    return { ok: true, raterName: placed.raterName };
  });
}

/** Withdraws one of the participant's own proposals (before they submit). */
export async function withdrawNomination(
  db: DB,
  actor: Actor,
  participantId: string,
  nominationId: string,
  now: Date = new Date(),
): Promise<{ ok: true; raterName: string } | Refused> {
  return inTransaction(db, async (trx) => {
    const step = await openForProposals(trx, actor, participantId);
    if (!step.ok) return step;
    const nomination = await trx
      .selectFrom("nomination")
      .select(["id", "status", "rater_name", "relationship"])
      .where("id", "=", nominationId)
      .where("participant_id", "=", participantId)
      .executeTakeFirst();
    if (!nomination || nomination.status === "removed") return refused("not_found");
    if (nomination.status !== "proposed") return refused("decided_by_lead");
    // Never decided by anyone, so nothing to keep: the proposal simply goes.
    await trx.deleteFrom("nomination").where("id", "=", nomination.id).execute();
    if (actsForSomeoneElse(actor, step.context)) {
      await auditNominations(
        trx,
        actor,
        step.context,
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
  return inTransaction(db, async (trx) => {
    const step = await openForProposals(trx, actor, participantId);
    if (!step.ok) return step;
    const { context } = step;
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
