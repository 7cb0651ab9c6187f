import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newId } from "../../db/ids";
import { demoOrganisation, demoSignIn } from "./support/accounts";
import { expectAxeClean, expectFitsNarrowScreen } from "./support/page-checks";
import { waitForHydration, withDb } from "./support/rater";

// HR runs the first steps of a round in the browser: create it, add a team, start nominating.
// The demo database is shared with the other tests, so every test makes a team of its own
// (with people made for it, who get the "please nominate" mails) and rounds with unique
// names; the demo's own people, teams and rounds are only looked at, never changed.

test.describe.configure({ timeout: 90_000 });

interface TeamFixture {
  id: string;
  name: string;
  members: { id: string; name: string; email: string }[];
}

async function createTeamFixture(label: string): Promise<TeamFixture> {
  const demo = await demoOrganisation();
  const suffix = randomBytes(3).toString("hex");
  const now = new Date().toISOString();
  const team = { id: newId(), name: `E2E-team ${label} ${suffix}` };
  const members = ["Lotte", "Milan"].map((firstName, index) => ({
    id: newId(),
    firstName,
    lastName: `Rondetest ${suffix}`,
    name: `${firstName} Rondetest ${suffix}`,
    email: `${firstName.toLowerCase()}.${suffix}@ronde.example`,
    leads: index === 0,
  }));
  await withDb(async (db) => {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("team")
        .values({
          id: team.id,
          organisation_id: demo.id,
          name: team.name,
          parent_team_id: null,
          lead_person_id: null,
          created_at: now,
        })
        .execute();
      for (const member of members) {
        await trx
          .insertInto("person")
          .values({
            id: member.id,
            organisation_id: demo.id,
            employee_number: null,
            first_name: member.firstName,
            last_name: member.lastName,
            email: member.email,
            locale: "nl",
            team_id: team.id,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await trx
        .updateTable("team")
        .set({ lead_person_id: members[0]!.id })
        .where("id", "=", team.id)
        .execute();
    });
  });
  return { ...team, members };
}

const uniqueName = (label: string) => `E2E ronde ${label} ${randomBytes(3).toString("hex")}`;

async function signInAsHr(target: Browser | Page, javaScript = true): Promise<Page> {
  const demo = await demoOrganisation();
  if ("newPage" in target) {
    const context = await target.newContext({ javaScriptEnabled: javaScript });
    await demoSignIn(context, demo.hrAdmin);
    return context.newPage();
  }
  await demoSignIn(target, demo.hrAdmin);
  return target;
}

test("HR creates a round, adds a team and starts nominating", async ({ page }) => {
  const team = await createTeamFixture("browser");
  await signInAsHr(page);

  expect((await page.goto("/beheer"))?.status()).toBe(200);
  await expectFitsNarrowScreen(page);
  await page.getByRole("link", { name: "Feedbackrondes" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedbackrondes");
  await waitForHydration(page);
  await expectFitsNarrowScreen(page);
  await expectAxeClean(page);

  await page.getByRole("link", { name: "Nieuwe ronde" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuwe feedbackronde");
  await waitForHydration(page);
  await expectFitsNarrowScreen(page);

  // The demo's library holds several profiles, so there is no default to take.
  await page.getByLabel("Competentieprofiel").selectOption("toepassing-beleid");
  // A missing name is caught in the browser, with a summary that leads to the field.
  await page.getByRole("button", { name: "Ronde aanmaken" }).click();
  const summary = page.getByRole("region", { name: "Controleer het formulier" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText("Naam van de ronde: Geef de ronde een naam.");
  await expect(page.getByLabel("Naam van de ronde")).toHaveAttribute("aria-invalid", "true");
  await expectAxeClean(page);

  const name = uniqueName("browser");
  await page.getByLabel("Naam van de ronde").fill(name);
  await page.getByRole("button", { name: "Ronde aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Stand: In voorbereiding.")).toBeVisible();
  await expect(page.getByText("Voeg eerst deelnemers toe.")).toBeVisible();
  await expectFitsNarrowScreen(page);
  await expectAxeClean(page);

  // The settings of a round in preparation (still editable) fit a 320 px screen too.
  await page.getByRole("link", { name: "Instellingen wijzigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instellingen");
  await expect(page.getByLabel("Naam van de ronde")).toHaveValue(name);
  await expectFitsNarrowScreen(page);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  await page.getByRole("link", { name: "Deelnemers bekijken en toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deelnemers");
  await waitForHydration(page);
  await expectFitsNarrowScreen(page);
  await page.getByRole("checkbox", { name: new RegExp(team.name) }).check();
  await page.getByRole("button", { name: "Teams toevoegen" }).click();
  await expect(page.getByText("Toegevoegde deelnemers: 2.")).toBeVisible();
  const participants = page.getByRole("region", { name: "Tabel: Deelnemers" });
  for (const member of team.members) {
    await expect(participants.getByRole("rowheader", { name: member.name })).toBeVisible();
  }
  // Milan's manager is Lotte, who leads the team; Lotte has no team above her, so no manager.
  const [lead, member] = team.members as [TeamFixture["members"][0], TeamFixture["members"][0]];
  const rowOf = (person: { name: string }) =>
    participants
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: person.name, exact: true }) });
  await expect(rowOf(member).getByRole("cell").nth(1)).toHaveText(lead.name);
  await expect(rowOf(lead).getByRole("cell").nth(1)).toHaveText("geen");
  await expectAxeClean(page);

  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Start het voordragen" }).click();
  await expect(page.getByText(/Het voordragen is gestart/)).toBeVisible();
  await expect(page.getByText("Stand: Beoordelaars voordragen.")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Volgende stap: feedback verzamelen" }),
  ).toBeVisible();
  await expectAxeClean(page);

  await page.getByRole("link", { name: "Instellingen wijzigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instellingen");
  await expect(page.getByText("Vastgezet sinds de start van het voordragen.")).toBeVisible();
  await waitForHydration(page);
  await expectAxeClean(page);

  const stored = await withDb((db) =>
    db
      .selectFrom("cycle")
      .select(["status", "profile_snapshot_id"])
      .where("name", "=", name)
      .executeTakeFirstOrThrow(),
  );
  expect(stored.status).toBe("nominating");
  expect(stored.profile_snapshot_id).not.toBeNull();
});

test("without JavaScript: create (after a refused try), add one person by search, start nominating", async ({
  browser,
}) => {
  const team = await createTeamFixture("nojs");
  const page = await signInAsHr(browser, false);
  await page.goto("/beheer/rondes/nieuw");
  await page.getByLabel("Competentieprofiel").selectOption("toepassing-beleid");
  await page.getByLabel("Naam van de ronde").fill("");
  await page.getByLabel("Maximaal aantal collega’s").fill("1");
  await page.getByRole("button", { name: "Ronde aanmaken" }).click();
  await expect(
    page.getByText("Het maximum mag niet lager zijn dan het minimum.").first(),
  ).toBeVisible();
  await expect(page.getByText("Geef de ronde een naam.").first()).toBeVisible();
  // What was typed is kept.
  await expect(page.getByLabel("Maximaal aantal collega’s")).toHaveValue("1");

  const name = uniqueName("nojs");
  await page.getByLabel("Naam van de ronde").fill(name);
  await page.getByLabel("Maximaal aantal collega’s").fill("6");
  await page.getByRole("button", { name: "Ronde aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  await page.getByRole("link", { name: "Deelnemers bekijken en toevoegen" }).click();
  const member = team.members[1]!;
  await page.getByLabel("Zoek op naam, e-mailadres of personeelsnummer").fill(member.email);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/\?zoek=/);
  await page.getByRole("button", { name: `Toevoegen ${member.name}` }).click();
  await expect(page.getByText("Toegevoegde deelnemers: 1.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: member.name })).toBeVisible();

  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Start het voordragen" }).click();
  await expect(page.getByText("Stand: Beoordelaars voordragen.")).toBeVisible();
  await page.context().close();
});

test("the demo's collecting round fits a 320 px screen and passes axe (looked at only)", async ({
  page,
}) => {
  const demoCollecting = await withDb(async (db) => {
    const demo = await demoOrganisation();
    return db
      .selectFrom("cycle")
      .select("id")
      .where("organisation_id", "=", demo.id)
      .where("status", "=", "collecting")
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
  });
  await signInAsHr(page);
  expect((await page.goto(`/beheer/rondes/${demoCollecting.id}`))?.status()).toBe(200);
  // The progress of a running round: counts per group, nobody named who answered.
  await expect(page.getByRole("region", { name: "Tabel: Voortgang per deelnemer" })).toBeVisible();
  await expectFitsNarrowScreen(page, { axe: true });
});
