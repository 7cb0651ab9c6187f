import { beforeAll, describe, expect, it } from "vitest";
import { allErrorsOf, translateErrors, type FormResult } from "~/components/forms";
import { translator } from "~/i18n/messages";
import { createCycleInvitations } from "~/invitations/create.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import * as participantPage from "~/routes/beheer.rondes.$cycleId.deelnemers.$participantId";
import * as remindPage from "~/routes/beheer.rondes.$cycleId.herinneren";
import { call, getRequest, postRequest, signedInCookie, type Fields } from "../../support/requests";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import {
  createCycleFixture,
  CUSTOMER_EMAIL,
  invitationsOf,
  type CycleFixture,
} from "../../support/fixtures/cycle";
import { mailsOf } from "../../support/mail";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let fixture: CycleFixture;
let otherHrId: string;

beforeAll(async () => {
  cast = await loadCast(test.db);
  fixture = await createCycleFixture(test.db, { organisationId: cast.organisationId });
  await createCycleInvitations(test.db, fixture.cycleId);
  const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
  otherHrId = other.personId;
});

function expectNotFound(outcome: Outcome) {
  expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
}

async function cookieOf(personId: string | null) {
  return personId ? await signedInCookie(test.db, personId) : undefined;
}

function participantPath(cycleId = fixture.cycleId, participantId = fixture.participants.mo) {
  return `/beheer/rondes/${cycleId}/deelnemers/${participantId}`;
}

async function openParticipant(
  personId: string | null,
  query = "",
  ids: { cycleId?: string; participantId?: string } = {},
) {
  const cycleId = ids.cycleId ?? fixture.cycleId;
  const participantId = ids.participantId ?? fixture.participants.mo;
  return call(
    participantPage.loader,
    getRequest(`${participantPath(cycleId, participantId)}${query}`, {
      cookie: await cookieOf(personId),
    }),
    { params: { cycleId, participantId } },
  );
}

async function postParticipant(
  personId: string | null,
  fields: Fields,
  ids: { cycleId?: string; participantId?: string } = {},
) {
  const cycleId = ids.cycleId ?? fixture.cycleId;
  const participantId = ids.participantId ?? fixture.participants.mo;
  return call(
    participantPage.action,
    postRequest(participantPath(cycleId, participantId), fields, {
      cookie: await cookieOf(personId),
    }),
    { params: { cycleId, participantId } },
  );
}

type ParticipantPageData = Awaited<ReturnType<typeof participantPage.loader>>;

/** The errors of a refused post as the page shows them (the answer holds message references). */
function pageErrors(outcome: Outcome): string[] {
  if (outcome.kind !== "data") throw new Error(describeOutcome(outcome));
  const { result } = outcome.data as { result: FormResult };
  return translateErrors(translator("nl"), allErrorsOf(result));
}

