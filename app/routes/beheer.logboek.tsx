import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AUDIT_ACTIONS, isAuditAction } from "~/audit/audit-actions";
import { listAuditLog } from "~/audit/audit-log.server";
import { requireRole } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { describeDetails } from "~/audit/describe-details";
import { translator, type MessageKey } from "~/i18n/messages";
import { getLocale } from "~/i18n/locale.server";
import { useTranslation } from "~/i18n/use-translation";
import { TableScroll } from "~/components/table-scroll";
import { formatMoment } from "~/utils/dates";
import { privatePageHeaders } from "~/utils/headers";
import { titleMeta } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("audit.title"));
export const headers = privatePageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr_admin");
  const url = new URL(request.url);
  const requested = url.searchParams.get("handeling");
  const action = isAuditAction(requested) ? requested : undefined;
  const before = url.searchParams.get("voor") ?? undefined;
  const page = await listAuditLog(await getDb(), user.organisationId, { action, before });
  // Each entry as the page shows it, its details in words: the stored details are not sent.
  const t = translator(await getLocale(request));
  return {
    rows: page.rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      actorName: row.actorName,
      details: describeDetails(row, t),
    })),
    nextCursor: page.nextCursor,
    action: action ?? "",
    isFirstPage: !before,
  };
}

function actionLabel(action: string): MessageKey | null {
  return isAuditAction(action) ? (`audit.action.${action}` as MessageKey) : null;
}

export default function AuditLogPage() {
  const { rows, nextCursor, action, isFirstPage } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const nextHref = nextCursor
    ? `?${new URLSearchParams({ ...(action ? { handeling: action } : {}), voor: nextCursor })}`
    : null;
  return (
    <div className="container">
      <p className="eyebrow">
        <Link to="/beheer">{t("layout.nav.admin")}</Link>
      </p>
      <h1>{t("audit.heading")}</h1>
      <p>{t("audit.intro")}</p>
      <Form method="get" className="filter-form">
        <label htmlFor="audit-action">{t("audit.filter.label")}</label>
        <select id="audit-action" name="handeling" defaultValue={action}>
          <option value="">{t("audit.filter.all")}</option>
          {AUDIT_ACTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`audit.action.${value}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("audit.filter.submit")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <TableScroll label={t("audit.caption")}>
          <table className="data-table">
            <caption className="visually-hidden">{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const label = actionLabel(row.action);
                return (
                  <tr key={row.id}>
                    <td>
                      <time dateTime={row.createdAt}>{formatMoment(row.createdAt, locale)}</time>
                    </td>
                    <td>{row.actorName ?? t("audit.unknownActor")}</td>
                    <td>{label ? t(label) : row.action}</td>
                    <td>{row.details}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="pager">
        {!isFirstPage ? (
          <Link to={action ? `?handeling=${action}` : "."}>{t("audit.newest")}</Link>
        ) : null}
        {nextHref ? <Link to={nextHref}>{t("audit.older")}</Link> : null}
      </p>
    </div>
  );
}
