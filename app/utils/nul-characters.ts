// The NUL character (U+0000) in text. PostgreSQL cannot keep it in a text column at all
// ("invalid byte sequence for encoding UTF8: 0x00"), SQLite can; Rondom keeps none, on either:
// - free text (answers, a decline's reason) loses it where it comes in (withoutNul): nobody
//   means one, and a form cannot show it;
// - a staged import keeps the upload's text as it came, NUL included, so that the preview can
//   name the line that holds one (a UTF-16 file may): there it is written escaped (escapeNul).
// Names refuse it with the other characters that are not text (./plain-text.ts).

const NUL = "\u0000";
/** A noncharacter: never part of text that is meant as text, so an escape cannot collide. */
const ESCAPE = "\uFFFF";
const ESCAPED_NUL = `${ESCAPE}0`;
const ESCAPED_ESCAPE = `${ESCAPE}${ESCAPE}`;

export function withoutNul(text: string): string {
  return text.replaceAll(NUL, "");
}

/** The text with every NUL (and the escape character itself) escaped, for storing. */
export function escapeNul(text: string): string {
  if (!text.includes(NUL) && !text.includes(ESCAPE)) return text;
  return text.replaceAll(ESCAPE, ESCAPED_ESCAPE).replaceAll(NUL, ESCAPED_NUL);
}

/** The text escapeNul was given; text stored without it (and without U+FFFF) as it is. */
export function unescapeNul(stored: string): string {
  if (!stored.includes(ESCAPE)) return stored;
  return stored.replace(/\uFFFF([0\uFFFF])/g, (_, escaped: string) =>
    escaped === "0" ? NUL : ESCAPE,
  );
}
