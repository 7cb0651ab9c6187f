import { Fragment } from "react";
import { NumericHeadRow } from "~/components/numeric-head-row";
import { TableScroll } from "~/components/table-scroll";
import { relationshipGroupLabel } from "~/i18n/labels";
import { useTranslation } from "~/i18n/use-translation";
import type { OtherGroup } from "../engine/anonymity";
import { AGREEMENT_LABEL, scoreOrNotShown } from "../format";
import type { CompetencyView, ReportPageView, UnitView } from "../report-view";
import { Comments } from "./report-comments";

/** Every competency in detail: its indicators' figures and its comments. */
export function CompetencyDetails({ content }: { content: ReportPageView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="competencies-title">
      <h2 id="competencies-title">{t("report.competencies.title")}</h2>
      {content.competencies.map((competency) => (
        <CompetencySection
          key={competency.key}
          competency={competency}
          groups={content.visibleGroups}
          k={content.k}
          commentsShown={content.commentsShown}
        />
      ))}
    </section>
  );
}

function CompetencySection({
  competency,
  groups,
  k,
  commentsShown,
}: {
  competency: CompetencyView;
  groups: OtherGroup[];
  k: number;
  commentsShown: boolean;
}) {
  const { t, locale } = useTranslation();
  const headingId = `competentie-${competency.key}`;
  const row = (label: string, figures: UnitView, isCompetency: boolean) => (
    <tr className={isCompetency ? "row--total" : undefined}>
      <th scope="row">{label}</th>
      <td className="numeric">{scoreOrNotShown(figures.self, locale, t)}</td>
      <td className="numeric">{scoreOrNotShown(figures.others, locale, t)}</td>
      {groups.map((group) => (
        <td key={group} className="numeric">
          {scoreOrNotShown(figures.groups[group], locale, t)}
        </td>
      ))}
      {/* Counts only where the others' figure is shown (the view holds them only there):
          otherwise they would tell which items a single rater could not judge. */}
      <td className="numeric">{figures.n ?? t("report.notShown")}</td>
      <td className="numeric">
        {isCompetency ? "" : (figures.notApplicable ?? t("report.notShown"))}
      </td>
      <td>
        {figures.agreement !== null ? t(AGREEMENT_LABEL[figures.agreement]) : t("report.notShown")}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby={headingId} className="report-competency">
      <h3 id={headingId}>
        {competency.name}
        {competency.organisationWide ? (
          <span className="badge badge--org">{t("report.radar.orgWide")}</span>
        ) : null}
      </h3>
      <p className="muted">{competency.clusterName}</p>
      {competency.description ? <p>{competency.description}</p> : null}
      {competency.withheld ? <p className="hint">{t("report.competency.withheld")}</p> : null}
      <TableScroll label={competency.name}>
        <table className="data-table data-table--compact">
          <thead>
            <NumericHeadRow
              label={t("report.table.indicator")}
              numeric={[
                t("report.series.self"),
                t("report.series.others"),
                ...groups.map((group) => t(relationshipGroupLabel[group])),
                t("report.table.n"),
                t("report.table.notApplicable"),
              ]}
            >
              <th scope="col">{t("report.table.agreement")}</th>
            </NumericHeadRow>
          </thead>
          <tbody>
            {competency.indicators.map((indicator) => (
              <Fragment key={indicator.key}>
                {row(indicator.text, indicator.figures, false)}
              </Fragment>
            ))}
            {row(competency.name, competency.figures, true)}
          </tbody>
        </table>
      </TableScroll>
      <h4>{t("report.comments.title")}</h4>
      <Comments comments={competency.comments} k={k} shown={commentsShown} />
    </section>
  );
}
