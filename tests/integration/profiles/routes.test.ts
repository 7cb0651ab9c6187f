import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMessageKey, messageRef } from "~/i18n/messages";
import { stageProfileImport } from "~/profiles/import.server";
import type { LibraryMatch, ProfileImportPreview } from "~/profiles/import.server";
import { findLibraryProfile, listLibrary, readProfileVersion } from "~/profiles/library.server";
import { parseProfileMarkdown } from "~/profiles/markdown";
import * as libraryPage from "~/routes/beheer.profielen._index";
import * as profilePage from "~/routes/beheer.profielen.$profileId";
import * as exportFile from "~/routes/beheer.profielen.$profileId[.md]";
import * as importPage from "~/routes/beheer.profielen.importeren._index";
import * as previewPage from "~/routes/beheer.profielen.importeren.$importId";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { builtInProfiles, createOtherOrganisation } from "../../support/demo-cast";
import { draftCycle } from "../../support/draft-cycles";
import { readSeed } from "../../support/profile-import";
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
  isThrownNotFound,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";

// HR's profile library in the browser: the library, the import (upload, preview, confirm),
// a profile's page (retire, reinstate) and its Markdown export. HR of the organisation only.

const test = useDemoOrganisation();

function expectStatus(outcome: Outcome, status: number) {
  expect(statusOf(outcome), describeOutcome(outcome)).toBe(status);
}

type FormAnswer = { result?: { error?: Record<string, string[] | null> } };

function dataOf<T>(outcome: Outcome): T {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  return outcome.data as T;
}

/** A plain-text file as a municipality publishes its profile. */
function textFile(content: string, name = "profiel.txt"): File {
  return new File([content], name, { type: "text/plain" });
}

function uploadForm(parts: { file?: File; text?: string; name?: string }): FormData {
  const form = new FormData();
  if (parts.file) form.append("file", parts.file);
  if (parts.text !== undefined) form.append("text", parts.text);
  if (parts.name !== undefined) form.append("name", parts.name);
  return form;
}

const upload = (form: FormData, cookie = test.hrCookie) =>
  call(importPage.action, multipartRequest("/beheer/profielen/importeren", form, cookie));

/** Uploads and follows the redirect to the preview: its id and what it shows. */
async function uploadAndPreview(form: FormData) {
  const outcome = await upload(form);
  const location = redirectLocation(outcome);
  expect(location, describeOutcome(outcome)).toMatch(/^\/beheer\/profielen\/importeren\/[\w-]+$/);
  const importId = location!.split("/").at(-1)!;
  const { preview } = valueOf<{ preview: ProfileImportPreview }>(
    await call(previewPage.loader, getRequest(location!, { cookie: test.hrCookie }), {
      params: { importId },
    }),
  );
  return { importId, preview };
}

function ready(preview: ProfileImportPreview) {
  if (preview.outcome.status !== "ready") {
    throw new Error(`Expected a profile, got ${JSON.stringify(preview.outcome)}`);
  }
  return preview.outcome;
}

const decide = (importId: string, intent: string, cookie = test.hrCookie) =>
  call(
    previewPage.action,
    postRequest(`/beheer/profielen/importeren/${importId}`, [["intent", intent]], { cookie }),
    { params: { importId } },
  );

const postToProfile = (profileId: string, fields: Fields, cookie = test.hrCookie) =>
  call(profilePage.action, postRequest(`/beheer/profielen/${profileId}`, fields, { cookie }), {
    params: { profileId },
  });

const exportOf = (profileId: string, query = "", cookie = test.hrCookie) =>
  call(exportFile.loader, getRequest(`/beheer/profielen/${profileId}.md${query}`, { cookie }), {
    params: { profileId },
  });

async function libraryIdOf(organisationId: string, key: string): Promise<string> {
  const row = await test.db
    .selectFrom("profile")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("key", "=", key)
    .executeTakeFirstOrThrow();
  return row.id;
}

const hrActor = () => ({ id: test.cast.hr.id, organisationId: test.cast.organisationId });

