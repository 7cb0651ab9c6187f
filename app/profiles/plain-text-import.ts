// Reads a competency profile as municipalities publish it (text copied from a web page or a
// PDF, pasted or saved as a file) into a Profile. Nothing here knows the names of clusters or
// competencies: the structure is read from the layout only. Where the layout allows two
// readings, the text is refused with the line and the question; it is never guessed.
//
//   Kennis                       <- cluster heading
//   Kennis van de klant ***      <- competency name; "***" (also "*)", "(***)" before it)
//                                   marks it organisation-wide
//   toont in contact met ...     <- description, one or more paragraphs
//   • kent de klantengroepen;    <- indicators
//
// Blank lines may be there or not: a web page's text loses them, a PDF's keeps few. The rules:
//
// Characters. Lines end at \n, \r\n, \r, U+2028 and U+2029. Tabs, non-breaking and other odd
// spaces are spaces; zero-width characters and a BOM go; lookalike asterisks (∗ ＊) are *.
// Quotes and apostrophes are kept as written. A line of only dashes, dots or stars is a blank
// line; a page number ("3", "pagina 3 van 5") is no line at all. A footnote ("*** competenties:
// …") and the lines it wraps onto are skipped.
//
// Indicators. A line starting with •, ◦, ▪, ·, ●, ■, ‣, -, –, —, *, +, Word's Symbol bullet
// (U+F0B7) or a number or letter ("1.", "2)", "a)", "(b)") starts an indicator. One list uses
// one kind (symbols, numbers or letters, counting up): a numbered line among symbols is
// refused as a heading in disguise.
// A dash after an unfinished description line is a dash insertion ("verkrijgt / – ook onder
// druk –"), not a bullet, while the insertion is open or closes on that or the next line.
// An indicator goes on over the next lines (a PDF's hard line breaks) while they start with a
// small letter. A line with a capital goes on an unfinished indicator (no . ; ! ? at its end)
// only when that indicator's last line is full (below) and the line is not title-like; an
// unfinished, full indicator followed by a title-like line is refused: both readings are real.
//
// Title-like: at most 8 words and 80 characters, a capital first, no . , ; : ! ? at the end.
// A line ends on purpose when a blank line, an indicator or the end follows it, or when the
// first word of the next line would clearly have fitted on it (within 85% of the widest line
// of the text): a PDF wraps full lines only. A text in which no line runs on into the next
// (one ending without . ! ? : followed by one starting with a small letter) is not wrapped,
// as a web page's: there every line ends on purpose.
//
// Headings, between two lists of indicators:
//   1. The leading title-like lines that end on purpose are headings: one is the competency
//      name, two are a cluster heading and the name. A line marked *** is a competency, never a
//      cluster. More than two are refused (a document title above the first cluster?).
//   2. One heading, then a title-like line without a blank line above it that does not end on
//      purpose: refused. It is the first line of the description, or a long name above its
//      description (and the heading a cluster); a blank line above or below it settles it. The
//      same when the first line does not end on purpose either. A first line that is the only
//      title-like one is the name even if it runs on: no other reading works.
//   3. The rest is the description; blank lines separate its paragraphs.
//   4. In a description, a title-like line that ends on purpose and has a blank line above it,
//      or that is marked ***, starts the next competency (so the one before has no indicators,
//      which is reported). Without the blank line, after a line ending a sentence, it is
//      refused: a new competency, or a line of the description?
//   5. A competency without description whose name sits right under its cluster heading (no
//      blank line), in a profile whose other competencies have one, is refused: the "name" may
//      be the description of a competency read as cluster.
//
// The lines of a paragraph or an indicator are joined with a space, except that a word broken
// by a soft hyphen is whole again, "politiek-/bestuurlijke" keeps its hyphen without a space,
// "wet-/en regelgeving" keeps its space, and a line starting with punctuation gets none.
//
// Each refusal is a code with its parameters (see `Report`); the texts are the
// `profiles.fileIssue.<code>` messages, in Dutch for the command-line import and in the
// reader's language on the preview page.
//
// Relative imports: this module is also loaded by scripts/ through tsx, which ignores the ~/ alias.
import {
  profileFileIssue,
  profileIssueText,
  type ProfileFileIssue,
  type ProfileIssueCode,
  type ProfileIssueParamsOf,
  type ProfileIssueText,
} from "./file-issues";
import { validateLocatedProfile } from "./markdown";
import type { LocatedCluster, LocatedCompetency, ProfileParseResult } from "./markdown";

