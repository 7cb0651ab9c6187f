import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadAdminOverview } from "~/admin/overview.server";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { isOutboxPageEnabled } from "~/email/outbox-page.server";
import { cycleStatusLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { TableScroll } from "~/components/table-scroll";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("admin.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const db = await getDb();
  return {
    organisationName: user.organisationName,
    overview: await loadAdminOverview(db, user.organisationId),
    outbox: await isOutboxPageEnabled(db),
  };
}

export default function AdminPage() {
  const { organisationName, overview, outbox } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <h1>{t("admin.heading", { organisation: organisationName })}</h1>
      <p className="muted">{t("admin.privacy")}</p>
      <dl className="stat-list">
        <div>
          <dt>{t("admin.people")}</dt>
          <dd>{overview.activePeople}</dd>
        </div>
        <div>
          <dt>{t("admin.teams")}</dt>
          <dd>{overview.teams}</dd>
        </div>
      </dl>

      <section aria-labelledby="cycles-title">
        <h2 id="cycles-title">{t("admin.cycles.title")}</h2>
        <p className="actions">
          <Link to="/beheer/rondes/nieuw" className="button">
            {t("cycles.admin.newCycle")}
          </Link>
          <Link to="/beheer/rondes">{t("cycles.admin.links.cycles")}</Link>
        </p>
        {overview.cycles.length === 0 ? (
          <p>{t("admin.cycles.empty")}</p>
        ) : (
          <TableScroll label={t("admin.cycles.title")}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.cycles.name")}</th>
                  <th scope="col">{t("admin.cycles.status")}</th>
                  <th scope="col" className="numeric">
                    {t("admin.cycles.participants")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("admin.cycles.answered")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.cycles.map((cycle) => (
                  <tr key={cycle.id}>
                    <th scope="row">
                      <Link to={`/beheer/rondes/${cycle.id}`}>{cycle.name}</Link>
                    </th>
                    <td>{t(cycleStatusLabel[cycle.status])}</td>
                    <td className="numeric">{cycle.participants}</td>
                    <td className="numeric">
                      {t("admin.cycles.answeredValue", {
                        answered: cycle.answered,
                        invited: cycle.invited,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="links-title">
        <h2 id="links-title">{t("admin.links.title")}</h2>
        <ul>
          <li>
            <Link to="/beheer/rondes">{t("cycles.admin.links.cycles")}</Link>
          </li>
          <li>
            <Link to="/beheer/mensen">{t("cycles.admin.links.people")}</Link>
          </li>
          <li>
            <Link to="/beheer/teams">{t("cycles.admin.links.teams")}</Link>
          </li>
          <li>
            <Link to="/beheer/logboek">{t("admin.links.audit")}</Link>
          </li>
          {outbox ? (
            <li>
              <Link to="/postvak-uit">{t("admin.links.outbox")}</Link>
            </li>
          ) : null}
          <li>
            <Link to="/beheer/profielen">{t("admin.links.profiles")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
