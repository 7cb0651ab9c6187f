import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadStagedImport } from "~/people/import.server";
import type { ImportPlan } from "~/people/import-plan";
import type { ProfileImportPreview } from "~/profiles/import.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import * as peopleImportPage from "~/routes/beheer.mensen.importeren._index";
import * as peoplePreviewPage from "~/routes/beheer.mensen.importeren.$importId";
import * as profileImportPage from "~/routes/beheer.profielen.importeren._index";
import * as profilePreviewPage from "~/routes/beheer.profielen.importeren.$importId";
import * as declinePage from "~/routes/uitnodiging.$token.afzeggen";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import {
  closeBeforeDeadline,
  completeRatings,
  invitationRow,
  postRequest as raterPost,
  run,
  sealedAnswersOfCycle,
} from "../../integration/rater/helpers";
import { useDemoOrganisation } from "../../support/demo-organisation";
import { createCycleFixture } from "../../support/fixtures/cycle";
import { csvFile } from "../../support/people-import";
import { call, getRequest, multipartRequest } from "../../support/requests";
import { describeOutcome, redirectLocation, valueOf } from "../../support/route-outcome";

// The attack: a NUL character (U+0000) sent where Rondom takes text or an id. SQLite keeps a
// NUL in text, PostgreSQL refuses it ("invalid byte sequence for encoding UTF8: 0x00"): every
// query that carried one failed there, as a 500. Now a NUL in an id or a search finds nothing
// on both (db/dialect.ts), free text loses it where it comes in, and a staged import keeps it
// escaped, so that its preview names the line (app/utils/nul-characters.ts).

const NUL = "\u0000";
const RLO = "\u202e";

const test = useDemoOrganisation();

/** Every query parameter a page of Rondom reads. */
const QUERY_PARAMETERS = [
  "zoek",
  "q",
  "ronde",
  "team",
  "versie",
  "handeling",
  "voor",
  "reeks",
  "aan",
  "lang",
  "redirectTo",
  "melding",
];

describe("an address with a NUL", () => {
  it("in a path parameter or the query is answered by every page, never with an error", async () => {
    const routeFiles = fs
      .readdirSync(path.join(process.cwd(), "app/routes"))
      .filter((file) => file.endsWith(".tsx"));
    const query = QUERY_PARAMETERS.map((name) => `${name}=a%00b`).join("&");
    const failures: string[] = [];
    let pages = 0;
    for (const file of routeFiles) {
      const route = (await import(`../../../app/routes/${file.replace(/\.tsx$/, "")}.tsx`)) as {
        loader?: unknown;
      };
      if (!route.loader) continue;
      const names = [...file.matchAll(/\$(\w+)/g)].map((match) => match[1]!);
      const params = Object.fromEntries(names.map((name) => [name, `a${NUL}b`]));
      const address = `/${file
        .replace(/\.tsx$/, "")
        .replace(/[[\]]/g, "")
        .replace(/\$\w+/g, "a%00b")
        .replace(/(^|\.)_index$/, "")
        .replace(/_/g, "")
        .replace(/\./g, "/")}`;
      for (const search of ["", `?${query}`]) {
        const outcome = await call(
          route.loader,
          getRequest(`${address}${search}`, { cookie: test.hrCookie }),
          { params },
        );
        if (outcome.kind === "error")
          failures.push(`${file}${search}: ${describeOutcome(outcome)}`);
      }
      pages++;
    }
    expect(pages).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });
});

