import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import {
  proposeNomination,
  submitNominations,
  withdrawNomination,
} from "~/nominations/nominations.server";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
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

// The participant's side: propose, withdraw, submit, within the rules and the limits.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let colleagues: Person[];

beforeAll(async () => {
  cast = await loadCast(test.db);
  colleagues = await possibleColleagues(test.db, cast, cast.member, 6);
});

const member = () => actorOf(cast.member);

describe("proposing raters", () => {
  it("proposes colleagues from the directory and customers by name and address", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const [first, second] = colleagues;
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: first!.id,
      }),
    ).toEqual({ ok: true, raterName: `${first!.first_name} ${first!.last_name}` });
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "  Karin Klant ",
        email: " Karin.Klant@Extern.example ",
      }),
    ).toMatchObject({ ok: true });
    // An address of someone in the organisation links the nomination to that person.
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "Interne klant",
        email: second!.email.toUpperCase(),
      }),
    ).toMatchObject({ ok: true });

    const rows = await nominationRows(test.db, participantId);
    expect(
      inOneOrder(
        rows.map((row) => [row.relationship, row.rater_name, row.rater_email, row.rater_person_id]),
      ),
    ).toEqual(
      inOneOrder([
        ["colleague", `${first!.first_name} ${first!.last_name}`, first!.email, first!.id],
        ["customer", "Karin Klant", "karin.klant@extern.example", null],
        ["customer", "Interne klant", second!.email.toLowerCase(), second!.id],
      ]),
    );
    for (const row of rows) {
      expect(row.status).toBe("proposed");
      expect(row.proposed_by_person_id).toBe(cast.member.id);
      expect(row.decided_by_person_id).toBeNull();
    }
    // The participant's own proposals are not administrative actions.
    expect(await auditFor(test.db, participantId)).toEqual([]);
  });

  it("names an internal person as a customer by picking them from the directory", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const picked = colleagues[2]!;
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        personId: picked.id,
      }),
    ).toMatchObject({ ok: true });
    const [row] = await nominationRows(test.db, participantId);
    expect(row).toMatchObject({ relationship: "customer", rater_person_id: picked.id });
  });

  it("refuses the participant and the manager, who are invited automatically", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const propose = (candidate: Parameters<typeof proposeNomination>[3]) =>
      proposeNomination(test.db, member(), participantId, candidate);
    expect(await propose({ group: "colleague", personId: cast.member.id })).toEqual({
      ok: false,
      reason: "self",
    });
    expect(await propose({ group: "colleague", personId: cast.teamLead.id })).toEqual({
      ok: false,
      reason: "manager",
    });
    expect(
      await propose({ group: "customer", name: "Ik", email: cast.member.email.toUpperCase() }),
    ).toEqual({ ok: false, reason: "self" });
    expect(await propose({ group: "customer", name: "Baas", email: cast.teamLead.email })).toEqual({
      ok: false,
      reason: "manager",
    });
    expect(await nominationRows(test.db, participantId)).toEqual([]);
  });

  it("refuses anyone nominated already, by person or by address, in any group", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const colleague = colleagues[0]!;
    const propose = (candidate: Parameters<typeof proposeNomination>[3]) =>
      proposeNomination(test.db, member(), participantId, candidate);
    expect(await propose({ group: "colleague", personId: colleague.id })).toMatchObject({
      ok: true,
    });
    expect(await propose({ group: "colleague", personId: colleague.id })).toEqual({
      ok: false,
      reason: "already_nominated",
    });
    expect(await propose({ group: "customer", personId: colleague.id })).toEqual({
      ok: false,
      reason: "already_nominated",
    });
    expect(await propose({ group: "customer", name: "Zelfde", email: colleague.email })).toEqual({
      ok: false,
      reason: "already_nominated",
    });
    expect(await propose({ group: "customer", name: "Extern", email: "x@extern.example" })).toEqual(
      { ok: true, raterName: "Extern" },
    );
    expect(
      await propose({ group: "customer", name: "Nog eens", email: "X@EXTERN.example" }),
    ).toEqual({ ok: false, reason: "already_nominated" });
    expect(await nominationRows(test.db, participantId)).toHaveLength(2);
  });

  it("refuses people outside the directory: deactivated, or of another organisation", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const elsewhere = await createOtherOrganisation(test.db);
    for (const personId of [cast.inactive.id, elsewhere.personId, "bestaat-niet"]) {
      expect(
        await proposeNomination(test.db, member(), participantId, { group: "colleague", personId }),
      ).toEqual({ ok: false, reason: "unknown_person" });
    }
  });

  it("stops at the maximum of a group", async () => {
    const { participantId } = await memberCycle(test.db, cast, {
      colleague_max: 3,
      customer_max: 1,
    });
    for (const colleague of colleagues.slice(0, 3)) {
      expect(
        await proposeNomination(test.db, member(), participantId, {
          group: "colleague",
          personId: colleague.id,
        }),
      ).toMatchObject({ ok: true });
    }
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: colleagues[3]!.id,
      }),
    ).toEqual({ ok: false, reason: "group_full" });
    await proposeNomination(test.db, member(), participantId, {
      group: "customer",
      name: "Eerste klant",
      email: "een@extern.example",
    });
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "customer",
        name: "Tweede klant",
        email: "twee@extern.example",
      }),
    ).toEqual({ ok: false, reason: "group_full" });
  });

  it("keeps direct reports in their own group when the round includes it", async () => {
    const cycle = await createNominatingCycle(test.db, cast, [cast.teamLead], {
      include_reports_group: 1,
      report_min: 1,
      report_max: 2,
    });
    const participantId = participantIdOf(cycle, cast.teamLead);
    const lead = actorOf(cast.teamLead);
    expect(
      await proposeNomination(test.db, lead, participantId, {
        group: "colleague",
        personId: cast.member.id,
      }),
    ).toEqual({ ok: false, reason: "direct_report_as_colleague" });
    expect(
      await proposeNomination(test.db, lead, participantId, {
        group: "report",
        personId: cast.otherTeamLead.id,
      }),
    ).toEqual({ ok: false, reason: "not_direct_report" });
    expect(
      await proposeNomination(test.db, lead, participantId, {
        group: "report",
        personId: cast.member.id,
      }),
    ).toMatchObject({ ok: true });
    // A plain employee has no reports group, even in such a round.
    const memberCycle = await createNominatingCycle(test.db, cast, [cast.member], {
      include_reports_group: 1,
      report_min: 2,
    });
    expect(
      await proposeNomination(test.db, member(), participantIdOf(memberCycle, cast.member), {
        group: "report",
        personId: colleagues[0]!.id,
      }),
    ).toEqual({ ok: false, reason: "group_closed" });
  });
});

