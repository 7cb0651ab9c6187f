import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  answerItems,
  quickAnswerItems,
  checkedValues,
  COMPETENCY_COUNT,
  createInvitations,
  draftRow,
  formPath,
  introPath,
  invitationRow,
  ITEM_COUNT,
  pick,
  range,
  ratingGroups,
  REQUIRED_NL,
  responsesFor,
  competencyIdOf,
  waitForHydration,
} from "./support/rater";

/** The stored ratings must be exactly what the form showed as checked before sending. */
function expectRatingsMatch(
  ratings: { indicator_id: string; score: number | null }[],
  checked: Record<string, string>,
) {
  expect(ratings).toHaveLength(ITEM_COUNT);
  const stored = Object.fromEntries(
    ratings.map((rating) => [
      `ratings.${rating.indicator_id}`,
      rating.score === null ? "na" : String(rating.score),
    ]),
  );
  expect(stored).toEqual(checked);
}

const submitButton = (page: Page) => page.getByRole("button", { name: "Versturen", exact: true });

test("without JavaScript: missing answers are refused with errors, then the survey is sent", async ({
  browser,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "colleague");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto(introPath(invitation));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback voor Deelnemer0 Test");
  await expect(page.getByRole("heading", { name: "Wie ziet wat?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ik geef liever geen feedback" })).toBeVisible();
  await page.getByRole("link", { name: "Beginnen" }).click();
  await expect(page).toHaveURL(new RegExp(`${formPath(invitation)}$`));

  await expect(ratingGroups(page)).toHaveCount(ITEM_COUNT);
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(COMPETENCY_COUNT + 1);
  await expect(page.getByText("In hoeverre laat Deelnemer0 dit gedrag zien?")).toHaveCount(
    COMPETENCY_COUNT,
  );
  await expect(page.getByText("0 van 37 vragen beantwoord")).toBeVisible();

  const skipped = [2, 17, 36];
  const toAnswer = range(0, ITEM_COUNT).filter((index) => !skipped.includes(index));
  await answerItems(page, toAnswer.slice(0, 6));
  await quickAnswerItems(page, toAnswer.slice(6));
  const comment = page.getByLabel("Toelichting bij Kennis van de klant (optioneel)");
  await comment.fill("Weet goed wat er bij klanten speelt.");
  const commentCompetency = await competencyIdOf(comment);
  await page.getByLabel("Wat gaat goed?").fill("De samenwerking met het team.");
  const firstChoices = await checkedValues(page);
  expect(Object.keys(firstChoices)).toHaveLength(ITEM_COUNT - skipped.length);

  const [refused] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && response.url().includes("/vragenlijst"),
    ),
    submitButton(page).click(),
  ]);
  expect(refused.status()).toBe(400);

  // The summary names each competency with unanswered items and links to the first of them.
  const summary = page.locator(".error-summary");
  await expect(
    summary.getByRole("heading", { name: `Er ontbreekt nog iets (${skipped.length})` }),
  ).toBeVisible();
  const firstSkippedPerCompetency = new Map<string, { index: number; count: number }>();
  for (const index of skipped) {
    const competency = (await competencyNameOf(ratingGroups(page).nth(index)))!;
    const entry = firstSkippedPerCompetency.get(competency);
    if (entry) entry.count += 1;
    else firstSkippedPerCompetency.set(competency, { index, count: 1 });
  }
  const links = summary.getByRole("link");
  await expect(links).toHaveCount(firstSkippedPerCompetency.size);
  for (const [position, [competency, { index, count }]] of [
    ...firstSkippedPerCompetency.entries(),
  ].entries()) {
    await expect(links.nth(position)).toHaveText(
      `${competency}: ${count} ${count === 1 ? "vraag" : "vragen"} zonder antwoord`,
    );
    const target = (await links.nth(position).getAttribute("href"))!.slice(1);
    const firstRadio = ratingGroups(page).nth(index).getByRole("radio").first();
    await expect(firstRadio).toHaveAttribute("id", target);
  }
  // The message at each field, tied to its group.
  for (const index of skipped) {
    const group = ratingGroups(page).nth(index);
    await expect(group).toContainText(REQUIRED_NL);
    await expect(group).toHaveAccessibleDescription(REQUIRED_NL);
  }
  await expect(page.locator("form#vragenlijst").getByText(REQUIRED_NL)).toHaveCount(skipped.length);

  // Earlier choices and texts are kept.
  expect(await checkedValues(page)).toEqual(firstChoices);
  await expect(comment).toHaveValue("Weet goed wat er bij klanten speelt.");
  await expect(page.getByLabel("Wat gaat goed?")).toHaveValue("De samenwerking met het team.");
  await expect(page.getByText("34 van 37 vragen beantwoord")).toBeVisible();

  await answerItems(page, skipped, () => 5);
  const finalChoices = await checkedValues(page);
  expect(Object.keys(finalChoices)).toHaveLength(ITEM_COUNT);
  await submitButton(page).click();
  await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}/bedankt$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  await expect(page.getByText("Uw feedback voor Deelnemer0 is verstuurd.")).toBeVisible();

  const responses = await responsesFor(invitation.participantId, "colleague");
  expect(responses).toHaveLength(1);
  expectRatingsMatch(responses[0]!.ratings, finalChoices);
  // Sealed until the round closes: no row anyone can read, no date yet.
  expect(responses[0]!.state).toBe("sealed");
  expect(responses[0]!.comments).toEqual(
    expect.arrayContaining([
      {
        question: "competency",
        competency_id: commentCompetency,
        text: "Weet goed wat er bij klanten speelt.",
      },
      { question: "went_well", competency_id: null, text: "De samenwerking met het team." },
    ]),
  );
  expect(responses[0]!.comments).toHaveLength(2);
  expect((await invitationRow(invitation.id)).status).toBe("submitted");
  expect(await draftRow(invitation.id)).toBeUndefined();

  // The link now only says thank you, also for the form's own address.
  await page.goto(introPath(invitation));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Al ingevuld, dank u");
  await expect(page.getByRole("link", { name: "Beginnen" })).toHaveCount(0);
  await page.goto(formPath(invitation));
  await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Al ingevuld, dank u");
  expect(await responsesFor(invitation.participantId, "colleague")).toHaveLength(1);
  await context.close();
});

