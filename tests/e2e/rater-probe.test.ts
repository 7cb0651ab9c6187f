import { expect, test } from "@playwright/test";
import { createInvitations, formPath, ITEM_COUNT, pick, quickAnswerItems, range, waitForHydration } from "./helpers/rater";

for (const delay of [0, 700, 1000, 1150, 1250, 1400]) test("probe " + delay, async ({ page }) => {
  const fixture = await createInvitations();
  const invitation = pick(fixture, "customer");
  const log: string[] = [];
  const t0 = Date.now();
  page.on("request", (r) => { if (r.url().includes(".data") || r.method() === "POST") log.push(`${Date.now() - t0} req ${r.method()} ${r.url().slice(-40)} ${r.method() === "POST" ? (r.postData() ?? "").match(/intent=\w+/)?.[0] : ""}`); });
  page.on("response", async (r) => { if (r.url().includes(".data") || r.request().method() === "POST") log.push(`${Date.now() - t0} res ${r.status()} ${r.url().slice(-40)} ${(await r.text().catch(() => "")).slice(0, 200)}`); });
  page.on("console", (m) => log.push(`console ${m.type()} ${m.text().slice(0, 300)}`));
  page.on("pageerror", (m) => log.push(`pageerror ${m}`));
  await page.goto(formPath(invitation));
  await waitForHydration(page, "form#vragenlijst");
  await quickAnswerItems(page, range(0, ITEM_COUNT));
  log.push(`${Date.now() - t0} answered`);
  await page.waitForTimeout(delay);
  await page.getByRole("button", { name: "Versturen", exact: true }).click();
  log.push(`${Date.now() - t0} clicked`);
  try {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
    await page.waitForTimeout(2000);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dank u wel!");
  } catch (e) {
    console.log(log.join("\n"));
    console.log(await page.locator("main").innerText());
    throw e;
  }
});
