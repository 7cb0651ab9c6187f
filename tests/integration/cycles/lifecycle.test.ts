import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { translateMessageRef, translator } from "~/i18n/messages";
import {
  closeOverdueCycles,
  finishRelease,
  releasesToFinish,
  runTransition,
  startCollecting,
} from "~/cycles/lifecycle.server";
import type { CycleTransition } from "~/cycles/transitions";
import * as cyclePage from "~/routes/beheer.rondes.$cycleId._index";
import { call, postRequest, signedInCookie } from "../../support/requests";
import {
  describeOutcome,
  redirectLocation,
  statusOf,
  type Outcome,
} from "../../support/route-outcome";
import { eventually } from "../../support/eventually";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";
import {
  auditOf,
  cycleParams,
  cycleRow,
  draftCycle,
  draftCycleWithTeam,
  participantsOf,
  proposeNomination,
  updateCycle,
} from "../../support/draft-cycles";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let hrCookie: string;
beforeAll(async () => {
  cast = await loadCast(test.db);
  hrCookie = await signedInCookie(test.db, cast.hr.id);
});

function step(cycleId: string, intent: CycleTransition | string, confirm?: string) {
  const fields: [string, string][] = [["intent", intent]];
  if (confirm) fields.push(["confirm", confirm]);
  return call(
    cyclePage.action,
    postRequest(`/beheer/rondes/${cycleId}`, fields, { cookie: hrCookie }),
    cycleParams(cycleId),
  );
}

/** The reply's message references, translated into Dutch as the page does. */
function replyErrors(outcome: Outcome): Record<string, string[] | null> {
  if (outcome.kind !== "data") throw new Error(describeOutcome(outcome));
  const { error } = (outcome.data as { result: { error: Record<string, string[] | null> } }).result;
  const t = translator("nl");
  return Object.fromEntries(
    Object.entries(error).map(([field, refs]) => [
      field,
      refs && refs.map((ref) => translateMessageRef(t, ref)),
    ]),
  );
}

