import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  baseURL,
  demoOrganisation,
  demoSignIn,
  englishPerson,
  matrixCast,
  personFor,
} from "./support/accounts";
import { enqueueEmail } from "../../app/email/outbox.server";
import { mailsTo, signInCodeFrom, signInLinkFrom, waitForMail } from "./support/mail";
import { expectNoHorizontalScroll, waitForHydration, withDb } from "./support/rater";

// Sign-in by mail against a real SMTP server (tests/e2e/support/smtp-sink.ts). Every test
// that asks for a mail uses a person of its own (support/accounts.ts), so that the mails,
// codes and per-address limits of parallel tests never mix. All e2e tests share one client
// address and its limit of 20 sign-in requests per 15 minutes (and 5 per address from it);
// this file makes 11 of them, accounts-a11y.test.ts 1; the other tests sign in with the
// demo's one-click sign-in (POST /demo/inloggen), and tests/security/http/sign-in.test.ts
// asks from client addresses of its own. A link opened in the browser that asked for it
// (as here) signs in with one press; in another browser the page first says whose account
// it opens (tests/security).

const SUBMIT_EMAIL = "Stuur mij een inloglink";
// The field's own error line; the error summary above the form says it again after the label.
const WRONG_CODE =
  "Deze code klopt niet of is verlopen. Na vijf foute pogingen vervalt de code; vraag dan een nieuwe aan.";

function emailField(page: Page): Locator {
  return page.getByLabel("E-mailadres");
}

function codeField(page: Page): Locator {
  return page.getByLabel("Code van zes cijfers");
}

function codeSubmit(page: Page): Locator {
  return page.getByRole("button", { name: "Inloggen", exact: true });
}

/** Asks for a sign-in mail on /inloggen; returns the moment just before the request. */
async function requestSignIn(page: Page, email: string): Promise<Date> {
  await page.goto("/inloggen");
  await emailField(page).fill(email);
  const after = new Date();
  await page.getByRole("button", { name: SUBMIT_EMAIL }).click();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kijk in uw mailbox");
  return after;
}

function codeResponse(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      new URL(response.url()).pathname.startsWith("/inloggen/code"),
  );
}

/** A six-digit code that is not `code`. */
function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

async function sessionCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === "rondom_session");
}

test("a newcomer signs in with the code from the mail, sees Mijn Rondom and signs out", async ({
  page,
}) => {
  const person = await personFor("sign-in-code");
  const after = await requestSignIn(page, person.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kijk in uw mailbox");
  await expect(page.getByText(person.email)).toBeVisible();

  const mail = await waitForMail(person.email, { after });
  await codeField(page).fill(signInCodeFrom(mail));
  await codeSubmit(page).click();

  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${person.firstName}`);
  await expect(page.getByRole("banner")).toContainText(`Ingelogd als ${person.name}`);

  await page.getByRole("banner").getByRole("button", { name: "Uitloggen", exact: true }).click();
  // The notice leaves the address bar once shown.
  await expect(page).toHaveURL(/\/inloggen(\?melding=uitgelogd)?$/);
  await expect(page.getByRole("status")).toHaveText("U bent uitgelogd.");
  await expect(page.getByRole("banner")).not.toContainText("Ingelogd als");
  expect(await sessionCookie(page)).toBeUndefined();

  await page.goto("/mijn");
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Fmijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen bij Rondom");
});

test("the link from the mail shows a button, signs in once, and then no longer works", async ({
  page,
}) => {
  const person = await personFor("sign-in-link");
  const after = await requestSignIn(page, person.email);
  const link = signInLinkFrom(await waitForMail(person.email, { after }));

  const opened = await page.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen bij Rondom");
  await expect(page.getByText("Klik op de knop om in te loggen.")).toBeVisible();
  // Looking at the link (as a mail scanner does) signs no one in and does not use it up.
  expect(await sessionCookie(page)).toBeUndefined();
  await expect(page.getByRole("banner").getByRole("link", { name: "Inloggen" })).toBeVisible();
  expect((await page.request.get(link, { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("main").getByRole("button", { name: "Inloggen", exact: true }).click();
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${person.firstName}`);
  await expect(page.getByRole("banner")).toContainText(`Ingelogd als ${person.name}`);

  const again = await page.goto(link);
  expect(again?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Deze inloglink werkt niet meer",
  );
  await expect(page.getByRole("main").getByRole("button", { name: "Inloggen" })).toHaveCount(0);
});