test("with JavaScript: validation runs in the page and focuses the error summary", async ({
  page,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "manager");
  const submitPosts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.postData()?.includes("intent=submit")) {
      submitPosts.push(request.url());
    }
  });

  await page.goto(formPath(invitation));
  await waitForHydration(page, "form#vragenlijst");
  await answerItems(page, range(0, 3));
  await quickAnswerItems(page, range(3, 30));
  await expect(page.getByText("30 van 37 vragen beantwoord")).toBeVisible();

  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  await submitButton(page).click();

  const summary = page.locator(".error-summary");
  await expect(summary.getByRole("heading", { name: "Er ontbreekt nog iets (7)" })).toBeVisible();
  // Items 31–37 belong to two competencies: Incasseringsvermogen and Samenwerken.
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(summary).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.querySelector("h2")?.textContent)).toBe(
    "Er ontbreekt nog iets (7)",
  );
  await expect(page.locator("form#vragenlijst").getByText(REQUIRED_NL)).toHaveCount(7);
  // No page load and nothing sent.
  expect(
    await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
  expect(submitPosts).toEqual([]);

  // Answering a missing item clears its message at once, and only its message.
  await answerItems(page, [30], () => 0);
  await expect(ratingGroups(page).nth(30)).not.toContainText(REQUIRED_NL);
  await expect(summary.getByRole("heading", { name: "Er ontbreekt nog iets (6)" })).toBeVisible({
    timeout: 2000,
  });
  await expect(page.locator("form#vragenlijst").getByText(REQUIRED_NL)).toHaveCount(6, {
    timeout: 1000,
  });
  await expect(summary).not.toContainText("niet bij deze vragenlijst horen");

  await quickAnswerItems(page, range(31, ITEM_COUNT), () => 3);
  await expect(page.getByText("37 van 37 vragen beantwoord")).toBeVisible();
  await expect(summary).toHaveCount(0);
  const choices = await checkedValues(page);
  await submitButton(page).click();
  await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}/bedankt$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  expect(submitPosts).toHaveLength(1);

  const responses = await responsesFor(invitation.participantId, "manager");
  expect(responses).toHaveLength(1);
  expectRatingsMatch(responses[0]!.ratings, choices);
});

