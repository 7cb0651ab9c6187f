import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { NoticeBanner } from "~/components/notice";
import { TableScroll } from "~/components/table-scroll";
import { getDb } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { listQuery, readListParams, STATUS_VALUE } from "~/people/list-params";
import { PEOPLE_NOTICES } from "~/people/notices";
import { listPeople } from "~/people/person-store.server";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";
import { readNotice } from "~/utils/notices";

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, (t) => t("people.list.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const params = readListParams(new URL(request.url).searchParams);
  const page = await listPeople(await getDb(), user.organisationId, params);
  return {
    params: { ...params, page: page.page },
    page,
    notice: readNotice(request, PEOPLE_NOTICES),
  };
}

export default function PeoplePage() {
  const { params, page, notice } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer">{t("layout.nav.admin")}</Link>
      </p>
      <h1>{t("people.list.heading")}</h1>
      <NoticeBanner notice={notice} />
      <ul className="people-actions">
        <li>
          <Link to="/beheer/mensen/nieuw">{t("people.list.add")}</Link>
        </li>
        <li>
          <Link to="/beheer/mensen/importeren">{t("people.list.import")}</Link>
        </li>
        <li>
          <Link to="/beheer/teams">{t("people.list.teams")}</Link>
        </li>
      </ul>

      <Form method="get" className="filter-form" role="search">
        <label htmlFor="people-search">{t("people.list.search")}</label>
        <input
          id="people-search"
          type="search"
          name="zoek"
          defaultValue={params.search}
          maxLength={100}
          aria-describedby="people-search-hint"
        />
        <p className="hint people-search-hint" id="people-search-hint">
          {t("people.list.searchHint")}
        </p>
        <label htmlFor="people-status">{t("people.list.status")}</label>
        <select id="people-status" name="status" defaultValue={STATUS_VALUE[params.status]}>
          <option value="actief">{t("people.list.status.active")}</option>
          <option value="inactief">{t("people.list.status.inactive")}</option>
          <option value="alle">{t("people.list.status.all")}</option>
        </select>
        <button type="submit" className="button button--secondary">
          {t("people.list.submit")}
        </button>
      </Form>

      <p role="status">{t("people.list.count", { count: page.total })}</p>
      {page.people.length > 0 ? (
        <TableScroll label={t("people.list.caption")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("people.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("people.field.name")}</th>
                <th scope="col">{t("people.field.employeeNumber")}</th>
                <th scope="col">{t("people.field.email")}</th>
                <th scope="col">{t("people.field.team")}</th>
                <th scope="col">{t("people.field.role")}</th>
                <th scope="col">{t("people.field.status")}</th>
              </tr>
            </thead>
            <tbody>
              {page.people.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    <Link to={`/beheer/mensen/${person.id}`}>{person.name}</Link>
                  </th>
                  <td>{person.employeeNumber ?? "–"}</td>
                  <td className="people-email">{person.email}</td>
                  <td>{person.teamName ?? t("people.field.noTeam")}</td>
                  <td>{t(person.isHrAdmin ? "people.role.hr_admin" : "people.role.employee")}</td>
                  <td>{t(person.isActive ? "people.status.active" : "people.status.inactive")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {page.pageCount > 1 ? (
        <nav className="pager" aria-label={t("people.list.pages")}>
          {page.page > 1 ? (
            <Link to={listQuery({ ...params, page: page.page - 1 }) || "."} rel="prev">
              {t("people.list.previous")}
            </Link>
          ) : null}
          <span>{t("people.list.pageOf", { page: page.page, pages: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link to={listQuery({ ...params, page: page.page + 1 })} rel="next">
              {t("people.list.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