test("the sign-in mail is Dutch, in the organisation's name, in plain text and HTML", async ({
  page,
}) => {
  const person = await personFor("sign-in-mail");
  const demo = await demoOrganisation();
  expect(demo.name).toBe("Gemeente Rondedam");
  const after = await requestSignIn(page, person.email);
  const mail = await waitForMail(person.email, { after });

  expect(mail.to).toEqual([person.email.toLowerCase()]);
  expect(mail.subject).toBe("Inloggen bij Rondom (Gemeente Rondedam)");
  expect(mail.language).toBe("nl");
  expect(mail.text).toContain(`Beste ${person.firstName},`);
  expect(mail.text).toContain("het feedbackplatform van Gemeente Rondedam");
  expect(mail.text).toContain("De link en de code zijn 15 minuten geldig en werken één keer.");

  const link = signInLinkFrom(mail);
  const code = signInCodeFrom(mail);
  expect(new URL(link).origin).toBe(new URL(baseURL).origin);
  expect(new URL(link).pathname).toMatch(/^\/inloggen\/link\/[A-Za-z0-9_-]{40,}$/);
  expect(code).toMatch(/^\d{6}$/);

  expect(mail.html).toMatch(/<html lang="nl">/);
  expect(mail.html).toContain(`href="${link}"`);
  expect(mail.html).toContain(`>${code}</strong>`);
  expect(mail.html).toContain("Gemeente Rondedam");
  expect(mail.html).toContain(`Beste ${person.firstName},`);
});

test("an unknown address gets the same page as a known one, and no mail", async ({ browser }) => {
  const known = await personFor("sign-in-known");
  const unknown = `niemand.${Date.now()}@rondedam.example`;

  async function ask(email: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const after = await requestSignIn(page, email);
    const text = (await page.getByRole("main").innerText()).replaceAll(email, "<adres>");
    const cookies = (await context.cookies()).map((cookie) => cookie.name).sort();
    const heading = await page.getByRole("heading", { level: 1 }).innerText();
    await context.close();
    return { after, page: { url: page.url(), heading, text, cookies } };
  }

  const fromKnown = await ask(known.email);
  const fromUnknown = await ask(unknown);
  expect(fromUnknown.page).toEqual(fromKnown.page);
  expect(fromUnknown.page.cookies).toContain("rondom_sign_in");

  // The sender works (the known address gets its mail within a second) ...
  await waitForMail(known.email, { after: fromKnown.after });
  // ... and in twice that time nothing goes to the unknown one.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(await mailsTo(unknown, { after: fromUnknown.after })).toEqual([]);
  const queued = await withDb((db) =>
    db.selectFrom("email_outbox").select("id").where("to_address", "=", unknown).execute(),
  );
  expect(queued).toEqual([]);
});

