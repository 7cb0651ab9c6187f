import { expect, test } from "@playwright/test";
import {
  createInvitations,
  expectNoAxeViolations,
  formPath,
  introPath,
  ITEM_COUNT,
  pick,
  quickAnswerItems,
  range,
  waitForHydration,
} from "./support/rater";

test("axe: intro pages, the decline page, the declined state and an unknown link (404)", async ({
  page,
}) => {
  const fixture = await createInvitations();
  const colleague = pick(fixture, "colleague");

  await page.goto(introPath(colleague));
  await expect(page.getByRole("heading", { name: "Wie ziet wat?" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(introPath(pick(fixture, "self")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw zelfbeoordeling");
  await expectNoAxeViolations(page);

  await page.goto(`${introPath(colleague)}/afzeggen`);
  await waitForHydration(page, "form#afzeggen");
  await expect(page.getByLabel("Reden (optioneel)")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Afzeggen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("U heeft afgezegd");
  await expectNoAxeViolations(page);

  // A well-formed token that matches no invitation, and one that cannot be a token at all.
  const unknown = `/uitnodiging/${"A".repeat(43)}`;
  for (const path of [unknown, "/uitnodiging/bestaat-niet"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link werkt niet");
  }
  expect((await page.goto(`${unknown}/vragenlijst`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deze link werkt niet");
  await expectNoAxeViolations(page);
});

// axe on the full questionnaire (37 radio groups, ~250 controls) takes several seconds.
test("axe: the questionnaire", async ({ page }) => {
  test.setTimeout(60_000);
  const fixture = await createInvitations();
  await page.goto(formPath(pick(fixture, "manager")));
  await waitForHydration(page, "form#vragenlijst");
  await expect(page.getByText("0 van 37 vragen beantwoord")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("axe: the questionnaire with the error summary after a failed submit", async ({ page }) => {
  test.setTimeout(60_000);
  const fixture = await createInvitations();
  await page.goto(formPath(pick(fixture, "colleague")));
  await waitForHydration(page, "form#vragenlijst");
  await quickAnswerItems(page, range(0, 20));
  await page.getByRole("button", { name: "Versturen", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Er ontbreekt nog iets (17)" })).toBeVisible();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expectNoAxeViolations(page);
});

test("axe: the thank-you page and the 'already completed' page", async ({ page }) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "customer");
  await page.goto(formPath(invitation));
  await waitForHydration(page, "form#vragenlijst");
  await quickAnswerItems(page, range(0, ITEM_COUNT));
  await page.getByRole("button", { name: "Versturen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  await expectNoAxeViolations(page);

  await page.goto(introPath(invitation));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Al ingevuld, dank u");
  await expectNoAxeViolations(page);
});
