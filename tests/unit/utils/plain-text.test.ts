import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collapseSpaces,
  hasNonTextCharacters,
  plainText,
  plainTextField,
} from "~/utils/plain-text";

const messages = { required: "required", tooLong: "tooLong", notText: "notText" };
const field = plainTextField(messages, { max: 20 });

/** The first message the field reports, or the value it makes. */
function outcome(value: unknown): { ok: true; value: string } | { ok: false; message: string } {
  const result = field.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]?.message ?? "" };
}

/** Characters that are not text, one of each kind the module names. */
const NOT_TEXT = [
  "\u0000", // NUL
  "\u0007", // bell
  "\u001b", // escape
  "\u007f", // delete
  "\u0085", // next line (C1)
  "\u061c", // Arabic letter mark
  "\u200b", // zero-width space
  "\u200c", // zero-width non-joiner
  "\u200d", // zero-width joiner
  "\u200e", // left-to-right mark
  "\u200f", // right-to-left mark
  "\u202a", // left-to-right embedding
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e", // right-to-left override
  "\u2028", // line separator
  "\u2029", // paragraph separator
  "\u2060", // word joiner
  "\u2066", // left-to-right isolate
  "\u2067",
  "\u2068",
  "\u2069", // pop directional isolate
  "\ufeff", // byte order mark
  "\u00ad", // soft hyphen
  "\ud800", // lone surrogate
];

describe("plain text (names are text)", () => {
  it("refuses every character that is not text, anywhere in the name", () => {
    for (const character of NOT_TEXT) {
      for (const name of [`${character}Jan`, `Ja${character}n`, `Jan${character}`, character]) {
        expect(outcome(name), JSON.stringify(name)).toEqual({ ok: false, message: "notText" });
        expect(hasNonTextCharacters(name)).toBe(true);
        expect(plainText(name)).toBeNull();
      }
    }
  });

  it("refuses a right-to-left override that would spoof a name", () => {
    expect(outcome("Jan \u202eseirV ed")).toEqual({ ok: false, message: "notText" });
  });

  it("collapses runs of spaces, tabs, line breaks and non-breaking spaces into one space", () => {
    expect(outcome("  Jan \t\t de\u00a0\u00a0Vries \n")).toEqual({
      ok: true,
      value: "Jan de Vries",
    });
    expect(collapseSpaces("\u2003Anna\u3000Bakker\r\n")).toBe("Anna Bakker");
  });

  it("keeps letters of every script, accents, apostrophes, hyphens and emoji", () => {
    for (const name of ["Zoë", "Ĳsbrand", "d’Ancona", "Jan-Willem", "Σοφία", "محمد", "李", "🙂"]) {
      expect(outcome(name)).toEqual({ ok: true, value: name });
    }
  });

  it("reports an empty or blank name as required, and a long one as too long", () => {
    expect(outcome("")).toEqual({ ok: false, message: "required" });
    expect(outcome(" \t ")).toEqual({ ok: false, message: "required" });
    expect(outcome(undefined)).toEqual({ ok: false, message: "required" });
    expect(outcome("x".repeat(21))).toEqual({ ok: false, message: "tooLong" });
    expect(outcome("x".repeat(20))).toEqual({ ok: true, value: "x".repeat(20) });
    const atLeastTwo = plainTextField(messages, { min: 2, max: 20 });
    expect(atLeastTwo.safeParse("x").success).toBe(false);
  });

  it("never lets a value through that holds a control or format character, or loose spacing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (value) => {
        const result = field.safeParse(value);
        if (!result.success) return;
        const name = result.data;
        expect(name).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/\s{2}/u);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(20);
      }),
    );
  });

  it("accepts what it makes again unchanged (idempotent)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (value) => {
        const first = plainText(value);
        if (first === null) return;
        expect(plainText(first)).toBe(first);
      }),
    );
  });

  it("refuses exactly the values that hold a character that is not text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 10 }),
        fc.constantFrom(...NOT_TEXT),
        fc.string({ unit: "grapheme", maxLength: 10 }),
        (before, character, after) => {
          expect(plainText(`${before}${character}${after}`)).toBeNull();
        },
      ),
    );
  });
});

describe("what shows as nothing or as something else", () => {
  it.each([
    ["a Hangul filler", "\u3164"],
    ["a halfwidth Hangul filler", "Jan\uFFA0"],
    ["a Hangul choseong filler", "\u115FJan"],
    ["a Braille blank", "Jan\u2800"],
    ["the combining grapheme joiner", "Ja\u034Fn"],
    ["a variation selector", "Jan\uFE0F"],
    ["a supplementary variation selector", "Jan\u{E0100}"],
    ["a Khmer inherent vowel", "Jan\u17B4"],
    ["an unassigned code point", "Jan\u2065"],
    ["a private-use character", "Jan\uE000"],
    ["the object replacement character", "Jan\uFFFC"],
    ["the replacement character", "Jan\uFFFD"],
    ["four combining marks on one letter", "Jq\u0301\u0302\u0303\u0304n"],
  ])("refuses %s", (_label, value) => {
    expect(plainText(value)).toBeNull();
  });

  it("accepts real names with accents, also decomposed, and stores them composed", () => {
    expect(plainText("Nguyễn Thị")).toBe("Nguyễn Thị");
    expect(plainText("Financie\u0308n")).toBe("Financiën");
    expect(plainText("Zoë")).toBe("Zoë");
  });
});
