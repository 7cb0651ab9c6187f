import { describe, expect, it } from "vitest";
import {
  csvNumber,
  teamProfileCsv,
  teamProfileCsvFileName,
  type TeamProfileCsvLabels,
  type TeamProfileRow,
} from "~/team-profiles/team-profile-csv";

const LABELS: TeamProfileCsvLabels = {
  competency: "Competentie",
  cluster: "Cluster",
  organisationWide: "Organisatiebreed",
  teamMean: "Teamgemiddelde",
  members: "Teamleden",
  norm: "Organisatienorm",
  normParticipants: "Deelnemers norm",
  previousMean: "Gemiddelde vorige ronde",
  change: "Verandering",
  spreadLow: "Onder 3",
  spreadMiddle: "3 tot 4",
  spreadHigh: "4 en hoger",
  reason: "Niet getoond omdat",
  yes: "ja",
  no: "nee",
  reasonValue: {
    too_few: "te weinig teamleden",
    differencing: "niet getoond om herleidbaarheid te voorkomen",
    known_members: "bekend",
  },
};

const SHOWN: TeamProfileRow = {
  key: "samenwerken",
  name: "Samenwerken",
  clusterName: "Samen",
  organisationWide: true,
  team: { shown: true, mean: 3.4567, members: 7, spread: { low: 1, middle: 4, high: 2 } },
  norm: { mean: 3.61, participants: 52 },
  trend: { previous: 3.2, change: 0.2567 },
};

const WITHHELD: TeamProfileRow = {
  key: "klant",
  name: 'Klantgericht; "extern"',
  clusterName: "Buiten",
  organisationWide: false,
  team: { shown: false, reason: "too_few" },
  norm: { mean: 3.9, participants: 50 },
  trend: null,
};

function lines(csv: string): string[] {
  return csv.replace(/^\uFEFF/, "").split("\r\n");
}

describe("teamProfileCsv", () => {
  it("writes a BOM, a header and one ;-separated CRLF line per competency", () => {
    const csv = teamProfileCsv([SHOWN, WITHHELD], LABELS, "nl");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, first, second, rest] = lines(csv);
    expect(header).toBe(
      "Competentie;Cluster;Organisatiebreed;Teamgemiddelde;Teamleden;Organisatienorm;" +
        "Deelnemers norm;Gemiddelde vorige ronde;Verandering;Onder 3;3 tot 4;4 en hoger;" +
        "Niet getoond omdat",
    );
    expect(first).toBe("Samenwerken;Samen;ja;3,5;7;3,6;52;3,2;0,3;1;4;2;");
    // A withheld figure: empty cells, the reason in words; quoted name with the separator.
    expect(second).toBe('"Klantgericht; ""extern""";Buiten;nee;;;3,9;50;;;;;;te weinig teamleden');
    expect(rest).toBe("");
  });

  it("uses the decimal point in English and writes negative changes as plain numbers", () => {
    const csv = teamProfileCsv(
      [{ ...SHOWN, trend: { previous: 3.9, change: -0.44 } }],
      LABELS,
      "en",
    );
    expect(lines(csv)[1]).toBe("Samenwerken;Samen;ja;3.5;7;3.6;52;3.9;-0.4;1;4;2;");
  });

  it("leaves the norm empty where there is none", () => {
    const csv = teamProfileCsv([{ ...SHOWN, norm: null, trend: null }], LABELS, "nl");
    expect(lines(csv)[1]).toBe("Samenwerken;Samen;ja;3,5;7;;;;;1;4;2;");
  });

  it("neutralises a formula in a competency or cluster name", () => {
    const csv = teamProfileCsv(
      [{ ...WITHHELD, name: '=HYPERLINK("x")', clusterName: "+cmd" }],
      LABELS,
      "nl",
    );
    const line = lines(csv)[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""x"")";'+cmd;`)).toBe(true);
  });

  it("never carries a withheld figure's numbers", () => {
    const csv = teamProfileCsv(
      [{ ...WITHHELD, name: "Klantgericht", team: { shown: false, reason: "differencing" } }],
      LABELS,
      "nl",
    );
    const fields = lines(csv)[1]!.split(";");
    expect([3, 4, 7, 8, 9, 10, 11].map((index) => fields[index]).join("")).toBe("");
    expect(fields[12]).toBe("niet getoond om herleidbaarheid te voorkomen");
  });
});

describe("csvNumber", () => {
  it("rounds to one decimal as the page does, without -0,0", () => {
    expect(csvNumber(3.25, "nl")).toBe("3,3");
    expect(csvNumber(-0.04, "nl")).toBe("0,0");
    expect(csvNumber(4, "en")).toBe("4.0");
  });
});

describe("teamProfileCsvFileName", () => {
  it("is plain letters, the team, the round and the day", () => {
    expect(
      teamProfileCsvFileName("teamprofiel", "Financiën & Control", "Voorjaar 2030", "2030-03-04"),
    ).toBe("teamprofiel-financien-control-voorjaar-2030-2030-03-04.csv");
  });
});
