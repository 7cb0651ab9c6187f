import type { Insertable, Kysely } from "kysely";
import type { Database } from "../schema";
import type { SnapshotCompetency } from "./demo-answers";
import { topicOf } from "./demo-comments";
import type { CycleRows } from "./demo-cycles";
import { readQuestionnaire } from "../../app/rater/questionnaire.server";

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

export async function insertCycleRows(db: Kysely<Database>, rows: CycleRows): Promise<void> {
  await insertRows(db, "cycle", rows.cycle);
  await insertRows(db, "participant", rows.participant);
  await insertRows(db, "nomination", rows.nomination);
  await insertRows(db, "invitation", rows.invitation);
  await insertRows(db, "draft", rows.draft);
  await insertRows(db, "response", rows.response);
  await insertRows(db, "rating", rows.rating);
  await insertRows(db, "comment", rows.comment);
}