async function count(db: DB, table: "invitation" | "report", cycleId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("cycle_id", "=", cycleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function mailsOfKind(db: DB, kind: string, to?: string[]) {
  let query = db.selectFrom("email_outbox").select(["to_address", "kind"]).where("kind", "=", kind);
  if (to) query = query.where("to_address", "in", to);
  return query.execute();
}

async function emailsOf(db: DB, personIds: string[]) {
  const rows = await db.selectFrom("person").select("email").where("id", "in", personIds).execute();
  return rows.map((row) => row.email);
}

describe("a round from draft to released", () => {
  let cycleId: string;

  it("refuses to start nominating without participants, saying why", async () => {
    const empty = await draftCycle(test.db, cast);
    const outcome = await step(empty, "start-nominating");
    expect(statusOf(outcome)).toBe(409);
    expect(replyErrors(outcome)[""]).toEqual(["Voeg eerst deelnemers toe."]);
    expect((await cycleRow(test.db, empty)).status).toBe("draft");
  });

  it("refuses to start nominating once a deadline has passed", async () => {
    const late = await draftCycleWithTeam(test.db, cast);
    await updateCycle(test.db, late, { nomination_deadline: "2030-03-03" });
    const outcome = await step(late, "start-nominating");
    expect(statusOf(outcome)).toBe(409);
    expect(replyErrors(outcome)[""]).toEqual([
      "De uiterste datum voor het voordragen is voorbij. Kies bij de instellingen een latere datum.",
    ]);
  });

  it("starts nominating: freezes the profile and asks every participant to nominate", async () => {
    cycleId = await draftCycleWithTeam(test.db, cast);
    const participants = await participantsOf(test.db, cycleId);
    const outcome = await step(cycleId, "start-nominating");
    expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
      `/beheer/rondes/${cycleId}?melding=voordragen`,
    );
    const cycle = await cycleRow(test.db, cycleId);
    expect(cycle.status).toBe("nominating");
    expect(cycle.launched_at).toBe(NOW.toISOString());
    expect(cycle.profile_snapshot_id).not.toBeNull();
    const snapshot = await test.db
      .selectFrom("profile_snapshot")
      .select("profile_key")
      .where("id", "=", cycle.profile_snapshot_id!)
      .executeTakeFirstOrThrow();
    expect(snapshot.profile_key).toBe("toepassing-beleid");
    const addresses = await emailsOf(
      test.db,
      participants.map((p) => p.person_id),
    );
    expect((await mailsOfKind(test.db, "nomination-request", addresses)).length).toBe(
      participants.length,
    );
    const audit = (await auditOf(test.db, cycleId)).at(-1)!;
    expect(audit.action).toBe("cycle_nominating_started");
    expect(JSON.parse(audit.details!)).toEqual({
      participants: participants.length,
      nominationRequests: participants.length,
    });
  });

  it("refuses the same click twice", async () => {
    const outcome = await step(cycleId, "start-nominating");
    expect(statusOf(outcome)).toBe(409);
    expect(replyErrors(outcome)[""]).toEqual([
      "De ronde staat intussen in een andere stap. Bekijk de pagina opnieuw.",
    ]);
    expect((await mailsOfKind(test.db, "nomination-request")).length).toBeGreaterThan(0);
    expect(
      (await auditOf(test.db, cycleId)).filter((row) => row.action === "cycle_nominating_started"),
    ).toHaveLength(1);
  });

  it("asks to confirm approving open nominations before collecting starts", async () => {
    const [first] = await participantsOf(test.db, cycleId);
    await proposeNomination(test.db, first!.id, {
      name: "Karin Extern",
      email: "karin.extern@adviesbureau.example",
      relationship: "customer",
    });
    const outcome = await step(cycleId, "start-collecting");
    expect(statusOf(outcome)).toBe(400);
    expect(replyErrors(outcome).confirm).toEqual([
      "Bevestig dat de openstaande voordrachten goedgekeurd worden.",
    ]);
    expect((await cycleRow(test.db, cycleId)).status).toBe("nominating");
    expect(await count(test.db, "invitation", cycleId)).toBe(0);
  });

  it("starts collecting after confirmation: approves, invites self, manager and nominees", async () => {
    const outcome = await step(cycleId, "start-collecting", "approve_open_nominations");
    expect(redirectLocation(outcome), describeOutcome(outcome)).toBe(
      `/beheer/rondes/${cycleId}?melding=verzamelen`,
    );
    expect((await cycleRow(test.db, cycleId)).status).toBe("collecting");
    const participants = await participantsOf(test.db, cycleId);
    expect(participants.every((p) => p.nomination_status === "approved")).toBe(true);
    const withManager = participants.filter((p) => p.manager_person_id !== null).length;
    expect(await count(test.db, "invitation", cycleId)).toBe(participants.length + withManager + 1);
    expect(
      await mailsOfKind(test.db, "invitation", ["karin.extern@adviesbureau.example"]),
    ).not.toHaveLength(0);
    const audit = (await auditOf(test.db, cycleId)).at(-1)!;
    expect(audit.action).toBe("cycle_collecting_started");
    expect(JSON.parse(audit.details!)).toMatchObject({
      participants: participants.length,
      approvedForParticipants: participants.length,
      invitations: participants.length + withManager + 1,
    });
  });

  it("closes by hand before the deadline only after confirmation", async () => {
    const unconfirmed = await step(cycleId, "close");
    expect(statusOf(unconfirmed)).toBe(400);
    expect(replyErrors(unconfirmed).confirm).toEqual([
      "Bevestig dat u de ronde voor de uiterste datum sluit.",
    ]);
    const outcome = await step(cycleId, "close", "close_before_deadline");
    expect(redirectLocation(outcome)).toBe(`/beheer/rondes/${cycleId}?melding=gesloten`);
    const cycle = await cycleRow(test.db, cycleId);
    expect(cycle.status).toBe("closed");
    expect(cycle.closed_at).toBe(NOW.toISOString());
    expect((await auditOf(test.db, cycleId)).at(-1)).toMatchObject({
      action: "cycle_closed",
      actor_person_id: cast.hr.id,
    });
  });

  it("releases only after confirming it is final, then computes the reports and mails the participants", async () => {
    const unconfirmed = await step(cycleId, "release", "close_before_deadline");
    expect(statusOf(unconfirmed)).toBe(400);
    expect(replyErrors(unconfirmed).confirm).toEqual(["Bevestig dat vrijgeven definitief is."]);
    expect((await cycleRow(test.db, cycleId)).status).toBe("closed");

    const outcome = await step(cycleId, "release", "release_final");
    expect(redirectLocation(outcome)).toBe(`/beheer/rondes/${cycleId}?melding=vrijgegeven`);
    const cycle = await cycleRow(test.db, cycleId);
    expect(cycle.status).toBe("released");
    expect(cycle.released_at).toBe(NOW.toISOString());
    expect((await auditOf(test.db, cycleId)).map((row) => row.action)).toContain("cycle_released");

    const participants = await participantsOf(test.db, cycleId);
    // The reports and the mails come from the background work that release starts.
    await eventually(async () => {
      const notified = await test.db
        .selectFrom("participant")
        .select("id")
        .where("cycle_id", "=", cycleId)
        .where("report_notified_at", "is not", null)
        .execute();
      return notified.length === participants.length ? true : undefined;
    });
    expect(await count(test.db, "report", cycleId)).toBe(participants.length);
    const reports = await test.db
      .selectFrom("report")
      .select("computed_at")
      .where("cycle_id", "=", cycleId)
      .execute();
    expect(reports.every((report) => report.computed_at === NOW.toISOString())).toBe(true);
    const addresses = await emailsOf(
      test.db,
      participants.map((p) => p.person_id),
    );
    expect((await mailsOfKind(test.db, "report-ready", addresses)).length).toBe(
      participants.length,
    );
    expect(await releasesToFinish(test.db)).not.toContain(cycleId);
  });

  it("never opens again after release, whatever is posted", async () => {
    for (const intent of ["start-nominating", "start-collecting", "close", "release"]) {
      const outcome = await step(cycleId, intent, "release_final");
      expect(statusOf(outcome), intent).toBe(409);
    }
    expect(statusOf(await step(cycleId, "reopen"))).toBe(400);
    expect((await cycleRow(test.db, cycleId)).status).toBe("released");
  });

  it("finishing a release again changes nothing", async () => {
    const before = await test.db
      .selectFrom("report")
      .select(["id", "content"])
      .where("cycle_id", "=", cycleId)
      .orderBy("id")
      .execute();
    expect(await finishRelease(test.db, cycleId, new Date(NOW.getTime() + 86_400_000))).toEqual({
      reports: 0,
      mails: 0,
    });
    expect(
      await test.db
        .selectFrom("report")
        .select(["id", "content"])
        .where("cycle_id", "=", cycleId)
        .orderBy("id")
        .execute(),
    ).toEqual(before);
  });
});

describe("double clicks", () => {
  it("start collecting once when two requests arrive together", async () => {
    const cycleId = await draftCycleWithTeam(test.db, cast);
    expect((await step(cycleId, "start-nominating")).kind).toBe("response");
    await test.db
      .updateTable("participant")
      .set({ nomination_status: "approved" })
      .where("cycle_id", "=", cycleId)
      .execute();
    const request = {
      organisationId: cast.organisationId,
      cycleId,
      actorPersonId: cast.hr.id,
    };
    const outcomes = await Promise.all([
      startCollecting(test.db, request),
      startCollecting(test.db, request),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["done", "refused"]);
    const participants = await participantsOf(test.db, cycleId);
    const withManager = participants.filter((p) => p.manager_person_id !== null).length;
    expect(await count(test.db, "invitation", cycleId)).toBe(participants.length + withManager);
    expect(
      (await auditOf(test.db, cycleId)).filter((row) => row.action === "cycle_collecting_started"),
    ).toHaveLength(1);
  });

  it("release once when two requests arrive together", async () => {
    const cycleId = await draftCycleWithTeam(test.db, cast);
    await step(cycleId, "start-nominating");
    await test.db
      .updateTable("participant")
      .set({ nomination_status: "approved" })
      .where("cycle_id", "=", cycleId)
      .execute();
    await step(cycleId, "start-collecting");
    await step(cycleId, "close", "close_before_deadline");
    const outcomes = await Promise.all([
      step(cycleId, "release", "release_final"),
      step(cycleId, "release", "release_final"),
    ]);
    expect(outcomes.map(statusOf).sort()).toEqual([302, 409]);
    expect(
      (await auditOf(test.db, cycleId)).filter((row) => row.action === "cycle_released"),
    ).toHaveLength(1);
    const participants = await participantsOf(test.db, cycleId);
    await eventually(async () =>
      (await count(test.db, "report", cycleId)) === participants.length ? true : undefined,
    );
  });
});

describe("closing at the deadline", () => {
  async function collectingCycle(answerDeadline: string) {
    const cycleId = await draftCycleWithTeam(test.db, cast);
    await updateCycle(test.db, cycleId, { status: "collecting", answer_deadline: answerDeadline });
    return cycleId;
  }

  it("closes a collecting round the day after its answer deadline (Amsterdam), not on the day itself", async () => {
    const yesterday = await collectingCycle("2030-03-03");
    const today = await collectingCycle("2030-03-04");
    const closed = await closeOverdueCycles(test.db, NOW);
    expect(closed).toBeGreaterThanOrEqual(1);
    expect((await cycleRow(test.db, yesterday)).status).toBe("closed");
    expect((await cycleRow(test.db, today)).status).toBe("collecting");
    expect((await auditOf(test.db, yesterday)).at(-1)).toMatchObject({
      action: "cycle_closed",
      actor_person_id: null,
    });
    expect(JSON.parse((await auditOf(test.db, yesterday)).at(-1)!.details!)).toMatchObject({
      automatic: 1,
    });

    // 23:30 UTC on the deadline is already the next day in Amsterdam.
    expect(await closeOverdueCycles(test.db, new Date("2030-03-04T22:59:00.000Z"))).toBe(0);
    expect(await closeOverdueCycles(test.db, new Date("2030-03-04T23:30:00.000Z"))).toBe(1);
    expect((await cycleRow(test.db, today)).status).toBe("closed");
  });

  it("leaves rounds in other stages alone", async () => {
    const draft = await draftCycle(test.db, cast, { answerDeadline: "2030-04-08" });
    await updateCycle(test.db, draft, { answer_deadline: "2030-01-01" });
    await closeOverdueCycles(test.db, NOW);
    expect((await cycleRow(test.db, draft)).status).toBe("draft");
  });
});

describe("runTransition", () => {
  it("answers not_found for a round of another organisation", async () => {
    const cycleId = await draftCycleWithTeam(test.db, cast);
    expect(
      await runTransition(test.db, "start-nominating", {
        organisationId: "another-organisation",
        cycleId,
        actorPersonId: cast.hr.id,
      }),
    ).toEqual({ status: "not_found" });
    expect((await cycleRow(test.db, cycleId)).status).toBe("draft");
  });
});
