import { beforeAll, describe, expect, it } from "vitest";
import * as cycleList from "~/routes/beheer.rondes._index";
import * as newCycle from "~/routes/beheer.rondes.nieuw";
import * as cyclePage from "~/routes/beheer.rondes.$cycleId._index";
import * as settingsPage from "~/routes/beheer.rondes.$cycleId.instellingen";
import * as participantsPage from "~/routes/beheer.rondes.$cycleId.deelnemers._index";
import * as csvExport from "~/routes/beheer.rondes.$cycleId.voortgang[.csv]";
import { call, getRequest, postRequest, signedInCookie } from "../../support/requests";
import { saveProfileVersion } from "~/profiles/library.server";
import {
  createOtherOrganisation,
  demoProfile,
  loadCast,
  type DemoCast,
} from "../../support/demo-cast";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  statusOf,
  type Outcome,
} from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import {
  cycleRow,
  draftCycleWithTeam,
  participantsOf,
  settingsFields,
  settingsFor,
} from "../../support/draft-cycles";

// Every cycle page is for the HR admins of the round's organisation. Anyone else signed in
// gets 404 (as for a round that does not exist); anonymous visitors are sent to sign in.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let cycleId: string;
let collectingId: string;
const cookies: Record<string, string | undefined> = {};

beforeAll(async () => {
  cast = await loadCast(test.db);
  cycleId = await draftCycleWithTeam(test.db, cast);
  collectingId = await draftCycleWithTeam(test.db, cast);
  await test.db
    .updateTable("cycle")
    .set({ status: "collecting" })
    .where("id", "=", collectingId)
    .execute();
  const outsider = await createOtherOrganisation(test.db, { isHrAdmin: true });
  // The outsider's organisation has a profile of its own to start a round on.
  await saveProfileVersion(test.db, {
    organisationId: outsider.organisationId,
    personId: null,
    profile: demoProfile(),
  });
  cookies.anonymous = undefined;
  cookies.member = await signedInCookie(test.db, cast.member.id);
  cookies.teamLead = await signedInCookie(test.db, cast.teamLead.id);
  cookies.departmentHead = await signedInCookie(test.db, cast.departmentHead.id);
  cookies.otherHr = await signedInCookie(test.db, outsider.personId);
  cookies.hr = await signedInCookie(test.db, cast.hr.id);
});

const NOT_HR = ["member", "teamLead", "departmentHead"] as const;

interface RouteCase {
  name: string;
  fn: unknown;
  path: () => string;
  params: () => Record<string, string>;
  /** Whether HR of another organisation sees it (its own list and create form) or gets 404. */
  organisationScoped: boolean;
}

const pages: RouteCase[] = [
  {
    name: "list",
    fn: cycleList.loader,
    path: () => "/beheer/rondes",
    params: () => ({}),
    organisationScoped: false,
  },
  {
    name: "create form",
    fn: newCycle.loader,
    path: () => "/beheer/rondes/nieuw",
    params: () => ({}),
    organisationScoped: false,
  },
  {
    name: "cycle page",
    fn: cyclePage.loader,
    path: () => `/beheer/rondes/${cycleId}`,
    params: () => ({ cycleId }),
    organisationScoped: true,
  },
  {
    name: "settings",
    fn: settingsPage.loader,
    path: () => `/beheer/rondes/${cycleId}/instellingen`,
    params: () => ({ cycleId }),
    organisationScoped: true,
  },
  {
    name: "participants",
    fn: participantsPage.loader,
    path: () => `/beheer/rondes/${cycleId}/deelnemers`,
    params: () => ({ cycleId }),
    organisationScoped: true,
  },
  {
    name: "progress CSV",
    fn: csvExport.loader,
    path: () => `/beheer/rondes/${collectingId}/voortgang.csv`,
    params: () => ({ cycleId: collectingId }),
    organisationScoped: true,
  },
];

function expectSignIn(outcome: Outcome, path: string) {
  expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
    `/inloggen?redirectTo=${encodeURIComponent(path)}`,
  );
}

function expectNotFound(outcome: Outcome) {
  expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
}

describe("GET", () => {
  for (const page of pages) {
    it(`${page.name}: HR 200, other roles 404, anonymous to sign-in`, async () => {
      const open = (who: string) =>
        call(page.fn, getRequest(page.path(), { cookie: cookies[who] }), { params: page.params() });
      expect(statusOf(await open("hr")), page.name).toBe(200);
      expectSignIn(await open("anonymous"), page.path());
      for (const who of NOT_HR) expectNotFound(await open(who));
      const other = await open("otherHr");
      if (page.organisationScoped) expectNotFound(other);
      else expect(statusOf(other)).toBe(200);
    });
  }

  it("an unknown round is 404 for HR too", async () => {
    for (const page of pages.filter((candidate) => candidate.organisationScoped)) {
      expectNotFound(
        await call(
          page.fn,
          getRequest(page.path().replace(/rondes\/[^/]+/, "rondes/onbekend"), {
            cookie: cookies.hr,
          }),
          { params: { cycleId: "onbekend" } },
        ),
      );
    }
  });
});

describe("POST by anyone but HR of the organisation changes nothing", () => {
  const posts = (): {
    fn: unknown;
    path: string;
    params: Record<string, string>;
    fields: [string, string][];
  }[] => [
    {
      fn: newCycle.action,
      path: "/beheer/rondes/nieuw",
      params: {},
      fields: settingsFields(settingsFor()),
    },
    {
      fn: cyclePage.action,
      path: `/beheer/rondes/${cycleId}`,
      params: { cycleId },
      fields: [["intent", "start-nominating"]] as [string, string][],
    },
    {
      fn: settingsPage.action,
      path: `/beheer/rondes/${cycleId}/instellingen`,
      params: { cycleId },
      fields: settingsFields(settingsFor({ name: "Overgenomen" })),
    },
    {
      fn: participantsPage.action,
      path: `/beheer/rondes/${cycleId}/deelnemers`,
      params: { cycleId },
      fields: [
        ["intent", "add-person"],
        ["personId", cast.hr.id],
      ] as [string, string][],
    },
  ];

  it("answers 404 (or sign-in) and leaves the round as it was", async () => {
    const demoCycles = () =>
      test.db
        .selectFrom("cycle")
        .select("id")
        .where("organisation_id", "=", cast.organisationId)
        .orderBy("id")
        .execute();
    const cyclesBefore = await demoCycles();
    const participantsBefore = await participantsOf(test.db, cycleId);
    for (const post of posts()) {
      for (const who of ["anonymous", ...NOT_HR, "otherHr"]) {
        const outcome = await call(
          post.fn,
          postRequest(post.path, post.fields, { cookie: cookies[who] }),
          { params: post.params },
        );
        if (who === "anonymous") expectSignIn(outcome, post.path);
        else if (who === "otherHr" && post.path === "/beheer/rondes/nieuw") {
          // Their own organisation's new round: allowed, and not in the demo organisation.
          expect(statusOf(outcome)).toBe(302);
        } else expectNotFound(outcome);
      }
    }
    expect(await demoCycles()).toEqual(cyclesBefore);
    const cycle = await cycleRow(test.db, cycleId);
    expect(cycle.status).toBe("draft");
    expect(cycle.name).not.toBe("Overgenomen");
    expect(await participantsOf(test.db, cycleId)).toEqual(participantsBefore);
  });
});
