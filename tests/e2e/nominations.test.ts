import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { newId } from "../../db/ids";
import { demoOrganisation, demoSignIn, isLead, type DemoPerson } from "./support/accounts";
import { waitForMail } from "./support/mail";
import { expectAxeClean, expectFitsNarrowScreen } from "./support/page-checks";
import { waitForHydration, withDb } from "./support/rater";

// Nominating in the browser: the participant proposes colleagues and a customer and submits;
// the lead gets a mail, approves; the participant gets a mail. Each test has a round of its
// own in the demo municipality, with a participant and a lead made for it (no team, so no other
// test's choice of demo people changes), so the demo's own people and rounds stay as they are.

test.describe.configure({ timeout: 90_000 });

interface NominationFixture {
  cycleName: string;
  participantId: string;
  participant: { id: string; firstName: string; name: string; email: string };
  lead: { id: string; firstName: string; name: string; email: string };
  /** Two demo colleagues to nominate, with distinct names. */
  colleagues: DemoPerson[];
}

async function createNominationFixture(label: string): Promise<NominationFixture> {
  const demo = await demoOrganisation();
  const suffix = randomBytes(3).toString("hex");
  const colleagues = demo.people
    .filter((person) => !person.isHrAdmin && !isLead(demo, person.id))
    .filter(
      (person, _, all) => all.filter((other) => other.lastName === person.lastName).length === 1,
    )
    .slice(0, 2);
  if (colleagues.length < 2) throw new Error("the demo has too few colleagues to nominate");
  const now = new Date().toISOString();
  const makePerson = (firstName: string, lastName: string) => ({
    id: newId(),
    firstName,
    name: `${firstName} ${lastName}`,
    lastName,
    email: `${firstName.toLowerCase()}.${suffix}@voordracht.example`,
  });
  const participant = makePerson("Vera", `Voordracht ${suffix}`);
  const lead = makePerson("Lars", `Leiding ${suffix}`);
  const cycleName = `E2E voordrachten ${label} ${suffix}`;
  const participantId = newId();
  await withDb(async (db) => {
    for (const person of [participant, lead]) {
      await db
        .insertInto("person")
        .values({
          id: person.id,
          organisation_id: demo.id,
          employee_number: null,
          first_name: person.firstName,
          last_name: person.lastName,
          email: person.email,
          locale: "nl",
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const cycleId = newId();
    await db
      .insertInto("cycle")
      .values({
        id: cycleId,
        organisation_id: demo.id,
        name: cycleName,
        profile_key: "toepassing-beleid",
        status: "nominating",
        nomination_deadline: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
        answer_deadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        colleague_min: 2,
        colleague_max: 3,
        customer_min: 0,
        customer_max: 2,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto("participant")
      .values({
        id: participantId,
        cycle_id: cycleId,
        person_id: participant.id,
        manager_person_id: lead.id,
        created_at: now,
      })
      .execute();
  });
  return { cycleName, participantId, participant, lead, colleagues };
}

function participantState(participantId: string) {
  return withDb((db) =>
    db
      .selectFrom("participant")
      .select(["nomination_status", "nominations_approved_by_person_id"])
      .where("id", "=", participantId)
      .executeTakeFirstOrThrow(),
  );
}

async function proposeColleague(
  page: Page,
  colleague: DemoPerson,
  checkResults?: () => Promise<void>,
) {
  await page.getByLabel("Naam van de collega").fill(colleague.name);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(
    page.getByRole("heading", { name: `Zoekresultaten voor ‘${colleague.name}’` }),
  ).toBeVisible();
  await checkResults?.();
  await page.getByRole("button", { name: `Voordragen: ${colleague.name} als collega` }).click();
  await expect(page.getByRole("status").filter({ hasText: "is voorgedragen" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Collega’s" }).getByText(colleague.name, { exact: true }),
  ).toBeVisible();
}

test("a participant nominates and submits; the lead approves from the mail's link", async ({
  browser,
}) => {
  const fixture = await createNominationFixture("js");
  const [first, second] = fixture.colleagues as [DemoPerson, DemoPerson];

  const participantContext = await browser.newContext();
  const leadContext = await browser.newContext();
  await Promise.all([
    demoSignIn(participantContext, fixture.participant),
    demoSignIn(leadContext, fixture.lead),
  ]);
  const page = await participantContext.newPage();
  const leadPage = await leadContext.newPage();

  await test.step("before anything is proposed, the lead's pages fit 320 px and pass axe", async () => {
    await leadPage.goto("/goedkeuren");
    await expect(
      leadPage.getByRole("row", { name: new RegExp(fixture.participant.name) }),
    ).toBeVisible();
    await expectFitsNarrowScreen(leadPage, { axe: true });
    await leadPage.goto(`/goedkeuren/${fixture.participantId}`);
    await expect(leadPage.getByRole("heading", { level: 1 })).toHaveText(
      `Voordracht van ${fixture.participant.name}`,
    );
    await expectFitsNarrowScreen(leadPage, { axe: true });
  });

  await page.goto("/mijn");
  await expect(
    page.getByText(`Beoordelaars voordragen voor ${fixture.cycleName}`, { exact: true }),
  ).toBeVisible();
  await expectAxeClean(page);
  await page.getByRole("link", { name: "Beoordelaars voordragen" }).click();
  await expect(page).toHaveURL(`/voordragen/${fixture.participantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beoordelaars voordragen");
  await expect(page.getByText(`${fixture.lead.name}: leidinggevende`)).toBeVisible();
  await waitForHydration(page);

  // The search results fit a 320 px screen.
  await proposeColleague(page, first, () => expectFitsNarrowScreen(page));
  await proposeColleague(page, second);

  // The customer form checks the address in the browser first, then on the server.
  await page.getByLabel("Naam", { exact: true }).fill("Karin Klant");
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Klant voordragen" }).click();
  await expect(page.getByText("Vul een geldig e-mailadres in")).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
  // The page with both colleagues proposed and the customer form's error.
  await expectAxeClean(page);
  await page.getByLabel("E-mailadres").fill("karin@klant.example");
  await page.getByRole("button", { name: "Klant voordragen" }).click();
  await expect(
    page.getByRole("list", { name: "Klanten" }).getByText("Karin Klant", { exact: true }),
  ).toBeVisible();
  // After a success the form is empty again, ready for the next customer.
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("");

  const submittedAt = new Date();
  await page.getByRole("button", { name: "Indienen bij leidinggevende" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is ingediend" })).toBeVisible();
  await expect(
    page.getByText("Stand van de voordracht: ingediend, wacht op goedkeuring"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Intrekken/ })).toHaveCount(0);
  await expectAxeClean(page);

  // The lead's mail, with its link.
  const mail = await waitForMail(fixture.lead.email, { after: submittedAt });
  expect(mail.subject).toBe(`Voordracht van ${fixture.participant.name} goedkeuren`);
  const link = /https?:\/\/\S+\/goedkeuren\/\S+/.exec(mail.text)?.[0];
  expect(link).toBe(`${new URL(page.url()).origin}/goedkeuren/${fixture.participantId}`);

  await leadPage.goto("/mijn");
  await expect(leadPage.getByText("1 voordracht goedkeuren")).toBeVisible();
  await expectAxeClean(leadPage);
  await leadPage.goto("/goedkeuren");
  await expect(
    leadPage.getByRole("row", { name: new RegExp(fixture.participant.name) }),
  ).toBeVisible();
  await expect(leadPage.getByRole("button", { name: "Alles goedkeuren" })).toBeVisible();
  await expectAxeClean(leadPage);
  await leadPage.goto(link!);
  await expect(leadPage.getByRole("heading", { level: 1 })).toHaveText(
    `Voordracht van ${fixture.participant.name}`,
  );
  await waitForHydration(leadPage);
  await expectAxeClean(leadPage);
  await leadPage.getByRole("button", { name: "Verwijderen: Karin Klant" }).click();
  await expect(leadPage.getByRole("status").filter({ hasText: "is verwijderd" })).toBeVisible();
  const approvedAt = new Date();
  await leadPage.getByRole("button", { name: "Voordracht goedkeuren" }).click();
  await expect(leadPage.getByRole("status").filter({ hasText: "is goedgekeurd" })).toBeVisible();
  await expectAxeClean(leadPage);
  expect(await participantState(fixture.participantId)).toEqual({
    nomination_status: "approved",
    nominations_approved_by_person_id: fixture.lead.id,
  });

  const decision = await waitForMail(fixture.participant.email, { after: approvedAt });
  expect(decision.subject).toBe(`Uw voordracht is goedgekeurd: ${fixture.cycleName}`);
  expect(decision.text).toContain("Verwijderd: Karin Klant.");

  await page.reload();
  await expect(page.getByText("Stand van de voordracht: goedgekeurd")).toBeVisible();
  await participantContext.close();
  await leadContext.close();
});

test("without JavaScript: nominate, see the refusal, submit; the lead approves all", async ({
  browser,
}) => {
  const fixture = await createNominationFixture("nojs");
  const [first, second] = fixture.colleagues as [DemoPerson, DemoPerson];
  const context = await browser.newContext({ javaScriptEnabled: false });
  await demoSignIn(context, fixture.participant);
  const page = await context.newPage();
  await page.goto(`/voordragen/${fixture.participantId}`);

  // Submitting too early: the server lists what is missing, nothing is lost.
  await page.getByRole("button", { name: "Indienen bij leidinggevende" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Collega’s: 0 voorgedragen, minimaal 2 nodig.");

  await page.goto(`/voordragen/${fixture.participantId}`);
  await proposeColleague(page, first);
  await proposeColleague(page, second);
  // The search stays after picking, so the next one is one click away.
  await expect(page.getByLabel("Naam van de collega")).toHaveValue(second.name);

  // A server-side refusal of the customer form keeps what was typed.
  await page.getByLabel("Naam", { exact: true }).fill("Zelf");
  await page.getByLabel("E-mailadres").fill(fixture.participant.email);
  await page.getByRole("button", { name: "Klant voordragen" }).click();
  await expect(page.getByRole("alert")).toContainText("krijgt vanzelf een uitnodiging");
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue("Zelf");

  await page.goto(`/voordragen/${fixture.participantId}`);
  await page.getByRole("button", { name: "Indienen bij leidinggevende" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is ingediend" })).toBeVisible();

  const leadContext = await browser.newContext({ javaScriptEnabled: false });
  await demoSignIn(leadContext, fixture.lead);
  const leadPage = await leadContext.newPage();
  await leadPage.goto("/goedkeuren");
  await leadPage.getByRole("button", { name: "Alles goedkeuren" }).click();
  await expect(leadPage.getByRole("status")).toHaveText("Goedgekeurde voordrachten: 1.");
  expect((await participantState(fixture.participantId)).nomination_status).toBe("approved");
  await context.close();
  await leadContext.close();
});
