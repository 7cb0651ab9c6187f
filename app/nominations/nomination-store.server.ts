import { inTransaction } from "#db/transaction";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { NominationStatus } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import type { AuditAction } from "~/audit/audit-actions";
import { isUniqueViolation } from "~/invitations/one-voice.server";
import { judgeCandidate, type CandidateRefusal, type NominationSide } from "./candidate-rules";
import { peopleAtAddress } from "~/invitations/rater-address.server";
import { findDirectoryPerson, loadDirectReportIds } from "./directory.server";
import { compareByName } from "~/people/dutch-order";
import {
  countNominations,
  isNominatedGroup,
  limitProblems,
  limitsFor,
  type GroupLimit,
  type LimitProblem,
  type NominatedGroup,
  type NominationCounts,
} from "./limits";
import {
  isNominationOpen,
  loadNominationContext,
  type Actor,
  type NominationContext,
} from "./participant-context.server";

// Reading and writing nomination rows; the participant's and the lead's operations
// (nominations.server.ts, review.server.ts) decide who may do what, and when.

export interface NominationRecord {
  id: string;
  relationship: NominatedGroup;
  status: NominationStatus;
  raterPersonId: string | null;
  raterName: string;
  raterEmail: string;
  /** The team of a rater from the directory. */
  teamName: string | null;
  proposedByPersonId: string | null;
  createdAt: string;
}

/** Why an operation on nominations did not happen; the pages turn each into a message. */
export type NominationRefusal =
  | CandidateRefusal
  /** No such participation or nomination, or not the actor's: the page answers 404. */
  | "not_found"
  /** The chosen person is not (or no longer) an active person of the organisation. */
  | "unknown_person"
  /** The round is past its nominating stage: nominations are read-only. */
  | "closed"
  /** The participant already submitted: only the lead (or HR) changes things now. */
  | "submitted"
  /** The participant has not submitted yet: the lead waits (HR may step in). */
  | "not_submitted"
  /** The nominations are approved already. */
  | "approved"
  /** Only a proposal can be withdrawn; the lead's additions are the lead's to remove. */
  | "decided_by_lead"
  /** A group is outside its limits (see `problems`). */
  | "limits";

export type Refused = { ok: false; reason: NominationRefusal; problems?: LimitProblem[] };
export const refused = (reason: NominationRefusal, problems?: LimitProblem[]): Refused => ({
  ok: false,
  reason,
  ...(problems ? { problems } : {}),
});

/**
 * Runs an operation on one participation in a transaction, once the actor may act on it
 * (`mayAct`, else not found), the round is nominating (else closed) and `refusal` of the side
 * (participant or lead) finds nothing against it now.
 */
export function onOpenParticipation<T>(
  db: DB,
  actor: Actor,
  participantId: string,
  side: {
    mayAct: (actor: Actor, context: NominationContext) => boolean;
    refusal: (actor: Actor, context: NominationContext) => NominationRefusal | null;
  },
  work: (trx: DB, context: NominationContext) => Promise<T | Refused>,
): Promise<T | Refused> {
  return inTransaction(db, async (trx) => {
    const context = await loadNominationContext(trx, participantId);
    if (!context || !side.mayAct(actor, context)) return refused("not_found");
    if (!isNominationOpen(context)) return refused("closed");
    const reason = side.refusal(actor, context);
    if (reason) return refused(reason);
    return work(trx, context);
  });
}

/**
 * Runs an operation that places a nomination; when a second request for the same rater
 * raced past the check (a double click, two servers), the database's one-voice index
 * (migration 0006) stops it and the whole transaction rolled back: that is the refusal the
 * check gives, "already nominated", not an error.
 */
export async function refusingRacedDuplicates<T>(
  place: () => Promise<T | Refused>,
): Promise<T | Refused> {
  try {
    return await place();
  } catch (error) {
    if (isUniqueViolation(error)) return refused("already_nominated");
    throw error;
  }
}

/** One nomination of the participation that is not removed, or undefined. */
export function findActiveNomination(db: DB, participantId: string, nominationId: string) {
  return db
    .selectFrom("nomination")
    .select(["id", "status", "rater_name", "relationship"])
    .where("id", "=", nominationId)
    .where("participant_id", "=", participantId)
    .where("status", "!=", "removed")
    .executeTakeFirst();
}

export async function loadNominations(db: DB, participantId: string) {
  const rows = await db
    .selectFrom("nomination")
    .leftJoin("person", "person.id", "nomination.rater_person_id")
    .leftJoin("team", "team.id", "person.team_id")
    .select([
      "nomination.id",
      "nomination.relationship",
      "nomination.status",
      "nomination.rater_person_id",
      "nomination.rater_name",
      "nomination.rater_email",
      "nomination.proposed_by_person_id",
      "nomination.created_at",
      "team.name as team_name",
    ])
    .where("nomination.participant_id", "=", participantId)
    .execute();
  // In the order they were made; those made at one moment by name, in Dutch order.
  rows.sort(
    (a, b) =>
      (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0) ||
      compareByName({ name: a.rater_name, id: a.id }, { name: b.rater_name, id: b.id }),
  );
  return rows.flatMap((row): NominationRecord[] =>
    isNominatedGroup(row.relationship)
      ? [
          {
            id: row.id,
            relationship: row.relationship,
            status: row.status,
            raterPersonId: row.rater_person_id,
            raterName: row.rater_name,
            raterEmail: row.rater_email,
            teamName: row.rater_person_id ? row.team_name : null,
            proposedByPersonId: row.proposed_by_person_id,
            createdAt: row.created_at,
          },
        ]
      : [],
  );
}