describe("withdrawing a proposal", () => {
  it("takes the participant's own proposal off the list", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleagues[0]!.id,
    });
    const [row] = await nominationRows(test.db, participantId);
    expect(await withdrawNomination(test.db, member(), participantId, row!.id)).toEqual({
      ok: true,
      raterName: row!.rater_name,
    });
    expect(await nominationRows(test.db, participantId)).toEqual([]);
    // And the same person may be proposed again.
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: colleagues[0]!.id,
      }),
    ).toMatchObject({ ok: true });
  });

  it("never touches another participation's nomination", async () => {
    const mine = await memberCycle(test.db, cast);
    const other = await createNominatingCycle(test.db, cast, [colleagues[4]!]);
    const otherId = participantIdOf(other, colleagues[4]!);
    await proposeNomination(test.db, actorOf(colleagues[4]!), otherId, {
      group: "customer",
      name: "Klant",
      email: "klant@extern.example",
    });
    const [foreign] = await nominationRows(test.db, otherId);
    expect(await withdrawNomination(test.db, member(), mine.participantId, foreign!.id)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await withdrawNomination(test.db, member(), otherId, foreign!.id)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await nominationRows(test.db, otherId)).toHaveLength(1);
  });
});

describe("submitting to the lead", () => {
  it("needs every group within its limits, and names each group that is not", async () => {
    const { participantId } = await memberCycle(test.db, cast, {
      colleague_min: 2,
      customer_min: 1,
    });
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleagues[0]!.id,
    });
    expect(await submitNominations(test.db, member(), participantId)).toEqual({
      ok: false,
      reason: "limits",
      problems: [
        { group: "colleague", kind: "too_few", count: 1, min: 2, max: 3 },
        { group: "customer", kind: "too_few", count: 0, min: 1, max: 2 },
      ],
    });
    expect((await participantRow(test.db, participantId)).nomination_status).toBe("open");
  });

  it("marks the nominations submitted, logs it, mails the lead once, and locks the participant out", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    for (const colleague of colleagues.slice(0, 2)) {
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: colleague.id,
      });
    }
    const before = await mailsOfKind(test.db, "nomination-review", cast.teamLead.email);
    const now = new Date("2030-03-05T09:00:00.000Z");
    expect(await submitNominations(test.db, member(), participantId, now)).toEqual({
      ok: true,
      leadNotified: true,
    });
    const row = await participantRow(test.db, participantId);
    expect(row.nomination_status).toBe("submitted");
    expect(row.nominations_submitted_at).toBe(now.toISOString());
    expect(await auditFor(test.db, participantId)).toEqual([
      {
        action: "nominations_submitted",
        actor: cast.member.id,
        subject: cast.member.id,
        details: expect.objectContaining({ colleague: 2, customer: 0, onBehalf: false }),
      },
    ]);
    const mails = await mailsOfKind(test.db, "nomination-review", cast.teamLead.email);
    expect(mails).toHaveLength(before.length + 1);

    expect(await submitNominations(test.db, member(), participantId)).toEqual({
      ok: false,
      reason: "submitted",
    });
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: colleagues[3]!.id,
      }),
    ).toEqual({ ok: false, reason: "submitted" });
    const [first] = await nominationRows(test.db, participantId);
    expect(await withdrawNomination(test.db, member(), participantId, first!.id)).toEqual({
      ok: false,
      reason: "submitted",
    });
    expect(await mailsOfKind(test.db, "nomination-review", cast.teamLead.email)).toHaveLength(
      before.length + 1,
    );
  });
});

