import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "#db/ids";
import type { ReportContent } from "~/reports/report-content";
import * as root from "~/root";
import * as profileCsvRoute from "~/routes/teams.$teamId.profiel[.csv]";
import * as profileRoute from "~/routes/teams.$teamId.profiel";
import * as teamsRoute from "~/routes/teams._index";
import { displayFigure } from "~/team-profiles/display";
import { csvNumber } from "~/team-profiles/team-profile-csv";
import type { NoTeamProfilePage } from "~/team-profiles/team-profile-model";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import {
  asPerson,
  auditBy,
  csvLines,
  cycleByName,
  independentNorm,
  independentTeamFigures,
  readyProfile,
} from "./profile-helpers";

// /teams/<id>/profiel, /teams/<id>/profiel.csv and /teams per role, against the demo
// municipality: who may see what, that the figures are the stored scores' means, and that
// member-level results reach only the round manager of members who shared.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let autumn: { id: string; name: string };
let winter: { id: string; name: string };
let collecting: { id: string };
beforeAll(async () => {
  cast = await loadCast(test.db);
  autumn = await cycleByName(test.db, "najaar 2029");
  winter = await cycleByName(test.db, "winter 2029");
  collecting = await cycleByName(test.db, "winter 2030");
});

const openProfile = (personId: string | null, teamId: string, query = "") =>
  asPerson(test.db, personId, `/teams/${teamId}/profiel${query}`, profileRoute.loader, { teamId });
const openCsv = (personId: string | null, teamId: string, query = "") =>
  asPerson(test.db, personId, `/teams/${teamId}/profiel.csv${query}`, profileCsvRoute.loader, {
    teamId,
  });

function expectNotFound(outcome: Outcome) {
  expect(isThrownNotFound(outcome), describeOutcome(outcome)).toBe(true);
}

