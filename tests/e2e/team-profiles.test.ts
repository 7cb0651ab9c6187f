import { expect, test, type Page } from "@playwright/test";
import {
  demoOrganisation,
  demoSignIn,
  isLead,
  visibleTeamIds,
  type DemoOrganisation,
  type DemoPerson,
  type DemoTeam,
} from "./support/accounts";
import { expectAxeClean, expectFitsNarrowScreen } from "./support/page-checks";

// Team profiles in the demo municipality: a department head opens the profile of one of their
// teams from /teams and compares it with another of their teams (with and without JavaScript);
// a plain team lead sees only their own team.

interface HeadCase {
  head: DemoPerson;
  department: DemoTeam;
  first: DemoTeam;
  second: DemoTeam;
}

async function departmentHead(): Promise<HeadCase> {
  const demo = await demoOrganisation();
  const department = demo.teams.find((team) => team.name === "Afdeling Beleid");
  const head = demo.people.find((person) => person.id === department?.leadId);
  if (!department || !head) throw new Error("the demo has no head of Afdeling Beleid");
  const subTeams = demo.teams.filter((team) => team.parentId === department.id);
  const [first, second] = subTeams;
  if (!first || !second) throw new Error("Afdeling Beleid has fewer than two teams");
  return { head, department, first, second };
}

/**
 * A lead of exactly one team (no department), who is not HR. Only teams under a department
 * count: other tests add stand-alone teams (with a lead, but no released round) to the demo.
 */
function plainLead(demo: DemoOrganisation): { lead: DemoPerson; team: DemoTeam } {
  for (const person of demo.people) {
    if (person.isHrAdmin || !isLead(demo, person.id)) continue;
    const visible = visibleTeamIds(demo, person.id);
    if (visible.length !== 1) continue;
    const team = demo.teams.find((candidate) => candidate.id === visible[0]);
    if (team?.parentId) return { lead: person, team };
  }
  throw new Error("the demo has no lead of a single team");
}

interface FigureRow {
  label: string;
  mean: string;
  members: string;
}

/** The profile table's rows: competency label (without cluster), mean cell and members cell. */
async function profileRows(page: Page): Promise<FigureRow[]> {
  const table = page.getByRole("table", { name: /Teamgemiddelde per competentie/ });
  await expect(table).toBeVisible();
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll("td");
      return {
        label: (row.querySelector("th")?.firstChild?.textContent ?? "").trim(),
        mean: (cells[0]?.textContent ?? "").trim(),
        members: (cells[1]?.textContent ?? "").trim(),
      };
    }),
  );
}

/** The comparison table's cells of one team: label → the cell's text parts. */
async function comparisonColumn(
  page: Page,
  teamId: string,
): Promise<Map<string, { mean: string | null; n: string | null; text: string }>> {
  const table = page.getByRole("table", { name: /Gemiddelde per competentie en team/ });
  await expect(table).toBeVisible();
  const rows = await table.locator("tbody tr").evaluateAll(
    (trs, id) =>
      trs.map((tr) => {
        const cell = tr.querySelector(`td[data-team-id="${id}"]`);
        return {
          label: (tr.querySelector("th")?.textContent ?? "").trim(),
          mean: cell?.querySelector(".comparison-table__mean")?.textContent?.trim() ?? null,
          n: cell?.querySelector(".comparison-table__n")?.textContent?.trim() ?? null,
          text: (cell?.textContent ?? "").trim(),
        };
      }),
    teamId,
  );
  return new Map(rows.map((row) => [row.label, row]));
}

/**
 * Checks the comparison against the team profile: the same numbers, withheld where it is.
 * Teams whose members were rated on the same competencies compare on all of them; teams of
 * mixed functions on the organisation-wide ones they share (`otherProfile` is the other team's).
 */
