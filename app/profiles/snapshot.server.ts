import { inTransaction } from "#db/transaction";
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "#db/schema";
import { newId } from "#db/ids";
import type { Profile } from "./schema";

export function profileContentHash(profile: Profile): string {
  return createHash("sha256").update(JSON.stringify(profile)).digest("hex");
}

/**
 * Freezes a profile into the database: a version of it in the organisation's library. A
 * snapshot with the same content is reused, so an unchanged profile keeps its version.
 */
export async function snapshotProfile(
  db: Kysely<Database>,
  organisationId: string,
  profile: Profile,
  options: { createId?: () => string; now?: string; createdByPersonId?: string | null } = {},
): Promise<string> {
  const createId = options.createId ?? newId;
  const now = options.now ?? new Date().toISOString();
  const contentHash = profileContentHash(profile);

  const work = async (trx: Kysely<Database> | Transaction<Database>) => {
    const existing = await trx
      .selectFrom("profile_snapshot")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("profile_key", "=", profile.id)
      .where("content_hash", "=", contentHash)
      .executeTakeFirst();
    if (existing) return existing.id;

    const snapshotId = createId();
    // Versions of a profile are numbered in the order they were made (1, 2, 3, …).
    const latest = await trx
      .selectFrom("profile_snapshot")
      .select((eb) => eb.fn.max("version").as("version"))
      .where("organisation_id", "=", organisationId)
      .where("profile_key", "=", profile.id)
      .executeTakeFirst();
    await trx
      .insertInto("profile_snapshot")
      .values({
        version: Number(latest?.version ?? 0) + 1,
        description: profile.description ?? null,
        created_by_person_id: options.createdByPersonId ?? null,
        id: snapshotId,
        organisation_id: organisationId,
        profile_key: profile.id,
        name: profile.name,
        language: profile.language,
        content_hash: contentHash,
        not_applicable_label: profile.scale.notApplicableLabel,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto("profile_scale_point")
      .values(profile.scale.points.map((point) => ({ snapshot_id: snapshotId, ...point })))
      .execute();

    for (const [clusterPosition, cluster] of profile.clusters.entries()) {
      const clusterId = createId();
      await trx
        .insertInto("profile_cluster")
        .values({
          id: clusterId,
          snapshot_id: snapshotId,
          key: cluster.id,
          name: cluster.name,
          position: clusterPosition,
        })
        .execute();
      for (const [competencyPosition, competency] of cluster.competencies.entries()) {
        const competencyId = createId();
        await trx
          .insertInto("profile_competency")
          .values({
            id: competencyId,
            snapshot_id: snapshotId,
            cluster_id: clusterId,
            key: competency.id,
            name: competency.name,
            description: competency.description,
            is_organisation_wide: competency.organisationWide ? 1 : 0,
            position: competencyPosition,
          })
          .execute();
        await trx
          .insertInto("profile_indicator")
          .values(
            competency.indicators.map((indicator, position) => ({
              id: createId(),
              snapshot_id: snapshotId,
              competency_id: competencyId,
              key: indicator.id,
              text: indicator.text,
              position,
            })),
          )
          .execute();
      }
    }
    return snapshotId;
  };
  // Joins the caller's transaction when there is one (Kysely cannot nest them).
  return inTransaction(db, work);
}
