import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import {
  addNomination,
  approveAllSubmitted,
  approveNominations,
  countWaitingReviews,
  loadReviewQueue,
  removeNomination,
} from "~/nominations/review.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import {
  actorOf,
  auditFor,
  createNominatingCycle,
  mailsOfKind,
  memberCycle,
  inOneOrder,
  nominationRows,
  participantIdOf,
  participantRow,
  possibleColleagues,
} from "../../support/nominating-cycles";

// The lead's side: remove, add, approve (one or all), within the maximum; HR steps in.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];
/** Other members of the member's team (same lead) who lead nothing. */
let teamMates: Person[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 8);
  const leads = (await test.db.selectFrom("team").select("lead_person_id").execute()).map(
    (row) => row.lead_person_id,
  );
  teamMates = (
    await test.db
      .selectFrom("person")
      .selectAll()
      .where("team_id", "=", cast.team.id)
      .where("is_active", "=", 1)
      .where("is_hr_admin", "=", 0)
      .orderBy("email")
      .execute()
  ).filter((person) => !leads.includes(person.id) && person.id !== cast.member.id);
});

const name = (person: Person) => `${person.first_name} ${person.last_name}`;
const lead = () => actorOf(cast.teamLead);

/** A round in which the member proposed two colleagues and submitted. */
async function submittedCycle(settings = {}) {
  const fixture = await memberCycle(test.db, cast, settings);
  for (const colleague of colleagues.slice(0, 2)) {
    await proposeNomination(test.db, actorOf(cast.member), fixture.participantId, {
      group: "colleague",
      personId: colleague.id,
    });
  }
  expect(
    await submitNominations(test.db, actorOf(cast.member), fixture.participantId),
  ).toMatchObject({ ok: true });
  return fixture;
}

