import type { Kysely } from "kysely";
import type { DB } from "#db/database";
import type { Database } from "#db/schema";
import type { Questionnaire, QuestionnaireCompetency } from "./questionnaire";

// Snapshots never change, so a questionnaire can be cached for the life of the process.
const cache = new Map<string, Promise<Questionnaire>>();

export function loadQuestionnaire(db: DB, snapshotId: string): Promise<Questionnaire> {
  let questionnaire = cache.get(snapshotId);
  if (!questionnaire) {
    questionnaire = readQuestionnaire(db, snapshotId);
    cache.set(snapshotId, questionnaire);
    questionnaire.catch(() => cache.delete(snapshotId));
  }
  return questionnaire;
}

/** The questionnaire of a snapshot, read afresh (also inside a transaction). */
export async function readQuestionnaire(
  db: Kysely<Database>,
  snapshotId: string,
): Promise<Questionnaire> {
  const snapshot = await db
    .selectFrom("profile_snapshot")
    .select(["id", "language", "not_applicable_label"])
    .where("id", "=", snapshotId)
    .executeTakeFirstOrThrow();
  const scale = await db
    .selectFrom("profile_scale_point")
    .select(["value", "label"])
    .where("snapshot_id", "=", snapshotId)
    .orderBy("value")
    .execute();
  const rows = await db
    .selectFrom("profile_indicator as i")
    .innerJoin("profile_competency as c", "c.id", "i.competency_id")
    .innerJoin("profile_cluster as cl", "cl.id", "c.cluster_id")
    .select([
      "c.id as competencyId",
      "c.key as competencyKey",
      "c.name as competencyName",
      "c.description",
      "c.is_organisation_wide",
      "cl.name as clusterName",
      "i.id as indicatorId",
      "i.key as indicatorKey",
      "i.text",
    ])
    .where("i.snapshot_id", "=", snapshotId)
    .orderBy("cl.position")
    .orderBy("c.position")
    .orderBy("i.position")
    .execute();

  const competencies = new Map<string, QuestionnaireCompetency>();
  for (const row of rows) {
    let competency = competencies.get(row.competencyId);
    if (!competency) {
      competency = {
        id: row.competencyId,
        key: row.competencyKey,
        name: row.competencyName,
        description: row.description,
        clusterName: row.clusterName,
        organisationWide: row.is_organisation_wide === 1,
        indicators: [],
      };
      competencies.set(row.competencyId, competency);
    }
    competency.indicators.push({ id: row.indicatorId, key: row.indicatorKey, text: row.text });
  }
  return {
    snapshotId,
    language: snapshot.language,
    scale,
    notApplicableLabel: snapshot.not_applicable_label,
    competencies: [...competencies.values()],
  };
}
