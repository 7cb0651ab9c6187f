import { describe, expect, it, vi } from "vitest";
import * as decline from "~/routes/uitnodiging.$token.afzeggen";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import {
  allIndicatorIds,
  completeRatings,
  freshInvitation,
  pageUrl,
  postRequest,
  run,
} from "./helpers";
import { describeOutcome, statusOf, valueOf, type Outcome } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { renderPage } from "../../support/render-page";

// The questionnaire and the decline form as the server renders them (HTML, what a browser
// without JavaScript shows), from real loader and action data.

vi.mock("@remix-run/react", async (importOriginal) =>
  (await import("../../support/remix-stub")).remixStub(await importOriginal()),
);

const test = useTestDatabase({ freezeClock: false });

async function renderQuestionnaire(token: string, search = "", action?: Outcome) {
  const url = pageUrl(token, "/vragenlijst", search);
  const loader = await run(questionnairePage.loader, new Request(url), token);
  return renderPage(questionnairePage, { loader, action, url });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the rendered questionnaire", () => {
  it("sends the browser the page's data and nothing more", async () => {
    const { invitation } = await freshInvitation(test.db);
    const outcome = await run(
      questionnairePage.loader,
      new Request(pageUrl(invitation.token, "/vragenlijst")),
      invitation.token,
    );
    expect(Object.keys(valueOf<object>(outcome)).sort()).toEqual([
      "deadline",
      "draft",
      "isSelf",
      "notice",
      "participantFirstName",
      "participantName",
      "questionnaire",
      "scale",
    ]);
  });

  it("shows every item, the progress and no error summary on a first visit", async () => {
    const { invitation, questionnaire } = await freshInvitation(test.db);
    const html = await renderQuestionnaire(invitation.token);
    expect(html).toContain('<form method="post" id="vragenlijst"');
    expect(html).toContain("0 van 37 vragen beantwoord");
    expect(html.match(/<fieldset class="rating"/g)).toHaveLength(
      allIndicatorIds(questionnaire).length,
    );
    expect(html).not.toContain("error-summary");
    expect(html).not.toContain('class="notice');
    expect(html).toContain('name="intent" value="submit"');
    expect(html).toContain('name="intent" value="save"');
  });

  it("shows the notice after 'save and continue later'", async () => {
    const { invitation } = await freshInvitation(test.db);
    const html = await renderQuestionnaire(invitation.token, "?melding=opgeslagen");
    expect(html).toMatch(
      /<p class="notice notice--success" role="status">Uw antwoorden zijn opgeslagen\./,
    );
    expect(await renderQuestionnaire(invitation.token, "?melding=iets-anders")).not.toContain(
      "Uw antwoorden zijn opgeslagen",
    );
  });

  it("after a refused submit: the summary counts per competency and links to the first gap; answers stay", async () => {
    const { invitation, questionnaire } = await freshInvitation(test.db);
    const ids = allIndicatorIds(questionnaire);
    const [first] = questionnaire.competencies;
    // The first two items of the first competency and the very last item are left open.
    const skipped = new Set([ids[0], ids[1], ids.at(-1)].map((id) => `ratings.${id}`));
    const answered = completeRatings(questionnaire).filter(([name]) => !skipped.has(name));
    const refused = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "submit"],
        ...answered,
        [`comments.${first!.id}`, "Luistert goed."],
      ]),
      invitation.token,
    );
    expect(statusOf(refused), describeOutcome(refused)).toBe(400);

    const html = await renderQuestionnaire(invitation.token, "", refused);
    const summary = html.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? "";
    expect(summary).toContain('role="region"');
    expect(summary).toContain('tabindex="-1"');
    expect(summary).toMatch(/<h2 id="vragenlijst-errors-title">Er ontbreekt nog iets \(3\)<\/h2>/);
    const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    const last = questionnaire.competencies.at(-1)!;
    expect(links).toEqual([
      [`vragenlijst-ratings.${ids[0]}-1`, `${first!.name}: 2 vragen zonder antwoord`],
      [`vragenlijst-ratings.${ids.at(-1)}-1`, `${last.name}: 1 vraag zonder antwoord`],
    ]);
    // Each link leads to a radio on the page.
    for (const [target] of links) expect(html).toContain(`id="${target}"`);

    // The message at each open item, tied to its group.
    const required = "Kies een antwoord, of ‘kan ik niet beoordelen’.";
    expect(html.split(required)).toHaveLength(skipped.size + 1);
    const errorId = `vragenlijst-ratings.${ids[0]}-error`;
    expect(html).toContain(
      `<fieldset class="rating rating--invalid" aria-describedby="${errorId}">`,
    );
    expect(html).toContain(`<p class="field-error" id="${errorId}">${required}</p>`);

    // What was answered is still checked, and the comment is still there.
    expect(html.match(/checked=""/g)).toHaveLength(answered.length);
    expect(html).toMatch(/<textarea[^>]*>Luistert goed\.<\/textarea>/);
    expect(html).toContain(`${answered.length} van 37 vragen beantwoord`);
  });

  it("after a refused save: the comment that is too long, by its label, with the limit", async () => {
    const { invitation, questionnaire } = await freshInvitation(test.db);
    const [first] = questionnaire.competencies;
    const refused = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`comments.${first!.id}`, "x".repeat(2001)],
      ]),
      invitation.token,
    );
    expect(statusOf(refused), describeOutcome(refused)).toBe(400);

    const html = await renderQuestionnaire(invitation.token, "", refused);
    const fieldId = `vragenlijst-comments.${first!.id}`;
    const tooLong = "Gebruik hoogstens 2.000 tekens.";
    expect(html).toContain("Er ontbreekt nog iets (1)");
    expect(html).toContain(
      `<a href="#${fieldId}">Toelichting bij ${first!.name} (optioneel): ${tooLong}</a>`,
    );
    expect(html).toContain('class="text-field comment-field comment-field--invalid"');
    expect(html).toMatch(
      new RegExp(
        `<textarea[^>]*id="${escapeRegExp(fieldId)}"[^>]*aria-invalid="true"[^>]*aria-describedby="${escapeRegExp(`${fieldId}-hint ${fieldId}-error`)}"`,
      ),
    );
  });
});

describe("the rendered decline form", () => {
  it("shows the reason that is too long with the limit, tied to the field", async () => {
    const { invitation } = await freshInvitation(test.db);
    const refused = await run(
      decline.action,
      postRequest(invitation.token, "/afzeggen", [["reason", "r".repeat(1001)]]),
      invitation.token,
    );
    expect(statusOf(refused), describeOutcome(refused)).toBe(400);
    const page = await run(
      decline.loader,
      new Request(pageUrl(invitation.token, "/afzeggen")),
      invitation.token,
    );
    const html = renderPage(decline, { loader: page, action: refused });
    expect(html).toContain(
      '<p class="field-error" id="afzeggen-reason-error">Gebruik hoogstens 1.000 tekens.</p>',
    );
    expect(html).toMatch(
      /<textarea[^>]*aria-describedby="afzeggen-reason-hint afzeggen-reason-error"/,
    );
  });
});
