import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serializeProfileMarkdown } from "~/profiles/markdown";
import {
  getProfile,
  getProfiles,
  loadProfilesFromDirectory,
  ProfileLoadError,
  resetProfileCache,
} from "~/profiles/load.server";
import { importSeed } from "../../support/profile-import";

const GOOD = serializeProfileMarkdown(importSeed());

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "rondom-profiles-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.SURVEYS_DIR;
  resetProfileCache();
});

function loadError(directory: string): ProfileLoadError {
  try {
    loadProfilesFromDirectory(directory);
  } catch (error) {
    if (error instanceof ProfileLoadError) return error;
    throw error;
  }
  return expect.fail("verwacht een ProfileLoadError");
}

describe("loadProfilesFromDirectory", () => {
  it("loads every *.md file, sorted by name, and ignores other files", () => {
    writeFileSync(path.join(dir, "toepassing-beleid.md"), GOOD);
    writeFileSync(path.join(dir, "aaa.md"), GOOD.replace("id: toepassing-beleid", "id: aaa"));
    writeFileSync(path.join(dir, "notities.txt"), "geen profiel");
    const profiles = loadProfilesFromDirectory(dir);
    expect(profiles.map((profile) => profile.id)).toEqual(["aaa", "toepassing-beleid"]);
  });

  it("throws a ProfileLoadError naming the broken file and line", () => {
    writeFileSync(path.join(dir, "toepassing-beleid.md"), GOOD);
    const broken = GOOD.replace("id: toepassing-beleid", "id: kapot").replace(
      "- kent de klantengroepen, de kenmerken, de vragen, behoeften en wensen {#kennis-van-de-klant-1}",
      "- kent de klantengroepen",
    );
    writeFileSync(path.join(dir, "kapot.md"), broken);
    const error = loadError(dir);
    const brokenFile = path.relative(process.cwd(), path.join(dir, "kapot.md"));
    expect(error.issues).toEqual([
      {
        file: brokenFile,
        line: 13,
        code: "indicatorWithoutId",
        params: {},
        message: "gedragsindicator zonder id: zet {#een-id} aan het eind van de regel",
      },
    ]);
    expect(error.message).toBe(
      `${brokenFile}:13: gedragsindicator zonder id: zet {#een-id} aan het eind van de regel`,
    );
  });

  it("reports every broken file, not only the first", () => {
    writeFileSync(path.join(dir, "a.md"), "geen front matter");
    writeFileSync(path.join(dir, "b.md"), GOOD.replace("name: ", "name: Profiel B\nnaam: "));
    const error = loadError(dir);
    expect(error.issues.map((issue) => [path.basename(issue.file), issue.line])).toEqual([
      ["a.md", 1],
      ["b.md", 4],
    ]);
  });

  it("requires the file name to be <id>.md", () => {
    writeFileSync(path.join(dir, "anders.md"), GOOD);
    expect(loadError(dir).issues).toEqual([
      {
        file: path.relative(process.cwd(), path.join(dir, "anders.md")),
        line: 2,
        code: "fileNameMismatch",
        params: { id: "toepassing-beleid" },
        message:
          "de bestandsnaam moet toepassing-beleid.md zijn, gelijk aan het id van het profiel",
      },
    ]);
  });

  it("refuses a directory that does not exist", () => {
    expect(loadError(path.join(dir, "bestaat-niet")).issues[0]?.message).toMatch(/niet gevonden/);
  });
});

describe("getProfiles / getProfile", () => {
  it("loads SURVEYS_DIR once and caches until reset", () => {
    writeFileSync(path.join(dir, "toepassing-beleid.md"), GOOD);
    process.env.SURVEYS_DIR = dir;
    const first = getProfiles();
    expect(first.map((profile) => profile.id)).toEqual(["toepassing-beleid"]);
    expect(getProfile("toepassing-beleid")?.clusters).toHaveLength(3);
    expect(getProfile("bestaat-niet")).toBeUndefined();

    writeFileSync(path.join(dir, "tweede.md"), GOOD.replace("id: toepassing-beleid", "id: tweede"));
    expect(getProfiles()).toBe(first);
    resetProfileCache();
    expect(getProfiles().map((profile) => profile.id)).toEqual(["toepassing-beleid", "tweede"]);
  });

  it("serves the committed surveys/ directory by default", () => {
    expect(getProfile("toepassing-beleid")?.name).toBe("Competentieprofiel Toepassing beleid");
  });
});
