import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { demoOrganisation, demoSignIn } from "./support/accounts";
import { expectAxeClean, expectFitsNarrowScreen } from "./support/page-checks";
import { waitForHydration, withDb } from "./support/rater";

// HR imports people from a CSV file through the browser, and edits people and teams by hand.
// The e2e run shares one demo database with other tests, so everything made here is unique
// to this run and chosen not to disturb them: English-speaking (the tests that pick Dutch demo
// people never see them), addresses that sort after every demo address, last names no demo
// person has, and new teams only. Nobody is deactivated.

test.describe.configure({ timeout: 90_000 });

interface ImportFixture {
  suffix: string;
  department: string;
  team: string;
  people: { number: string; firstName: string; lastName: string; email: string }[];
  csv: string;
}

function importFixture(): ImportFixture {
  const suffix = randomBytes(3).toString("hex");
  const department = `E2E Afdeling ${suffix}`;
  const team = `E2E Team ${suffix}`;
  const people = ["Anouk", "Bram", "Céline"].map((firstName, index) => ({
    number: `e2e-${suffix}-${index + 1}`,
    firstName,
    lastName: `Importtest-${suffix}`,
    email: `zz-e2e-${suffix}-${index + 1}@import.example`,
  }));
  const [lead, member, departmentLead] = people as [
    ImportFixture["people"][number],
    ImportFixture["people"][number],
    ImportFixture["people"][number],
  ];
  const csv = [
    "Personeelsnummer;Voornaam;Achternaam;E-mailadres;Afdeling;Leidinggevende;Rol;Taal",
    `${lead.number};${lead.firstName};${lead.lastName};${lead.email};${department} > ${team};${lead.number};;English`,
    `${member.number};${member.firstName};${member.lastName};${member.email};${department} > ${team};${lead.email};medewerker;en`,
    `${departmentLead.number};${departmentLead.firstName};${departmentLead.lastName};${departmentLead.email};${department};${departmentLead.number};;Engels`,
    "",
  ].join("\r\n");
  return { suffix, department, team, people, csv };
}

async function signInAsHr(page: Page) {
  const demo = await demoOrganisation();
  await demoSignIn(page, demo.hrAdmin);
}

async function expectHeading(page: Page, text: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

/** Uploads the file on the import page and waits for its preview. */
async function uploadFile(page: Page, fixture: ImportFixture) {
  await page.goto("/beheer/mensen/importeren");
  await waitForHydration(page);
  await page.getByLabel("CSV-bestand").setInputFiles({
    name: `personeel-${fixture.suffix}.csv`,
    mimeType: "text/csv",
    // Excel's "CSV UTF-8": with a byte order mark.
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixture.csv, "utf8")]),
  });
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  await expect(page).toHaveURL(/\/beheer\/mensen\/importeren\/[\w-]+$/);
  await expectHeading(page, "Wat deze import verandert");
}

/**
 * Clicks "Importeren". Other tests may add people meanwhile; the page then shows the updated
 * preview with a notice, and the click is repeated (as HR would).
 */
async function applyPreview(page: Page) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.getByRole("button", { name: "Importeren", exact: true }).click();
    // The notice leaves the address once shown, so the page's status says where it landed.
    const applied = page.getByRole("status").filter({ hasText: "De import is verwerkt." });
    const stale = page.getByRole("status").filter({ hasText: "De gegevens zijn veranderd" });
    await expect(applied.or(stale)).toBeVisible();
    if (await applied.isVisible()) return;
  }
  throw new Error("the import stayed stale three times");
}

