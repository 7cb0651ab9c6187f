import { expect, test } from "@playwright/test";
import {
  expectAxeClean as expectNoAxeViolations,
  expectNoHorizontalScroll,
} from "./support/page-checks";

test("home page explains Rondom in Dutch and opens the demo", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle(/Rondom/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Feedback van alle kanten");
  const demo = page.getByRole("region", { name: /Demo: Gemeente Rondedam/ });
  await expect(demo).toBeVisible();
  await expect(demo.getByRole("link", { name: /over/ }).first()).toHaveAttribute(
    "href",
    /^\/uitnodiging\/[A-Za-z0-9_-]{43}$/,
  );
  await expect(demo.getByText("HR-beheerder")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("profile page shows every cluster, competency and indicator of the seed profile", async ({
  page,
}) => {
  await page.goto("/profielen");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Competentieprofiel Toepassing beleid" }).click();
  await expect(page).toHaveURL(/\/profielen\/toepassing-beleid$/);
  await expect(page.getByRole("heading", { level: 2, name: "Kennis", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(9);
  await expect(page.locator(".indicator-list li")).toHaveCount(37);
  await expect(
    page.getByRole("heading", { level: 3, name: /Communiceren/ }).getByText("Organisatiebreed"),
  ).toBeVisible();
  await expect(
    page.getByText("helpt en ondersteunt waar nodig en wenselijk collega’s"),
  ).toBeVisible();
  await expect(page.getByText("gaat op efficiënte wijze met de beschikbare tijd om")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the layout works at 320 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/", "/profielen/toepassing-beleid"]) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
});

test("unknown pages answer 404 with a Dutch page and no stack trace", async ({ page }) => {
  const response = await page.goto("/bestaat-niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await expect(page.locator("body")).not.toContainText(/\bat \S+:\d+:\d+/);
  await expectNoAxeViolations(page);
  expect((await page.goto("/profielen/bestaat-niet"))?.status()).toBe(404);
});

test("a visitor can switch to English without JavaScript and keep their page", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/profielen/toepassing-beleid");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/profielen\/toepassing-beleid$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Rating scale")).toBeVisible();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await context.close();
});

test("an English browser gets English pages", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Feedback from every side");
  await expectNoAxeViolations(page);
  await page.goto("/profielen/toepassing-beleid");
  await expect(page.getByRole("heading", { level: 2, name: "Rating scale" })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("form posts from another site are refused with 403, never a 500", async ({ request }) => {
  for (const origin of ["https://evil.example", "null"]) {
    const response = await request.post("/taal", {
      headers: { Origin: origin },
      form: { locale: "en", redirectTo: "/" },
      maxRedirects: 0,
    });
    expect(response.status(), origin).toBe(403);
  }
  const sameSite = await request.post("/taal", {
    form: { locale: "en", redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(sameSite.status()).toBe(302);
});