describe("who may open a team profile", () => {
  it("HR opens any team of the organisation, the department included", async () => {
    for (const team of [cast.team, cast.otherTeam, cast.department]) {
      const profile = readyProfile(await openProfile(cast.hr.id, team.id));
      expect(profile.team.id).toBe(team.id);
      expect(profile.cycle.id).toBe(autumn.id);
    }
  });

  it("a team lead opens their own team, not another team nor the department", async () => {
    readyProfile(await openProfile(cast.teamLead.id, cast.team.id));
    expectNotFound(await openProfile(cast.teamLead.id, cast.otherTeam.id));
    expectNotFound(await openProfile(cast.teamLead.id, cast.department.id));
    expectNotFound(await openCsv(cast.teamLead.id, cast.otherTeam.id));
  });

  it("a department head opens the department and its sub-teams, not the other department's", async () => {
    readyProfile(await openProfile(cast.departmentHead.id, cast.department.id));
    readyProfile(await openProfile(cast.departmentHead.id, cast.team.id));
    expectNotFound(await openProfile(cast.departmentHead.id, cast.otherTeam.id));
  });

  it("an employee, someone of another organisation and an unknown team get 404", async () => {
    expectNotFound(await openProfile(cast.member.id, cast.team.id));
    expectNotFound(await openCsv(cast.member.id, cast.team.id));
    const other = await createOtherOrganisation(test.db, { isHrAdmin: true });
    expectNotFound(await openProfile(other.personId, cast.team.id));
    expectNotFound(await openCsv(other.personId, cast.team.id));
    expectNotFound(await openProfile(cast.hr.id, "geen-team"));
  });

  it("sends an anonymous visitor to sign in, and back afterwards", async () => {
    const path = `/teams/${cast.team.id}/profiel?ronde=${autumn.id}`;
    const outcome = await openProfile(null, cast.team.id, `?ronde=${autumn.id}`);
    expect(redirectLocation(outcome)).toBe(`/inloggen?redirectTo=${encodeURIComponent(path)}`);
    expect(redirectLocation(await openCsv(null, cast.team.id))).toMatch(/^\/inloggen\?/);
  });

  it("answers 404 for a round that is not a released round of this team", async () => {
    // The team took no part in the earlier round; the current round is not released.
    for (const ronde of [winter.id, collecting.id, "onbekend"]) {
      expectNotFound(await openProfile(cast.hr.id, cast.team.id, `?ronde=${ronde}`));
      expectNotFound(await openCsv(cast.hr.id, cast.team.id, `?ronde=${ronde}`));
    }
    // Financiën did take part in it.
    const earlier = readyProfile(
      await openProfile(cast.hr.id, cast.otherTeam.id, `?ronde=${winter.id}`),
    );
    expect(earlier.cycle.id).toBe(winter.id);
    expect(earlier.previousCycleName).toBeNull();
  });

  it("says there is no profile yet for a team without a released round (200, no CSV)", async () => {
    const teamId = newId();
    await test.db
      .insertInto("team")
      .values({
        id: teamId,
        organisation_id: cast.organisationId,
        name: "Nieuw team",
        parent_team_id: null,
        lead_person_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const outcome = await openProfile(cast.hr.id, teamId);
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(200);
    expect(valueOf<{ profile: NoTeamProfilePage }>(outcome).profile.status).toBe("no_cycle");
    expectNotFound(await openCsv(cast.hr.id, teamId));
    expectNotFound(await openProfile(cast.hr.id, teamId, `?ronde=${autumn.id}`));
  });
});

describe("the figures", () => {
  it("are the mean over the team's members of their stored 'all others' score", async () => {
    const profile = readyProfile(await openProfile(cast.hr.id, cast.team.id));
    const expected = await independentTeamFigures(test.db, autumn.id, cast.team.id);
    const norm = await independentNorm(test.db, autumn.id);
    expect(profile.rows.length).toBeGreaterThan(3);
    expect(profile.rows.filter((row) => row.team.shown).length).toBeGreaterThan(3);
    for (const row of profile.rows) {
      const figure = expected.get(row.key);
      if (row.team.shown) {
        expect(figure, row.key).toBeDefined();
        // As the page shows it: one decimal, the full-precision mean stays on the server.
        expect(row.team.mean).toBe(displayFigure(figure!.mean));
        expect(row.team.members).toBe(figure!.n);
        expect(row.team.members).toBeGreaterThanOrEqual(profile.cycle.k);
        const { low, middle, high } = row.team.spread;
        expect(low + middle + high).toBe(figure!.n);
      } else if (row.team.reason === "too_few") {
        expect(figure?.n ?? 0).toBeLessThan(profile.cycle.k);
      }
      const normFigure = norm.get(row.key);
      if (row.norm !== null) {
        // The norm's mean as shown; the page does not show its participants, nor sends them.
        expect(row.norm).toBe(displayFigure(normFigure!.mean));
        if (row.team.shown) {
          expect(row.difference).toBe(displayFigure(row.team.mean - row.norm));
        }
      }
    }
    expect(profile.reading).not.toBeNull();
    expect(profile.previousCycleName).toBeNull();
  });

  it("give a department the figures of all its teams together", async () => {
    const profile = readyProfile(await openProfile(cast.hr.id, cast.department.id));
    const expected = await independentTeamFigures(test.db, autumn.id, cast.department.id);
    const shown = profile.rows.filter((row) => row.team.shown);
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) {
      if (!row.team.shown) continue;
      expect(row.team.mean).toBe(displayFigure(expected.get(row.key)!.mean));
      expect(row.team.members).toBe(expected.get(row.key)!.n);
    }
    expect(profile.subTeams.map((team) => team.id).sort()).toEqual(
      cast.subTeams.map((team) => team.id).sort(),
    );
  });

  it("show the trend against the team's previous released round", async () => {
    const profile = readyProfile(await openProfile(cast.hr.id, cast.otherTeam.id));
    expect(profile.previousCycleName).toBe(winter.name);
    const before = await independentTeamFigures(test.db, winter.id, cast.otherTeam.id);
    const withTrend = profile.rows.filter((row) => row.trend !== null);
    expect(withTrend.length).toBeGreaterThan(0);
    for (const row of withTrend) {
      if (!row.team.shown || !row.trend) throw new Error("a trend needs a shown figure");
      const previous = displayFigure(before.get(row.key)!.mean);
      expect(row.trend.previous).toBe(previous);
      expect(row.trend.change).toBe(displayFigure(row.team.mean - previous));
    }
    const audit = (await auditBy(test.db, cast.hr.id)).filter(
      (entry) => entry.action === "team_profile_viewed",
    );
    expect(audit.at(-1)).toEqual({
      action: "team_profile_viewed",
      subject_id: cast.otherTeam.id,
      details: { cycleIds: [autumn.id, winter.id], teamIds: [cast.otherTeam.id] },
    });
  });
});

describe("member results", () => {
  async function participantOf(personId: string) {
    return test.db
      .selectFrom("participant")
      .selectAll()
      .where("cycle_id", "=", autumn.id)
      .where("person_id", "=", personId)
      .executeTakeFirstOrThrow();
  }

  /** Participants of the team (snapshot) whose manager is the person and who shared. */
  async function sharedWith(managerId: string, teamId: string) {
    const rows = await test.db
      .selectFrom("participant")
      .innerJoin("participant_team", "participant_team.participant_id", "participant.id")
      .select("participant.id")
      .where("participant.cycle_id", "=", autumn.id)
      .where("participant_team.team_id", "=", teamId)
      .where("participant.manager_person_id", "=", managerId)
      .where("participant.shared_with_lead_at", "is not", null)
      .execute();
    return rows.map((row) => row.id).sort();
  }

  it("appear only for the round manager, only of members who shared, and are logged", async () => {
    const member = await participantOf(cast.member.id);
    expect(member.manager_person_id).toBe(cast.teamLead.id);
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: new Date().toISOString() })
      .where("id", "=", member.id)
      .execute();
    const expected = await sharedWith(cast.teamLead.id, cast.team.id);
    expect(expected).toContain(member.id);

    const profile = readyProfile(await openProfile(cast.teamLead.id, cast.team.id));
    const shown = profile.memberResults?.members ?? [];
    expect(shown.map((line) => line.participantId).sort()).toEqual(expected);
    // The scores are those of the manager's view of the report (without their own answers).
    const report = await test.db
      .selectFrom("report")
      .select("content")
      .where("participant_id", "=", member.id)
      .executeTakeFirstOrThrow();
    const leadView = (JSON.parse(report.content) as ReportContent).leadView!;
    const line = shown.find((candidate) => candidate.participantId === member.id)!;
    expect(line.name).toBe(`${cast.member.first_name} ${cast.member.last_name}`);
    // A column per competency of the round's profiles; the member's on their own profile's.
    const columns = profile.memberResults!.competencies;
    expect(columns.map((column) => column.key)).toEqual(profile.rows.map((row) => row.key));
    expect(
      leadView.competencies.every((competency) =>
        columns.some((column) => column.key === competency.key),
      ),
    ).toBe(true);
    columns.forEach((column, index) => {
      const competency = leadView.competencies.find((c) => c.key === column.key);
      const mean = competency?.figures.others?.mean;
      expect(line.scores[index]).toBe(mean === undefined ? null : displayFigure(mean));
    });

    const audit = await auditBy(test.db, cast.teamLead.id);
    // This view wrote two entries: the profile, then the member results on it.
    expect(audit.at(-2)?.action).toBe("team_profile_viewed");
    expect(audit.at(-1)).toEqual({
      action: "team_member_results_viewed",
      subject_id: cast.team.id,
      details: { cycleId: autumn.id, participantIds: shown.map((l) => l.participantId) },
    });
  });

  it("are never shown to HR, nor to a department head for members they did not manage", async () => {
    const member = await participantOf(cast.member.id);
    expect(member.shared_with_lead_at).not.toBeNull();

    const hrProfile = readyProfile(await openProfile(cast.hr.id, cast.team.id));
    expect(hrProfile.memberResults).toBeNull();
    const hrAudit = await auditBy(test.db, cast.hr.id);
    expect(hrAudit.some((entry) => entry.action === "team_member_results_viewed")).toBe(false);

    // The team's lead shared their own report with the head, their manager that round.
    const lead = await participantOf(cast.teamLead.id);
    expect(lead.manager_person_id).toBe(cast.departmentHead.id);
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: new Date().toISOString() })
      .where("id", "=", lead.id)
      .execute();
    for (const teamId of [cast.team.id, cast.department.id]) {
      const profile = readyProfile(await openProfile(cast.departmentHead.id, teamId));
      const ids = (profile.memberResults?.members ?? []).map((line) => line.participantId).sort();
      expect(ids).not.toContain(member.id);
      // Only the team leads the head managed in that round and who shared with them.
      expect(ids).toEqual(await sharedWith(cast.departmentHead.id, teamId));
      expect(ids).toContain(lead.id);
    }
  });

  it("disappear when the cycle does not let leads see member results", async () => {
    await test.db
      .updateTable("cycle")
      .set({ lead_access: "never" })
      .where("id", "=", autumn.id)
      .execute();
    try {
      const profile = readyProfile(await openProfile(cast.teamLead.id, cast.team.id));
      expect(profile.memberResults).toBeNull();
    } finally {
      await test.db
        .updateTable("cycle")
        .set({ lead_access: "with_consent" })
        .where("id", "=", autumn.id)
        .execute();
    }
  });
});

