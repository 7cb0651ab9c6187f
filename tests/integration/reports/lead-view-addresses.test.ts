import { beforeAll, describe, expect, it } from "vitest";
import { computeCycleReports } from "~/reports/release.server";
import { useTestDatabase } from "../../support/database";
import { contentOf } from "./helpers";
import { latestReleasedCycle, type CycleRow } from "../../support/demo-cast";

// lead-view.test.ts: a manager who answered in another role than manager gets no lead view.
// That is judged by person and, as a second line of defence for invitations not linked to the
// manager's person, by address: their current address and the addresses stored on
// invitations linked to them, each compared without a "+tag".

const test = useTestDatabase({ seed: true });

let cycle: CycleRow;
/** The manager's answer stored under a +tag alias of their current address. */
let byAlias: string;
/** The manager's answer stored under the address they had before it changed. */
let byOldAddress: string;

async function managerAnswers() {
  return test.db
    .selectFrom("participant")
    .innerJoin("invitation", (join) =>
      join
        .onRef("invitation.participant_id", "=", "participant.id")
        .onRef("invitation.rater_person_id", "=", "participant.manager_person_id"),
    )
    .innerJoin("person", "person.id", "participant.manager_person_id")
    .select([
      "participant.id",
      "participant.manager_person_id as managerId",
      "person.email",
      "invitation.id as invitationId",
      "invitation.rater_email",
    ])
    .where("participant.cycle_id", "=", cycle.id)
    .where("invitation.status", "=", "submitted")
    .where("invitation.relationship", "=", "manager")
    .orderBy("participant.id")
    .execute();
}

/** The manager answered as a colleague, on an invitation not linked to their person. */
async function answeredAsColleague(
  row: { id: string; invitationId: string },
  raterEmail: string,
): Promise<void> {
  await test.db
    .updateTable("invitation")
    .set({ relationship: "colleague", rater_person_id: null, rater_email: raterEmail })
    .where("id", "=", row.invitationId)
    .execute();
  await test.db
    .updateTable("response")
    .set({ relationship: "colleague" })
    .where("participant_id", "=", row.id)
    .where("relationship", "=", "manager")
    .execute();
}

beforeAll(async () => {
  cycle = await latestReleasedCycle(test.db);
  const rows = await managerAnswers();
  const answersOf = (managerId: string | null) =>
    rows.filter((row) => row.managerId === managerId).length;
  // Two managers who each answered for more than one member, so an invitation of theirs
  // still linked to them remains.
  const managers = [...new Set(rows.map((row) => row.managerId))].filter((id) => answersOf(id) > 1);
  expect(managers.length).toBeGreaterThanOrEqual(2);
  const first = rows.find((row) => row.managerId === managers[0])!;
  const second = rows.find((row) => row.managerId === managers[1])!;
  byAlias = first.id;
  byOldAddress = second.id;

  const [local, domain] = first.email.split("@");
  await answeredAsColleague(first, `${local}+feedback@${domain!.toUpperCase()}`);

  // The second manager's address changed after the round; their answer as a colleague keeps
  // the old one, as their other (linked) invitations do.
  await answeredAsColleague(second, second.rater_email);
  await test.db
    .updateTable("person")
    .set({ email: `nieuw.${second.email}` })
    .where("id", "=", second.managerId!)
    .execute();

  await test.db.deleteFrom("report").where("cycle_id", "=", cycle.id).execute();
  await computeCycleReports(test.db, cycle.id, new Date(cycle.released_at!));
});

async function leadViewOf(participantId: string) {
  const report = await test.db
    .selectFrom("report")
    .select("content")
    .where("participant_id", "=", participantId)
    .executeTakeFirstOrThrow();
  return contentOf(report).leadView ?? null;
}

describe("the lead view, when the manager's answer in another role is stored under another address", () => {
  it("is not built when that address is a +tag alias of the manager's address", async () => {
    expect(await leadViewOf(byAlias)).toBeNull();
  });

  it("is not built when that address is one stored on the manager's linked invitations", async () => {
    expect(await leadViewOf(byOldAddress)).toBeNull();
  });

  it("is still built where the manager answered as manager", async () => {
    const others = (await managerAnswers()).filter(
      (row) => row.id !== byAlias && row.id !== byOldAddress,
    );
    expect(others.length).toBeGreaterThan(5);
    for (const row of others) expect(await leadViewOf(row.id), row.id).toBeTruthy();
  });
});
