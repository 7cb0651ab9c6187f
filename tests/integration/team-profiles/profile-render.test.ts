import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as RemixReact from "@remix-run/react";
import type { TeamProfilePage } from "~/team-profiles/team-profile-model";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { asPerson, readyProfile } from "./profile-helpers";

// The team profile page as the server renders it (HTML, no JavaScript), from real loader data:
// the chart is in the HTML, the table has the same numbers, and nothing member-level or
// withheld reaches the markup of someone who may not see it.

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

async function render(
  personId: string,
  teamId: string,
): Promise<{ html: string; profile: TeamProfilePage }> {
  const route = await import("~/routes/teams.$teamId.profiel");
  const profile = readyProfile(
    await asPerson(test.db, personId, `/teams/${teamId}/profiel`, route.loader, { teamId }),
  );
  loaderData.current = { profile };
  return { html: renderToString(createElement(route.default)), profile };
}

describe("the rendered team profile", () => {
  it("has the radar in the HTML, a captioned table with the figures, and no member lines for HR", async () => {
    const { html, profile } = await render(cast.hr.id, cast.otherTeam.id);
    expect(html).toMatch(/<svg[^>]*class="recharts-surface"/);
    expect(html).toContain("recharts-radar-polygon");
    expect(html).toContain("<caption>Teamgemiddelde per competentie");
    expect(html).toContain('<th scope="row">');
    for (const row of profile.rows) {
      if (row.team.shown) {
        expect(html).toContain(row.team.mean.toFixed(1).replace(".", ","));
      }
    }
    expect(html).toContain("Download CSV");
    expect(html).toContain(`/teams/${cast.otherTeam.id}/profiel.csv?ronde=${profile.cycle.id}`);
    expect(html).toContain('name="ronde"');
    expect(html).not.toContain("/rapporten/");
    // Headings in order: one h1, then h2s.
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).not.toContain("<h3");
  });

  it("shows the round manager the members who shared, with links to their reports", async () => {
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
    const { html } = await render(cast.teamLead.id, cast.team.id);
    expect(html).toContain(`/rapporten/${member.id}`);
    expect(html).toContain(`${cast.member.first_name} ${cast.member.last_name}`);
    const { html: hrHtml } = await render(cast.hr.id, cast.team.id);
    expect(hrHtml).not.toContain(`${cast.member.first_name} ${cast.member.last_name}`);
  });
});
