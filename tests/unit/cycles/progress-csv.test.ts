import { describe, expect, it } from "vitest";
import { countGroups, type InvitationFacts } from "~/cycles/progress";
import {
  csvField,
  progressCsv,
  progressCsvFileName,
  type ProgressCsvLabels,
} from "~/cycles/progress-csv";

const labels: ProgressCsvLabels = {
  participant: "Deelnemer",
  team: "Team",
  outlook: "Vooruitzicht",
  column: (group, count) => `${group} ${count}`,
  outlookValue: { enough: "genoeg", waiting: "wacht", at_risk: "risico" },
};

const invitation = (
  relationship: InvitationFacts["relationship"],
  status: InvitationFacts["status"] = "open",
  revoked = false,
): InvitationFacts => ({ relationship, status, revoked });

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    [3, "3"],
    ["a;b", '"a;b"'],
    ['zegt "hoi"', '"zegt ""hoi"""'],
    ["regel\neen", '"regel\neen"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+31", "'+31"],
    ["-x", "'-x"],
    ["@x", "'@x"],
  ])("%j → %s", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe("progressCsv", () => {
  const csv = progressCsv(
    [
      {
        name: "Anna de Vries",
        teamName: "Financiën; Control",
        groups: countGroups([
          invitation("self", "submitted"),
          invitation("colleague", "submitted"),
          invitation("colleague", "declined"),
          invitation("colleague", "open", true),
          invitation("colleague"),
        ]),
        outlook: "at_risk",
      },
      { name: "Bas Bakker", teamName: null, groups: [], outlook: "waiting" },
    ],
    labels,
  );
  const lines = csv.slice(1).split("\r\n");

  it("starts with a byte order mark and ends every line with CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines).toHaveLength(4);
  });

  it("has a column per group and count, in the fixed group order, and the outlook", () => {
    const header = lines[0]!.split(";");
    expect(header).toHaveLength(2 + 5 * 4 + 1);
    expect(header.slice(0, 6)).toEqual([
      "Deelnemer",
      "Team",
      "self invited",
      "self answered",
      "self declined",
      "self revoked",
    ]);
    expect(header.at(-1)).toBe("Vooruitzicht");
  });

  it("writes the counts per group, zeros for groups without invitations", () => {
    expect(lines[1]).toBe(
      'Anna de Vries;"Financiën; Control";1;1;0;0;0;0;0;0;4;1;1;1;0;0;0;0;0;0;0;0;risico',
    );
    expect(lines[2]).toBe(`Bas Bakker;;${Array(20).fill(0).join(";")};wacht`);
  });
});

describe("progressCsvFileName", () => {
  it("keeps plain letters and digits of the round's name", () => {
    expect(progressCsvFileName("voortgang", "Ronde Financiën 2030 / Q1", "2030-03-04")).toBe(
      "voortgang-ronde-financien-2030-q1-2030-03-04.csv",
    );
    expect(progressCsvFileName("progress", "???", "2030-03-04")).toBe(
      "progress-cycle-2030-03-04.csv",
    );
  });
});
