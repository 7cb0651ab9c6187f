import { insertionOrder } from "../../support/dialect";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import * as csvRoute from "~/routes/teams.vergelijken[.csv]";
import * as pageRoute from "~/routes/teams.vergelijken";
import { loadCycleFigures } from "~/team-profiles/cycle-figures.server";
import { formatScore } from "~/reports/format";
import type { ComparisonPageModel } from "~/team-profiles/comparison-model";
import { displayFigure } from "~/team-profiles/display";
import { call, getRequest, signedInCookie } from "../../support/requests";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  responseOf,
  statusOf,
  type Outcome,
} from "../../support/route-outcome";
import {
  latestReleasedCycle,
  loadCast,
  releasedCycles,
  type CycleRow,
  type DemoCast,
} from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";

// /teams/vergelijken and its CSV: who may compare which teams, and that every figure on the
// page and in the file is the engine's figure for that team as this viewer may see it.

const test = useTestDatabase({ seed: true });

let cast: DemoCast;
let spring: CycleRow;
let cookies: Record<"hr" | "head" | "lead" | "member", string>;

beforeAll(async () => {
  cast = await loadCast(test.db);
  spring = await latestReleasedCycle(test.db);
  cookies = {
    hr: await signedInCookie(test.db, cast.hr.id),
    head: await signedInCookie(test.db, cast.departmentHead.id),
    lead: await signedInCookie(test.db, cast.teamLead.id),
    member: await signedInCookie(test.db, cast.member.id),
  };
});

function url(teamIds: string[], ronde?: string, path = "/teams/vergelijken"): string {
  const params = new URLSearchParams();
  if (ronde !== undefined) params.set("ronde", ronde);
  for (const id of teamIds) params.append("team", id);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** The comparison page, as its form's button sends it (or, with submitted false, as a link). */
async function page(
  cookie: string | undefined,
  teamIds: string[],
  ronde?: string,
  submitted = true,
) {
  const target = url(teamIds, ronde);
  const sent = submitted ? `${target}${target.includes("?") ? "&" : "?"}vergelijk=1` : target;
  return call(pageRoute.loader, getRequest(sent, { cookie }));
}

function model(outcome: Outcome): ComparisonPageModel {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  return outcome.data as ComparisonPageModel;
}

async function auditCount(db: DB, action: string): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function lastAudit(db: DB, action: string) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("action", "=", action)
    .orderBy(insertionOrder(), "desc")
    .executeTakeFirstOrThrow();
}

