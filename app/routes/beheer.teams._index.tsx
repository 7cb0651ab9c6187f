import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { listTeams } from "~/people/team-store.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.teams.list.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const teams = await listTeams(await getDb(), user.organisationId);
  // The columns of the table, no more: page data is shown data.
  return {
    teams: teams.map(({ id, name, parentName, leadName, memberCount }) => ({
      id,
      name,
      parentName,
      leadName,
      memberCount,
    })),
  };
}

export default function TeamsPage() {
  const { teams } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer">{t("layout.nav.admin")}</Link>
      </p>
      <h1>{t("people.teams.list.heading")}</h1>
      <ul className="people-actions">
        <li>
          <Link to="/beheer/teams/nieuw">{t("people.teams.list.add")}</Link>
        </li>
        <li>
          <Link to="/beheer/mensen">{t("people.list.heading")}</Link>
        </li>
      </ul>
      {teams.length === 0 ? (
        <p>{t("people.teams.list.empty")}</p>
      ) : (
        <TableScroll label={t("people.teams.list.caption")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("people.teams.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.teams.field.name")}</th>
                <th scope="col">{t("people.teams.field.parent")}</th>
                <th scope="col">{t("people.teams.field.lead")}</th>
                <th scope="col" className="numeric">
                  {t("people.teams.list.members")}
                </th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row">
                    <Link to={`/beheer/teams/${team.id}`}>{team.name}</Link>
                  </th>
                  <td>{team.parentName ?? "–"}</td>
                  <td>{team.leadName ?? t("people.teams.list.noLead")}</td>
                  <td className="numeric">{team.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