async function activeDemoCount(organisationId: string) {
  return withDb(async (db) => {
    const row = await db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", organisationId)
      .where("is_active", "=", 1)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}

test("HR uploads a CSV file, checks the preview and applies it", async ({ page }) => {
  const fixture = importFixture();
  const demo = await demoOrganisation();
  await signInAsHr(page);

  await page.goto("/beheer/mensen/importeren");
  await expectHeading(page, "Medewerkers importeren");
  await expect(page.getByRole("table", { name: "Kolommen" })).toBeVisible();
  await test.step("import page: 320 px and axe", async () => {
    await expectFitsNarrowScreen(page);
    await expectAxeClean(page);
  });

  await uploadFile(page, fixture);
  const rows = page.getByRole("table", { name: "Uitkomst per regel" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const person of fixture.people) {
    const row = rows.filter({ hasText: person.number });
    await expect(row).toContainText("Nieuw");
    await expect(row).toContainText(`${person.firstName} ${person.lastName}`);
  }
  await expect(page.getByText(`${fixture.team} (onder ${fixture.department})`)).toBeVisible();
  // Every active demo person is offered for deactivation, and none is ticked.
  const offered = page.getByRole("group", { name: /Niet in het bestand/ }).getByRole("checkbox");
  await expect(offered.first()).toBeVisible();
  expect(await offered.count()).toBeGreaterThan(10);
  const ticked = await offered.evaluateAll(
    (boxes) => boxes.filter((box) => (box as HTMLInputElement).checked).length,
  );
  expect(ticked, "no demo person is ticked for deactivation").toBe(0);
  await test.step("preview: 320 px and axe", async () => {
    await expectFitsNarrowScreen(page);
    await expectAxeClean(page);
  });

  const activeBefore = await activeDemoCount(demo.id);
  await applyPreview(page);
  await expect(
    page.getByRole("status").filter({ hasText: "De import is verwerkt." }),
  ).toContainText("Nieuw: 3.");
  expect(await activeDemoCount(demo.id)).toBe(activeBefore + 3);
  // The whole list (every demo person and the new ones) fits a 320 px screen.
  await test.step("people list: 320 px", () => expectFitsNarrowScreen(page));

  await page.getByLabel("Zoeken").fill(fixture.suffix);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(new RegExp(`zoek=${fixture.suffix}`));
  const found = page.getByRole("table", { name: "Medewerkers" }).locator("tbody tr");
  await expect(found).toHaveCount(3);
  await test.step("axe on the people list", () => expectAxeClean(page));

  const [lead] = fixture.people;
  await page.getByRole("link", { name: `${lead!.firstName} ${lead!.lastName}` }).click();
  await expectHeading(page, `${lead!.firstName} ${lead!.lastName}`);
  await expect(page.getByLabel("Personeelsnummer")).toHaveValue(lead!.number);
  await expect(page.getByText(`leidinggevende van ${fixture.team}`)).toBeVisible();
  await test.step("person page: 320 px and axe", async () => {
    await expectFitsNarrowScreen(page);
    await expectAxeClean(page);
  });

  await page.goto("/beheer/teams");
  const teamRow = page.getByRole("row").filter({ hasText: fixture.team });
  await expect(teamRow).toContainText(fixture.department);
  await expect(teamRow).toContainText(`${lead!.firstName} ${lead!.lastName}`);
  await test.step("team list: 320 px and axe", async () => {
    await expectFitsNarrowScreen(page);
    await expectAxeClean(page);
  });
  await teamRow.getByRole("link", { name: fixture.team }).click();
  await expectHeading(page, `Team ${fixture.team}`);
  await expect(page.getByLabel("Valt onder")).toHaveValue(/.+/);
  await test.step("team page: 320 px and axe", async () => {
    await expectFitsNarrowScreen(page);
    await expectAxeClean(page);
  });

  // The same file again: nothing changes.
  await uploadFile(page, fixture);
  await expect(page.getByRole("table", { name: "Uitkomst per regel" })).not.toContainText("Nieuw");
  await expect(
    page.getByRole("table", { name: "Uitkomst per regel" }).getByText("Ongewijzigd"),
  ).toHaveCount(3);
});

test("a file with a mistake shows the reason and cannot be applied", async ({ page }) => {
  const fixture = importFixture();
  await signInAsHr(page);
  await page.goto("/beheer/mensen/importeren");
  await waitForHydration(page);

  // Neither a file nor text: the form says so before anything is sent.
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  await expect(page.getByRole("region", { name: "Controleer het formulier" })).toContainText(
    "Kies een bestand of plak de inhoud ervan.",
  );
  await expectAxeClean(page);

  const broken = fixture.csv.replace(fixture.people[1]!.email, "geen-adres");
  await page.getByLabel("Of plak de inhoud van het bestand").fill(broken);
  await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
  await expectHeading(page, "Wat deze import verandert");
  const errorRow = page.getByRole("table", { name: "Uitkomst per regel" }).locator("tbody tr", {
    hasText: "Fout",
  });
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow).toContainText("3");
  await expect(errorRow).toContainText("Vul een geldig e-mailadres in");
  await expect(page.getByRole("button", { name: "Importeren", exact: true })).toHaveCount(0);
  await expectAxeClean(page);
});

test("HR adds a person and a team by hand, with the form's errors in between", async ({ page }) => {
  const fixture = importFixture();
  await signInAsHr(page);
  await page.goto("/beheer/mensen/nieuw");
  await waitForHydration(page);
  await expectHeading(page, "Medewerker toevoegen");

  await page.getByLabel("Personeelsnummer").fill(`${fixture.people[0]!.number}-hand`);
  await page.getByLabel("Voornaam").fill("Handmatig");
  await page.getByLabel("Achternaam").fill(`Toegevoegd-${fixture.suffix}`);
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByLabel("Taal").selectOption("en");
  await page.getByRole("button", { name: "Medewerker toevoegen" }).click();
  // The error shows next to the field, and as a link to it in the summary above the form.
  await expect(
    page.locator(".field-error").getByText("Vul een geldig e-mailadres in"),
  ).toBeVisible();
  await expect(
    page.getByRole("link", { name: /^E-mailadres: Vul een geldig e-mailadres in/ }),
  ).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
  await expectAxeClean(page);

  await page.getByLabel("E-mailadres").fill(`zz-e2e-${fixture.suffix}-hand@import.example`);
  await page.getByRole("button", { name: "Medewerker toevoegen" }).click();
  await expect(page).toHaveURL(/\/beheer\/mensen\/(?!nieuw)[\w-]+(\?melding=opgeslagen)?$/);
  await expect(page.getByRole("status")).toHaveText("De gegevens zijn opgeslagen.");
  await expectHeading(page, `Handmatig Toegevoegd-${fixture.suffix}`);

  await page.goto("/beheer/teams/nieuw");
  await waitForHydration(page);
  await page.getByLabel("Naam").fill(`${fixture.team} > fout`);
  await page.getByRole("button", { name: "Team toevoegen" }).click();
  await expect(
    page.locator(".field-error").getByText("Een teamnaam mag geen > bevatten."),
  ).toBeVisible();
  await expectAxeClean(page);
  await page.getByLabel("Naam").fill(fixture.team);
  await page.getByRole("button", { name: "Team toevoegen" }).click();
  await expect(page).toHaveURL(/\/beheer\/teams\/(?!nieuw)[\w-]+(\?melding=opgeslagen)?$/);
  await expectHeading(page, `Team ${fixture.team}`);
  await expectAxeClean(page);
});
