import { createElement, forwardRef, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as RemixReact from "@remix-run/react";
import * as importPage from "~/routes/beheer.mensen.importeren._index";
import * as previewPage from "~/routes/beheer.mensen.importeren.$importId";
import * as peoplePage from "~/routes/beheer.mensen._index";
import * as newPersonPage from "~/routes/beheer.mensen.nieuw";
import * as personPage from "~/routes/beheer.mensen.$personId";
import * as newTeamPage from "~/routes/beheer.teams.nieuw";
import { useTestDatabase } from "../../support/database";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import {
  call,
  getRequest,
  multipartRequest,
  postRequest,
  signedInCookie,
  type Fields,
} from "../../support/requests";
import {
  describeOutcome,
  redirectLocation,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";

// HR's people and team pages as the server renders them (what a browser without JavaScript
// shows), from real loader and action data: every control labelled, every error tied to its
// control, and a refused post answered with an error summary.

const loaderData: { current: unknown } = { current: null };
const actionData: { current: unknown } = { current: undefined };
vi.mock("@remix-run/react", async (importOriginal) => {
  const actual = await importOriginal<typeof RemixReact>();
  return {
    ...actual,
    useLoaderData: () => loaderData.current,
    useActionData: () => actionData.current,
    useRouteLoaderData: () => ({ locale: "nl", user: null }),
    useNavigation: () => ({ state: "idle" }),
    Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
      createElement("a", { href: to, ...rest }, children),
    Form: forwardRef<HTMLFormElement, { children: ReactNode }>(({ children, ...rest }, ref) =>
      createElement("form", { ...rest, ref }, children),
    ),
  };
});

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let hrCookie: string;
beforeAll(async () => {
  cast = await loadCast(test.db);
  hrCookie = await signedInCookie(test.db, cast.hr.id);
});

/** What travels to the browser: JSON. */
function overTheWire(outcome: Outcome): unknown {
  if (outcome.kind === "data") return JSON.parse(JSON.stringify(outcome.data));
  return JSON.parse(JSON.stringify(valueOf(outcome)));
}

async function render(
  page: { loader: unknown; default: () => ReactNode },
  url: string,
  params: Record<string, string> = {},
  action?: Outcome,
): Promise<string> {
  loaderData.current = overTheWire(
    await call(page.loader, getRequest(url, { cookie: hrCookie }), { params }),
  );
  actionData.current = action ? overTheWire(action) : undefined;
  return renderToString(createElement(page.default));
}

// No DOM in these tests (and none to install): the checks read the HTML with patterns, which
// is enough for markup React writes in one predictable form.

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
};

/** The text of a piece of HTML: tags dropped, entities read. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => {
    return ENTITIES[entity] ?? entity;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? textOf(match[1]!) : null;
}

/** The opening tag of the first element with this attribute value. */
function tagWith(html: string, name: string, value: string): string | null {
  return new RegExp(`<[a-z]+[^>]*\\s${name}="${value}"[^>]*>`).exec(html)?.[0] ?? null;
}

/** The text of every element with this role. */
function textsWithRole(html: string, role: string): string[] {
  return [
    ...html.matchAll(new RegExp(`<(p|div)[^>]*role="${role}"[^>]*>([\\s\\S]*?)</\\1>`, "g")),
  ].map((match) => textOf(match[2]!));
}

/** Every control has a label; every id aria-describedby names is on the page. */
function expectAccessibleControls(html: string) {
  const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].filter(
    (match) => attribute(match[0], "type") !== "hidden",
  );
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    const id = attribute(control[0], "id");
    const wrapped = /<label[^>]*>$/.test(html.slice(0, control.index));
    const labelled = wrapped || (id !== null && html.includes(`for="${id}"`));
    expect(labelled, control[0]).toBe(true);
  }
  for (const match of html.matchAll(/aria-describedby="([^"]*)"/g)) {
    for (const id of match[1]!.split(" ")) expect(html, `#${id}`).toContain(`id="${id}"`);
  }
}

/** The error summary: its title, and a link to each field that is wrong. */
function errorSummaryOf(html: string) {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul><\/div>/.exec(html)?.[0];
  expect(summary, "an error summary").toBeDefined();
  return {
    title: textOf(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(summary!)?.[1] ?? ""),
    items: [...summary!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => textOf(match[1]!)),
    links: [...summary!.matchAll(/href="#([^"]*)"/g)].map((match) => match[1]!),
  };
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
        { cookie: hrCookie },
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
    const saved = await render(personPage, `/beheer/mensen/${cast.member.id}?melding=opgeslagen`, {
      personId: cast.member.id,
    });
    expect(textsWithRole(saved, "status")).toEqual(["De gegevens zijn opgeslagen."]);
    expectAccessibleControls(saved);

    const ownAccount = await call(
      personPage.action,
      postRequest(`/beheer/mensen/${cast.hr.id}`, [["intent", "deactivate"]], {
        cookie: hrCookie,
      }),
      { params: { personId: cast.hr.id } },
    );
    const refused = await render(
      personPage,
      `/beheer/mensen/${cast.hr.id}`,
      { personId: cast.hr.id },
      ownAccount,
    );
    expect(textsWithRole(refused, "alert").join(" ")).toContain(
      "U kunt uw eigen account niet deactiveren.",
    );
  });

  it("a person's page after a change of address that waits: the notice names the days", async () => {
    const page = await render(personPage, `/beheer/mensen/${cast.member.id}?melding=adres-wacht`, {
      personId: cast.member.id,
    });
    expect(textsWithRole(page, "status").join(" ")).toContain("14 dagen geldig");
  });

  it("the upload form, refused: the reason in the summary; the fields labelled", async () => {
    const form = new FormData();
    form.append("file", new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04])], "mensen.xlsx"));
    const refused = await call(
      importPage.action,
      multipartRequest("/beheer/mensen/importeren", form, hrCookie),
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
      await call(importPage.action, multipartRequest("/beheer/mensen/importeren", form, hrCookie)),
    )!;
    const importId = location.split("/").at(-1)!;
    const stale = await call(
      previewPage.action,
      postRequest(location, [["planHash", "verouderd"]], { cookie: hrCookie }),
      { params: { importId } },
    );
    const preview = await render(previewPage, redirectLocation(stale)!, { importId });
    expectAccessibleControls(preview);
    expect(textsWithRole(preview, "status")[0]).toMatch(/^De gegevens zijn veranderd/);
    const { planHash } = loaderData.current as { planHash: string };
    const applied = await call(
      previewPage.action,
      postRequest(location, [["planHash", planHash]], { cookie: hrCookie }),
      { params: { importId } },
    );
    const list = await render(peoplePage, redirectLocation(applied)!, {});
    expect(textsWithRole(list, "status"), describeOutcome(applied)).toContain(
      "De import is verwerkt. Nieuw: 1. Gewijzigd: 0 (waarvan heractiveerd: 0). Ongewijzigd: 0. Gedeactiveerd: 0. Nieuwe teams: 0.",
    );
  });

  it("the new team form, refused: the name's error is tied to the field", async () => {
    const refused = await call(
      newTeamPage.action,
      postRequest("/beheer/teams/nieuw", [["name", "A > B"]], { cookie: hrCookie }),
    );
    const html = await render(newTeamPage, "/beheer/teams/nieuw", {}, refused);
    expectAccessibleControls(html);
    expect(errorSummaryOf(html).items).toEqual(["Naam: Een teamnaam mag geen > bevatten."]);
    // The hint and the error.
    const name = tagWith(html, "name", "name")!;
    expect(attribute(name, "aria-describedby")?.split(" ")).toHaveLength(2);
  });
});
