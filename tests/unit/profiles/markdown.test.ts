import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatProfileIssues,
  parseProfileMarkdown,
  serializeProfileMarkdown,
} from "~/profiles/markdown";
import type { Profile } from "~/profiles/schema";
import { errorsOf, importSeed, profileOf } from "../../support/profile-import";

const SURVEY_FILE = path.resolve("surveys/toepassing-beleid.md");

const VALID = `---
id: mini
name: Miniprofiel
language: nl
---

# Kennis {#kennis}

## Vakkennis {#vakkennis}

past vakkennis toe.

- kent de regels {#vakkennis-1}
- volgt ontwikkelingen {#vakkennis-2}

## Samenwerken *** {#samenwerken}

- deelt kennis {#samenwerken-1}
`;

function parse(source: string) {
  return parseProfileMarkdown(source, "surveys/mini.md");
}

/** VALID with one line replaced (1-based line number). */
function withLine(lineNumber: number, replacement: string): string {
  const lines = VALID.split("\n");
  lines[lineNumber - 1] = replacement;
  return lines.join("\n");
}

describe("parseProfileMarkdown", () => {
  it("reads clusters, competencies, descriptions, indicators and the *** flag", () => {
    const profile = profileOf(parse(VALID));
    expect(profile).toEqual({
      id: "mini",
      name: "Miniprofiel",
      language: "nl",
      scale: expect.objectContaining({ notApplicableLabel: "kan ik niet beoordelen" }),
      clusters: [
        {
          id: "kennis",
          name: "Kennis",
          competencies: [
            {
              id: "vakkennis",
              name: "Vakkennis",
              description: "past vakkennis toe.",
              organisationWide: false,
              indicators: [
                { id: "vakkennis-1", text: "kent de regels" },
                { id: "vakkennis-2", text: "volgt ontwikkelingen" },
              ],
            },
            {
              id: "samenwerken",
              name: "Samenwerken",
              description: "",
              organisationWide: true,
              indicators: [{ id: "samenwerken-1", text: "deelt kennis" }],
            },
          ],
        },
      ],
    });
  });

  it("accepts CRLF line endings and a UTF-8 BOM", () => {
    const crlf = `\uFEFF${VALID.replace(/\n/g, "\r\n")}`;
    expect(profileOf(parse(crlf))).toEqual(profileOf(parse(VALID)));
  });

  it("joins wrapped lines of paragraphs and bullets", () => {
    const source = VALID.replace(
      "past vakkennis toe.",
      "past vakkennis toe\nin de praktijk.\n\nTweede alinea.",
    ).replace("- kent de regels {#vakkennis-1}", "- kent de\n  regels {#vakkennis-1}");
    const competency = profileOf(parse(source)).clusters[0]?.competencies[0];
    expect(competency?.description).toBe("past vakkennis toe in de praktijk.\n\nTweede alinea.");
    expect(competency?.indicators[0]).toEqual({ id: "vakkennis-1", text: "kent de regels" });
  });

  it("reads a custom scale from the front matter", () => {
    const source = VALID.replace(
      "language: nl\n",
      `language: nl
scale:
  notApplicable: weet ik niet
  points:
    - { value: 1, label: nooit }
    - { value: 2, label: soms }
    - { value: 3, label: altijd }
`,
    );
    expect(profileOf(parse(source)).scale).toEqual({
      notApplicableLabel: "weet ik niet",
      points: [
        { value: 1, label: "nooit" },
        { value: 2, label: "soms" },
        { value: 3, label: "altijd" },
      ],
    });
  });
});