export const MAX_IMPORT_BYTES = 512 * 1024;

export interface PlainTextImportOptions {
  id: string;
  name: string;
  fileName?: string;
}

/** A text line between lists of indicators, with what separates it from the line above. */
interface TextLine {
  line: number;
  text: string;
  /** No text line directly above: the start, a blank line, a footnote or an indicator. */
  paragraphStart: boolean;
  /** Filled in once the section is complete; see "ends on purpose" above. */
  endsOnPurpose: boolean;
}

type MarkerKind = "symbol" | "number" | "letter";

interface Marker {
  kind: MarkerKind;
  /** As written ("•", "3.", "b)"), for messages. */
  written: string;
  /** Position in its sequence for numbers and letters (1, 2, …). */
  ordinal: number;
  rest: string;
}

interface IndicatorItem {
  line: number;
  marker: Marker;
  /** The text of each physical line, the marker taken off the first. */
  parts: string[];
  /** The last physical line as it stands, to tell a wrapped line from a finished one. */
  lastLine: string;
}

/** Text lines and the list of indicators under them (empty after the last list). */
interface Section {
  texts: TextLine[];
  items: IndicatorItem[];
}

/** What a competency was read from, before it is checked and built. */
interface CompetencyLines {
  cluster: TextLine | undefined;
  name: TextLine;
  description: TextLine[];
  items: IndicatorItem[] | undefined;
}

