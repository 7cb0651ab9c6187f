import { insertionOrder } from "../../support/dialect";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Relationship } from "#db/schema";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import type { ReportContent } from "~/reports/report-content";
import * as reportPage from "~/routes/rapporten.$participantId";
import { NOW } from "../../support/clock";

export type ReportLoaderData = Awaited<ReturnType<typeof reportPage.loader>>;
export { reportPage };

export interface ReportRow {
  id: string;
  cycle_id: string;
  participant_id: string;
  format_version: number;
  content: string;
  computed_at: string;
}

/** Every stored report row (of one cycle, or all), by participant id. */
export async function reportRows(db: DB, cycleId?: string): Promise<ReportRow[]> {
  let query = db.selectFrom("report").selectAll().orderBy("participant_id");
  if (cycleId) query = query.where("cycle_id", "=", cycleId);
  return query.execute();
}

export function contentOf(row: { content: string }): ReportContent {
  return JSON.parse(row.content) as ReportContent;
}

export async function reportCount(db: DB): Promise<number> {
  const row = await db
    .selectFrom("report")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A response that arrives after the cycle's release: every indicator rated (all 1s, far from
 * anything the demo's raters gave), a comment per competency and both general comments.
 */
export async function insertLateResponse(
  db: DB,
  participantId: string,
  relationship: Relationship = "colleague",
  score = 1,
): Promise<string> {
  // The participant's own profile's version, the round's where they have none.
  const participant = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select((eb) => [
      "participant.cycle_id",
      eb.fn
        .coalesce("participant.profile_snapshot_id", "cycle.profile_snapshot_id")
        .as("profile_snapshot_id"),
    ])
    .where("participant.id", "=", participantId)
    .executeTakeFirstOrThrow();
  const questionnaire = await readQuestionnaire(db, participant.profile_snapshot_id!);
  const responseId = newId();
  await db
    .insertInto("response")
    .values({
      id: responseId,
      cycle_id: participant.cycle_id,
      participant_id: participantId,
      relationship,
      submitted_on: NOW.toISOString().slice(0, 10),
    })
    .execute();
  await db
    .insertInto("rating")
    .values(
      questionnaire.competencies.flatMap((competency) =>
        competency.indicators.map((indicator) => ({
          response_id: responseId,
          indicator_id: indicator.id,
          score,
        })),
      ),
    )
    .execute();
  await db
    .insertInto("comment")
    .values([
      ...questionnaire.competencies.map((competency) => ({
        id: newId(),
        response_id: responseId,
        question: "competency" as const,
        competency_id: competency.id,
        text: `Te laat: ${competency.name}`,
      })),
      {
        id: newId(),
        response_id: responseId,
        question: "went_well",
        competency_id: null,
        text: "Te laat: ging goed",
      },
      {
        id: newId(),
        response_id: responseId,
        question: "could_improve",
        competency_id: null,
        text: "Te laat: kan beter",
      },
    ])
    .execute();
  return responseId;
}

export interface AuditRow {
  action: string;
  actor_person_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  details: string | null;
  created_at: string;
}

/** Every audit row with the action, in the order they were written. */
export async function auditRows(db: DB, action: string): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(["action", "actor_person_id", "subject_type", "subject_id", "details", "created_at"])
    .where("action", "=", action)
    .orderBy(insertionOrder())
    .execute();
  return rows;
}

export async function allAuditRows(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").selectAll().execute();
  return rows.map((row) => JSON.stringify(row)).sort();
}

export async function participantRow(db: DB, participantId: string) {
  return db
    .selectFrom("participant")
    .selectAll()
    .where("id", "=", participantId)
    .executeTakeFirstOrThrow();
}
