import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  expect,
  test,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "@playwright/test";
import type { ReceivedMail } from "./support/mail";
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
// a new organisation's HR pastes two function profiles from the municipality's website into
// the empty library, imports the staff with their function profiles from a CSV file, creates
// one round over people of both functions and starts it; one participant nominates colleagues
// and a customer, HR nominates for the other; the lead approves; every rater answers from the
// links in their mail (some for participants of both profiles); HR closes and releases; each
// participant reads a report on their own profile, and the team lead reads the team profile
// across both. Everyone signs in with the code the test SMTP server received. Names, numbers
// and addresses carry a suffix of this attempt, so a retry starts a round of its own next to
// the first one.

const publishedProfile = (file: string) =>
  readFileSync(path.resolve("tests/support/fixtures/profiles", file), "utf8");

/**
 * Two function profiles as a municipality publishes them on its website (plain text; the
 * second as copied from a web page, without blank lines). Both hold the organisation-wide
 * (`***`) competencies, and two more competencies worded alike; the website words one
 * indicator of Samenwerken otherwise in the second, so HR links it to the library's.
 */
const PROFILES = {
  policy: {
    text: publishedProfile("competentieprofiel-toepassing-beleid.txt"),
    title: "Competentieprofiel Toepassing beleid",
    competencies: COMPETENCY_COUNT,
    items: ITEM_COUNT,
  },
  projects: {
    text: publishedProfile("competentieprofiel-projectleider.txt"),
    title: "Competentieprofiel Projectleider",
    competencies: 10,
    items: 42,
  },
} as const;
type ProfileShape = (typeof PROFILES)[keyof typeof PROFILES];

/** The organisation-wide competencies both profiles hold. */
const ORGANISATION_WIDE = ["Communiceren", "Klantgericht werken", "Samenwerken"];

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
  // The library's names carry the suffix too: a retry pastes profiles of its own.
  const policyProfile = `${PROFILES.policy.title} ${suffix}`;
  const projectsProfile = `${PROFILES.projects.title} ${suffix}`;
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
  // The second participant: a project leader in the same team, rated on the other profile.
  const projectLeader = person(8, "Femke", "Franssen");
  const customer = {
    name: `Karin Klant ${suffix}`,
    email: `karin.${suffix}@klantbedrijf.example`,
  };
  // An Excel export: semicolons, a byte order mark, CRLF, and the team as "Afdeling > Team".
  // The function profile as HR writes it: the library's name, with or without
  // "Competentieprofiel", in any case; empty for someone without one.
  const row = (
    who: Person,
    teamPath: string,
    leadOfTeam: Person,
    { role = "", language = "", profile = "" } = {},
  ) =>
    [
      who.number,
      who.firstName,
      who.lastName,
      who.email,
      teamPath,
      leadOfTeam.number,
      role,
      language,
      profile,
    ].join(";");
  const teamPath = `${department} > ${team}`;
  const policy = `Toepassing beleid ${suffix}`;
  const projects = `projectleider ${suffix}`;
  const csv = [
    "Personeelsnummer;Voornaam;Achternaam;E-mailadres;Afdeling;Leidinggevende;Rol;Taal;Functieprofiel",
    row(head, department, head, { language: "Nederlands" }),
    row(lead, teamPath, lead, { role: "medewerker", language: "nl", profile: policyProfile }),
    row(participant, teamPath, lead, { profile: policy }),
    row(projectLeader, teamPath, lead, { profile: projects }),
    row(colleagues[0], teamPath, lead, { profile: policy }),
    row(colleagues[1], teamPath, lead, { profile: projects }),
    row(colleagues[2], teamPath, lead),
    row(bystander, teamPath, lead, { role: "medewerker" }),
    "",
  ].join("\r\n");
  const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]);
  return {
    department,
    team,
    people: [head, lead, participant, projectLeader, ...colleagues, bystander],
    head,
    lead,
    participant,
    projectLeader,
    colleagues,
    customer,
    policyProfile,
    projectsProfile,
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
const scoreOf = (choice: (competency: number) => number) => (competency: number) =>
  choice(competency) + 1;

const formatScore = (value: number) =>
  new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );

