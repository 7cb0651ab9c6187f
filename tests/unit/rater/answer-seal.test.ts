import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SEAL_PADDING_BYTES, isSealed, sealText, unsealText } from "#db/answer-seal";

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
