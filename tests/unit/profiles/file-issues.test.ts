import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { profileFileIssuesEn } from "~/i18n/catalogues/profile-file-issues.en";
import { profileFileIssuesNl } from "~/i18n/catalogues/profile-file-issues.nl";
import { translator, type MessageText } from "~/i18n/messages";
import {
  describeProfileIssue,
  profileIssueRef,
  readProfileIssueRef,
  type ProfileFileIssue,
  type ProfileIssueText,
} from "~/profiles/file-issues";
import { loadProfilesFromDirectory, ProfileLoadError } from "~/profiles/load.server";
import { parseProfileMarkdown } from "~/profiles/markdown";
import { importPlainTextProfile } from "~/profiles/plain-text-import";
import { errorsOf } from "../../support/profile-import";

// The parsers' problems are codes with parameters; their texts are the profile-file-issues
// catalogues. Every code a parser uses must read in both languages, with the parameters it is
// given: a text missing in English, or a placeholder one language lacks, fails here.

const PREFIX = "profiles.fileIssue.";
type Catalogue = Partial<Record<string, MessageText>>;
const CATALOGUES: Record<"nl" | "en", Catalogue> = {
  nl: profileFileIssuesNl,
  en: profileFileIssuesEn,
};

/** Texts no input reaches: fallbacks for a shape of issue the schema cannot produce today. */
const FALLBACKS = [
  "invalidValue",
  "label.clusters",
  "label.cluster",
  "label.competency",
  "label.indicator",
  "label.profile",
];

