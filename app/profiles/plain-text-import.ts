// Reads a competency profile as municipalities publish it on their websites (plain text copied
// from a page or PDF) into a Profile. Nothing here knows the names of clusters or competencies:
// the structure is recognised from the layout only.
//
//   Kennis                       <- cluster heading (a title-like line before a competency name)
//
//   Kennis van de klant          <- competency name; "***" marks it organisation-wide
//
//   toont in contact met ...     <- description, one or more paragraphs
//
//    • kent de klantengroepen;   <- indicators
//
// Relative imports: this module is also loaded by scripts/ through tsx, which ignores the ~/ alias.
import { validateLocatedProfile } from "./markdown";
import type {
  LocatedCluster,
  LocatedCompetency,
  ProfileFileIssue,
  ProfileParseResult,
} from "./markdown";

export const MAX_IMPORT_BYTES = 512 * 1024;

export interface PlainTextImportOptions {
  id: string;
  name: string;
  fileName?: string;
}

interface TextBlock {
  kind: "text";
  line: number;
  lines: string[];
}

interface BulletItem {
  line: number;
  parts: string[];
}

interface BulletRun {
  kind: "bullets";
  line: number;
  bullets: BulletItem[];
}

type Block = TextBlock | BulletRun;

/** A stretch of text blocks, optionally followed by the bullets that belong to it. */
interface Section {
  texts: TextBlock[];
  bullets: BulletRun | undefined;
}

const BULLET_MARKER = /^(?:[•·▪◦●■□‣⁃∙]\s*|[-*–—+](?:\s+|$))/u;
const DASH_MARKER = /^[-–—](?:\s|$)/;
const STAR_MARKER_AT_START = /^\(?\*{1,3}\)?\s*/;
const STAR_MARKER_AT_END = /\s*\(?\*{1,3}\)?$/;
const DECORATIVE_LINE = /^[-_=~*·.•–—\s]{3,}$/u;
const ENDS_LIKE_SENTENCE = /[.:;!?]$/;
const MAX_TITLE_LENGTH = 80;
const MAX_TITLE_WORDS = 8;
const PROFILE_FIELD_LABELS: Record<string, string> = { id: "profiel-id", name: "profielnaam" };

export function importPlainTextProfile(
  text: string,
  options: PlainTextImportOptions,
): ProfileParseResult {
  const file = options.fileName ?? "tekst";
  const issueAt = (line: number, message: string): ProfileFileIssue => ({ file, line, message });
  const fail = (...errors: ProfileFileIssue[]): ProfileParseResult => ({ ok: false, errors });

  const bytes = utf8ByteLength(text);
  if (bytes > MAX_IMPORT_BYTES) {
    return fail(issueAt(1, `bestand is te groot (${Math.ceil(bytes / 1024)} KB; maximaal 512 KB)`));
  }
  if (looksBinary(text)) {
    return fail(
      issueAt(1, "dit lijkt geen tekstbestand (het bevat veel stuur- of onleesbare tekens)"),
    );
  }
  const lines = normaliseLines(text);
  const unreadable = lines.flatMap((line, index) =>
    line.includes("\uFFFD")
      ? [
          issueAt(
            index + 1,
            "onleesbaar teken (\uFFFD): sla het bestand op als UTF-8 en importeer opnieuw",
          ),
        ]
      : [],
  );
  if (unreadable.length > 0) return fail(...unreadable);

  const firstTextLine = lines.findIndex((line) => line !== "") + 1;
  if (firstTextLine === 0) return fail(issueAt(1, "het bestand is leeg"));

  const blocks = splitIntoBlocks(lines);
  if (!blocks.some((block) => block.kind === "bullets")) {
    return fail(
      issueAt(
        firstTextLine,
        "geen gedragsindicatoren gevonden: elke competentie heeft een opsomming nodig (regels die beginnen met •, - of *)",
      ),
    );
  }

  const { clusters, issues } = buildClusters(splitIntoSections(blocks), issueAt);
  return validateLocatedProfile(
    {
      fields: { id: options.id, name: options.name, language: "nl" },
      clusters,
      lineOfField: () => 1,
      labelOfField: (path) => PROFILE_FIELD_LABELS[String(path[0])] ?? "profiel",
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

function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
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

function normaliseLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
        .replace(/[\s\p{Cc}]/gu, " ")
        .replace(/ {2,}/g, " ")
        .replace(/ ([.,;:!?])/g, "$1")
        .trim(),
    );
}

/** Footnotes such as "*** competenties: zijn organisatiebrede competenties (…)". */
function isFootnote(line: string): boolean {
  if (!/^\(?\*/.test(line) || /^\*\s/.test(line)) return false;
  const rest = line.replace(STAR_MARKER_AT_START, "");
  return /[:=]|organisatiebre|competenties/i.test(rest) || !isTitleLike(rest);
}

function splitIntoBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let text: TextBlock | undefined;
  let run: BulletRun | undefined;
  let previous: "blank" | "text" | "bullet" | "footnote" = "blank";

  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line === "" || DECORATIVE_LINE.test(line)) {
      text = undefined;
      previous = "blank";
      return;
    }
    // A footnote, including the lines it wraps onto, is not part of the profile.
    if (isFootnote(line) || (previous === "footnote" && !BULLET_MARKER.test(line))) {
      text = undefined;
      previous = "footnote";
      return;
    }
    const lastBullet = run?.bullets[run.bullets.length - 1];
    const lastText = text?.lines[text.lines.length - 1];
    // A dash at the start of a wrapped description line ("verkrijgt\n– ook onder druk –") is text.
    const wrappedDash =
      previous === "text" &&
      DASH_MARKER.test(line) &&
      lastText !== undefined &&
      !ENDS_LIKE_SENTENCE.test(lastText) &&
      !isTitleLike(lastText);

    if (BULLET_MARKER.test(line) && !wrappedDash) {
      text = undefined;
      if (!run) {
        run = { kind: "bullets", line: lineNumber, bullets: [] };
        blocks.push(run);
      }
      run.bullets.push({ line: lineNumber, parts: [line.replace(BULLET_MARKER, "")] });
      previous = "bullet";
      return;
    }
    if (previous === "bullet" && lastBullet && continuesBullet(lastBullet, line)) {
      lastBullet.parts.push(line);
      return;
    }
    run = undefined;
    if (!text) {
      text = { kind: "text", line: lineNumber, lines: [] };
      blocks.push(text);
    }
    text.lines.push(line);
    previous = "text";
  });
  return blocks;
}