const SYMBOL_MARKER = /^([•·▪▫◦●○■□‣⁃∙►▸➢➤✓✔\uF0A7\uF0B7\uF0D8\uF0FC])\s*/u;
const DASH_OR_STAR_MARKER = /^([-*–—+−‐‑])(?:\s+|$)/;
const NUMBER_MARKER = /^\(?(\d{1,2}|[a-z])([.)])(?:\s+|$)/;
const SPACED_DASH = /(?<=^|\s)([-–—−‐‑])(?=\s|$)/g;
const STAR_MARKER_AT_START = /^\(?\*{1,3}\)?\s*/;
const STAR_MARKER_AT_END = /\s*\(?\*{1,3}\)?$/;
const DECORATIVE_LINE = /^[-_=~*·.•–—\s]{3,}$/u;
const PAGE_NUMBER =
  /^(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,3}(?:\s*(?:van|of|\/)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$/i;
const CLOSING_QUOTES = /["'”’»›]+$/;
const FINISHED = /[.;!?]$/;
const ENDS_SENTENCE = /[.!?:]$/;
const NOT_A_TITLE_ENDING = /[.,;:!?]$/;
const MAX_TITLE_LENGTH = 80;
const MAX_TITLE_WORDS = 8;
/** A line ends on purpose if the next word fits within this part of the widest line. */
const FULL_LINE_SHARE = 0.85;
/** Words after a line-final hyphen that keep the space: "wet- / en regelgeving". */
const CONJUNCTION_AFTER_HYPHEN = /^(?:en|of|tot|t\/m)\b/;
const PROFILE_FIELD_LABELS: Record<string, ProfileIssueText> = {
  id: profileIssueText("label.profileId", {}),
  name: profileIssueText("label.profileName", {}),
};

/** Reports a refusal on a line: a code with the parameters its text asks for. */
type Report = <Code extends ProfileIssueCode>(
  line: number,
  code: Code,
  params: ProfileIssueParamsOf<Code>,
) => void;

export function importPlainTextProfile(
  text: string,
  options: PlainTextImportOptions,
): ProfileParseResult {
  const file = options.fileName ?? "tekst";
  const issues: ProfileFileIssue[] = [];
  const report: Report = (line, code, params) => {
    issues.push(profileFileIssue(file, line, code, params));
  };
  const refused = (): ProfileParseResult => ({ ok: false, errors: issues });

  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES) {
    report(1, "tooLarge", { kilobytes: Math.ceil(bytes / 1024), max: MAX_IMPORT_BYTES / 1024 });
    return refused();
  }
  if (looksBinary(text)) {
    report(1, "notText", {});
    return refused();
  }
  const lines = normaliseLines(text);
  lines.forEach((line, index) => {
    if (line.includes("\uFFFD")) report(index + 1, "unreadableCharacter", {});
  });
  if (issues.length > 0) return refused();

  const firstTextLine = lines.findIndex((line) => line !== "") + 1;
  if (firstTextLine === 0) {
    report(1, "empty", {});
    return refused();
  }
  const sections = readSections(lines, report);
  if (!sections.some((section) => section.items.length > 0)) {
    report(firstTextLine, "noIndicators", {});
    return refused();
  }

  const builder = new ProfileBuilder(report);
  sections.forEach((section, index) => {
    // A list with a heading in disguise cannot be read on without follow-up errors.
    if (!checkMarkers(section.items, report)) return;
    const isLast = index === sections.length - 1;
    for (const competency of readCompetencies(section, isLast, report)) builder.add(competency);
  });
  builder.checkMissingDescriptions();
  // "A profile needs a cluster" would only repeat what the problems found already explain.
  if (builder.clusters.length === 0 && issues.length > 0) return refused();
  return validateLocatedProfile(
    {
      fields: { id: options.id, name: options.name, language: "nl" },
      clusters: builder.clusters,
      lineOfField: () => 1,
      labelOfField: (path) =>
        PROFILE_FIELD_LABELS[String(path[0])] ?? profileIssueText("label.profile", {}),
    },
    file,
    issues,
  );
}

/** Lowercase slug for ids: diacritics folded, everything else that is not a-z0-9 becomes "-". */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  let suspicious = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const isControl = (code < 0x20 && !"\t\n\r\f\v".includes(char)) || code === 0x7f;
    if (isControl || char === "\uFFFD") suspicious++;
  }
  return suspicious > 0 && suspicious / text.length > 0.05;
}

/** One pass over the whole text per rule: a text of many short lines stays fast. */
function normaliseLines(text: string): string[] {
  return (
    text
      .replace(/^\uFEFF/, "")
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
      .replace(/[∗⁎✱＊]/g, "*")
      .replace(/(?![\r\n\u2028\u2029])[\s\p{Cc}]/gu, " ")
      .replace(/ {2,}/g, " ")
      .replace(/ ([.,;:!?])/g, "$1")
      .replace(/^ | $/gm, "")
      // A soft hyphen is kept only at the end of a line, where it joins the word on the next.
      .replace(/\u00AD(?!$)/gm, "")
      .split(/\r\n|\r|\n|\u2028|\u2029/)
  );
}

// ---------------------------------------------------------------------------------------------
// Lines into sections: text lines, then the indicators under them.

