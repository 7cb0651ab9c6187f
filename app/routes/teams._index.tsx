import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasRole, requireUser } from "~/auth/guards.server";
import { notFound } from "~/utils/http-errors.server";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { selectableTeams, type SelectableTeam } from "~/team-profiles/cycle-figures.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

// /teams: the teams a lead (their own and those below) or HR (every team) may view, grouped
// by department, with links to each team's page and profile. Nobody else has this page.

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("teams.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!user.isHrAdmin && !hasRole(user, "team_lead")) throw notFound();
  const teams = await selectableTeams(await getDb(), user);
  return { groups: groupByDepartment(teams), canCompare: teams.length >= 2 };
}

interface TeamGroup {
  /** The department (a top-level team's name, or the parent's name of the teams in it). */
  name: string;
  /** Only what the page shows of each team: its name, and its id for the links. */
  teams: { id: string; name: string }[];
}

/**
 * Teams by department: a top-level team heads its own group, teams below it follow it. A lead
 * who sees only a team (not its department) gets the department's name as the group.
 */
function groupByDepartment(teams: readonly SelectableTeam[]): TeamGroup[] {
  const groups = new Map<string, TeamGroup>();
  for (const team of teams) {
    const name = team.parentName ?? team.name;
    const group = groups.get(name) ?? { name, teams: [] };
    const shown = { id: team.id, name: team.name };
    if (team.parentName === null) group.teams.unshift(shown);
    else group.teams.push(shown);
    groups.set(name, group);
  }
  return [...groups.values()];
}

export default function TeamsPage() {
  const { groups, canCompare } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container teams-overview">
      <h1>{t("teams.title")}</h1>
      <p>{t("teams.intro")}</p>
      {groups.length === 0 ? (
        <p>{t("teams.empty")}</p>
      ) : (
        <>
          {canCompare ? (
            <p className="actions">
              <Link to="/teams/vergelijken" className="button">
                {t("teams.compare")}
              </Link>
            </p>
          ) : null}
          {groups.map((group, index) => (
            <section key={group.name} aria-labelledby={`group-${index}`}>
              <h2 id={`group-${index}`}>{group.name}</h2>
              <ul className="item-list">
                {group.teams.map((team) => (
                  <li key={team.id} className="item-list__item teams-overview__team">
                    <h3>{team.name}</h3>
                    <p className="teams-overview__links">
                      <Link
                        to={`/teams/${team.id}`}
                        aria-label={t("teams.teamPageOf", { name: team.name })}
                      >
                        {t("teams.teamPage")}
                      </Link>{" "}
                      <Link
                        to={`/teams/${team.id}/profiel`}
                        aria-label={t("teams.profileOf", { name: team.name })}
                      >
                        {t("teams.profile")}
                      </Link>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
