import type { DB } from "#db/database";
import type { NominationStatus, ParticipantNominationStatus, Relationship } from "#db/schema";
import { countNominations, limitProblems, limitsFor, type LimitProblem } from "./limits";
import { enqueueDecisionMail } from "./mails.server";
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
import { loadDirectReportIds } from "./directory.server";
import { mayActAsLead, type Actor, type NominationContext } from "./participant-context.server";
import { fullName } from "~/people/full-name";
import { compareByName, compareDutchNames } from "~/people/dutch-order";

// The lead's side of nominating: remove or add raters, approve, approve everyone at once.
// HR may do the same for anyone. The maximum per group holds for everyone; fewer than the
// minimum is shown as a warning, and may be approved knowingly.

/** The lead (or HR) reviews once the participant submitted; HR need not wait for that. */
const LEAD_SIDE = {
  mayAct: mayActAsLead,
  refusal: (actor: Actor, context: NominationContext) =>
    context.nominationStatus === "open" && !actor.isHrAdmin ? ("not_submitted" as const) : null,
};

async function actorName(db: DB, actor: Actor): Promise<string> {
  const person = await db
    .selectFrom("person")
    .select(["first_name", "last_name"])
    .where("id", "=", actor.id)
    .executeTakeFirst();
  return person ? fullName(person) : "";
}

/** After approval, every change is told to the participant straight away. */
async function tellParticipantOfChange(
  db: DB,
  actor: Actor,
  context: NominationContext,
  change: { removed?: string[]; added?: string[] },
  now: Date,
) {
  if (context.nominationStatus !== "approved") return;
  await enqueueDecisionMail(
    db,
    context,
    {
      kind: "changed",
      actorName: await actorName(db, actor),
      removed: change.removed ?? [],
      added: change.added ?? [],
    },
    now,
  );
}

/** Adds a rater, approved at once (and brings back one removed earlier). */
export async function addNomination(
  db: DB,
  actor: Actor,
  participantId: string,
  candidate: CandidateInput,
  now: Date = new Date(),
): Promise<{ ok: true; raterName: string } | Refused> {
  return refusingRacedDuplicates(() =>
    onOpenParticipation(db, actor, participantId, LEAD_SIDE, async (trx, context) => {
      const placed = await placeNomination(trx, context, "lead", actor, candidate, now);
      if (!placed.ok) return placed;
      // Named in the log, so no rater is added unseen.
      await auditNominations(
        trx,
        actor,
        context,
        "nomination_added",
        {
          nominationId: placed.nominationId,
          relationship: candidate.group,
          raterName: placed.raterName,
        },
        now,
      );
      await tellParticipantOfChange(trx, actor, context, { added: [placed.raterName] }, now);
      return { ok: true as const, raterName: placed.raterName };
    }),
  );
}

/** Removes a proposed or approved rater; the row stays, marked removed, with who decided. */
export async function removeNomination(
  db: DB,
  actor: Actor,
  participantId: string,
  nominationId: string,
  now: Date = new Date(),
): Promise<{ ok: true; raterName: string } | Refused> {
  return onOpenParticipation(db, actor, participantId, LEAD_SIDE, async (trx, context) => {
    const nomination = await findActiveNomination(trx, participantId, nominationId);
    if (!nomination) return refused("not_found");
    await trx
      .updateTable("nomination")
      .set({ status: "removed", decided_by_person_id: actor.id, decided_at: now.toISOString() })
      .where("id", "=", nomination.id)
      .execute();
    await auditNominations(
      trx,
      actor,
      context,
      "nomination_removed",
      { nominationId, relationship: nomination.relationship },
      now,
    );
    await tellParticipantOfChange(trx, actor, context, { removed: [nomination.rater_name] }, now);
    return { ok: true, raterName: nomination.rater_name };
  });
}

/**
 * Approves the participant's nominations: every remaining proposal becomes approved, and the
 * participant hears so by mail, with the raters the lead removed or added along the way.
 */
export async function approveNominations(
  db: DB,
  actor: Actor,
  participantId: string,
  now: Date = new Date(),
): Promise<{ ok: true; approved: number; problems: LimitProblem[] } | Refused> {
  return onOpenParticipation(db, actor, participantId, LEAD_SIDE, async (trx, context) => {
    if (context.nominationStatus === "approved") return refused("approved");
    const overview = await loadNominationOverview(trx, context);
    const moment = now.toISOString();
    // What the lead's side did before approving: removals, and additions (approved at once).
    const removed = overview.nominations.filter((n) => n.status === "removed");
    const added = overview.nominations.filter((n) => n.status === "approved");
    await trx
      .updateTable("nomination")
      .set({ status: "approved", decided_by_person_id: actor.id, decided_at: moment })
      .where("participant_id", "=", participantId)
      .where("status", "=", "proposed")
      .execute();
    const updated = await trx
      .updateTable("participant")
      .set({
        nomination_status: "approved",
        nominations_approved_at: moment,
        nominations_approved_by_person_id: actor.id,
      })
      .where("id", "=", participantId)
      .where("nomination_status", "!=", "approved")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return refused("approved");
    const approved = overview.nominations.length - removed.length;
    await auditNominations(
      trx,
      actor,
      context,
      "nominations_approved",
      {
        count: approved,
        belowMinimum: overview.problems.some((problem) => problem.kind === "too_few"),
        // Who the approval invites, by name: no rater is added unseen.
        raters: overview.nominations.filter((n) => n.status !== "removed").map((n) => n.raterName),
      },
      now,
    );
    await enqueueDecisionMail(
      trx,
      context,
      {
        kind: "approved",
        actorName: await actorName(trx, actor),
        removed: removed.map((n) => n.raterName),
        added: added.map((n) => n.raterName),
      },
      now,
    );
    return { ok: true, approved, problems: overview.problems };
  });
}

