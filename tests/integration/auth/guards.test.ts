import { beforeAll, describe, expect, it } from "vitest";
import {
  getCurrentUser,
  mayReadReport,
  mayViewTeam,
  requireRole,
  requireUser,
} from "~/auth/guards.server";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import { currentUserOf, getRequest, signedInCookie } from "../../support/requests";
import { useTestDatabase } from "../../support/database";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("Expected a throw");
}

describe("requireUser", () => {
  it("sends an anonymous visitor to sign in, with the path and query to come back to", async () => {
    const thrown = await thrownBy(requireUser(getRequest("/teams/abc?tab=leden&x=1")));
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(
      `/inloggen?redirectTo=${encodeURIComponent("/teams/abc?tab=leden&x=1")}`,
    );
    const fromHome = (await thrownBy(requireUser(getRequest("/")))) as Response;
    expect(fromHome.headers.get("Location")).toBe("/inloggen");
  });

  it("returns the signed-in person", async () => {
    const cookie = await signedInCookie(test.db, cast.member.id);
    const user = await requireUser(getRequest("/mijn", { cookie }));
    expect(user).toMatchObject({
      id: cast.member.id,
      organisationId: cast.organisationId,
      organisationName: "Gemeente Rondedam",
      email: cast.member.email,
      name: `${cast.member.first_name} ${cast.member.last_name}`,
    });
  });

  it("does not count a deactivated person's session", async () => {
    const inactiveCookie = await signedInCookie(test.db, cast.inactive.id);
    expect(await getCurrentUser(getRequest("/mijn", { cookie: inactiveCookie }))).toBeNull();
    const thrown = (await thrownBy(
      requireUser(getRequest("/mijn", { cookie: inactiveCookie })),
    )) as Response;
    expect(thrown.headers.get("Location")).toBe("/inloggen?redirectTo=%2Fmijn");

    // Deactivated while signed in: the next request is anonymous.
    const person = cast.english;
    const cookie = await signedInCookie(test.db, person.id);
    expect(await getCurrentUser(getRequest("/mijn", { cookie }))).not.toBeNull();
    await test.db.updateTable("person").set({ is_active: 0 }).where("id", "=", person.id).execute();
    try {
      expect(await getCurrentUser(getRequest("/mijn", { cookie }))).toBeNull();
    } finally {
      await test.db
        .updateTable("person")
        .set({ is_active: 1 })
        .where("id", "=", person.id)
        .execute();
    }
  });
});