function expectSameFigures(
  profile: FigureRow[],
  column: Map<string, { mean: string | null; n: string | null; text: string }>,
  otherProfile: FigureRow[] = profile,
) {
  const labels = (rows: FigureRow[]) => rows.map((row) => row.label).sort();
  const sameCompetencies = JSON.stringify(labels(profile)) === JSON.stringify(labels(otherProfile));
  if (sameCompetencies) expect(column.size).toBe(profile.length);
  else {
    expect(column.size).toBeGreaterThan(0);
    for (const label of column.keys()) {
      expect(labels(otherProfile), `${label} is in both teams' profiles`).toContain(label);
    }
  }
  let shown = 0;
  for (const row of profile.filter((candidate) => column.has(candidate.label))) {
    const cell = column.get(row.label);
    expect(cell, `comparison row ${row.label}`).toBeDefined();
    if (/^\d+,\d$/.test(row.mean)) {
      shown++;
      expect(cell!.mean, row.label).toBe(row.mean);
      expect(cell!.n, row.label).toBe(`${row.members} leden`);
    } else {
      expect(cell!.mean, `${row.label} is withheld on the profile`).toBeNull();
      expect(cell!.text).toMatch(/^(niet getoond|geen leden)/);
    }
  }
  expect(shown, "the team has figures to compare").toBeGreaterThan(0);
}

