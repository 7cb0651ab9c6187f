import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import {
  amsterdamDay,
  linkFrom,
  realOrganisationName,
  realUrl,
  signInWithMailedCode,
  waitForMailWithSubject,
} from "./support/real-app";
import {
  expectNoAxeViolations,
  ITEM_COUNT,
  quickAnswerItems,
  range,
  ratingGroups,
  COMPETENCY_COUNT,
  waitForHydration,
} from "./support/rater";
import { e2eRealHrAdmin } from "../../playwright.config";

// A whole feedback round in the real app (the demo switched off), through the browser only:
// HR imports the staff from a CSV file, creates a round and starts it; the participant
// nominates colleagues and a customer; the lead approves; every rater answers from the link
// in their mail; HR closes and releases; the participant reads the report. Everyone signs in
// with the code the test SMTP server received. Names, numbers and addresses carry a suffix
// of this attempt, so a retry starts a round of its own next to the first one.

/** The seed profile as a municipality publishes it on its website (plain text). */
const PUBLISHED_PROFILE = readFileSync(
  path.resolve("tests/support/fixtures/profiles/competentieprofiel-toepassing-beleid.txt"),
  "utf8",
);

interface Person {
  number: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
}

function staff(suffix: string) {
  const person = (index: number, firstName: string, lastName: string): Person => ({
    number: `VB-${suffix}-${index}`,
    firstName,
    lastName: `${lastName} ${suffix}`,
    name: `${firstName} ${lastName} ${suffix}`,
    email: `${firstName.toLowerCase()}.${suffix}@voorbeeldstad.test`,
  });
  const department = `Ruimte ${suffix}`;
  const team = `Vergunningen ${suffix}`;
  const head = person(1, "Dirk", "van Dam");
  const lead = person(2, "Lotte", "de Leeuw");
  const participant = person(3, "Pieter", "Peeters");
  const colleagues = [
    person(4, "Anna", "Aalbers"),
    person(5, "Bram", "Bakker"),
    person(6, "Chris", "Claassen"),
  ] as const;
  const bystander = person(7, "Eva", "Evers");
  const customer = {
    name: `Karin Klant ${suffix}`,
    email: `karin.${suffix}@klantbedrijf.example`,
  };
  // An Excel export: semicolons, a byte order mark, CRLF, and the team as "Afdeling > Team".
  const row = (who: Person, teamPath: string, leadOfTeam: Person, role = "", language = "") =>
    [
      who.number,
      who.firstName,
      who.lastName,
      who.email,
      teamPath,
      leadOfTeam.number,
      role,
      language,
    ].join(";");
  const teamPath = `${department} > ${team}`;
  const csv = [
    "Personeelsnummer;Voornaam;Achternaam;E-mailadres;Afdeling;Leidinggevende;Rol;Taal",
    row(head, department, head, "", "Nederlands"),
    row(lead, teamPath, lead, "medewerker", "nl"),
    row(participant, teamPath, lead),
    ...colleagues.map((colleague) => row(colleague, teamPath, lead)),
    row(bystander, teamPath, lead, "medewerker"),
    "",
  ].join("\r\n");
  const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]);
  return {
    department,
    team,
    people: [head, lead, participant, ...colleagues, bystander],
    head,
    lead,
    participant,
    colleagues,
    customer,
    file,
  };
}

async function newPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function expectHeading(page: Page, text: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}

/** The competency (0-based, in page order) of every rating group on the questionnaire. */
function competencyOfItems(page: Page): Promise<number[]> {
  return page.locator("form#vragenlijst").evaluate((form) => {
    const sections = Array.from(form.querySelectorAll("section")).filter(
      (section) => section.querySelector("fieldset") !== null,
    );
    return Array.from(form.querySelectorAll("fieldset")).map((fieldset) =>
      sections.findIndex((section) => section.contains(fieldset)),
    );
  });
}

/** The competency names of the questionnaire, in page order. */
function competencyNames(page: Page): Promise<string[]> {
  return page.locator("form#vragenlijst").evaluate((form) =>
    Array.from(form.querySelectorAll("section"))
      .filter((section) => section.querySelector("fieldset") !== null)
      .map((section) => section.querySelector("h2")?.textContent?.trim() ?? ""),
  );
}

