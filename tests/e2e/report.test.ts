import { expect, test } from "@playwright/test";
import type { ReportContent } from "../../app/reports/report-content";
import { baseURL, demoSignIn, PERSONAL_SLOTS, personFor } from "./support/accounts";
import { expectNoAxeViolations, expectNoHorizontalScroll, withDb } from "./support/rater";

interface DemoReport {
  participantId: string;
  personId: string;
  managerId: string | null;
  shared: boolean;
  content: ReportContent;
}

/** A demo report with a visible group, comments and an organisation norm. */
async function richReport(): Promise<DemoReport> {
  return withDb(async (db) => {
    const rows = await db
      .selectFrom("report")
      .innerJoin("participant", "participant.id", "report.participant_id")
      .select([
        "participant.id",
        "participant.person_id",
        "participant.manager_person_id",
        "participant.shared_with_lead_at",
        "report.content",
      ])
      .orderBy("participant.id")
      .execute();
    const reports = rows.map((row) => ({
      participantId: row.id,
      personId: row.person_id,
      managerId: row.manager_person_id,
      shared: row.shared_with_lead_at !== null,
      content: JSON.parse(row.content) as ReportContent,
    }));
    // One report only, so "Bekijk uw rapport" on Mijn Rondom can only mean this one.
    const reportsOf = (personId: string) => reports.filter((r) => r.personId === personId).length;
    // Not a person another test signs out everywhere or counts the sessions of.
    const reserved = new Set(
      (await Promise.all(PERSONAL_SLOTS.map((slot) => personFor(slot)))).map((person) => person.id),
    );
    const rich = reports.find(
      (r) =>
        reportsOf(r.personId) === 1 &&
        !reserved.has(r.personId) &&
        (r.managerId === null || !reserved.has(r.managerId)) &&
        r.shared &&
        r.content.visibleGroups.includes("colleague") &&
        r.content.norm !== null &&
        // The norm of no competency kept from this participant (app/reports/norm-knowledge.ts).
        (r.content.normWithheld ?? []).length === 0 &&
        r.content.competencies.some((c) => c.comments.some((comment) => comment.group !== "self")),
    );
    if (!rich) throw new Error("The demo has no report with colleagues, comments and a norm");
    return rich;
  });
}

test("a participant reads their released report: radar in the server HTML, tables, comments, accessible", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const report = await richReport();
  await demoSignIn(page, { id: report.personId });
  await page.goto("/mijn");
  await page.getByRole("link", { name: "Bekijk uw rapport" }).first().click();
  await expect(page).toHaveURL(`/rapporten/${report.participantId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Feedbackrapport van ${report.content.participantName}`,
  );

  // The chart is in the HTML the server sends, not drawn later by JavaScript.
  const html = await (await page.request.get(`/rapporten/${report.participantId}`)).text();
  expect(html).toMatch(/<svg[^>]*class="recharts-surface"/);
  expect(html).toContain("recharts-radar-polygon");

  // The radar's numbers as a table: one row per competency, Dutch decimal comma.
  const table = page.getByRole("table", { name: /Scores per competentie/ });
  await expect(table.locator("tbody tr")).toHaveCount(report.content.competencies.length);
  const first = report.content.competencies[0]!;
  const firstOthers = first.figures.others!.mean.toFixed(1).replace(".", ",");
  await expect(table.locator("tbody tr").first()).toContainText(firstOthers);

  // Summary and a comment, verbatim.
  await expect(
    page.getByRole("heading", { name: "Uw sterkste punten volgens anderen" }),
  ).toBeVisible();
  const comment = report.content.competencies
    .flatMap((c) => c.comments)
    .find((c) => c.group !== "self")!;
  await expect(page.getByText(comment.text, { exact: true }).first()).toBeVisible();

  await expectNoAxeViolations(page);
  const shot = testInfo.outputPath("rapport.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("rapport", { path: shot, contentType: "image/png" });
});

