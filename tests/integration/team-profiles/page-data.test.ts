import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as RemixReact from "@remix-run/react";
import { newId } from "#db/ids";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import type { Outcome } from "../../support/route-outcome";
import { asPerson, auditBy } from "./profile-helpers";

// What leaves the server is judged at the wire: every number and piece of text a team page's
// loader returns must be on the page that loader's data renders (or be an id, a key or a day),
// and every figure is at the precision shown (one decimal). Rendered here from the real loader
// data of the demo municipality, for each kind of viewer; also the audit entries of team views
// hold no figure.

const loaderData: { current: unknown } = { current: null };
vi.mock("@remix-run/react", async (importOriginal) => {
  const actual = await importOriginal<typeof RemixReact>();
  return {
    ...actual,
    useLoaderData: () => loaderData.current,
    useRouteLoaderData: () => ({ locale: "nl", user: null }),
    Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
      createElement("a", { href: to, ...rest }, children),
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement("form", rest, children),
  };
});

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

interface Leaf {
  path: string;
  value: string | number;
}

function leavesOf(value: unknown, path: string, out: Leaf[]): Leaf[] {
  if (typeof value === "number" || typeof value === "string") out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((item) => leavesOf(item, `${path}[]`, out));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) leavesOf(item, `${path}.${key}`, out);
  }
  return out;
}

const ID = /^[0-9A-Za-z_-]{16,}$/;
const KEY = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reviewed exceptions: values the page uses in another form. Nothing here is a figure of
 * anyone's answers.
 */
const ALLOWED: { path: RegExp; why: string }[] = [
  { path: /\.scale\.(min|max)$/, why: "the rating scale's range: the radar's axis, a setting" },
];

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** The page's text, and the texts of attributes a visitor perceives (labels, titles, values). */
function visibleText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|value)="([^"]*)"/g)].map(
    (match) => match[1]!,
  );
  const text = html.replace(/<!--.*?-->/g, "").replace(/<[^>]+>/g, " ");
  return decodeEntities([text, ...attributes].join(" ")).replace(/\s+/g, " ");
}

function numbersIn(text: string): Set<number> {
  const numbers = new Set<number>();
  for (const token of text.match(/\d+(?:[.,]\d+)*/g) ?? []) {
    numbers.add(Number(token.replace(",", ".")));
    for (const part of token.split(/[.,]/)) numbers.add(Number(part));
  }
  return numbers;
}

/** The leaves of the page data that the rendered page does not show. */
function unseen(data: unknown, html: string): Leaf[] {
  const text = visibleText(html);
  const numbers = numbersIn(text);
  return leavesOf(data, "", []).filter((leaf) => {
    if (ALLOWED.some((entry) => entry.path.test(leaf.path))) return false;
    if (typeof leaf.value === "number") return !numbers.has(Math.abs(leaf.value));
    if (ID.test(leaf.value) || KEY.test(leaf.value) || DAY.test(leaf.value)) return false;
    const words = leaf.value.replace(/\s+/g, " ").trim();
    return words !== "" && !text.includes(words);
  });
}

/** No number in the page data has more than the one decimal the page shows. */
function overPrecise(data: unknown): Leaf[] {
  return leavesOf(data, "", []).filter(
    (leaf) => typeof leaf.value === "number" && Math.round(leaf.value * 10) / 10 !== leaf.value,
  );
}

function dataOf(outcome: Outcome): unknown {
  if (outcome.kind === "value") return outcome.value;
  if (outcome.kind === "data") return outcome.data;
  throw new Error(`no page data: ${outcome.kind}`);
}

async function renderRoute(routePath: string, data: unknown): Promise<string> {
  const route = (await import(routePath)) as { default: () => ReactNode };
  loaderData.current = data;
  return renderToString(createElement(route.default));
}

async function checkPage(
  personId: string,
  url: string,
  routePath: string,
  params: Record<string, string> = {},
) {
  const route = (await import(routePath)) as { loader: unknown };
  const data = dataOf(await asPerson(test.db, personId, url, route.loader, params));
  const html = await renderRoute(routePath, data);
  expect(unseen(data, html), `${url}: in the page data, not on the page`).toEqual([]);
  expect(overPrecise(data), `${url}: figures beyond one decimal`).toEqual([]);
  return { data, html, size: JSON.stringify(data).length };
}

