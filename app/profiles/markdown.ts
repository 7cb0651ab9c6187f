import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node as YamlNode } from "yaml";
import type { z } from "~/utils/zod";
// Relative imports: this module is also loaded by scripts/ through tsx, which ignores the ~/ alias.
import {
  profileFileIssue,
  profileIssueText,
  readProfileIssueRef,
  withLocation,
  type ProfileFileIssue,
  type ProfileIssueCode,
  type ProfileIssueParamsOf,
  type ProfileIssueText,
} from "./file-issues";
import { DEFAULT_RATING_SCALE, ProfileSchema } from "./schema";
import type { Profile, RatingScale } from "./schema";

export type { ProfileFileIssue } from "./file-issues";

export type ProfileParseResult =
  { ok: true; profile: Profile } | { ok: false; errors: ProfileFileIssue[] };

export function formatProfileIssues(issues: readonly ProfileFileIssue[]): string {
  return issues.map((issue) => `${issue.file}:${issue.line}: ${issue.message}`).join("\n");
}

// ---------------------------------------------------------------------------------------------
// Validation of a profile whose elements remember the line they came from. Shared with the
// plain-text importer, so both report schema problems on the line of the offending element.

export interface LocatedIndicator {
  id: string;
  text: string;
  line: number;
}

export interface LocatedCompetency {
  id: string;
  name: string;
  description: string;
  organisationWide: boolean;
  line: number;
  indicators: LocatedIndicator[];
}

export interface LocatedCluster {
  id: string;
  name: string;
  line: number;
  competencies: LocatedCompetency[];
}

export interface LocatedProfile {
  /** Profile-level fields (id, name, language, description, scale) as read from the file. */
  fields: Record<string, unknown>;
  clusters: LocatedCluster[];
  /** Line of a profile-level field, given its schema path (e.g. ["scale", "points", 0]). */
  lineOfField: (path: readonly PropertyKey[]) => number;
  /** Label for a profile-level field in messages, given its schema path. */
  labelOfField: (path: readonly PropertyKey[]) => ProfileIssueText;
}

/**
 * Validates with ProfileSchema and maps every issue to a line. Schema issues on a line that
 * already has a structural issue are dropped: they are usually the same problem seen twice.
 */
export function validateLocatedProfile(
  located: LocatedProfile,
  file: string,
  structuralIssues: readonly ProfileFileIssue[] = [],
): ProfileParseResult {
  const input = {
    ...located.fields,
    clusters: located.clusters.map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      competencies: cluster.competencies.map((competency) => ({
        id: competency.id,
        name: competency.name,
        description: competency.description,
        organisationWide: competency.organisationWide,
        indicators: competency.indicators.map(({ id, text }) => ({ id, text })),
      })),
    })),
  };
  // The input is reported with each issue: an absent field is told apart from a wrong one.
  const result = ProfileSchema.safeParse(input, { reportInput: true });
  const issues = [...structuralIssues];
  if (!result.success) {
    const linesWithIssues = new Set(structuralIssues.map((issue) => issue.line));
    for (const issue of result.error.issues) {
      const line = lineOfPath(located, issue.path);
      if (linesWithIssues.has(line)) continue;
      const fromSchema = readProfileIssueRef(issue.message);
      // The schema's own messages for refinements and list lengths say what they are about.
      const selfExplanatory =
        fromSchema !== undefined &&
        (issue.code === "custom" || (issue.code === "too_small" && issue.origin === "array"));
      const reason = fromSchema ?? reasonOf(issue);
      const text = selfExplanatory
        ? reason
        : profileIssueText("fieldIssue", {
            field: labelOfPath(located, issue.path),
            issue: reason,
          });
      issues.push(withLocation(file, line, text));
    }
  }
  if (issues.length > 0 || !result.success) {
    return { ok: false, errors: sortAndDeduplicate(issues) };
  }
  return { ok: true, profile: result.data };
}

