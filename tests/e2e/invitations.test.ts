import { expect, test, type Page } from "@playwright/test";
import { demoOrganisation, demoSignIn, isLead, matrixCast } from "./support/accounts";
import { waitForMail } from "./support/mail";
import { expectAxeClean, expectFitsNarrowScreen } from "./support/page-checks";
import { waitForHydration, withDb } from "./support/rater";

// HR manages one participant's invitations in the demo's collecting round: adds a late
// customer (who gets the mail at the test SMTP sink) and revokes that invitation again;
// inviting them once more is refused (one voice per rater).
// Each test adds its own customer with a unique address, so no other test's data changes:
// the demo raters' invitations stay as they are.

interface Target {
  cycleId: string;
  cycleName: string;
  participantId: string;
  participantName: string;
}

/**
 * A participant of the demo's collecting round whom no other test is about: not a person of
 * the authorisation matrix, not a lead, not HR.
 */
async function targetParticipant(): Promise<Target> {
  const demo = await demoOrganisation();
  const cast = await matrixCast();
  const castIds = new Set(
    [cast.employee, cast.otherEmployee, cast.lead, cast.otherLead, cast.hrAdmin].map((p) => p.id),
  );
  const rows = await withDb((db) =>
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .innerJoin("person", "person.id", "participant.person_id")
      .select([
        "cycle.id as cycleId",
        "cycle.name as cycleName",
        "participant.id as participantId",
        "person.id as personId",
        "person.first_name",
        "person.last_name",
      ])
      .where("cycle.organisation_id", "=", demo.id)
      .where("cycle.status", "=", "collecting")
      .orderBy("person.last_name", "desc")
      .orderBy("person.first_name", "desc")
      .execute(),
  );
  const row = rows.find(
    (candidate) =>
      !castIds.has(candidate.personId) &&
      !isLead(demo, candidate.personId) &&
      candidate.personId !== demo.hrAdmin.id,
  );
  if (!row) throw new Error("the demo's collecting round has no participant to use");
  return {
    cycleId: row.cycleId,
    cycleName: row.cycleName,
    participantId: row.participantId,
    participantName: `${row.first_name} ${row.last_name}`,
  };
}

const pagePath = (target: Target) =>
  `/beheer/rondes/${target.cycleId}/deelnemers/${target.participantId}`;

function uniqueCustomer(label: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { name: `Laat ${label} ${stamp}`, email: `laat.${label}.${stamp}@extern.example` };
}

async function fillCustomer(page: Page, customer: { name: string; email: string }) {
  const form = page.locator("form#add-external");
  await form.getByLabel("Naam").fill(customer.name);
  await form.getByLabel("E-mailadres").fill(customer.email);
  await form.getByRole("radio", { name: "klant" }).check();
  await form.getByRole("button", { name: "Toevoegen en uitnodigen" }).click();
}

const invitedTable = (page: Page) =>
  page.getByRole("region", { name: "Tabel: Uitgenodigde beoordelaars" });
const revokedTable = (page: Page) =>
  page.getByRole("region", { name: "Tabel: Ingetrokken uitnodigingen" });

