import { collapseWhitespace } from "./text";

// Splitting a full name from one "naam" column into first and last name. Pure.

/** Dutch (and a few neighbouring) name particles that belong to the last name. */
const NAME_PARTICLES = new Set([
  "van",
  "de",
  "der",
  "den",
  "het",
  "'t",
  "’t",
  "te",
  "ter",
  "ten",
  "in",
  "op",
  "aan",
  "bij",
  "uit",
  "la",
  "le",
  "du",
  "da",
  "di",
  "von",
  "zu",
]);

export interface SplitName {
  firstName: string;
  lastName: string;
}

/**
 * "Jan de Vries" → Jan / de Vries (the first word is the first name, the rest the last name).
 * "Vries, Jan de" → Jan / de Vries: the "Achternaam, Voornaam" form of personnel systems, with
 * lower-case particles after the first name moved to the front of the last name.
 */
export function splitFullName(fullName: string): SplitName {
  const name = collapseWhitespace(fullName);
  const comma = name.indexOf(",");
  if (comma >= 0) {
    const lastName = name.slice(0, comma).trim();
    const rest = name
      .slice(comma + 1)
      .trim()
      .split(" ")
      .filter(Boolean);
    let particleStart = rest.length;
    while (particleStart > 1 && NAME_PARTICLES.has(rest[particleStart - 1] as string)) {
      particleStart--;
    }
    const particles = rest.slice(particleStart);
    return {
      firstName: rest.slice(0, particleStart).join(" "),
      lastName: [...particles, lastName].filter(Boolean).join(" "),
    };
  }
  const space = name.indexOf(" ");
  if (space < 0) return { firstName: name, lastName: "" };
  return { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}