describe("who may propose, and when", () => {
  it("is read-only once the round has left the nominating stage", async () => {
    const { cycleId, participantId } = await memberCycle(test.db, cast);
    await proposeNomination(test.db, member(), participantId, {
      group: "colleague",
      personId: colleagues[0]!.id,
    });
    const [row] = await nominationRows(test.db, participantId);
    await test.db
      .updateTable("cycle")
      .set({ status: "collecting" })
      .where("id", "=", cycleId)
      .execute();
    const closed = { ok: false, reason: "closed" };
    expect(
      await proposeNomination(test.db, member(), participantId, {
        group: "colleague",
        personId: colleagues[1]!.id,
      }),
    ).toEqual(closed);
    expect(await withdrawNomination(test.db, member(), participantId, row!.id)).toEqual(closed);
    expect(await submitNominations(test.db, member(), participantId)).toEqual(closed);
    expect(
      await proposeNomination(test.db, actorOf(cast.hr), participantId, {
        group: "colleague",
        personId: colleagues[1]!.id,
      }),
    ).toEqual(closed);
    expect(await nominationRows(test.db, participantId)).toHaveLength(1);
  });

  it("lets nobody else act for the participant, not even their lead; a draft round is nobody's", async () => {
    const { cycleId, participantId } = await memberCycle(test.db, cast);
    const candidate = { group: "colleague" as const, personId: colleagues[0]!.id };
    for (const outsider of [cast.teamLead, cast.departmentHead, colleagues[1]!]) {
      expect(await proposeNomination(test.db, actorOf(outsider), participantId, candidate)).toEqual(
        { ok: false, reason: "not_found" },
      );
    }
    const elsewhere = await createOtherOrganisation(test.db);
    expect(
      await proposeNomination(
        test.db,
        { id: elsewhere.personId, organisationId: elsewhere.organisationId, isHrAdmin: true },
        participantId,
        candidate,
      ),
    ).toEqual({ ok: false, reason: "not_found" });
    await test.db.updateTable("cycle").set({ status: "draft" }).where("id", "=", cycleId).execute();
    expect(await proposeNomination(test.db, member(), participantId, candidate)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await nominationRows(test.db, participantId)).toEqual([]);
  });

  it("lets HR step in for the participant, with every step in the audit log", async () => {
    const { participantId } = await memberCycle(test.db, cast);
    const hr = actorOf(cast.hr);
    for (const colleague of colleagues.slice(0, 2)) {
      expect(
        await proposeNomination(test.db, hr, participantId, {
          group: "colleague",
          personId: colleague.id,
        }),
      ).toMatchObject({ ok: true });
    }
    const rows = await nominationRows(test.db, participantId);
    expect(rows.map((row) => [row.status, row.proposed_by_person_id])).toEqual([
      ["proposed", cast.hr.id],
      ["proposed", cast.hr.id],
    ]);
    expect(await withdrawNomination(test.db, hr, participantId, rows[1]!.id)).toMatchObject({
      ok: true,
    });
    await proposeNomination(test.db, hr, participantId, {
      group: "colleague",
      personId: colleagues[2]!.id,
    });
    expect(await submitNominations(test.db, hr, participantId)).toMatchObject({ ok: true });
    const audit = await auditFor(test.db, participantId);
    expect(audit.map((entry) => [entry.action, entry.actor, entry.subject])).toEqual([
      ["nomination_added", cast.hr.id, cast.member.id],
      ["nomination_added", cast.hr.id, cast.member.id],
      ["nomination_removed", cast.hr.id, cast.member.id],
      ["nomination_added", cast.hr.id, cast.member.id],
      ["nominations_submitted", cast.hr.id, cast.member.id],
    ]);
    expect(audit.at(-1)!.details).toMatchObject({ onBehalf: true });
  });
});
