import { collapseSpaces } from "~/utils/plain-text";

// Small text normalisations shared by the import and the people and team forms. Pure.

/**
 * Runs of whitespace (also non-breaking spaces from spreadsheets) become one space; trimmed.
 * The line and paragraph separators and the byte order mark are not whitespace here: a name
 * that holds one is refused (app/utils/plain-text.ts).
 */
export const collapseWhitespace = collapseSpaces;

/** Without accents: "Financiën" → "Financien". */
export function withoutDiacritics(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * A header or choice as typed by anyone: case, accents, spaces, hyphens, dots and underscores
 * do not matter ("E-mail adres" and "emailadres" are the same).
 */
export function foldForMatching(value: string): string {
  return withoutDiacritics(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Team names compare without regard to case, accents or spacing; the stored name is kept. */
export function teamNameKey(name: string): string {
  return withoutDiacritics(collapseWhitespace(name)).toLowerCase();
}

export function normaliseEmailAddress(email: string): string {
  return email.trim().toLowerCase();
}