test("a wrong code is refused, and after five wrong codes the right one no longer works", async ({
  page,
}) => {
  const person = await personFor("sign-in-wrong-code");
  const after = await requestSignIn(page, person.email);
  const mail = await waitForMail(person.email, { after });
  const code = signInCodeFrom(mail);
  await waitForHydration(page);

  for (let attempt = 1; attempt <= 5; attempt++) {
    await codeField(page).fill(otherCode(code));
    const [response] = await Promise.all([codeResponse(page), codeSubmit(page).click()]);
    expect(response.ok(), `wrong code ${attempt} is refused`).toBe(false);
    await expect(page.getByText(WRONG_CODE, { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/inloggen\/code$/);
  }

  await codeField(page).fill(code);
  const [response] = await Promise.all([codeResponse(page), codeSubmit(page).click()]);
  expect(response.ok(), "the right code after five wrong ones is refused").toBe(false);
  await expect(page.getByText(WRONG_CODE, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  expect(await sessionCookie(page)).toBeUndefined();

  // The burnt sign-in takes its link along.
  const linkPage = await page.goto(signInLinkFrom(mail));
  expect(linkPage?.status()).toBe(404);
  const tokens = await withDb((db) =>
    db
      .selectFrom("sign_in_token")
      .select(["failed_attempts", "used_at"])
      .where("person_id", "=", person.id)
      .execute(),
  );
  expect(tokens).toEqual([{ failed_attempts: 5, used_at: null }]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the code flow works with plain form posts", async ({ page }) => {
    const person = await personFor("sign-in-no-js");
    const after = await requestSignIn(page, person.email);
    const mail = await waitForMail(person.email, { after });
    await codeField(page).fill(signInCodeFrom(mail));
    await codeSubmit(page).click();
    await expect(page).toHaveURL(/\/mijn$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${person.firstName}`);
    await expect(page.getByRole("banner")).toContainText(`Ingelogd als ${person.name}`);
  });
});

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 25) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("keyboard only: Tab to the field, type, Enter", async ({ page }) => {
  const person = await personFor("sign-in-keyboard");
  await page.goto("/inloggen");
  await waitForHydration(page);
  await tabTo(page, emailField(page));
  const after = new Date();
  await page.keyboard.type(person.email);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inloggen\/code$/);

  const mail = await waitForMail(person.email, { after });
  await tabTo(page, codeField(page));
  await page.keyboard.type(signInCodeFrom(mail));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welkom, ${person.firstName}`);
});

test("the sign-in and account pages work at 320 px wide", async ({ page }) => {
  const cast = await matrixCast();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/inloggen");
  await test.step("no horizontal scroll on /inloggen", () => expectNoHorizontalScroll(page));
  // An unknown address: the code page without sending anyone a mail.
  await requestSignIn(page, `smal.${Date.now()}@rondedam.example`);
  await test.step("no horizontal scroll on /inloggen/code", () => expectNoHorizontalScroll(page));

  await demoSignIn(page, cast.hrAdmin);
  for (const path of [
    "/mijn",
    "/beheer",
    "/beheer/logboek",
    `/teams/${cast.team.id}`,
    "/postvak-uit",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await test.step(`no horizontal scroll on ${path}`, () => expectNoHorizontalScroll(page));
  }
});

// A long address in the "Aan" line must wrap, not push the page sideways.
test("the outbox with mails in it works at 320 px wide", async ({ page }) => {
  const cast = await matrixCast();
  const demo = await demoOrganisation();
  const address = "annemarie.vandervelde-schoonhoven.communicatie@rondedam.example";
  await withDb((db) =>
    enqueueEmail(db, {
      organisationId: demo.id,
      kind: "sign-in",
      to: address,
      toName: "Annemarie",
      locale: "nl",
      subject: "Inloggen bij Rondom (Gemeente Rondedam)",
      text: "Beste Annemarie,\n",
      html: "<p>Beste Annemarie,</p>",
    }),
  );
  await page.setViewportSize({ width: 320, height: 640 });
  await demoSignIn(page, cast.hrAdmin);
  await page.goto(`/postvak-uit?aan=${encodeURIComponent(address)}`);
  await expect(page.getByText(`Annemarie <${address}>`)).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("after signing in, you land on the page you asked for", async ({ page }) => {
  const cast = await matrixCast();
  await page.goto("/beheer");
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Fbeheer$/);

  await emailField(page).fill(cast.hrAdmin.email);
  const after = new Date();
  await page.getByRole("button", { name: SUBMIT_EMAIL }).click();
  await expect(page).toHaveURL(/\/inloggen\/code$/);
  const mail = await waitForMail(cast.hrAdmin.email, { after });
  await codeField(page).fill(signInCodeFrom(mail));
  await codeSubmit(page).click();

  await expect(page).toHaveURL(/\/beheer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beheer van Gemeente Rondedam");
});

test("'Uitloggen op alle apparaten' signs the person out in another browser too", async ({
  browser,
}) => {
  const person = await personFor("sign-out-everywhere");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  await demoSignIn(laptop, person);
  await demoSignIn(phone, person);

  const page = await laptop.newPage();
  await page.goto("/mijn");
  await expect(page.getByText("U bent nu op 2 apparaten of browsers ingelogd.")).toBeVisible();
  const phonePage = await phone.newPage();
  await phonePage.goto("/mijn");
  await expect(phonePage.getByRole("heading", { level: 1 })).toHaveText(
    `Welkom, ${person.firstName}`,
  );

  await page.getByRole("button", { name: "Uitloggen op alle apparaten" }).click();
  await expect(page).toHaveURL(/\/inloggen(\?melding=overal-uitgelogd)?$/);
  await expect(page.getByRole("status")).toHaveText("U bent op al uw apparaten uitgelogd.");

  await phonePage.goto("/mijn");
  await expect(phonePage).toHaveURL(/\/inloggen\?redirectTo=%2Fmijn$/);
  const sessions = await withDb((db) =>
    db.selectFrom("session").select("id").where("person_id", "=", person.id).execute(),
  );
  expect(sessions).toEqual([]);
  await laptop.close();
  await phone.close();
});

test("a person whose language is English gets the sign-in mail in English", async ({ page }) => {
  const person = await englishPerson();
  const after = await requestSignIn(page, person.email);
  const mail = await waitForMail(person.email, { after });
  expect(mail.subject).toBe("Sign in to Rondom (Gemeente Rondedam)");
  expect(mail.language).toBe("en");
  expect(mail.text).toContain(`Dear ${person.firstName},`);
  expect(mail.text).toContain("The link and the code are valid for 15 minutes and work once.");
  expect(mail.text).not.toContain("Beste");
  expect(mail.html).toMatch(/<html lang="en">/);
  expect(mail.html).toContain("Sign in to Rondom");
  expect(signInCodeFrom(mail)).toMatch(/^\d{6}$/);
});
