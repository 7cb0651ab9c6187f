import { NumericHeadRow } from "~/components/numeric-head-row";
import { TableScroll } from "~/components/table-scroll";
import { relationshipGroupLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import type { ReportPageView } from "../report-view";

/** How to read the report: the threshold k that keeps a group's figures back. */
export function HowToRead({ k }: { k: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="how-title" className="panel">
      <h2 id="how-title">{t("report.howToRead.title")}</h2>
      <p>{t("report.howToRead.body", { k })}</p>
    </section>
  );
}

/** Per group: how many were invited and how many answered. */
export function ResponseOverview({ rows }: { rows: ReportPageView["responseOverview"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t("report.overview.title")}</h2>
      <TableScroll label={t("report.overview.title")}>
        <table className="data-table data-table--compact">
          <thead>
            <NumericHeadRow
              label={t("report.overview.group")}
              numeric={[t("report.overview.invited"), t("report.overview.answered")]}
            />
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group}>
                <th scope="row">{t(relationshipGroupLabel[row.group])}</th>
                <td className="numeric">{row.invited}</td>
                <td className="numeric">{row.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
