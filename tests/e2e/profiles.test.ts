import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { newId } from "../../db/ids";
import { baseURL, demoOrganisation, demoSignIn } from "./support/accounts";
import { expectAxeClean, expectFitsNarrowScreen } from "./support/page-checks";
import { withDb } from "./support/rater";

// Every function its own profile, in the demo municipality: HR pastes a profile into the
// library, links its shared competencies, edits it in the browser and saves a new version;
// HR gives a participant of a draft round another profile without JavaScript. (A round
// mixing profiles, its reports and the mixed team profile: the whole-cycle e2e, which runs
// from an empty database.)

const PUBLISHED_PROFILE = readFileSync(
  path.resolve("tests/support/fixtures/profiles/competentieprofiel-toepassing-beleid.txt"),
  "utf8",
);

async function hrAdmin() {
  const demo = await demoOrganisation();
  const hr = demo.people.find((person) => person.isHrAdmin);
  if (!hr) throw new Error("the demo has no HR admin");
  return { demo, hr };
}

test("HR pastes a profile into the library, links a shared competency, saves and exports it", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { hr } = await hrAdmin();
  await demoSignIn(page, hr);
  const suffix = randomBytes(3).toString("hex");
  const name = `Competentieprofiel Beleidsadviseur ${suffix}`;

  await page.goto("/beheer/profielen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profielbibliotheek");
  await expect(page.getByRole("link", { name: "Competentieprofiel Projectleider" })).toBeVisible();
  await expectAxeClean(page);
  await expectFitsNarrowScreen(page, { axe: true });

  await page.getByRole("link", { name: "Profiel importeren" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profiel importeren");
  // As the website words it today: one indicator of Communiceren says it a little otherwise.
  const pasted = PUBLISHED_PROFILE.replace(
    "maakt duidelijke afspraken met gesprekspartners",
    "maakt heldere afspraken met gesprekspartners",
  );
  await page.getByLabel("Of plak de tekst van het profiel").fill(pasted);
  await page.getByLabel("Naam van het profiel").fill(name);
  await page.getByRole("button", { name: "Bekijk het profiel" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profiel controleren");
  const link = page.getByRole("checkbox", { name: "Koppel aan “Communiceren” uit de bibliotheek" });
  await expect(link).toBeChecked();
  await expectAxeClean(page);
  await expectFitsNarrowScreen(page, { axe: true });
  await page.getByRole("button", { name: "Opslaan" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Het profiel staat in de bibliotheek als versie 1." }),
  ).toBeVisible();
  await expectAxeClean(page);
  const profilePath = new URL(page.url()).pathname;
  const exported = await page.request.get(`${baseURL}${profilePath}.md`);
  expect(exported.status()).toBe(200);
  const markdown = await exported.text();
  // Linked: the library's wording of Communiceren, not the pasted one.
  expect(markdown).toContain("maakt duidelijke afspraken met gesprekspartners {#communiceren-2}");
  expect(markdown).not.toContain("maakt heldere afspraken");

  // HR edits it in the browser: moves a competency, adds one, reviews the changes, saves.
  // (Only what is this profile's own: the shared competencies would change the demo's
  // other profiles, which other tests read.)
  await page.getByRole("link", { name: "Bewerken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} bewerken`);
  await expectAxeClean(page);
  await expectFitsNarrowScreen(page, { axe: true });
  const firstCluster = page.getByRole("group", { name: /^Cluster 1 / });
  const firstNames = firstCluster.getByLabel("Naam", { exact: true });
  const second = await firstNames.nth(1).inputValue();
  await page.getByRole("button", { name: `Omhoog: competentie ${second}` }).click();
  await expect(firstNames.first()).toHaveValue(second);
  // Focus stays with the competency that moved (its other button, now it is at the top).
  await expect(page.getByRole("button", { name: `Omlaag: competentie ${second}` })).toBeFocused();
  await firstCluster.getByRole("button", { name: /^Competentie toevoegen/ }).click();
  const added = firstCluster.getByRole("group", { name: /\(nieuw\)$/ });
  await expect(added.getByLabel("Naam", { exact: true })).toBeFocused();
  await added.getByLabel("Naam", { exact: true }).fill("Kennis van de regio");
  await added
    .getByLabel("Gedragsindicator 1", { exact: true })
    .fill("kent de gemeenten in de regio en hun beleid");
  await page.getByRole("button", { name: "Wijzigingen bekijken" }).first().click();

  const review = page.getByRole("region", { name: "Wijzigingen ten opzichte van versie 1" });
  await expect(review).toBeVisible();
  await expect(review.getByText(/^Nieuwe competentie in /)).toBeVisible();
  await expect(review.getByText(/^Staat op een andere plaats in /)).toBeVisible();
  await expect(review.getByText("Ook in andere profielen")).toHaveCount(0);
  await expectAxeClean(page);
  await review.getByRole("button", { name: "Opslaan als nieuwe versie" }).click();

  await expect(
    page.getByRole("status").filter({ hasText: "Opgeslagen als versie 2." }),
  ).toBeVisible();
  const edited = await (await page.request.get(`${baseURL}${profilePath}.md`)).text();
  expect(edited).toContain("## Kennis van de regio {#kennis-van-de-regio}");
  expect(edited.indexOf(`## ${second}`)).toBeLessThan(edited.indexOf("## Kennis van de klant"));
});

test("without JavaScript, HR gives a participant of a draft round another profile", async ({
  browser,
}) => {
  const { demo, hr } = await hrAdmin();
  const person = demo.people.find((candidate) => !candidate.isHrAdmin && candidate.teamId)!;
  const name = person.name;
  const cycleId = newId();
  await withDb(async (db) => {
    const now = new Date().toISOString();
    await db
      .insertInto("cycle")
      .values({
        id: cycleId,
        organisation_id: demo.id,
        name: `Profielen e2e ${cycleId.slice(0, 6)}`,
        profile_key: "toepassing-beleid",
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("participant")
      .values({ id: newId(), cycle_id: cycleId, person_id: person.id, created_at: now })
      .execute();
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await demoSignIn(page, hr);
  await page.goto(`/beheer/rondes/${cycleId}/deelnemers`);
  await page.getByLabel(`Profiel van ${name}`).selectOption({
    label: "Competentieprofiel Projectleider",
  });
  await page.getByRole("button", { name: `Wijzig ${name}` }).click();
  await expect(page.getByText("Het profiel van de deelnemer is gewijzigd.")).toBeVisible();
  await expect(page.getByLabel(`Profiel van ${name}`)).toHaveValue("projectleider");
  await context.close();

  // axe runs in the page, so it looks at the same page with JavaScript.
  const withScripts = await browser.newContext();
  const checked = await withScripts.newPage();
  await demoSignIn(checked, hr);
  await checked.goto(`/beheer/rondes/${cycleId}/deelnemers`);
  await expect(checked.getByLabel(`Profiel van ${name}`)).toHaveValue("projectleider");
  await expectAxeClean(checked);
  await withScripts.close();
});