/** The fields of a `;`-separated line, with quoted fields unquoted. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      fields.push(current);
      current = "";
    } else current += char;
  }
  fields.push(current);
  return fields;
}

describe("who may compare which teams", () => {
  it("sends an anonymous visitor to sign in, and back here afterwards", async () => {
    const target = url([cast.team.id, cast.otherTeam.id]);
    const outcome = await call(pageRoute.loader, getRequest(target));
    expect(redirectLocation(outcome)).toBe(`/inloggen?redirectTo=${encodeURIComponent(target)}`);
    const csv = await call(
      csvRoute.loader,
      getRequest(url([cast.team.id], undefined, "/teams/vergelijken.csv")),
    );
    expect(redirectLocation(csv)).toMatch(/^\/inloggen\?redirectTo=/);
  });

  it("answers 404 to an employee who leads no team, with or without teams chosen", async () => {
    expect(isThrownNotFound(await page(cookies.member, []))).toBe(true);
    expect(isThrownNotFound(await page(cookies.member, [cast.team.id, cast.otherTeam.id]))).toBe(
      true,
    );
  });

  it("lets HR compare any two teams of the organisation, across departments", async () => {
    const outcome = await page(cookies.hr, [cast.team.id, cast.otherTeam.id]);
    expect(statusOf(outcome)).toBe(200);
    const result = model(outcome);
    expect(result.problem).toBeNull();
    expect(result.comparison?.teams.map((team) => team.id)).toEqual([
      cast.team.id,
      cast.otherTeam.id,
    ]);
    // HR picks from every team: both departments and all their teams.
    const offered = result.form.groups.flatMap((group) => group.teams.map((team) => team.id));
    expect(offered).toContain(cast.department.id);
    expect(offered).toContain(cast.otherTeam.id);
  });

  it("lets a department head compare two of their sub-teams, but not a team of the other department", async () => {
    const [first, second] = cast.subTeams;
    const outcome = await page(cookies.head, [first!.id, second!.id]);
    expect(statusOf(outcome)).toBe(200);
    expect(model(outcome).comparison?.teams).toHaveLength(2);
    // The department itself with one of its teams is theirs too.
    expect(statusOf(await page(cookies.head, [cast.department.id, first!.id]))).toBe(200);

    expect(isThrownNotFound(await page(cookies.head, [first!.id, cast.otherTeam.id]))).toBe(true);
    expect(isThrownNotFound(await page(cookies.head, [cast.otherTeam.id]))).toBe(true);
  });

  it("offers a plain team lead only their own team and answers 404 for any other team", async () => {
    const form = await page(cookies.lead, []);
    expect(statusOf(form)).toBe(200);
    expect(model(form).form.groups.flatMap((group) => group.teams.map((team) => team.id))).toEqual([
      cast.team.id,
    ]);
    expect(isThrownNotFound(await page(cookies.lead, [cast.team.id, cast.otherTeam.id]))).toBe(
      true,
    );
    const sibling = cast.subTeams.find((team) => team.id !== cast.team.id)!;
    expect(isThrownNotFound(await page(cookies.lead, [cast.team.id, sibling.id]))).toBe(true);
    expect(isThrownNotFound(await page(cookies.lead, [cast.team.id, "bestaat-niet"]))).toBe(true);
  });

  it("answers 404 for a round that does not exist or is not released", async () => {
    const teams = [cast.team.id, cast.otherTeam.id];
    expect(isThrownNotFound(await page(cookies.hr, teams, "bestaat-niet"))).toBe(true);
    const collecting = await test.db
      .selectFrom("cycle")
      .select("id")
      .where("status", "=", "collecting")
      .executeTakeFirstOrThrow();
    expect(isThrownNotFound(await page(cookies.hr, teams, collecting.id))).toBe(true);
  });
});

describe("the form", () => {
  it("shows the form (200) before anything is chosen, with the newest released round as default", async () => {
    const before = await auditCount(test.db, "team_comparison_viewed");
    const outcome = await page(cookies.hr, []);
    expect(statusOf(outcome)).toBe(200);
    const result = model(outcome);
    expect(result.problem).toBe("none");
    expect(result.comparison).toBeNull();
    expect(result.form.ronde).toBe(spring.id);
    const released = (await releasedCycles(test.db)).reverse();
    expect(result.form.cycles.map((cycle) => cycle.id)).toEqual(released.map((c) => c.id));
    // Grouped by department: each department heads a group with its teams.
    const group = result.form.groups.find((candidate) => candidate.name === cast.department.name);
    expect(group?.teams.map((team) => team.id)).toEqual(
      expect.arrayContaining([cast.department.id, ...cast.subTeams.map((team) => team.id)]),
    );
    expect(await auditCount(test.db, "team_comparison_viewed")).toBe(before);
  });

  it("answers 400 with a clear message when one team is submitted", async () => {
    const outcome = await page(cookies.hr, [cast.team.id], spring.id);
    expect(statusOf(outcome)).toBe(400);
    const result = model(outcome);
    expect(result.problem).toBe("one");
    expect(result.comparison).toBeNull();
    expect(result.form.chosenTeamIds).toEqual([cast.team.id]);
    // The same team twice is still one team.
    const twice = await page(cookies.hr, [cast.team.id, cast.team.id], spring.id);
    expect(statusOf(twice)).toBe(400);
  });

  it("pre-ticks one team from a link without calling it a mistake (200)", async () => {
    const outcome = await page(cookies.hr, [cast.team.id], spring.id, false);
    expect(statusOf(outcome)).toBe(200);
    const result = model(outcome);
    expect(result.problem).toBe("none");
    expect(result.form.chosenTeamIds).toEqual([cast.team.id]);
  });
});

describe("the figures", () => {
  it("are each team's figures from loadCycleFigures for this viewer, on the competencies the teams share", async () => {
    const teams = cast.subTeams.map((team) => team.id);
    const outcome = await page(cookies.head, teams, spring.id);
    const comparison = model(outcome).comparison!;
    const expected = await loadCycleFigures(test.db, spring.id, cast.departmentHead.id);
    // Teams whose members were rated on the same competencies compare on all of them, in
    // profile order; teams of mixed functions on the organisation-wide ones they share.
    const ratedIn = teams.map((id) => expected.ratedOn.get(id)!);
    const same = ratedIn.every(
      (keys) => keys.size === ratedIn[0]!.size && [...keys].every((key) => ratedIn[0]!.has(key)),
    );
    expect(comparison.organisationWideOnly).toBe(!same);
    expect(comparison.axes.map((axis) => axis.key)).toEqual(
      expected.competencies
        .filter((competency) => ratedIn.every((keys) => keys.has(competency.key)))
        .filter((competency) => same || competency.organisationWide)
        .map((competency) => competency.key),
    );
    expect(comparison.axes.length).toBeGreaterThan(0);
    let shown = 0;
    for (const team of comparison.teams) {
      const figures = expected.figures.teams.get(team.id)!;
      expect(team.cycle?.name).toBe(spring.name);
      for (const axis of comparison.axes) {
        const figure = figures.competencies[axis.key]!;
        const cell = team.cells[axis.key]!;
        if (figure.shown) {
          shown++;
          // Rounded as the page shows it: the full-precision mean stays on the server.
          expect(cell).toEqual({
            shown: true,
            mean: displayFigure(figure.mean),
            members: figure.members,
          });
          expect(figure.members).toBeGreaterThanOrEqual(spring.min_group_size);
        } else {
          expect(cell).toEqual({ shown: false, reason: figure.reason });
        }
      }
    }
    expect(shown, "the demo teams have figures to compare").toBeGreaterThan(0);
    // The same cycle for all: the organisation norm is a series.
    expect(comparison.norm).not.toBeNull();
    for (const axis of comparison.axes) {
      const norm = expected.figures.norm[axis.key];
      expect(comparison.norm?.values[axis.key] ?? null).toEqual(
        norm ? { mean: displayFigure(norm.mean), participants: norm.participants } : null,
      );
    }
  });

  it("uses each team's own newest released cycle for 'laatste'", async () => {
    const outcome = await page(cookies.hr, [cast.team.id, cast.otherTeam.id], "laatste");
    const comparison = model(outcome).comparison!;
    for (const team of comparison.teams) expect(team.cycle?.name).toBe(spring.name);
    expect(comparison.norm).not.toBeNull();
  });

  it("records one team_comparison_viewed entry per comparison, with cycles and teams", async () => {
    const before = await auditCount(test.db, "team_comparison_viewed");
    await page(cookies.hr, [cast.team.id, cast.otherTeam.id], spring.id);
    expect(await auditCount(test.db, "team_comparison_viewed")).toBe(before + 1);
    const entry = await lastAudit(test.db, "team_comparison_viewed");
    expect(entry.actor_person_id).toBe(cast.hr.id);
    expect(entry.subject_type).toBe("team");
    expect(entry.subject_id).toBeNull();
    expect(JSON.parse(entry.details!)).toEqual({
      cycleIds: [spring.id],
      teamIds: [cast.team.id, cast.otherTeam.id],
    });
  });
});

describe("the CSV", () => {
  it("holds the page's figures: competency rows, per team mean, n and reason; audited", async () => {
    const teams = [cast.team.id, cast.otherTeam.id, cast.department.id];
    const comparison = model(await page(cookies.hr, teams, spring.id)).comparison!;
    const before = await auditCount(test.db, "team_comparison_exported");
    const outcome = await call(
      csvRoute.loader,
      getRequest(url(teams, spring.id, "/teams/vergelijken.csv"), { cookie: cookies.hr }),
    );
    const response = responseOf(outcome);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="teamvergelijking-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)], "a byte order mark for Excel").toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(comparison.axes.length + 1);
    const header = csvFields(lines[0]!);
    expect(header[0]).toBe("Competentie");
    expect(header.slice(1, 4)).toEqual([
      `${cast.team.name}: gemiddelde`,
      `${cast.team.name}: aantal leden`,
      `${cast.team.name}: niet getoond omdat`,
    ]);
    expect(header).toHaveLength(1 + comparison.teams.length * 3 + (comparison.norm ? 2 : 0));
    comparison.axes.forEach((axis, row) => {
      const fields = csvFields(lines[row + 1]!);
      expect(fields[0]).toBe(axis.organisationWide ? `${axis.name} *` : axis.name);
      comparison.teams.forEach((team, column) => {
        const [mean, members, reason] = fields.slice(1 + column * 3, 4 + column * 3);
        const cell = team.cells[axis.key]!;
        if (cell.shown) {
          expect([mean, members, reason]).toEqual([
            formatScore(cell.mean, "nl"),
            String(cell.members),
            "",
          ]);
        } else {
          expect(mean).toBe("");
          expect(members).toBe("");
          expect(reason).toMatch(/^(niet getoond|geen leden)/);
        }
      });
    });
    // No person's name in the file: only teams and competencies.
    const people = await test.db.selectFrom("person").select(["first_name", "last_name"]).execute();
    for (const person of people) {
      expect(text).not.toContain(`${person.first_name} ${person.last_name}`);
    }
    expect(await auditCount(test.db, "team_comparison_exported")).toBe(before + 1);
    const entry = await lastAudit(test.db, "team_comparison_exported");
    expect(JSON.parse(entry.details!)).toEqual({ cycleIds: [spring.id], teamIds: teams });
  });

  it("is there for the same people and teams as the page only", async () => {
    const csv = (cookie: string, teamIds: string[]) =>
      call(
        csvRoute.loader,
        getRequest(url(teamIds, undefined, "/teams/vergelijken.csv"), { cookie }),
      );
    expect(isThrownNotFound(await csv(cookies.member, [cast.team.id, cast.otherTeam.id]))).toBe(
      true,
    );
    expect(isThrownNotFound(await csv(cookies.lead, [cast.team.id, cast.otherTeam.id]))).toBe(true);
    expect(
      isThrownNotFound(await csv(cookies.head, [cast.subTeams[0]!.id, cast.otherTeam.id])),
    ).toBe(true);
    // Fewer than two teams is no comparison, so no file.
    expect(isThrownNotFound(await csv(cookies.hr, [cast.team.id]))).toBe(true);
    const ok = await csv(
      cookies.head,
      cast.subTeams.map((team) => team.id),
    );
    expect(responseOf(ok).status).toBe(200);
  });
});