function readSections(lines: readonly string[], report: Report): Section[] {
  const width = wrapWidth(lines);
  const sections: Section[] = [];
  let section: Section = { texts: [], items: [] };
  let previous: "blank" | "text" | "indicator" | "footnote" = "blank";
  /** Dashes that opened an insertion in the current paragraph and have not closed it yet. */
  let openDashes = new Set<string>();
  const nextLineAfter = (index: number) => {
    for (let next = index + 1; next < lines.length; next++) {
      const line = lines[next] ?? "";
      if (!PAGE_NUMBER.test(line)) return line;
    }
    return undefined;
  };

  lines.forEach((text, index) => {
    const lineNumber = index + 1;
    if (PAGE_NUMBER.test(text)) return;
    if (text === "" || DECORATIVE_LINE.test(text)) {
      previous = "blank";
      return;
    }
    // A footnote, with the lines it wraps onto, is not part of the profile.
    const marker = markerOf(text);
    if (isFootnote(text) || (previous === "footnote" && !marker && !startsWithCapital(text))) {
      previous = "footnote";
      return;
    }
    const insertion =
      marker !== undefined &&
      previous === "text" &&
      isDashInsertion(text, section.texts.at(-1)?.text ?? "", openDashes, nextLineAfter(index));
    if (marker && !insertion) {
      section.items.push({
        line: lineNumber,
        marker,
        parts: [marker.rest],
        lastLine: text,
      });
      previous = "indicator";
      return;
    }
    const item = section.items.at(-1);
    if (previous === "indicator" && item) {
      const goesOn = continuesIndicator(item, text, width);
      if (goesOn === "ambiguous") {
        report(lineNumber, "indicatorOrHeading", { line: text, indicatorLine: item.line });
      }
      if (goesOn !== "no") {
        item.parts.push(text);
        item.lastLine = text;
        return;
      }
    }
    if (section.items.length > 0) {
      sections.push(section);
      section = { texts: [], items: [] };
    }
    if (previous !== "text") openDashes = new Set();
    for (const dash of spacedDashesIn(text)) {
      if (!openDashes.delete(dash)) openDashes.add(dash);
    }
    section.texts.push({
      line: lineNumber,
      text,
      paragraphStart: previous !== "text",
      endsOnPurpose: false,
    });
    previous = "text";
  });
  if (section.texts.length > 0 || section.items.length > 0) sections.push(section);

  for (const { texts } of sections) {
    texts.forEach((line, index) => {
      const next = texts[index + 1];
      line.endsOnPurpose = !next || next.paragraphStart || hasRoomFor(line.text, next.text, width);
    });
  }
  return sections;
}

/**
 * The width a PDF wrapped the text at: its widest line. A text in which no line runs on into
 * the next (a web page's) is not wrapped: every line break in it is meant.
 */
function wrapWidth(lines: readonly string[]): number {
  const runsOn = (line: string, next: string) =>
    line !== "" &&
    /^\p{Ll}/u.test(next) &&
    !endsLike(line, ENDS_SENTENCE) &&
    !isTitleLike(line) &&
    !markerOf(next);
  const wrapped = lines.some((line, index) => runsOn(line, lines[index + 1] ?? ""));
  if (!wrapped) return Infinity;
  return lines.reduce((widest, line) => Math.max(widest, line.length), 0);
}

function markerOf(line: string): Marker | undefined {
  const symbol = SYMBOL_MARKER.exec(line) ?? DASH_OR_STAR_MARKER.exec(line);
  if (symbol) {
    return {
      kind: "symbol",
      written: symbol[1] ?? "",
      ordinal: 0,
      rest: line.slice(symbol[0].length),
    };
  }
  const numbered = NUMBER_MARKER.exec(line);
  if (!numbered) return undefined;
  const value = numbered[1] ?? "";
  const isNumber = /\d/.test(value);
  return {
    kind: isNumber ? "number" : "letter",
    written: numbered[0].trim(),
    ordinal: isNumber ? Number(value) : value.charCodeAt(0) - "a".charCodeAt(0) + 1,
    rest: line.slice(numbered[0].length),
  };
}

