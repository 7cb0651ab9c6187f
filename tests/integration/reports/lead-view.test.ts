import { beforeAll, describe, expect, it } from "vitest";
import { computeCycleReports } from "~/reports/release.server";
import { call, getRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, isThrownNotFound } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { contentOf, reportPage } from "./helpers";
import { latestReleasedCycle, type CycleRow } from "../../support/demo-cast";

// The lead view is the report built without the "manager" answers: the manager knows their
// own. It can only leave them out when the manager answered as "manager". A manager who
// answered in another role (say, invited as a colleague before they became the manager of
// that round) would find their own ratings in it, unrecognised by the guard: then there is no
// lead view, and the manager cannot read the report.

const test = useTestDatabase({ seed: true });

let cycle: CycleRow;
let target: { participantId: string; managerId: string };

beforeAll(async () => {
  cycle = await latestReleasedCycle(test.db);
  const row = await test.db
    .selectFrom("participant")
    .innerJoin("invitation", (join) =>
      join
        .onRef("invitation.participant_id", "=", "participant.id")
        .onRef("invitation.rater_person_id", "=", "participant.manager_person_id"),
    )
    .select(["participant.id", "participant.manager_person_id", "invitation.id as invitationId"])
    .where("participant.cycle_id", "=", cycle.id)
    .where("invitation.status", "=", "submitted")
    .where("invitation.relationship", "=", "manager")
    .orderBy("participant.id")
    .executeTakeFirstOrThrow();
  target = { participantId: row.id, managerId: row.manager_person_id! };
  // Before: the report has a lead view.
  expect(contentOf(await reportOf(target.participantId)).leadView).toBeTruthy();

  // The manager's answer was given as a colleague.
  await test.db
    .updateTable("invitation")
    .set({ relationship: "colleague" })
    .where("id", "=", row.invitationId)
    .execute();
  await test.db
    .updateTable("response")
    .set({ relationship: "colleague" })
    .where("participant_id", "=", target.participantId)
    .where("relationship", "=", "manager")
    .execute();
  await test.db
    .updateTable("participant")
    .set({ shared_with_lead_at: "2029-11-01T09:00:00.000Z" })
    .where("id", "=", target.participantId)
    .execute();
  await test.db.deleteFrom("report").where("cycle_id", "=", cycle.id).execute();
  await computeCycleReports(test.db, cycle.id, new Date(cycle.released_at!));
});

async function reportOf(participantId: string) {
  return test.db
    .selectFrom("report")
    .select("content")
    .where("participant_id", "=", participantId)
    .executeTakeFirstOrThrow();
}

describe("the lead view", () => {
  it("is not built when the manager answered in another role, and the manager reads nothing", async () => {
    expect(contentOf(await reportOf(target.participantId)).leadView ?? null).toBeNull();
    const cookie = await signedInCookie(test.db, target.managerId);
    const outcome = await call(
      reportPage.loader,
      getRequest(`/rapporten/${target.participantId}`, { cookie }),
      { params: { participantId: target.participantId } },
    );
    expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
  });

  it("is still built for the others of the round whose manager answered as manager", async () => {
    const others = await test.db
      .selectFrom("participant")
      .innerJoin("invitation", (join) =>
        join
          .onRef("invitation.participant_id", "=", "participant.id")
          .onRef("invitation.rater_person_id", "=", "participant.manager_person_id"),
      )
      .innerJoin("report", "report.participant_id", "participant.id")
      .select(["participant.id", "report.content"])
      .where("participant.cycle_id", "=", cycle.id)
      .where("invitation.status", "=", "submitted")
      .where("invitation.relationship", "=", "manager")
      .execute();
    expect(others.length).toBeGreaterThan(5);
    for (const row of others) expect(contentOf(row).leadView, row.id).toBeTruthy();
  });
});
