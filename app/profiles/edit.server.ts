import { inTransaction } from "#db/transaction";
import { createHash } from "node:crypto";
import type { DB } from "#db/database";
import {
  competenciesByKey,
  editValuesOf,
  profileFromEdit,
  sharedUpdates,
  type OtherProfile,
  type SharedUpdate,
} from "./edit-profile";
import type { ProfileEdit, ProfileEditInput } from "./edit-schema";
import { libraryCompetencies, readProfileVersion, saveProfileVersion } from "./library.server";
import { ProfileSchema, type Profile } from "./schema";
import { diffProfiles, isEmptyDiff, type ProfileDiff } from "./version-diff";
import { compareByName } from "~/people/dutch-order";

// HR edits a profile of the library in the browser: the editor opens on the current
// version; "review" shows what the edit changes against it (and which other profiles take
// the new wording of a shared competency); "save" stores it as a new version, together with
// those other profiles' new versions, in one transaction. Saving needs the fingerprint of
// the changes HR reviewed: what is saved is what was shown.

interface CurrentProfile {
  id: string;
  key: string;
  name: string;
  version: number;
  profile: Profile;
}

async function currentProfile(
  db: DB,
  organisationId: string,
  profileId: string,
): Promise<CurrentProfile | "retired" | null> {
  const row = await db
    .selectFrom("profile")
    .innerJoin("profile_snapshot as s", "s.id", "profile.current_snapshot_id")
    .select(["profile.id", "profile.key", "profile.name", "profile.retired_at", "s.version"])
    .select("profile.current_snapshot_id")
    .where("profile.id", "=", profileId)
    .where("profile.organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.retired_at !== null) return "retired";
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    version: Number(row.version ?? 1),
    profile: await readProfileVersion(db, row.current_snapshot_id),
  };
}

export interface EditorPage {
  profile: { id: string; name: string; language: Profile["language"] };
  version: number;
  values: ProfileEditInput;
  /** How many other current profiles hold each of its competencies (by key; 0 left out). */
  sharedCounts: Record<string, number>;
}

/** The editor's page: the current version as the form's values; null for none or retired. */
export async function editorPage(
  db: DB,
  organisationId: string,
  profileId: string,
): Promise<EditorPage | "retired" | null> {
  const current = await currentProfile(db, organisationId, profileId);
  if (current === null || current === "retired") return current;
  // The library's competencies of the other current profiles, with the profiles holding each.
  const others = new Map(
    (await libraryCompetencies(db, organisationId, current.key)).map((entry) => [
      entry.competency.id,
      entry.profiles.length,
    ]),
  );
  const own = competenciesByKey(current.profile);
  return {
    profile: { id: current.id, name: current.name, language: current.profile.language },
    version: current.version,
    values: editValuesOf(current.profile, current.version),
    sharedCounts: Object.fromEntries(
      [...own.keys()].flatMap((key) => (others.has(key) ? [[key, others.get(key)!]] : [])),
    ),
  };
}

/** Another profile that takes the edit, as the review lists it. */
export interface SharedUpdateSummary {
  name: string;
  competencies: string[];
}

export type EditOutcome =
  | { status: "not-found" }
  | { status: "retired" }
  /** A key that is not the stored version's, or one posted twice: a tampered form. */
  | { status: "foreign-key"; path: string }
  /** The profile got a newer version since the editor was opened. */
  | { status: "stale"; version: number }
  | { status: "unchanged" }
  /** Another profile would become invalid by taking a shared competency (a name twice). */
  | { status: "shared-conflict"; profile: string }
  /** The edit does not make a valid profile (a safety net behind the form's own checks). */
  | { status: "invalid" }
  | {
      status: "review";
      diff: ProfileDiff;
      shared: SharedUpdateSummary[];
      /** Other profiles holding a changed competency with other wording: left alone. */
      diverged: SharedUpdateSummary[];
      fingerprint: string;
      /** Saving was asked, but the form changed since its review. */
      changedSinceReview: boolean;
    }
  | { status: "saved"; version: number; shared: number };

interface EditPlan {
  current: CurrentProfile;
  edited: Profile;
  diff: ProfileDiff;
  updates: SharedUpdate[];
  diverged: SharedUpdateSummary[];
  fingerprint: string;
}

