import { describe, expect, it, vi } from "vitest";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { draftCycle, draftCycleWithTeam, updateCycle } from "../../support/draft-cycles";
import {
  expectDescriptionsPresent,
  expectUniqueIds,
  renderRoute,
  textOf,
} from "../../support/render-page";

// The cycle pages as the server renders them (HTML, no JavaScript), from real loader data:
// the notices after a redirect, the settings form built from the form kit, the next step.

vi.mock("@remix-run/react", async (importOriginal) =>
  (await import("../../support/remix-stub")).remixStub(await importOriginal()),
);

const test = useDemoOrganisation();

/** The page as HR sees it at `url`, given `actionData` as if after a refused post. */
function render(
  routeModule: Promise<unknown>,
  url: string,
  params: Record<string, string> = {},
  actionData?: unknown,
): Promise<string> {
  return renderRoute(routeModule, url, { cookie: test.hrCookie, params, actionData });
}

const text = textOf;

describe("the rendered cycle pages", () => {
  it("show the notice a redirect names, in the page's words", async () => {
    const cycleId = await draftCycle(test.db, test.cast);
    const html = await render(
      import("~/routes/beheer.rondes.$cycleId._index"),
      `/beheer/rondes/${cycleId}?melding=aangemaakt`,
      { cycleId },
    );
    expect(html).toContain('role="status"');
    expect(text(html)).toContain("De ronde is aangemaakt. Voeg nu deelnemers toe.");
    expect(text(html)).toContain("Voeg eerst deelnemers toe.");
  });

  it("say how many were added, and who already took part only when someone did", async () => {
    const cycleId = await draftCycleWithTeam(test.db, test.cast);
    const page = import("~/routes/beheer.rondes.$cycleId.deelnemers._index");
    const path = `/beheer/rondes/${cycleId}/deelnemers?melding=toegevoegd&aantal=3`;
    expect(text(await render(page, `${path}&al=2&inactief=0`, { cycleId }))).toContain(
      "Toegevoegde deelnemers: 3. Deden al mee: 2.",
    );
    const html = text(await render(page, `${path}&al=0&inactief=1`, { cycleId }));
    expect(html).toContain("Toegevoegde deelnemers: 3. Niet actief, dus overgeslagen: 1.");
    expect(html).not.toContain("Deden al mee");
  });

  it("show a refused participant change above the page, translated", async () => {
    const cycleId = await draftCycle(test.db, test.cast);
    const html = await render(
      import("~/routes/beheer.rondes.$cycleId.deelnemers._index"),
      `/beheer/rondes/${cycleId}/deelnemers`,
      { cycleId },
      {
        result: {
          status: "error",
          initialValue: { intent: "remove" },
          error: { "": ["cycles.participants.error.gone"] },
        },
      },
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("Deze deelnemer doet al niet meer mee.");
  });

  it("build the settings form from the kit: every choice its own id, the group the field's", async () => {
    const html = await render(import("~/routes/beheer.rondes.nieuw"), "/beheer/rondes/nieuw");
    expectUniqueIds(html);
    expect(html).toMatch(/<fieldset id="nieuwe-ronde-mailLocale"/);
    expect(html).toContain('id="nieuwe-ronde-mailLocale-rater"');
    expect(text(html)).toContain("Naam van de ronde");
  });

  it("translate the server's message references on the settings form", async () => {
    const html = await render(
      import("~/routes/beheer.rondes.nieuw"),
      "/beheer/rondes/nieuw",
      {},
      {
        result: {
          status: "error",
          initialValue: { name: "" },
          error: { name: ["cycles.settings.error.nameRequired"] },
        },
      },
    );
    expect(text(html)).toContain("Naam van de ronde: Geef de ronde een naam.");
    expect(html).not.toContain("cycles.settings.error");
  });

  it("show a locked setting as text with its reason, and send it along unchanged", async () => {
    const cycleId = await draftCycle(test.db, test.cast);
    await updateCycle(test.db, cycleId, { status: "nominating" });
    const html = await render(
      import("~/routes/beheer.rondes.$cycleId.instellingen"),
      `/beheer/rondes/${cycleId}/instellingen`,
      { cycleId },
    );
    expect(text(html)).toContain("Vastgezet sinds de start van het voordragen.");
    expect(html).toMatch(/<input type="hidden" name="profileKey" value="toepassing-beleid"/);
  });

  it("show a refused step above its button, and the form names that list", async () => {
    const cycleId = await draftCycleWithTeam(test.db, test.cast);
    const html = await render(
      import("~/routes/beheer.rondes.$cycleId._index"),
      `/beheer/rondes/${cycleId}`,
      { cycleId },
      {
        result: {
          status: "error",
          initialValue: { intent: "start-nominating" },
          error: { "": ["cycles.step.refused.wrong_status"] },
        },
      },
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain("De ronde staat intussen in een andere stap.");
    expect(html).toContain('name="intent" value="start-nominating"');
    expect(html).toMatch(/<form[^>]*aria-describedby="[^"]+"/);
    expectDescriptionsPresent(html);
  });
});
