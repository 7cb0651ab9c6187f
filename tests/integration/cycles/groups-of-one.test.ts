import { beforeAll, describe, expect, it } from "vitest";
import { loadAdminOverview } from "~/admin/overview.server";
import { listCycles } from "~/cycles/cycles.server";
import { createCycleInvitations } from "~/invitations/create.server";
import * as participantPage from "~/routes/beheer.rondes.$cycleId.deelnemers.$participantId";
import * as cyclePage from "~/routes/beheer.rondes.$cycleId._index";
import * as csvExport from "~/routes/beheer.rondes.$cycleId.voortgang[.csv]";
import * as myPage from "~/routes/mijn._index";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { responseOf, valueOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import {
  createCycleFixture,
  CUSTOMER_EMAIL,
  invitationsOf,
  type CycleFixture,
} from "../../support/fixtures/cycle";

// Groups of one (issue 13): while a round collects, nothing that HR or the participant sees
// may change when the only rater of a group (the manager, a single customer) answers or
// declines, or when the last rater left in a group does. Once the round is closed the counts
// are shown in full.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let fixture: CycleFixture;

beforeAll(async () => {
  cast = await loadCast(test.db);
  // Mo: manager Lotte, colleagues Noor and Piet, the single customer Karin.
  fixture = await createCycleFixture(test.db, { organisationId: cast.organisationId });
  await createCycleInvitations(test.db, fixture.cycleId);
});

type CyclePageData = Awaited<ReturnType<typeof cyclePage.loader>>;
type ParticipantPageData = Awaited<ReturnType<typeof participantPage.loader>>;
type MyPageData = Awaited<ReturnType<typeof myPage.loader>>;

/** Everything HR and Mo see of the round's progress, as sent to the browser. */
async function whatEveryoneSees() {
  const hr = await signedInCookie(test.db, cast.hr.id);
  const mo = await signedInCookie(test.db, fixture.people.mo.id);
  const params = { cycleId: fixture.cycleId, participantId: fixture.participants.mo };
  const dashboard = valueOf<CyclePageData>(
    await call(cyclePage.loader, getRequest(`/beheer/rondes/${fixture.cycleId}`, { cookie: hr }), {
      params,
    }),
  ).dashboard;
  const participant = valueOf<ParticipantPageData>(
    await call(
      participantPage.loader,
      getRequest(`/beheer/rondes/${fixture.cycleId}/deelnemers/${fixture.participants.mo}`, {
        cookie: hr,
      }),
      { params },
    ),
  );
  const csv = await responseOf(
    await call(
      csvExport.loader,
      getRequest(`/beheer/rondes/${fixture.cycleId}/voortgang.csv`, { cookie: hr }),
      { params },
    ),
  ).text();
  const mine = valueOf<MyPageData>(
    await call(myPage.loader, getRequest("/mijn", { cookie: mo })),
  ).cycles.find((entry) => entry.participantId === fixture.participants.mo);
  const listed = (await listCycles(test.db, cast.organisationId)).find(
    (cycle) => cycle.id === fixture.cycleId,
  );
  const overview = (await loadAdminOverview(test.db, cast.organisationId)).cycles.find(
    (cycle) => cycle.id === fixture.cycleId,
  );
  return {
    dashboard: {
      responses: dashboard.responses,
      atRisk: dashboard.atRisk.map((entry) => entry.id),
      participants: dashboard.participants,
    },
    participantCounts: participant.counts,
    csv,
    mine: mine?.groupCounts,
    listed: { invited: listed?.invited, answered: listed?.answered },
    overview: { invited: overview?.invited, answered: overview?.answered },
  };
}

async function setStatus(email: string, status: "submitted" | "declined") {
  const invitation = (await invitationsOf(test.db, fixture.cycleId)).find(
    (row) => row.participant_id === fixture.participants.mo && row.rater_email === email,
  )!;
  await test.db.updateTable("invitation").set({ status }).where("id", "=", invitation.id).execute();
}

describe("groups of one while the round collects", () => {
  it("nothing HR or the participant sees changes when the manager answers or the only customer declines", async () => {
    const before = await whatEveryoneSees();
    await setStatus(fixture.people.lotte.email, "submitted");
    expect(await whatEveryoneSees()).toEqual(before);
    await setStatus(CUSTOMER_EMAIL, "declined");
    expect(await whatEveryoneSees()).toEqual(before);

    // The withheld groups say how many were invited, and nothing about their answers.
    const manager = before.participantCounts.find((group) => group.relationship === "manager");
    expect(manager).toEqual({ relationship: "manager", shown: false, invited: 1, revoked: 0 });
    expect(before.mine?.find((group) => group.relationship === "customer")).toEqual({
      relationship: "customer",
      shown: false,
      invited: 1,
    });
    // The two colleagues are shown as a group.
    expect(before.participantCounts.find((group) => group.relationship === "colleague")).toEqual({
      relationship: "colleague",
      shown: true,
      invited: 2,
      answered: 0,
      declined: 0,
      revoked: 0,
    });
  });

  it("once the round is closed, shows every group's counts", async () => {
    await test.db
      .updateTable("cycle")
      .set({ status: "closed", closed_at: new Date().toISOString() })
      .where("id", "=", fixture.cycleId)
      .execute();
    try {
      const closed = await whatEveryoneSees();
      expect(closed.participantCounts.find((group) => group.relationship === "manager")).toEqual({
        relationship: "manager",
        shown: true,
        invited: 1,
        answered: 1,
        declined: 0,
        revoked: 0,
      });
      expect(closed.mine?.find((group) => group.relationship === "customer")).toMatchObject({
        shown: true,
        declined: 1,
      });
    } finally {
      await test.db
        .updateTable("cycle")
        .set({ status: "collecting", closed_at: null })
        .where("id", "=", fixture.cycleId)
        .execute();
    }
  });
});