describe("the CSV", () => {
  it("holds the page's figures, no names, and is logged as an export", async () => {
    // The lead knows too many of the team: every member they managed shared their report
    // with them but two (written around the sharing guard), and their own report they know.
    const managed = await test.db
      .selectFrom("participant")
      .innerJoin("participant_team", "participant_team.participant_id", "participant.id")
      .select(["participant.id", "participant.person_id"])
      .where("participant.cycle_id", "=", autumn.id)
      .where("participant_team.team_id", "=", cast.team.id)
      .where("participant.manager_person_id", "=", cast.teamLead.id)
      .orderBy("participant.id")
      .execute();
    const unshared = managed
      .filter((row) => row.person_id !== cast.member.id)
      .slice(0, 2)
      .map((row) => row.id);
    expect(unshared).toHaveLength(2);
    const shared = managed.map((row) => row.id).filter((id) => !unshared.includes(id));
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: new Date().toISOString() })
      .where("id", "in", shared)
      .where("shared_with_lead_at", "is", null)
      .execute();
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: null })
      .where("id", "in", unshared)
      .execute();
    const profile = readyProfile(await openProfile(cast.teamLead.id, cast.team.id));
    expect(profile.memberResults?.members.length ?? 0).toBeGreaterThan(0);
    const response = responseOf(await openCsv(cast.teamLead.id, cast.team.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="teamprofiel-beleid-sociaal-domein-feedbackronde-najaar-2029-2030-03-04.csv"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

    const [header, ...lines] = csvLines(text);
    expect(header?.[0]).toBe("Competentie");
    // The page shows no figure, and neither does the CSV, not even the norm.
    expect(profile.anyShown).toBe(false);
    expect(lines.length).toBeGreaterThan(0);
    for (const fields of lines) {
      expect(fields.slice(3, 12).join("")).toBe("");
      expect(fields[12]).not.toBe("");
    }

    // HR, who knows none of them, gets the page's figures in the CSV, as the page rounds them.
    const hrProfile = readyProfile(await openProfile(cast.hr.id, cast.team.id));
    expect(hrProfile.anyShown).toBe(true);
    const hrLines = csvLines(await responseOf(await openCsv(cast.hr.id, cast.team.id)).text());
    expect(hrLines.slice(1)).toHaveLength(hrProfile.rows.length);
    hrProfile.rows.forEach((row, index) => {
      const fields = hrLines[index + 1]!;
      expect(fields[0]).toBe(row.name);
      if (row.team.shown) {
        expect(fields[3]).toBe(csvNumber(row.team.mean, "nl"));
        expect(fields[4]).toBe(String(row.team.members));
        expect(fields.slice(9, 12)).toEqual([
          String(row.team.spread.low),
          String(row.team.spread.middle),
          String(row.team.spread.high),
        ]);
        expect(fields[12]).toBe("");
      } else {
        expect(fields[3]).toBe("");
        expect(fields[4]).toBe("");
        expect(fields[12]).not.toBe("");
      }
      expect(fields[5]).toBe(row.norm !== null ? csvNumber(row.norm, "nl") : "");
    });

    const people = await test.db
      .selectFrom("participant")
      .innerJoin("person", "person.id", "participant.person_id")
      .select(["person.first_name", "person.last_name", "participant.id"])
      .where("participant.cycle_id", "=", autumn.id)
      .execute();
    for (const person of people) {
      expect(text).not.toContain(`${person.first_name} ${person.last_name}`);
      expect(text).not.toContain(person.id);
    }

    const audit = await auditBy(test.db, cast.teamLead.id);
    expect(audit.at(-1)).toEqual({
      action: "team_profile_exported",
      subject_id: cast.team.id,
      details: { cycleIds: [autumn.id], teamIds: [cast.team.id] },
    });
  });

  it("exports a chosen earlier round", async () => {
    const response = responseOf(
      await openCsv(cast.otherTeamLead.id, cast.otherTeam.id, `?ronde=${winter.id}`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("winter-2029");
  });
});

