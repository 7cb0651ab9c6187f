import { expect, test, type Page } from "@playwright/test";
import { demoSignIn, matrixCast, openInvitationTokensFor, personFor } from "./support/accounts";
import { signInCodeFrom, signInLinkFrom, waitForMail } from "./support/mail";
import { expectNoAxeViolations, waitForHydration } from "./support/rater";

// axe (WCAG 2.1 A/AA and best practices, as in smoke.test.ts) on every page of the accounts
// feature, in its states that matter: empty, with errors, signed in as each role, in English.

test.describe.configure({ timeout: 90_000 });

// The field's own error line; the error summary above the form says it again after the label.
const INVALID_ADDRESS = "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl.";
const WRONG_CODE =
  "Deze code klopt niet of is verlopen. Na vijf foute pogingen vervalt de code; vraag dan een nieuwe aan.";

async function expectHeading(page: Page, text: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

test("the sign-in page, also with the error for an empty and for an invalid address", async ({
  page,
}) => {
  await page.goto("/inloggen");
  await waitForHydration(page);
  await expectHeading(page, "Inloggen bij Rondom");
  await expectNoAxeViolations(page);

  const submit = page.getByRole("button", { name: "Stuur mij een inloglink" });
  const field = page.getByLabel("E-mailadres");
  await submit.click();
  await expect(page.getByText("Vul uw e-mailadres in.", { exact: true })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await field.fill("geen-adres");
  await submit.click();
  await expect(page.getByText(INVALID_ADDRESS, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/inloggen$/);
  await expectNoAxeViolations(page);
});

test("the code page (also with the wrong-code error) and the link page, valid and used up", async ({
  page,
}) => {
  const person = await personFor("a11y-code");
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(person.email);
  const after = new Date();
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  await expectHeading(page, "Kijk in uw mailbox");
  await waitForHydration(page);
  await expectNoAxeViolations(page);

  const mail = await waitForMail(person.email, { after });
  const code = signInCodeFrom(mail);
  await page.getByLabel("Code van zes cijfers").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page.getByText(WRONG_CODE, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Looking at the link does not use it up.
  await page.goto(signInLinkFrom(mail));
  await expectHeading(page, "Inloggen bij Rondom");
  await expectNoAxeViolations(page);

  await page.goto(`/inloggen/link/${"C".repeat(43)}`);
  await expectHeading(page, "Deze inloglink werkt niet meer");
  await expectNoAxeViolations(page);
});

test("Mijn Rondom for an employee with questionnaires waiting, a lead and the HR admin", async ({
  browser,
}) => {
  const cast = await matrixCast();
  expect((await openInvitationTokensFor(cast.employee.id)).length).toBeGreaterThan(0);
  for (const person of [cast.employee, cast.lead, cast.hrAdmin]) {
    const context = await browser.newContext();
    await demoSignIn(context, person);
    const page = await context.newPage();
    await page.goto("/mijn");
    await expectHeading(page, `Welkom, ${person.firstName}`);
    if (person === cast.employee) {
      await expect(page.getByRole("link", { name: "Vragenlijst openen" }).first()).toBeVisible();
    }
    if (person === cast.lead) {
      await expect(page.getByRole("heading", { name: "Mijn teams" })).toBeVisible();
    }
    await expectNoAxeViolations(page);
    await context.close();
  }
});

async function hrPages(page: Page) {
  const cast = await matrixCast();
  await demoSignIn(page, cast.hrAdmin);
  return [
    { path: `/teams/${cast.team.id}`, heading: `Team ${cast.team.name}` },
    { path: "/beheer", heading: "Beheer van Gemeente Rondedam" },
    { path: "/beheer/logboek", heading: "Logboek" },
    { path: "/postvak-uit", heading: "Postvak UIT" },
  ];
}

test("the team page and the HR pages: administration, audit log, outbox", async ({ page }) => {
  for (const { path, heading } of await hrPages(page)) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectHeading(page, heading);
    await test.step(`axe on ${path}`, () => expectNoAxeViolations(page));
  }
});

test("the home page with its demo sign-in buttons", async ({ page }) => {
  await page.goto("/");
  const demo = page.getByRole("region", { name: /Demo: Gemeente Rondedam/ });
  await expect(demo.getByRole("button", { name: /^Inloggen als / }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("in English: the sign-in page and Mijn Rondom, switched with the header's button", async ({
  page,
}) => {
  await page.goto("/inloggen");
  await waitForHydration(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/inloggen$/);
  await expectHeading(page, "Sign in to Rondom");
  await expectNoAxeViolations(page);

  const cast = await matrixCast();
  await demoSignIn(page, cast.employee);
  await page.goto("/mijn");
  await expectHeading(page, `Welcome, ${cast.employee.firstName}`);
  await expect(page.getByRole("button", { name: "Nederlands" })).toBeVisible();
  await expectNoAxeViolations(page);
});