describe("an import with a NUL", () => {
  it("of people, pasted, names the line that holds it; a file's name is kept without it", async () => {
    const form = new FormData();
    form.append(
      "text",
      [
        "personeelsnummer;voornaam;achternaam;email;team;leidinggevende",
        `930001;Anna${NUL};Bakker;anna@nul.example;Nul;`,
      ].join("\n"),
    );
    const outcome = await call(
      peopleImportPage.action,
      multipartRequest("/beheer/mensen/importeren", form, test.hrCookie),
    );
    const location = redirectLocation(outcome);
    expect(location, describeOutcome(outcome)).toMatch(/^\/beheer\/mensen\/importeren\/[\w-]+$/);
    const importId = location!.split("/").at(-1)!;
    const { plan } = valueOf<{ plan: ImportPlan }>(
      await call(peoplePreviewPage.loader, getRequest(location!, { cookie: test.hrCookie }), {
        params: { importId },
      }),
    );
    const row = plan.rows.find((candidate) => candidate.line === 2);
    expect(row?.kind).toBe("error");
    expect(row?.kind === "error" && row.problems.map((problem) => problem.cell?.value)).toEqual([
      "Anna[U+0000]",
    ]);

    const file = new FormData();
    file.append(
      "file",
      csvFile(
        "personeelsnummer;voornaam;achternaam;email\n930002;Bo;Bos;bo@nul.example\n",
        `mensen${NUL}${RLO}vsc.csv`,
      ),
    );
    const uploaded = redirectLocation(
      await call(
        peopleImportPage.action,
        multipartRequest("/beheer/mensen/importeren", file, test.hrCookie),
      ),
    );
    const staged = await loadStagedImport(
      test.db,
      test.cast.organisationId,
      uploaded!.split("/").at(-1)!,
    );
    expect(staged?.fileName).toBe("mensenvsc.csv");
  });

  it("of a profile, pasted, is refused in its preview like any text that is not a profile", async () => {
    const form = new FormData();
    form.append("text", `Competentie${NUL}\n\nIndicator een\nIndicator twee\n`);
    form.append("name", "Nulprofiel");
    const outcome = await call(
      profileImportPage.action,
      multipartRequest("/beheer/profielen/importeren", form, test.hrCookie),
    );
    const location = redirectLocation(outcome);
    expect(location, describeOutcome(outcome)).toMatch(/^\/beheer\/profielen\/importeren\/[\w-]+$/);
    const importId = location!.split("/").at(-1)!;
    const { preview } = valueOf<{ preview: ProfileImportPreview }>(
      await call(profilePreviewPage.loader, getRequest(location!, { cookie: test.hrCookie }), {
        params: { importId },
      }),
    );
    expect(preview.outcome.status).not.toBe("ready");
  });
});

describe("a rater's text with a NUL", () => {
  it("is kept without it: a comment through the close, the reason of a decline", async () => {
    const cycle = await createCycleFixture(test.db, { invitations: 6 });
    const [answering, declining] = cycle.invitations;
    const questionnaire = await loadQuestionnaire(test.db, cycle.snapshotId);
    const competency = questionnaire.competencies[0]!;

    const submitted = await run(
      questionnairePage.action,
      raterPost(answering!.token, "/vragenlijst", [
        ["intent", "submit"],
        ...completeRatings(questionnaire),
        [`comments.${competency.id}`, `Luistert${NUL} goed.`],
        ["general.went_well", `${NUL}Op tijd.`],
      ]),
      answering!.token,
    );
    expect(redirectLocation(submitted), describeOutcome(submitted)).toMatch(/\/bedankt$/);
    const [sealed] = await sealedAnswersOfCycle(test.db, cycle.cycleId);
    expect(sealed).toMatchObject({
      comments: { [competency.id]: "Luistert goed." },
      general: { went_well: "Op tijd." },
    });

    const declined = await run(
      declinePage.action,
      raterPost(declining!.token, "/afzeggen", [["reason", `Geen${NUL} tijd`]]),
      declining!.token,
    );
    expect(redirectLocation(declined), describeOutcome(declined)).not.toBeNull();
    expect((await invitationRow(test.db, declining!.id)).decline_reason).toBe("Geen tijd");

    await closeBeforeDeadline(test.db, cycle);
    const comments = await test.db
      .selectFrom("comment")
      .innerJoin("response", "response.id", "comment.response_id")
      .select("comment.text")
      .where("response.cycle_id", "=", cycle.cycleId)
      .orderBy("comment.text")
      .execute();
    expect(comments.map((comment) => comment.text)).toEqual(["Luistert goed.", "Op tijd."]);
  });
});
