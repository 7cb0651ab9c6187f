import { z } from "~/utils/zod";

// Names are text. Every name that enters Rondom (people, teams, organisations, rounds,
// raters outside the organisation) goes through plainTextField: ordinary white space is
// collapsed into single spaces, and characters that are not text are refused. Pure; used by
// the schemas on the server and in the browser.

/**
 * Ordinary white space: tab, line breaks, form feed and the Unicode spaces (such as the
 * non-breaking space a spreadsheet leaves). A run of them becomes one space.
 */
const WHITESPACE_RUN = /[\t\n\v\f\r\p{Zs}]+/gu;

/**
 * What is not text: control characters (Cc, such as NUL and escape), invisible formatting
 * (Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the
 * direction marks U+200E/U+200F and U+061C, the zero-width characters U+200B–U+200D and
 * U+2060, the byte order mark U+FEFF, the soft hyphen), the line and paragraph separators
 * U+2028/U+2029 (Zl, Zp) and lone surrogates (Cs). They can hide or reorder what a name
 * shows ("‮txt.exe" reads as "exe.txt"), and a NUL can cut a value short elsewhere. Also
 * what shows as nothing or as something else: private-use (Co) and unassigned (Cn) code
 * points, the Hangul and Braille blanks and fillers, the combining grapheme joiner, the
 * variation selectors, the object and replacement characters, and more than three combining
 * marks on one letter (no language needs them; they draw over the neighbouring lines).
 */
const NOT_TEXT =
  // The class lists combining characters (the grapheme joiner, variation selectors) on their
  // own on purpose: each is refused wherever it stands.
  // eslint-disable-next-line no-misleading-character-class
  /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\uFFFC\uFFFD\u{E0100}-\u{E01EF}]|\p{M}{4,}/u;

// The same class, every occurrence (see above for the combining characters on their own).
// eslint-disable-next-line no-misleading-character-class
const NOT_TEXT_EVERYWHERE = new RegExp(NOT_TEXT.source, "gu");

/** Runs of ordinary white space become one space; trimmed. */
export function collapseSpaces(value: string): string {
  // Not String#trim: that also drops a byte order mark or line separator at either end,
  // which must be refused rather than quietly removed.
  // NFC: "é" typed as e + accent and as one character is the same name (and team key).
  return value.normalize("NFC").replace(WHITESPACE_RUN, " ").replace(/^ | $/g, "");
}

/** True when the value holds a character that is not text (after collapsing white space). */
export function hasNonTextCharacters(value: string): boolean {
  return NOT_TEXT.test(collapseSpaces(value));
}

/**
 * The value without the characters that are not text (what `plainText` refuses), for text
 * that came in before it was refused everywhere (a soft hyphen copied from a web page).
 */
export function withoutNonText(value: string): string {
  return value.replace(NOT_TEXT_EVERYWHERE, "");
}

/** The value collapsed, or null when it holds a character that is not text. */
export function plainText(value: string): string | null {
  const collapsed = collapseSpaces(value);
  return NOT_TEXT.test(collapsed) ? null : collapsed;
}

export interface PlainTextMessages {
  /** Missing or empty after collapsing. */
  required: string;
  tooLong: string;
  /** Holds a character that is not text. */
  notText: string;
}

/**
 * A name field: white space collapsed, between `min` (default 1) and `max` characters, no
 * characters that are not text. Reports the first problem only, in that order of checks, so
 * a form and an import show one clear message.
 */
export function plainTextField(
  messages: PlainTextMessages,
  options: { max: number; min?: number },
) {
  const min = options.min ?? 1;
  return z
    .string({ error: messages.required })
    .transform(collapseSpaces)
    .pipe(
      // With its own message: the forms' parser (conform) turns an empty string into
      // undefined here too, so a name of only spaces is reported as missing.
      z
        .string({ error: messages.required })
        .refine((value) => !NOT_TEXT.test(value), { error: messages.notText, abort: true })
        .refine((value) => value.length >= min, { error: messages.required, abort: true })
        .refine((value) => value.length <= options.max, { error: messages.tooLong }),
    );
}
