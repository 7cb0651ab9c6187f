import { beforeAll, describe, expect, it, vi } from "vitest";
import { stageProfileImport } from "~/profiles/import.server";
import { saveProfileVersion } from "~/profiles/library.server";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { createOtherOrganisation, demoProfile } from "../../support/demo-cast";
import { readSeed } from "../../support/profile-import";
import { signedInCookie } from "../../support/requests";
import type { ProfileImportPreview } from "~/profiles/import.server";
import {
  expectAccessibleControls,
  expectUniqueIds,
  renderedLoaderData,
  renderRoute,
  textOf,
} from "../../support/render-page";

// HR's profile library pages as the server renders them (HTML, no JavaScript), from real
// loader data: what each page offers, and what it does not.

vi.mock("@remix-run/react", async (importOriginal) =>
  (await import("../../support/remix-stub")).remixStub(await importOriginal()),
);

const test = useDemoOrganisation();

function render(
  routeModule: Promise<unknown>,
  url: string,
  params: Record<string, string> = {},
  cookie = test.hrCookie,
): Promise<string> {
  return renderRoute(routeModule, url, { cookie, params });
}

const actor = () => ({ id: test.cast.hr.id, organisationId: test.cast.organisationId });

/** The `<button>`s of a page: their intent and their text. */
const buttonsOf = (html: string) =>
  [...html.matchAll(/<button[^>]*value="([^"]*)"[^>]*>([\s\S]*?)<\/button>/g)].map(
    (match) => [match[1], textOf(match[2]!)] as const,
  );

