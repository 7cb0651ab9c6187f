import { beforeAll, describe, expect, it } from "vitest";
import { describeDetails } from "~/audit/describe-details";
import { listAuditLog } from "~/audit/audit-log.server";
import { translator } from "~/i18n/messages";
import { createCycleInvitations } from "~/invitations/create.server";
import { addLateRater } from "~/invitations/late-rater.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import type { NominationPageView } from "~/nominations/page-data.server";
import * as reviewPage from "~/routes/goedkeuren.$participantId";
import * as myPage from "~/routes/mijn._index";
import * as proposePage from "~/routes/voordragen.$participantId";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, statusOf, valueOf } from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { createCycleFixture, invitationsOf, type CycleFixture } from "../../support/fixtures/cycle";

// The participant sees everyone invited to rate them (issue 13, one voice per rater): also
// the raters HR adds while the round collects, so nobody rates them unseen; never who
// answered or declined. Every addition is in the audit log, by name.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let fixture: CycleFixture;

beforeAll(async () => {
  cast = await loadCast(test.db);
  fixture = await createCycleFixture(test.db, { organisationId: cast.organisationId });
  await createCycleInvitations(test.db, fixture.cycleId);
  const mo = fixture.participants.mo;
  // Noor answered and was withdrawn; Karin declined; HR added a late customer.
  const rows = await invitationsOf(test.db, fixture.cycleId);
  const noor = rows.find(
    (row) => row.participant_id === mo && row.rater_email === fixture.people.noor.email,
  )!;
  const karin = rows.find((row) => row.participant_id === mo && row.rater_person_id === null)!;
  await test.db
    .updateTable("invitation")
    .set({ status: "submitted" })
    .where("id", "=", noor.id)
    .execute();
  await test.db
    .updateTable("invitation")
    .set({ status: "declined" })
    .where("id", "=", karin.id)
    .execute();
  await revokeInvitation(test.db, {
    organisationId: cast.organisationId,
    cycleId: fixture.cycleId,
    participantId: mo,
    invitationId: noor.id,
    actorPersonId: cast.hr.id,
  });
  expect(
    await addLateRater(
      test.db,
      {
        organisationId: cast.organisationId,
        cycleId: fixture.cycleId,
        participantId: mo,
        actorPersonId: cast.hr.id,
        rater: {
          kind: "external",
          name: "Laat Toegevoegd",
          email: "laat@extern.example",
          relationship: "customer",
        },
      },
      new Date(Date.now() + 60_000),
    ),
  ).toEqual({ status: "added" });
});

const EXPECTED = [
  { name: "Mo Proef", relationship: "self", withdrawn: false, addedLater: false },
  { name: "Lotte Proef", relationship: "manager", withdrawn: false, addedLater: false },
  { name: "Noor Proef", relationship: "colleague", withdrawn: true, addedLater: false },
  { name: "Piet Proef", relationship: "colleague", withdrawn: false, addedLater: false },
  { name: "Karin Klant", relationship: "customer", withdrawn: false, addedLater: false },
  { name: "Laat Toegevoegd", relationship: "customer", withdrawn: false, addedLater: true },
];

async function open(loader: unknown, path: string, personId: string, participantId?: string) {
  const cookie = await signedInCookie(test.db, personId);
  return call(loader, getRequest(path, { cookie }), {
    params: participantId ? { participantId } : {},
  });
}

describe("the participant's list of invited raters", () => {
  it("on their nomination page: everyone invited, also HR's late rater and the withdrawn one, never who answered", async () => {
    const outcome = await open(
      proposePage.loader,
      `/voordragen/${fixture.participants.mo}`,
      fixture.people.mo.id,
      fixture.participants.mo,
    );
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    const { view } = valueOf<{ view: NominationPageView }>(outcome);
    expect(view.invitedRaters).toEqual(EXPECTED);
    // Nothing about answers: not as a field, not as a state.
    expect(JSON.stringify(view.invitedRaters)).not.toMatch(/status|answer|declin|submit/i);
  });

  it("on Mijn Rondom, for the round that collects", async () => {
    const outcome = await open(myPage.loader, "/mijn", fixture.people.mo.id);
    const mine = valueOf<Awaited<ReturnType<typeof myPage.loader>>>(outcome);
    const entry = mine.cycles.find((r) => r.participantId === fixture.participants.mo);
    expect(entry?.invitedRaters).toEqual(EXPECTED);
    // Someone else's Mijn Rondom does not list Mo's raters.
    const piet = valueOf<Awaited<ReturnType<typeof myPage.loader>>>(
      await open(myPage.loader, "/mijn", fixture.people.piet.id),
    );
    expect(JSON.stringify(piet)).not.toContain("Laat Toegevoegd");
  });

  it("is not sent with the lead's page, which does not show it", async () => {
    const outcome = await open(
      reviewPage.loader,
      `/goedkeuren/${fixture.participants.mo}`,
      fixture.people.lotte.id,
      fixture.participants.mo,
    );
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    const { view } = valueOf<{ view: NominationPageView }>(outcome);
    expect(view.invitedRaters).toBeNull();
    expect(JSON.stringify(view)).not.toContain("Laat Toegevoegd");
  });

  it("every addition is in the audit log with the rater's name", async () => {
    const page = await listAuditLog(test.db, cast.organisationId);
    const added = page.rows.find(
      (row) =>
        row.action === "invitation_added" && row.details?.participantId === fixture.participants.mo,
    );
    expect(added?.details).toMatchObject({
      raterName: "Laat Toegevoegd",
      relationship: "customer",
    });
    expect(describeDetails(added!, translator("nl"))).toContain("beoordelaar Laat Toegevoegd");
  });
});
