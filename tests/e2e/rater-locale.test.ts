import { expect, test } from "@playwright/test";
import {
  answerItems,
  COMPETENCY_COUNT,
  createInvitations,
  expectNoAxeViolations,
  formPath,
  introPath,
  ITEM_COUNT,
  pick,
  quickAnswerItems,
  range,
  ratingGroups,
  responsesFor,
  SCALE_EN,
  waitForHydration,
  withDb,
} from "./support/rater";

const FIRST_INDICATOR = "kent de klantengroepen, de kenmerken, de vragen, behoeften en wensen";

test("the self-assessment speaks to the rater in the first person", async ({ page }) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "self");

  await page.goto(introPath(invitation));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw zelfbeoordeling");
  await expect(page.getByText("In de Feedbackronde test beoordeelt u uzelf")).toBeVisible();
  await expect(
    page.getByText("Uw zelfbeoordeling komt in uw eigen rapport, naast het gemiddelde oordeel"),
  ).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Feedback voor");

  await page.getByRole("link", { name: "Beginnen" }).click();
  await expect(page).toHaveURL(new RegExp(`${formPath(invitation)}$`));
  await waitForHydration(page, "form#vragenlijst");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uw zelfbeoordeling");
  await expect(page.getByText("Geef bij elk gedrag aan hoe vaak u het laat zien.")).toBeVisible();
  await expect(page.getByText("In hoeverre laat u dit gedrag zien?", { exact: true })).toHaveCount(
    COMPETENCY_COUNT,
  );
  await expect(page.locator("main")).not.toContainText("Deelnemer0");

  await quickAnswerItems(page, range(0, ITEM_COUNT));
  await page.getByRole("button", { name: "Versturen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  await expect(
    page.getByText("Uw zelfbeoordeling voor de Feedbackronde test is verstuurd."),
  ).toBeVisible();
  const responses = await responsesFor(invitation.participantId, "self");
  expect(responses).toHaveLength(1);
  expect(responses[0]!.ratings).toHaveLength(ITEM_COUNT);
});

test("an invitation in English shows English pages; the indicator texts stay Dutch", async ({
  page,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "colleague");
  await withDb((db) =>
    db.updateTable("invitation").set({ locale: "en" }).where("id", "=", invitation.id).execute(),
  );

  // The browser asks for Dutch (nl-NL); the invitation's language wins.
  await page.goto(introPath(invitation));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback for Deelnemer0 Test");
  await expect(page.getByRole("heading", { name: "Who sees what?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "I would rather not give feedback" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Start", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`${formPath(invitation)}$`));
  await waitForHydration(page, "form#vragenlijst");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback for Deelnemer0 Test");
  await expect(page.getByText("0 of 37 questions answered")).toBeVisible();
  await expect(
    page.getByText("To what extent does Deelnemer0 show this behaviour?", { exact: true }),
  ).toHaveCount(COMPETENCY_COUNT);
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save and continue later" })).toBeVisible();

  // Profile texts are Dutch and marked as such.
  const first = page.getByRole("group", { name: FIRST_INDICATOR });
  await expect(first).toBeVisible();
  await expect(first.locator("legend")).toHaveAttribute("lang", "nl");
  await expect(
    page.getByRole("heading", { level: 2, name: "Kennis van de klant" }),
  ).toHaveAttribute("lang", "nl");
  for (const name of SCALE_EN) {
    await expect(first.getByRole("radio", { name, exact: true })).toBeVisible();
  }

  await answerItems(page, [0, 1], undefined, SCALE_EN);
  await quickAnswerItems(page, range(2, ITEM_COUNT - 1));
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Something is still missing (1)" })).toBeVisible();
  await expect(ratingGroups(page).nth(ITEM_COUNT - 1)).toContainText(
    "Choose an answer, or ‘not able to judge’.",
  );
  await answerItems(page, [ITEM_COUNT - 1], () => 5, SCALE_EN);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you!");
  await expect(page.getByText("Your feedback for Deelnemer0 has been sent.")).toBeVisible();
  expect(await responsesFor(invitation.participantId, "colleague")).toHaveLength(1);
});

test("in English, the scale labels are marked as English, not as Dutch (WCAG 3.1.2)", async ({
  page,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "customer");
  await withDb((db) =>
    db.updateTable("invitation").set({ locale: "en" }).where("id", "=", invitation.id).execute(),
  );
  await page.goto(formPath(invitation));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const languages = await ratingGroups(page)
    .first()
    .locator("label")
    .evaluateAll((labels) =>
      labels.map((label) => {
        const text = label.querySelector(".choice__label");
        return `${text?.textContent}: ${text?.closest("[lang]")?.getAttribute("lang")}`;
      }),
    );
  expect(languages).toEqual([
    "(almost) never: en",
    "sometimes: en",
    "regularly: en",
    "often: en",
    "(almost) always: en",
    "not able to judge: en",
  ]);
});