export interface NominationOverview {
  nominations: NominationRecord[];
  limits: GroupLimit[];
  counts: NominationCounts;
  problems: LimitProblem[];
  directReportIds: Set<string>;
}

/** The participant's nominations with the limits that apply to them. */
export async function loadNominationOverview(
  db: DB,
  context: NominationContext,
): Promise<NominationOverview> {
  const [nominations, directReportIds] = await Promise.all([
    loadNominations(db, context.participantId),
    context.cycle.limits.include_reports_group === 1
      ? loadDirectReportIds(db, context.organisationId, context.person.id)
      : Promise.resolve(new Set<string>()),
  ]);
  const limits = limitsFor(context.cycle.limits, directReportIds.size);
  const counts = countNominations(nominations);
  return { nominations, limits, counts, problems: limitProblems(limits, counts), directReportIds };
}

/** A rater to nominate: someone from the directory, or a customer by name and address. */
export type CandidateInput =
  { group: NominatedGroup; personId: string } | { group: "customer"; name: string; email: string };

interface ResolvedRater {
  personId: string | null;
  name: string;
  email: string;
  /**
   * Anyone else whose directory address reaches the same mailbox (an address handed on to a
   * newcomer, say): one voice per rater holds for them too.
   */
  otherPersonIds: string[];
}

/** The refusals that say who the rater is (not where or how many), for otherPersonIds. */
const SAME_RATER_REFUSALS: ReadonlySet<CandidateRefusal> = new Set([
  "self",
  "manager",
  "already_nominated",
  "removed_by_lead",
]);

async function resolveRater(
  db: DB,
  context: NominationContext,
  candidate: CandidateInput,
): Promise<ResolvedRater | null> {
  if ("personId" in candidate) {
    const person = await findDirectoryPerson(db, context.organisationId, candidate.personId);
    return (
      person && { personId: person.id, name: person.name, email: person.email, otherPersonIds: [] }
    );
  }
  // An address of someone in the organisation (that address, a "+tag" alias of it, also of
  // someone who has left since) links the nomination to them: they find their questionnaire in
  // "Mijn Rondom" later, and one voice per rater knows them by person, so the new address of
  // someone who left is not a second voice. (At launch a nomination of someone who has left
  // is skipped, as it is when they were chosen from the directory.)
  const email = candidate.email.trim().toLowerCase();
  const [first, ...others] = await peopleAtAddress(db, context.organisationId, email);
  return {
    personId: first?.id ?? null,
    name: candidate.name.trim(),
    email,
    otherPersonIds: others.map((person) => person.id),
  };
}

/**
 * Adds a rater for the participant after checking every rule (self, manager, duplicates,
 * direct reports, the group's maximum). A proposal waits for the lead; what the lead (or HR on
 * the lead's side) adds is approved at once, and brings back a rater they removed earlier.
 */
export async function placeNomination(
  db: DB,
  context: NominationContext,
  side: NominationSide,
  actor: Actor,
  candidate: CandidateInput,
  now: Date,
): Promise<{ ok: true; raterName: string; nominationId: string } | Refused> {
  const rater = await resolveRater(db, context, candidate);
  if (!rater) return refused("unknown_person");
  const overview = await loadNominationOverview(db, context);
  const judge = (personId: string | null) =>
    judgeCandidate({
      side,
      group: candidate.group,
      rater: { personId, email: rater.email },
      participant: { personId: context.person.id, email: context.person.email },
      manager: context.manager && { personId: context.manager.id, email: context.manager.email },
      directReportIds: overview.directReportIds,
      limits: overview.limits,
      existing: overview.nominations,
    });
  const verdict = judge(rater.personId);
  if (verdict.verdict === "refuse") return refused(verdict.reason);
  for (const personId of rater.otherPersonIds) {
    const other = judge(personId);
    if (other.verdict === "refuse" && SAME_RATER_REFUSALS.has(other.reason)) {
      return refused(other.reason);
    }
  }

  const moment = now.toISOString();
  const decided = side === "lead";
  if (verdict.verdict === "reinstate") {
    await db
      .updateTable("nomination")
      .set({
        relationship: candidate.group,
        rater_name: rater.name,
        rater_email: rater.email,
        rater_person_id: rater.personId,
        status: "approved",
        decided_by_person_id: actor.id,
        decided_at: moment,
      })
      .where("id", "=", verdict.nominationId)
      .execute();
    return { ok: true, raterName: rater.name, nominationId: verdict.nominationId };
  }
  const id = newId();
  await db
    .insertInto("nomination")
    .values({
      id,
      participant_id: context.participantId,
      relationship: candidate.group,
      rater_person_id: rater.personId,
      rater_name: rater.name,
      rater_email: rater.email,
      status: decided ? "approved" : "proposed",
      proposed_by_person_id: actor.id,
      decided_by_person_id: decided ? actor.id : null,
      created_at: moment,
      decided_at: decided ? moment : null,
    })
    .execute();
  return { ok: true, raterName: rater.name, nominationId: id };
}

/** An audit entry about a participant's nominations, naming the participant as the subject. */
export function auditNominations(
  db: DB,
  actor: Actor,
  context: NominationContext,
  action: AuditAction,
  details: Record<string, string | number | boolean | null | readonly string[]>,
  now: Date,
): Promise<void> {
  return recordAudit(
    db,
    {
      organisationId: context.organisationId,
      actorPersonId: actor.id,
      action,
      subjectType: "person",
      subjectId: context.person.id,
      details: { cycleId: context.cycle.id, participantId: context.participantId, ...details },
    },
    now,
  );
}