test("the colleague group and the organisation norm can be added to the chart, without JavaScript", async ({
  browser,
}) => {
  const report = await richReport();
  const context = await browser.newContext({ javaScriptEnabled: false });
  await demoSignIn(context, { id: report.personId });
  const page = await context.newPage();
  await page.goto(`/rapporten/${report.participantId}`);
  await expect(page.locator("figure.radar svg.recharts-surface")).toBeVisible();
  await page.getByRole("checkbox", { name: "collega’s" }).check();
  await page.getByRole("checkbox", { name: "Organisatienorm" }).check();
  await page.getByRole("button", { name: "Toon", exact: true }).click();
  await expect(page).toHaveURL(/reeks=colleague/);
  const table = page.getByRole("table", { name: /Scores per competentie/ });
  await expect(table.getByRole("columnheader", { name: "collega’s" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Organisatienorm" })).toBeVisible();
  // Four series in the legend; one that misses a competency is marked as table-only.
  await expect(page.locator(".radar__legend li")).toHaveCount(4);
  await context.close();
});

test("the report prints as an A4 PDF", async ({ page }) => {
  const report = await richReport();
  await demoSignIn(page, { id: report.personId });
  await page.goto(`/rapporten/${report.participantId}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  expect(document.numPages).toBeGreaterThanOrEqual(3);
  expect(document.numPages).toBeLessThanOrEqual(30);
  const firstPage = await document.getPage(1);
  const { width, height } = firstPage.getViewport({ scale: 1 });
  // A4 in PDF points: about 595 × 842.
  expect(Math.abs(width - 595)).toBeLessThan(2);
  expect(Math.abs(height - 842)).toBeLessThan(2);
  const pageTexts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pageTexts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const text = pageTexts.join("\n");
  expect(pageTexts[0]).toContain(`Feedbackrapport van ${report.content.participantName}`);
  expect(text).toContain("Samenvatting");
  expect(text).toContain("Per competentie");
  for (const competency of report.content.competencies) expect(text).toContain(competency.name);
  // No screen-only controls on paper.
  expect(text).not.toContain("Uitloggen");
  expect(text).not.toContain("Toon in de grafiek");
});

test("a report reads well on a 320 px screen", async ({ page }) => {
  const report = await richReport();
  await page.setViewportSize({ width: 320, height: 700 });
  await demoSignIn(page, { id: report.personId });
  await page.goto(`/rapporten/${report.participantId}`);
  await expectNoHorizontalScroll(page);
});

test("the manager reads a shared report, and the view lands in the audit log", async ({
  page,
  browser,
}) => {
  const report = await richReport();
  expect(report.managerId).not.toBeNull();
  await demoSignIn(page, { id: report.managerId! });
  const response = await page.goto(`/rapporten/${report.participantId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("heeft deze resultaten met u gedeeld")).toBeVisible();

  const hr = await withDb((db) =>
    db.selectFrom("person").select("id").where("is_hr_admin", "=", 1).executeTakeFirstOrThrow(),
  );
  const context = await browser.newContext();
  await demoSignIn(context, hr);
  const hrPage = await context.newPage();
  await hrPage.goto("/beheer/logboek?handeling=report_viewed_by_lead");
  await expect(hrPage.getByRole("cell", { name: "Gedeeld rapport bekeken" }).first()).toBeVisible();
  // HR itself never reads an individual report.
  const hrView = await hrPage.goto(`/rapporten/${report.participantId}`);
  expect(hrView?.status()).toBe(404);
  await context.close();
});

test("a report shows the trend against the person's previous released round", async ({ page }) => {
  test.setTimeout(90_000);
  const withTrend = await withDb(async (db) => {
    const rows = await db
      .selectFrom("report")
      .innerJoin("participant", "participant.id", "report.participant_id")
      .select(["participant.id", "participant.person_id", "report.content"])
      .orderBy("participant.id")
      .execute();
    const row = rows.find((r) => (JSON.parse(r.content) as ReportContent).trend !== null);
    if (!row) throw new Error("The demo has no report with a trend");
    return { ...row, content: JSON.parse(row.content) as ReportContent };
  });
  await demoSignIn(page, { id: withTrend.person_id });
  await page.goto(`/rapporten/${withTrend.id}`);
  const trend = page.getByRole("region", { name: "Tabel: Ontwikkeling sinds de vorige ronde" });
  await expect(
    trend.getByRole("columnheader", { name: withTrend.content.trend!.cycleName }),
  ).toBeVisible();
  await expect(trend.locator("tbody tr")).toHaveCount(withTrend.content.trend!.competencies.length);
  await page.getByRole("checkbox", { name: /^Anderen in / }).check();
  await page.getByRole("button", { name: "Toon", exact: true }).click();
  await expect(page).toHaveURL(/reeks=previous/);
  await expect(page.locator(".radar__legend")).toContainText(withTrend.content.trend!.cycleName);
  await expectNoAxeViolations(page);
});

test("every demo participant of a released round can open a complete report", async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const participants = await withDb((db) =>
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .innerJoin("report", "report.participant_id", "participant.id")
      .select(["participant.id", "participant.person_id", "report.content"])
      .where("cycle.status", "=", "released")
      .execute(),
  );
  const releasedParticipants = await withDb((db) =>
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cycle.status", "=", "released")
      .executeTakeFirstOrThrow(),
  );
  // Every participant of a released round has a stored report.
  expect(participants.length).toBe(Number(releasedParticipants.n));
  // People reserved for the sign-in tests count their sessions: no session of ours for them
  // (their reports are stored like everyone's, checked above).
  const reserved = new Set(
    (await Promise.all(PERSONAL_SLOTS.map((slot) => personFor(slot)))).map((person) => person.id),
  );
  for (const participant of participants.filter((p) => !reserved.has(p.person_id))) {
    const content = JSON.parse(participant.content) as ReportContent;
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await demoSignIn(api, { id: participant.person_id });
    const response = await api.get(`/rapporten/${participant.id}`);
    expect(response.status(), participant.id).toBe(200);
    const html = await response.text();
    expect(html).toContain(`Feedbackrapport van ${content.participantName}`);
    expect(html).toMatch(/<svg[^>]*class="recharts-surface"/);
    expect(html.match(/class="report-competency"/g)?.length).toBe(content.competencies.length);
    expect(html).not.toMatch(/NaN|undefined|\[object Object\]/);
    await api.post("/uitloggen", { form: {}, headers: { Origin: baseURL } });
    await api.dispose();
  }
});

test("reports of different shapes have no axe violations: few raters, a visible group, English reader", async ({
  browser,
}) => {
  // axe on a long report takes several seconds on a busy machine; three of them.
  test.setTimeout(150_000);
  const reports = await withDb(async (db) => {
    const rows = await db
      .selectFrom("report")
      .innerJoin("participant", "participant.id", "report.participant_id")
      .innerJoin("person", "person.id", "participant.person_id")
      .select(["participant.id", "participant.person_id", "person.locale", "report.content"])
      .orderBy("participant.id")
      .execute();
    return rows.map((row) => ({ ...row, content: JSON.parse(row.content) as ReportContent }));
  });
  const picks = [
    reports.find((r) => r.content.summary.strengths.length === 0 || !r.content.commentsShown),
    reports.find((r) => r.content.visibleGroups.length >= 2),
    reports.find((r) => r.locale === "en"),
  ].filter((r): r is (typeof reports)[number] => r !== undefined);
  expect(picks.length).toBeGreaterThanOrEqual(2);
  for (const pick of picks) {
    const context = await browser.newContext({ locale: pick.locale === "en" ? "en-GB" : "nl-NL" });
    await demoSignIn(context, { id: pick.person_id });
    const page = await context.newPage();
    const response = await page.goto(`/rapporten/${pick.id}`);
    expect(response?.status()).toBe(200);
    await expectNoAxeViolations(page);
    await context.close();
  }
});
