import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// Relative imports: this module may be loaded by scripts/ through tsx, which ignores the ~/ alias.
import { profileFileIssue } from "./file-issues";
import { formatProfileIssues, parseProfileMarkdown } from "./markdown";
import type { ProfileFileIssue } from "./markdown";
import type { Profile } from "./schema";

/** One or more profile files in surveys/ are invalid; `issues` says where and why. */
export class ProfileLoadError extends Error {
  readonly issues: ProfileFileIssue[];

  constructor(issues: ProfileFileIssue[]) {
    super(formatProfileIssues(issues));
    this.name = "ProfileLoadError";
    this.issues = issues;
  }
}

/** Reads and validates every `*.md` profile in `dir`; throws ProfileLoadError on any problem. */
export function loadProfilesFromDirectory(dir: string): Profile[] {
  const directoryName = displayPath(dir);
  let fileNames: string[];
  try {
    fileNames = readdirSync(dir)
      .filter((name) => name.endsWith(".md"))
      .sort();
  } catch {
    throw new ProfileLoadError([profileFileIssue(directoryName, 1, "folderUnreadable", {})]);
  }

  const profiles: Profile[] = [];
  const issues: ProfileFileIssue[] = [];
  const fileById = new Map<string, string>();

  for (const fileName of fileNames) {
    const file = displayPath(path.join(dir, fileName));
    let source: string;
    try {
      source = readFileSync(path.join(dir, fileName), "utf8");
    } catch {
      issues.push(profileFileIssue(file, 1, "fileUnreadable", {}));
      continue;
    }
    const result = parseProfileMarkdown(source, file);
    if (!result.ok) {
      issues.push(...result.errors);
      continue;
    }
    const { profile } = result;
    const idLine = lineOfIdField(source);
    if (fileName !== `${profile.id}.md`) {
      issues.push(profileFileIssue(file, idLine, "fileNameMismatch", { id: profile.id }));
    }
    const earlierFile = fileById.get(profile.id);
    if (earlierFile) {
      issues.push(
        profileFileIssue(file, idLine, "profileIdTaken", { id: profile.id, file: earlierFile }),
      );
    } else {
      fileById.set(profile.id, file);
    }
    profiles.push(profile);
  }

  if (issues.length > 0) throw new ProfileLoadError(issues);
  return profiles;
}

function displayPath(filePath: string): string {
  return path.relative(process.cwd(), filePath) || filePath;
}

function lineOfIdField(source: string): number {
  const index = source.split(/\r\n|\r|\n/).findIndex((line) => /^id\s*:/.test(line));
  return index === -1 ? 1 : index + 1;
}

let cachedProfiles: Profile[] | undefined;

function surveysDirectory(): string {
  return path.resolve(process.env.SURVEYS_DIR ?? path.join(process.cwd(), "surveys"));
}

/** All profiles in surveys/ (or SURVEYS_DIR), loaded and validated once per process. */
export function getProfiles(): Profile[] {
  cachedProfiles ??= loadProfilesFromDirectory(surveysDirectory());
  return cachedProfiles;
}

export function getProfile(id: string): Profile | undefined {
  return getProfiles().find((profile) => profile.id === id);
}

export function resetProfileCache(): void {
  cachedProfiles = undefined;
}
