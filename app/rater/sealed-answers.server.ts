import { randomInt } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import { answerSealKey, isSealed, sealText, unsealText } from "#db/answer-seal";
import { newId } from "#db/ids";
import type { Database, Relationship } from "#db/schema";
import { dayInOrganisation } from "~/utils/dates";
import type { CleanAnswers } from "./invitation.server";
import { GENERAL_QUESTIONS } from "./questionnaire";
import { RELATIONSHIP_ORDER } from "~/cycles/progress";

// How answers rest between submission and the close of their round.
//
// A submission changes the invitation's status; whatever else that transaction writes sits
// next to it in the write-ahead log, and the log is not truncated while any other connection
// (a backup or replication tool) holds a read transaction. So a submission writes no answer
// anyone can read: it seals the answer (db/answer-seal.ts, a key outside the database, padded
// to one size) into sealed_answer, in the same transaction as the status change, so an
// acknowledged answer is stored exactly once. When the round closes (by hand or by the clock),
// every sealed answer of the round is published into response, rating and comment in one
// transaction, in shuffled order, with new random ids and the closing day as the only date,
// and the sealed rows are deleted: the log then shows a batch of answers appear together, long
// after (and apart from) the status changes. Nothing reads answers before the close: progress
// counts come from invitation statuses, and reports from published answers at release.
//
// Drafts are sealed the same way, bound to their invitation, and deleted when the invitation is
// submitted, declined or withdrawn and when the round closes.
//
// What stays: a (participant, relationship) group with one answer (often the manager, a single
// customer) is paired by the invitation statuses anyway once its answer is published; and a
// holder of the database files and the key can open what is still sealed.

type Db = Kysely<Database>;

/** A sealed answer: the answers and the two facts the published response keeps. */
export interface SubmittedAnswer extends CleanAnswers {
  participantId: string;
  relationship: Relationship;
}

export function sealAnswer(key: Buffer, cycleId: string, answer: SubmittedAnswer): string {
  const { participantId, relationship, ratings, comments, general } = answer;
  return sealText(
    key,
    "answer",
    cycleId,
    JSON.stringify({ participantId, relationship, ratings, comments, general }),
  );
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
}

function ratingRecord(value: unknown): Record<string, number | null> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, number | null] =>
        entry[1] === null || (typeof entry[1] === "number" && Number.isInteger(entry[1])),
    ),
  );
}

function cleanFromJson(value: Record<string, unknown>): CleanAnswers {
  const general = stringRecord(value.general);
  return {
    ratings: ratingRecord(value.ratings),
    comments: stringRecord(value.comments),
    general: Object.fromEntries(
      GENERAL_QUESTIONS.flatMap((question) =>
        general[question] ? [[question, general[question]]] : [],
      ),
    ),
  };
}

export function openAnswer(key: Buffer, cycleId: string, sealed: string): SubmittedAnswer {
  const value = JSON.parse(unsealText(key, "answer", cycleId, sealed)) as Record<string, unknown>;
  const relationship = RELATIONSHIP_ORDER.find((candidate) => candidate === value.relationship);
  if (typeof value.participantId !== "string" || !relationship) {
    throw new Error("Verzegeld antwoord zonder deelnemer of groep");
  }
  return { participantId: value.participantId, relationship, ...cleanFromJson(value) };
}

export function sealDraft(key: Buffer, invitationId: string, answers: CleanAnswers): string {
  return sealText(key, "draft", invitationId, JSON.stringify(answers));
}

/**
 * A stored draft's answers, or null when it cannot be opened (damaged, or sealed for another
 * invitation): the rater then starts afresh rather than meeting an error page. Drafts saved
 * before sealing existed are plain JSON and read as they are; the next save seals them.
 */
export function openDraft(key: Buffer, invitationId: string, stored: string): CleanAnswers | null {
  try {
    const text = isSealed(stored) ? unsealText(key, "draft", invitationId, stored) : stored;
    return cleanFromJson(JSON.parse(text) as Record<string, unknown>);
  } catch {
    return null;
  }
}

