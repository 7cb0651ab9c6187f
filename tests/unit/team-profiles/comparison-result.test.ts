import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { translator } from "~/i18n/messages";
import { ComparisonResult } from "~/team-profiles/components/comparison-result";
import type { ComparedTeam, TeamComparison } from "~/team-profiles/comparison-model";

// The comparison as the server renders it: the radar's series, the table's cells with the
// reasons in words, and teams without any figure listed rather than dropped.

vi.mock("~/i18n/use-translation", () => ({
  useTranslation: () => ({ locale: "nl", t: translator("nl") }),
  useLocale: () => "nl",
}));

const axes = [
  { key: "communiceren", name: "Communiceren", organisationWide: true },
  { key: "klantgericht", name: "Klantgericht werken", organisationWide: true },
  { key: "samenwerken", name: "Samenwerken", organisationWide: true },
];
// The page model names a team's round, with its k only where a reason needs it.
const spring = { name: "Voorjaar 2030", k: null };
const autumn = { name: "Najaar 2030", k: null };
const autumnTooFew = { name: "Najaar 2030", k: 3 };

function team(
  id: string,
  name: string,
  cycle: ComparedTeam["cycle"],
  cells: ComparedTeam["cells"],
): ComparedTeam {
  return {
    id,
    name,
    cycle,
    cells,
    anyShown: Object.values(cells).some((c) => c.shown),
  };
}

const full = team("t1", "Communicatie", spring, {
  communiceren: { shown: true, mean: 3.84, members: 8 },
  klantgericht: { shown: true, mean: 3.5, members: 8 },
  samenwerken: { shown: true, mean: 4.12, members: 7 },
});
const partly = team("t2", "Financiën", autumn, {
  communiceren: { shown: true, mean: 3.2, members: 5 },
  klantgericht: { shown: false, reason: "differencing" },
  samenwerken: { shown: true, mean: 3.9, members: 5 },
});
const none = team("t3", "Juridische zaken", autumnTooFew, {
  communiceren: { shown: false, reason: "too_few" },
  klantgericht: { shown: false, reason: "too_few" },
  samenwerken: { shown: false, reason: "too_few" },
});

function render(comparison: TeamComparison): string {
  return renderToStaticMarkup(createElement(ComparisonResult, { comparison }));
}

describe("ComparisonResult", () => {
  const differentCycles: TeamComparison = {
    axes,
    organisationWideOnly: true,
    teams: [full, partly, none],
    norm: null,
    scale: { min: 1, max: 5 },
  };

  it("says plainly that only organisation-wide competencies are compared, and why there is no norm", () => {
    const html = render(differentCycles);
    expect(html).toContain("verschillende competentieprofielen");
    expect(html).toContain("De organisatienorm staat er niet bij");
  });

  it("lists a team without any figure with the reason, and keeps it in the table", () => {
    const html = render(differentCycles);
    expect(html).toContain("Teams zonder cijfers");
    expect(html).toContain(
      "Juridische zaken (Najaar 2030): niet getoond: minder dan 3 leden met een score",
    );
    expect(html).not.toContain("Communicatie (Voorjaar 2030): niet getoond");
    expect(html.match(/<th scope="col"[^>]*data-team-id="t3"/g)).toHaveLength(1);
  });

  it("draws a series for a team with every figure; the others are in the table only", () => {
    const html = render(differentCycles);
    expect(html).toContain("<svg");
    expect(html.match(/recharts-radar-polygon/g)).toHaveLength(1);
    expect(html).toContain("Financiën (Najaar 2030)");
    expect(html).toContain("alleen in de tabel");
  });

  it("shows mean and n per cell, and the reason in words where a figure is withheld", () => {
    const html = render(differentCycles);
    expect(html).toContain("3,8");
    expect(html).toContain("8 leden");
    expect(html).toContain("niet getoond: dit cijfer is af te leiden uit andere getoonde cijfers");
    // One decimal, like the report (the server sends it rounded; a stray digit is cut too).
    expect(html).not.toContain("3,84");
  });

  it("adds the organisation norm as a series and a column when all teams share a cycle", () => {
    const html = render({
      axes,
      organisationWideOnly: false,
      teams: [full, { ...partly, cycle: spring }],
      norm: {
        values: {
          communiceren: { mean: 3.6, participants: 54 },
          klantgericht: { mean: 3.4, participants: 54 },
          samenwerken: { mean: 3.8, participants: 53 },
        },
      },
      scale: { min: 1, max: 5 },
    });
    expect(html).not.toContain("verschillende competentieprofielen");
    expect(html).not.toContain("Teams zonder cijfers");
    expect(html.match(/recharts-radar-polygon/g)).toHaveLength(2);
    expect(html).toContain("Organisatienorm");
    expect(html).toContain("54 deelnemers");
    expect(html).not.toContain("(Voorjaar 2030)");
  });
});