/** Footnotes such as "*** competenties: zijn organisatiebrede competenties (…)". */
function isFootnote(line: string): boolean {
  if (!/^\(?\*/.test(line) || /^\*\s/.test(line)) return false;
  const rest = line.replace(STAR_MARKER_AT_START, "");
  return /[:=]|organisatiebre|competenties/i.test(rest) || !isTitleLike(rest);
}

/** Dashes with a space (or the line's edge) on both sides, in order: "a – b – c" has two. */
function spacedDashesIn(text: string): string[] {
  return [...text.matchAll(SPACED_DASH)].map((match) => match[1] ?? "");
}

/**
 * A dash at the start of a line after an unfinished description line is an insertion
 * ("verkrijgt / – ook onder druk en over langere tijd – / detailzaken") when it closes one that
 * is open, or when it opens one that closes on this or the next line and no list follows.
 */
function isDashInsertion(
  line: string,
  above: string,
  openDashes: ReadonlySet<string>,
  nextLine: string | undefined,
): boolean {
  const dash = spacedDashesIn(line)[0];
  if (dash === undefined || !line.startsWith(dash)) return false;
  if (above === "" || endsLike(above, FINISHED) || isTitleLike(above)) return false;
  if (openDashes.has(dash)) return true;
  if (nextLine?.startsWith(dash)) return false;
  const closesHere = spacedDashesIn(line.slice(1)).includes(dash);
  const closesOnNext = nextLine !== undefined && spacedDashesIn(nextLine).includes(dash);
  return closesHere || closesOnNext;
}

/** Whether a text line right under an indicator goes on with it (see the header). */
function continuesIndicator(
  item: IndicatorItem,
  line: string,
  width: number,
): "yes" | "no" | "ambiguous" {
  const textSoFar = joinLines(item.parts);
  if (textSoFar === "" || !startsWithCapital(line)) return "yes";
  if (endsLike(textSoFar, FINISHED) || hasRoomFor(item.lastLine, line, width)) return "no";
  return isTitleLike(line) ? "ambiguous" : "yes";
}

/** The first word of `next` would clearly have fitted on `line`: the break is meant. */
function hasRoomFor(line: string, next: string, width: number): boolean {
  if (/[-\u00AD]$/.test(line)) return false;
  const nextWord = next.split(" ")[0] ?? "";
  return line.length + 1 + nextWord.length <= width * FULL_LINE_SHARE;
}

// ---------------------------------------------------------------------------------------------
// Sections into competencies: the heading rules of the header.

function readCompetencies(section: Section, isLast: boolean, report: Report): CompetencyLines[] {
  const { texts } = section;
  const items = section.items.length > 0 ? section.items : undefined;
  if (texts.length === 0) {
    if (items) report(items[0]?.line ?? 1, "indicatorsBeforeFirstCompetency", {});
    return [];
  }
  const competencies: CompetencyLines[] = [];
  let start = 0;
  while (start < texts.length) {
    const first = texts[start];
    if (!first) break;
    const headings = readHeadings(texts, start, report);
    if (!headings) {
      if (!items && isLast) report(first.line, "trailingText", { text: preview(first.text) });
      else report(first.line, "notAName", { text: preview(first.text), maxWords: MAX_TITLE_WORDS });
      break;
    }
    const descriptionStart = headings.next;
    let end = descriptionStart;
    while (end < texts.length && !startsNextCompetency(texts, end, descriptionStart)) {
      checkHeadingInDescription(texts, end, descriptionStart, headings.name, report);
      end++;
    }
    competencies.push({
      cluster: headings.cluster,
      name: headings.name,
      description: texts.slice(descriptionStart, end),
      items: end === texts.length ? items : undefined,
    });
    start = end;
  }
  return competencies;
}

interface Headings {
  cluster: TextLine | undefined;
  name: TextLine;
  /** Index of the first line after the headings. */
  next: number;
}

function readHeadings(
  texts: readonly TextLine[],
  start: number,
  report: Report,
): Headings | undefined {
  const at = (offset: number) => texts[start + offset];
  const isHeadingAt = (offset: number) => {
    const line = at(offset);
    return line !== undefined && isHeadingLine(line);
  };
  let count = 0;
  while (isHeadingAt(count)) count++;

  const first = at(0);
  if (!first || (count === 0 && !isTitleLike(first.text))) return undefined;
  if (count <= 1 || hasOrganisationWideMark(first.text)) {
    // Rule 2: the line below could be a name too, under a cluster heading.
    const below = at(1);
    if (
      count <= 1 &&
      below &&
      !below.paragraphStart &&
      isTitleLike(below.text) &&
      !hasOrganisationWideMark(first.text)
    ) {
      report(below.line, "nameOrDescription", { line: below.text, heading: first.text });
    }
    return { cluster: undefined, name: first, next: start + 1 };
  }
  if (count > 2) report(first.line, "tooManyHeadings", { heading: preview(first.text) });
  // With too many headings, read on as cluster and name, to avoid follow-up errors.
  const cluster = at(count - 2);
  const name = at(count - 1);
  if (!cluster || !name) return undefined;
  return { cluster, name, next: start + count };
}

/** Rule 1: title-like and ending on purpose, or marked *** (a name, also when it runs on). */
function isHeadingLine(line: TextLine): boolean {
  return isTitleLike(line.text) && (line.endsOnPurpose || hasOrganisationWideMark(line.text));
}

/** Rule 4: a title-like line after some description that starts a paragraph, or is marked. */
function startsNextCompetency(texts: readonly TextLine[], index: number, start: number): boolean {
  const line = texts[index];
  if (!line || !isTitleLike(line.text)) return false;
  if (hasOrganisationWideMark(line.text)) return true;
  return index > start && line.paragraphStart && line.endsOnPurpose;
}

function checkHeadingInDescription(
  texts: readonly TextLine[],
  index: number,
  start: number,
  name: TextLine,
  report: Report,
): void {
  const line = texts[index];
  const above = texts[index - 1];
  if (!line || !above || index === start || line.paragraphStart) return;
  if (isTitleLike(line.text) && line.endsOnPurpose && endsLike(above.text, ENDS_SENTENCE)) {
    const competency = readCompetencyName(name.text).name;
    report(line.line, "headingInDescription", { line: line.text, competency });
  }
}

/** Numbered items in a list of symbols, or numbers that do not count up: headings in disguise. */
function checkMarkers(items: readonly IndicatorItem[], report: Report): boolean {
  const symbol = items.find((item) => item.marker.kind === "symbol");
  let valid = true;
  items.forEach((item, index) => {
    const { marker } = item;
    if (marker.kind === "symbol") return;
    const text = preview(`${marker.written} ${item.parts[0] ?? ""}`.trim());
    if (symbol) {
      valid = false;
      report(item.line, "numberedAmongSymbols", {
        item: text,
        marker: marker.written,
        otherLine: symbol.line,
      });
      return;
    }
    const previous = items[index - 1];
    const expected = previous ? previous.marker.ordinal + 1 : marker.ordinal;
    if (previous && (marker.kind !== previous.marker.kind || marker.ordinal !== expected)) {
      valid = false;
      report(item.line, "numberingBreaks", {
        item: text,
        marker: marker.written,
        previous: previous.marker.written,
        previousLine: previous.line,
      });
    }
  });
  return valid;
}

// ---------------------------------------------------------------------------------------------
// Competencies into clusters.

class ProfileBuilder {
  readonly clusters: LocatedCluster[] = [];
  private cluster: LocatedCluster | undefined;
  private readonly usedIds = new Set<string>();
  private readonly competencyLines = new Map<string, number>();
  /** Rule 5: competencies without description right under their cluster heading. */
  private readonly suspects: { line: number; competency: string; cluster: string }[] = [];
  private anyDescription = false;

  constructor(private readonly report: Report) {}

  add({ cluster, name: nameLine, description, items }: CompetencyLines): void {
    if (cluster) this.startCluster(cluster);
    const { name, organisationWide } = readCompetencyName(nameLine.text);
    if (!this.cluster) {
      this.report(nameLine.line, "noCluster", { competency: name });
      return;
    }
    this.checkUniqueName(name, nameLine.line);
    const descriptionText = joinParagraphs(description);
    if (descriptionText !== "") this.anyDescription = true;
    else if (cluster && !nameLine.paragraphStart && !organisationWide) {
      this.suspects.push({ line: nameLine.line, competency: name, cluster: cluster.text });
    }
    if (!items) {
      this.report(nameLine.line, "withoutIndicators", { competency: name });
      return;
    }
    const id = this.uniqueId(name);
    const competency: LocatedCompetency = {
      id,
      name,
      description: descriptionText,
      organisationWide,
      line: nameLine.line,
      indicators: items
        .map((item) => ({ line: item.line, text: cleanIndicator(joinLines(item.parts)) }))
        .filter((indicator) => indicator.text !== "")
        .map((indicator, index) => ({ ...indicator, id: `${id}-${index + 1}` })),
    };
    this.cluster.competencies.push(competency);
  }

  checkMissingDescriptions(): void {
    if (!this.anyDescription) return;
    for (const { line, ...params } of this.suspects)
      this.report(line, "missingDescription", params);
  }

  private startCluster(heading: TextLine): void {
    const name = heading.text;
    this.cluster = { id: this.uniqueId(name), name, line: heading.line, competencies: [] };
    this.clusters.push(this.cluster);
  }

  private checkUniqueName(name: string, line: number): void {
    const key = name.toLocaleLowerCase("nl");
    const firstLine = this.competencyLines.get(key);
    if (firstLine !== undefined) this.report(line, "duplicate", { competency: name, firstLine });
    else this.competencyLines.set(key, line);
  }

  /** Slug of the name; a cluster and a competency with the same name get "-2" on the second. */
  private uniqueId(name: string): string {
    const base = slugify(name);
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

/** A heading or competency name: short, capitalised, not ending like a sentence or a list item. */
function isTitleLike(line: string): boolean {
  const bare = line.replace(STAR_MARKER_AT_START, "").replace(STAR_MARKER_AT_END, "");
  return (
    bare.length > 0 &&
    bare.length <= MAX_TITLE_LENGTH &&
    bare.split(" ").length <= MAX_TITLE_WORDS &&
    !endsLike(bare, NOT_A_TITLE_ENDING) &&
    !/[-\u00AD]$/.test(bare) &&
    startsWithCapital(bare)
  );
}

function hasOrganisationWideMark(line: string): boolean {
  return readCompetencyName(line).organisationWide;
}

/** Tests the end of a text, looking through closing quotes ("…„nee”." and "…„nee.”"). */
function endsLike(text: string, ending: RegExp): boolean {
  return ending.test(text) || ending.test(text.replace(CLOSING_QUOTES, ""));
}

function startsWithCapital(text: string): boolean {
  const firstLetterOrDigit = /[\p{L}\p{N}]/u.exec(text)?.[0] ?? "";
  return /[\p{Lu}\p{N}]/u.test(firstLetterOrDigit);
}

function readCompetencyName(line: string): { name: string; organisationWide: boolean } {
  const name = line.replace(STAR_MARKER_AT_START, "").replace(STAR_MARKER_AT_END, "").trim();
  return { name, organisationWide: name !== line };
}

/** Joins a paragraph's lines; a word broken at the line end is joined again (see below). */
function joinLines(parts: readonly string[]): string {
  let text = "";
  for (const part of parts) {
    if (part === "") continue;
    if (text === "") text = part;
    else if (text.endsWith("\u00AD")) text = text.slice(0, -1) + part;
    // "politiek-/bestuurlijke" stays one word; "wet-/en regelgeving" keeps its space.
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(part) && !CONJUNCTION_AFTER_HYPHEN.test(part))
      text += part;
    // As within a line, no space before punctuation: "de klant / . Achterhaalt".
    else if (/^[.,;:!?]/.test(part)) text += part;
    else text += ` ${part}`;
  }
  return text.replace(/\u00AD/g, "");
}

function joinParagraphs(lines: readonly TextLine[]): string {
  const paragraphs: string[][] = [];
  for (const line of lines) {
    if (line.paragraphStart || paragraphs.length === 0) paragraphs.push([]);
    paragraphs.at(-1)?.push(line.text);
  }
  return paragraphs.map(joinLines).join("\n\n");
}

/** Drops the list punctuation (";" or "." at the end) but keeps abbreviations like "e.d.". */
function cleanIndicator(text: string): string {
  const trimmed = text.trim();
  if (/(?:\b\p{L}\.){2,}$|\betc\.$/u.test(trimmed)) return trimmed;
  return trimmed.replace(/[\s;.,]+$/, "").trim();
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
