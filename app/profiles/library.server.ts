import { inTransaction } from "#db/transaction";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Database } from "#db/schema";
import type { LibraryCompetency } from "./library-links";
import type { Profile } from "./schema";
import { snapshotProfile } from "./snapshot.server";
import { recordAudit } from "~/audit/audit-log.server";
import { compareByName } from "~/people/dutch-order";

// The organisation's profile library: one profile per function, each with its versions.
// A version is a profile snapshot (never changed once written); the library points to the
// current one, which new rounds take. Keys of the profile, its clusters, competencies and
// indicators stay the same across versions, so figures of different versions meet.

type Queryable = Kysely<Database> | Transaction<Database>;

/** Rounds that have not been released still need their profile (and may start on it). */
const UNFINISHED_STATUSES = ["draft", "nominating", "collecting", "closed"] as const;

export interface LibraryEntry {
  id: string;
  key: string;
  name: string;
  version: number;
  competencies: number;
  indicators: number;
  organisationWide: number;
  retired: boolean;
  /** Rounds of the organisation on this profile that have not been released yet. */
  unfinishedRounds: number;
  changedAt: string;
}

/** Every profile of the organisation, current ones first, then by name. */
export async function listLibrary(db: DB, organisationId: string): Promise<LibraryEntry[]> {
  const rows = await db
    .selectFrom("profile")
    .innerJoin("profile_snapshot as s", "s.id", "profile.current_snapshot_id")
    .select((eb) => [
      "profile.id",
      "profile.key",
      "profile.name",
      "profile.retired_at",
      "profile.updated_at",
      "s.version",
      eb
        .selectFrom("profile_competency")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("profile_competency.snapshot_id", "=", "s.id")
        .as("competencies"),
      eb
        .selectFrom("profile_competency")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("profile_competency.snapshot_id", "=", "s.id")
        .where("profile_competency.is_organisation_wide", "=", 1)
        .as("organisationWide"),
      eb
        .selectFrom("profile_indicator")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("profile_indicator.snapshot_id", "=", "s.id")
        .as("indicators"),
      eb
        .selectFrom("cycle")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("cycle.profile_key", "=", "profile.key")
        .whereRef("cycle.organisation_id", "=", "profile.organisation_id")
        .where("cycle.status", "in", UNFINISHED_STATUSES)
        .as("unfinishedRounds"),
    ])
    .where("profile.organisation_id", "=", organisationId)
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      version: Number(row.version ?? 1),
      competencies: Number(row.competencies ?? 0),
      indicators: Number(row.indicators ?? 0),
      organisationWide: Number(row.organisationWide ?? 0),
      retired: row.retired_at !== null,
      unfinishedRounds: Number(row.unfinishedRounds ?? 0),
      changedAt: row.updated_at,
    }))
    .sort((a, b) => Number(a.retired) - Number(b.retired) || compareByName(a, b));
}

/** The profiles a new round (or a person) can be given: the current ones, by name. */
export async function profileChoices(
  db: DB,
  organisationId: string,
): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom("profile")
    .select(["key", "name"])
    .where("organisation_id", "=", organisationId)
    .where("retired_at", "is", null)
    .execute();
  return rows.map((row) => ({ id: row.key, name: row.name })).sort(compareByName);
}