describe("the rendered library pages", () => {
  let otherCookie: string;
  beforeAll(async () => {
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    otherCookie = await signedInCookie(test.db, other.personId);
  });

  it("the library lists the profiles, links each to its page, and offers the import", async () => {
    const html = await render(import("~/routes/beheer.profielen._index"), "/beheer/profielen");
    const text = textOf(html);
    expect(text).toContain(demoProfile().name);
    expect(html).toMatch(/<a href="\/beheer\/profielen\/[\w-]+">Competentieprofiel Toepassing/);
    expect(html).toContain('href="/beheer/profielen/importeren"');
    expect(text).toContain("Profiel importeren");
    expect(text).toContain("In gebruik");
    expectUniqueIds(html);
  });

  it("an empty library says so and offers every built-in profile to adopt", async () => {
    const html = await render(
      import("~/routes/beheer.profielen._index"),
      "/beheer/profielen",
      {},
      otherCookie,
    );
    expect(textOf(html)).toContain("Er staan nog geen profielen in de bibliotheek.");
    const adopt = buttonsOf(html).filter(([intent]) => intent === "adopt");
    expect(adopt.length).toBeGreaterThanOrEqual(1);
    for (const [, label] of adopt) expect(label).toMatch(/^Overnemen Competentieprofiel /);
    expect(html).toContain('name="profileKey" value="toepassing-beleid"');
  });

  it("the upload form names its fields and says a Markdown file names itself", async () => {
    const html = await render(
      import("~/routes/beheer.profielen.importeren._index"),
      "/beheer/profielen/importeren",
    );
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
    for (const name of ["file", "text", "name"]) expect(html).toContain(`name="${name}"`);
    expect(textOf(html)).toContain("Een Markdown-bestand noemt zichzelf");
    expectAccessibleControls(html);
  });

  it("a preview with problems lists each with its line and offers no save", async () => {
    const importId = await stageProfileImport(test.db, actor(), {
      fileName: "kapot.txt",
      name: "Kapot profiel",
      content: "Kennis\n\nKennis van de klant\n\nzonder gedragsindicatoren.\n",
    });
    const html = await render(
      import("~/routes/beheer.profielen.importeren.$importId"),
      `/beheer/profielen/importeren/${importId}`,
      { importId },
    );
    const text = textOf(html);
    expect(text).toMatch(/\d+ (probleem|problemen): zo kan het profiel niet worden opgeslagen/);
    expect(text).toMatch(/Regel \d+: /);
    expect(text).toContain("Uit het bestand kapot.txt.");
    expect(buttonsOf(html).map(([intent]) => intent)).toEqual(["discard"]);
    expect(html).toContain('href="/beheer/profielen/importeren"');
  });

  it("a preview with problems words them in the reader's language, from codes, not Dutch text", async () => {
    const stage = (fileName: string, content: string) =>
      stageProfileImport(test.db, actor(), { fileName, name: "Kapot profiel", content });
    const pasted = await stage(
      "kapot.txt",
      "Kennis\n\nVakkennis\n\npast vakkennis toe.\n\n• kent de regels.\n\nSamenwerken\n\nwerkt samen.\n",
    );
    const markdown = await stage("kapot.md", "---\nid: kapot\n---\n\n# K {#k}\n");
    const show = (importId: string, locale: "nl" | "en") =>
      renderRoute(
        import("~/routes/beheer.profielen.importeren.$importId"),
        `/beheer/profielen/importeren/${importId}`,
        { cookie: test.hrCookie, params: { importId }, locale },
      );

    const english = textOf(await show(pasted, "en"));
    expect(english).toContain('Line 9: competency "Samenwerken" has no behavioural indicators');
    expect(english).not.toContain("gedragsindicatoren");
    // What went over the wire: the line, the code and its parameters; no Dutch text.
    const { preview } = renderedLoaderData<{ preview: ProfileImportPreview }>();
    expect(preview.outcome).toEqual({
      status: "problems",
      problems: [{ line: 9, code: "withoutIndicators", params: { competency: "Samenwerken" } }],
    });

    const englishMarkdown = await show(markdown, "en");
    expect(textOf(englishMarkdown)).toContain('Line 1: field "name": missing');
    expect(textOf(englishMarkdown)).toContain(
      "Line 5: name of the cluster: too short: at least 2 characters",
    );
    expect(englishMarkdown).not.toContain('lang="nl"');
    expect(textOf(await show(markdown, "nl"))).toContain('Regel 1: veld "name": ontbreekt');
  });

  it("a preview of a good text shows the profile as it will be stored, with save and cancel", async () => {
    const importId = await stageProfileImport(test.db, actor(), {
      fileName: null,
      name: "Getoond profiel",
      content: readSeed(),
    });
    const html = await render(
      import("~/routes/beheer.profielen.importeren.$importId"),
      `/beheer/profielen/importeren/${importId}`,
      { importId },
    );
    const text = textOf(html);
    expect(text).toContain("Een nieuw profiel: het komt als versie 1 in de bibliotheek.");
    expect(text).toContain("getoond-profiel");
    expect(text).toContain("Communiceren");
    expect(text).toMatch(/\d+ organisatiebrede competenties? \(\*\*\*\)/);
    expect(html).toContain('class="badge badge--org"');
    expect(buttonsOf(html)).toEqual([
      ["confirm", "Opslaan"],
      ["discard", "Annuleren"],
    ]);
    expectUniqueIds(html);
  });

  it("a profile's page shows its versions, its export and the retire button when nothing uses it", async () => {
    const profile = structuredClone(demoProfile());
    profile.id = "getoonde-versies";
    profile.name = "Getoonde versies";
    const { profileId } = await saveProfileVersion(test.db, {
      organisationId: test.cast.organisationId,
      personId: test.cast.hr.id,
      profile,
    });
    const html = await render(
      import("~/routes/beheer.profielen.$profileId"),
      `/beheer/profielen/${profileId}?melding=aangemaakt&aantal=1`,
      { profileId },
    );
    const text = textOf(html);
    expect(text).toContain("Het profiel staat in de bibliotheek als versie 1.");
    expect(text).toContain("getoonde-versies");
    expect(text).toContain("1 (huidige)");
    expect(html).toContain(`href="/beheer/profielen/${profileId}.md"`);
    expect(html).toContain(`href="/beheer/profielen/${profileId}.md?versie=1"`);
    expect(buttonsOf(html)).toEqual([["retire", "Buiten gebruik stellen"]]);
    expect(text).toContain("Communiceren");
    expectUniqueIds(html);
  });

  it("a profile that unfinished rounds use says how many and offers no retire", async () => {
    // The demo's rounds use its profile; one of them is collecting.
    const { id: profileId } = await test.db
      .selectFrom("profile")
      .select("id")
      .where("organisation_id", "=", test.cast.organisationId)
      .where("key", "=", demoProfile().id)
      .executeTakeFirstOrThrow();
    const html = await render(
      import("~/routes/beheer.profielen.$profileId"),
      `/beheer/profielen/${profileId}`,
      { profileId },
    );
    expect(textOf(html)).toMatch(/\d+ rondes? die nog niet (is|zijn) vrijgegeven/);
    expect(buttonsOf(html)).toEqual([]);
  });

  it("the new-round form points to the library when it has no profile to offer", async () => {
    const html = await render(
      import("~/routes/beheer.rondes.nieuw"),
      "/beheer/rondes/nieuw",
      {},
      otherCookie,
    );
    expect(textOf(html)).toContain("Er zijn nog geen profielen.");
    expect(html).toContain('href="/beheer/profielen"');
    expect(html).not.toContain('name="profileKey"');
    const withProfiles = await render(
      import("~/routes/beheer.rondes.nieuw"),
      "/beheer/rondes/nieuw",
    );
    expect(withProfiles).toContain('name="profileKey"');
    expect(textOf(withProfiles)).not.toContain("Er zijn nog geen profielen.");
  });

  it("HR's start page links to the library", async () => {
    const html = await render(import("~/routes/beheer._index"), "/beheer");
    expect(html).toContain('href="/beheer/profielen"');
  });
  it("the editor works without JavaScript: every element's fields, its list buttons, and a review with what other profiles do", async () => {
    const { profileId } = await saveProfileVersion(test.db, {
      organisationId: test.cast.organisationId,
      personId: test.cast.hr.id,
      profile: { ...structuredClone(demoProfile()), id: "bewerk-render", name: "Bewerkprofiel" },
    });
    const route = import("~/routes/beheer.profielen.$profileId_.bewerken");
    const url = `/beheer/profielen/${profileId}/bewerken`;
    const html = await renderRoute(route, url, { cookie: test.hrCookie, params: { profileId } });
    expectUniqueIds(html);
    expectAccessibleControls(html);
    // A form that posts by itself; the list buttons post Conform's intent with it.
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(html).toContain('name="clusters[0].competencies[0].indicators[0].key"');
    expect(html).toMatch(/<button[^>]*name="__intent__"[^>]*aria-label="Omlaag: competentie /);
    // The first submit button of the form is the review, not a list button (Enter in a field).
    expect(/<button[^>]*type="submit"[^>]*>/.exec(html)?.[0]).toContain('value="review"');

    const reviewed = await renderRoute(route, url, {
      cookie: test.hrCookie,
      params: { profileId },
      actionData: {
        result: null,
        review: {
          status: "review",
          diff: { clusters: [], competencies: [] },
          shared: [{ name: "Projectleider", competencies: ["Communiceren"] }],
          diverged: [{ name: "Publiekszaken", competencies: ["Communiceren"] }],
          fingerprint: "abc",
          changedSinceReview: false,
        },
      },
    });
    const text = textOf(reviewed);
    expect(text).toContain("Ook in andere profielen");
    expect(text).toContain("Projectleider: Communiceren");
    expect(text).toContain("veranderen niet mee:Publiekszaken: Communiceren");
    expect(reviewed).toContain('name="reviewed" value="abc"');
    expect(buttonsOf(reviewed)).toContainEqual(["save", "Opslaan als nieuwe versie"]);
  });
});
