import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { nominatedGroupLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { formatDay } from "~/utils/dates";
import type { ReviewQueueRow } from "../page-data.server";
import { reviewPath } from "../paths";

/** One part of the lead's queue: who, which round, how many nominated, and a link to review. */
export function ReviewQueueTable({
  rows,
  label,
  withSubmitted,
}: {
  rows: ReviewQueueRow[];
  label: string;
  withSubmitted: boolean;
}) {
  const { t, locale } = useTranslation();
  return (
    <TableScroll label={label}>
      <table className="data-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t("nominations.queue.participant")}</th>
            <th scope="col">{t("nominations.queue.cycle")}</th>
            {withSubmitted ? <th scope="col">{t("nominations.queue.submitted")}</th> : null}
            <th scope="col" className="numeric">
              {t("nominations.queue.nominated")}
            </th>
            <th scope="col">{t("nominations.queue.remarks")}</th>
            <th scope="col">{t("nominations.queue.view")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.participantId}>
              <th scope="row">{row.name}</th>
              <td>{row.cycleName}</td>
              {withSubmitted ? (
                <td>{row.submittedOn ? formatDay(row.submittedOn, locale) : ""}</td>
              ) : null}
              <td className="numeric">{row.activeNominations}</td>
              <td>
                {row.tooFewIn.length === 0
                  ? t("nominations.queue.withinLimits")
                  : t("nominations.queue.tooFew", {
                      groups: row.tooFewIn.map((group) => t(nominatedGroupLabel[group])).join(", "),
                    })}
              </td>
              <td>
                <Link
                  to={reviewPath(row.participantId)}
                  aria-label={t("nominations.queue.viewName", { name: row.name })}
                >
                  {t("nominations.queue.view")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
