import { beforeAll, describe, expect, it, vi } from "vitest";
import { createCycleInvitations } from "~/invitations/create.server";
import { addLateRater } from "~/invitations/late-rater.server";
import { messageRef } from "~/i18n/messages";
import { signedInCookie } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { createCycleFixture, invitationsOf, type CycleFixture } from "../../support/fixtures/cycle";
import { renderRoute } from "../../support/render-page";

// The pages as the server renders them (HTML, no JavaScript), from real loader data: the HR
// participant page holds no invitation id (its forms use handles), groups of one say why
// they show no answers, and the participant's pages list everyone invited to rate them.

vi.mock("@remix-run/react", async (importOriginal) =>
  (await import("../../support/remix-stub")).remixStub(await importOriginal()),
);

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let fixture: CycleFixture;

beforeAll(async () => {
  cast = await loadCast(test.db);
  fixture = await createCycleFixture(test.db, { organisationId: cast.organisationId });
  await createCycleInvitations(test.db, fixture.cycleId);
  await addLateRater(
    test.db,
    {
      organisationId: cast.organisationId,
      cycleId: fixture.cycleId,
      participantId: fixture.participants.mo,
      actorPersonId: cast.hr.id,
      rater: {
        kind: "external",
        name: "Laat Toegevoegd",
        email: "laat@extern.example",
        relationship: "colleague",
      },
    },
    new Date(Date.now() + 60_000),
  );
});

/** The page as `personId` sees it at `url`, given `actionData` as if after a refused post. */
async function render(
  routeModule: Promise<unknown>,
  url: string,
  personId: string,
  params: Record<string, string>,
  actionData?: unknown,
): Promise<string> {
  const cookie = await signedInCookie(test.db, personId);
  return renderRoute(routeModule, url, { cookie, params, actionData });
}

describe("the rendered HR participant page", () => {
  it("names invitations by handle only: no invitation id anywhere in the HTML", async () => {
    const html = await render(
      import("~/routes/beheer.rondes.$cycleId.deelnemers.$participantId"),
      `/beheer/rondes/${fixture.cycleId}/deelnemers/${fixture.participants.mo}`,
      cast.hr.id,
      { cycleId: fixture.cycleId, participantId: fixture.participants.mo },
    );
    const ids = (await invitationsOf(test.db, fixture.cycleId)).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html).not.toContain(id);
    const handles = [...html.matchAll(/name="handle" value="([^"]+)"/g)].map((match) => match[1]);
    expect(handles).toHaveLength(6);
    expect(html).not.toContain('name="invitationId"');
    // The manager is a group of one: no answers while collecting, and the page says why.
    expect(html).toContain("zichtbaar na sluiten");
    expect(html).toContain("Een groep met één beoordelaar");
  });
});

describe("the rendered HR participant page's late-rater forms", () => {
  it("are the nomination pages' search and address form; a refusal heads the page", async () => {
    const suffix = fixture.people.mo.email.split("@")[0]!.split(".")[1]!;
    const refused = {
      intent: "add-external",
      result: {
        status: "error",
        initialValue: { intent: "add-external", name: "Karin", email: "k@extern.example" },
        error: {
          "": [messageRef("invitations.participant.error.duplicate", { name: "Mo Proef" })],
        },
      },
    };
    const html = await render(
      import("~/routes/beheer.rondes.$cycleId.deelnemers.$participantId"),
      `/beheer/rondes/${fixture.cycleId}/deelnemers/${fixture.participants.mo}?zoek=${encodeURIComponent(`proef ${suffix}`)}`,
      cast.hr.id,
      { cycleId: fixture.cycleId, participantId: fixture.participants.mo },
      refused,
    );
    // The directory search of the nomination pages, its results in HR's own form.
    expect(html).toContain(`Zoekresultaten voor ‘proef ${suffix}’`);
    expect(html).toContain("<legend>Kies een collega</legend>");
    expect(html).toMatch(/<input[^>]*disabled=""[^>]*\/><span>Mo Proef/);
    expect(html).toContain("de deelnemer zelf");
    // The refusal heads the page; the refused form keeps what was typed and points at it.
    expect(html).toMatch(
      /<div class="error-summary" role="alert"[^>]*>.*al uitgenodigd voor Mo Proef/s,
    );
    expect(html).toMatch(/<form[^>]*id="add-external"[^>]*aria-describedby="add-external-error"/);
    expect(html).toContain('id="add-external-error"');
    expect(html).toContain('value="Karin"');
  });
});

describe("the participant's rendered pages", () => {
  it("list everyone invited, HR's late rater too, on the nomination page and on Mijn Rondom", async () => {
    const nominationPage = await render(
      import("~/routes/voordragen.$participantId"),
      `/voordragen/${fixture.participants.mo}`,
      fixture.people.mo.id,
      { participantId: fixture.participants.mo },
    );
    expect(nominationPage).toContain("Wie om feedback over u is gevraagd");
    expect(nominationPage).toContain("Laat Toegevoegd, als collega");
    expect(nominationPage).toContain("later toegevoegd door HR");
    expect(nominationPage).toContain("Lotte Proef, als leidinggevende");

    const mine = await render(import("~/routes/mijn._index"), "/mijn", fixture.people.mo.id, {});
    expect(mine).toMatch(/<details[^>]*><summary>Wie om feedback over u is gevraagd \(6\)/);
    expect(mine).toContain("Laat Toegevoegd, als collega");
    // The manager's answer is not on the page while the round collects, and the page says why.
    expect(mine).toContain("Een groep met één beoordelaar, zoals uw leidinggevende");
  });
});
