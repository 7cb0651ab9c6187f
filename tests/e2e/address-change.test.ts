import { expect, test } from "@playwright/test";
import { demoOrganisation, demoSignIn, personFor } from "./support/accounts";
import { waitForMail } from "./support/mail";
import { expectNoAxeViolations } from "./support/rater";

// HR gives an employee who takes part in rounds a new address: nothing changes until the
// employee confirms it from the mail to the address in force. The whole way through real
// mail, and the confirmation page passes axe, also at 320 px.

test("a new address waits for the employee, who confirms it from the mail to the old one", async ({
  browser,
  page,
}) => {
  const demo = await demoOrganisation();
  const hr = demo.people.find((person) => person.isHrAdmin);
  if (!hr) throw new Error("the demo has no HR admin");
  const employee = await personFor("address-change");
  const newAddress = `zz-e2e-nieuw-${Date.now()}@gemeente.example`;
  const asked = new Date();

  await demoSignIn(page, hr);
  await page.goto(`/beheer/mensen/${employee.id}`);
  await page.getByLabel("E-mailadres").fill(newAddress);
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByRole("status")).toContainText(
    "gaat pas in als de medewerker het bevestigt",
  );
  await expect(
    page.getByText(`Wacht op bevestiging: nieuw e-mailadres ${newAddress}`),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  const mail = await waitForMail(employee.email, { after: asked });
  expect(mail.text).toContain(newAddress);
  const link = /https?:\/\/\S+\/adres-bevestigen\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error("no confirmation link in the mail");

  const phone = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const confirm = await phone.newPage();
  await confirm.goto(link);
  await expect(confirm.getByRole("heading", { level: 1 })).toHaveText(
    "Nieuw e-mailadres bevestigen",
  );
  await expect(confirm.getByText(newAddress)).toBeVisible();
  const width = await confirm.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(confirm);

  await confirm.getByRole("button", { name: "Ja, dit is mijn nieuwe adres" }).click();
  await expect(confirm.getByRole("heading", { level: 1 })).toHaveText(
    "Je e-mailadres is gewijzigd",
  );
  await expectNoAxeViolations(confirm);
  await phone.close();

  // The new address is in force now; HR's page no longer shows a waiting change.
  await page.goto(`/beheer/mensen/${employee.id}`);
  await expect(page.getByLabel("E-mailadres")).toHaveValue(newAddress);
  await expect(page.getByText("Wacht op bevestiging")).toHaveCount(0);
});