/** Stores a submitted answer, sealed, as part of the caller's (submitting) transaction. */
export async function storeSealedAnswer(
  trx: Db,
  key: Buffer,
  cycleId: string,
  answer: SubmittedAnswer,
): Promise<void> {
  await trx
    .insertInto("sealed_answer")
    .values({ id: newId(), cycle_id: cycleId, sealed: sealAnswer(key, cycleId, answer) })
    .execute();
}

/** How many answers of a round wait, sealed, for the close (nothing else about them). */
export async function countSealedAnswers(db: Db, cycleId?: string): Promise<number> {
  let query = db.selectFrom("sealed_answer").select((eb) => eb.fn.countAll<number>().as("n"));
  if (cycleId) query = query.where("cycle_id", "=", cycleId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/**
 * The sealed answers of a round, opened. For checks (tests, the load test, the demo's own
 * checks) only: no page shows answers before the round is closed and released.
 */
export async function openSealedAnswers(db: Db, cycleId: string): Promise<SubmittedAnswer[]> {
  const rows = await db
    .selectFrom("sealed_answer")
    .select("sealed")
    .where("cycle_id", "=", cycleId)
    .execute();
  if (rows.length === 0) return [];
  const key = await answerSealKey(db);
  return rows.map((row) => openAnswer(key, cycleId, row.sealed));
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// Rows per insert, well under SQLite's limit on bound parameters (32766) for every table here.
const ROWS_PER_INSERT = 1000;

async function insertInBatches<T extends "response" | "rating" | "comment">(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    // Kysely cannot check a generic table's row type; the Insertable<> parameter does.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + ROWS_PER_INSERT) as never)
      .execute();
  }
}

/**
 * Publishes a round's sealed answers as anonymous responses and deletes the sealed rows. Runs
 * in the closing transaction, so it happens once, with the close, or not at all. The answers
 * go in shuffled and with fresh random ids, so neither the order of the rows nor their ids say
 * which came first; the only date is the day of publication (a per-answer day would pair an
 * answer with its invitation for anyone who dates the commit that submitted it).
 */
export async function publishSealedAnswers(
  trx: Db,
  cycleId: string,
  now: Date = new Date(),
): Promise<number> {
  const answers = shuffle(await openSealedAnswers(trx, cycleId));
  if (answers.length === 0) return 0;
  const day = dayInOrganisation(now);
  const responses: Insertable<Database["response"]>[] = [];
  const ratings: Insertable<Database["rating"]>[] = [];
  const comments: Insertable<Database["comment"]>[] = [];
  for (const answer of answers) {
    const responseId = newId();
    responses.push({
      id: responseId,
      cycle_id: cycleId,
      participant_id: answer.participantId,
      relationship: answer.relationship,
      submitted_on: day,
    });
    for (const [indicatorId, score] of Object.entries(answer.ratings)) {
      ratings.push({ response_id: responseId, indicator_id: indicatorId, score });
    }
    for (const [competencyId, text] of Object.entries(answer.comments)) {
      comments.push({
        id: newId(),
        response_id: responseId,
        question: "competency",
        competency_id: competencyId,
        text,
      });
    }
    for (const question of GENERAL_QUESTIONS) {
      const text = answer.general[question];
      if (text) {
        comments.push({
          id: newId(),
          response_id: responseId,
          question,
          competency_id: null,
          text,
        });
      }
    }
  }
  await insertInBatches(trx, "response", responses);
  await insertInBatches(trx, "rating", shuffle(ratings));
  await insertInBatches(trx, "comment", shuffle(comments));
  await trx.deleteFrom("sealed_answer").where("cycle_id", "=", cycleId).execute();
  return answers.length;
}

/** Deletes the drafts of a round's invitations (at the close: nobody can finish them). */
export async function deleteDraftsOfCycle(trx: Db, cycleId: string): Promise<number> {
  const result = await trx
    .deleteFrom("draft")
    .where("invitation_id", "in", (eb) =>
      eb.selectFrom("invitation").select("id").where("cycle_id", "=", cycleId),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
