import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { listCycles } from "~/cycles/cycles.server";
import { getDb } from "~/db.server";
import { cycleStatusLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("cycles.list.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  return { cycles: await listCycles(await getDb(), user.organisationId) };
}

export default function CycleListPage() {
  const { cycles } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer">{t("layout.nav.admin")}</Link>
      </p>
      <h1>{t("cycles.list.title")}</h1>
      <p className="muted">{t("cycles.list.intro")}</p>
      <p>
        <Link to="/beheer/rondes/nieuw" className="button">
          {t("cycles.list.new")}
        </Link>
      </p>
      {cycles.length === 0 ? (
        <p>{t("cycles.list.empty")}</p>
      ) : (
        <TableScroll label={t("cycles.list.title")}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("cycles.list.name")}</th>
                <th scope="col">{t("cycles.list.status")}</th>
                <th scope="col">{t("cycles.list.answerDeadline")}</th>
                <th scope="col" className="numeric">
                  {t("cycles.list.participants")}
                </th>
                <th scope="col" className="numeric">
                  {t("cycles.list.answered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((cycle) => (
                <tr key={cycle.id}>
                  <th scope="row">
                    <Link to={`/beheer/rondes/${cycle.id}`}>{cycle.name}</Link>
                  </th>
                  <td>{t(cycleStatusLabel[cycle.status])}</td>
                  <td>{cycle.answerDeadline ? formatDay(cycle.answerDeadline, locale) : "—"}</td>
                  <td className="numeric">{cycle.participants}</td>
                  <td className="numeric">
                    {cycle.invited === 0
                      ? "—"
                      : t("cycles.list.answeredValue", {
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
    </div>
  );
}
