import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeNul, unescapeNul, withoutNul } from "~/utils/nul-characters";

// Text with a NUL, as an import stages it: stored without one, read back as it came.

/** Text rich in the two characters the escape is about. */
const awkwardText = fc
  .array(fc.oneof(fc.constantFrom("\u0000", "\uFFFF", "0", "\uFFFF0"), fc.string()))
  .map((parts) => parts.join(""));

describe("escapeNul", () => {
  it("leaves no NUL, and unescapeNul gives back exactly what it was given", () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const stored = escapeNul(text);
        expect(stored).not.toContain("\u0000");
        expect(unescapeNul(stored)).toBe(text);
      }),
    );
  });

  it("leaves text without a NUL or U+FFFF as it is, so text staged before it reads the same", () => {
    expect(escapeNul("Anna;Bakker\r\n")).toBe("Anna;Bakker\r\n");
    expect(unescapeNul("Anna;Bakker\r\n")).toBe("Anna;Bakker\r\n");
    expect(escapeNul("Anna\u0000")).toBe("Anna\uFFFF0");
  });
});

describe("withoutNul", () => {
  it("leaves out every NUL and nothing else", () => {
    expect(withoutNul("\u0000Luistert\u0000 goed.\u0000")).toBe("Luistert goed.");
    fc.assert(
      fc.property(awkwardText, (text) => {
        expect(withoutNul(text)).toBe(text.split("\u0000").join(""));
      }),
    );
  });
});