function sortAndDeduplicate(issues: readonly ProfileFileIssue[]): ProfileFileIssue[] {
  const seen = new Set<string>();
  return issues
    .filter((issue) => {
      const key = `${issue.file}\n${issue.line}\n${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line);
}

function lineOfPath(located: LocatedProfile, path: readonly PropertyKey[]): number {
  if (path[0] !== "clusters") return located.lineOfField(path);
  const cluster = typeof path[1] === "number" ? located.clusters[path[1]] : undefined;
  if (!cluster) return located.lineOfField(path);
  const competency = typeof path[3] === "number" ? cluster.competencies[path[3]] : undefined;
  if (path[2] !== "competencies" || !competency) return cluster.line;
  const indicator = typeof path[5] === "number" ? competency.indicators[path[5]] : undefined;
  if (path[4] !== "indicators" || !indicator) return competency.line;
  return indicator.line;
}

/** The label of an element (a cluster, competency or indicator), and of its fields. */
const ELEMENT_LABELS: Record<string, { element: ProfileIssueCode; fields: FieldLabels }> = {
  clusters: {
    element: "label.cluster",
    fields: { id: "label.clusterId", name: "label.clusterName" },
  },
  competencies: {
    element: "label.competency",
    fields: {
      id: "label.competencyId",
      name: "label.competencyName",
      description: "label.competencyDescription",
    },
  },
  indicators: {
    element: "label.indicator",
    fields: { id: "label.indicatorId", text: "label.indicatorText" },
  },
};
/** Only the fields that can be wrong: lists and flags have messages of their own, or are ours. */
type FieldLabels = Partial<Record<string, ProfileIssueCode>>;

function labelOfPath(located: LocatedProfile, path: readonly PropertyKey[]): ProfileIssueText {
  if (path[0] !== "clusters") return located.labelOfField(path);
  const field = path[path.length - 1];
  const element = [...path]
    .slice(0, -1)
    .reverse()
    .find((key): key is string => typeof key === "string" && key in ELEMENT_LABELS);
  const labels = element ? ELEMENT_LABELS[element] : undefined;
  if (!labels) return profileIssueText("label.clusters", {});
  const fieldLabel = typeof field === "string" ? labels.fields[field] : undefined;
  return { code: fieldLabel ?? labels.element, params: {} };
}

/** What is wrong with a field, for an issue without a message of its own in the schema. */
function reasonOf(issue: z.core.$ZodIssue): ProfileIssueText {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return profileIssueText("missing", {});
      // Each of these texts has no parameters.
      return { code: EXPECTED_TYPE[issue.expected] ?? "invalidValue", params: {} };
    case "too_small": {
      const count = Number(issue.minimum);
      if (issue.origin === "string") return profileIssueText("textTooShort", { count });
      if (issue.origin === "array") return profileIssueText("tooFewItems", { count });
      if (issue.origin === "number" || issue.origin === "int") {
        return profileIssueText("numberTooSmall", { min: count });
      }
      return profileIssueText("invalidValue", {});
    }
    case "too_big": {
      const count = Number(issue.maximum);
      if (issue.origin === "string") return profileIssueText("textTooLong", { count });
      if (issue.origin === "array") return profileIssueText("tooManyItems", { count });
      if (issue.origin === "number" || issue.origin === "int") {
        return profileIssueText("numberTooLarge", { max: count });
      }
      return profileIssueText("invalidValue", {});
    }
    case "invalid_value":
      return profileIssueText("notOneOf", { options: issue.values.map(String).join(", ") });
    default:
      return profileIssueText("invalidValue", {});
  }
}

const EXPECTED_TYPE: Partial<Record<string, ProfileIssueCode>> = {
  string: "expectedText",
  number: "expectedNumber",
  int: "expectedWholeNumber",
  array: "expectedList",
  object: "expectedFields",
};

// ---------------------------------------------------------------------------------------------
// The file format: YAML front matter, then # clusters, ## competencies, paragraphs, - bullets.

const FRONT_MATTER_DELIMITER = "---";
const PROFILE_FIELDS = ["id", "name", "language", "description", "scale"];
const SCALE_FIELDS = ["notApplicable", "points"];
const SCALE_POINT_FIELDS = ["value", "label"];
const ID_SUFFIX = /\s*\{#([^{}]*)\}$/;
const ORGANISATION_WIDE_MARKER = /\s*\*\*\*$/;
const HEADING = /^(#+)(\s*)(.*)$/;
const BULLET = /^[-*+](?:\s+|$)(.*)$/;
// A description line that would otherwise read as a heading or bullet is written with a backslash.
const NEEDS_ESCAPE = /^(?:#|[-*+](?:\s|$)|\\)/;

type IssueAt = <Code extends ProfileIssueCode>(
  line: number,
  code: Code,
  params: ProfileIssueParamsOf<Code>,
) => ProfileFileIssue;

export function parseProfileMarkdown(source: string, fileName: string): ProfileParseResult {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const issueAt: IssueAt = (line, code, params) => profileFileIssue(fileName, line, code, params);

  if (lines[0]?.trimEnd() !== FRONT_MATTER_DELIMITER) {
    return { ok: false, errors: [issueAt(1, "frontMatterMissing", {})] };
  }
  const closingIndex = lines.findIndex(
    (line, index) => index > 0 && line.trimEnd() === FRONT_MATTER_DELIMITER,
  );
  if (closingIndex === -1) {
    return { ok: false, errors: [issueAt(1, "frontMatterUnclosed", {})] };
  }

  const frontMatter = readFrontMatter(lines.slice(1, closingIndex).join("\n"), 2, issueAt);
  const body = readBody(lines, closingIndex + 1, issueAt);
  const structuralIssues = [...frontMatter.issues, ...body.issues];
  if (!frontMatter.fields) return { ok: false, errors: sortAndDeduplicate(structuralIssues) };

  const closingLine = closingIndex + 1;
  return validateLocatedProfile(
    {
      fields: frontMatter.fields,
      clusters: body.clusters,
      lineOfField: (path) => (path[0] === "clusters" ? closingLine : frontMatter.lineOf(path)),
      labelOfField: (path) =>
        path[0] === "clusters" ? profileIssueText("label.clusters", {}) : frontMatterLabel(path),
    },
    fileName,
    structuralIssues,
  );
}

interface FrontMatter {
  /** Undefined when the YAML could not be read at all. */
  fields: Record<string, unknown> | undefined;
  lineOf: (schemaPath: readonly PropertyKey[]) => number;
  issues: ProfileFileIssue[];
}

function readFrontMatter(yamlText: string, firstLine: number, issueAt: IssueAt): FrontMatter {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (schemaPath: readonly PropertyKey[]) =>
    lineOfYamlPath(document.contents, toYamlPath(schemaPath), lineAt) ?? firstLine - 1;

  if (document.errors.length > 0) {
    const issues = document.errors.map((error) =>
      issueAt(lineAt(error.pos[0]), "invalidYaml", { reason: firstLineOf(error.message) }),
    );
    return { fields: undefined, lineOf, issues };
  }

  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { fields: {}, lineOf, issues: [] };
  if (!isRecord(data)) {
    return { fields: undefined, lineOf, issues: [issueAt(firstLine, "frontMatterNotFields", {})] };
  }

  const issues: ProfileFileIssue[] = [];
  const reportUnknownKeys = (value: unknown, allowed: string[], path: PropertyKey[]) => {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value).filter((key) => !allowed.includes(key))) {
      const line = lineOfYamlPath(document.contents, [...path, key], lineAt) ?? firstLine;
      const params = { name: key, allowed: allowed.join(", ") };
      issues.push(
        path.length > 0
          ? issueAt(line, "unknownFieldIn", { ...params, within: frontMatterLabel(path) })
          : issueAt(line, "unknownField", params),
      );
    }
  };
  reportUnknownKeys(data, PROFILE_FIELDS, []);
  reportUnknownKeys(data.scale, SCALE_FIELDS, ["scale"]);
  if (isRecord(data.scale) && Array.isArray(data.scale.points)) {
    data.scale.points.forEach((point: unknown, index) =>
      reportUnknownKeys(point, SCALE_POINT_FIELDS, ["scale", "points", index]),
    );
  }

  const fields: Record<string, unknown> = {};
  for (const key of PROFILE_FIELDS) {
    if (data[key] !== undefined) fields[key] = data[key];
  }
  if (isRecord(data.scale)) {
    fields.scale = { notApplicableLabel: data.scale.notApplicable, points: data.scale.points };
  }
  return { fields, lineOf, issues };
}

/** The YAML spells `notApplicableLabel` as `notApplicable`; everything else maps one to one. */
function toYamlPath(schemaPath: readonly PropertyKey[]): PropertyKey[] {
  return schemaPath.map((key) => (key === "notApplicableLabel" ? "notApplicable" : key));
}

/** `veld "name"`, `veld "scale", "points", punt 2, "label"`: the keys as written in the YAML. */
function frontMatterLabel(schemaPath: readonly PropertyKey[]): ProfileIssueText {
  const [name = "", subfield, index, pointField] = toYamlPath(schemaPath).map((key) =>
    typeof key === "number" ? key : String(key),
  );
  if (name === "scale" && subfield === "points" && typeof index === "number") {
    const point = index + 1;
    return pointField === undefined
      ? profileIssueText("label.scalePoint", { point })
      : profileIssueText("label.scalePointField", { point, subfield: pointField });
  }
  return subfield === undefined
    ? profileIssueText("label.frontMatterField", { name })
    : profileIssueText("label.frontMatterSubfield", { name, subfield });
}

/** Line of the deepest key or list item along the path that exists in the YAML. */
function lineOfYamlPath(
  root: unknown,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: unknown = root;
  let line: number | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) break;
      if (item.range) line = lineAt(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return line;
}

interface Body {
  clusters: LocatedCluster[];
  issues: ProfileFileIssue[];
}

/** Text where the format has no place for it, reported once per paragraph or list. */
type MisplacedText =
  "textBeforeCluster" | "textUnderCluster" | "textAfterIndicators" | "indicatorBeforeCompetency";

function readBody(lines: readonly string[], startIndex: number, issueAt: IssueAt): Body {
  const clusters: LocatedCluster[] = [];
  const issues: ProfileFileIssue[] = [];
  let cluster: LocatedCluster | undefined;
  let competency: LocatedCompetency | undefined;
  let paragraphs: string[] = [];
  let paragraph: string[] = [];
  let bullet: { line: number; parts: string[] } | undefined;
  let misplacedTextReported = false;

  const finishParagraph = () => {
    if (paragraph.length > 0) paragraphs.push(paragraph.join(" "));
    paragraph = [];
  };
  const finishCompetency = () => {
    finishParagraph();
    if (competency) competency.description = paragraphs.join("\n\n");
    paragraphs = [];
    competency = undefined;
  };
  const finishBullet = () => {
    if (!bullet || !competency) return;
    const { text, id } = splitId(bullet.parts.join(" "));
    if (id === undefined) {
      issues.push(issueAt(bullet.line, "indicatorWithoutId", {}));
    }
    competency.indicators.push({ id: id ?? "", text, line: bullet.line });
    bullet = undefined;
  };
  // Misplaced text is reported once per paragraph or list, not for every line of it.
  const reportMisplacedText = (line: number, code: MisplacedText) => {
    if (!misplacedTextReported) issues.push(issueAt(line, code, {}));
    misplacedTextReported = true;
  };

  const startCluster = (lineNumber: number, title: string) => {
    finishCompetency();
    const { text: name, id } = splitId(title);
    if (id === undefined) {
      issues.push(issueAt(lineNumber, "clusterWithoutId", {}));
    }
    cluster = { id: id ?? "", name, line: lineNumber, competencies: [] };
    clusters.push(cluster);
  };

  const startCompetency = (lineNumber: number, title: string) => {
    finishCompetency();
    if (!cluster) {
      issues.push(issueAt(lineNumber, "competencyBeforeCluster", {}));
      return;
    }
    const { text: nameWithMarker, id } = splitId(title);
    if (id === undefined) issues.push(issueAt(lineNumber, "competencyWithoutId", {}));
    competency = {
      id: id ?? "",
      name: nameWithMarker.replace(ORGANISATION_WIDE_MARKER, ""),
      description: "",
      organisationWide: ORGANISATION_WIDE_MARKER.test(nameWithMarker),
      line: lineNumber,
      indicators: [],
    };
    cluster.competencies.push(competency);
  };

  const addText = (lineNumber: number, line: string) => {
    if (!cluster) {
      reportMisplacedText(lineNumber, "textBeforeCluster");
    } else if (!competency) {
      reportMisplacedText(lineNumber, "textUnderCluster");
    } else if (competency.indicators.length > 0) {
      reportMisplacedText(lineNumber, "textAfterIndicators");
    } else {
      paragraph.push(line.startsWith("\\") ? line.slice(1) : line);
    }
  };

  for (let index = startIndex; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = (lines[index] ?? "").trim();
    const heading = HEADING.exec(line);
    const bulletMatch = heading ? null : BULLET.exec(line);

    if (bullet && line !== "" && !heading && !bulletMatch) {
      bullet.parts.push(line); // a bullet wrapped over several lines
      continue;
    }
    finishBullet();

    if (line === "" || heading) misplacedTextReported = false;
    if (line === "") {
      finishParagraph();
    } else if (heading) {
      const [, hashes = "", space = "", title = ""] = heading;
      if (space === "" && title !== "") {
        issues.push(issueAt(lineNumber, "headingWithoutSpace", {}));
      } else if (hashes.length === 1) {
        startCluster(lineNumber, title);
      } else if (hashes.length === 2) {
        startCompetency(lineNumber, title);
      } else {
        issues.push(issueAt(lineNumber, "headingTooDeep", {}));
      }
    } else if (bulletMatch) {
      finishParagraph();
      if (competency) {
        bullet = { line: lineNumber, parts: [bulletMatch[1] ?? ""] };
      } else {
        reportMisplacedText(lineNumber, "indicatorBeforeCompetency");
      }
    } else {
      addText(lineNumber, line);
    }
  }
  finishBullet();
  finishCompetency();
  return { clusters, issues };
}

function splitId(title: string): { text: string; id: string | undefined } {
  const match = ID_SUFFIX.exec(title);
  if (!match) return { text: title.trim(), id: undefined };
  return { text: title.slice(0, match.index).trim(), id: (match[1] ?? "").trim() };
}

/** Writes the file format; parseProfileMarkdown reads the result back as an equal profile. */
export function serializeProfileMarkdown(profile: Profile): string {
  const body: string[] = [];
  for (const cluster of profile.clusters) {
    body.push(`# ${singleLine(cluster.name)} {#${cluster.id}}`, "");
    for (const competency of cluster.competencies) {
      const marker = competency.organisationWide ? " ***" : "";
      body.push(`## ${singleLine(competency.name)}${marker} {#${competency.id}}`, "");
      for (const paragraph of descriptionParagraphs(competency.description)) {
        body.push(NEEDS_ESCAPE.test(paragraph) ? `\\${paragraph}` : paragraph, "");
      }
      for (const indicator of competency.indicators) {
        body.push(`- ${singleLine(indicator.text)} {#${indicator.id}}`);
      }
      body.push("");
    }
  }
  return `---\n${serializeFrontMatter(profile)}---\n\n${body.join("\n").trimEnd()}\n`;
}

function serializeFrontMatter(profile: Profile): string {
  const data: Record<string, unknown> = {
    id: profile.id,
    name: profile.name,
    language: profile.language,
  };
  if (profile.description !== undefined) data.description = profile.description;
  if (!isDefaultScale(profile.scale)) {
    data.scale = {
      notApplicable: profile.scale.notApplicableLabel,
      points: profile.scale.points.map(({ value, label }) => ({ value, label })),
    };
  }
  const document = new Document(data);
  const points = document.getIn(["scale", "points"]);
  if (isSeq(points)) {
    for (const point of points.items) if (isMap(point)) point.flow = true;
  }
  return document.toString({ lineWidth: 0 });
}

function isDefaultScale(scale: RatingScale): boolean {
  const normalise = (s: RatingScale | typeof DEFAULT_RATING_SCALE) =>
    JSON.stringify([s.notApplicableLabel, s.points.map(({ value, label }) => [value, label])]);
  return normalise(scale) === normalise(DEFAULT_RATING_SCALE);
}

/** Paragraphs as the parser reads them back: one line each, separated by blank lines. */
function descriptionParagraphs(description: string): string[] {
  return description
    .split(/\n\s*\n/)
    .map(singleLine)
    .filter((paragraph) => paragraph !== "");
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function firstLineOf(text: string): string {
  return text.split("\n")[0] ?? text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