function placeholders(text: MessageText): string[] {
  const forms = typeof text === "string" ? [text] : Object.values(text);
  const names = new Set(forms.flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
  if (typeof text !== "string") names.add("count");
  return [...names].filter((name) => name !== undefined).sort();
}

/** An issue and every text it holds as a parameter (labels, what is wrong with a field). */
function textsOf(text: ProfileIssueText): ProfileIssueText[] {
  const nested = Object.values(text.params).flatMap((value) =>
    typeof value === "object" ? textsOf(value) : [],
  );
  return [text, ...nested];
}

// ---------------------------------------------------------------------------------------------
// A corpus of broken input, meant to make every parser say every thing it can say.

const FRONT = "id: mini\nname: Miniprofiel\nlanguage: nl";
const BODY = [
  "# Kennis {#kennis}",
  "",
  "## Vakkennis {#vakkennis}",
  "",
  "Past vakkennis toe.",
  "",
  "- kent de regels {#vakkennis-1}",
].join("\n");
const markdown = (front = FRONT, body = BODY) => `---\n${front}\n---\n\n${body}\n`;
const scale = (lines: string) => `${FRONT}\nscale:\n${lines}`;
const points = (count: number) =>
  Array.from({ length: count }, (_, i) => `    - { value: ${i + 1}, label: p${i + 1} }`).join("\n");

const MARKDOWN: string[] = [
  "# Kennis {#kennis}\n",
  "---\nid: x\n",
  markdown("id: mini\nname Miniprofiel"),
  markdown("- een\n- twee"),
  markdown("id: mini\nnaam: Miniprofiel"),
  markdown(scale(`  notApplicable: ""\n  labels: [a, b]\n  points:\n    - { value: 1, label: a }`)),
  markdown(scale(`  notApplicable: n.v.t.\n  points:\n${points(12)}`)),
  markdown(
    scale(
      [
        "  notApplicable: n.v.t.",
        "  points:",
        "    - { value: a, label: a }",
        "    - { value: 1.5, label: b }",
        "    - { value: 100000000000000000000, label: c }",
        "    - { value: -100000000000000000000, label: d }",
        "    - 5",
        "    - { value: 9, label: e }",
        "    - { value: 10, label: f, kleur: rood }",
      ].join("\n"),
    ),
  ),
  markdown(scale("  notApplicable: n.v.t.\n  points: 5")),
  markdown(
    scale(
      "  notApplicable: n.v.t.\n  points:\n    - { value: 1, label: a }\n    - { value: 3, label: b }",
    ),
  ),
  markdown(`${FRONT}\nscale: 5`),
  markdown("id: Mini Profiel\nname: 5\nlanguage: de"),
  markdown(`id: mini\nname: X\ndescription: ${"x".repeat(3001)}`),
  markdown(
    FRONT,
    [
      "Inleiding.",
      "",
      "## Te vroeg {#te-vroeg}",
      "",
      "#Kennis {#kennis}",
      "",
      "# Kennis",
      "",
      "losse tekst.",
      "",
      "- losse bullet {#los-1}",
      "",
      "## Vakkennis",
      "",
      "### Te diep",
      "",
      "- kent de regels",
      "",
      "tekst na de opsomming.",
    ].join("\n"),
  ),
  markdown(
    FRONT,
    [
      "# Kennis {#kennis}",
      "",
      "## Vakkennis {#kennis}",
      "",
      "- kent de regels {#regels}",
      "",
      "## Vakkennis {#vakkennis}",
      "",
      "- kent de regels {#vakkennis-1}",
      "",
      "## Anders {#anders}",
      "",
      "- doet het {#vakkennis}",
      "- doet het ook {#regels}",
    ].join("\n"),
  ),
  // Apart: a list that breaks its rules stops the checks of the whole profile (ids, names).
  markdown(
    FRONT,
    ["# Kennis {#kennis}", "", "## Zonder {#zonder}", "", "# Leeg {#leeg}"].join("\n"),
  ),
  markdown(
    FRONT,
    ["# K {#Kennis_}", "", "## V {#Vak_kennis}", "", "x".repeat(3001), "", "- x {#Een_}"].join(
      "\n",
    ),
  ),
  markdown(FRONT, ""),
];

const SMALL = [
  "Kennis",
  "",
  "Vakkennis",
  "",
  "past vakkennis toe.",
  "",
  "• kent de regels;",
  "• volgt ontwikkelingen.",
];
const PASTE_DIR = path.join(__dirname, "../../support/fixtures/profiles/paste");
const PLAIN_TEXT: [text: string, id?: string, name?: string][] = [
  [""],
  ["PK\u0003\u0004\u0000\u0000 zip"],
  [SMALL.join("\n").replace("regels", "regel\uFFFDs")],
  [SMALL.join("\n") + "\n" + "x".repeat(600 * 1024)],
  ["Kennis\n\nVakkennis\n"],
  [["• kent de regels;", "", ...SMALL].join("\n")],
  [[...SMALL, "", "dit is geen naam maar een zin.", "", "• een bullet."].join("\n")],
  [SMALL.slice(2).join("\n")],
  [[...SMALL, "", "Vakkennis", "", "nog een keer.", "", "• iets anders."].join("\n")],
  [[...SMALL, "", "Samenwerken", "", "werkt samen."].join("\n")],
  [[...SMALL, "", "dit is een losse zin."].join("\n")],
  [[...SMALL, "", "Samenwerken", "", "werkt samen.", "", "1. deelt", "3. helpt"].join("\n")],
  [SMALL.join("\n"), "Niet Goed", "X"],
];
/** The pasted texts of the importer's tests; the ones it refuses hold its subtlest problems. */
const PASTED = readdirSync(PASTE_DIR)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => readFileSync(path.join(PASTE_DIR, name), "utf8"));

