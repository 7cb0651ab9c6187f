import { expect, test, type Page } from "@playwright/test";
import {
  createInvitations,
  formPath,
  introPath,
  pick,
  quickAnswerItems,
  range,
  ITEM_COUNT,
} from "./support/rater";

// A real Chromium without JavaScript, as a rater would use it: the pages' referrer policy
// must not make the browser send `Origin: null`, which Remix refuses for form posts.

function postResponse(page: Page) {
  return page.waitForResponse((response) => response.request().method() === "POST");
}

test("without JavaScript, a real browser can save, send and decline (form POSTs are not refused)", async ({
  browser,
}) => {
  const fixture = await createInvitations();
  const context = await browser.newContext({ javaScriptEnabled: false });
  // A fresh page per step: after a refused POST the old page may still be navigating.
  let page = await context.newPage();

  // Save a draft.
  const saver = pick(fixture, "customer");
  await page.goto(formPath(saver));
  await quickAnswerItems(page, [0, 1]);
  const [saved] = await Promise.all([
    postResponse(page),
    page.getByRole("button", { name: "Opslaan en later verder" }).click(),
  ]);
  expect(saved.status(), "status of the save POST").toBe(302);

  // Decline.
  const decliner = pick(fixture, "manager");
  page = await context.newPage();
  await page.goto(`${introPath(decliner)}/afzeggen`);
  await page.getByLabel("Reden (optioneel)").fill("Geen tijd.");
  const [declined] = await Promise.all([
    postResponse(page),
    page.getByRole("button", { name: "Afzeggen" }).click(),
  ]);
  expect(declined.status(), "status of the decline POST").toBe(302);

  // Send a complete survey.
  const sender = pick(fixture, "colleague");
  page = await context.newPage();
  await page.goto(formPath(sender));
  await quickAnswerItems(page, range(0, ITEM_COUNT));
  const [sent] = await Promise.all([
    postResponse(page),
    page.getByRole("button", { name: "Versturen", exact: true }).click(),
  ]);
  expect(sent.status(), "status of the submit POST").toBe(302);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!", {
    timeout: 2000,
  });
  await context.close();
});
