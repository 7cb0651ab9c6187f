import { describe, expect, it, vi } from "vitest";
import * as importPage from "~/routes/beheer.mensen.importeren._index";
import * as previewPage from "~/routes/beheer.mensen.importeren.$importId";
import * as peoplePage from "~/routes/beheer.mensen._index";
import * as newPersonPage from "~/routes/beheer.mensen.nieuw";
import * as personPage from "~/routes/beheer.mensen.$personId";
import * as newTeamPage from "~/routes/beheer.teams.nieuw";
import { ROW_ERRORS_LISTED } from "~/people/import-preview";
import { useDemoOrganisation } from "../../support/demo-organisation";
import {
  attribute,
  errorSummaryOf,
  expectAccessibleControls,
  expectUniqueIds,
  renderedLoaderData,
  renderRoute,
  tagWith,
  textOf,
  textsWithRole,
  type RouteModule,
} from "../../support/render-page";
import { call, multipartRequest, postRequest, type Fields } from "../../support/requests";
import { describeOutcome, redirectLocation, type Outcome } from "../../support/route-outcome";

// HR's people and team pages as the server renders them (what a browser without JavaScript
// shows), from real loader and action data: every control labelled, every error tied to its
// control, and a refused post answered with an error summary.

vi.mock("@remix-run/react", async (importOriginal) =>
  (await import("../../support/remix-stub")).remixStub(await importOriginal()),
);

const test = useDemoOrganisation();

/** The page as HR sees it at `url`, after `action` when given. */
function render(
  page: RouteModule,
  url: string,
  params: Record<string, string> = {},
  action?: Outcome,
): Promise<string> {
  return renderRoute(page, url, { cookie: test.hrCookie, params, action });
}

const personFields = (overrides: Record<string, string> = {}): Fields =>
  Object.entries({
    employeeNumber: "600001",
    firstName: "Weer",
    lastName: "Gegeven",
    email: "weer.gegeven@import.example",
    teamId: "",
    locale: "nl",
    role: "employee",
    ...overrides,
  });