describe("GET /beheer/rondes/$cycleId/deelnemers/$participantId", () => {
  it("shows HR the participant's raters, groups and sent dates, and counts, but no status per invitation", async () => {
    const outcome = await openParticipant(cast.hr.id);
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    const page = valueOf<ParticipantPageData>(outcome);
    expect(page.participant.name).toBe("Mo Proef");
    expect(page.invitations.map((invitation) => invitation.raterName).sort()).toEqual(
      ["Karin Klant", "Lotte Proef", "Mo Proef", "Noor Proef", "Piet Proef"].sort(),
    );
    for (const invitation of page.invitations) {
      expect(Object.keys(invitation).sort()).toEqual(
        ["handle", "raterEmail", "raterName", "relationship", "sentAt"].sort(),
      );
    }
    expect(JSON.stringify(page)).not.toMatch(/"status"\s*:\s*"(open|submitted|declined)"/);
    expect(page.counts.find((group) => group.relationship === "colleague")).toMatchObject({
      invited: 2,
      answered: 0,
    });
    expect(page.collecting).toBe(true);
  });

  it("answers 404 to everyone else, and sends the anonymous visitor to sign in", async () => {
    for (const person of [cast.member, cast.teamLead, cast.departmentHead]) {
      expectNotFound(await openParticipant(person.id));
    }
    expectNotFound(await openParticipant(otherHrId));
    const anonymous = await openParticipant(null);
    expect(redirectLocation(anonymous)).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(participantPath())}`,
    );
  });

  it("answers 404 for an unknown participant or one of another cycle", async () => {
    expectNotFound(await openParticipant(cast.hr.id, "", { participantId: "unknown" }));
    const other = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    expectNotFound(await openParticipant(cast.hr.id, "", { participantId: other.participants.mo }));
  });

  it("searches the directory, marking the participant and people already invited", async () => {
    // Every fixture person's address is <name>.<round suffix>@…: search this round's people.
    const suffix = fixture.people.mo.email.split("@")[0]!.split(".")[1]!;
    const page = valueOf<ParticipantPageData>(
      await openParticipant(cast.hr.id, `?zoek=${encodeURIComponent(`proef ${suffix}`)}`),
    );
    expect(page.search.status).toBe("done");
    if (page.search.status !== "done") return;
    const byId = new Map(page.search.results.map((candidate) => [candidate.id, candidate]));
    expect(byId.get(fixture.people.mo.id)?.unavailable).toBe("participant");
    expect(byId.get(fixture.people.noor.id)?.unavailable).toBe("invited");
    expect(byId.get(fixture.people.lotte.id)?.unavailable).toBe("invited");
    expect(byId.has(fixture.people.ina.id)).toBe(false);
    expect(byId.size).toBe(4);
    const tooShort = valueOf<ParticipantPageData>(await openParticipant(cast.hr.id, "?zoek=p"));
    expect(tooShort.search.status).toBe("too_short");
  });
});

describe("POST /beheer/rondes/$cycleId/deelnemers/$participantId", () => {
  it("adds a late rater for HR and redirects with a notice", async () => {
    const fresh = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    await createCycleInvitations(test.db, fresh.cycleId);
    const ids = { cycleId: fresh.cycleId, participantId: fresh.participants.piet };
    const outcome = await postParticipant(
      cast.hr.id,
      [
        ["intent", "add-person"],
        ["personId", fresh.people.noor.id],
        ["relationship", "colleague"],
      ],
      ids,
    );
    expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
      `${participantPath(ids.cycleId, ids.participantId)}?melding=toegevoegd`,
    );
    const toNoor = (await mailsOf(test.db, cast.organisationId, "invitation")).filter(
      (mail) => mail.to_address === fresh.people.noor.email,
    );
    // Her invitation at launch, and now one for Piet.
    expect(toNoor).toHaveLength(2);
    expect(toNoor.some((mail) => mail.text_body.includes("Piet Proef, als collega"))).toBe(true);
    const page = valueOf<ParticipantPageData>(
      await openParticipant(cast.hr.id, "?melding=toegevoegd", ids),
    );
    expect(page.notice).toMatchObject({ key: "invitations.participant.notice.added" });
  });

  it("revokes for HR with the same redirect whatever the invitation's state", async () => {
    const fresh = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    await createCycleInvitations(test.db, fresh.cycleId);
    const ids = { cycleId: fresh.cycleId, participantId: fresh.participants.mo };
    const [answered, open] = (await invitationsOf(test.db, fresh.cycleId)).filter(
      (row) => row.participant_id === fresh.participants.mo && row.relationship === "colleague",
    );
    await test.db
      .updateTable("invitation")
      .set({ status: "submitted" })
      .where("id", "=", answered!.id)
      .execute();
    const before = valueOf<ParticipantPageData>(await openParticipant(cast.hr.id, "", ids));
    const handleOf = (email: string) =>
      before.invitations.find((listing) => listing.raterEmail === email)!.handle;
    const locations = [];
    for (const invitation of [answered!, open!]) {
      const outcome = await postParticipant(
        cast.hr.id,
        [
          ["intent", "revoke"],
          ["handle", handleOf(invitation.rater_email)],
        ],
        ids,
      );
      locations.push(redirectLocation(outcome));
    }
    expect(locations[0]).toBe(
      `${participantPath(ids.cycleId, ids.participantId)}?melding=ingetrokken`,
    );
    expect(locations[1]).toBe(locations[0]);
    const page = valueOf<ParticipantPageData>(await openParticipant(cast.hr.id, "", ids));
    expect(page.revoked.map((row) => row.raterEmail).sort()).toEqual(
      [answered!.rater_email, open!.rater_email].sort(),
    );
    const revoked = await invitationsOf(test.db, fresh.cycleId);
    for (const invitation of [answered!, open!]) {
      expect(revoked.find((row) => row.id === invitation.id)?.revoked_at).not.toBeNull();
    }
  });

  it("refuses everyone but HR with 404, changing nothing", async () => {
    const invitation = (await invitationsOf(test.db, fixture.cycleId))[0]!;
    for (const person of [cast.member, cast.teamLead]) {
      expectNotFound(
        await postParticipant(person.id, [
          ["intent", "revoke"],
          ["handle", invitation.id],
        ]),
      );
    }
    expectNotFound(
      await postParticipant(otherHrId, [
        ["intent", "add-external"],
        ["name", "X"],
        ["email", "x@extern.example"],
        ["relationship", "customer"],
      ]),
    );
    const after = (await invitationsOf(test.db, fixture.cycleId)).find(
      (row) => row.id === invitation.id,
    );
    expect(after?.revoked_at).toBeNull();
  });

  it("lets an HR admin who takes part see their own page but not add or withdraw their own raters", async () => {
    const own = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    // The HR admin takes Piet's place as participant (Piet's raters become theirs).
    await test.db
      .updateTable("participant")
      .set({ person_id: cast.hr.id })
      .where("id", "=", own.participants.piet)
      .execute();
    await createCycleInvitations(test.db, own.cycleId);
    const ids = { cycleId: own.cycleId, participantId: own.participants.piet };
    const page = valueOf<ParticipantPageData>(
      await openParticipant(cast.hr.id, "?zoek=proef", ids),
    );
    expect(page).toMatchObject({ collecting: true, ownParticipation: true, mayChange: false });
    expect(page.search.status).toBe("empty");

    const before = await invitationsOf(test.db, own.cycleId);
    const theirs = before.find(
      (row) => row.participant_id === ids.participantId && row.relationship !== "self",
    )!;
    expectNotFound(
      await postParticipant(
        cast.hr.id,
        [
          ["intent", "revoke"],
          ["handle", theirs.id],
        ],
        ids,
      ),
    );
    expectNotFound(
      await postParticipant(
        cast.hr.id,
        [
          ["intent", "add-external"],
          ["name", "Vriend"],
          ["email", "vriend@extern.example"],
          ["relationship", "customer"],
        ],
        ids,
      ),
    );
    const after = await invitationsOf(test.db, own.cycleId);
    expect(after).toHaveLength(before.length);
    expect(after.find((row) => row.id === theirs.id)?.revoked_at).toBeNull();
    // Someone else's participation in the same round: HR steps in as usual.
    const other = valueOf<ParticipantPageData>(
      await openParticipant(cast.hr.id, "", {
        cycleId: own.cycleId,
        participantId: own.participants.mo,
      }),
    );
    expect(other).toMatchObject({ ownParticipation: false, mayChange: true });
  });

  it("answers 400 to bad input, with the message on the field or the form", async () => {
    const badEmail = await postParticipant(cast.hr.id, [
      ["intent", "add-external"],
      ["name", "Iemand"],
      ["email", "geen-adres"],
      ["relationship", "customer"],
    ]);
    expect(statusOf(badEmail)).toBe(400);
    expect(pageErrors(badEmail)).toContain(
      "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
    );

    const duplicate = await postParticipant(cast.hr.id, [
      ["intent", "add-external"],
      ["name", "Karin"],
      ["email", CUSTOMER_EMAIL],
      ["relationship", "customer"],
    ]);
    expect(statusOf(duplicate)).toBe(400);
    expect(pageErrors(duplicate).join(" ")).toContain("al uitgenodigd voor Mo Proef");

    const noGroup = await postParticipant(cast.hr.id, [
      ["intent", "add-person"],
      ["personId", fixture.people.piet.id],
      ["relationship", "manager"],
    ]);
    expect(statusOf(noGroup)).toBe(400);

    for (const fields of [
      [["intent", "verwijderen"]],
      [
        ["intent", "revoke"],
        ["handle", "x"],
        ["extra", "1"],
      ],
      [["intent", "revoke"]],
    ] as Fields[]) {
      expect(statusOf(await postParticipant(cast.hr.id, fields)), JSON.stringify(fields)).toBe(400);
    }
    expectNotFound(
      await postParticipant(cast.hr.id, [
        ["intent", "revoke"],
        ["handle", "not-an-invitation"],
      ]),
    );
  });

  it("refuses with 400 to invite again a rater withdrawn after answering, keeping what was typed", async () => {
    const fresh = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    await createCycleInvitations(test.db, fresh.cycleId);
    const ids = { cycleId: fresh.cycleId, participantId: fresh.participants.mo };
    const karin = (await invitationsOf(test.db, fresh.cycleId)).find(
      (row) => row.participant_id === fresh.participants.mo && row.rater_email === CUSTOMER_EMAIL,
    )!;
    await test.db
      .updateTable("invitation")
      .set({ status: "submitted" })
      .where("id", "=", karin.id)
      .execute();
    await revokeInvitation(test.db, {
      organisationId: cast.organisationId,
      cycleId: fresh.cycleId,
      participantId: fresh.participants.mo,
      invitationId: karin.id,
      actorPersonId: cast.hr.id,
    });
    const before = await invitationsOf(test.db, fresh.cycleId);
    const outcome = await postParticipant(
      cast.hr.id,
      [
        ["intent", "add-external"],
        ["name", "Karin Klant"],
        ["email", "KLANT@extern.example"],
        ["relationship", "customer"],
      ],
      ids,
    );
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(400);
    expect(pageErrors(outcome).join(" ")).toContain("al uitgenodigd voor Mo Proef");
    expect(JSON.stringify(outcome)).toContain("KLANT@extern.example");
    expect(await invitationsOf(test.db, fresh.cycleId)).toEqual(before);

    // The directory search offers no withdrawn colleague either.
    const noor = before.find(
      (row) =>
        row.participant_id === fresh.participants.mo && row.rater_email === fresh.people.noor.email,
    )!;
    await revokeInvitation(test.db, {
      organisationId: cast.organisationId,
      cycleId: fresh.cycleId,
      participantId: fresh.participants.mo,
      invitationId: noor.id,
      actorPersonId: cast.hr.id,
    });
    const suffix = fresh.people.mo.email.split("@")[0]!.split(".")[1]!;
    const page = valueOf<ParticipantPageData>(
      await openParticipant(cast.hr.id, `?zoek=${encodeURIComponent(`noor ${suffix}`)}`, ids),
    );
    expect(page.search.status).toBe("done");
    if (page.search.status !== "done") return;
    expect(page.search.results.find((c) => c.id === fresh.people.noor.id)?.unavailable).toBe(
      "invited",
    );
  });

  it("shows a closed cycle read-only and refuses changes to it with 400", async () => {
    const closed = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    await createCycleInvitations(test.db, closed.cycleId);
    await test.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", closed.cycleId)
      .execute();
    const ids = { cycleId: closed.cycleId, participantId: closed.participants.mo };
    const page = valueOf<ParticipantPageData>(
      await openParticipant(cast.hr.id, "?zoek=proef", ids),
    );
    expect(page.collecting).toBe(false);
    expect(page.search.status).toBe("empty");
    const outcome = await postParticipant(
      cast.hr.id,
      [
        ["intent", "add-external"],
        ["name", "Iemand"],
        ["email", "iemand@extern.example"],
        ["relationship", "customer"],
      ],
      ids,
    );
    expect(statusOf(outcome)).toBe(400);
    const invitation = (await invitationsOf(test.db, closed.cycleId))[0]!;
    expect(
      statusOf(
        await postParticipant(
          cast.hr.id,
          [
            ["intent", "revoke"],
            ["handle", invitation.id],
          ],
          ids,
        ),
      ),
    ).toBe(400);
  });
});

describe("invitation ids on the participant page", () => {
  it("are nowhere in its data; its forms name an invitation by a handle that works only there", async () => {
    const fresh = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    await createCycleInvitations(test.db, fresh.cycleId);
    const rows = await invitationsOf(test.db, fresh.cycleId);
    const karin = rows.find(
      (row) => row.participant_id === fresh.participants.mo && row.rater_email === CUSTOMER_EMAIL,
    )!;
    await revokeInvitation(test.db, {
      organisationId: cast.organisationId,
      cycleId: fresh.cycleId,
      participantId: fresh.participants.mo,
      invitationId: karin.id,
      actorPersonId: cast.hr.id,
    });
    const mo = { cycleId: fresh.cycleId, participantId: fresh.participants.mo };
    const noor = { cycleId: fresh.cycleId, participantId: fresh.participants.noor };
    const page = valueOf<ParticipantPageData>(await openParticipant(cast.hr.id, "", mo));
    expect(page.invitations.length + page.revoked.length).toBeGreaterThan(4);
    const sent = JSON.stringify(page);
    for (const row of rows) expect(sent).not.toContain(row.id);

    const noorsPage = valueOf<ParticipantPageData>(await openParticipant(cast.hr.id, "", noor));
    const pietForMo = page.invitations.find((row) => row.raterName === "Piet Proef")!;
    const moForNoor = noorsPage.invitations.find((row) => row.raterName === "Mo Proef")!;
    const pietRow = rows.find(
      (row) =>
        row.participant_id === fresh.participants.mo && row.rater_email === fresh.people.piet.email,
    )!;
    // An id, or another participant's handle, names nothing here: 404, nothing withdrawn.
    for (const [handle, ids] of [
      [pietRow.id, mo],
      [moForNoor.handle, mo],
      [pietForMo.handle, noor],
    ] as const) {
      expectNotFound(
        await postParticipant(
          cast.hr.id,
          [
            ["intent", "revoke"],
            ["handle", handle],
          ],
          ids,
        ),
      );
    }
    const unchanged = await invitationsOf(test.db, fresh.cycleId);
    expect(unchanged.filter((row) => row.revoked_at !== null).map((row) => row.id)).toEqual([
      karin.id,
    ]);
    const outcome = await postParticipant(
      cast.hr.id,
      [
        ["intent", "revoke"],
        ["handle", pietForMo.handle],
      ],
      mo,
    );
    expect(redirectLocation(outcome), describeOutcome(outcome)).toContain("?melding=ingetrokken");
    const after = await invitationsOf(test.db, fresh.cycleId);
    expect(after.find((row) => row.id === pietRow.id)?.revoked_at).not.toBeNull();
  });
});

describe("/beheer/rondes/$cycleId/herinneren", () => {
  const path = (cycleId: string) => `/beheer/rondes/${cycleId}/herinneren`;
  const open = async (personId: string | null, cycleId = fixture.cycleId) =>
    call(remindPage.loader, getRequest(path(cycleId), { cookie: await cookieOf(personId) }), {
      params: { cycleId },
    });
  const send = async (personId: string | null, fields: Fields, cycleId = fixture.cycleId) =>
    call(
      remindPage.action,
      postRequest(path(cycleId), fields, { cookie: await cookieOf(personId) }),
      {
        params: { cycleId },
      },
    );

  it("explains to HR who gets a reminder, without any count", async () => {
    const outcome = await open(cast.hr.id);
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    const page = valueOf<Record<string, unknown>>(outcome);
    expect(page).toEqual({
      cycle: { id: fixture.cycleId, name: expect.any(String), answerDeadline: "2030-03-20" },
      open: true,
    });
  });

  it("answers 404 to everyone else and for a cycle that is not collecting", async () => {
    for (const person of [cast.member, cast.teamLead, cast.departmentHead]) {
      expectNotFound(await open(person.id));
      expectNotFound(await send(person.id, [["intent", "send"]]));
    }
    expectNotFound(await open(otherHrId));
    expect(redirectLocation(await open(null))).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(path(fixture.cycleId))}`,
    );
    const closed = await createCycleFixture(test.db, {
      organisationId: cast.organisationId,
      status: "closed",
    });
    expectNotFound(await open(cast.hr.id, closed.cycleId));
    expectNotFound(await send(cast.hr.id, [["intent", "send"]], closed.cycleId));
    expectNotFound(await open(cast.hr.id, "unknown"));
  });

  it("sends the reminders for HR and redirects to the cycle with a notice, audited", async () => {
    const fresh = await createCycleFixture(test.db, { organisationId: cast.organisationId });
    await createCycleInvitations(test.db, fresh.cycleId);
    const outcome = await send(cast.hr.id, [["intent", "send"]], fresh.cycleId);
    expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
      `/beheer/rondes/${fresh.cycleId}?melding=herinnerd`,
    );
    const reminders = (await mailsOf(test.db, cast.organisationId, "reminder")).filter((mail) =>
      mail.subject.includes(fresh.cycleName),
    );
    expect(reminders).toHaveLength(5);
    const audit = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "reminders_sent")
      .where("subject_id", "=", fresh.cycleId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_person_id).toBe(cast.hr.id);
    expect(audit.details).toBeNull();
  });

  it("answers 400 to a bad form and after the deadline", async () => {
    expect(statusOf(await send(cast.hr.id, [["intent", "alles"]]))).toBe(400);
    expect(
      statusOf(
        await send(cast.hr.id, [
          ["intent", "send"],
          ["extra", "1"],
        ]),
      ),
    ).toBe(400);
    const late = await createCycleFixture(test.db, {
      organisationId: cast.organisationId,
      answerDeadline: "2030-03-01",
    });
    const page = valueOf<{ open: boolean }>(await open(cast.hr.id, late.cycleId));
    expect(page.open).toBe(false);
    expect(statusOf(await send(cast.hr.id, [["intent", "send"]], late.cycleId))).toBe(400);
  });
});
