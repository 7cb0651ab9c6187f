import type { DB } from "#db/database";
import { dayInOrganisation } from "~/utils/dates";
import { profileStructureView } from "./components/profile-structure";
import {
  findLibraryProfile,
  listLibrary,
  notAdopted,
  readProfileVersion,
  saveProfileVersion,
} from "./library.server";
import { serializeProfileMarkdown } from "./markdown";
import { countProfile, type Profile } from "./schema";

// What HR's library pages show and do, beyond the library module itself: the view models
// (only what each page shows), adopting a built-in profile, and a version as Markdown.

interface Actor {
  id: string;
  organisationId: string;
}

/** The library page: the organisation's profiles and the built-in ones it has not adopted. */
export async function libraryPage(db: DB, organisationId: string, builtIn: readonly Profile[]) {
  const entries = await listLibrary(db, organisationId);
  const adoptable = await notAdopted(db, organisationId, builtIn);
  return {
    profiles: entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      version: entry.version,
      competencies: entry.competencies,
      indicators: entry.indicators,
      organisationWide: entry.organisationWide,
      retired: entry.retired,
      unfinishedRounds: entry.unfinishedRounds,
    })),
    builtIn: adoptable.map((profile) => {
      const counts = countProfile(profile);
      return {
        key: profile.id,
        name: profile.name,
        clusters: counts.clusters,
        competencies: counts.competencies,
        indicators: counts.indicators,
      };
    }),
  };
}

export type AdoptOutcome =
  { status: "adopted"; profileId: string } | { status: "already-adopted" } | { status: "unknown" };

/** Puts a built-in profile (surveys/) in the organisation's library as its version 1. */
export async function adoptBuiltIn(
  db: DB,
  actor: Actor,
  key: string,
  builtIn: readonly Profile[],
): Promise<AdoptOutcome> {
  if (!builtIn.some((profile) => profile.id === key)) return { status: "unknown" };
  const profile = (await notAdopted(db, actor.organisationId, builtIn)).find(
    (candidate) => candidate.id === key,
  );
  if (!profile) return { status: "already-adopted" };
  const saved = await saveProfileVersion(db, {
    organisationId: actor.organisationId,
    personId: actor.id,
    profile,
  });
  return { status: "adopted", profileId: saved.profileId };
}

/** A profile's page: its versions and its current version's content; null if not the organisation's. */
export async function profilePage(db: DB, organisationId: string, profileId: string) {
  const profile = await findLibraryProfile(db, organisationId, profileId);
  if (!profile) return null;
  const current = await readProfileVersion(db, profile.currentSnapshotId);
  const counts = countProfile(current);
  return {
    profile: {
      id: profile.id,
      key: profile.key,
      name: profile.name,
      retired: profile.retired,
      unfinishedRounds: profile.unfinishedRounds,
      versions: profile.versions.map((version) => ({
        version: version.version,
        savedOn: dayInOrganisation(new Date(version.createdAt)),
        current: version.current,
        rounds: version.rounds,
      })),
    },
    current: {
      version: profile.versions.find((version) => version.current)?.version ?? 1,
      counts: {
        clusters: counts.clusters,
        competencies: counts.competencies,
        indicators: counts.indicators,
      },
      structure: profileStructureView(current),
    },
  };
}

/** `?versie=` of the export: a version number, or nothing for the current version. */
const VERSION_PARAM = /^[1-9][0-9]{0,8}$/;

/**
 * A version of the organisation's profile as Markdown in Rondom's format, with its file name
 * (the profile's key); the current version unless `version` names another. Null when the
 * profile or the version is not the organisation's.
 */
export async function profileMarkdown(
  db: DB,
  organisationId: string,
  profileId: string,
  version: string | null,
): Promise<{ fileName: string; markdown: string } | null> {
  const profile = await db
    .selectFrom("profile")
    .select(["key", "current_snapshot_id"])
    .where("id", "=", profileId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!profile) return null;
  let snapshotId = profile.current_snapshot_id;
  if (version !== null) {
    if (!VERSION_PARAM.test(version)) return null;
    const snapshot = await db
      .selectFrom("profile_snapshot")
      .select("id")
      .where("organisation_id", "=", organisationId)
      .where("profile_key", "=", profile.key)
      .where("version", "=", Number(version))
      .executeTakeFirst();
    if (!snapshot) return null;
    snapshotId = snapshot.id;
  }
  const markdown = serializeProfileMarkdown(await readProfileVersion(db, snapshotId));
  return { fileName: `${profile.key}.md`, markdown };
}

/** A Markdown download: never cached, never indexed (as the CSV downloads). */
export function markdownResponse(markdown: string, fileName: string): Response {
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex, nofollow",
    },
  });
}
