import type { SubmissionResult } from "@conform-to/react";
import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import { allErrorsOf, translateErrors } from "~/components/forms";
import { translator } from "~/i18n/messages";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import type { NominationPageView } from "~/nominations/page-data.server";
import * as queuePage from "~/routes/goedkeuren._index";
import * as reviewPage from "~/routes/goedkeuren.$participantId";
import * as proposePage from "~/routes/voordragen.$participantId";
import type { Notice } from "~/utils/notices";
import { call, getRequest, postRequest, signedInCookie, type Fields } from "../../support/requests";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  actorOf,
  createNominatingCycle,
  memberCycle,
  nominationRows,
  participantIdOf,
  participantRow,
  possibleColleagues,
} from "../../support/nominating-cycles";

// The three pages through their loaders and actions, as Remix calls them.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];
const cookies = new Map<string, string>();

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 4);
});

async function cookieOf(person: Person): Promise<string> {
  let cookie = cookies.get(person.id);
  if (!cookie) {
    cookie = await signedInCookie(test.db, person.id);
    cookies.set(person.id, cookie);
  }
  return cookie;
}

interface ProposePageData {
  view: NominationPageView;
  onBehalf: boolean;
  notice: Notice | null;
}

async function openPropose(person: Person | null, participantId: string, query = "") {
  const path = `/voordragen/${participantId}${query}`;
  const cookie = person ? await cookieOf(person) : undefined;
  return call(proposePage.loader, getRequest(path, { cookie }), { params: { participantId } });
}

async function postPropose(person: Person, participantId: string, fields: Fields, query = "") {
  const path = `/voordragen/${participantId}${query}`;
  return call(proposePage.action, postRequest(path, fields, { cookie: await cookieOf(person) }), {
    params: { participantId },
  });
}

async function postReview(person: Person, participantId: string, fields: Fields, query = "") {
  const path = `/goedkeuren/${participantId}${query}`;
  return call(reviewPage.action, postRequest(path, fields, { cookie: await cookieOf(person) }), {
    params: { participantId },
  });
}

/** The errors of a refused post, as the page shows them (the answer holds message references). */
function actionErrors(outcome: Outcome): string[] {
  if (outcome.kind !== "data") throw new Error(describeOutcome(outcome));
  const { result } = outcome.data as { result: SubmissionResult<string[]> };
  return translateErrors(translator("nl"), allErrorsOf(result));
}