describe("requireRole", () => {
  it("answers 404 (never 403) to someone without the role", async () => {
    for (const person of [cast.member, cast.teamLead, cast.departmentHead]) {
      const cookie = await signedInCookie(test.db, person.id);
      const thrown = await thrownBy(requireRole(getRequest("/beheer", { cookie }), "hr_admin"));
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });

  it("lets HR in, and still sends an anonymous visitor to sign in", async () => {
    const cookie = await signedInCookie(test.db, cast.hr.id);
    expect((await requireRole(getRequest("/beheer", { cookie }), "hr_admin")).id).toBe(cast.hr.id);
    const anonymous = (await thrownBy(requireRole(getRequest("/beheer"), "hr_admin"))) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/inloggen?redirectTo=%2Fbeheer");
  });

  it("knows team leads by the teams they lead", async () => {
    const lead = await signedInCookie(test.db, cast.teamLead.id);
    expect((await requireRole(getRequest("/x", { cookie: lead }), "team_lead")).id).toBe(
      cast.teamLead.id,
    );
    const member = await signedInCookie(test.db, cast.member.id);
    const thrown = (await thrownBy(
      requireRole(getRequest("/x", { cookie: member }), "team_lead"),
    )) as Response;
    expect(thrown.status).toBe(404);
  });
});

describe("getCurrentUser roles and teams", () => {
  it("gives an employee, a team lead and HR their roles", async () => {
    const member = await currentUserOf(test.db, cast.member.id);
    expect(member.roles).toEqual(["employee"]);
    expect(member.isHrAdmin).toBe(false);
    expect(member.ledTeamIds).toEqual([]);
    expect(member.visibleTeamIds).toEqual([]);

    const lead = await currentUserOf(test.db, cast.teamLead.id);
    expect(lead.roles).toEqual(["employee", "team_lead"]);
    expect(lead.ledTeamIds).toEqual([cast.team.id]);
    expect(lead.visibleTeamIds).toEqual([cast.team.id]);

    const hr = await currentUserOf(test.db, cast.hr.id);
    expect(hr.roles).toEqual(["employee", "hr_admin"]);
    expect(hr.isHrAdmin).toBe(true);
    expect(hr.visibleTeamIds).toEqual([]);
  });

  it("lets a department head see the department and every team under it", async () => {
    const head = await currentUserOf(test.db, cast.departmentHead.id);
    expect(head.roles).toEqual(["employee", "team_lead"]);
    expect(head.ledTeamIds).toEqual([cast.department.id]);
    expect(cast.subTeams.length).toBeGreaterThan(1);
    expect([...head.visibleTeamIds].sort()).toEqual(
      [cast.department.id, ...cast.subTeams.map((team) => team.id)].sort(),
    );
    expect(head.visibleTeamIds).not.toContain(cast.otherTeam.id);
  });
});

describe("mayViewTeam", () => {
  it("allows the team's lead, the department head above it and HR; no one else", async () => {
    const team = { id: cast.team.id, organisation_id: cast.organisationId };
    expect(mayViewTeam(await currentUserOf(test.db, cast.teamLead.id), team)).toBe(true);
    expect(mayViewTeam(await currentUserOf(test.db, cast.departmentHead.id), team)).toBe(true);
    expect(mayViewTeam(await currentUserOf(test.db, cast.hr.id), team)).toBe(true);
    expect(mayViewTeam(await currentUserOf(test.db, cast.member.id), team)).toBe(false);
    expect(mayViewTeam(await currentUserOf(test.db, cast.otherTeamLead.id), team)).toBe(false);
  });

  it("never allows a team of another organisation, not even to HR", async () => {
    const foreignTeam = { id: cast.team.id, organisation_id: "another-organisation" };
    expect(mayViewTeam(await currentUserOf(test.db, cast.hr.id), foreignTeam)).toBe(false);
    expect(mayViewTeam(await currentUserOf(test.db, cast.teamLead.id), foreignTeam)).toBe(false);
  });
});

describe("mayReadReport", () => {
  let releasedCycleId: string;
  let collectingCycleId: string;
  /** Two members of cast.team in the released cycle: one shared with the lead, one not. */
  let shared: { participantId: string; personId: string };
  let unshared: { participantId: string; personId: string };
  let collecting: { participantId: string; personId: string };

  beforeAll(async () => {
    const cycles = await test.db
      .selectFrom("cycle")
      .select(["id", "status", "lead_access"])
      .where("organisation_id", "=", cast.organisationId)
      // The most recent release first: the spring round, in which every team took part.
      .orderBy("released_at", "desc")
      .execute();
    releasedCycleId = cycles.find((cycle) => cycle.status === "released")!.id;
    collectingCycleId = cycles.find((cycle) => cycle.status === "collecting")!.id;
    expect(cycles.every((cycle) => cycle.lead_access === "with_consent")).toBe(true);

    const members = await test.db
      .selectFrom("participant")
      .innerJoin("person", "person.id", "participant.person_id")
      .select(["participant.id as participantId", "person.id as personId"])
      .where("participant.cycle_id", "=", releasedCycleId)
      .where("person.team_id", "=", cast.team.id)
      .where("person.id", "!=", cast.teamLead.id)
      .where("person.is_active", "=", 1)
      .orderBy("person.last_name")
      .execute();
    expect(members.length).toBeGreaterThanOrEqual(2);
    [shared, unshared] = [members[0]!, members[1]!];
    // Made explicit here rather than relying on which members the seed had share.
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: "2030-01-15T10:00:00.000Z" })
      .where("id", "=", shared.participantId)
      .execute();
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: null })
      .where("id", "=", unshared.participantId)
      .execute();

    const inCollecting = await test.db
      .selectFrom("participant")
      .select(["id as participantId", "person_id as personId"])
      .where("cycle_id", "=", collectingCycleId)
      .executeTakeFirstOrThrow();
    collecting = inCollecting;
  });

  it("lets the participant read their own report after release", async () => {
    expect(
      await mayReadReport(
        test.db,
        await currentUserOf(test.db, shared.personId),
        shared.participantId,
      ),
    ).toEqual({ allowed: true, as: "participant" });
    expect(
      await mayReadReport(
        test.db,
        await currentUserOf(test.db, unshared.personId),
        unshared.participantId,
      ),
    ).toEqual({ allowed: true, as: "participant" });
  });

  it("does not let the participant read a report while the cycle is collecting", async () => {
    // Shared or not, nothing is readable before release.
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: "2030-01-15T10:00:00.000Z" })
      .where("id", "=", collecting.participantId)
      .execute();
    expect(
      await mayReadReport(
        test.db,
        await currentUserOf(test.db, collecting.personId),
        collecting.participantId,
      ),
    ).toEqual({ allowed: false });
    const person = await test.db
      .selectFrom("person")
      .select("team_id")
      .where("id", "=", collecting.personId)
      .executeTakeFirstOrThrow();
    const team = await test.db
      .selectFrom("team")
      .select("lead_person_id")
      .where("id", "=", person.team_id!)
      .executeTakeFirstOrThrow();
    expect(
      await mayReadReport(
        test.db,
        await currentUserOf(test.db, team.lead_person_id!),
        collecting.participantId,
      ),
    ).toEqual({ allowed: false });
  });

  it("lets the team lead read a member's report only when the member shared it", async () => {
    const lead = await currentUserOf(test.db, cast.teamLead.id);
    expect(await mayReadReport(test.db, lead, shared.participantId)).toEqual({
      allowed: true,
      as: "lead",
    });
    expect(await mayReadReport(test.db, lead, unshared.participantId)).toEqual({ allowed: false });
  });

  it("does not let the lead read a shared report when the cycle does not allow it", async () => {
    await test.db
      .updateTable("cycle")
      .set({ lead_access: "never" })
      .where("id", "=", releasedCycleId)
      .execute();
    try {
      expect(
        await mayReadReport(
          test.db,
          await currentUserOf(test.db, cast.teamLead.id),
          shared.participantId,
        ),
      ).toEqual({ allowed: false });
      // The participant still may.
      expect(
        await mayReadReport(
          test.db,
          await currentUserOf(test.db, shared.personId),
          shared.participantId,
        ),
      ).toEqual({ allowed: true, as: "participant" });
    } finally {
      await test.db
        .updateTable("cycle")
        .set({ lead_access: "with_consent" })
        .where("id", "=", releasedCycleId)
        .execute();
    }
  });

  it("lets only the manager the member had in that round read it: not a department head, not a later lead", async () => {
    const team = await test.db
      .selectFrom("team")
      .select(["parent_team_id"])
      .where("id", "=", cast.team.id)
      .executeTakeFirstOrThrow();
    if (team.parent_team_id) {
      const department = await test.db
        .selectFrom("team")
        .select("lead_person_id")
        .where("id", "=", team.parent_team_id)
        .executeTakeFirstOrThrow();
      const head = await currentUserOf(test.db, department.lead_person_id!);
      expect(head.visibleTeamIds).toContain(cast.team.id);
      expect(await mayReadReport(test.db, head, shared.participantId)).toEqual({ allowed: false });
    }
    // The member moves to another team: its lead does not inherit the shared report.
    await test.db
      .updateTable("person")
      .set({ team_id: cast.otherTeam.id })
      .where("id", "=", shared.personId)
      .execute();
    try {
      expect(
        await mayReadReport(
          test.db,
          await currentUserOf(test.db, cast.otherTeamLead.id),
          shared.participantId,
        ),
      ).toEqual({ allowed: false });
      expect(
        await mayReadReport(
          test.db,
          await currentUserOf(test.db, cast.teamLead.id),
          shared.participantId,
        ),
      ).toEqual({ allowed: true, as: "lead" });
    } finally {
      await test.db
        .updateTable("person")
        .set({ team_id: cast.team.id })
        .where("id", "=", shared.personId)
        .execute();
    }
  });

  it("never lets another team's lead, another member, or HR read it", async () => {
    for (const personId of [cast.otherTeamLead.id, unshared.personId, cast.hr.id]) {
      expect(
        await mayReadReport(test.db, await currentUserOf(test.db, personId), shared.participantId),
      ).toEqual({
        allowed: false,
      });
    }
  });

  it("never lets someone from another organisation read it", async () => {
    const outsider = await createOtherOrganisation(test.db);
    expect(
      await mayReadReport(
        test.db,
        await currentUserOf(test.db, outsider.personId),
        shared.participantId,
      ),
    ).toEqual({ allowed: false });
    // Not even with the participant's own person id or the lead's teams in hand.
    const participant = await currentUserOf(test.db, shared.personId);
    const lead = await currentUserOf(test.db, cast.teamLead.id);
    for (const spoofed of [participant, lead]) {
      expect(
        await mayReadReport(
          test.db,
          { ...spoofed, organisationId: outsider.organisationId },
          shared.participantId,
        ),
      ).toEqual({ allowed: false });
    }
  });

  it("says no for an unknown participant", async () => {
    expect(
      await mayReadReport(test.db, await currentUserOf(test.db, cast.hr.id), "no-such-participant"),
    ).toEqual({
      allowed: false,
    });
  });
});