/** Scale index 0..4 = score 1..5; 5 = "kan ik niet beoordelen". */
const NOT_ABLE = 5;
const scoreIndex = (score: number) => score - 1;

/**
 * What each rater answers: one score per competency, so the expected means are simple.
 * The colleagues differ from each other and per competency; the customer cannot judge the
 * first competency at all.
 */
const ANSWERS = {
  self: () => scoreIndex(3),
  manager: () => scoreIndex(4),
  colleague: (which: number) => (competency: number) => (competency + 2 * which) % 5,
  customer: (competency: number) => (competency === 0 ? NOT_ABLE : scoreIndex(5)),
};

const formatScore = (value: number) =>
  new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );

/** Opens an invitation link from a mail, answers every item with `choice` and sends it. */
async function answerInvitation(
  page: Page,
  link: string,
  heading: string | RegExp,
  choice: (competency: number) => number,
): Promise<string[]> {
  await page.goto(link);
  await expectHeading(page, heading);
  await page.getByRole("link", { name: "Beginnen" }).click();
  await expect(page).toHaveURL(/\/vragenlijst$/);
  await expect(ratingGroups(page)).toHaveCount(ITEM_COUNT);
  await waitForHydration(page, "form#vragenlijst");
  const competencyOf = await competencyOfItems(page);
  expect(new Set(competencyOf).size).toBe(COMPETENCY_COUNT);
  await quickAnswerItems(page, range(0, ITEM_COUNT), (item) => choice(competencyOf[item]!));
  await expect(page.getByText(`${ITEM_COUNT} van ${ITEM_COUNT} vragen beantwoord`)).toBeVisible();
  const names = await competencyNames(page);
  await page.getByRole("button", { name: "Versturen", exact: true }).click();
  await expect(page).toHaveURL(/\/bedankt$/);
  await expectHeading(page, "Dank u wel!");
  return names;
}