test("without JavaScript: save a draft, come back with the link later and finish", async ({
  browser,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "customer");

  const first = await browser.newContext({ javaScriptEnabled: false });
  const page = await first.newPage();
  await page.goto(formPath(invitation));
  await answerItems(page, range(0, 5));
  const vakComment = page.getByLabel("Toelichting bij Kennis van het vak (optioneel)");
  await vakComment.fill("Kent de regels tot in detail.");
  const vakCompetency = await competencyIdOf(vakComment);
  await page.getByLabel("Wat kan beter?").fill("Vaker terugkoppelen.");
  const saved = await checkedValues(page);
  await page.getByRole("button", { name: "Opslaan en later verder" }).click();
  await expect(page).toHaveURL(/\/vragenlijst\?melding=opgeslagen$/);
  await expect(
    page.getByRole("status").filter({ hasText: "Uw antwoorden zijn opgeslagen" }),
  ).toBeVisible();
  await first.close();
  expect(await draftRow(invitation.id)).toBeDefined();

  const second = await browser.newContext({ javaScriptEnabled: false });
  const later = await second.newPage();
  await later.goto(introPath(invitation));
  await expect(later.getByRole("link", { name: "Beginnen" })).toHaveCount(0);
  await later.getByRole("link", { name: "Verdergaan waar u was gebleven" }).click();
  await expect(later).toHaveURL(new RegExp(`${formPath(invitation)}$`));
  expect(await checkedValues(later)).toEqual(saved);
  await expect(later.getByLabel("Toelichting bij Kennis van het vak (optioneel)")).toHaveValue(
    "Kent de regels tot in detail.",
  );
  await expect(later.getByLabel("Wat kan beter?")).toHaveValue("Vaker terugkoppelen.");
  await expect(later.getByText("5 van 37 vragen beantwoord")).toBeVisible();
  await expect(later.getByText("Uw antwoorden zijn opgeslagen")).toHaveCount(0);

  await answerItems(later, [5]);
  await quickAnswerItems(later, range(6, ITEM_COUNT));
  const choices = await checkedValues(later);
  await later.getByRole("button", { name: "Versturen", exact: true }).click();
  await expect(later.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");

  const responses = await responsesFor(invitation.participantId, "customer");
  expect(responses).toHaveLength(1);
  expectRatingsMatch(responses[0]!.ratings, choices);
  expect(responses[0]!.comments).toHaveLength(2);
  expect(responses[0]!.comments).toEqual(
    expect.arrayContaining([
      {
        question: "competency",
        competency_id: vakCompetency,
        text: "Kent de regels tot in detail.",
      },
      { question: "could_improve", competency_id: null, text: "Vaker terugkoppelen." },
    ]),
  );
  // The draft is deleted once the answers are sent.
  expect(await draftRow(invitation.id)).toBeUndefined();
  await second.close();
});

test("with JavaScript: answers autosave and survive a reload; the save button also works", async ({
  page,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "colleague");
  await page.goto(formPath(invitation));
  await waitForHydration(page, "form#vragenlijst");

  await answerItems(page, range(0, 4));
  const communicationComment = page.getByLabel("Toelichting bij Communiceren (optioneel)");
  await communicationComment.fill("Luistert goed en vraagt door.");
  const communication = await competencyIdOf(communicationComment);
  await expect(
    page.getByRole("status").filter({ hasText: /^Automatisch opgeslagen om \d{2}:\d{2}$/ }),
  ).toBeVisible();
  const saved = await checkedValues(page);
  expect(Object.keys(saved)).toHaveLength(4);
  // The last change may come in a later autosave; wait until the draft holds everything.
  await expect
    .poll(async () => {
      const draft = await draftRow(invitation.id);
      if (!draft) return null;
      const answers = JSON.parse(draft.answers) as {
        ratings: Record<string, unknown>;
        comments: Record<string, string>;
      };
      return [Object.keys(answers.ratings).length, answers.comments[communication]];
    })
    .toEqual([4, "Luistert goed en vraagt door."]);

  await page.reload();
  await waitForHydration(page, "form#vragenlijst");
  expect(await checkedValues(page)).toEqual(saved);
  await expect(page.getByLabel("Toelichting bij Communiceren (optioneel)")).toHaveValue(
    "Luistert goed en vraagt door.",
  );
  await expect(page.getByText("4 van 37 vragen beantwoord")).toBeVisible();

  // The explicit save button, with JavaScript.
  await answerItems(page, [4], () => 1);
  await page.getByRole("button", { name: "Opslaan en later verder" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Uw antwoorden zijn opgeslagen" }),
  ).toBeVisible();
  await expect
    .poll(async () => {
      const draft = await draftRow(invitation.id);
      return draft ? Object.keys(JSON.parse(draft.answers).ratings as object).length : 0;
    })
    .toBe(5);

  await page.goto(introPath(invitation));
  await expect(page.getByRole("link", { name: "Verdergaan waar u was gebleven" })).toBeVisible();
});

test("without JavaScript: declining with a reason closes the link for good", async ({
  browser,
}) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "colleague");
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto(introPath(invitation));
  await page.getByRole("link", { name: "Ik geef liever geen feedback" }).click();
  await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}/afzeggen$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Geen feedback geven");
  await page.getByLabel("Reden (optioneel)").fill("Ik werk te weinig met Deelnemer0 samen.");
  await page.getByRole("button", { name: "Afzeggen" }).click();

  await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("U heeft afgezegd");
  const row = await invitationRow(invitation.id);
  expect(row.status).toBe("declined");
  expect(row.decline_reason).toBe("Ik werk te weinig met Deelnemer0 samen.");

  // The link stays declined: intro, form and decline page all show the same state.
  for (const path of ["", "/vragenlijst", "/afzeggen"]) {
    await page.goto(introPath(invitation) + path);
    await expect(page).toHaveURL(new RegExp(`${introPath(invitation)}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("U heeft afgezegd");
    await expect(page.getByRole("link", { name: "Beginnen" })).toHaveCount(0);
  }
  // A late post is not accepted either.
  const late = await page.request.post(formPath(invitation), {
    form: { intent: "save" },
    maxRedirects: 0,
  });
  expect(late.status()).toBe(302);
  expect(late.headers()["location"]).toBe(introPath(invitation));
  expect(await draftRow(invitation.id)).toBeUndefined();
  expect(await responsesFor(invitation.participantId, "colleague")).toHaveLength(0);
  await context.close();
});

/** The name of the competency (its section heading) a rating group belongs to. */
function competencyNameOf(group: Locator) {
  return group.locator("xpath=ancestor::section[1]//h2").first().textContent();
}
