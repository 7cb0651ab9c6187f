import { inTransaction } from "#db/transaction";
import { withJobLock } from "#db/job-lock";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { scheduleAtRestCleanup } from "#db/wal";
import type { Cycle, CycleStatus } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import type { AuditAction } from "~/audit/audit-actions";
import { createCycleInvitations } from "~/invitations/create.server";
import { dropUnsentRaterMailsOfCycle } from "~/invitations/rater-mails.server";
import { enqueueReportReadyMails } from "~/invitations/report-ready.server";
import { approveOpenNominations, enqueueNominationRequests } from "~/nominations/requests.server";
import { currentVersionFor } from "~/profiles/library.server";
import { deleteDraftsOfCycle, publishSealedAnswers } from "~/rater/sealed-answers.server";
import { computeCycleReports } from "~/reports/release.server";
import { dayInOrganisation } from "~/utils/dates";
import { findCycle } from "./cycles.server";
import {
  checkTransition,
  TRANSITIONS,
  type Confirmation,
  type CycleTransition,
  type RefusalReason,
  type TransitionFacts,
} from "./transitions";

// The status changes of a round. Each runs in one transaction that first moves the status
// with `UPDATE … WHERE status = <expected>`: a second click (or a second server) finds the
// status moved on and is refused, so no step ever runs twice. The work of a step (mails,
// invitations) is part of the same transaction: it happens completely or not at all.

export interface TransitionRequest {
  organisationId: string;
  cycleId: string;
  /** The HR admin taking the step; null when the deadline closes a round by itself. */
  actorPersonId: string | null;
  /** What the person confirmed on the page (a Confirmation), if anything. */
  confirmation?: string | null;
}

export type TransitionOutcome =
  | { status: "done"; transition: CycleTransition; details: Record<string, number> }
  | { status: "refused"; reasons: RefusalReason[] }
  | { status: "needs_confirmation"; confirmation: Confirmation }
  | { status: "not_found" };

const AUDIT_ACTION: Record<CycleTransition, AuditAction> = {
  "start-nominating": "cycle_nominating_started",
  "start-collecting": "cycle_collecting_started",
  close: "cycle_closed",
  release: "cycle_released",
};

/** What checkTransition needs to know about a round. */
export async function loadTransitionFacts(
  db: DB,
  cycle: Cycle,
  actorPersonId: string | null,
  now: Date = new Date(),
): Promise<TransitionFacts> {
  const counts = await db
    .selectFrom("participant")
    .select((eb) => [
      eb.fn.countAll<number>().as("participants"),
      eb.fn
        .sum<number>(eb.case().when("nomination_status", "!=", "approved").then(1).else(0).end())
        .as("unapproved"),
    ])
    .where("cycle_id", "=", cycle.id)
    .executeTakeFirstOrThrow();
  const ownWaiting = actorPersonId
    ? await db
        .selectFrom("participant")
        .select("id")
        .where("cycle_id", "=", cycle.id)
        .where("person_id", "=", actorPersonId)
        .where("nomination_status", "!=", "approved")
        .executeTakeFirst()
    : undefined;
  return {
    status: cycle.status,
    today: dayInOrganisation(now),
    participants: Number(counts.participants),
    nominationDeadline: cycle.nomination_deadline,
    answerDeadline: cycle.answer_deadline,
    profileAvailable: await profilesAvailable(db, cycle),
    unapprovedParticipants: Number(counts.unapproved ?? 0),
    actorHasUnapprovedNominations: ownWaiting !== undefined,
  };
}

/** Draft rounds: the round's profile and every participant's own are in the library, current. */
async function profilesAvailable(db: DB, cycle: Cycle): Promise<boolean> {
  if (cycle.profile_snapshot_id !== null) return true;
  const keys = await participantProfileKeys(db, cycle.id);
  for (const key of [cycle.profile_key, ...keys]) {
    if ((await currentVersionFor(db, cycle.organisation_id, key)) === null) return false;
  }
  return true;
}

function participantProfileKeys(db: DB, cycleId: string): Promise<string[]> {
  return db
    .selectFrom("participant")
    .select("profile_key")
    .distinct()
    .where("cycle_id", "=", cycleId)
    .where("profile_key", "is not", null)
    .execute()
    .then((rows) => rows.flatMap((row) => row.profile_key ?? []));
}

/** Participants with a profile of their own take its current version, as the round does. */
async function freezeParticipantProfiles(trx: DB, cycle: Cycle): Promise<void> {
  for (const key of await participantProfileKeys(trx, cycle.id)) {
    const version = await currentVersionFor(trx, cycle.organisation_id, key);
    if (!version) throw new Error(`Profiel ${key} is niet beschikbaar`);
    await trx
      .updateTable("participant")
      .set({ profile_snapshot_id: version })
      .where("cycle_id", "=", cycle.id)
      .where("profile_key", "=", key)
      .where("profile_snapshot_id", "is", null)
      .execute();
  }
}

