import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/messages";
import { formatScore } from "~/reports/format";
import { comparisonCsv, comparisonCsvFileName } from "~/team-profiles/comparison-csv";
import { withheldReasonText } from "~/team-profiles/comparison-labels";
import {
  comparisonSearch,
  readComparisonQuery,
  type ComparisonCell,
} from "~/team-profiles/comparison-model";

const t = translator("nl");
const labels = {
  competency: "Competentie",
  column: (team: string, what: "mean" | "members" | "reason") =>
    `${team}: ${{ mean: "gemiddelde", members: "aantal", reason: "reden" }[what]}`,
  normColumn: (what: "mean" | "members") => `Norm: ${what === "mean" ? "gemiddelde" : "aantal"}`,
  axisName: (name: string, organisationWide: boolean) => (organisationWide ? `${name} *` : name),
  mean: (value: number) => formatScore(value, "nl"),
  reason: (reason: Parameters<typeof withheldReasonText>[1], k: number | null) =>
    withheldReasonText(t, reason, k),
};

const axes = [
  { key: "communiceren", name: "Communiceren", organisationWide: true },
  { key: "plannen", name: "Plannen en organiseren", organisationWide: false },
];
const shown = (mean: number, members: number): ComparisonCell => ({ shown: true, mean, members });

describe("comparisonCsv", () => {
  it("writes a row per competency and mean, n and reason per team, with a BOM, ; and CRLF", () => {
    const csv = comparisonCsv(
      {
        axes,
        teams: [
          {
            name: "Communicatie",
            cycle: { name: "Voorjaar", k: 3 },
            cells: { communiceren: shown(3.456, 8), plannen: { shown: false, reason: "too_few" } },
          },
          {
            name: "Financiën",
            cycle: { name: "Voorjaar", k: 3 },
            cells: {
              communiceren: { shown: false, reason: "differencing" },
              plannen: shown(4, 3),
            },
          },
        ],
        norm: { values: { communiceren: { mean: 3.71, participants: 54 }, plannen: null } },
      },
      labels,
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toEqual([
      "Competentie;Communicatie: gemiddelde;Communicatie: aantal;Communicatie: reden;Financiën: gemiddelde;Financiën: aantal;Financiën: reden;Norm: gemiddelde;Norm: aantal",
      "Communiceren *;3,5;8;;;;niet getoond: dit cijfer is af te leiden uit andere getoonde cijfers;3,7;54",
      "Plannen en organiseren;;;niet getoond: minder dan 3 leden met een score;4,0;3;;;",
      "",
    ]);
  });

  it("leaves the norm out when there is none, and says a team was not in the round", () => {
    const csv = comparisonCsv(
      {
        axes: axes.slice(0, 1),
        teams: [{ name: "Leeg", cycle: null, cells: {} }],
        norm: null,
      },
      labels,
    );
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Competentie;Leeg: gemiddelde;Leeg: aantal;Leeg: reden",
      "Communiceren *;;;geen leden in deze ronde",
      "",
    ]);
  });

  it("neutralises formulas and quotes separators in names", () => {
    const csv = comparisonCsv(
      {
        axes: [{ key: "x", name: "=HYPERLINK(1)", organisationWide: false }],
        teams: [{ name: 'Team; "A"', cycle: { name: "R", k: 3 }, cells: { x: shown(2, 5) } }],
        norm: null,
      },
      labels,
    );
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      'Competentie;"Team; ""A"": gemiddelde";"Team; ""A"": aantal";"Team; ""A"": reden"',
    );
    expect(lines[1]).toBe("'=HYPERLINK(1);2,0;5;");
  });

  it("names the file after the day", () => {
    expect(comparisonCsvFileName("teamvergelijking", "2030-03-04")).toBe(
      "teamvergelijking-2030-03-04.csv",
    );
  });
});

describe("the comparison query", () => {
  it("reads the round and the teams, without duplicates or blanks", () => {
    expect(
      readComparisonQuery(
        new URL("http://x/teams/vergelijken?ronde=laatste&team=a&team=b&team=a&team=+"),
      ),
    ).toEqual({ ronde: "laatste", teamIds: ["a", "b"], submitted: false });
    expect(readComparisonQuery(new URL("http://x/teams/vergelijken?ronde="))).toEqual({
      ronde: null,
      teamIds: [],
      submitted: false,
    });
    expect(
      readComparisonQuery(new URL("http://x/teams/vergelijken?team=a&vergelijk=1")).submitted,
    ).toBe(true);
  });

  it("writes the query back for the CSV link", () => {
    expect(comparisonSearch("c1", ["a", "b"])).toBe("ronde=c1&team=a&team=b");
  });
});

describe("withheldReasonText", () => {
  it("explains each reason in words, in Dutch and English", () => {
    expect(withheldReasonText(t, "too_few", 3)).toBe(
      "niet getoond: minder dan 3 leden met een score",
    );
    expect(withheldReasonText(t, "known_members", 3)).toMatch(
      /al weet \(ook uw eigen beoordelingen\)/,
    );
    expect(withheldReasonText(translator("en"), "not_in_cycle", null)).toBe(
      "no members in this round",
    );
  });
});