describe("/voordragen/$participantId", () => {
  it("shows the participant their round, the automatic raters and the limits", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const outcome = await openPropose(cast.member, participantId);
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    const { view, onBehalf } = valueOf<ProposePageData>(outcome);
    expect(onBehalf).toBe(false);
    expect(view).toMatchObject({
      participantName: `${cast.member.first_name} ${cast.member.last_name}`,
      managerName: `${cast.teamLead.first_name} ${cast.teamLead.last_name}`,
      nominationOpen: true,
      nominationStatus: "open",
      nominationDeadline: "2030-03-18",
      directReports: null,
    });
    expect(view.groups.map((g) => [g.group, g.count, g.min, g.max])).toEqual([
      ["colleague", 0, 2, 3],
      ["customer", 0, 0, 2],
    ]);
    expect(view.problems).toEqual([
      { group: "colleague", kind: "too_few", count: 0, min: 2, max: 3 },
    ]);
  });

  it("lists a lead's direct reports to nominate when the round has a reports group", async () => {
    const cycle = await createNominatingCycle(test.db, cast, [cast.teamLead], {
      include_reports_group: 1,
      report_min: 1,
    });
    const participantId = participantIdOf(cycle, cast.teamLead);
    const { view } = valueOf<ProposePageData>(await openPropose(cast.teamLead, participantId));
    expect(view.groups.map((group) => group.group)).toEqual(["colleague", "customer", "report"]);
    expect(view.directReports?.map((person) => person.id)).toContain(cast.member.id);
    expect(view.directReports?.map((person) => person.id)).not.toContain(cast.teamLead.id);
    // Direct reports are not offered as colleagues in the search.
    const search = valueOf<ProposePageData>(
      await openPropose(
        cast.teamLead,
        participantId,
        `?zoek=${encodeURIComponent(`${cast.member.first_name} ${cast.member.last_name}`)}`,
      ),
    ).view.search;
    expect(search.status === "done" ? search.results.map((r) => r.id) : []).not.toContain(
      cast.member.id,
    );
    const proposed = await postPropose(cast.teamLead, participantId, [
      ["intent", "propose-report"],
      ["personId", cast.member.id],
    ]);
    expect(redirectLocation(proposed)).toBe(`/voordragen/${participantId}?melding=voorgedragen`);
    const after = valueOf<ProposePageData>(await openPropose(cast.teamLead, participantId)).view;
    expect(after.directReports?.map((person) => person.id)).not.toContain(cast.member.id);
    expect(after.groups[2]!.items.map((item) => item.name)).toEqual([
      `${cast.member.first_name} ${cast.member.last_name}`,
    ]);
  });

  it("answers 404 to everyone but the participant and HR, and sends anonymous visitors to sign in", async () => {
    const { cycleId, participantId } = await memberCycle(test.db, cast);
    const anonymous = await openPropose(null, participantId);
    expect(redirectLocation(anonymous)).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(`/voordragen/${participantId}`)}`,
    );
    for (const person of [cast.teamLead, cast.departmentHead, colleagues[0]!]) {
      expect(isThrownNotFound(await openPropose(person, participantId))).toBe(true);
      expect(
        isThrownNotFound(
          await postPropose(person, participantId, [
            ["intent", "propose-colleague"],
            ["personId", colleagues[1]!.id],
          ]),
        ),
      ).toBe(true);
    }
    expect(isThrownNotFound(await openPropose(cast.member, "bestaat-niet"))).toBe(true);
    const hr = await openPropose(cast.hr, participantId);
    expect(valueOf<ProposePageData>(hr).onBehalf).toBe(true);
    await test.db.updateTable("cycle").set({ status: "draft" }).where("id", "=", cycleId).execute();
    expect(isThrownNotFound(await openPropose(cast.member, participantId))).toBe(true);
    expect(await nominationRows(test.db, participantId)).toEqual([]);
  });

  it("searches the directory, leaving out the participant, the manager and who is nominated", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const search = async (query: string) =>
      valueOf<ProposePageData>(
        await openPropose(cast.member, participantId, `?zoek=${encodeURIComponent(query)}`),
      ).view.search;
    expect(await search("a")).toEqual({ query: "a", status: "too_short" });
    const own = await search(cast.member.last_name);
    const ids = (s: Awaited<ReturnType<typeof search>>) =>
      s.status === "done" ? s.results.map((r) => r.id) : [];
    expect(ids(own)).not.toContain(cast.member.id);
    expect(ids(await search(`${cast.teamLead.first_name} ${cast.teamLead.last_name}`))).toEqual([]);
    const colleague = colleagues[0]!;
    const found = await search(`${colleague.first_name} ${colleague.last_name}`);
    expect(ids(found)).toContain(colleague.id);
    if (found.status === "done") {
      expect(found.results.find((r) => r.id === colleague.id)?.teamName).toEqual(
        expect.any(String),
      );
    }

    // Proposing from the results keeps the search, and the person leaves the results.
    const outcome = await postPropose(
      cast.member,
      participantId,
      [
        ["intent", "propose-colleague"],
        ["personId", colleague.id],
      ],
      `?zoek=${encodeURIComponent(colleague.last_name)}`,
    );
    expect(redirectLocation(outcome)).toBe(
      `/voordragen/${participantId}?zoek=${encodeURIComponent(colleague.last_name).replace(/%20/g, "+")}&melding=voorgedragen`,
    );
    expect(ids(await search(`${colleague.first_name} ${colleague.last_name}`))).not.toContain(
      colleague.id,
    );
    const page = valueOf<ProposePageData>(
      await openPropose(cast.member, participantId, "?melding=voorgedragen"),
    );
    expect(page.notice).toEqual({ key: "nominations.notice.proposed", tone: "success", count: 0 });
    expect(page.view.groups[0]!.items.map((item) => item.name)).toEqual([
      `${colleague.first_name} ${colleague.last_name}`,
    ]);
  });

  it("answers a bad customer form with 400 and the field errors, keeping what was typed", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const outcome = await postPropose(cast.member, participantId, [
      ["intent", "propose-customer"],
      ["name", "Karin Klant"],
      ["email", "geen-adres"],
    ]);
    expect(statusOf(outcome)).toBe(400);
    expect(actionErrors(outcome)).toEqual([
      "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
    ]);
    const { result } = (outcome as { data: { result: SubmissionResult<string[]> } }).data;
    expect(result.initialValue).toMatchObject({ name: "Karin Klant", email: "geen-adres" });
    expect(await nominationRows(test.db, participantId)).toEqual([]);
  });

  it("refuses unknown fields and unknown intents with 400, never a 500", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const unknownField = await postPropose(cast.member, participantId, [
      ["intent", "submit"],
      ["status", "approved"],
    ]);
    expect(statusOf(unknownField)).toBe(400);
    const unknownIntent = await postPropose(cast.member, participantId, [["intent", "approve"]]);
    expect(statusOf(unknownIntent)).toBe(400);
    const noPerson = await postPropose(cast.member, participantId, [
      ["intent", "propose-colleague"],
    ]);
    expect(statusOf(noPerson)).toBe(400);
    expect(actionErrors(noPerson)).toEqual(["Kies eerst iemand uit de lijst."]);
  });

  it("answers a refusal with 409 and says why", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const duplicate = [
      ["intent", "propose-customer"],
      ["name", "Karin"],
      ["email", "karin@extern.example"],
    ] satisfies Fields;
    expect(redirectLocation(await postPropose(cast.member, participantId, duplicate))).toBe(
      `/voordragen/${participantId}?melding=voorgedragen`,
    );
    const again = await postPropose(cast.member, participantId, duplicate);
    expect(statusOf(again)).toBe(409);
    expect(actionErrors(again)).toEqual([
      "Deze persoon of dit e-mailadres is al voorgedragen. Ook een ander adres van dezelfde persoon telt: een variant met „+…” vóór de @ (naam+iets@…) of het nieuwe adres van iemand die al is voorgedragen.",
    ]);
    const manager = await postPropose(cast.member, participantId, [
      ["intent", "propose-colleague"],
      ["personId", cast.teamLead.id],
    ]);
    expect(statusOf(manager)).toBe(409);

    const submit = await postPropose(cast.member, participantId, [["intent", "submit"]]);
    expect(statusOf(submit)).toBe(409);
    expect(actionErrors(submit)).toEqual([
      "De voordracht past nog niet binnen de grenzen per groep:",
      "Collega’s: 0 voorgedragen, minimaal 2 nodig.",
    ]);
  });

  it("submits, with a notice after the redirect", async () => {
    const { participantId } = await memberCycle(test.db, cast, { colleague_min: 1 });
    await postPropose(cast.member, participantId, [
      ["intent", "propose-colleague"],
      ["personId", colleagues[0]!.id],
    ]);
    const outcome = await postPropose(cast.member, participantId, [["intent", "submit"]]);
    expect(redirectLocation(outcome)).toBe(`/voordragen/${participantId}?melding=ingediend`);
    expect((await participantRow(test.db, participantId)).nomination_status).toBe("submitted");
  });
});

describe("/goedkeuren and /goedkeuren/$participantId", () => {
  it("opens the queue for leads and HR only", async () => {
    const anonymous = await call(queuePage.loader, getRequest("/goedkeuren"));
    expect(redirectLocation(anonymous)).toBe("/inloggen?redirectTo=%2Fgoedkeuren");
    // The member leads nobody: no queue, and so no page.
    const employee = await call(
      queuePage.loader,
      getRequest("/goedkeuren", { cookie: await cookieOf(cast.member) }),
    );
    expect(isThrownNotFound(employee)).toBe(true);
    const approveAll = await call(
      queuePage.action,
      postRequest("/goedkeuren?index", [["intent", "approve-all"]], {
        cookie: await cookieOf(cast.member),
      }),
    );
    expect(isThrownNotFound(approveAll)).toBe(true);
    for (const person of [cast.teamLead, cast.hr]) {
      const outcome = await call(
        queuePage.loader,
        getRequest("/goedkeuren", { cookie: await cookieOf(person) }),
      );
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    }
  });

  it("lets the lead review, approve and approve all; others get 404", async () => {
    const { participantId } = await memberCycle(test.db, cast, { colleague_min: 1 });
    await proposeNomination(test.db, actorOf(cast.member), participantId, {
      group: "colleague",
      personId: colleagues[0]!.id,
    });
    await submitNominations(test.db, actorOf(cast.member), participantId);

    const params = { participantId };
    const leadPage = await call(
      reviewPage.loader,
      getRequest(`/goedkeuren/${participantId}`, { cookie: await cookieOf(cast.teamLead) }),
      { params },
    );
    expect(statusOf(leadPage), describeOutcome(leadPage)).toBe(200);
    for (const person of [cast.member, cast.otherTeamLead, colleagues[1]!]) {
      expect(
        isThrownNotFound(
          await call(
            reviewPage.loader,
            getRequest(`/goedkeuren/${participantId}`, { cookie: await cookieOf(person) }),
            { params },
          ),
        ),
      ).toBe(true);
      expect(
        isThrownNotFound(await postReview(person, participantId, [["intent", "approve"]])),
      ).toBe(true);
    }

    const [row] = await nominationRows(test.db, participantId);
    expect(
      redirectLocation(
        await postReview(cast.teamLead, participantId, [
          ["intent", "remove"],
          ["nominationId", row!.id],
        ]),
      ),
    ).toBe(`/goedkeuren/${participantId}?melding=verwijderd`);
    expect(
      redirectLocation(await postReview(cast.teamLead, participantId, [["intent", "approve"]])),
    ).toBe(`/goedkeuren/${participantId}?melding=goedgekeurd`);
    const twice = await postReview(cast.teamLead, participantId, [["intent", "approve"]]);
    expect(statusOf(twice)).toBe(409);
    expect(actionErrors(twice)).toEqual(["De voordracht is al goedgekeurd."]);

    // Approve all: every submitted participation in the lead's queue.
    const second = await memberCycle(test.db, cast, { colleague_min: 0 });
    await submitNominations(test.db, actorOf(cast.member), second.participantId);
    const all = await call(
      queuePage.action,
      postRequest("/goedkeuren?index", [["intent", "approve-all"]], {
        cookie: await cookieOf(cast.teamLead),
      }),
    );
    expect(redirectLocation(all)).toMatch(/^\/goedkeuren\?melding=alles-goedgekeurd&aantal=\d+$/);
    expect((await participantRow(test.db, second.participantId)).nomination_status).toBe(
      "approved",
    );
    const bad = await call(
      queuePage.action,
      postRequest("/goedkeuren?index", [["intent", "delete-all"]], {
        cookie: await cookieOf(cast.teamLead),
      }),
    );
    expect(statusOf(bad)).toBe(400);
  });
});
