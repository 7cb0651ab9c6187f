import type { ReportContent } from "~/reports/report-content";
import { buildReportPageView } from "~/reports/report-view";
import { dayInOrganisation } from "~/utils/dates";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { call, getRequest, postRequest, signedInCookie, type Fields } from "../../support/requests";
import {
  collectingCycleId,
  createOtherOrganisation,
  latestReleasedCycle,
  loadCast,
  type CycleRow,
  type DemoCast,
} from "../../support/demo-cast";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";
import {
  allAuditRows,
  auditRows,
  participantRow,
  reportPage,
  type ReportLoaderData,
} from "./helpers";

const test = useTestDatabase({ seed: true });

interface Someone {
  participantId: string;
  personId: string;
}

let cast: DemoCast;
let cycle: CycleRow;
/** A member of cast.team in the latest released cycle; cast.teamLead was their manager. */
let member: Someone;
/** Another member of the same team in that cycle (with a report of their own). */
let colleague: Someone;
/** A participant of the collecting cycle and their manager in it. */
let collecting: Someone & { managerId: string };
let outsiderId: string;
let storedContent: string;

beforeAll(async () => {
  cast = await loadCast(test.db);
  cycle = await latestReleasedCycle(test.db);
  expect(cycle.lead_access).toBe("with_consent");
  const members = await test.db
    .selectFrom("participant")
    .innerJoin("person", "person.id", "participant.person_id")
    .select(["participant.id as participantId", "person.id as personId"])
    .where("participant.cycle_id", "=", cycle.id)
    .where("participant.manager_person_id", "=", cast.teamLead.id)
    .where("person.team_id", "=", cast.team.id)
    .where("person.is_active", "=", 1)
    .orderBy("person.last_name")
    .orderBy("person.first_name")
    .execute();
  expect(members.length).toBeGreaterThanOrEqual(2);
  [member, colleague] = [members[0]!, members[1]!];
  for (const someone of [member, colleague]) {
    expect([cast.hr.id, cast.departmentHead.id, cast.teamLead.id]).not.toContain(someone.personId);
  }
  expect(cast.team.parent_team_id).toBe(cast.department.id);

  const collectingId = await collectingCycleId(test.db);
  const inCollecting = await test.db
    .selectFrom("participant")
    .select(["id", "person_id", "manager_person_id"])
    .where("cycle_id", "=", collectingId)
    .where("manager_person_id", "is not", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  collecting = {
    participantId: inCollecting.id,
    personId: inCollecting.person_id,
    managerId: inCollecting.manager_person_id!,
  };
  outsiderId = (await createOtherOrganisation(test.db)).personId;
  storedContent = (
    await test.db
      .selectFrom("report")
      .select("content")
      .where("participant_id", "=", member.participantId)
      .executeTakeFirstOrThrow()
  ).content;
});

/** Start of every test: the member has not shared; the cycle lets leads read with consent. */
beforeEach(async () => {
  await setShared(member.participantId, null);
  await setShared(collecting.participantId, null);
  await test.db
    .updateTable("cycle")
    .set({ lead_access: "with_consent" })
    .where("id", "=", cycle.id)
    .execute();
});

async function setShared(participantId: string, at: string | null) {
  await test.db
    .updateTable("participant")
    .set({ shared_with_lead_at: at })
    .where("id", "=", participantId)
    .execute();
}

async function open(personId: string | null, participantId: string, search = ""): Promise<Outcome> {
  const cookie = personId ? await signedInCookie(test.db, personId) : undefined;
  return call(reportPage.loader, getRequest(`/rapporten/${participantId}${search}`, { cookie }), {
    params: { participantId },
  });
}

async function post(personId: string | null, participantId: string, fields: Fields) {
  const cookie = personId ? await signedInCookie(test.db, personId) : undefined;
  return call(reportPage.action, postRequest(`/rapporten/${participantId}`, fields, { cookie }), {
    params: { participantId },
  });
}

function expectNotFound(outcome: Outcome) {
  expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
}

function readyView(outcome: Outcome) {
  const data = valueOf<ReportLoaderData>(outcome);
  if (data.report.status !== "ready") throw new Error(`Not ready: ${describeOutcome(outcome)}`);
  return { data, view: data.report.view };
}

const SHARED_AT = "2029-11-01T09:00:00.000Z";

describe("GET /rapporten/$participantId", () => {
  it("shows the participant their released report, with the sharing state", async () => {
    const before = await allAuditRows(test.db);
    const outcome = await open(member.personId, member.participantId);
    expect(statusOf(outcome)).toBe(200);
    const { data, view } = readyView(outcome);
    expect(view.as).toBe("participant");
    // The participant's view of the stored report (app/reports/report-view.ts).
    const stored = JSON.parse(storedContent) as ReportContent;
    expect(view).toEqual(
      buildReportPageView({
        stored,
        as: "participant",
        releasedOn: dayInOrganisation(new Date(cycle.released_at!)),
        normWithheld: stored.normWithheld!,
        normChosen: false,
      }),
    );
    expect(view.releasedOn).toBe(dayInOrganisation(new Date(cycle.released_at!)));
    expect(data.chosen).toEqual([]);
    expect(data.sharing).toEqual({
      possible: true,
      shared: false,
      managerName: `${cast.teamLead.first_name} ${cast.teamLead.last_name}`,
      blocked: false,
    });
    // The participant's own view is not logged.
    expect(await allAuditRows(test.db)).toEqual(before);
  });

  it("keeps only the known optional series from the query", async () => {
    const outcome = await open(
      member.personId,
      member.participantId,
      "?reeks=norm&reeks=colleague&reeks=onzin&reeks=self",
    );
    expect(readyView(outcome).data.chosen).toEqual(["colleague", "norm"]);
  });

  it("tells a participant whose cycle is still collecting that the report is not there yet", async () => {
    const cycleRow = await test.db
      .selectFrom("cycle")
      .innerJoin("participant", "participant.cycle_id", "cycle.id")
      .select(["cycle.name"])
      .where("participant.id", "=", collecting.participantId)
      .executeTakeFirstOrThrow();
    const outcome = await open(collecting.personId, collecting.participantId);
    expect(statusOf(outcome)).toBe(200);
    const data = valueOf<ReportLoaderData>(outcome);
    expect(data.report).toEqual({ status: "not_released", cycleName: cycleRow.name });
    expect(data.sharing).toBeNull();
  });

  it("treats a closed (not yet released) cycle as not released: no report for anyone", async () => {
    await setShared(member.participantId, SHARED_AT);
    await test.db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", cycle.id)
      .execute();
    try {
      const data = valueOf<ReportLoaderData>(await open(member.personId, member.participantId));
      expect(data.report).toEqual({ status: "not_released", cycleName: cycle.name });
      expectNotFound(await open(cast.teamLead.id, member.participantId));
      expectNotFound(await post(member.personId, member.participantId, [["intent", "unshare"]]));
      expect((await participantRow(test.db, member.participantId)).shared_with_lead_at).toBe(
        SHARED_AT,
      );
    } finally {
      await test.db
        .updateTable("cycle")
        .set({ status: "released" })
        .where("id", "=", cycle.id)
        .execute();
    }
  });

  it("answers 404 to everyone else, even when the report is shared with the lead", async () => {
    await setShared(member.participantId, SHARED_AT);
    const before = await allAuditRows(test.db);
    const others = {
      "another employee": colleague.personId,
      "another team's lead": cast.otherTeamLead.id,
      "the HR admin": cast.hr.id,
      "the department head above the team": cast.departmentHead.id,
      "someone from another organisation": outsiderId,
    };
    for (const [who, personId] of Object.entries(others)) {
      const outcome = await open(personId, member.participantId);
      expect(isThrownNotFound(outcome), `${who}: ${describeOutcome(outcome)}`).toBe(true);
    }
    // Not a later lead either: the member moves to another team, or the team gets a new lead.
    await test.db
      .updateTable("person")
      .set({ team_id: cast.otherTeam.id })
      .where("id", "=", member.personId)
      .execute();
    try {
      expectNotFound(await open(cast.otherTeamLead.id, member.participantId));
    } finally {
      await test.db
        .updateTable("person")
        .set({ team_id: cast.team.id })
        .where("id", "=", member.personId)
        .execute();
    }
    await test.db
      .updateTable("team")
      .set({ lead_person_id: colleague.personId })
      .where("id", "=", cast.team.id)
      .execute();
    try {
      expectNotFound(await open(colleague.personId, member.participantId));
    } finally {
      await test.db
        .updateTable("team")
        .set({ lead_person_id: cast.teamLead.id })
        .where("id", "=", cast.team.id)
        .execute();
    }
    // Nor does anyone but the participant get "not released" for a collecting cycle.
    await setShared(collecting.participantId, SHARED_AT);
    for (const personId of [collecting.managerId, cast.hr.id, member.personId, outsiderId]) {
      expectNotFound(await open(personId, collecting.participantId));
    }
    expect(await allAuditRows(test.db)).toEqual(before);
  });

  it("answers 404 for an unknown participant id", async () => {
    for (const personId of [member.personId, cast.hr.id, cast.teamLead.id]) {
      expectNotFound(await open(personId, "no-such-participant"));
      expectNotFound(await open(personId, ""));
    }
  });

  it("sends an anonymous visitor to sign in, and back to the report afterwards", async () => {
    const outcome = await open(null, member.participantId, "?reeks=norm");
    expect(outcome.kind === "response" && outcome.thrown, describeOutcome(outcome)).toBe(true);
    expect(statusOf(outcome)).toBe(302);
    expect(redirectLocation(outcome)).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(`/rapporten/${member.participantId}?reeks=norm`)}`,
    );
  });

  it("lets the manager of that round read it only once shared, and logs every such view", async () => {
    const lead = cast.teamLead.id;
    const viewsBy = async () =>
      (await auditRows(test.db, "report_viewed_by_lead")).filter(
        (row) => row.actor_person_id === lead,
      );
    expect(await viewsBy()).toEqual([]);

    expectNotFound(await open(lead, member.participantId));
    expect(await viewsBy()).toEqual([]);

    await setShared(member.participantId, SHARED_AT);
    const first = await open(lead, member.participantId);
    expect(statusOf(first)).toBe(200);
    const { data, view } = readyView(first);
    expect(view.as).toBe("lead");
    // The manager reads the stored lead view only: built without the manager's own answers,
    // without the organisation norm and without the trend.
    const stored = JSON.parse(storedContent) as ReportContent;
    expect(view).toEqual(
      buildReportPageView({
        stored: { ...stored, leadView: stored.leadView, competencies: [] },
        as: "lead",
        releasedOn: dayInOrganisation(new Date(cycle.released_at!)),
        normWithheld: [],
        normChosen: false,
      }),
    );
    expect(view.norm).toBeNull();
    expect(view.trend).toBeNull();
    expect(view.responseOverview.map((row) => row.group)).not.toContain("manager");
    expect(data.sharing).toBeNull();
    const afterFirst = await viewsBy();
    expect(afterFirst).toHaveLength(1);
    expect(afterFirst[0]).toMatchObject({
      action: "report_viewed_by_lead",
      actor_person_id: lead,
      subject_type: "person",
      subject_id: member.personId,
      created_at: NOW.toISOString(),
    });
    expect(JSON.parse(afterFirst[0]!.details!)).toEqual({ participantId: member.participantId });

    // Each view is one row.
    readyView(await open(lead, member.participantId));
    expect(await viewsBy()).toHaveLength(2);

    // Withdrawn: 404 again, and nothing logged.
    await setShared(member.participantId, null);
    expectNotFound(await open(lead, member.participantId));
    expect(await viewsBy()).toHaveLength(2);
    // No one else's views were logged on the way.
    expect((await auditRows(test.db, "report_viewed_by_lead")).length).toBe(2);
  });

  it('answers 404 to the manager when the cycle has lead_access "never", shared or not', async () => {
    await setShared(member.participantId, SHARED_AT);
    await test.db
      .updateTable("cycle")
      .set({ lead_access: "never" })
      .where("id", "=", cycle.id)
      .execute();
    const before = await allAuditRows(test.db);
    expectNotFound(await open(cast.teamLead.id, member.participantId));
    expect(await allAuditRows(test.db)).toEqual(before);
    // The participant still reads it; sharing is not offered (nor anything about it sent).
    const { data } = readyView(await open(member.personId, member.participantId));
    expect(data.sharing).toBeNull();
  });
});

describe("POST /rapporten/$participantId (sharing with the manager)", () => {
  async function snapshot() {
    return {
      member: await participantRow(test.db, member.participantId),
      collecting: await participantRow(test.db, collecting.participantId),
      colleague: await participantRow(test.db, colleague.participantId),
      audit: await allAuditRows(test.db),
    };
  }

  it("lets the participant share and stop sharing (intents share, unshare), logged both ways", async () => {
    const shared = await post(member.personId, member.participantId, [["intent", "share"]]);
    expect(shared.kind === "response" && !shared.thrown, describeOutcome(shared)).toBe(true);
    expect(statusOf(shared)).toBe(302);
    expect(redirectLocation(shared)).toBe(`/rapporten/${member.participantId}#delen`);
    expect((await participantRow(test.db, member.participantId)).shared_with_lead_at).toBe(
      NOW.toISOString(),
    );
    const sharedLog = await auditRows(test.db, "report_shared_with_lead");
    expect(sharedLog).toHaveLength(1);
    expect(sharedLog[0]).toMatchObject({
      actor_person_id: member.personId,
      subject_type: "participant",
      subject_id: member.participantId,
      created_at: NOW.toISOString(),
    });
    // Now the manager may read it, and the participant sees it as shared.
    expect(readyView(await open(cast.teamLead.id, member.participantId)).view.as).toBe("lead");
    expect(readyView(await open(member.personId, member.participantId)).data.sharing).toMatchObject(
      { possible: true, shared: true },
    );

    const unshared = await post(member.personId, member.participantId, [["intent", "unshare"]]);
    expect(statusOf(unshared)).toBe(302);
    expect(redirectLocation(unshared)).toBe(`/rapporten/${member.participantId}#delen`);
    expect((await participantRow(test.db, member.participantId)).shared_with_lead_at).toBeNull();
    const unsharedLog = await auditRows(test.db, "report_unshared_with_lead");
    expect(unsharedLog).toHaveLength(1);
    expect(unsharedLog[0]).toMatchObject({
      actor_person_id: member.personId,
      subject_type: "participant",
      subject_id: member.participantId,
    });
    expectNotFound(await open(cast.teamLead.id, member.participantId));
  });

  it("answers 404 to the manager and to anyone else, and changes nothing", async () => {
    for (const shared of [null, SHARED_AT]) {
      await setShared(member.participantId, shared);
      const before = await snapshot();
      for (const personId of [
        cast.teamLead.id,
        colleague.personId,
        cast.otherTeamLead.id,
        cast.hr.id,
        cast.departmentHead.id,
        outsiderId,
      ]) {
        for (const intent of ["share", "unshare"]) {
          const outcome = await post(personId, member.participantId, [["intent", intent]]);
          expect(
            isThrownNotFound(outcome),
            `${personId} ${intent}: ${describeOutcome(outcome)}`,
          ).toBe(true);
        }
      }
      expect(await snapshot()).toEqual(before);
    }
  });

  it("refuses an unknown intent or extra fields with 400, and changes nothing", async () => {
    const before = await snapshot();
    const bodies: Fields[] = [
      [["intent", "deel"]],
      [["intent", "DELEN"]],
      // The intent values before they became English verbs.
      [["intent", "delen"]],
      [["intent", "niet-delen"]],
      [["intent", ""]],
      [],
      [
        ["intent", "share"],
        ["participantId", colleague.participantId],
      ],
      [
        ["intent", "share"],
        ["shared_with_lead_at", "2020-01-01"],
      ],
      [
        ["intent", "share"],
        ["intent", "share"],
      ],
      [
        ["intent", "unshare"],
        ["intent", "share"],
      ],
    ];
    for (const fields of bodies) {
      const outcome = await post(member.personId, member.participantId, fields);
      expect(outcome.kind === "response" && outcome.thrown, describeOutcome(outcome)).toBe(true);
      expect(statusOf(outcome), JSON.stringify(fields)).toBe(400);
    }
    // Not a form post at all.
    const cookie = await signedInCookie(test.db, member.personId);
    const json = await call(
      reportPage.action,
      new Request(`http://localhost/rapporten/${member.participantId}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify({ intent: "share" }),
      }),
      { params: { participantId: member.participantId } },
    );
    expect(statusOf(json)).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 before release, and changes nothing", async () => {
    const before = await snapshot();
    for (const intent of ["share", "unshare"]) {
      expectNotFound(
        await post(collecting.personId, collecting.participantId, [["intent", intent]]),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 when the cycle has lead_access "never", and for an unknown participant', async () => {
    await test.db
      .updateTable("cycle")
      .set({ lead_access: "never" })
      .where("id", "=", cycle.id)
      .execute();
    const before = await snapshot();
    expectNotFound(await post(member.personId, member.participantId, [["intent", "share"]]));
    expectNotFound(await post(member.personId, "no-such-participant", [["intent", "share"]]));
    expect(await snapshot()).toEqual(before);
  });

  it("sends an anonymous poster to sign in, and changes nothing", async () => {
    const before = await snapshot();
    const outcome = await post(null, member.participantId, [["intent", "share"]]);
    expect(statusOf(outcome)).toBe(302);
    expect(redirectLocation(outcome)).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(`/rapporten/${member.participantId}`)}`,
    );
    expect(responseOf(outcome).status).toBe(302);
    expect(await snapshot()).toEqual(before);
  });
});
