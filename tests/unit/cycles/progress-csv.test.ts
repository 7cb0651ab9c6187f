import { describe, expect, it } from "vitest";
import { countGroups, discloseGroups, type InvitationFacts } from "~/cycles/progress";
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

const LAUNCH = "2030-03-04T07:00:00.000Z";
const LATER = "2030-03-10T09:00:00.000Z";

const invitation = (
  relationship: InvitationFacts["relationship"],
  status: InvitationFacts["status"] = "open",
  revoked = false,
): InvitationFacts => ({
  relationship,
  status,
  createdAt: LAUNCH,
  revokedAt: revoked ? LATER : null,
  declinedAt: status === "declined" ? LATER : null,
});

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
    // Characters that are not text never reach the file, and cannot hide a formula.
    ["An\u0000na", "Anna"],
    ["\u0000=SUM(A1)", "'=SUM(A1)"],
    ["\u202e=1+1", "'=1+1"],
    ["Jan \u202eseirV", "Jan seirV"],
    ["a\u200bb\ufeff\u2028", "ab"],
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
        groups: discloseGroups(
          countGroups([
            invitation("self", "submitted"),
            invitation("colleague", "submitted"),
            invitation("colleague", "declined"),
            invitation("colleague", "open", true),
            invitation("colleague"),
          ]),
          true,
        ),
        outlook: "at_risk",
      },
      { name: "Bas Bakker", teamName: null, groups: [], outlook: "waiting" },
      {
        name: "Cor Claassen",
        teamName: null,
        // While the round runs: the manager and the single customer are groups of one.
        groups: discloseGroups(
          countGroups([
            invitation("self"),
            invitation("manager", "submitted"),
            invitation("customer", "declined"),
          ]),
          true,
        ),
        outlook: "at_risk",
      },
    ],
    labels,
  );
  const lines = csv.slice(1).split("\r\n");

  it("starts with a byte order mark and ends every line with CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(lines).toHaveLength(5);
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

  it("leaves answered and declined empty for a group of one while the round runs", () => {
    expect(lines[3]).toBe("Cor Claassen;;1;0;0;0;1;;;0;0;0;0;0;1;;;0;0;0;0;0;risico");
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
