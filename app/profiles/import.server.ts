import { inTransaction } from "#db/transaction";
import { diffProfiles, type ProfileDiff } from "./version-diff";
import { isDeepStrictEqual } from "node:util";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { ProfileStructureView } from "./components/profile-structure";
import { isMarkdownUpload } from "./import-upload-schema";
import {
  libraryCompetencies,
  readProfileVersion,
  saveProfileVersion,
  type SaveOutcome,
} from "./library.server";
import type { ProfileIssueText } from "./file-issues";
import { applyLinks, compareWithLibrary, type Difference } from "./library-links";

export { LINK_FIELD_PREFIX } from "./library-links";
import { parseProfileMarkdown, type ProfileParseResult } from "./markdown";
import { importPlainTextProfile, slugify } from "./plain-text-import";
import { countProfile, ProfileSchema, type Profile } from "./schema";
import { profileContentHash } from "./snapshot.server";
import { escapeNul, unescapeNul } from "~/utils/nul-characters";

// A profile import from upload to library: the text is staged (so the confirm form does not
// carry it back and forth), previewed as the profile it will be stored as, and saved only
// when HR confirms, parsed again from the staged text. Nothing reaches the library before.

/** A staged import is kept for a day; staging a new one removes older ones. */
export const STAGED_PROFILE_IMPORT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface ProfileUpload {
  fileName: string | null;
  /** The name HR gave; plain text needs it, a Markdown file names itself. */
  name: string | null;
  content: string;
}

interface Actor {
  id: string;
  organisationId: string;
}

export async function stageProfileImport(
  db: DB,
  actor: Actor,
  upload: ProfileUpload,
  now: Date = new Date(),
): Promise<string> {
  const id = newId();
  await inTransaction(db, async (trx) => {
    const cutoff = new Date(now.getTime() - STAGED_PROFILE_IMPORT_MAX_AGE_MS).toISOString();
    await trx.deleteFrom("staged_profile_import").where("created_at", "<", cutoff).execute();
    await trx
      .insertInto("staged_profile_import")
      .values({
        id,
        organisation_id: actor.organisationId,
        created_by_person_id: actor.id,
        file_name: upload.fileName,
        name: upload.name,
        // As it came, a NUL included (the parser refuses such a text), which PostgreSQL
        // cannot keep in text unescaped.
        content: escapeNul(upload.content),
        created_at: now.toISOString(),
      })
      .execute();
  });
  return id;
}

/** A staged import of the organisation, not older than a day; null otherwise. */
export async function loadStagedProfileImport(
  db: DB,
  organisationId: string,
  importId: string,
  now: Date = new Date(),
): Promise<ProfileUpload | null> {
  const cutoff = new Date(now.getTime() - STAGED_PROFILE_IMPORT_MAX_AGE_MS).toISOString();
  const row = await db
    .selectFrom("staged_profile_import")
    .select(["file_name", "name", "content"])
    .where("id", "=", importId)
    .where("organisation_id", "=", organisationId)
    .where("created_at", ">=", cutoff)
    .executeTakeFirst();
  return row
    ? { fileName: row.file_name, name: row.name, content: unescapeNul(row.content) }
    : null;
}

/**
 * The profile an upload holds: Markdown in Rondom's format (a *.md file, or a text that starts
 * with front matter) names itself; plain text gets HR's name, and its key from that name.
 */
export function parseProfileUpload(upload: ProfileUpload): ProfileParseResult {
  if (isMarkdownUpload(upload)) {
    return parseProfileMarkdown(upload.content, upload.fileName ?? "tekst");
  }
  const name = upload.name ?? "";
  return importPlainTextProfile(upload.content, {
    id: slugify(name),
    name,
    ...(upload.fileName ? { fileName: upload.fileName } : {}),
  });
}

/** How a profile would land in the library: new, a new version, or the current one again. */
export type LibraryMatch =
  | { kind: "new" }
  | {
      kind: "new-version";
      name: string;
      currentVersion: number;
      nextVersion: number;
      retired: boolean;
      /** What it changes against the current version. */
      changes: ProfileDiff;
    }
  | { kind: "unchanged"; name: string; currentVersion: number; retired: boolean };

export async function matchInLibrary(
  db: DB,
  organisationId: string,
  profile: Profile,
): Promise<LibraryMatch> {
  const existing = await db
    .selectFrom("profile")
    .innerJoin("profile_snapshot as s", "s.id", "profile.current_snapshot_id")
    .select(["profile.name", "profile.retired_at", "profile.current_snapshot_id", "s.version"])
    .where("profile.organisation_id", "=", organisationId)
    .where("profile.key", "=", profile.id)
    .executeTakeFirst();
  if (!existing) return { kind: "new" };
  const currentVersion = Number(existing.version ?? 1);
  const retired = existing.retired_at !== null;
  const current = await readProfileVersion(db, existing.current_snapshot_id);
  // Saved again, a retired profile comes back into use, whether its content changed or not.
  if (isDeepStrictEqual(current, profile)) {
    return {
      kind: "unchanged",
      name: existing.name,
      currentVersion,
      retired,
    };
  }
  // The library keeps a version once: content it had before becomes that version again.
  const earlier = await db
    .selectFrom("profile_snapshot")
    .select("version")
    .where("organisation_id", "=", organisationId)
    .where("profile_key", "=", profile.id)
    .where("content_hash", "=", profileContentHash(profile))
    .executeTakeFirst();
  const latest = await db
    .selectFrom("profile_snapshot")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("organisation_id", "=", organisationId)
    .where("profile_key", "=", profile.id)
    .executeTakeFirst();
  return {
    kind: "new-version",
    name: existing.name,
    currentVersion,
    nextVersion: earlier ? Number(earlier.version ?? 1) : Number(latest?.version ?? 0) + 1,
    retired,
    changes: diffProfiles(current, profile),
  };
}