describe("parseProfileMarkdown: invalid files report file and line", () => {
  it("reports a missing indicator id", () => {
    expect(errorsOf(parse(withLine(13, "- kent de regels")))).toEqual([
      {
        file: "surveys/mini.md",
        line: 13,
        code: "indicatorWithoutId",
        params: {},
        message: "gedragsindicator zonder id: zet {#een-id} aan het eind van de regel",
      },
    ]);
  });

  it("reports missing heading ids", () => {
    const source = withLine(9, "## Vakkennis").replace("# Kennis {#kennis}", "# Kennis");
    expect(errorsOf(parse(source)).map(({ line, message }) => [line, message])).toEqual([
      [7, "cluster zonder id: zet {#een-id} aan het eind van de kop"],
      [9, "competentie zonder id: zet {#een-id} aan het eind van de kop"],
    ]);
  });

  it("reports a duplicate id on the line of the second use", () => {
    expect(errorsOf(parse(withLine(14, "- volgt ontwikkelingen {#vakkennis-1}")))).toEqual([
      {
        file: "surveys/mini.md",
        line: 14,
        code: "idTakenByIndicator",
        params: { id: "vakkennis-1", competency: "Vakkennis" },
        message: 'id "vakkennis-1" is al gebruikt door een gedragsindicator van "Vakkennis"',
      },
    ]);
  });

  it("reports an id that is not a slug", () => {
    expect(errorsOf(parse(withLine(16, "## Samenwerken *** {#Samen_Werken}")))).toEqual([
      {
        file: "surveys/mini.md",
        line: 16,
        code: "fieldIssue",
        params: {
          field: { code: "label.competencyId", params: {} },
          issue: { code: "notSlug", params: {} },
        },
        message:
          "id van de competentie: moet een slug zijn: kleine letters, cijfers en streepjes (bijv. kennis-van-de-klant-1)",
      },
    ]);
  });

  it("reports a bad scale on the line of the offending point", () => {
    const source = VALID.replace(
      "language: nl\n",
      `language: nl
scale:
  notApplicable: ""
  points:
    - { value: 1, label: nooit }
    - { value: 3, label: altijd }
`,
    );
    expect(errorsOf(parse(source))).toEqual([
      {
        file: "surveys/mini.md",
        line: 6,
        code: "fieldIssue",
        params: {
          field: {
            code: "label.frontMatterSubfield",
            params: { name: "scale", subfield: "notApplicable" },
          },
          issue: { code: "textTooShort", params: { count: 1 } },
        },
        message: 'veld "scale", "notApplicable": te kort: minstens 1 teken',
      },
      {
        file: "surveys/mini.md",
        line: 9,
        code: "scaleNotConsecutive",
        params: {},
        message: "de waarden van de schaal moeten opeenvolgend oplopen (1, 2, 3, …)",
      },
    ]);
  });

  it("reports a scale with a single point and an unknown scale field", () => {
    const source = VALID.replace(
      "language: nl\n",
      "language: nl\nscale:\n  notApplicable: n.v.t.\n  labels: [a, b]\n  points:\n    - { value: 1, label: nooit }\n",
    );
    expect(errorsOf(parse(source)).map(({ line, message }) => [line, message])).toEqual([
      [7, 'onbekend veld "labels" in veld "scale" (toegestaan: notApplicable, points)'],
      [8, 'veld "scale", "points": te weinig: er zijn er minstens 2 nodig'],
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const errors = errorsOf(parse(withLine(3, "name Miniprofiel")));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.file).toBe("surveys/mini.md");
    expect(errors[0]?.line).toBe(3);
    expect(errors[0]?.message).toMatch(/^ongeldige YAML in de front matter: /);
  });

  it("reports a duplicate YAML key", () => {
    const errors = errorsOf(parse(withLine(4, "name: Nog een naam")));
    expect(errors.map(({ line }) => line)).toEqual([4]);
    expect(errors[0]?.message).toMatch(/^ongeldige YAML/);
  });

  it("reports missing and unknown front matter fields", () => {
    const source = withLine(3, "naam: Miniprofiel");
    expect(errorsOf(parse(source)).map(({ line, message }) => [line, message])).toEqual([
      [1, 'veld "name": ontbreekt'],
      [3, 'onbekend veld "naam" (toegestaan: id, name, language, description, scale)'],
    ]);
  });

  it("reports a bullet before any competency and text before any cluster", () => {
    const source = VALID.replace(
      "# Kennis {#kennis}\n",
      "Inleiding die hier niet hoort.\n\n# Kennis {#kennis}\n\n- losse bullet {#los-1}\n",
    );
    expect(errorsOf(parse(source)).map(({ line, message }) => [line, message])).toEqual([
      [7, "tekst vóór de eerste cluster: begin met een clusterkop (# ...)"],
      [11, "gedragsindicator vóór de eerste competentie: zet eerst een kop ## ..."],
    ]);
  });

  it("reports a competency without indicators and text after the indicators", () => {
    const source = VALID.replace("- deelt kennis {#samenwerken-1}\n", "").replace(
      "- volgt ontwikkelingen {#vakkennis-2}\n",
      "- volgt ontwikkelingen {#vakkennis-2}\n\nlosse tekst.\n",
    );
    expect(errorsOf(parse(source)).map(({ line, message }) => [line, message])).toEqual([
      [16, "tekst na de gedragsindicatoren: zet de beschrijving vóór de opsomming"],
      [18, "een competentie heeft minstens één gedragsindicator"],
    ]);
  });

  it("reports every problem at once, sorted by line", () => {
    const source = withLine(2, "id: Mini Profiel")
      .replace("## Vakkennis {#vakkennis}", "### Vakkennis {#vakkennis}")
      .replace("- deelt kennis {#samenwerken-1}", "- x {#samenwerken-1}");
    const lines = errorsOf(parse(source)).map(({ line }) => line);
    expect(lines).toEqual([2, 9, 11, 13, 18]);
  });

  it("refuses a file without front matter", () => {
    expect(errorsOf(parse("# Kennis {#kennis}\n"))).toEqual([
      {
        file: "surveys/mini.md",
        line: 1,
        code: "frontMatterMissing",
        params: {},
        message: "het bestand moet beginnen met front matter: een regel met alleen ---",
      },
    ]);
    expect(errorsOf(parse("---\nid: x\n"))[0]?.message).toMatch(/niet afgesloten/);
  });

  it("formats issues as file:line: reason", () => {
    expect(
      formatProfileIssues([
        {
          file: "surveys/x.md",
          line: 12,
          code: "invalidValue",
          params: {},
          message: "iets klopt niet",
        },
        { file: "surveys/y.md", line: 3, code: "invalidValue", params: {}, message: "nog iets" },
      ]),
    ).toBe("surveys/x.md:12: iets klopt niet\nsurveys/y.md:3: nog iets");
  });
});

describe("serializeProfileMarkdown", () => {
  it("round-trips the seed profile and omits the default scale", () => {
    const profile = importSeed();
    const markdown = serializeProfileMarkdown(profile);
    expect(markdown).not.toMatch(/scale:/);
    expect(markdown).toMatch(/^## Communiceren \*\*\* \{#communiceren\}$/m);
    expect(profileOf(parseProfileMarkdown(markdown, "x.md"))).toEqual(profile);
  });

  it("round-trips a profile with a custom scale, a profile description and awkward texts", () => {
    const profile: Profile = {
      id: "awkward",
      name: 'Profiel: met "quotes" en # hekje',
      language: "en",
      description: "Eerste alinea.\n\nTweede alinea: met dubbele punt.",
      scale: {
        notApplicableLabel: "n.v.t.",
        points: [
          { value: 0, label: "nooit" },
          { value: 1, label: "- soms" },
          { value: 2, label: "altijd: echt" },
        ],
      },
      clusters: [
        {
          id: "c",
          name: "Cluster # één",
          competencies: [
            {
              id: "k",
              name: "Competentie – met “quotes”",
              description: "# geen kop\n\n- geen bullet\n\n\\ backslash\n\ngewone tekst.",
              organisationWide: false,
              indicators: [{ id: "k-1", text: "tekst met {accolades} en ***" }],
            },
          ],
        },
      ],
    };
    const markdown = serializeProfileMarkdown(profile);
    expect(markdown).toContain("    - { value: 0, label: nooit }");
    expect(profileOf(parseProfileMarkdown(markdown, "x.md"))).toEqual(profile);
  });

  it("writes the documented layout", () => {
    const markdown = serializeProfileMarkdown(profileOf(parse(VALID)));
    expect(markdown).toBe(VALID);
  });
});

describe("surveys/toepassing-beleid.md", () => {
  it("parses and equals a fresh import of the seed", () => {
    const source = readFileSync(SURVEY_FILE, "utf8");
    const profile = profileOf(parseProfileMarkdown(source, "surveys/toepassing-beleid.md"));
    expect(profile).toEqual(importSeed());
    expect(source).toBe(serializeProfileMarkdown(importSeed()));
  });
});
