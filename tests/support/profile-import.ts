import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { ProfileFileIssue, ProfileParseResult } from "~/profiles/markdown";
import { importPlainTextProfile } from "~/profiles/plain-text-import";
import type { Competency, Profile } from "~/profiles/schema";

/** The municipality's profile as plain text, the input the import was made for. */
export const SEED_PATH = path.join(
  __dirname,
  "fixtures",
  "profiles",
  "competentieprofiel-toepassing-beleid.txt",
);

export function readSeed(): string {
  return readFileSync(SEED_PATH, "utf8");
}

export function importText(text: string, fileName = "invoer.txt"): ProfileParseResult {
  return importPlainTextProfile(text, { id: "test-profiel", name: "Testprofiel", fileName });
}

export function importSeed(): Profile {
  const result = importPlainTextProfile(readSeed(), {
    id: "toepassing-beleid",
    name: "Competentieprofiel Toepassing beleid",
    fileName: "competentieprofiel-toepassing-beleid.txt",
  });
  return profileOf(result);
}

export function profileOf(result: ProfileParseResult): Profile {
  if (!result.ok)
    expect.fail(`verwacht een geldig profiel, kreeg:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.profile;
}

export function errorsOf(result: ProfileParseResult): ProfileFileIssue[] {
  if (result.ok) expect.fail("verwacht fouten, maar het profiel is geldig");
  return result.errors;
}

export function competencies(profile: Profile): Competency[] {
  return profile.clusters.flatMap((cluster) => cluster.competencies);
}

export function competencyNamed(profile: Profile, name: string): Competency {
  const competency = competencies(profile).find((candidate) => candidate.name === name);
  if (!competency) expect.fail(`competentie "${name}" niet gevonden`);
  return competency;
}
