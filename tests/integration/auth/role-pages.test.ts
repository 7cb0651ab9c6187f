import { beforeAll, describe, expect, it } from "vitest";
import type { AdminOverview } from "~/admin/overview.server";
import * as adminPage from "~/routes/beheer._index";
import * as auditPage from "~/routes/beheer.logboek";
import * as teamPage from "~/routes/teams.$teamId._index";
import type { TeamPage } from "~/teams/team-page.server";
import { call, getRequest, signedInCookie } from "../../support/requests";
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

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

async function asPerson(personId: string | null, path: string, fn: unknown, teamId?: string) {
  const cookie = personId ? await signedInCookie(test.db, personId) : undefined;
  return call(fn, getRequest(path, { cookie }), { params: teamId ? { teamId } : {} });
}

function expectNotFound(outcome: Outcome) {
  expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
}

describe("GET /teams/$teamId", () => {
  const openTeam = (personId: string | null, teamId: string) =>
    asPerson(personId, `/teams/${teamId}`, teamPage.loader, teamId);

  it("shows the team to its lead, the head of its department and HR", async () => {
    for (const person of [cast.teamLead, cast.departmentHead, cast.hr]) {
      const outcome = await openTeam(person.id, cast.team.id);
      expect(statusOf(outcome), `${person.first_name}: ${describeOutcome(outcome)}`).toBe(200);
      const { team } = valueOf<{ team: TeamPage }>(outcome);
      expect(team.id).toBe(cast.team.id);
      expect(team.name).toBe(cast.team.name);
      expect(team.parent?.id).toBe(cast.department.id);
      expect(team.members.map((member) => member.id)).toContain(cast.member.id);
      // Deactivated people are not listed.
      expect(team.members.every((member) => member.id !== cast.inactive.id)).toBe(true);
    }
    // The department head also sees the department itself, with its teams.
    const department = valueOf<{ team: TeamPage }>(
      await openTeam(cast.departmentHead.id, cast.department.id),
    );
    expect(department.team.subTeams.map((team) => team.id).sort()).toEqual(
      cast.subTeams.map((team) => team.id).sort(),
    );
  });

  it("answers 404 to a member of the team, another team's lead, and for an unknown team", async () => {
    expectNotFound(await openTeam(cast.member.id, cast.team.id));
    expectNotFound(await openTeam(cast.otherTeamLead.id, cast.team.id));
    // A team lead does not see the department above them.
    expectNotFound(await openTeam(cast.teamLead.id, cast.department.id));
    // Someone else's team looks exactly like a team that does not exist.
    const forbidden = await openTeam(cast.member.id, cast.team.id);
    const missing = await openTeam(cast.hr.id, "no-such-team");
    expectNotFound(missing);
    if (forbidden.kind !== "response" || missing.kind !== "response") throw new Error();
    expect(await forbidden.response.text()).toBe(await missing.response.text());
  });

  it("answers 404 to HR of another organisation", async () => {
    const outsider = await createOtherOrganisation(test.db);
    await test.db
      .updateTable("person")
      .set({ is_hr_admin: 1 })
      .where("id", "=", outsider.personId)
      .execute();
    expectNotFound(await openTeam(outsider.personId, cast.team.id));
  });

  it("sends an anonymous visitor to sign in", async () => {
    const outcome = await openTeam(null, cast.team.id);
    expect(redirectLocation(outcome)).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(`/teams/${cast.team.id}`)}`,
    );
  });
});

describe("GET /beheer and /beheer/logboek", () => {
  it.each([
    ["/beheer", () => adminPage.loader],
    ["/beheer/logboek", () => auditPage.loader],
  ])("%s answers 404 to everyone but HR", async (path, loader) => {
    for (const person of [cast.member, cast.teamLead, cast.departmentHead]) {
      expectNotFound(await asPerson(person.id, path, loader()));
    }
    expect(statusOf(await asPerson(cast.hr.id, path, loader()))).toBe(200);
    expect(redirectLocation(await asPerson(null, path, loader()))).toBe(
      `/inloggen?redirectTo=${encodeURIComponent(path)}`,
    );
  });

  it("gives HR counts of their own organisation only", async () => {
    await createOtherOrganisation(test.db);
    const page = valueOf<{ organisationName: string; overview: AdminOverview; outbox: boolean }>(
      await asPerson(cast.hr.id, "/beheer", adminPage.loader),
    );
    expect(page.organisationName).toBe("Gemeente Rondedam");
    const active = await test.db
      .selectFrom("person")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", cast.organisationId)
      .where("is_active", "=", 1)
      .executeTakeFirstOrThrow();
    expect(page.overview.activePeople).toBe(Number(active.n));
    expect(page.overview.teams).toBe(9);
    expect(page.overview.cycles.map((cycle) => cycle.status).sort()).toEqual([
      "collecting",
      "released",
      "released",
    ]);
    expect(page.outbox).toBe(true);
    // Counts only: no names or answers anywhere in what the page gets.
    const everything = JSON.stringify(page);
    expect(everything).not.toContain(`${cast.member.first_name} ${cast.member.last_name}`);
    expect(everything).not.toContain(cast.member.email);
  });
});
