import { expect, test } from "@playwright/test";
import {
  checkedValues,
  competencyIdOf,
  createInvitations,
  expectNoHorizontalScroll,
  formPath,
  introPath,
  ITEM_COUNT,
  pick,
  quickAnswerItems,
  range,
  ratingGroups,
  responsesFor,
  SCALE_NL,
  waitForHydration,
} from "./support/rater";

test("keyboard only: Tab between items, arrow keys to choose, type a comment, Enter to send", async ({
  page,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "colleague");
  await page.goto(formPath(invitation));
  await waitForHydration(page, "form#vragenlijst");

  let items = 0;
  let commentCompetency: string | null = null;
  let reachedSubmit = false;
  for (let step = 0; step < 120 && !reachedSubmit; step++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      const focusVisible = element?.matches(":focus-visible") ?? false;
      return {
        tag: element?.tagName ?? "",
        type: element?.type ?? "",
        name: element?.name ?? "",
        text: element?.textContent?.trim() ?? "",
        checked: element?.checked ?? false,
        outline: element ? getComputedStyle(element).outlineStyle : "none",
        focusVisible,
      };
    });
    if (focused.type === "radio") {
      // Tab lands on the first radio of an unanswered item; nothing is chosen yet.
      expect(focused.checked).toBe(false);
      expect(focused.focusVisible).toBe(true);
      expect(focused.outline).not.toBe("none");
      // 1..5 presses: "2 soms" … "kan ik niet beoordelen".
      const presses = 1 + (items % 5);
      for (let press = 0; press < presses; press++) await page.keyboard.press("ArrowDown");
      items += 1;
    } else if (focused.tag === "TEXTAREA" && commentCompetency === null) {
      await page.keyboard.type("Geeft heldere uitleg.");
      commentCompetency = await competencyIdOf(page.locator("textarea:focus"));
    } else if (focused.tag === "BUTTON" && focused.text === "Versturen") {
      expect(focused.focusVisible).toBe(true);
      reachedSubmit = true;
    }
  }
  expect(items).toBe(ITEM_COUNT);
  expect(reachedSubmit).toBe(true);
  await expect(page.getByText("37 van 37 vragen beantwoord")).toBeVisible();
  const choices = await checkedValues(page);
  // Item i got 1 + (i % 5) presses of ArrowDown from the first radio: "2" … "5", then "na".
  expect(Object.values(choices)).toEqual(
    Array.from({ length: ITEM_COUNT }, (_, index) =>
      index % 5 === 4 ? "na" : String(2 + (index % 5)),
    ),
  );

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}/bedankt$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");

  const responses = await responsesFor(invitation.participantId, "colleague");
  expect(responses).toHaveLength(1);
  const stored = Object.fromEntries(
    responses[0]!.ratings.map((rating) => [
      `ratings.${rating.indicator_id}`,
      rating.score === null ? "na" : String(rating.score),
    ]),
  );
  expect(stored).toEqual(choices);
  expect(responses[0]!.comments).toEqual([
    { question: "competency", competency_id: commentCompetency, text: "Geeft heldere uitleg." },
  ]);
});

test("at 320 px wide: no horizontal scrolling, and the radios can be tapped and sent", async ({
  browser,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "customer");
  const context = await browser.newContext({
    viewport: { width: 320, height: 640 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();

  await page.goto(introPath(invitation));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback voor Deelnemer0 Test");
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: "Beginnen" }).tap();
  await expect(page).toHaveURL(new RegExp(`${formPath(invitation)}$`));
  await waitForHydration(page, "form#vragenlijst");
  await expectNoHorizontalScroll(page);

  // Every choice of an item fits in the viewport and is a reasonable touch target.
  const boxes = await ratingGroups(page)
    .first()
    .locator("label")
    .evaluateAll((labels) =>
      labels.map((label) => {
        const box = label.getBoundingClientRect();
        return { left: box.left, right: box.right, height: box.height, width: box.width };
      }),
    );
  expect(boxes).toHaveLength(6);
  for (const box of boxes) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(320);
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.width).toBeGreaterThanOrEqual(24);
  }

  // Tap each kind of answer on its visible label (the way a thumb does it), then fill the rest.
  const groups = ratingGroups(page);
  for (let index = 0; index < SCALE_NL.length; index++) {
    const choice = SCALE_NL[index]!;
    await groups
      .nth(index)
      .locator("label")
      .filter({ hasText: choice.replace(/^\d /, "") })
      .tap();
    await expect(groups.nth(index).getByRole("radio", { name: choice, exact: true })).toBeChecked();
  }
  await quickAnswerItems(page, range(SCALE_NL.length, ITEM_COUNT - 1));
  await expect(page.getByText("36 van 37 vragen beantwoord")).toBeVisible();
  await page.getByRole("button", { name: "Versturen", exact: true }).tap();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Er ontbreekt nog iets (1)" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  await groups
    .nth(ITEM_COUNT - 1)
    .getByRole("radio", { name: "3 regelmatig" })
    .tap();
  await page.getByRole("button", { name: "Versturen", exact: true }).tap();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  await expectNoHorizontalScroll(page);
  expect(await responsesFor(invitation.participantId, "customer")).toHaveLength(1);
  await context.close();
});