/** A competency of the incoming profile that the library holds with other wording or id. */
export interface LinkChoice {
  /** Its id in the incoming profile: the confirm form's `link.<key>` field. */
  key: string;
  name: string;
  libraryName: string;
  /** The library's profiles that hold it. */
  profiles: string[];
  differences: Difference[];
}

/**
 * The incoming profile held against the library's competencies: what HR decides (link or
 * keep apart), and the profile as it is stored with the links chosen.
 */
async function withLibraryLinks(db: DB, organisationId: string, incoming: Profile) {
  const comparison = compareWithLibrary(
    incoming,
    await libraryCompetencies(db, organisationId, incoming.id),
  );
  return {
    comparison,
    choices: comparison.matches.map((match): LinkChoice => ({
      key: match.key,
      name: match.name,
      libraryName: match.library.competency.name,
      profiles: match.library.profiles,
      differences: match.differences,
    })),
    linked: (keys: ReadonlySet<string>) => applyLinks(incoming, comparison, keys),
  };
}

/** A problem of the text as the page gets it: its line, and a code it translates. */
export interface ImportProblem extends ProfileIssueText {
  line: number;
}

/** What the preview page shows: every problem, or the profile as it will be stored. */
export interface ProfileImportPreview {
  fileName: string | null;
  outcome:
    | { status: "problems"; problems: ImportProblem[] }
    | {
        status: "ready";
        key: string;
        name: string;
        counts: { clusters: number; competencies: number; indicators: number };
        organisationWide: number;
        structure: ProfileStructureView;
        library: LibraryMatch;
        /** Competencies to link to the library's (the structure shows them linked). */
        links: LinkChoice[];
        /** Organisation-wide competencies of the library the profile lacks. */
        missingOrganisationWide: { name: string; profiles: string[] }[];
      };
}

export async function previewProfileImport(
  db: DB,
  organisationId: string,
  importId: string,
  now: Date = new Date(),
): Promise<ProfileImportPreview | null> {
  const staged = await loadStagedProfileImport(db, organisationId, importId, now);
  if (!staged) return null;
  const result = parseProfileUpload(staged);
  if (!result.ok) {
    return {
      fileName: staged.fileName,
      outcome: {
        status: "problems",
        // Not the Dutch `message`: the page words each problem in the reader's language.
        problems: result.errors.map(({ line, code, params }) => ({ line, code, params })),
      },
    };
  }
  const links = await withLibraryLinks(db, organisationId, result.profile);
  // Shown as stored when every link is taken (the form's default).
  const profile = links.linked(new Set(links.choices.map((choice) => choice.key)));
  const counts = countProfile(profile);
  return {
    fileName: staged.fileName,
    outcome: {
      status: "ready",
      key: profile.id,
      name: profile.name,
      counts: {
        clusters: counts.clusters,
        competencies: counts.competencies,
        indicators: counts.indicators,
      },
      organisationWide: counts.organisationWide.length,
      structure: { language: profile.language, scale: profile.scale, clusters: profile.clusters },
      library: await matchInLibrary(db, organisationId, profile),
      links: links.choices,
      missingOrganisationWide: links.comparison.missingOrganisationWide.map((entry) => ({
        name: entry.competency.name,
        profiles: entry.profiles,
      })),
    },
  };
}

export type ConfirmOutcome =
  | { status: "not_found" }
  | { status: "invalid" }
  | { status: SaveOutcome["status"]; profileId: string; version: number };

/**
 * Saves the staged profile as HR saw it (parsed again, held against the library again, with
 * the competencies HR chose linked) and removes the staged text.
 */
export async function confirmProfileImport(
  db: DB,
  actor: Actor,
  importId: string,
  linkedKeys: ReadonlySet<string>,
  now: Date = new Date(),
): Promise<ConfirmOutcome> {
  return inTransaction(db, async (trx) => {
    const staged = await loadStagedProfileImport(trx, actor.organisationId, importId, now);
    if (!staged) return { status: "not_found" };
    const result = parseProfileUpload(staged);
    if (!result.ok) return { status: "invalid" };
    const links = await withLibraryLinks(trx, actor.organisationId, result.profile);
    const profile = ProfileSchema.safeParse(links.linked(linkedKeys));
    if (!profile.success) return { status: "invalid" };
    const saved = await saveProfileVersion(trx, {
      organisationId: actor.organisationId,
      personId: actor.id,
      profile: profile.data,
      now,
    });
    await trx.deleteFrom("staged_profile_import").where("id", "=", importId).execute();
    return saved;
  });
}

/** Removes a staged import of the organisation; false when there is none. */
export async function discardProfileImport(
  db: DB,
  organisationId: string,
  importId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("staged_profile_import")
    .where("id", "=", importId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
