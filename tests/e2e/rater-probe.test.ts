import { test, expect } from "@playwright/test";
import { createDatabase } from "../../db/database";
import { createCollectingCycle } from "../fixtures/collecting-cycle";
import { e2eDatabaseFile } from "../../playwright.config";

test("probe", async ({ page }) => {
  const db = createDatabase("file:" + e2eDatabaseFile);
  const f = await createCollectingCycle(db, { invitations: 6 });
  await db.destroy();
  const r = await page.goto("/uitnodiging/" + f.invitations[0]!.token);
  expect(r?.status()).toBe(200);
  console.log(await page.locator("h1").textContent());
});
