import type { Insertable, Kysely } from "kysely";
import type { Database } from "../schema";
import type { SnapshotCompetency } from "./demo-answers";
import { topicOf } from "./demo-comments";
import type { CycleRows } from "./demo-cycles";
import type { CleanAnswers } from "../../app/rater/invitation.server";
import { readQuestionnaire } from "../../app/rater/questionnaire.server";
import { sealAnswer, sealDraft, type SubmittedAnswer } from "../../app/rater/sealed-answers.server";
import { answerSealKey } from "../answer-seal";

/** The competencies and indicators of a snapshot, in the order of the profile. */
export async function loadSnapshotCompetencies(
  db: Kysely<Database>,
  snapshotId: string,
): Promise<SnapshotCompetency[]> {
  const questionnaire = await readQuestionnaire(db, snapshotId);
  return questionnaire.competencies.map((competency) => ({
    id: competency.id,
    key: competency.key,
    name: competency.name,
    topic: topicOf(competency.name),
    indicators: competency.indicators.map(({ id, key }) => ({ id, key })),
  }));
}

// Well below SQLite's limit on bound parameters per statement (32766).
const MAX_PARAMETERS_PER_INSERT = 8000;

export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / Object.keys(first).length));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    // Kysely cannot check a generic table's row type; the caller's Insertable<> type does.
    await db
      .insertInto(table)
      .values(batch as never)
      .execute();
  }
}

/**
 * Stores the planned cycles as the app would have left them: answers of a round that is
 * still collecting wait sealed for its close, those of closed and released rounds are
 * published, and drafts are sealed (app/rater/sealed-answers.server.ts).
 */
export async function insertCycleRows(db: Kysely<Database>, rows: CycleRows): Promise<void> {
  await insertRows(db, "cycle", rows.cycle);
  await insertRows(db, "participant", rows.participant);
  await insertRows(db, "nomination", rows.nomination);
  await insertRows(db, "invitation", rows.invitation);
  const key = await answerSealKey(db);
  await insertRows(
    db,
    "draft",
    rows.draft.map((draft) => ({
      ...draft,
      answers: sealDraft(key, draft.invitation_id, JSON.parse(draft.answers) as CleanAnswers),
    })),
  );

  const collecting = new Set(
    rows.cycle.filter((cycle) => cycle.status === "collecting").map((cycle) => cycle.id),
  );
  const sealed = new Set(
    rows.response.filter((response) => collecting.has(response.cycle_id)).map((r) => r.id),
  );
  await insertRows(
    db,
    "response",
    rows.response.filter((response) => !sealed.has(response.id)),
  );
  await insertRows(
    db,
    "rating",
    rows.rating.filter((rating) => !sealed.has(rating.response_id)),
  );
  await insertRows(
    db,
    "comment",
    rows.comment.filter((comment) => !sealed.has(comment.response_id)),
  );

  const answers = new Map<string, SubmittedAnswer>();
  for (const response of rows.response) {
    if (!sealed.has(response.id)) continue;
    answers.set(response.id, {
      participantId: response.participant_id,
      relationship: response.relationship,
      ratings: {},
      comments: {},
      general: {},
    });
  }
  for (const rating of rows.rating) {
    const answer = answers.get(rating.response_id);
    if (answer) answer.ratings[rating.indicator_id] = rating.score ?? null;
  }
  for (const comment of rows.comment) {
    const answer = answers.get(comment.response_id);
    if (!answer) continue;
    if (comment.question === "competency") {
      answer.comments[comment.competency_id ?? ""] = comment.text;
    } else answer.general[comment.question] = comment.text;
  }
  await insertRows(
    db,
    "sealed_answer",
    rows.response
      .filter((response) => sealed.has(response.id))
      .map((response) => ({
        id: response.id,
        cycle_id: response.cycle_id,
        sealed: sealAnswer(key, response.cycle_id, answers.get(response.id)!),
      })),
  );
}