describe("team profile page data", () => {
  it("is what the page shows, for HR, the team's lead (with member results) and the head", async () => {
    const member = await test.db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select("participant.id")
      .where("participant.person_id", "=", cast.member.id)
      .where("cycle.name", "like", "%najaar 2029%")
      .executeTakeFirstOrThrow();
    await test.db
      .updateTable("participant")
      .set({ shared_with_lead_at: new Date().toISOString() })
      .where("id", "=", member.id)
      .execute();
    const profile = "~/routes/teams.$teamId.profiel";
    const cases = [
      [cast.hr.id, cast.team.id],
      [cast.hr.id, cast.otherTeam.id],
      [cast.teamLead.id, cast.team.id],
      [cast.departmentHead.id, cast.department.id],
      [cast.otherTeamLead.id, cast.otherTeam.id],
    ] as const;
    let withMembers = 0;
    for (const [personId, teamId] of cases) {
      const { data } = await checkPage(personId, `/teams/${teamId}/profiel`, profile, { teamId });
      const page = data as { profile: { memberResults: unknown | null } };
      if (page.profile.memberResults) withMembers++;
    }
    expect(withMembers, "the lead's view has member results").toBeGreaterThan(0);
  });

  it("of a team without a released round is its name, nothing else", async () => {
    const teamId = newId();
    await test.db
      .insertInto("team")
      .values({
        id: teamId,
        organisation_id: cast.organisationId,
        name: "Team Nieuw",
        parent_team_id: null,
        lead_person_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const { data } = await checkPage(
      cast.hr.id,
      `/teams/${teamId}/profiel`,
      "~/routes/teams.$teamId.profiel",
      { teamId },
    );
    expect(data).toEqual({
      profile: { status: "no_cycle", team: { id: teamId, name: "Team Nieuw" } },
      canCompare: true,
    });
  });
});

describe("comparison page data", () => {
  it("is what the page shows, within one round and across each team's latest", async () => {
    const page = "~/routes/teams.vergelijken";
    for (const ronde of ["", "&ronde=laatste"]) {
      for (const [personId, teams] of [
        [cast.hr.id, [cast.team.id, cast.otherTeam.id]],
        [cast.departmentHead.id, cast.subTeams.map((team) => team.id)],
      ] as const) {
        const query = teams.map((id) => `team=${id}`).join("&");
        const { data } = await checkPage(personId, `/teams/vergelijken?${query}${ronde}`, page);
        expect((data as { comparison: unknown }).comparison).not.toBeNull();
      }
    }
  });
});

describe("team page and team list data", () => {
  it("is what the pages show: no one's sharing but the viewer's own", async () => {
    for (const personId of [cast.hr.id, cast.teamLead.id, cast.departmentHead.id]) {
      const { data } = await checkPage(
        personId,
        `/teams/${cast.team.id}`,
        "~/routes/teams.$teamId._index",
        {
          teamId: cast.team.id,
        },
      );
      const json = JSON.stringify(data);
      expect(json).not.toContain("managerPersonId");
      expect(json).not.toContain("sharedWithLead");
      // HR manages no one here: no sharing at all is theirs to see.
      if (personId === cast.hr.id) expect(json).not.toContain('"sharedWithYou":true');
      await checkPage(personId, "/teams", "~/routes/teams._index");
    }
  });
});

describe("audit entries of team views", () => {
  it("hold ids only, never a figure", async () => {
    // Views and exports of each kind (the lead's profile has member results: see above).
    const profileCsv = (await import("~/routes/teams.$teamId.profiel[.csv]")) as {
      loader: unknown;
    };
    const comparisonCsv = (await import("~/routes/teams.vergelijken[.csv]")) as {
      loader: unknown;
    };
    const pair = `team=${cast.team.id}&team=${cast.otherTeam.id}`;
    await asPerson(test.db, cast.hr.id, `/teams/${cast.team.id}/profiel.csv`, profileCsv.loader, {
      teamId: cast.team.id,
    });
    await asPerson(test.db, cast.hr.id, `/teams/vergelijken.csv?${pair}`, comparisonCsv.loader);
    await checkPage(
      cast.teamLead.id,
      `/teams/${cast.team.id}/profiel`,
      "~/routes/teams.$teamId.profiel",
      {
        teamId: cast.team.id,
      },
    );
    await checkPage(cast.hr.id, `/teams/vergelijken?${pair}`, "~/routes/teams.vergelijken");
    const actions = new Set([
      "team_profile_viewed",
      "team_profile_exported",
      "team_comparison_viewed",
      "team_comparison_exported",
      "team_member_results_viewed",
    ]);
    const seen = new Set<string>();
    for (const person of [cast.hr, cast.teamLead, cast.departmentHead, cast.otherTeamLead]) {
      for (const entry of await auditBy(test.db, person.id)) {
        if (!actions.has(entry.action)) continue;
        seen.add(entry.action);
        for (const leaf of leavesOf(entry.details, "", [])) {
          expect(typeof leaf.value, `${entry.action} ${leaf.path}`).toBe("string");
          expect(String(leaf.value)).toMatch(ID);
        }
      }
    }
    expect(seen).toEqual(actions);
  });
});