/**
 * A text line right after a bullet continues it, unless the bullet was finished and the line
 * starts with a capital: then a blank line was probably lost before the next competency.
 */
function continuesBullet(bullet: BulletItem, line: string): boolean {
  const bulletText = bullet.parts.join(" ");
  return !(/[.;]$/.test(bulletText) && startsWithCapital(line));
}

function splitIntoSections(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let texts: TextBlock[] = [];
  for (const block of blocks) {
    if (block.kind === "bullets") {
      sections.push({ texts, bullets: block });
      texts = [];
    } else {
      texts.push(block);
    }
  }
  if (texts.length > 0) sections.push({ texts, bullets: undefined });
  return sections;
}

type IssueAt = (line: number, message: string) => ProfileFileIssue;

function buildClusters(sections: readonly Section[], issueAt: IssueAt) {
  const builder = new ProfileBuilder(issueAt);
  for (const section of sections) {
    // A title after description text starts another competency: the earlier one has no bullets.
    const parts = splitAtLateTitles(section.texts);
    parts.forEach((texts, index) => {
      const isLast = index === parts.length - 1;
      if (isLast && !section.bullets && countLeadingTitles(texts) === 0) {
        builder.reportTrailingText(texts);
      } else {
        builder.addCompetency(texts, isLast ? section.bullets : undefined);
      }
    });
  }
  return { clusters: builder.clusters, issues: builder.issues };
}

class ProfileBuilder {
  readonly clusters: LocatedCluster[] = [];
  readonly issues: ProfileFileIssue[] = [];
  private cluster: LocatedCluster | undefined;
  private readonly usedIds = new Set<string>();
  private readonly competencyLines = new Map<string, number>();

  constructor(private readonly issueAt: IssueAt) {}

  /** `texts`: optional cluster heading, competency name, description paragraphs. */
  addCompetency(texts: TextBlock[], bullets: BulletRun | undefined): void {
    const first = texts[0];
    if (!first) {
      const message =
        "gedragsindicatoren vóór de eerste competentie: zet er een competentienaam boven";
      this.report(bullets?.line ?? 1, message);
      return;
    }
    let titles = countLeadingTitles(texts);
    if (titles === 0) {
      this.report(first.line, notANameMessage(first));
      return;
    }
    if (titles > 2) {
      const message = `onverwachte kopregel "${preview(first)}": vóór een beschrijving horen hoogstens een clusterkop en een competentienaam`;
      this.report(first.line, message);
      texts = texts.slice(titles - 2); // read on as cluster + competency, to avoid follow-up errors
      titles = 2;
    }
    const gluedHeading = texts.slice(titles).find(startsWithGluedTitle);
    if (gluedHeading) {
      this.report(gluedHeading.line, gluedTitleMessage(gluedHeading));
      return;
    }
    const nameBlock = texts[titles - 1] ?? first;
    if (titles === 2 && texts[0]) this.startCluster(texts[0]);

    const { name, organisationWide } = readCompetencyName(nameBlock.lines[0] ?? "");
    if (!this.cluster) {
      this.report(nameBlock.line, `geen clusterkop gevonden vóór competentie "${name}"`);
      return;
    }
    this.checkUniqueName(name, nameBlock.line);
    if (!bullets) {
      this.report(nameBlock.line, `competentie "${name}" heeft geen gedragsindicatoren`);
      return;
    }
    const id = this.uniqueId(name);
    const competency: LocatedCompetency = {
      id,
      name,
      description: texts
        .slice(titles)
        .map((block) => block.lines.join(" "))
        .join("\n\n"),
      organisationWide,
      line: nameBlock.line,
      indicators: bullets.bullets
        .map((bullet) => ({ line: bullet.line, text: cleanIndicator(bullet.parts.join(" ")) }))
        .filter((indicator) => indicator.text !== "")
        .map((indicator, index) => ({ ...indicator, id: `${id}-${index + 1}` })),
    };
    this.cluster.competencies.push(competency);
  }