test("a department head opens a team profile from /teams and compares two of their teams", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { head, first, second } = await departmentHead();
  await demoSignIn(page, head);

  // /teams: their department and the teams below it.
  await page.goto("/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Teamprofiel van ${second.name}` })).toBeVisible();
  await expectAxeClean(page);
  await expectFitsNarrowScreen(page);

  // The profile of the first team: the radar (server-drawn svg) and the table.
  await page.getByRole("link", { name: `Teamprofiel van ${first.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${first.id}/profiel`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Teamprofiel: ${first.name}`);
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  const firstProfile = await profileRows(page);
  expect(firstProfile.length).toBeGreaterThan(3);
  await expectAxeClean(page);
  await expectFitsNarrowScreen(page);

  // The profile of the second team, to check its column of the comparison too.
  await page.goto(`/teams/${second.id}/profiel`);
  const secondProfile = await profileRows(page);

  // Compare: both boxes, submit.
  await page.goto("/teams/vergelijken");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Teams vergelijken");
  await expectAxeClean(page);
  const teams = page.getByRole("group", { name: "Teams", exact: true });
  await teams.getByRole("checkbox", { name: first.name, exact: true }).check();
  await teams.getByRole("checkbox", { name: second.name, exact: true }).check();
  await page.getByRole("button", { name: "Vergelijk" }).click();
  await expect(page).toHaveURL(/\/teams\/vergelijken\?.*team=/);
  await expect(page.getByRole("heading", { level: 2, name: "Vergelijking" })).toBeVisible();

  // One radar with both teams as series (and the norm: the same round for both).
  const radar = page.locator("figure.radar");
  await expect(radar).toHaveCount(1);
  await expect(radar.locator("svg.recharts-surface")).toBeVisible();
  const legend = radar.locator(".radar__legend li");
  await expect(legend).toHaveCount(3);
  await expect(legend.nth(0)).toContainText(first.name);
  await expect(legend.nth(1)).toContainText(second.name);
  await expect(legend.nth(2)).toContainText("Organisatienorm");
  const html = await (await page.request.get(page.url())).text();
  expect(html).toContain("recharts-radar-polygon");

  // Side by side: every number is the one the team profile shows.
  expectSameFigures(firstProfile, await comparisonColumn(page, first.id), secondProfile);
  expectSameFigures(secondProfile, await comparisonColumn(page, second.id), firstProfile);
  await expectAxeClean(page);
  await expectFitsNarrowScreen(page);

  // The CSV link downloads a spreadsheet.
  const href = await page
    .getByRole("link", { name: "Download als CSV (spreadsheet)" })
    .getAttribute("href");
  expect(href).toMatch(/^\/teams\/vergelijken\.csv\?/);
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="teamvergelijking-/);
  const csvText = await csv.text();
  expect(csvText).toContain(`${first.name}: gemiddelde`);
  expect(csvText).toContain(`${second.name}: gemiddelde`);

  // Without JavaScript, with the same session: the form and the comparison still work.
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  try {
    const plain = await noJs.newPage();
    await plain.goto("/teams/vergelijken");
    const group = plain.getByRole("group", { name: "Teams", exact: true });
    await group.getByRole("checkbox", { name: first.name, exact: true }).check();
    await plain.getByRole("button", { name: "Vergelijk" }).click();
    // One team: the form again, with the message.
    await expect(plain.getByRole("alert")).toContainText("Kies minstens twee teams");
    await plain
      .getByRole("group", { name: "Teams", exact: true })
      .getByRole("checkbox", { name: second.name, exact: true })
      .check();
    await plain.getByRole("button", { name: "Vergelijk" }).click();
    await expect(plain.getByRole("heading", { level: 2, name: "Vergelijking" })).toBeVisible();
    await expect(plain.locator("figure.radar svg.recharts-surface")).toBeVisible();
    expectSameFigures(firstProfile, await comparisonColumn(plain, first.id), secondProfile);
  } finally {
    await noJs.close();
  }
});

test("a team lead of two teams opens their team profile and compares it with their other team", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const demo = await demoOrganisation();
  const lead = demo.people.find(
    (person) =>
      !person.isHrAdmin &&
      demo.teams.filter((team) => team.leadId === person.id && team.parentId).length === 2,
  );
  expect(lead, "the demo has a team lead of two teams").toBeDefined();
  const [own, other] = demo.teams
    .filter((team) => team.leadId === lead!.id)
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  await demoSignIn(page, lead!);

  // From Mijn Rondom to the profile of their team.
  await page.goto("/mijn");
  await page.getByRole("link", { name: `Teamprofiel van ${own!.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Teamprofiel: ${own!.name}`);
  await expect(page.locator("figure svg.recharts-surface").first()).toBeVisible();
  const ownProfile = await profileRows(page);
  await page.goto(`/teams/${other!.id}/profiel`);
  const otherProfile = await profileRows(page);

  // The profile's link opens the comparison; they tick both of their teams.
  await page.goto(`/teams/${own!.id}/profiel`);
  await page.getByRole("link", { name: "Teams vergelijken" }).click();
  const teams = page.getByRole("group", { name: "Teams", exact: true });
  await expect(teams.getByRole("checkbox")).toHaveCount(2);
  await teams.getByRole("checkbox", { name: own!.name, exact: true }).check();
  await teams.getByRole("checkbox", { name: other!.name, exact: true }).check();
  await page.getByRole("button", { name: "Vergelijk" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Vergelijking" })).toBeVisible();
  const radar = page.locator("figure.radar");
  await expect(radar).toHaveCount(1);
  await expect(radar.locator(".radar__legend li").nth(0)).toContainText(own!.name);
  await expect(radar.locator(".radar__legend li").nth(1)).toContainText(other!.name);
  expectSameFigures(ownProfile, await comparisonColumn(page, own!.id), otherProfile);
  expectSameFigures(otherProfile, await comparisonColumn(page, other!.id), ownProfile);
  await expectAxeClean(page);
});

test("a plain team lead sees only their own team, opens its profile, and gets 404 for another", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const demo = await demoOrganisation();
  const { lead, team } = plainLead(demo);
  const other = demo.teams.find((candidate) => candidate.id !== team.id && candidate.parentId)!;
  await demoSignIn(page, lead);

  await page.goto("/teams");
  const profileLinks = page.getByRole("link", { name: /^Teamprofiel van / });
  await expect(profileLinks).toHaveCount(1);
  await expect(profileLinks).toHaveAccessibleName(`Teamprofiel van ${team.name}`);
  await profileLinks.click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.id}/profiel`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Teamprofiel: ${team.name}`);
  await expect(page.getByRole("table", { name: /Teamgemiddelde per competentie/ })).toBeVisible();

  const response = await page.goto(`/teams/${other.id}/profiel`);
  expect(response?.status()).toBe(404);
  const comparison = await page.goto(`/teams/vergelijken?team=${team.id}&team=${other.id}`);
  expect(comparison?.status()).toBe(404);
});