describe("reviewing one participant", () => {
  it("waits for the submission; HR may step in before", async () => {
    const cycle = await createNominatingCycle(test.db, cast, [cast.member]);
    const participantId = participantIdOf(cycle, cast.member);
    const candidate = { group: "colleague" as const, personId: colleagues[0]!.id };
    expect(await addNomination(test.db, lead(), participantId, candidate)).toEqual({
      ok: false,
      reason: "not_submitted",
    });
    expect(await approveNominations(test.db, lead(), participantId)).toEqual({
      ok: false,
      reason: "not_submitted",
    });
    expect(await addNomination(test.db, actorOf(cast.hr), participantId, candidate)).toMatchObject({
      ok: true,
    });
    const [row] = await nominationRows(test.db, participantId);
    // What the lead's side adds is approved at once; the participant cannot withdraw it.
    expect(row).toMatchObject({ status: "approved", decided_by_person_id: cast.hr.id });
  });

  it("removes and adds raters, then approves: everything logged, the participant mailed once", async () => {
    const { participantId } = await submittedCycle();
    const [kept, dropped] = await nominationRows(test.db, participantId);
    const added = colleagues[3]!;
    const before = await mailsOfKind(test.db, "nomination-decision", cast.member.email);

    expect(await removeNomination(test.db, lead(), participantId, dropped!.id)).toEqual({
      ok: true,
      raterName: dropped!.rater_name,
    });
    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "customer",
        name: "Bert Buiten",
        email: "bert@buiten.example",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "colleague",
        personId: added.id,
      }),
    ).toMatchObject({ ok: true });
    // Nothing is mailed before the approval.
    expect(await mailsOfKind(test.db, "nomination-decision", cast.member.email)).toHaveLength(
      before.length,
    );

    const now = new Date("2030-03-06T15:00:00.000Z");
    expect(await approveNominations(test.db, lead(), participantId, now)).toEqual({
      ok: true,
      approved: 3,
      problems: [],
    });
    const rows = await nominationRows(test.db, participantId);
    expect(
      inOneOrder(rows.map((row) => [row.rater_name, row.status, row.decided_by_person_id])),
    ).toEqual(
      inOneOrder([
        [kept!.rater_name, "approved", cast.teamLead.id],
        [dropped!.rater_name, "removed", cast.teamLead.id],
        ["Bert Buiten", "approved", cast.teamLead.id],
        [name(added), "approved", cast.teamLead.id],
      ]),
    );
    expect(await participantRow(test.db, participantId)).toMatchObject({
      nomination_status: "approved",
      nominations_approved_at: now.toISOString(),
      nominations_approved_by_person_id: cast.teamLead.id,
    });
    expect((await auditFor(test.db, participantId)).map((entry) => entry.action)).toEqual([
      "nominations_submitted",
      "nomination_removed",
      "nomination_added",
      "nomination_added",
      "nominations_approved",
    ]);

    const mails = await mailsOfKind(test.db, "nomination-decision", cast.member.email);
    expect(mails).toHaveLength(before.length + 1);
    const mail = mails.at(-1)!;
    expect(mail.locale).toBe("nl");
    expect(mail.subject).toContain("goedgekeurd");
    expect(mail.text_body).toContain(`Verwijderd: ${dropped!.rater_name}.`);
    const addedLine = mail.text_body.split("\n").find((line) => line.startsWith("Toegevoegd: "));
    expect(
      addedLine
        ?.replace(/^Toegevoegd: |\.$/g, "")
        .split(", ")
        .sort(),
    ).toEqual(["Bert Buiten", name(added)].sort());
    expect(mail.text_body).toContain(`${name(cast.teamLead)} heeft uw voordracht`);
    expect(mail.text_body).toContain(`/voordragen/${participantId}`);

    expect(await approveNominations(test.db, lead(), participantId)).toEqual({
      ok: false,
      reason: "approved",
    });
  });

  it("enforces the maximum for the lead as well", async () => {
    const { participantId } = await submittedCycle({ colleague_max: 3 });
    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "colleague",
        personId: colleagues[2]!.id,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "colleague",
        personId: colleagues[3]!.id,
      }),
    ).toEqual({ ok: false, reason: "group_full" });
    expect(
      await addNomination(test.db, actorOf(cast.hr), participantId, {
        group: "colleague",
        personId: colleagues[3]!.id,
      }),
    ).toEqual({ ok: false, reason: "group_full" });
  });

  it("approves fewer than the minimum knowingly, and logs that it did", async () => {
    const { participantId } = await submittedCycle({ colleague_min: 2 });
    const [first] = await nominationRows(test.db, participantId);
    await removeNomination(test.db, lead(), participantId, first!.id);
    const outcome = await approveNominations(test.db, lead(), participantId);
    expect(outcome).toEqual({
      ok: true,
      approved: 1,
      problems: [{ group: "colleague", kind: "too_few", count: 1, min: 2, max: 3 }],
    });
    expect((await auditFor(test.db, participantId)).at(-1)).toMatchObject({
      action: "nominations_approved",
      details: expect.objectContaining({ count: 1, belowMinimum: true }),
    });
  });

  it("brings back a rater it removed, and tells the participant of changes after approval", async () => {
    const { participantId } = await submittedCycle();
    const [first] = await nominationRows(test.db, participantId);
    await removeNomination(test.db, lead(), participantId, first!.id);
    await approveNominations(test.db, lead(), participantId);
    const before = await mailsOfKind(test.db, "nomination-decision", cast.member.email);

    expect(
      await addNomination(test.db, lead(), participantId, {
        group: "colleague",
        personId: first!.rater_person_id!,
      }),
    ).toMatchObject({ ok: true });
    const rows = await nominationRows(test.db, participantId);
    expect(rows).toHaveLength(2);
    // The removed row itself is brought back, not a new one made.
    expect(rows.find((row) => row.id === first!.id)).toMatchObject({ status: "approved" });
    const other = rows.find((row) => row.id !== first!.id)!;

    const mails = await mailsOfKind(test.db, "nomination-decision", cast.member.email);
    expect(mails).toHaveLength(before.length + 1);
    expect(mails.at(-1)!.subject).toContain("gewijzigd");
    expect(mails.at(-1)!.text_body).toContain(`Toegevoegd: ${first!.rater_name}.`);

    await removeNomination(test.db, lead(), participantId, other.id);
    const after = await mailsOfKind(test.db, "nomination-decision", cast.member.email);
    expect(after).toHaveLength(before.length + 2);
    expect(after.at(-1)!.text_body).toContain(`Verwijderd: ${other.rater_name}.`);
  });

  it("is only for the participant's lead and HR; never the participant, another lead or a colleague", async () => {
    const { participantId } = await submittedCycle();
    const [first] = await nominationRows(test.db, participantId);
    for (const outsider of [cast.member, cast.otherTeamLead, cast.departmentHead, colleagues[5]!]) {
      expect(await approveNominations(test.db, actorOf(outsider), participantId)).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await removeNomination(test.db, actorOf(outsider), participantId, first!.id)).toEqual({
        ok: false,
        reason: "not_found",
      });
    }
    // HR approves like the lead would.
    expect(await approveNominations(test.db, actorOf(cast.hr), participantId)).toMatchObject({
      ok: true,
    });
    expect((await participantRow(test.db, participantId)).nominations_approved_by_person_id).toBe(
      cast.hr.id,
    );
  });

  it("is read-only once the round has left the nominating stage", async () => {
    const { cycleId, participantId } = await submittedCycle();
    const [first] = await nominationRows(test.db, participantId);
    await test.db
      .updateTable("cycle")
      .set({ status: "collecting" })
      .where("id", "=", cycleId)
      .execute();
    expect(await removeNomination(test.db, lead(), participantId, first!.id)).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await approveNominations(test.db, actorOf(cast.hr), participantId)).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});