test("a whole round in the real app: CSV import to a report the participant reads", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const suffix = randomBytes(3).toString("hex");
  const org = staff(suffix);
  const { lead, participant, colleagues, customer } = org;
  const cycleName = `Ronde ${suffix} voor ${participant.firstName}`;
  const contexts: BrowserContext[] = [];

  // 1. HR signs in and imports the staff.
  const hr = await newPage(browser, contexts);
  await test.step("HR imports the CSV file", async () => {
    await hr.goto(realUrl("/beheer/mensen/importeren"));
    await signInWithMailedCode(hr, e2eRealHrAdmin.email);
    await expect(hr).toHaveURL(realUrl("/beheer/mensen/importeren"));
    await expectHeading(hr, "Medewerkers importeren");
    await waitForHydration(hr);
    await hr.getByLabel("CSV-bestand").setInputFiles({
      name: "personeel-voorbeeldstad.csv",
      mimeType: "text/csv",
      buffer: org.file,
    });
    await hr.getByRole("button", { name: "Bekijk wat er verandert" }).click();
    await expect(hr).toHaveURL(/\/beheer\/mensen\/importeren\/[\w-]+$/);
    await expectHeading(hr, "Wat deze import verandert");

    const rows = hr.getByRole("table", { name: "Uitkomst per regel" }).locator("tbody tr");
    await expect(rows).toHaveCount(org.people.length);
    for (const person of org.people) {
      const row = rows.filter({ hasText: person.number });
      await expect(row.getByRole("cell").first()).toHaveText("Nieuw");
      await expect(row).toContainText(person.name);
      await expect(row).toContainText(person.email);
    }
    await expect(rows.filter({ hasText: participant.number })).toContainText(org.team);
    await expect(hr.getByText(`${org.team} (onder ${org.department})`)).toBeVisible();
    await expect(hr.getByText(`${org.team}: ${lead.name}`)).toBeVisible();
    await expect(hr.getByText(`${org.department}: ${org.head.name}`)).toBeVisible();
    // HR's own account is not in the file, but HR is never offered to deactivate themself.
    // (People of an earlier attempt would be offered, and none is ticked.)
    await expect(hr.getByRole("checkbox", { name: new RegExp(e2eRealHrAdmin.name) })).toHaveCount(
      0,
    );
    for (const offered of await hr.getByRole("checkbox").all()) {
      await expect(offered).not.toBeChecked();
    }
    await test.step("axe on the import preview", () => expectNoAxeViolations(hr));

    await hr.getByRole("button", { name: "Importeren", exact: true }).click();
    await expect(hr).toHaveURL(/\/beheer\/mensen(\?melding=geimporteerd.*)?$/);
    await expect(
      hr.getByRole("status").filter({ hasText: "De import is verwerkt." }),
    ).toContainText(`Nieuw: ${org.people.length}.`);
    await hr.getByLabel("Zoeken").fill(suffix);
    await hr.getByRole("button", { name: "Zoeken" }).click();
    const found = hr.getByRole("table", { name: "Medewerkers" }).locator("tbody tr");
    await expect(found).toHaveCount(org.people.length);
    await expect(found.filter({ hasText: participant.name })).toContainText(org.team);
  });

  // 1b. A new organisation's library is empty: HR pastes the profile as the municipality
  // publishes it, checks the preview and saves it.
  const profileName = `Competentieprofiel Toepassing beleid ${suffix}`;
  await test.step("HR pastes the competency profile into the library", async () => {
    await hr.goto(realUrl("/beheer/profielen/importeren"));
    await expectHeading(hr, "Profiel importeren");
    await hr.getByLabel("Of plak de tekst van het profiel").fill(PUBLISHED_PROFILE);
    await hr.getByLabel("Naam van het profiel").fill(profileName);
    await hr.getByRole("button", { name: "Bekijk het profiel" }).click();
    await expect(hr).toHaveURL(/\/beheer\/profielen\/importeren\/[\w-]+$/);
    await expectHeading(hr, "Profiel controleren");
    await expect(
      hr.getByText(`${COMPETENCY_COUNT} competenties, ${ITEM_COUNT} gedragsindicatoren`),
    ).toBeVisible();
    await test.step("axe on the profile preview", () => expectNoAxeViolations(hr));
    await hr.getByRole("button", { name: "Opslaan" }).click();
    // The notice leaves the address bar once shown.
    await expect(hr).toHaveURL(/\/beheer\/profielen\/[\w-]+(\?melding=aangemaakt.*)?$/);
    await expect(
      hr
        .getByRole("status")
        .filter({ hasText: "Het profiel staat in de bibliotheek als versie 1." }),
    ).toBeVisible();
    await expectHeading(hr, profileName);
    await test.step("axe on the profile page", () => expectNoAxeViolations(hr));
  });

  // 2. HR creates the round, adds the participant and starts nominating.
  let cyclePath = "";
  let participantMailAfter = new Date();
  await test.step("HR creates the round and starts nominating", async () => {
    await hr.goto(realUrl("/beheer/rondes/nieuw"));
    await expectHeading(hr, "Nieuwe feedbackronde");
    await waitForHydration(hr);
    await hr.getByLabel("Naam van de ronde").fill(cycleName);
    await hr.getByLabel("Competentieprofiel").selectOption({ label: profileName });
    await hr.getByLabel("Voordragen tot en met").fill(amsterdamDay(1));
    await hr.getByLabel("Antwoorden tot en met").fill(amsterdamDay(14));
    await hr.getByLabel("Drempel: minimaal aantal beoordelaars per groep").fill("3");
    await hr.getByLabel("Minimaal aantal collega’s").fill("3");
    await hr.getByLabel("Maximaal aantal collega’s").fill("8");
    await hr.getByLabel("Minimaal aantal klanten").fill("0");
    await hr.getByLabel("Maximaal aantal klanten").fill("5");
    await hr.getByRole("button", { name: "Ronde aanmaken" }).click();
    await expectHeading(hr, cycleName);
    await expect(hr.getByText("De ronde is aangemaakt. Voeg nu deelnemers toe.")).toBeVisible();
    cyclePath = new URL(hr.url()).pathname;
    expect(cyclePath).toMatch(/^\/beheer\/rondes\/[\w-]+$/);

    await hr.getByRole("link", { name: "Deelnemers bekijken en toevoegen" }).click();
    await expectHeading(hr, "Deelnemers");
    await hr.getByLabel("Zoek op naam, e-mailadres of personeelsnummer").fill(participant.email);
    await hr.getByRole("button", { name: "Zoeken" }).click();
    await hr.getByRole("button", { name: `Toevoegen ${participant.name}` }).click();
    await expect(hr.getByText("Toegevoegde deelnemers: 1.")).toBeVisible();
    const participantRow = hr
      .getByRole("region", { name: "Tabel: Deelnemers" })
      .getByRole("row")
      .filter({ has: hr.getByRole("rowheader", { name: participant.name, exact: true }) });
    // The manager is the lead of the participant's team, from the import.
    await expect(participantRow.getByRole("cell").nth(1)).toHaveText(lead.name);

    await hr.goto(realUrl(cyclePath));
    participantMailAfter = new Date();
    await hr.getByRole("button", { name: "Start het voordragen" }).click();
    await expect(hr.getByText(/Het voordragen is gestart/)).toBeVisible();
    await expect(hr.getByText("Stand: Beoordelaars voordragen.")).toBeVisible();
    await test.step("axe on the cycle page", () => expectNoAxeViolations(hr));
  });

  // 3. The participant nominates from the mail's link.
  const me = await newPage(browser, contexts);
  let leadMailAfter = new Date();
  await test.step("the participant nominates three colleagues and a customer", async () => {
    const mail = await waitForMailWithSubject(
      participant.email,
      `Draag uw beoordelaars voor: ${cycleName}`,
      { after: participantMailAfter },
    );
    expect(mail.language).toBe("nl");
    expect(mail.text).toContain(`Beste ${participant.firstName},`);
    expect(mail.text).toContain(`van ${realOrganisationName}`);
    const link = linkFrom(mail, "/voordragen/");
    await me.goto(link);
    await signInWithMailedCode(me, participant.email);
    await expect(me).toHaveURL(link);
    await expectHeading(me, "Beoordelaars voordragen");
    // Self and manager are invited without being nominated.
    await expect(me.getByText(`${participant.name}: zelfbeoordeling`)).toBeVisible();
    await expect(me.getByText(`${lead.name}: leidinggevende`)).toBeVisible();
    await waitForHydration(me);

    for (const colleague of colleagues) {
      // The directory search shows the team; pick the right person by name.
      await me.getByLabel("Naam van de collega").fill(colleague.lastName);
      await me.getByRole("button", { name: "Zoeken" }).click();
      const results = me.getByRole("list", { name: `Zoekresultaten voor ‘${colleague.lastName}’` });
      await expect(results.getByRole("listitem")).toHaveCount(1);
      await expect(results.getByRole("listitem")).toContainText(`${colleague.name} · ${org.team}`);
      await me.getByRole("button", { name: `Voordragen: ${colleague.name} als collega` }).click();
      await expect(
        me.getByRole("list", { name: "Collega’s" }).getByText(colleague.name, { exact: true }),
      ).toBeVisible();
    }
    await me.getByLabel("Naam", { exact: true }).fill(customer.name);
    await me.getByLabel("E-mailadres").fill(customer.email);
    await me.getByRole("button", { name: "Klant voordragen" }).click();
    await expect(
      me.getByRole("list", { name: "Klanten" }).getByText(customer.name, { exact: true }),
    ).toBeVisible();
    await test.step("axe on the nomination page", () => expectNoAxeViolations(me));

    leadMailAfter = new Date();
    await me.getByRole("button", { name: "Indienen bij leidinggevende" }).click();
    await expect(me.getByRole("status").filter({ hasText: "is ingediend" })).toBeVisible();
    await expect(
      me.getByText("Stand van de voordracht: ingediend, wacht op goedkeuring"),
    ).toBeVisible();
  });

  // 4. The lead approves from the mail's link.
  const leadPage = await newPage(browser, contexts);
  await test.step("the lead approves the nomination", async () => {
    const mail = await waitForMailWithSubject(
      lead.email,
      `Voordracht van ${participant.name} goedkeuren`,
      { after: leadMailAfter },
    );
    const link = linkFrom(mail, "/goedkeuren/");
    await leadPage.goto(link);
    await signInWithMailedCode(leadPage, lead.email);
    await expect(leadPage).toHaveURL(link);
    await expectHeading(leadPage, `Voordracht van ${participant.name}`);
    for (const colleague of colleagues) {
      await expect(leadPage.getByText(colleague.name, { exact: true })).toBeVisible();
    }
    await expect(leadPage.getByText(customer.name, { exact: true })).toBeVisible();
    await waitForHydration(leadPage);
    await test.step("axe on the approval page", () => expectNoAxeViolations(leadPage));
    await leadPage.getByRole("button", { name: "Voordracht goedkeuren" }).click();
    await expect(leadPage.getByRole("status").filter({ hasText: "is goedgekeurd" })).toBeVisible();
  });

  // 5. HR starts collecting; every rater answers from the link in their mail.
  let invitationsAfter = new Date();
  await test.step("HR starts collecting", async () => {
    await hr.goto(realUrl(cyclePath));
    await expect(hr.getByText("Goedgekeurde voordrachten: 1 van 1 deelnemers.")).toBeVisible();
    invitationsAfter = new Date();
    await hr.getByRole("button", { name: "Start het verzamelen" }).click();
    await expect(hr.getByText(/Het verzamelen is gestart/)).toBeVisible();
    await expect(hr.getByText("Stand: Feedback verzamelen.")).toBeVisible();
  });

  const invitationSubject = `Uw feedback gevraagd: ${cycleName}`;
  const invitationLink = async (email: string) =>
    linkFrom(
      await waitForMailWithSubject(email, invitationSubject, { after: invitationsAfter }),
      "/uitnodiging/",
    );
  const raterPage = () => newPage(browser, contexts);
  let competencies: string[] = [];

  await test.step("the participant answers the self-assessment", async () => {
    // The same browser as before: a rater's link needs no sign-in.
    competencies = await answerInvitation(
      me,
      await invitationLink(participant.email),
      "Uw zelfbeoordeling",
      ANSWERS.self,
    );
    expect(competencies).toHaveLength(COMPETENCY_COUNT);
  });
  await test.step("the lead answers as manager", async () => {
    await answerInvitation(
      leadPage,
      await invitationLink(lead.email),
      `Feedback voor ${participant.name}`,
      ANSWERS.manager,
    );
  });
  // The colleagues and the customer, each in a browser of their own (one after the other:
  // side by side is no faster on two CPUs).
  for (const [which, colleague] of colleagues.entries()) {
    await test.step(`colleague ${colleague.firstName} answers`, async () => {
      await answerInvitation(
        await raterPage(),
        await invitationLink(colleague.email),
        `Feedback voor ${participant.name}`,
        ANSWERS.colleague(which),
      );
    });
  }
  await test.step("the external customer answers", async () => {
    await answerInvitation(
      await raterPage(),
      await invitationLink(customer.email),
      `Feedback voor ${participant.name}`,
      ANSWERS.customer,
    );
  });

  await test.step("HR sees counts only", async () => {
    await hr.goto(realUrl(cyclePath));
    // The manager and the single customer are groups of one: while the round collects, their
    // answers are not shown, nor counted in the totals (self and three colleagues are).
    const responses = hr.locator(".stat-list > div").filter({ hasText: "Antwoorden" });
    await expect(responses.locator("dd")).toHaveText("4 van 4");
    await expect(
      hr.locator(".stat-list > div").filter({ hasText: "Respons" }).locator("dd"),
    ).toHaveText("100%");
    const progress = hr.getByRole("region", { name: "Tabel: Voortgang per deelnemer" });
    const row = progress
      .getByRole("row")
      .filter({ has: hr.getByRole("rowheader", { name: participant.name }) });
    await expect(row.getByRole("cell")).toHaveText([
      org.team,
      "1 van 1",
      /^1 uitgenodigd\s*antwoord na sluiten$/,
      "3 van 3",
      /^1 uitgenodigd\s*antwoord na sluiten$/,
      "Genoeg antwoorden",
    ]);
    await expect(hr.getByText(/Een groep met één beoordelaar/)).toBeVisible();
    // No rater is named anywhere on the dashboard.
    const main = hr.getByRole("main");
    for (const rater of [...colleagues.map((c) => c.name), customer.name, lead.name]) {
      await expect(main).not.toContainText(rater);
    }
  });

  await test.step("the participant sees who was asked to rate them, never who answered", async () => {
    await me.goto(realUrl("/mijn"));
    const cycle = me
      .getByRole("listitem")
      .filter({ has: me.getByRole("heading", { name: cycleName }) });
    await cycle.getByText("Wie om feedback over u is gevraagd (6)").click();
    await expect(cycle.getByText(`${customer.name}, als klant`)).toBeVisible();
    await expect(cycle.getByText(`${lead.name}, als leidinggevende`)).toBeVisible();
    // The manager and the customer are groups of one: their answers wait for the close.
    await expect(
      cycle.getByText(/Een groep met één beoordelaar, zoals uw leidinggevende/),
    ).toBeVisible();
  });

  // 6. HR closes (before the deadline, so with a confirmation) and releases.
  let reportMailAfter = new Date();
  await test.step("HR closes and releases", async () => {
    await waitForHydration(hr);
    await hr.getByRole("button", { name: "Sluit de ronde" }).click();
    await expect(
      hr.getByText("Bevestig dat u de ronde voor de uiterste datum sluit.").first(),
    ).toBeVisible();
    await hr.getByRole("checkbox", { name: "Ja, sluit de ronde nu al" }).check();
    await hr.getByRole("button", { name: "Sluit de ronde" }).click();
    await expect(
      hr.getByText("De ronde is gesloten. Er kan niet meer geantwoord worden."),
    ).toBeVisible();
    await expect(hr.getByText("Stand: Gesloten, rapport volgt.")).toBeVisible();

    await hr.getByRole("checkbox", { name: "Ik begrijp dat vrijgeven definitief is" }).check();
    reportMailAfter = new Date();
    await hr.getByRole("button", { name: "Geef de rapporten vrij" }).click();
    await expect(hr.getByText(/De rapporten zijn vrijgegeven/)).toBeVisible();
    await expect(hr.getByText("Stand: Rapporten vrijgegeven.")).toBeVisible();
  });

  // 7. The participant reads the report, from the link in the "report ready" mail.
  await test.step("the participant reads the report", async () => {
    const mail = await waitForMailWithSubject(
      participant.email,
      `Uw feedbackrapport is klaar (${cycleName})`,
      { after: reportMailAfter, timeoutMs: 60_000 },
    );
    const link = linkFrom(mail, "/rapporten/");
    // A browser without a session: the link asks for a sign-in first.
    const reader = await newPage(browser, contexts);
    await reader.goto(link);
    await signInWithMailedCode(reader, participant.email);
    await expect(reader).toHaveURL(link);
    await expectHeading(reader, `Feedbackrapport van ${participant.name}`);
    await expect(reader.locator("figure.radar svg.recharts-surface")).toBeVisible();

    const overview = reader
      .getByRole("region", { name: "Tabel: Wie gaven feedback" })
      .locator("tbody tr");
    await expect(overview).toHaveText([
      /^zelfbeoordeling\s*1\s*1$/,
      /^leidinggevenden\s*1\s*1$/,
      /^collega’s\s*3\s*3$/,
      /^klanten\s*1\s*1$/,
    ]);

    // "Anderen" per competency: shown (five raters, four where the customer could not judge),
    // the mean of their scores; next to the participant's own 3,0.
    const table = reader.getByRole("table", { name: /Scores per competentie/ });
    await expect(table.getByRole("columnheader")).toHaveText([
      "Competentie",
      "Anderen",
      "Uzelf",
      "Aantal",
    ]);
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(COMPETENCY_COUNT);
    for (const [index, name] of competencies.entries()) {
      const scores = [
        scoreIndex(4) + 1,
        ...colleagues.map((_, which) => ANSWERS.colleague(which)(index) + 1),
        ...(index === 0 ? [] : [5]),
      ];
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      const row = rows.filter({
        has: reader.getByRole("rowheader", { name: new RegExp(`^${name}`) }),
      });
      await expect(row.getByRole("cell")).toHaveText([
        formatScore(mean),
        "3,0",
        String(scores.length),
      ]);
    }
    await test.step("axe on the report", () => expectNoAxeViolations(reader));
  });

  for (const context of contexts) await context.close();
});