const stagedCount = async (organisationId: string) =>
  Number(
    (
      await test.db
        .selectFrom("staged_profile_import")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("organisation_id", "=", organisationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("who may use the library pages", () => {
  let demoProfileId: string;
  let stagedId: string;
  let otherHr: { organisationId: string; cookie: string };
  beforeAll(async () => {
    demoProfileId = await libraryIdOf(test.cast.organisationId, "toepassing-beleid");
    stagedId = await stageProfileImport(test.db, hrActor(), {
      fileName: "x.txt",
      name: "Gestaged",
      content: readSeed(),
    });
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    otherHr = {
      organisationId: other.organisationId,
      cookie: await signedInCookie(test.db, other.personId),
    };
  });

  const pages = (): { path: string; loader: unknown; params: Record<string, string> }[] => [
    { path: "/beheer/profielen", loader: libraryPage.loader, params: {} },
    { path: "/beheer/profielen/importeren", loader: importPage.loader, params: {} },
    {
      path: `/beheer/profielen/${demoProfileId}`,
      loader: profilePage.loader,
      params: { profileId: demoProfileId },
    },
    {
      path: `/beheer/profielen/${demoProfileId}.md`,
      loader: exportFile.loader,
      params: { profileId: demoProfileId },
    },
    {
      path: `/beheer/profielen/importeren/${stagedId}`,
      loader: previewPage.loader,
      params: { importId: stagedId },
    },
  ];

  it("HR gets 200, anyone else signed in 404, an anonymous visitor is sent to sign in", async () => {
    for (const { path, loader, params } of pages()) {
      expectStatus(
        await call(loader, getRequest(path, { cookie: test.hrCookie }), { params }),
        200,
      );
      for (const person of [test.cast.member, test.cast.teamLead, test.cast.departmentHead]) {
        const cookie = await signedInCookie(test.db, person.id);
        const outcome = await call(loader, getRequest(path, { cookie }), { params });
        expect(isThrownNotFound(outcome), `${path}: ${describeOutcome(outcome)}`).toBe(true);
      }
      const anonymous = await call(loader, getRequest(path), { params });
      expect(redirectLocation(anonymous), path).toBe(
        `/inloggen?redirectTo=${encodeURIComponent(path)}`,
      );
    }
  });

  it("HR of another organisation gets 404 for this one's profile, export and staged import", async () => {
    const cookie = otherHr.cookie;
    for (const { path, loader, params } of pages().slice(2)) {
      const outcome = await call(loader, getRequest(path, { cookie }), { params });
      expect(isThrownNotFound(outcome), `${path}: ${describeOutcome(outcome)}`).toBe(true);
    }
    expect(
      isThrownNotFound(await postToProfile(demoProfileId, [["intent", "retire"]], cookie)),
    ).toBe(true);
    expect(isThrownNotFound(await decide(stagedId, "confirm", cookie))).toBe(true);
    expect(isThrownNotFound(await decide(stagedId, "discard", cookie))).toBe(true);
    // Nothing of the demo changed, and the other organisation's library is still empty.
    expect(
      (await findLibraryProfile(test.db, test.cast.organisationId, demoProfileId))?.retired,
    ).toBe(false);
    expect(await stagedCount(test.cast.organisationId)).toBeGreaterThan(0);
    expect(await listLibrary(test.db, otherHr.organisationId)).toEqual([]);
  });

  it("a signed-in non-HR person gets 404 for the posts too", async () => {
    const cookie = await signedInCookie(test.db, test.cast.member.id);
    expect(isThrownNotFound(await upload(uploadForm({ text: "x", name: "X" }), cookie))).toBe(true);
    expect(isThrownNotFound(await decide(stagedId, "confirm", cookie))).toBe(true);
    expect(
      isThrownNotFound(await postToProfile(demoProfileId, [["intent", "retire"]], cookie)),
    ).toBe(true);
  });
});

describe("importing a profile: upload, preview, confirm", () => {
  const NAME = "Competentieprofiel Toetsfunctie";
  const KEY = "competentieprofiel-toetsfunctie";
  let profileId: string;
  // The seed's text under another name holds the library's competencies word for word, and
  // its rewordings would be offered as links to them (tested apart below). Here the library's
  // other profiles are retired for the while, so this profile stands alone.
  let retiredHere: string[] = [];
  beforeAll(async () => {
    const rows = await test.db
      .updateTable("profile")
      .set({ retired_at: new Date().toISOString() })
      .where("organisation_id", "=", test.cast.organisationId)
      .where("retired_at", "is", null)
      .returning("id")
      .execute();
    retiredHere = rows.map((row) => row.id);
  });
  afterAll(async () => {
    if (retiredHere.length === 0) return;
    await test.db
      .updateTable("profile")
      .set({ retired_at: null })
      .where("id", "in", retiredHere)
      .execute();
  });

  it("a plain-text file becomes version 1 of a new profile, only once HR confirms", async () => {
    const before = await listLibrary(test.db, test.cast.organisationId);
    const { importId, preview } = await uploadAndPreview(
      uploadForm({ file: textFile(readSeed()), name: `  ${NAME} ` }),
    );
    expect(preview.fileName).toBe("profiel.txt");
    const profile = ready(preview);
    expect(profile).toMatchObject({ key: KEY, name: NAME, library: { kind: "new" } });
    expect(profile.counts.competencies).toBeGreaterThan(0);
    expect(profile.organisationWide).toBeGreaterThan(0);
    expect(profile.counts.indicators).toBe(
      profile.structure.clusters
        .flatMap((cluster) => cluster.competencies)
        .reduce((sum, competency) => sum + competency.indicators.length, 0),
    );
    // The preview is only a preview: the library has not changed.
    expect(await listLibrary(test.db, test.cast.organisationId)).toEqual(before);

    const confirmed = await decide(importId, "confirm");
    const location = redirectLocation(confirmed);
    expect(location, describeOutcome(confirmed)).toMatch(
      /^\/beheer\/profielen\/[\w-]+\?melding=aangemaakt&aantal=1$/,
    );
    profileId = location!.split("?")[0]!.split("/").at(-1)!;
    const stored = await findLibraryProfile(test.db, test.cast.organisationId, profileId);
    expect(stored).toMatchObject({ key: KEY, name: NAME, retired: false });
    expect(stored?.versions.map((version) => version.version)).toEqual([1]);
    const snapshot = await test.db
      .selectFrom("profile_snapshot")
      .select("created_by_person_id")
      .where("id", "=", stored!.currentSnapshotId)
      .executeTakeFirstOrThrow();
    expect(snapshot.created_by_person_id).toBe(test.cast.hr.id);

    // The staged text is gone: its preview no longer exists.
    expect(
      isThrownNotFound(
        await call(
          previewPage.loader,
          getRequest(`/beheer/profielen/importeren/${importId}`, {
            cookie: test.hrCookie,
          }),
          { params: { importId } },
        ),
      ),
    ).toBe(true);

    const page = valueOf<Awaited<ReturnType<typeof profilePage.loader>>>(
      await call(profilePage.loader, getRequest(location!, { cookie: test.hrCookie }), {
        params: { profileId },
      }),
    );
    expect(page.notice).toMatchObject({ key: "profiles.notice.created", count: 1 });
    expect(page.profile).toMatchObject({ key: KEY, name: NAME, retired: false });
    expect(page.current.version).toBe(1);
  });

  it("a changed text is version 2 of the same profile", async () => {
    const changed = readSeed().replace(
      "weet wie voor welke vragen aanspreekpunt is",
      "weet wie voor welke vragen het aanspreekpunt is",
    );
    expect(changed).not.toBe(readSeed());
    const { importId, preview } = await uploadAndPreview(uploadForm({ text: changed, name: NAME }));
    expect(preview.fileName).toBeNull();
    const library = ready(preview).library;
    expect(library).toMatchObject({
      kind: "new-version",
      name: NAME,
      currentVersion: 1,
      nextVersion: 2,
      retired: false,
    } satisfies Omit<Extract<LibraryMatch, { kind: "new-version" }>, "changes">);
    // The preview says what the new version changes: that one indicator, reworded.
    if (library.kind !== "new-version") throw new Error(library.kind);
    expect(library.changes.competencies).toHaveLength(1);
    expect(library.changes.competencies[0]!.indicators).toEqual([
      expect.objectContaining({
        kind: "reworded",
        before: "weet wie voor welke vragen aanspreekpunt is",
        after: "weet wie voor welke vragen het aanspreekpunt is",
      }),
    ]);
    expect(redirectLocation(await decide(importId, "confirm"))).toBe(
      `/beheer/profielen/${profileId}?melding=nieuwe-versie&aantal=2`,
    );
    const stored = await findLibraryProfile(test.db, test.cast.organisationId, profileId);
    expect(stored?.versions.map((version) => [version.version, version.current])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  it("the same text again is 'unchanged' and makes no new version", async () => {
    const same = readSeed().replace(
      "weet wie voor welke vragen aanspreekpunt is",
      "weet wie voor welke vragen het aanspreekpunt is",
    );
    const { importId, preview } = await uploadAndPreview(uploadForm({ text: same, name: NAME }));
    expect(ready(preview).library).toEqual({
      kind: "unchanged",
      name: NAME,
      currentVersion: 2,
      retired: false,
    } satisfies LibraryMatch);
    expect(redirectLocation(await decide(importId, "confirm"))).toBe(
      `/beheer/profielen/${profileId}?melding=ongewijzigd&aantal=2`,
    );
    const stored = await findLibraryProfile(test.db, test.cast.organisationId, profileId);
    expect(stored?.versions).toHaveLength(2);
  });

  it("its export is the current version in Markdown, which parses back to the same profile", async () => {
    const response = responseOf(await exportOf(profileId));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${KEY}.md"`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
    const stored = await findLibraryProfile(test.db, test.cast.organisationId, profileId);
    const current = await readProfileVersion(test.db, stored!.currentSnapshotId);
    const parsed = parseProfileMarkdown(await response.text(), `${KEY}.md`);
    expect(parsed).toEqual({ ok: true, profile: current });

    // An older version on request; a version that does not exist is a 404.
    const first = parseProfileMarkdown(
      await responseOf(await exportOf(profileId, "?versie=1")).text(),
      "v1.md",
    );
    expect(first.ok && first.profile.id).toBe(KEY);
    expect(first).not.toEqual(parsed);
    for (const query of ["?versie=3", "?versie=0", "?versie=abc", "?versie=1.5"]) {
      expect(isThrownNotFound(await exportOf(profileId, query)), query).toBe(true);
    }
  });

  it("the exported Markdown imports as the same profile: unchanged", async () => {
    const markdown = await responseOf(await exportOf(profileId)).text();
    const { importId, preview } = await uploadAndPreview(
      uploadForm({ file: new File([markdown], `${KEY}.md`, { type: "text/markdown" }) }),
    );
    expect(ready(preview).library).toMatchObject({ kind: "unchanged", currentVersion: 2 });
    expect(redirectLocation(await decide(importId, "discard"))).toBe(
      "/beheer/profielen?melding=geannuleerd",
    );
    expect(
      await test.db
        .selectFrom("staged_profile_import")
        .select("id")
        .where("id", "=", importId)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("a broken text shows every problem with its line, and a forged confirm saves nothing", async () => {
    const broken = [
      "Kennis",
      "",
      "Kennis van het gebroken vak",
      "",
      "een beschrijving zonder gedragsindicatoren.",
      "",
      "Vaardigheden",
      "",
      "Communiceren ***",
      "",
      "luistert.",
      "",
      " • luistert goed;",
      "",
    ].join("\n");
    const { importId, preview } = await uploadAndPreview(
      uploadForm({ text: broken, name: "Gebroken profiel" }),
    );
    expect(preview.outcome.status).toBe("problems");
    const problems = preview.outcome.status === "problems" ? preview.outcome.problems : [];
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      // A code the page translates, not a text in one language.
      expect(isMessageKey(`profiles.fileIssue.${problem.code}`), problem.code).toBe(true);
      expect(problem).not.toHaveProperty("message");
    }
    expect(problems.map((problem) => problem.line)).toContain(3);

    const forged = await decide(importId, "confirm");
    expectStatus(forged, 400);
    expect(await responseOf(forged).text()).toBe(
      "Dit profiel heeft problemen en kan niet worden opgeslagen.",
    );
    const keys = (await listLibrary(test.db, test.cast.organisationId)).map((entry) => entry.key);
    expect(keys).not.toContain("gebroken-profiel");
  });

  it("refuses an unknown intent and a field the form does not have", async () => {
    const staged = await stageProfileImport(test.db, hrActor(), {
      fileName: null,
      name: "Onbekend",
      content: readSeed(),
    });
    expectStatus(await decide(staged, "apply"), 400);
    expectStatus(
      await call(
        previewPage.action,
        postRequest(
          `/beheer/profielen/importeren/${staged}`,
          [
            ["intent", "confirm"],
            ["profileKey", "x"],
          ],
          { cookie: test.hrCookie },
        ),
        { params: { importId: staged } },
      ),
      400,
    );
    expect(isThrownNotFound(await decide("bestaat-niet", "confirm"))).toBe(true);
  });
});

describe("the upload form", () => {
  const errorsOf = (outcome: Outcome) => dataOf<FormAnswer>(outcome).result?.error ?? {};

  it("plain text needs a name; a Markdown file names itself", async () => {
    const withoutName = await upload(uploadForm({ file: textFile(readSeed()) }));
    expectStatus(withoutName, 400);
    expect(errorsOf(withoutName).name).toEqual([messageRef("profiles.import.upload.nameRequired")]);
    const pasted = await upload(uploadForm({ text: readSeed(), name: "" }));
    expect(errorsOf(pasted).name).toEqual([messageRef("profiles.import.upload.nameRequired")]);
    const noKey = await upload(uploadForm({ text: readSeed(), name: "!!" }));
    expect(errorsOf(noKey).name).toEqual([messageRef("profiles.import.upload.nameNoKey")]);

    const key = builtInProfiles()[0]!.id;
    const markdown = readFileSync(path.resolve("surveys", `${key}.md`), "utf8");
    const { preview } = await uploadAndPreview(
      uploadForm({ file: new File([markdown], "profiel.md") }),
    );
    expect(ready(preview).key).toBe(key);
    // Pasted Markdown is recognised by its front matter.
    const pastedMarkdown = await uploadAndPreview(uploadForm({ text: markdown }));
    expect(ready(pastedMarkdown.preview).key).toBe(key);
  });

  it("decodes UTF-8 with a byte order mark, and Windows-1252", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(readSeed())]);
    const { preview } = await uploadAndPreview(
      uploadForm({ file: new File([bom], "bom.txt"), name: "Met BOM" }),
    );
    expect(ready(preview).key).toBe("met-bom");
    const latin = Uint8Array.from(
      Buffer.from(readSeed().replace(/•/g, "-").replace(/’/g, "'"), "latin1"),
    );
    const windows = await uploadAndPreview(
      uploadForm({ file: new File([latin], "ansi.txt"), name: "Windows" }),
    );
    expect(windows.preview.outcome.status).toBe("ready");
  });

  it("refuses a Word file, a binary file, no input, both, and more than 512 kB", async () => {
    const word = await upload(
      uploadForm({
        file: new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0])], "profiel.docx"),
        name: "Word",
      }),
    );
    expectStatus(word, 400);
    expect(errorsOf(word)[""]).toEqual([messageRef("profiles.import.upload.workbook")]);
    const binary = await upload(
      uploadForm({ file: new File([Uint8Array.from([0x41, 0, 0x42])], "x.txt"), name: "Bin" }),
    );
    expect(errorsOf(binary)[""]).toEqual([messageRef("profiles.import.upload.binary")]);

    expectStatus(await upload(uploadForm({ text: "  ", name: "Leeg" })), 400);
    expectStatus(await upload(uploadForm({ file: textFile("a"), text: "a", name: "Beide" })), 400);
    const large = await upload(
      uploadForm({ file: textFile("x".repeat(512 * 1024 + 1)), name: "Groot" }),
    );
    expectStatus(large, 413);
    expect(errorsOf(large)[""]).toEqual([
      messageRef("profiles.import.upload.tooLarge", { kilobytes: 512 }),
    ]);
  });

  it("answers 400 to an urlencoded post, an unknown part or a part given twice", async () => {
    expectStatus(
      await call(
        importPage.action,
        postRequest("/beheer/profielen/importeren", [["text", "a"]], { cookie: test.hrCookie }),
      ),
      400,
    );
    const unknown = uploadForm({ text: "a", name: "A" });
    unknown.append("profileKey", "x");
    expectStatus(await upload(unknown), 400);
    const twice = uploadForm({ text: "a", name: "A" });
    twice.append("name", "B");
    expectStatus(await upload(twice), 400);
  });
});

describe("a profile's use: retire and reinstate", () => {
  it("refuses to retire a profile a draft round uses (409, with the count), then retires it once released", async () => {
    const { preview, importId } = await uploadAndPreview(
      uploadForm({ text: readSeed(), name: "Profiel in een ronde" }),
    );
    expect(ready(preview).library.kind).toBe("new");
    const location = redirectLocation(await decide(importId, "confirm"))!;
    const profileId = location.split("?")[0]!.split("/").at(-1)!;
    const cycleId = await draftCycle(test.db, test.cast, { profileKey: "profiel-in-een-ronde" });

    const refused = await postToProfile(profileId, [["intent", "retire"]]);
    expectStatus(refused, 409);
    expect(await responseOf(refused).text()).toBe(
      "Dit profiel kan niet buiten gebruik: 1 ronde die nog niet is vrijgegeven, gebruikt het.",
    );
    expect((await findLibraryProfile(test.db, test.cast.organisationId, profileId))?.retired).toBe(
      false,
    );

    await test.db.deleteFrom("cycle").where("id", "=", cycleId).execute();
    expect(redirectLocation(await postToProfile(profileId, [["intent", "retire"]]))).toBe(
      `/beheer/profielen/${profileId}?melding=buiten-gebruik`,
    );
    expect((await findLibraryProfile(test.db, test.cast.organisationId, profileId))?.retired).toBe(
      true,
    );
    expect(redirectLocation(await postToProfile(profileId, [["intent", "reinstate"]]))).toBe(
      `/beheer/profielen/${profileId}?melding=weer-in-gebruik`,
    );
    expect((await findLibraryProfile(test.db, test.cast.organisationId, profileId))?.retired).toBe(
      false,
    );
  });

  it("answers 400 to an unknown intent or field, 404 for a profile that does not exist", async () => {
    const profileId = await libraryIdOf(test.cast.organisationId, "toepassing-beleid");
    expectStatus(await postToProfile(profileId, [["intent", "delete"]]), 400);
    expectStatus(
      await postToProfile(profileId, [
        ["intent", "retire"],
        ["profileKey", "x"],
      ]),
      400,
    );
    expect(isThrownNotFound(await postToProfile("bestaat-niet", [["intent", "retire"]]))).toBe(
      true,
    );
  });
});

describe("adopting a built-in profile", () => {
  it("puts a built-in profile the organisation lacks in its library as version 1", async () => {
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    const cookie = await signedInCookie(test.db, other.personId);
    const page = valueOf<Awaited<ReturnType<typeof libraryPage.loader>>>(
      await call(libraryPage.loader, getRequest("/beheer/profielen", { cookie })),
    );
    expect(page.profiles).toEqual([]);
    expect(page.builtIn.map((profile) => profile.key).sort()).toEqual(
      builtInProfiles()
        .map((profile) => profile.id)
        .sort(),
    );
    const key = page.builtIn[0]!.key;
    const adopt = (fields: Fields) =>
      call(libraryPage.action, postRequest("/beheer/profielen", fields, { cookie }));

    expect(
      redirectLocation(
        await adopt([
          ["intent", "adopt"],
          ["profileKey", key],
        ]),
      ),
    ).toBe("/beheer/profielen?melding=overgenomen");
    const library = await listLibrary(test.db, other.organisationId);
    expect(library.map((entry) => [entry.key, entry.version])).toEqual([[key, 1]]);

    const again = await adopt([
      ["intent", "adopt"],
      ["profileKey", key],
    ]);
    expectStatus(again, 409);
    expect(await responseOf(again).text()).toBe("Dit standaardprofiel staat al in de bibliotheek.");
    expectStatus(
      await adopt([
        ["intent", "adopt"],
        ["profileKey", "bestaat-niet"],
      ]),
      400,
    );
    expectStatus(
      await adopt([
        ["intent", "remove"],
        ["profileKey", key],
      ]),
      400,
    );
    expectStatus(
      await adopt([
        ["intent", "adopt"],
        ["profileKey", key],
        ["x", "y"],
      ]),
      400,
    );
    expect(await listLibrary(test.db, other.organisationId)).toHaveLength(1);

    const after = valueOf<Awaited<ReturnType<typeof libraryPage.loader>>>(
      await call(
        libraryPage.loader,
        getRequest("/beheer/profielen?melding=overgenomen", { cookie }),
      ),
    );
    expect(after.notice?.key).toBe("profiles.notice.adopted");
    expect(after.builtIn.map((profile) => profile.key)).not.toContain(key);
    expect(after.profiles).toEqual([
      expect.objectContaining({ name: library[0]!.name, version: 1, retired: false }),
    ]);
  });
});

describe("linking an imported profile's competencies to the library's", () => {
  const reworded = () =>
    readSeed().replace(
      "maakt duidelijke afspraken met gesprekspartners",
      "maakt heldere afspraken met gesprekspartners",
    );
  const confirmWith = (importId: string, links: string[]) =>
    call(
      previewPage.action,
      postRequest(
        `/beheer/profielen/importeren/${importId}`,
        [["intent", "confirm"], ...links.map((key): [string, string] => [`link.${key}`, "on"])],
        { cookie: test.hrCookie },
      ),
      { params: { importId } },
    );
  const libraryCommuniceren = async () => {
    const id = await libraryIdOf(test.cast.organisationId, "toepassing-beleid");
    const entry = await findLibraryProfile(test.db, test.cast.organisationId, id);
    const profile = await readProfileVersion(test.db, entry!.currentSnapshotId);
    return profile.clusters
      .flatMap((cluster) => cluster.competencies)
      .find((competency) => competency.id === "communiceren")!;
  };
  const storedCompetencies = async (location: string) => {
    const profileId = location.split("?")[0]!.split("/").at(-1)!;
    const entry = await findLibraryProfile(test.db, test.cast.organisationId, profileId);
    const profile = await readProfileVersion(test.db, entry!.currentSnapshotId);
    return profile.clusters.flatMap((cluster) => cluster.competencies);
  };

  it("offers the link where the library holds a competency with other wording, and takes its wording", async () => {
    const { importId, preview } = await uploadAndPreview(
      uploadForm({ text: reworded(), name: "Competentieprofiel Koppeltest" }),
    );
    const profile = ready(preview);
    const link = profile.links.find((choice) => choice.key === "communiceren");
    expect(link).toMatchObject({ libraryName: "Communiceren", differences: ["indicators"] });
    expect(link!.profiles).toContain("Competentieprofiel Toepassing beleid");
    // Shown as stored with the link taken (the form's default).
    const shown = profile.structure.clusters
      .flatMap((cluster) => cluster.competencies)
      .find((competency) => competency.id === "communiceren");
    expect(shown).toEqual(await libraryCommuniceren());

    const confirmed = await confirmWith(importId, ["communiceren"]);
    const location = redirectLocation(confirmed);
    expect(location, describeOutcome(confirmed)).toMatch(/\?melding=aangemaakt/);
    const stored = (await storedCompetencies(location!)).find((c) => c.id === "communiceren");
    expect(stored).toEqual(await libraryCommuniceren());
  });

  it("keeps a competency HR does not link apart, under an id of its own", async () => {
    const { importId } = await uploadAndPreview(
      uploadForm({ text: reworded(), name: "Competentieprofiel Eigen formulering" }),
    );
    const location = redirectLocation(await confirmWith(importId, []));
    const competencies = await storedCompetencies(location!);
    expect(competencies.some((competency) => competency.id === "communiceren")).toBe(false);
    const own = competencies.find((competency) =>
      competency.indicators.some((indicator) => indicator.text.startsWith("maakt heldere")),
    );
    expect(own?.id).toMatch(/^communiceren-\d+$/);
    expect(own?.name).toBe("Communiceren");
  });

  it("refuses a link field longer than an id could be", async () => {
    const { importId } = await uploadAndPreview(
      uploadForm({ text: reworded(), name: "Competentieprofiel Lange sleutel" }),
    );
    const outcome = await confirmWith(importId, ["x".repeat(200)]);
    expectStatus(outcome, 400);
  });
});