  reportTrailingText(texts: readonly TextBlock[]): void {
    const first = texts[0];
    if (!first) return;
    this.report(
      first.line,
      `tekst na de laatste gedragsindicator hoort nergens bij: "${preview(first)}"`,
    );
  }

  private startCluster(block: TextBlock): void {
    const name = block.lines[0] ?? "";
    this.cluster = { id: this.uniqueId(name), name, line: block.line, competencies: [] };
    this.clusters.push(this.cluster);
  }

  private checkUniqueName(name: string, line: number): void {
    const key = name.toLocaleLowerCase("nl");
    const earlierLine = this.competencyLines.get(key);
    if (earlierLine !== undefined) {
      this.report(
        line,
        `competentie "${name}" komt twee keer voor (eerder op regel ${earlierLine})`,
      );
    }
    this.competencyLines.set(key, line);
  }

  /** Slug of the name; a cluster and a competency with the same name get "-2" on the second. */
  private uniqueId(name: string): string {
    const base = slugify(name);
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  private report(line: number, message: string): void {
    this.issues.push(this.issueAt(line, message));
  }
}

function notANameMessage(block: TextBlock): string {
  if (startsWithGluedTitle(block)) return gluedTitleMessage(block);
  const expected = `een korte kopregel met een hoofdletter, hoogstens ${MAX_TITLE_WORDS} woorden, zonder punt aan het eind`;
  return `"${preview(block)}" staat waar een competentienaam verwacht wordt (${expected})`;
}

/** A heading line directly followed by text, e.g. because a blank line was lost in copying. */
function startsWithGluedTitle(block: TextBlock): boolean {
  return block.lines.length > 1 && isTitleLike(block.lines[0] ?? "");
}

function gluedTitleMessage(block: TextBlock): string {
  const heading = block.lines[0] ?? "";
  return `kop "${heading}" staat vast aan de tekst eronder: ontbreekt er een lege regel na "${heading}"?`;
}

function splitAtLateTitles(texts: readonly TextBlock[]): TextBlock[][] {
  const parts: TextBlock[][] = [];
  let current: TextBlock[] = [];
  let seenDescription = false;
  for (const block of texts) {
    const title = isTitleBlock(block);
    if (title && seenDescription) {
      parts.push(current);
      current = [];
      seenDescription = false;
    }
    if (!title) seenDescription = true;
    current.push(block);
  }
  parts.push(current);
  return parts;
}

function countLeadingTitles(texts: readonly TextBlock[]): number {
  const firstDescription = texts.findIndex((block) => !isTitleBlock(block));
  return firstDescription === -1 ? texts.length : firstDescription;
}

function isTitleBlock(block: TextBlock): boolean {
  return block.lines.length === 1 && isTitleLike(block.lines[0] ?? "");
}

/** A heading or competency name: short, one line, capitalised, not ending like a sentence. */
function isTitleLike(line: string): boolean {
  const bare = line.replace(STAR_MARKER_AT_START, "").replace(STAR_MARKER_AT_END, "");
  return (
    bare.length > 0 &&
    bare.length <= MAX_TITLE_LENGTH &&
    bare.split(" ").length <= MAX_TITLE_WORDS &&
    !/[.;,:]$/.test(bare) &&
    startsWithCapital(bare)
  );
}

function startsWithCapital(text: string): boolean {
  const firstLetterOrDigit = /[\p{L}\p{N}]/u.exec(text)?.[0] ?? "";
  return /[\p{Lu}\p{N}]/u.test(firstLetterOrDigit);
}

function readCompetencyName(line: string): { name: string; organisationWide: boolean } {
  const name = line.replace(STAR_MARKER_AT_START, "").replace(STAR_MARKER_AT_END, "").trim();
  return { name, organisationWide: name !== line };
}

/** Drops the list punctuation (";" or "." at the end) but keeps abbreviations like "e.d.". */
function cleanIndicator(text: string): string {
  const trimmed = text.trim();
  if (/(?:\b\p{L}\.){2,}$|\betc\.$/u.test(trimmed)) return trimmed;
  return trimmed.replace(/[\s;.,]+$/, "").trim();
}

function preview(block: TextBlock): string {
  const text = block.lines.join(" ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
