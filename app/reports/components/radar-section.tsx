import { Form } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { relationshipGroupLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import { scoreOrNotShown } from "../format";
import { competencyAxisName, radarSeries, type OptionalSeries } from "../radar-series";
import type { ReportPageView } from "../report-view";
import { CompetencyRadar } from "./competency-radar";

/**
 * The radar with the series the reader chose (a form without JavaScript: ?reeks=…), and the
 * same figures as a table.
 */
export function RadarSection({
  content,
  chosen,
}: {
  content: ReportPageView;
  chosen: readonly OptionalSeries[];
}) {
  const { t, locale } = useTranslation();
  const { min, max } = content.scale;
  const series = radarSeries(content, chosen, t);
  return (
    <section aria-labelledby="radar-title">
      <h2 id="radar-title">{t("report.radar.title")}</h2>
      <p>{t("report.radar.howToRead")}</p>
      {content.visibleGroups.length > 0 || content.norm || content.trend ? (
        <Form method="get" className="series-form" preventScrollReset>
          <fieldset>
            <legend>{t("report.radar.options")}</legend>
            {content.visibleGroups.map((group) => (
              <label key={group} className="checkbox">
                <input
                  type="checkbox"
                  name="reeks"
                  value={group}
                  defaultChecked={chosen.includes(group)}
                />{" "}
                {t(relationshipGroupLabel[group])}
              </label>
            ))}
            {content.norm ? (
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="reeks"
                  value="norm"
                  defaultChecked={chosen.includes("norm")}
                />{" "}
                {t("report.series.norm")}
              </label>
            ) : null}
            {content.trend ? (
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="reeks"
                  value="previous"
                  defaultChecked={chosen.includes("previous")}
                />{" "}
                {t("report.series.previous", { cycle: content.trend.cycleName })}
              </label>
            ) : null}
            <button type="submit" className="button button--secondary">
              {t("report.radar.apply")}
            </button>
          </fieldset>
        </Form>
      ) : null}
      <CompetencyRadar
        axes={content.competencies.map(competencyAxisName)}
        series={series}
        min={min}
        max={max}
        title={t("report.radar.alt")}
        tableOnlyNote={t("report.radar.tableOnly")}
      />
      <TableScroll label={t("report.table.caption")}>
        <table className="data-table">
          <caption>{t("report.table.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.table.competency")}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="numeric">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t("report.table.n")}
              </th>
            </tr>
          </thead>
          <tbody>
            {content.competencies.map((competency, index) => (
              <tr key={competency.key}>
                <th scope="row">{competencyAxisName(competency)}</th>
                {series.map((s) => (
                  <td key={s.key} className="numeric">
                    {scoreOrNotShown(s.values[index], locale, t)}
                  </td>
                ))}
                <td className="numeric">{competency.figures.n ?? t("report.notShown")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">
        {t("report.radar.orgWideNote")} · {t("report.notShownExplained")}
      </p>
    </section>
  );
}
