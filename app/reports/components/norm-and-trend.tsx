import { TableScroll } from "~/components/table-scroll";
import { useTranslation } from "~/i18n/use-translation";
import { formatChange, scoreOrNotShown } from "../format";
import { competencyAxisName } from "../radar-series";
import type { ReportPageView } from "../report-view";

/** What the organisation norm rests on, or why it is absent or kept back. */
export function NormSection({
  norm,
  normWithheld,
}: {
  norm: ReportPageView["norm"];
  normWithheld: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="norm-title">
      <h2 id="norm-title">{t("report.norm.title")}</h2>
      {norm ? (
        <p>{t("report.norm.body", { count: norm.participants })}</p>
      ) : normWithheld ? null : (
        <p>{t("report.norm.absent")}</p>
      )}
      {normWithheld ? <p>{t("report.norm.withheld")}</p> : null}
    </section>
  );
}

/** The others' figures against the previous round, per competency with a figure in both. */
export function TrendSection({ content }: { content: ReportPageView }) {
  const { t, locale } = useTranslation();
  const trendByKey = new Map(content.trend?.competencies.map((c) => [c.key, c]) ?? []);
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">{t("report.trend.title")}</h2>
      {content.trend ? (
        <>
          <p>{t("report.trend.body", { cycle: content.trend.cycleName })}</p>
          <TableScroll label={t("report.trend.title")}>
            <table className="data-table data-table--compact">
              <thead>
                <tr>
                  <th scope="col">{t("report.table.competency")}</th>
                  <th scope="col" className="numeric">
                    {content.trend.cycleName}
                  </th>
                  <th scope="col" className="numeric">
                    {content.cycleName}
                  </th>
                  <th scope="col" className="numeric">
                    {t("report.trend.change")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {content.competencies
                  .filter((c) => trendByKey.has(c.key))
                  .map((competency) => {
                    const entry = trendByKey.get(competency.key);
                    return (
                      <tr key={competency.key}>
                        <th scope="row">{competencyAxisName(competency)}</th>
                        <td className="numeric">{scoreOrNotShown(entry?.before, locale, t)}</td>
                        <td className="numeric">
                          {scoreOrNotShown(competency.figures.others, locale, t)}
                        </td>
                        <td className="numeric">
                          {entry?.change !== null && entry?.change !== undefined
                            ? formatChange(entry.change, locale)
                            : t("report.notShown")}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : (
        <p>{t("report.trend.absent")}</p>
      )}
    </section>
  );
}