describe("HR's people pages as HTML", () => {
  it("the new person form, refused by the server: a summary linking to each field", async () => {
    const refused = await call(
      newPersonPage.action,
      postRequest(
        "/beheer/mensen/nieuw",
        personFields({ employeeNumber: "", email: "geen-adres", role: "directeur" }),
        { cookie: test.hrCookie },
      ),
    );
    const html = await render(newPersonPage, "/beheer/mensen/nieuw", {}, refused);
    expectAccessibleControls(html);
    const summary = errorSummaryOf(html);
    expect(summary.title).toBe("Controleer het formulier");
    expect(summary.items).toEqual([
      "Personeelsnummer: Vul het personeelsnummer in.",
      "E-mailadres: Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
      "Rol: Kies een rol.",
    ]);
    for (const id of summary.links) expect(tagWith(html, "id", id), id).not.toBeNull();
    const email = tagWith(html, "name", "email")!;
    expect(attribute(email, "aria-invalid")).toBe("true");
    const errorId = attribute(email, "aria-describedby")!;
    expect(html).toContain(
      `<p class="field-error" id="${errorId}">Vul een geldig e-mailadres in, zoals naam@gemeente.nl.</p>`,
    );
  });

  it("a person's page: the saved notice, and the refused deactivation of one's own account", async () => {
    const saved = await render(
      personPage,
      `/beheer/mensen/${test.cast.member.id}?melding=opgeslagen`,
      {
        personId: test.cast.member.id,
      },
    );
    expect(textsWithRole(saved, "status")).toEqual(["De gegevens zijn opgeslagen."]);
    expectAccessibleControls(saved);

    const ownAccount = await call(
      personPage.action,
      postRequest(`/beheer/mensen/${test.cast.hr.id}`, [["intent", "deactivate"]], {
        cookie: test.hrCookie,
      }),
      { params: { personId: test.cast.hr.id } },
    );
    const refused = await render(
      personPage,
      `/beheer/mensen/${test.cast.hr.id}`,
      { personId: test.cast.hr.id },
      ownAccount,
    );
    expect(textsWithRole(refused, "alert").join(" ")).toContain(
      "U kunt uw eigen account niet deactiveren.",
    );
  });

  it("a person's page after a change of address that waits: the notice names the days", async () => {
    const page = await render(
      personPage,
      `/beheer/mensen/${test.cast.member.id}?melding=adres-wacht`,
      {
        personId: test.cast.member.id,
      },
    );
    expect(textsWithRole(page, "status").join(" ")).toContain("14 dagen geldig");
  });

  it("the upload form, refused: the reason in the summary; the fields labelled", async () => {
    const form = new FormData();
    form.append("file", new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04])], "mensen.xlsx"));
    const refused = await call(
      importPage.action,
      multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
    );
    const html = await render(importPage, "/beheer/mensen/importeren", {}, refused);
    expectAccessibleControls(html);
    expect(errorSummaryOf(html).items).toEqual([
      "Dit is een Excel-werkmap, geen CSV-bestand. Kies in Excel Opslaan als en dan CSV.",
    ]);
  });

  it("the preview after a stale apply, and the list after an import", async () => {
    const form = new FormData();
    form.append("text", "personeelsnummer;naam;email\n600002;Oud Voorbeeld;oud@import.example");
    const location = redirectLocation(
      await call(
        importPage.action,
        multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
      ),
    )!;
    const importId = location.split("/").at(-1)!;
    const stale = await call(
      previewPage.action,
      postRequest(location, [["planHash", "verouderd"]], { cookie: test.hrCookie }),
      { params: { importId } },
    );
    const preview = await render(previewPage, redirectLocation(stale)!, { importId });
    expectAccessibleControls(preview);
    expect(textsWithRole(preview, "status")[0]).toMatch(/^De gegevens zijn veranderd/);
    const { planHash } = renderedLoaderData<{ planHash: string }>();
    const applied = await call(
      previewPage.action,
      postRequest(location, [["planHash", planHash]], { cookie: test.hrCookie }),
      { params: { importId } },
    );
    const list = await render(peoplePage, redirectLocation(applied)!, {});
    expect(textsWithRole(list, "status"), describeOutcome(applied)).toContain(
      "De import is verwerkt. Nieuw: 1. Gewijzigd: 0 (waarvan heractiveerd: 0). Ongewijzigd: 0. Gedeactiveerd: 0. Nieuwe teams: 0.",
    );
  });

  it("the preview of a file with mistakes: each refused value on its line, linked to its row", async () => {
    const form = new FormData();
    form.append(
      "text",
      [
        "personeelsnummer;naam;email;afdeling;leidinggevende;rol",
        "520001;Wim Top;wim.top@import.example;Renderdirectie;;",
        "520002;Hatice Hoofd;hatice.hoofd@import.example;Renderafdeling;520001;",
        "520003;Gert Lid;gert.lid@import.example;Renderafdeling;520002;<b>baas</b>",
        "520004;Foute Regel;geen-adres;Renderafdeling;520002;",
      ].join("\n"),
    );
    const location = redirectLocation(
      await call(
        importPage.action,
        multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
      ),
    )!;
    const html = await render(previewPage, location, { importId: location.split("/").at(-1)! });
    expectUniqueIds(html);

    const summary = /<div[^>]*id="import-row-errors"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    expect([...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => textOf(item[1]!))).toEqual([
      "2 regels bevatten een fout. Er wordt pas iets geïmporteerd als alle regels in orde zijn: verbeter het bestand en laad het opnieuw.",
      "Regel 4: Rol '<b>baas</b>': Onbekende rol: gebruik medewerker of HR-beheerder (of laat leeg).",
      "Regel 5: E-mailadres 'geen-adres': Vul een geldig e-mailadres in, zoals naam@gemeente.nl.",
    ]);
    // Each links to its row in the table, which shows the same reasons.
    for (const line of [4, 5]) {
      expect(summary).toContain(`href="#regel-${line}"`);
      expect(tagWith(html, "id", `regel-${line}`), `row ${line}`).toMatch(/^<th/);
    }
    // The value is text, never markup.
    expect(html).not.toContain("<b>baas</b>");
    expect(html).toContain("&lt;b&gt;baas&lt;/b&gt;");
    // The manager of a top team's lead is listed as not taken over.
    expect(textOf(html)).toContain(
      "Regel 3: Hatice Hoofd (leidt Renderafdeling), leidinggevende Wim Top",
    );
  });

  it("the preview of a file with many mistakes lists the first ones and counts the rest", async () => {
    const form = new FormData();
    const rows = Array.from({ length: 25 }, (_, index) => `${530000 + index};Zonder Adres;`);
    form.append("text", ["personeelsnummer;naam;email", ...rows].join("\n"));
    const location = redirectLocation(
      await call(
        importPage.action,
        multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
      ),
    )!;
    const html = await render(previewPage, location, { importId: location.split("/").at(-1)! });
    const summary = /<div[^>]*id="import-row-errors"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    const items = [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => textOf(item[1]!));
    expect(items).toHaveLength(1 + ROW_ERRORS_LISTED);
    expect(items.at(-1)).toBe(
      `Regel ${ROW_ERRORS_LISTED + 1}: E-mailadres (leeg): Vul het e-mailadres in.`,
    );
    expect(textOf(summary)).toContain("En nog 5 regels met een fout: zie de tabel hieronder.");
  });

  it("the preview of a function-profile column: each change by name, each unknown value refused", async () => {
    const { member } = test.cast;
    const library = await test.db
      .selectFrom("profile")
      .select(["key", "name"])
      .where("organisation_id", "=", test.cast.organisationId)
      .where("retired_at", "is", null)
      .orderBy("name")
      .execute();
    const held = library.find((profile) => profile.key === member.profile_key);
    const next = library.find((profile) => profile.key !== member.profile_key)!;
    const form = new FormData();
    form.append(
      "text",
      [
        "personeelsnummer;voornaam;achternaam;email;functieprofiel",
        `${member.employee_number};${member.first_name};${member.last_name};${member.email};${next.key}`,
        `540001;Nieuw;Profiel;nieuw.profiel@import.example;${next.name.toUpperCase()}`,
        "540002;Zonder;Profiel;zonder.profiel@import.example;Teamleider",
      ].join("\n"),
    );
    const location = redirectLocation(
      await call(
        importPage.action,
        multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
      ),
    )!;
    const html = await render(previewPage, location, { importId: location.split("/").at(-1)! });
    const rowText = (line: number) => {
      const row = /<tr[^>]*>[\s\S]*?<\/tr>/g;
      const match = [...html.matchAll(row)].find((candidate) =>
        new RegExp(`<th[^>]*>${line}</th>`).test(candidate[0]),
      );
      return textOf(match?.[0] ?? "");
    };
    expect(rowText(2)).toContain(
      `Functieprofiel: ${held?.name ?? "Geen (het profiel van de ronde)"} → ${next.name}`,
    );
    expect(rowText(3)).toContain(`functieprofiel ${next.name}`);
    const summary = /<div[^>]*id="import-row-errors"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    const items = [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => textOf(item[1]!));
    expect(items.at(-1)).toBe(
      `Regel 4: Functieprofiel 'Teamleider': Dit is geen profiel uit de profielbibliotheek. Verwacht: de naam of sleutel van een van de ${library.length} profielen, zoals ${library
        .slice(0, 3)
        .map((profile) => profile.name)
        .join(", ")}; of een lege cel.`,
    );

    // The page that takes the file says how the column is read.
    const help = textOf(await render(importPage, "/beheer/mensen/importeren"));
    expect(help).toContain("functieprofielprofiel, competentieprofiel, function profile, profile");
    expect(help).toContain(
      "Een kolom functie (de functienaam uit het personeelssysteem) wordt niet als functieprofiel gelezen.",
    );
  });

  it("the new team form, refused: the name's error is tied to the field", async () => {
    const refused = await call(
      newTeamPage.action,
      postRequest("/beheer/teams/nieuw", [["name", "A > B"]], { cookie: test.hrCookie }),
    );
    const html = await render(newTeamPage, "/beheer/teams/nieuw", {}, refused);
    expectAccessibleControls(html);
    expect(errorSummaryOf(html).items).toEqual(["Naam: Een teamnaam mag geen > bevatten."]);
    // The hint and the error.
    const name = tagWith(html, "name", "name")!;
    expect(attribute(name, "aria-describedby")?.split(" ")).toHaveLength(2);
  });
});
