import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseProfileMarkdown } from "~/profiles/markdown";
import { importSeed, profileOf, SEED_PATH } from "../../support/profile-import";

const TSX = path.resolve("node_modules/.bin/tsx");
const SCRIPT = path.resolve("scripts/profile-import.ts");

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "rondom-import-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runImport(...args: string[]) {
  const result = spawnSync(TSX, [SCRIPT, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/profile-import.ts", () => {
  it("imports the seed, prints a summary and writes <id>.md", () => {
    const out = path.join(dir, "surveys");
    const { status, stdout, stderr } = runImport(SEED_PATH, "--out", out);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/clusters:\s+3\n/);
    expect(stdout).toMatch(/competenties:\s+9\n/);
    expect(stdout).toMatch(/gedragsindicatoren:\s+37\n/);
    expect(stdout).toContain("3 (Communiceren, Klantgericht werken, Samenwerken)");
    const target = path.join(out, "toepassing-beleid.md");
    expect(stdout).toContain(`Geschreven naar ${target}`);
    const written = profileOf(parseProfileMarkdown(readFileSync(target, "utf8"), target));
    expect(written).toEqual(importSeed());
  });

  it("takes --id and --name, and refuses to overwrite without --force", () => {
    const args = [SEED_PATH, "--out", dir, "--id", "eigen-id", "--name", "Eigen naam"];
    expect(runImport(...args).status).toBe(0);
    const target = path.join(dir, "eigen-id.md");
    expect(readFileSync(target, "utf8")).toMatch(/^id: eigen-id\nname: Eigen naam\n/m);

    writeFileSync(target, "handmatig aangepast");
    const again = runImport(...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("bestaat al");
    expect(readFileSync(target, "utf8")).toBe("handmatig aangepast");

    expect(runImport(...args, "--force").status).toBe(0);
    expect(readFileSync(target, "utf8")).toMatch(/^---\nid: eigen-id/);
  });

  it("reports bad input as file:line: reason, exits 1 and writes nothing", () => {
    const input = path.join(dir, "competentieprofiel-kapot.txt");
    writeFileSync(
      input,
      "Kennis\n\nVakkennis\n\npast vakkennis toe.\n\nOmgeving\n\nkent de omgeving.\n\n• leest.\n",
    );
    const out = path.join(dir, "out");
    const { status, stdout, stderr } = runImport(input, "--out", out);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${input}:3: competentie "Vakkennis" heeft geen gedragsindicatoren`);
    expect(existsSync(out)).toBe(false);
  });

  it("reads a Windows-1252 file and says so", () => {
    const input = path.join(dir, "competentieprofiel-ansi.txt");
    const text =
      "Houding\r\n\r\nAccuraat\r\n\r\nwerkt consciëntieus.\r\n\r\n\u2022 accepteert ideeën;\r\n";
    writeFileSync(
      input,
      Buffer.from(
        new Uint8Array(
          [...text].map((c) => (c === "ë" ? 0xeb : c === "\u2022" ? 0x95 : c.charCodeAt(0))),
        ),
      ),
    );
    const { status, stdout } = runImport(input, "--out", dir);
    expect(status).toBe(0);
    expect(stdout).toContain("Windows-1252");
    expect(readFileSync(path.join(dir, "ansi.md"), "utf8")).toContain(
      "- accepteert ideeën {#accuraat-1}",
    );
  });

  it("exits 2 with usage on a missing argument, an unknown option or an unreadable file", () => {
    for (const args of [[], ["--bogus", SEED_PATH], [path.join(dir, "bestaat-niet.txt")]]) {
      const { status, stderr } = runImport(...args, "--out", dir);
      expect(status).toBe(2);
      expect(stderr).toContain("Gebruik: npm run profile:import");
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