describe("/teams", () => {
  const openTeams = (personId: string | null) =>
    asPerson(test.db, personId, "/teams", teamsRoute.loader);
  type Groups = { groups: { name: string; teams: { id: string }[] }[] };

  it("lists every team for HR, grouped by department", async () => {
    const { groups } = valueOf<Groups>(await openTeams(cast.hr.id));
    const all = await test.db
      .selectFrom("team")
      .select("id")
      .where("organisation_id", "=", cast.organisationId)
      .execute();
    expect(groups.flatMap((group) => group.teams.map((team) => team.id)).sort()).toEqual(
      all.map((team) => team.id).sort(),
    );
    const department = groups.find((group) => group.name === cast.department.name)!;
    expect(department.teams[0]?.id).toBe(cast.department.id);
    expect(department.teams.map((team) => team.id).sort()).toEqual(
      [cast.department.id, ...cast.subTeams.map((team) => team.id)].sort(),
    );
  });

  it("lists a lead's own teams, a head's department with its teams", async () => {
    const lead = valueOf<Groups>(await openTeams(cast.teamLead.id));
    expect(lead.groups.flatMap((group) => group.teams.map((team) => team.id))).toEqual([
      cast.team.id,
    ]);
    expect(lead.groups[0]?.name).toBe(cast.department.name);
    const head = valueOf<Groups>(await openTeams(cast.departmentHead.id));
    expect(head.groups.flatMap((group) => group.teams.map((team) => team.id)).sort()).toEqual(
      [cast.department.id, ...cast.subTeams.map((team) => team.id)].sort(),
    );
  });

  it("offers comparing only to someone with two teams or more to choose from", async () => {
    type Compare = { canCompare: boolean };
    expect(valueOf<Compare>(await openTeams(cast.teamLead.id)).canCompare).toBe(false);
    expect(valueOf<Compare>(await openTeams(cast.departmentHead.id)).canCompare).toBe(true);
    expect(valueOf<Compare>(await openTeams(cast.hr.id)).canCompare).toBe(true);
    const onProfile = async (personId: string) =>
      valueOf<Compare>(
        await asPerson(test.db, personId, `/teams/${cast.team.id}/profiel`, profileRoute.loader, {
          teamId: cast.team.id,
        }),
      ).canCompare;
    expect(await onProfile(cast.teamLead.id)).toBe(false);
    expect(await onProfile(cast.departmentHead.id)).toBe(true);
  });

  it("does not exist for an employee, and asks an anonymous visitor to sign in", async () => {
    expectNotFound(await openTeams(cast.member.id));
    expect(redirectLocation(await openTeams(null))).toBe(
      `/inloggen?redirectTo=${encodeURIComponent("/teams")}`,
    );
  });

  it("is in the menu for leads and HR only", async () => {
    const rootUser = async (personId: string | null) => {
      const outcome = await asPerson(test.db, personId, "/", root.loader);
      expect(statusOf(outcome)).toBe(200);
      return valueOf<{ user: { isHrAdmin: boolean; isTeamLead: boolean } | null }>(outcome).user;
    };
    expect(await rootUser(cast.teamLead.id)).toMatchObject({ isTeamLead: true });
    expect(await rootUser(cast.hr.id)).toMatchObject({ isHrAdmin: true });
    expect(await rootUser(cast.member.id)).toMatchObject({ isHrAdmin: false, isTeamLead: false });
  });
});