/** Every key the organisation's profiles ever used: a new element never takes one. */
async function keysInUse(db: DB, organisationId: string): Promise<Set<string>> {
  const snapshots = db
    .selectFrom("profile_snapshot")
    .select("id")
    .where("organisation_id", "=", organisationId);
  const [clusters, competencies, indicators, profiles] = await Promise.all([
    db.selectFrom("profile_cluster").select("key").where("snapshot_id", "in", snapshots).execute(),
    db
      .selectFrom("profile_competency")
      .select("key")
      .where("snapshot_id", "in", snapshots)
      .execute(),
    db
      .selectFrom("profile_indicator")
      .select("key")
      .where("snapshot_id", "in", snapshots)
      .execute(),
    db.selectFrom("profile").select("key").where("organisation_id", "=", organisationId).execute(),
  ]);
  return new Set([...clusters, ...competencies, ...indicators, ...profiles].map((row) => row.key));
}

async function otherCurrentProfiles(
  db: DB,
  organisationId: string,
  exceptId: string,
): Promise<OtherProfile[]> {
  const rows = await db
    .selectFrom("profile")
    .select(["id", "name", "current_snapshot_id"])
    .where("organisation_id", "=", organisationId)
    .where("retired_at", "is", null)
    .where("id", "!=", exceptId)
    .execute();
  const others: OtherProfile[] = [];
  for (const row of rows.sort(compareByName)) {
    others.push({ name: row.name, profile: await readProfileVersion(db, row.current_snapshot_id) });
  }
  return others;
}

type Planned = Exclude<EditOutcome, { status: "review" } | { status: "saved" }> | EditPlan;

async function planEdit(
  db: DB,
  organisationId: string,
  profileId: string,
  edit: ProfileEdit,
): Promise<Planned> {
  const current = await currentProfile(db, organisationId, profileId);
  if (current === null) return { status: "not-found" };
  if (current === "retired") return { status: "retired" };
  if (edit.baseVersion !== current.version) return { status: "stale", version: current.version };
  const taken = await keysInUse(db, organisationId);
  const result = profileFromEdit(edit, current.profile, taken);
  if (!result.ok) return { status: "foreign-key", path: result.path };
  const edited = result.profile;
  if (!ProfileSchema.safeParse(edited).success) return { status: "invalid" };
  const diff = diffProfiles(current.profile, edited);
  if (isEmptyDiff(diff)) return { status: "unchanged" };
  const { updates, diverged } = sharedUpdates(
    current.profile,
    edited,
    await otherCurrentProfiles(db, organisationId, profileId),
  );
  for (const update of updates) {
    if (!ProfileSchema.safeParse(update.profile).success) {
      return { status: "shared-conflict", profile: update.name };
    }
  }
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([current.version, edited, updates.map((update) => update.profile), diverged]),
    )
    .digest("hex")
    .slice(0, 32);
  return { current, edited, diff, updates, diverged, fingerprint };
}

function reviewOf(plan: EditPlan, changedSinceReview: boolean): EditOutcome {
  return {
    status: "review",
    diff: plan.diff,
    shared: plan.updates.map(({ name, competencies }) => ({ name, competencies })),
    diverged: plan.diverged,
    fingerprint: plan.fingerprint,
    changedSinceReview,
  };
}

/** What the edit changes, for HR to read before saving. */
export async function reviewProfileEdit(
  db: DB,
  organisationId: string,
  profileId: string,
  edit: ProfileEdit,
): Promise<EditOutcome> {
  const plan = await planEdit(db, organisationId, profileId, edit);
  return "status" in plan ? plan : reviewOf(plan, false);
}

/**
 * Saves the edit as a new version, and the other profiles that take its shared competencies,
 * if the changes are still the ones HR reviewed; otherwise shows the review again.
 */
export async function saveProfileEdit(
  db: DB,
  input: {
    organisationId: string;
    personId: string;
    profileId: string;
    edit: ProfileEdit;
    now?: Date;
  },
): Promise<EditOutcome> {
  return inTransaction(db, async (trx) => {
    const plan = await planEdit(trx, input.organisationId, input.profileId, input.edit);
    if ("status" in plan) return plan;
    if (plan.fingerprint !== input.edit.reviewed) return reviewOf(plan, true);
    const saved = await saveProfileVersion(trx, {
      organisationId: input.organisationId,
      personId: input.personId,
      profile: plan.edited,
      now: input.now,
    });
    for (const update of plan.updates) {
      await saveProfileVersion(trx, {
        organisationId: input.organisationId,
        personId: input.personId,
        profile: update.profile,
        now: input.now,
      });
    }
    return { status: "saved", version: saved.version, shared: plan.updates.length };
  });
}