export interface ReviewQueueEntry {
  participantId: string;
  cycleId: string;
  name: string;
  cycleName: string;
  nominationDeadline: string | null;
  status: ParticipantNominationStatus;
  submittedAt: string | null;
  activeNominations: number;
  problems: LimitProblem[];
}

function reviewableParticipants(db: DB, actor: Actor) {
  let query = db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .where("cycle.organisation_id", "=", actor.organisationId)
    .where("cycle.status", "=", "nominating")
    .where("participant.person_id", "!=", actor.id);
  if (!actor.isHrAdmin) query = query.where("participant.manager_person_id", "=", actor.id);
  return query;
}

/**
 * The participations the actor reviews in rounds that are nominating: the lead's own people
 * (HR: everyone in the organisation), with their counts and any group outside its limits.
 */
export async function loadReviewQueue(db: DB, actor: Actor): Promise<ReviewQueueEntry[]> {
  const rows = await reviewableParticipants(db, actor)
    .select([
      "participant.id",
      "participant.person_id",
      "participant.nomination_status",
      "participant.nominations_submitted_at",
      "person.first_name",
      "person.last_name",
      "cycle.id as cycle_id",
      "cycle.name as cycle_name",
      "cycle.nomination_deadline",
      "cycle.colleague_min",
      "cycle.colleague_max",
      "cycle.customer_min",
      "cycle.customer_max",
      "cycle.report_min",
      "cycle.report_max",
      "cycle.include_reports_group",
    ])
    .execute();
  // By round, then person, in Dutch order (app/people/dutch-order.ts), not the database's.
  rows.sort(
    (a, b) =>
      compareByName(
        { name: a.cycle_name, id: a.cycle_id },
        { name: b.cycle_name, id: b.cycle_id },
      ) || compareDutchNames(a, b),
  );
  const nominations = await loadNominationStates(
    db,
    rows.map((row) => row.id),
  );
  const entries: ReviewQueueEntry[] = [];
  for (const row of rows) {
    // Only a round with a reports group needs to know whom the participant leads.
    const directReports =
      row.include_reports_group === 1
        ? await loadDirectReportIds(db, actor.organisationId, row.person_id)
        : new Set<string>();
    const counts = countNominations(nominations.get(row.id) ?? []);
    entries.push({
      participantId: row.id,
      cycleId: row.cycle_id,
      name: fullName(row),
      cycleName: row.cycle_name,
      nominationDeadline: row.nomination_deadline,
      status: row.nomination_status,
      submittedAt: row.nominations_submitted_at,
      activeNominations: counts.colleague + counts.customer + counts.report,
      problems: limitProblems(limitsFor(row, directReports.size), counts),
    });
  }
  return entries;
}

/** The group and status of every nomination of these participations, per participation. */
async function loadNominationStates(db: DB, participantIds: readonly string[]) {
  const byParticipant = new Map<
    string,
    { relationship: Relationship; status: NominationStatus }[]
  >();
  // Chunks keep the IN list under SQLite's bound-parameter limit for HR's whole organisation.
  for (let start = 0; start < participantIds.length; start += 500) {
    const rows = await db
      .selectFrom("nomination")
      .select(["participant_id", "relationship", "status"])
      .where("participant_id", "in", participantIds.slice(start, start + 500))
      .execute();
    for (const row of rows) {
      const list = byParticipant.get(row.participant_id) ?? [];
      list.push(row);
      byParticipant.set(row.participant_id, list);
    }
  }
  return byParticipant;
}

/** How many submitted nominations wait for this lead (their own people only, also for HR). */
export async function countWaitingReviews(db: DB, actor: Actor): Promise<number> {
  const row = await reviewableParticipants(db, { ...actor, isHrAdmin: false })
    .where("participant.nomination_status", "=", "submitted")
    .select((eb) => eb.fn.countAll<number>().as("waiting"))
    .executeTakeFirstOrThrow();
  return Number(row.waiting);
}

/** Whether the actor has a review queue at all: HR, or the lead of someone in any round. */
export async function hasReviewQueue(db: DB, actor: Actor): Promise<boolean> {
  if (actor.isHrAdmin) return true;
  const row = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select("participant.id")
    .where("cycle.organisation_id", "=", actor.organisationId)
    .where("participant.manager_person_id", "=", actor.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Approves every submitted participation in the actor's queue; returns how many. */
export async function approveAllSubmitted(
  db: DB,
  actor: Actor,
  now: Date = new Date(),
): Promise<number> {
  const waiting = await reviewableParticipants(db, actor)
    .where("participant.nomination_status", "=", "submitted")
    .select("participant.id")
    .execute();
  let approved = 0;
  for (const { id } of waiting) {
    const outcome = await approveNominations(db, actor, id, now);
    if (outcome.ok) approved += 1;
  }
  return approved;
}