describe("the lead's queue", () => {
  it("lists the lead's own people (HR: everyone) and approves every submitted one at once", async () => {
    expect(teamMates.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = teamMates as [Person, Person, Person];
    const cycle = await createNominatingCycle(test.db, cast, [a, b, c, cast.otherTeamLead]);
    for (const person of [a, b]) {
      const participantId = participantIdOf(cycle, person);
      const picks = colleagues.filter((x) => x.id !== a.id && x.id !== b.id).slice(0, 2);
      for (const colleague of picks) {
        await proposeNomination(test.db, actorOf(person), participantId, {
          group: "colleague",
          personId: colleague.id,
        });
      }
      expect(await submitNominations(test.db, actorOf(person), participantId)).toMatchObject({
        ok: true,
      });
    }
    const ids = (people: Person[]) => people.map((p) => participantIdOf(cycle, p)).sort();
    const inCycle = (entries: { cycleId: string; participantId: string }[]) =>
      entries
        .filter((e) => e.cycleId === cycle.cycleId)
        .map((e) => e.participantId)
        .sort();
    const queue = await loadReviewQueue(test.db, lead());
    expect(inCycle(queue)).toEqual(ids([a, b, c]));
    expect(
      queue
        .filter((e) => e.cycleId === cycle.cycleId)
        .map((e) => e.status)
        .sort(),
    ).toEqual(["open", "submitted", "submitted"]);
    expect(inCycle(await loadReviewQueue(test.db, actorOf(cast.hr)))).toEqual(
      ids([a, b, c, cast.otherTeamLead]),
    );
    expect(await countWaitingReviews(test.db, lead())).toBeGreaterThanOrEqual(2);

    expect(await approveAllSubmitted(test.db, lead())).toBeGreaterThanOrEqual(2);
    for (const person of [a, b]) {
      const row = await participantRow(test.db, participantIdOf(cycle, person));
      expect(row).toMatchObject({
        nomination_status: "approved",
        nominations_approved_by_person_id: cast.teamLead.id,
      });
      expect(await mailsOfKind(test.db, "nomination-decision", person.email)).toHaveLength(1);
    }
    expect((await participantRow(test.db, participantIdOf(cycle, c))).nomination_status).toBe(
      "open",
    );
    expect(await countWaitingReviews(test.db, lead())).toBe(0);
  });
});