/**
 * Opens an invitation link from a mail, checks the questionnaire is the one of `profile`,
 * answers every item with `choice` and sends it. Returns the competency names in page order.
 */
async function answerInvitation(
  page: Page,
  link: string,
  heading: string | RegExp,
  profile: ProfileShape,
  choice: (competency: number) => number,
): Promise<string[]> {
  await page.goto(link);
  await expectHeading(page, heading);
  await page.getByRole("link", { name: "Beginnen" }).click();
  await expect(page).toHaveURL(/\/vragenlijst$/);
  await expect(ratingGroups(page)).toHaveCount(profile.items);
  await waitForHydration(page, "form#vragenlijst");
  const competencyOf = await competencyOfItems(page);
  expect(new Set(competencyOf).size).toBe(profile.competencies);
  await quickAnswerItems(page, range(0, profile.items), (item) => choice(competencyOf[item]!));
  await expect(
    page.getByText(`${profile.items} van ${profile.items} vragen beantwoord`),
  ).toBeVisible();
  const names = await competencyNames(page);
  await page.getByRole("button", { name: "Versturen", exact: true }).click();
  await expect(page).toHaveURL(/\/bedankt$/);
  await expectHeading(page, "Dank u wel!");
  return names;
}

/** The link under `label` ("Uw zelfbeoordeling", "<name>, als collega") in a rater's mail. */
function invitationLinkIn(mail: ReceivedMail, label: string): string {
  const marker = `${label}:\n`;
  const at = mail.text.indexOf(marker);
  if (at < 0) throw new Error(`no link "${label}" in the mail:\n${mail.text}`);
  const link = mail.text.slice(at + marker.length).split(/\s/)[0] ?? "";
  expect(new URL(link).pathname).toMatch(/^\/uitnodiging\//);
  return link;
}

/** The mean of the scores, as a report and a team profile show it. */
const meanOf = (scores: readonly number[]) =>
  scores.reduce((sum, score) => sum + score, 0) / scores.length;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a whole round in the real app: two pasted profiles and a CSV import to the participants' reports and their team profile", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const suffix = randomBytes(3).toString("hex");
  const org = staff(suffix);
  const { lead, participant, projectLeader, colleagues, customer } = org;
  const cycleName = `Ronde ${suffix} voor ${participant.firstName}`;
  const contexts: BrowserContext[] = [];

  // 1. A new organisation's library is empty: HR signs in and pastes both profiles as the
  // municipality publishes them, checks each preview and saves it.
  const hr = await newPage(browser, contexts);
  const pasteProfile = async (profile: ProfileShape, name: string) => {
    await hr.goto(realUrl("/beheer/profielen/importeren"));
    await expectHeading(hr, "Profiel importeren");
    await hr.getByLabel("Of plak de tekst van het profiel").fill(profile.text);
    await hr.getByLabel("Naam van het profiel").fill(name);
    await hr.getByRole("button", { name: "Bekijk het profiel" }).click();
    await expect(hr).toHaveURL(/\/beheer\/profielen\/importeren\/[\w-]+$/);
    await expectHeading(hr, "Profiel controleren");
    await expect(
      hr.getByText(`${profile.competencies} competenties, ${profile.items} gedragsindicatoren`),
    ).toBeVisible();
  };
  const saveProfile = async (name: string) => {
    await hr.getByRole("button", { name: "Opslaan" }).click();
    // The notice leaves the address bar once shown.
    await expect(hr).toHaveURL(/\/beheer\/profielen\/[\w-]+(\?melding=aangemaakt.*)?$/);
    await expect(
      hr
        .getByRole("status")
        .filter({ hasText: "Het profiel staat in de bibliotheek als versie 1." }),
    ).toBeVisible();
    await expectHeading(hr, name);
  };
  await test.step("HR pastes the first competency profile into the empty library", async () => {
    await hr.goto(realUrl("/beheer/profielen/importeren"));
    await signInWithMailedCode(hr, e2eRealHrAdmin.email);
    await pasteProfile(PROFILES.policy, org.policyProfile);
    await test.step("axe on the profile preview", () => expectNoAxeViolations(hr));
    await saveProfile(org.policyProfile);
    await test.step("axe on the profile page", () => expectNoAxeViolations(hr));
  });
  await test.step("HR pastes the second profile and links its shared competency", async () => {
    await pasteProfile(PROFILES.projects, org.projectsProfile);
    // Worded alike, Communiceren and the others are the library's already; Samenwerken is
    // worded a little otherwise on this page, and is offered as a link, ticked.
    const links = hr.getByRole("checkbox", { name: /^Koppel aan / });
    await expect(links).toHaveCount(1);
    await expect(
      hr.getByRole("checkbox", { name: "Koppel aan “Samenwerken” uit de bibliotheek" }),
    ).toBeChecked();
    await saveProfile(org.projectsProfile);
  });

  // 2. HR imports the staff, each with the function profile of their function.
  await test.step("HR imports the CSV file", async () => {
    await hr.goto(realUrl("/beheer/mensen/importeren"));
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
    // The function-profile cells name the library's profiles by their names.
    await expect(rows.filter({ hasText: participant.number })).toContainText(
      `functieprofiel ${org.policyProfile}`,
    );
    await expect(rows.filter({ hasText: projectLeader.number })).toContainText(
      `functieprofiel ${org.projectsProfile}`,
    );
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

  // 3. HR creates one round over people of both functions and starts nominating.
  let cyclePath = "";
  let participantMailAfter = new Date();
  await test.step("HR creates the round and starts nominating", async () => {
    await hr.goto(realUrl("/beheer/rondes/nieuw"));
    await expectHeading(hr, "Nieuwe feedbackronde");
    await waitForHydration(hr);
    await hr.getByLabel("Naam van de ronde").fill(cycleName);
    await hr.getByLabel("Competentieprofiel").selectOption({ label: org.policyProfile });
    await hr.getByLabel("Voordragen tot en met").fill(amsterdamDay(1));
    await hr.getByLabel("Antwoorden tot en met").fill(amsterdamDay(14));
    // k = 2: the team's two participants are enough for a team figure on what they share.
    await hr.getByLabel("Drempel: minimaal aantal beoordelaars per groep").fill("2");
    await hr.getByLabel("Minimaal aantal collega’s").fill("2");
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
    const participantRow = (who: Person) =>
      hr
        .getByRole("region", { name: "Tabel: Deelnemers" })
        .getByRole("row")
        .filter({ has: hr.getByRole("rowheader", { name: who.name, exact: true }) });
    for (const who of [participant, projectLeader]) {
      await hr.getByLabel("Zoek op naam, e-mailadres of personeelsnummer").fill(who.email);
      await hr.getByRole("button", { name: "Zoeken" }).click();
      await hr.getByRole("button", { name: `Toevoegen ${who.name}` }).click();
      await expect(hr.getByText("Toegevoegde deelnemers: 1.")).toBeVisible();
      await expect(participantRow(who)).toHaveCount(1);
    }
    // The manager is the lead of the participant's team, from the import.
    await expect(participantRow(participant).getByRole("cell").nth(1)).toHaveText(lead.name);
    // Each is rated on the function profile the import gave them.
    await expect(
      hr.getByLabel(`Profiel van ${participant.name}`).locator("option:checked"),
    ).toHaveText(org.policyProfile);
    await expect(
      hr.getByLabel(`Profiel van ${projectLeader.name}`).locator("option:checked"),
    ).toHaveText(org.projectsProfile);

    await hr.goto(realUrl(cyclePath));
    participantMailAfter = new Date();
    await hr.getByRole("button", { name: "Start het voordragen" }).click();
    await expect(hr.getByText(/Het voordragen is gestart/)).toBeVisible();
    await expect(hr.getByText("Stand: Beoordelaars voordragen.")).toBeVisible();
    await test.step("axe on the cycle page", () => expectNoAxeViolations(hr));
  });

  // The project leader's colleagues: a colleague who rates both participants, and the other
  // participant, who thereby has questionnaires of both profiles to answer. HR names them on
  // the project leader's behalf (as HR may for anyone), which spares a sign-in.
  const projectLeaderColleagues = [
    { who: colleagues[0], choice: ANSWERS.colleague(0) },
    { who: participant, choice: ANSWERS.colleague(3) },
  ];
  await test.step("HR steps in and approves the project leader's colleagues", async () => {
    await hr.goto(realUrl("/goedkeuren"));
    await hr.getByRole("link", { name: `Bekijken: voordracht van ${projectLeader.name}` }).click();
    await expectHeading(hr, `Voordracht van ${projectLeader.name}`);
    await waitForHydration(hr);
    for (const { who } of projectLeaderColleagues) {
      await hr.getByLabel("Naam van de collega").fill(who.lastName);
      await hr.getByRole("button", { name: "Zoeken" }).click();
      await hr.getByRole("button", { name: `Toevoegen: ${who.name} als collega` }).click();
      await expect(
        hr.getByRole("list", { name: "Collega’s" }).getByText(who.name, { exact: true }),
      ).toBeVisible();
    }
    await hr.getByRole("button", { name: "Voordracht goedkeuren" }).click();
    await expect(hr.getByRole("status").filter({ hasText: "is goedgekeurd" })).toBeVisible();
  });

  // 4. The participant nominates from the mail's link.
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

  // 5. The lead approves from the mail's link.
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

  // 6. HR starts collecting; every rater answers from the links in their one mail.
  let invitationsAfter = new Date();
  await test.step("HR starts collecting", async () => {
    await hr.goto(realUrl(cyclePath));
    await expect(hr.getByText("Goedgekeurde voordrachten: 2 van 2 deelnemers.")).toBeVisible();
    invitationsAfter = new Date();
    await hr.getByRole("button", { name: "Start het verzamelen" }).click();
    await expect(hr.getByText(/Het verzamelen is gestart/)).toBeVisible();
    await expect(hr.getByText("Stand: Feedback verzamelen.")).toBeVisible();
  });

  const invitationSubject = `Uw feedback gevraagd: ${cycleName}`;
  /** The rater's one mail of the round, and in it the link under `label`. */
  const invitationLink = async (email: string, label: string) =>
    invitationLinkIn(
      await waitForMailWithSubject(email, invitationSubject, { after: invitationsAfter }),
      label,
    );
  const SELF = "Uw zelfbeoordeling";
  const as = (who: Person | { name: string }, role: string) => `${who.name}, als ${role}`;
  const raterPage = () => newPage(browser, contexts);
  const feedbackFor = (who: Person) => `Feedback voor ${who.name}`;
  let competencies: string[] = [];
  let projectCompetencies: string[] = [];
  const projectLeaderPage = await newPage(browser, contexts);

  await test.step("both participants answer their self-assessments", async () => {
    // The same browser as before: a rater's link needs no sign-in.
    competencies = await answerInvitation(
      me,
      await invitationLink(participant.email, SELF),
      "Uw zelfbeoordeling",
      PROFILES.policy,
      ANSWERS.self,
    );
    expect(competencies).toHaveLength(PROFILES.policy.competencies);
    projectCompetencies = await answerInvitation(
      projectLeaderPage,
      await invitationLink(projectLeader.email, SELF),
      "Uw zelfbeoordeling",
      PROFILES.projects,
      ANSWERS.self,
    );
    // Each on their own profile: what both profiles hold, and what only one of them does.
    for (const name of ORGANISATION_WIDE) {
      expect(competencies).toContain(name);
      expect(projectCompetencies).toContain(name);
    }
    expect(competencies).toContain("Kennis van de klant");
    expect(projectCompetencies).not.toContain("Kennis van de klant");
    expect(projectCompetencies).toContain("Omgevingsbewustzijn");
  });
  await test.step("the lead answers as manager, for a participant of each profile", async () => {
    await answerInvitation(
      leadPage,
      await invitationLink(lead.email, as(participant, "leidinggevende")),
      feedbackFor(participant),
      PROFILES.policy,
      ANSWERS.manager,
    );
    await answerInvitation(
      leadPage,
      await invitationLink(lead.email, as(projectLeader, "leidinggevende")),
      feedbackFor(projectLeader),
      PROFILES.projects,
      ANSWERS.manager,
    );
  });
  // The colleagues and the customer, each in a browser of their own (one after the other:
  // side by side is no faster on two CPUs); a colleague of both answers both in theirs.
  for (const [which, colleague] of colleagues.entries()) {
    await test.step(`colleague ${colleague.firstName} answers`, async () => {
      const page = await raterPage();
      await answerInvitation(
        page,
        await invitationLink(colleague.email, as(participant, "collega")),
        feedbackFor(participant),
        PROFILES.policy,
        ANSWERS.colleague(which),
      );
      const second = projectLeaderColleagues.find(({ who }) => who === colleague);
      if (second) {
        await answerInvitation(
          page,
          await invitationLink(colleague.email, as(projectLeader, "collega")),
          feedbackFor(projectLeader),
          PROFILES.projects,
          second.choice,
        );
      }
    });
  }
  await test.step("the participant rates the project leader as colleague", async () => {
    const { choice } = projectLeaderColleagues.find(({ who }) => who === participant)!;
    await answerInvitation(
      me,
      await invitationLink(participant.email, as(projectLeader, "collega")),
      feedbackFor(projectLeader),
      PROFILES.projects,
      choice,
    );
  });
  await test.step("the external customer answers", async () => {
    await answerInvitation(
      await raterPage(),
      await invitationLink(customer.email, as(participant, "klant")),
      feedbackFor(participant),
      PROFILES.policy,
      ANSWERS.customer,
    );
  });

  await test.step("HR sees counts only", async () => {
    await hr.goto(realUrl(cyclePath));
    // The managers and the single customer are groups of one: while the round collects, their
    // answers are not shown, nor counted in the totals (the selves and colleagues are).
    const responses = hr.locator(".stat-list > div").filter({ hasText: "Antwoorden" });
    await expect(responses.locator("dd")).toHaveText("7 van 7");
    await expect(
      hr.locator(".stat-list > div").filter({ hasText: "Respons" }).locator("dd"),
    ).toHaveText("100%");
    const progress = hr.getByRole("region", { name: "Tabel: Voortgang per deelnemer" });
    const rowOf = (who: Person) =>
      progress.getByRole("row").filter({ has: hr.getByRole("rowheader", { name: who.name }) });
    await expect(rowOf(participant).getByRole("cell")).toHaveText([
      org.team,
      "1 van 1",
      /^1 uitgenodigd\s*antwoord na sluiten$/,
      "3 van 3",
      /^1 uitgenodigd\s*antwoord na sluiten$/,
      "Genoeg antwoorden",
    ]);
    await expect(rowOf(projectLeader).getByRole("cell")).toHaveText([
      org.team,
      "1 van 1",
      /^1 uitgenodigd\s*antwoord na sluiten$/,
      "2 van 2",
      "—",
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

  // 7. HR closes (before the deadline, so with a confirmation) and releases.
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

  // 8. Each participant reads their report, from the link in the "report ready" mail, in a
  // browser without a session: the link asks for a sign-in first.
  const openReport = async (reader: Page, who: Person) => {
    const mail = await waitForMailWithSubject(
      who.email,
      `Uw feedbackrapport is klaar (${cycleName})`,
      { after: reportMailAfter, timeoutMs: 60_000 },
    );
    const link = linkFrom(mail, "/rapporten/");
    await reader.goto(link);
    await signInWithMailedCode(reader, who.email);
    await expect(reader).toHaveURL(link);
    await expectHeading(reader, `Feedbackrapport van ${who.name}`);
    await expect(reader.locator("figure.radar svg.recharts-surface")).toBeVisible();
    return reader.getByRole("table", { name: /Scores per competentie/ });
  };
  const rowOfCompetency = (table: Locator, name: string) =>
    table.locator("tbody tr").filter({
      has: table.page().getByRole("rowheader", { name: new RegExp(`^${escapeRegExp(name)}`) }),
    });

  // "Anderen" per competency: the mean of the others' scores (the customer could not judge
  // the first competency).
  const othersOfParticipant = (index: number) => [
    scoreOf(ANSWERS.manager)(index),
    ...colleagues.map((_, which) => scoreOf(ANSWERS.colleague(which))(index)),
    ...(index === 0 ? [] : [scoreOf(ANSWERS.customer)(index)]),
  ];
  const othersOfProjectLeader = (index: number) => [
    scoreOf(ANSWERS.manager)(index),
    ...projectLeaderColleagues.map(({ choice }) => scoreOf(choice)(index)),
  ];

  await test.step("the participant reads the report", async () => {
    const reader = await newPage(browser, contexts);
    const table = await openReport(reader, participant);
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
    // next to the participant's own 3,0.
    await expect(table.getByRole("columnheader")).toHaveText([
      "Competentie",
      "Anderen",
      "Uzelf",
      "Aantal",
    ]);
    await expect(table.locator("tbody tr")).toHaveCount(PROFILES.policy.competencies);
    for (const [index, name] of competencies.entries()) {
      const scores = othersOfParticipant(index);
      await expect(rowOfCompetency(table, name).getByRole("cell")).toHaveText([
        formatScore(meanOf(scores)),
        "3,0",
        String(scores.length),
      ]);
    }
    await test.step("axe on the report", () => expectNoAxeViolations(reader));
  });

  await test.step("the project leader reads a report on their own profile", async () => {
    // The browser the self-assessment was answered in: the link needed no sign-in, this does.
    const table = await openReport(projectLeaderPage, projectLeader);
    await expect(table.locator("tbody tr")).toHaveCount(PROFILES.projects.competencies);
    for (const [index, name] of projectCompetencies.entries()) {
      const scores = othersOfProjectLeader(index);
      await expect(rowOfCompetency(table, name).getByRole("cell")).toHaveText([
        formatScore(meanOf(scores)),
        "3,0",
        String(scores.length),
      ]);
    }
    await expect(rowOfCompetency(table, "Kennis van de klant")).toHaveCount(0);
  });

  // 9. The lead reads the team profile across both functions: every competency either was
  // rated on, a team figure where both were rated (the organisation-wide ones and the two
  // worded alike), and "too few" where only one was.
  await test.step("the lead reads the team profile across both profiles", async () => {
    await leadPage.goto(realUrl("/mijn"));
    await leadPage.getByRole("link", { name: `Teamprofiel van ${org.team}` }).click();
    await expectHeading(leadPage, `Teamprofiel: ${org.team}`);
    await expect(leadPage.locator("figure svg.recharts-surface").first()).toBeVisible();

    const mine = new Map(competencies.map((name, index) => [name, othersOfParticipant(index)]));
    const theirs = new Map(
      projectCompetencies.map((name, index) => [name, othersOfProjectLeader(index)]),
    );
    const label = (name: string) => (ORGANISATION_WIDE.includes(name) ? `${name} *` : name);
    const expected = [...new Set([...competencies, ...projectCompetencies])].map((name) => {
      const a = mine.get(name);
      const b = theirs.get(name);
      return a && b
        ? { label: label(name), mean: formatScore((meanOf(a) + meanOf(b)) / 2), members: "2" }
        : { label: label(name), mean: "te weinig teamleden", members: "–" };
    });
    const table = leadPage.getByRole("table", { name: /Teamgemiddelde per competentie/ });
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = tr.querySelectorAll("td");
        return {
          label: (tr.querySelector("th")?.firstChild?.textContent ?? "").trim(),
          mean: (cells[0]?.textContent ?? "").trim(),
          members: (cells[1]?.textContent ?? "").trim(),
        };
      }),
    );
    const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
    expect(rows.sort(byLabel)).toEqual(expected.sort(byLabel));
    // The radar's axes: what both were rated on, the organisation-wide competencies among them.
    const shared = expected.filter((row) => row.members === "2").map((row) => row.label);
    expect(shared).toHaveLength(5);
    expect(shared).toEqual(expect.arrayContaining(ORGANISATION_WIDE.map(label)));
    const axes = await leadPage
      .locator("figure .recharts-polar-angle-axis-tick text")
      .evaluateAll((texts) =>
        texts.map((text) =>
          Array.from(text.querySelectorAll("tspan"), (line) => line.textContent).join(" "),
        ),
      );
    expect(axes.sort()).toEqual(shared.sort());
    await test.step("axe on the team profile", () => expectNoAxeViolations(leadPage));
  });

  for (const context of contexts) await context.close();
});