type StepWork = (
  trx: DB,
  context: { cycle: Cycle; facts: TransitionFacts; request: TransitionRequest; now: Date },
) => Promise<Record<string, number>>;

/** The moment column each status change fills in. */
const MOMENT_COLUMN: Partial<Record<CycleStatus, "launched_at" | "closed_at" | "released_at">> = {
  nominating: "launched_at",
  closed: "closed_at",
  released: "released_at",
};

async function runStep(
  db: DB,
  transition: CycleTransition,
  request: TransitionRequest,
  now: Date,
  work: StepWork,
): Promise<TransitionOutcome> {
  const rule = TRANSITIONS[transition];
  return inTransaction(db, async (trx): Promise<TransitionOutcome> => {
    const cycle = await findCycle(trx, request.organisationId, request.cycleId);
    if (!cycle) return { status: "not_found" };
    const facts = await loadTransitionFacts(trx, cycle, request.actorPersonId, now);
    const check = checkTransition(transition, facts);
    if (!check.allowed) return { status: "refused", reasons: check.reasons };
    if (check.confirmation && request.confirmation !== check.confirmation) {
      return { status: "needs_confirmation", confirmation: check.confirmation };
    }
    const momentColumn = MOMENT_COLUMN[rule.to];
    const moved = await trx
      .updateTable("cycle")
      .set({
        status: rule.to,
        updated_at: now.toISOString(),
        ...(momentColumn ? { [momentColumn]: now.toISOString() } : {}),
      })
      .where("id", "=", cycle.id)
      .where("status", "=", rule.from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return { status: "refused", reasons: ["wrong_status"] };
    const details = await work(trx, { cycle, facts, request, now });
    await recordAudit(
      trx,
      {
        organisationId: cycle.organisation_id,
        actorPersonId: request.actorPersonId,
        action: AUDIT_ACTION[transition],
        subjectType: "cycle",
        subjectId: cycle.id,
        details,
      },
      now,
    );
    return { status: "done", transition, details };
  });
}

/**
 * Draft → nominating: the round takes the current version of its profile (kept however the
 * library changes later) and asks every participant to nominate raters.
 */
export function startNominating(
  db: DB,
  request: TransitionRequest,
  now: Date = new Date(),
): Promise<TransitionOutcome> {
  return runStep(db, "start-nominating", request, now, async (trx, { cycle, facts }) => {
    const snapshotId = await currentVersionFor(trx, cycle.organisation_id, cycle.profile_key);
    // The transition rules refuse a start without an available profile (facts.profileAvailable).
    if (!snapshotId) throw new Error(`Profiel ${cycle.profile_key} is niet beschikbaar`);
    await freezeParticipantProfiles(trx, cycle);
    await trx
      .updateTable("cycle")
      .set({ profile_snapshot_id: snapshotId })
      .where("id", "=", cycle.id)
      .execute();
    const requests = await enqueueNominationRequests(trx, cycle.id, now);
    return { participants: facts.participants, nominationRequests: requests };
  });
}

/**
 * Nominating → collecting: nominations still waiting for their lead are approved as they are
 * (after HR confirmed that), then every invitation is created and mailed.
 */
export function startCollecting(
  db: DB,
  request: TransitionRequest,
  now: Date = new Date(),
): Promise<TransitionOutcome> {
  return runStep(db, "start-collecting", request, now, async (trx, { cycle, facts }) => {
    const approvedForParticipants =
      facts.unapprovedParticipants > 0 && request.actorPersonId
        ? await approveOpenNominations(trx, cycle.id, request.actorPersonId, now)
        : 0;
    const { invitations, mails } = await createCycleInvitations(trx, cycle.id, now);
    return { participants: facts.participants, approvedForParticipants, invitations, mails };
  });
}

/**
 * Collecting → closed, by hand (before the deadline only after confirmation) or by the clock.
 * In the same transaction the round's sealed answers are published, all together, and the
 * drafts nobody finished are deleted (app/rater/sealed-answers.server.ts).
 */
export async function closeCycle(
  db: DB,
  request: TransitionRequest,
  now: Date = new Date(),
): Promise<TransitionOutcome> {
  const outcome = await runStep(db, "close", request, now, async (trx, { cycle, facts }) => {
    await publishSealedAnswers(trx, cycle.id, now);
    await deleteDraftsOfCycle(trx, cycle.id);
    // Unsent invitation and reminder mails: their links are dead now, and a waiting reminder
    // says who had not answered.
    await dropUnsentRaterMailsOfCycle(trx, cycle.id);
    return { participants: facts.participants, automatic: request.actorPersonId === null ? 1 : 0 };
  });
  // The sealed rows and drafts just deleted live on in the write-ahead log until it is reset.
  if (outcome.status === "done") scheduleAtRestCleanup(db);
  return outcome;
}

/**
 * Closes every collecting round whose answer deadline (a day in Europe/Amsterdam) is over:
 * the day after the deadline, not before. Returns how many it closed. The server runs this
 * on a timer.
 */
export async function closeOverdueCycles(db: DB, now: Date = new Date()): Promise<number> {
  const overdue = await db
    .selectFrom("cycle")
    .select(["id", "organisation_id"])
    .where("status", "=", "collecting")
    .where("answer_deadline", "<", dayInOrganisation(now))
    .execute();
  let closed = 0;
  for (const cycle of overdue) {
    const outcome = await closeCycle(
      db,
      { organisationId: cycle.organisation_id, cycleId: cycle.id, actorPersonId: null },
      now,
    );
    if (outcome.status === "done") closed++;
  }
  return closed;
}

/**
 * Closed → released, after HR confirmed that this is final. The reports are then computed and
 * the participants told, in the background (finishRelease): the page answers at once.
 */
export async function releaseCycle(
  db: DB,
  request: TransitionRequest,
  now: Date = new Date(),
): Promise<TransitionOutcome> {
  const outcome = await runStep(db, "release", request, now, async (_trx, { facts }) => ({
    participants: facts.participants,
  }));
  if (outcome.status === "done") finishReleaseInBackground(db, request.cycleId);
  return outcome;
}

// One release's work at a time in this process: the release button's background run and the
// clock's catch-up never compute the same reports (or queue the same mails) side by side. With
// several app instances (PostgreSQL), a lock per round does the same across instances: the
// second waits, then finds only what is still missing (usually nothing).
let releaseWork: Promise<unknown> = Promise.resolve();

/**
 * The work after release: computes and freezes every participant's report, then queues the
 * "your report is ready" mails. Both parts skip what was done before, so running this again
 * (after a crash, at start-up) only finishes what is missing.
 */
export function finishRelease(
  db: DB,
  cycleId: string,
  now: Date = new Date(),
): Promise<{ reports: number; mails: number }> {
  const work = releaseWork.then(async () => {
    const done = await withJobLock(db, `release:${cycleId}`, "wait", async () => {
      const reports = await computeCycleReports(db, cycleId, now, newId);
      const mails = await enqueueReportReadyMails(db, cycleId, now);
      return { reports, mails };
    });
    return done.ran ? done.value : { reports: 0, mails: 0 };
  });
  releaseWork = work.catch(() => undefined);
  return work;
}

export function finishReleaseInBackground(db: DB, cycleId: string): void {
  setImmediate(() => {
    finishRelease(db, cycleId).catch((error: unknown) => {
      console.error(
        `Rapporten of meldingen na vrijgeven mislukt (ronde ${cycleId}): ${
          error instanceof Error ? error.message : error
        }`,
      );
    });
  });
}

/**
 * Finishes every release whose work is unfinished, oldest release first (a report's trend
 * reads the person's earlier reports). The clock runs this at start-up and every minute.
 */
export async function finishPendingReleases(
  db: DB,
  now: Date = new Date(),
): Promise<{ releases: number; reports: number; mails: number }> {
  const total = { releases: 0, reports: 0, mails: 0 };
  for (const cycleId of await releasesToFinish(db)) {
    const done = await finishRelease(db, cycleId, now);
    total.releases += 1;
    total.reports += done.reports;
    total.mails += done.mails;
  }
  return total;
}

/**
 * Released rounds whose release work is unfinished: a participant without a report, or with a
 * report but no "report ready" mail yet, oldest release first.
 */
export async function releasesToFinish(db: DB): Promise<string[]> {
  const rows = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .leftJoin("report", "report.participant_id", "participant.id")
    .select(["cycle.id", "cycle.released_at"])
    .distinct()
    .where("cycle.status", "=", "released")
    .where((eb) =>
      eb.or([eb("report.id", "is", null), eb("participant.report_notified_at", "is", null)]),
    )
    .orderBy("cycle.released_at")
    .orderBy("cycle.id")
    .execute();
  return rows.map((row) => row.id);
}

const STEPS: Record<
  CycleTransition,
  (db: DB, request: TransitionRequest, now?: Date) => Promise<TransitionOutcome>
> = {
  "start-nominating": startNominating,
  "start-collecting": startCollecting,
  close: closeCycle,
  release: releaseCycle,
};

/** Takes the given step (what the cycle page's buttons post). */
export function runTransition(
  db: DB,
  transition: CycleTransition,
  request: TransitionRequest,
  now: Date = new Date(),
): Promise<TransitionOutcome> {
  return STEPS[transition](db, request, now);
}