test("HR adds a late customer, the mail arrives with a working link, and HR revokes it", async ({
  page,
}) => {
  // Three axe runs and a mail round trip: more than the default on a loaded machine.
  test.setTimeout(60_000);
  const target = await targetParticipant();
  const customer = uniqueCustomer("klant");
  await demoSignIn(page, (await matrixCast()).hrAdmin);

  // The page with the directory search's results: the most it ever shows at once.
  const searchFor = encodeURIComponent(target.participantName.split(" ")[0]!);
  const response = await page.goto(`${pagePath(target)}?zoek=${searchFor}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Uitnodigingen van ${target.participantName}`,
  );
  await expect(
    page.getByRole("group", { name: "Kies een collega" }).getByText("de deelnemer zelf"),
  ).toBeVisible();
  // Counts per group, never a status per rater.
  await expect(page.getByRole("columnheader", { name: "Geantwoord" })).toBeVisible();
  await expect(invitedTable(page).getByRole("columnheader")).toHaveText([
    "Beoordelaar",
    "Groep",
    "Verstuurd",
    "Actie",
  ]);
  await expectFitsNarrowScreen(page, { axe: true });
  await waitForHydration(page, "form#add-external");

  const before = new Date();
  await fillCustomer(page, customer);
  await expect(page.getByRole("status")).toHaveText(
    "De beoordelaar is toegevoegd en krijgt de uitnodiging nu per e-mail.",
  );
  await expect(invitedTable(page).getByRole("rowheader", { name: customer.name })).toBeVisible();

  const mail = await waitForMail(customer.email, { after: before });
  expect(mail.subject).toBe(`Uw feedback gevraagd: ${target.cycleName}`);
  expect(mail.text).toContain(`${target.participantName}, als klant`);
  const link = /https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();
  const linkPath = new URL(link!).pathname;
  const opened = await page.request.get(linkPath);
  expect(opened.status()).toBe(200);
  expect(await opened.text()).toContain(`Feedback voor ${target.participantName}`);

  await invitedTable(page)
    .getByRole("button", { name: `Uitnodiging van ${customer.name} intrekken` })
    .click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is ingetrokken");
  await expect(invitedTable(page).getByRole("rowheader", { name: customer.name })).toHaveCount(0);
  await expect(revokedTable(page).getByRole("rowheader", { name: customer.name })).toBeVisible();
  await expectAxeClean(page);

  const closed = await page.request.get(linkPath);
  expect(closed.status()).toBe(404);
  expect(await closed.text()).toContain("Deze link werkt niet");

  // Only the reminder page: sending reminders would mail the demo's raters during other tests.
  const remind = `/beheer/rondes/${target.cycleId}/herinneren`;
  expect((await page.goto(remind))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Herinnering sturen voor ${target.cycleName}`,
  );
  await expect(page.getByText("Iedereen die nog niet heeft geantwoord of afgezegd")).toBeVisible();
  await expect(page.getByRole("button", { name: "Herinneringen versturen" })).toBeVisible();
  await expectFitsNarrowScreen(page, { axe: true });
});

test("without JavaScript: search, a refused form keeps its input, then add and revoke", async ({
  browser,
}) => {
  const target = await targetParticipant();
  const customer = uniqueCustomer("nojs");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await demoSignIn(context, (await matrixCast()).hrAdmin);
  const page = await context.newPage();
  await page.goto(pagePath(target));

  // The directory search is a plain GET form.
  await page.getByLabel("Zoek op naam").fill(target.participantName.split(" ")[0]!);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/\?zoek=/);
  const candidates = page.getByRole("group", { name: "Kies een collega" });
  await expect(candidates.getByText("de deelnemer zelf")).toBeVisible();

  // No name: refused with a message, the address typed is still there.
  const form = page.locator("form#add-external");
  await form.getByLabel("E-mailadres").fill(customer.email);
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    form.getByRole("button", { name: "Toevoegen en uitnodigen" }).click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(page.locator("form#add-external").getByText("Vul de naam in.")).toBeVisible();
  await expect(page.locator("form#add-external").getByLabel("E-mailadres")).toHaveValue(
    customer.email,
  );

  const before = new Date();
  await fillCustomer(page, customer);
  await expect(page.getByRole("status")).toContainText("De beoordelaar is toegevoegd");
  await waitForMail(customer.email, { after: before });

  await invitedTable(page)
    .getByRole("button", { name: `Uitnodiging van ${customer.name} intrekken` })
    .click();
  await expect(page.getByRole("status")).toContainText("De uitnodiging is ingetrokken");
  await expect(revokedTable(page).getByRole("rowheader", { name: customer.name })).toBeVisible();
  // The form names invitations by an opaque handle, never by their id.
  await expect(page.locator('input[name="invitationId"]')).toHaveCount(0);

  // One voice per rater: the withdrawn customer cannot be invited again, also not by the
  // address in capitals; refused with the reason, and what was typed stays.
  const [again] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    fillCustomer(page, { name: customer.name, email: customer.email.toUpperCase() }),
  ]);
  expect(again.status()).toBe(400);
  // The reason heads the page, in its error summary, as on the nomination pages.
  await expect(page.getByRole("alert")).toContainText(/al uitgenodigd voor .*één stem/);
  await expect(page.locator("form#add-external").getByLabel("E-mailadres")).toHaveValue(
    customer.email.toUpperCase(),
  );
  await context.close();
});
