import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  SEAL_PADDING_BYTES,
  isSealed,
  sealKeyForDatabaseFile,
  sealText,
  unsealText,
} from "#db/answer-seal";

const key = randomBytes(32);

describe("sealing answers", () => {
  it("opens what it sealed, for the same purpose and context only", () => {
    const sealed = sealText(key, "answer", "cycle-1", "Luistert goed. ✓");
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("Luistert");
    expect(unsealText(key, "answer", "cycle-1", sealed)).toBe("Luistert goed. ✓");
    expect(() => unsealText(key, "answer", "cycle-2", sealed)).toThrow(/niet worden geopend/);
    expect(() => unsealText(key, "draft", "cycle-1", sealed)).toThrow(/niet worden geopend/);
    expect(() => unsealText(randomBytes(32), "answer", "cycle-1", sealed)).toThrow(
      /niet worden geopend/,
    );
  });

  it("refuses a changed seal", () => {
    const sealed = sealText(key, "draft", "invitation-1", "concept");
    const [format, iv, body] = sealed.split(".");
    const bytes = Buffer.from(body!, "base64url");
    bytes[5] = bytes[5]! ^ 1;
    const changed = `${format}.${iv}.${bytes.toString("base64url")}`;
    expect(() => unsealText(key, "draft", "invitation-1", changed)).toThrow(/niet worden geopend/);
    expect(() => unsealText(key, "draft", "invitation-1", "{}")).toThrow(/geen verzegeld/);
  });

  it("gives an empty answer and a long one the same size, and never the same text twice", () => {
    const empty = sealText(key, "answer", "c", "");
    const long = sealText(key, "answer", "c", "x".repeat(SEAL_PADDING_BYTES - 4));
    expect(long.length).toBe(empty.length);
    expect(sealText(key, "answer", "c", "")).not.toBe(empty);
    // Only past the padding unit does the size change (one size class more).
    expect(sealText(key, "answer", "c", "x".repeat(SEAL_PADDING_BYTES - 3)).length).toBeGreaterThan(
      empty.length,
    );
  });
});

describe("the seal key without configuration", () => {
  it("lives next to the database, and the production server says so once", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-seal-"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const database = path.join(folder, "rondom.sqlite");
      const env = { NODE_ENV: "production" };
      const key = sealKeyForDatabaseFile(database, env);
      expect(sealKeyForDatabaseFile(database, env)).toEqual(key);
      expect(fs.readdirSync(folder)).toEqual(["rondom.answer-seal.key"]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain("ANSWER_SEAL_KEY_FILE");
      // Configured elsewhere: no warning.
      warn.mockClear();
      sealKeyForDatabaseFile(path.join(folder, "other.sqlite"), {
        NODE_ENV: "production",
        ANSWER_SEAL_KEY: randomBytes(32).toString("base64"),
      });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