/** A profile's name by its key; the key itself when the library does not have it. */
export async function profileNameOf(
  db: Queryable,
  organisationId: string,
  key: string,
): Promise<string> {
  const row = await db
    .selectFrom("profile")
    .select("name")
    .where("organisation_id", "=", organisationId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row?.name ?? key;
}

/** The version a round starting now takes, or null when the profile is missing or retired. */
export async function currentVersionFor(
  db: Queryable,
  organisationId: string,
  key: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("profile")
    .select("current_snapshot_id")
    .where("organisation_id", "=", organisationId)
    .where("key", "=", key)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  return row?.current_snapshot_id ?? null;
}

export type SaveOutcome =
  | { status: "created"; profileId: string; version: number }
  | { status: "new-version"; profileId: string; version: number }
  | { status: "unchanged"; profileId: string; version: number };

/**
 * Stores a profile in the library: a new profile, or a new version of the one with the same
 * key (only when its content changed). A retired profile that is saved again is current
 * once more.
 */
export async function saveProfileVersion(
  db: DB,
  input: { organisationId: string; personId: string | null; profile: Profile; now?: Date },
): Promise<SaveOutcome> {
  const now = (input.now ?? new Date()).toISOString();
  const work = async (trx: Queryable): Promise<SaveOutcome> => {
    const existing = await trx
      .selectFrom("profile")
      .select(["id", "current_snapshot_id", "retired_at"])
      .where("organisation_id", "=", input.organisationId)
      .where("key", "=", input.profile.id)
      .executeTakeFirst();
    const snapshotId = await snapshotProfile(trx, input.organisationId, input.profile, {
      now,
      createdByPersonId: input.personId,
    });
    const { version } = await trx
      .selectFrom("profile_snapshot")
      .select("version")
      .where("id", "=", snapshotId)
      .executeTakeFirstOrThrow();
    const record = (profileId: string, action: "profile_created" | "profile_version_saved") =>
      recordAudit(
        trx,
        {
          organisationId: input.organisationId,
          actorPersonId: input.personId,
          action,
          subjectType: "profile",
          subjectId: profileId,
          details: { key: input.profile.id, version: Number(version ?? 1) },
        },
        new Date(now),
      );
    if (!existing) {
      const profileId = newId();
      await trx
        .insertInto("profile")
        .values({
          id: profileId,
          organisation_id: input.organisationId,
          key: input.profile.id,
          name: input.profile.name,
          current_snapshot_id: snapshotId,
          retired_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await record(profileId, "profile_created");
      return { status: "created", profileId, version: Number(version ?? 1) };
    }
    if (existing.current_snapshot_id === snapshotId && existing.retired_at === null) {
      return { status: "unchanged", profileId: existing.id, version: Number(version ?? 1) };
    }
    await trx
      .updateTable("profile")
      .set({
        name: input.profile.name,
        current_snapshot_id: snapshotId,
        retired_at: null,
        updated_at: now,
      })
      .where("id", "=", existing.id)
      .execute();
    await record(existing.id, "profile_version_saved");
    return { status: "new-version", profileId: existing.id, version: Number(version ?? 1) };
  };
  return inTransaction(db, work);
}

/** The built-in profiles (surveys/) an organisation has not adopted yet. */
export async function notAdopted(
  db: DB,
  organisationId: string,
  builtIn: readonly Profile[],
): Promise<Profile[]> {
  const keys = new Set(
    (
      await db
        .selectFrom("profile")
        .select("key")
        .where("organisation_id", "=", organisationId)
        .execute()
    ).map((row) => row.key),
  );
  return builtIn.filter((profile) => !keys.has(profile.id));
}

/**
 * Databases from before the library: rounds name a built-in profile by its key. Each
 * organisation adopts the built-in profiles its rounds name, so those rounds can still start.
 */
export async function adoptBuiltInsInUse(db: DB, builtIn: readonly Profile[]): Promise<void> {
  const used = await db
    .selectFrom("cycle")
    .leftJoin("profile", (join) =>
      join
        .onRef("profile.organisation_id", "=", "cycle.organisation_id")
        .onRef("profile.key", "=", "cycle.profile_key"),
    )
    .select(["cycle.organisation_id", "cycle.profile_key"])
    .where("profile.id", "is", null)
    .distinct()
    .execute();
  for (const row of used) {
    const profile = builtIn.find((candidate) => candidate.id === row.profile_key);
    if (profile) {
      await saveProfileVersion(db, {
        organisationId: row.organisation_id,
        personId: null,
        profile,
      });
    }
  }
}

export interface ProfileVersionSummary {
  version: number;
  createdAt: string;
  current: boolean;
  /** Rounds that took this version. */
  rounds: number;
}

export interface LibraryProfile {
  id: string;
  key: string;
  name: string;
  retired: boolean;
  unfinishedRounds: number;
  currentSnapshotId: string;
  versions: ProfileVersionSummary[];
}

/** One profile of the organisation with its versions, or null (another organisation's too). */
export async function findLibraryProfile(
  db: DB,
  organisationId: string,
  profileId: string,
): Promise<LibraryProfile | null> {
  const profile = await db
    .selectFrom("profile")
    .select(["id", "key", "name", "retired_at", "current_snapshot_id"])
    .where("id", "=", profileId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!profile) return null;
  const versions = await db
    .selectFrom("profile_snapshot as s")
    .select((eb) => [
      "s.id",
      "s.version",
      "s.created_at",
      eb
        .selectFrom("cycle")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("cycle.profile_snapshot_id", "=", "s.id")
        .as("rounds"),
    ])
    .where("s.organisation_id", "=", organisationId)
    .where("s.profile_key", "=", profile.key)
    .orderBy("s.version", "desc")
    .execute();
  const unfinished = await db
    .selectFrom("cycle")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("profile_key", "=", profile.key)
    .where("status", "in", UNFINISHED_STATUSES)
    .executeTakeFirstOrThrow();
  return {
    id: profile.id,
    key: profile.key,
    name: profile.name,
    retired: profile.retired_at !== null,
    unfinishedRounds: Number(unfinished.n),
    currentSnapshotId: profile.current_snapshot_id,
    versions: versions.map((row) => ({
      version: Number(row.version ?? 1),
      createdAt: row.created_at,
      current: row.id === profile.current_snapshot_id,
      rounds: Number(row.rounds ?? 0),
    })),
  };
}

export type RetireOutcome = { status: "retired" } | { status: "in-use"; rounds: number };

/** Retires a profile no unfinished round uses; it stays for the rounds that used it. */
export async function retireProfile(
  db: DB,
  organisationId: string,
  profileId: string,
  actorPersonId: string | null,
  now: Date = new Date(),
): Promise<RetireOutcome | null> {
  return inTransaction(db, async (trx) => {
    const profile = await trx
      .selectFrom("profile")
      .select(["key"])
      .where("id", "=", profileId)
      .where("organisation_id", "=", organisationId)
      .executeTakeFirst();
    if (!profile) return null;
    const { n } = await trx
      .selectFrom("cycle")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", organisationId)
      .where("profile_key", "=", profile.key)
      .where("status", "in", UNFINISHED_STATUSES)
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) return { status: "in-use", rounds: Number(n) };
    await trx
      .updateTable("profile")
      .set({ retired_at: now.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", profileId)
      .execute();
    await recordAudit(
      trx,
      {
        organisationId,
        actorPersonId,
        action: "profile_retired",
        subjectType: "profile",
        subjectId: profileId,
        details: { key: profile.key },
      },
      now,
    );
    return { status: "retired" };
  });
}

/** Puts a retired profile back into use. */
export async function reinstateProfile(
  db: DB,
  organisationId: string,
  profileId: string,
  actorPersonId: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable("profile")
      .set({ retired_at: null, updated_at: now.toISOString() })
      .where("id", "=", profileId)
      .where("organisation_id", "=", organisationId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAudit(
      trx,
      {
        organisationId,
        actorPersonId,
        action: "profile_reinstated",
        subjectType: "profile",
        subjectId: profileId,
      },
      now,
    );
    return true;
  });
}

/** A stored version as a Profile again (for export, preview of changes and the editor). */
export async function readProfileVersion(db: Queryable, snapshotId: string): Promise<Profile> {
  const snapshot = await db
    .selectFrom("profile_snapshot")
    .select(["profile_key", "name", "language", "description", "not_applicable_label"])
    .where("id", "=", snapshotId)
    .executeTakeFirstOrThrow();
  const points = await db
    .selectFrom("profile_scale_point")
    .select(["value", "label"])
    .where("snapshot_id", "=", snapshotId)
    .orderBy("value")
    .execute();
  const clusters = await db
    .selectFrom("profile_cluster")
    .select(["id", "key", "name"])
    .where("snapshot_id", "=", snapshotId)
    .orderBy("position")
    .execute();
  const competencies = await db
    .selectFrom("profile_competency")
    .select(["id", "cluster_id", "key", "name", "description", "is_organisation_wide"])
    .where("snapshot_id", "=", snapshotId)
    .orderBy("position")
    .execute();
  const indicators = await db
    .selectFrom("profile_indicator")
    .select(["competency_id", "key", "text"])
    .where("snapshot_id", "=", snapshotId)
    .orderBy("position")
    .execute();
  return {
    id: snapshot.profile_key,
    name: snapshot.name,
    language: snapshot.language,
    ...(snapshot.description ? { description: snapshot.description } : {}),
    scale: { points, notApplicableLabel: snapshot.not_applicable_label },
    clusters: clusters.map((cluster) => ({
      id: cluster.key,
      name: cluster.name,
      competencies: competencies
        .filter((competency) => competency.cluster_id === cluster.id)
        .map((competency) => ({
          id: competency.key,
          name: competency.name,
          description: competency.description,
          organisationWide: competency.is_organisation_wide === 1,
          indicators: indicators
            .filter((indicator) => indicator.competency_id === competency.id)
            .map((indicator) => ({ id: indicator.key, text: indicator.text })),
        })),
    })),
  };
}

/**
 * The competencies of the organisation's current profiles (other than `exceptKey`, the one
 * coming in), each once, with the names of the profiles that hold it: what an incoming profile
 * is held against (app/profiles/library-links.ts).
 */
export async function libraryCompetencies(
  db: Queryable,
  organisationId: string,
  exceptKey: string | null,
): Promise<LibraryCompetency[]> {
  let query = db
    .selectFrom("profile")
    .select(["key as id", "name", "current_snapshot_id"])
    .where("organisation_id", "=", organisationId)
    .where("retired_at", "is", null);
  if (exceptKey !== null) query = query.where("key", "!=", exceptKey);
  const byKey = new Map<string, LibraryCompetency>();
  // By profile name, so each competency's list of profiles reads in Dutch order.
  for (const row of (await query.execute()).sort(compareByName)) {
    const version = await readProfileVersion(db, row.current_snapshot_id);
    for (const competency of version.clusters.flatMap((cluster) => cluster.competencies)) {
      const entry = byKey.get(competency.id);
      if (entry) entry.profiles.push(row.name);
      else byKey.set(competency.id, { competency, profiles: [row.name] });
    }
  }
  return [...byKey.values()];
}
