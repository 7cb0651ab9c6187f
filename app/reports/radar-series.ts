import type { Translate } from "~/i18n/messages";
import { relationshipGroupLabel } from "~/i18n/labels";
import type { RadarSeries } from "./components/competency-radar";
import type { CompetencyView, ReportPageView } from "./report-view";

// Which series the report's radar and table show: the others and the participant always, and
// the groups, the norm and the previous round when the reader ticks them (?reeks=…). Pure.

export const OPTIONAL_SERIES = [
  "manager",
  "colleague",
  "customer",
  "report",
  "norm",
  "previous",
] as const;
export type OptionalSeries = (typeof OPTIONAL_SERIES)[number];

/** The optional series asked for in the address, in the page's own order. */
export function chosenSeries(requested: readonly string[]): OptionalSeries[] {
  return OPTIONAL_SERIES.filter((series) => requested.includes(series));
}

/** A competency's name on an axis or a row; "*" marks an organisation-wide competency. */
export function competencyAxisName(competency: CompetencyView): string {
  return competency.organisationWide ? `${competency.name} *` : competency.name;
}

/** The series of the radar and its table: one value per competency, in the report's order. */
export function radarSeries(
  content: ReportPageView,
  chosen: readonly OptionalSeries[],
  t: Translate,
): RadarSeries[] {
  const groupsShown = content.visibleGroups.filter((group) => chosen.includes(group));
  const normMeans = chosen.includes("norm") ? content.norm?.means : null;
  const showPrevious = content.trend !== null && chosen.includes("previous");
  const trendByKey = new Map(content.trend?.competencies.map((c) => [c.key, c]) ?? []);
  return [
    {
      key: "others",
      label: t("report.series.others"),
      values: content.competencies.map((c) => c.figures.others),
    },
    {
      key: "self",
      label: t("report.series.self"),
      values: content.competencies.map((c) => c.figures.self),
    },
    ...groupsShown.map((group) => ({
      key: group,
      label: t(relationshipGroupLabel[group]),
      values: content.competencies.map((c) => c.figures.groups[group] ?? null),
    })),
    ...(normMeans
      ? [
          {
            key: "norm",
            label: t("report.series.norm"),
            values: content.competencies.map((c) => normMeans[c.key] ?? null),
          },
        ]
      : []),
    ...(showPrevious && content.trend
      ? [
          {
            key: "previous",
            label: t("report.series.previous", { cycle: content.trend.cycleName }),
            values: content.competencies.map((c) => trendByKey.get(c.key)?.before ?? null),
          },
        ]
      : []),
  ];
}