function folderIssues(): ProfileFileIssue[] {
  const dir = mkdtempSync(path.join(tmpdir(), "rondom-issues-"));
  try {
    writeFileSync(path.join(dir, "mini.md"), markdown());
    writeFileSync(path.join(dir, "ander.md"), markdown());
    mkdirSync(path.join(dir, "map.md"));
    const issues = (directory: string) => {
      try {
        loadProfilesFromDirectory(directory);
      } catch (error) {
        if (error instanceof ProfileLoadError) return error.issues;
        throw error;
      }
      return expect.fail("verwacht een ProfileLoadError");
    };
    return [...issues(dir), ...issues(path.join(dir, "bestaat-niet"))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function corpus(): ProfileFileIssue[] {
  return [
    ...MARKDOWN.flatMap((source) => errorsOf(parseProfileMarkdown(source, "mini.md"))),
    ...PLAIN_TEXT.flatMap(([text, id = "test-profiel", name = "Testprofiel"]) =>
      errorsOf(importPlainTextProfile(text, { id, name })),
    ),
    ...PASTED.flatMap((text) => {
      const result = importPlainTextProfile(text, { id: "test-profiel", name: "Testprofiel" });
      return result.ok ? [] : result.errors;
    }),
    ...folderIssues(),
  ];
}

describe("the texts of the profile parsers' problems", () => {
  it("has every text in Dutch and English, with the same placeholders", () => {
    expect(Object.keys(profileFileIssuesEn).sort()).toEqual(
      Object.keys(profileFileIssuesNl).sort(),
    );
    for (const [key, dutch] of Object.entries(profileFileIssuesNl)) {
      expect(key.startsWith(PREFIX), key).toBe(true);
      const english = CATALOGUES.en[key];
      expect(english, `${key} has no English text`).toBeDefined();
      expect(placeholders(english ?? ""), key).toEqual(placeholders(dutch));
    }
  });

  let issues: ProfileFileIssue[] = [];
  beforeAll(() => {
    issues = corpus();
  });

  it("gives every problem the parsers report a text in both languages, with its parameters", () => {
    for (const issue of issues) {
      for (const text of textsOf(issue)) {
        for (const [language, catalogue] of Object.entries(CATALOGUES)) {
          const template = catalogue[`${PREFIX}${text.code}`];
          const where = `${language} ${text.code} (${issue.message})`;
          expect(template, `${where}: no text`).toBeDefined();
          expect(Object.keys(text.params).sort(), where).toEqual(placeholders(template ?? ""));
        }
      }
    }
  });

  it("renders the Dutch message from the Dutch catalogue, and English wholly in English", () => {
    const dutch = translator("nl");
    const english = translator("en");
    for (const issue of issues) {
      expect(issue.message).toBe(describeProfileIssue(dutch, issue));
      const text = describeProfileIssue(english, issue);
      expect(text, issue.message).not.toMatch(/\{\w+\}/);
      expect(text, issue.message).not.toBe(english("form.invalidValue"));
    }
    const problem = issues.find((issue) => issue.code === "withoutIndicators");
    expect(problem && describeProfileIssue(english, problem)).toBe(
      'competency "Samenwerken" has no behavioural indicators',
    );
  });

  it("reaches every text of the catalogue but the fallbacks: the corpus misses no code", () => {
    const reached = new Set<string>(
      issues.flatMap((issue) => textsOf(issue).map((text) => text.code)),
    );
    const codes = Object.keys(profileFileIssuesNl).map((key) => key.slice(PREFIX.length));
    expect(codes.filter((code) => !reached.has(code) && !FALLBACKS.includes(code))).toEqual([]);
    expect(FALLBACKS.filter((code) => reached.has(code))).toEqual([]);
  });

  it("reads a schema's message reference back, and nothing else", () => {
    const ref = profileIssueRef("idTakenByIndicator", { id: "a-1", competency: "Kennis & kunde" });
    expect(readProfileIssueRef(ref)).toEqual({
      code: "idTakenByIndicator",
      params: { id: "a-1", competency: "Kennis & kunde" },
    });
    expect(readProfileIssueRef(profileIssueRef("textTooShort", { count: 2 }))).toEqual({
      code: "textTooShort",
      params: { count: 2 },
    });
    expect(readProfileIssueRef("Invalid input: expected string")).toBeUndefined();
    expect(readProfileIssueRef("profiles.fileIssue.bestaatNiet")).toBeUndefined();
    expect(readProfileIssueRef("people.issue.teamNameRequired")).toBeUndefined();
  });

  it("reads a code the catalogue does not know as 'not valid', never as the code", () => {
    const t = translator("en");
    const stray = { code: "bestaatNiet", params: {} } as unknown as ProfileIssueText;
    expect(describeProfileIssue(t, stray)).toBe(t("form.invalidValue"));
  });
});
