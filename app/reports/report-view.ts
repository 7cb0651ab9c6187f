// What the report page sends to one viewer: built on the server from the stored report, for
// that viewer only, at the precision the page shows. Anonymity is judged at the wire: the page
// data is a disclosure even where no component renders it, so nothing goes out that the page
// does not show (docs/anonymity.md, rule 4). Pure: no database.
//
// - The participant's view comes from the stored report without its lead view (the version
//   built without the manager: the two together give away the manager's every rating and
//   comment). The manager's view comes from the lead view only.
// - Every figure is rounded to one decimal as the page shows it; the spread only as the
//   agreement band; counts only where the page shows them; no settings, ids or flags the
//   page does not use.
import type { GeneralQuestion } from "~/rater/questionnaire";
import type { OtherGroup, UnitFigures } from "./engine/anonymity";
import { agreementBand, roundForDisplay, type AgreementBand } from "./format";
import type { ReportContent, ResponseOverviewRow, ShownComment } from "./report-content";

export type ReportViewer = "participant" | "lead";

export interface UnitView {
  self: number | null;
  /** The mean of all others, where shown. */
  others: number | null;
  /** Raters behind "others": only where that figure is shown. */
  n: number | null;
  /** "Kan ik niet beoordelen" answers: indicators only, only where "others" is shown. */
  notApplicable: number | null;
  /** The mean of each group shown for this unit. */
  groups: Partial<Record<OtherGroup, number>>;
  /** How much the others agree, only where the report gives it. */
  agreement: AgreementBand | null;
}

export interface CompetencyView {
  key: string;
  name: string;
  description: string;
  clusterName: string;
  organisationWide: boolean;
  figures: UnitView;
  indicators: { key: string; text: string; figures: UnitView }[];
  /** The guard or the rules kept a figure of this competency back (the page says so). */
  withheld: boolean;
  comments: ShownComment[];
}

export interface SummaryItemView {
  /** competency key / indicator key: a list key, unique within the report. */
  key: string;
  text: string;
  others: number;
  /** Only in the lists that show the participant's own score beside the others'. */
  self?: number;
}

export interface ReportPageView {
  as: ReportViewer;
  participantName: string;
  /** For the manager's notice only ("… heeft deze resultaten met u gedeeld"). */
  participantFirstName: string | null;
  cycleName: string;
  releasedOn: string | null;
  /** The threshold, as the page explains it. */
  k: number;
  scale: { min: number; max: number };
  responseOverview: ResponseOverviewRow[];
  visibleGroups: OtherGroup[];
  competencies: CompetencyView[];
  commentsShown: boolean;
  generalComments: { question: GeneralQuestion; comments: ShownComment[] }[];
  summary: {
    strengths: SummaryItemView[];
    developmentPoints: SummaryItemView[];
    blindSpots: SummaryItemView[];
    hiddenStrengths: SummaryItemView[];
    gapThreshold: number;
  };
  /**
   * The organisation norm, where this viewer may see it: how many participants it rests on,
   * and its figure per competency key only while the page shows them (the norm series is
   * chosen).
   */
  norm: { participants: number; means: Record<string, number> | null } | null;
  /** The norm of some competency is kept from this viewer (the page says why). */
  normWithheld: boolean;
  trend: {
    cycleName: string;
    competencies: { key: string; before: number | null; change: number | null }[];
  } | null;
}

const round = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : roundForDisplay(value);

function unitView(figures: UnitFigures, isIndicator: boolean, scaleRange: number): UnitView {
  const groups: Partial<Record<OtherGroup, number>> = {};
  for (const [group, figure] of Object.entries(figures.groups) as [
    OtherGroup,
    { mean: number },
  ][]) {
    groups[group] = roundForDisplay(figure.mean);
  }
  const othersShown = figures.others !== null;
  return {
    self: round(figures.self),
    others: round(figures.others?.mean),
    n: figures.others?.n ?? null,
    notApplicable: isIndicator && othersShown ? figures.notApplicable : null,
    groups,
    agreement:
      othersShown && figures.spread !== null ? agreementBand(figures.spread, scaleRange) : null,
  };
}

/**
 * The page's data for this viewer, or null when there is nothing for them (a lead without a
 * lead view). `normWithheld`: competency keys whose organisation norm this participant may
 * not see (app/reports/norm-knowledge.ts); `normChosen`: the norm is a series on the chart
 * (only then does the page show its figures).
 */
export function buildReportPageView(input: {
  stored: ReportContent;
  as: ReportViewer;
  releasedOn: string | null;
  normWithheld: readonly string[];
  normChosen: boolean;
}): ReportPageView | null {
  const { stored, as } = input;
  // The lead view and the participant's report never meet in one payload.
  const { leadView, ...own } = stored;
  const content: ReportContent | null | undefined = as === "lead" ? leadView : own;
  if (!content) return null;

  const values = content.scale.map((point) => point.value);
  const scale = { min: Math.min(...values), max: Math.max(...values) };
  const scaleRange = scale.max - scale.min;
  const summaryItem = (
    ref: ReportContent["summary"]["strengths"][number],
    withSelf: boolean,
  ): SummaryItemView => ({
    key: `${ref.competencyKey}/${ref.indicatorKey}`,
    text: ref.text,
    others: roundForDisplay(ref.others),
    ...(withSelf && ref.self !== null ? { self: roundForDisplay(ref.self) } : {}),
  });

  const profileOrder = new Map(
    content.competencies
      .flatMap((competency) =>
        competency.indicators.map((indicator) => `${competency.key}/${indicator.key}`),
      )
      .map((key, index) => [key, index]),
  );
  const shownOrder = (
    items: SummaryItemView[],
    direction: 1 | -1,
    figure: (item: SummaryItemView) => number = (item) => item.others,
  ) =>
    [...items].sort(
      (a, b) =>
        direction * (roundForDisplay(figure(a)) - roundForDisplay(figure(b))) ||
        (profileOrder.get(a.key) ?? 0) - (profileOrder.get(b.key) ?? 0),
    );

  const withheldNorm = new Set(input.normWithheld);
  let someNormWithheld = false;
  const normMeans: Record<string, number> = {};
  let normParticipants = 0;
  for (const competency of content.competencies) {
    const figure = content.norm?.[competency.key];
    if (!figure) continue;
    if (withheldNorm.has(competency.key)) {
      someNormWithheld = true;
      continue;
    }
    normMeans[competency.key] = roundForDisplay(figure.mean);
    normParticipants = Math.max(normParticipants, figure.participants);
  }

  const othersByKey = new Map(
    content.competencies.map((competency) => [competency.key, competency.figures.others?.mean]),
  );

  return {
    as,
    participantName: content.participantName,
    participantFirstName: as === "lead" ? content.participantFirstName : null,
    cycleName: content.cycleName,
    releasedOn: input.releasedOn,
    k: content.settings.k,
    scale,
    responseOverview: content.responseOverview.map((row) => ({
      group: row.group,
      invited: row.invited,
      answered: row.answered,
    })),
    visibleGroups: [...content.visibleGroups],
    competencies: content.competencies.map((competency) => ({
      key: competency.key,
      name: competency.name,
      description: competency.description,
      clusterName: competency.clusterName,
      organisationWide: competency.organisationWide,
      figures: unitView(competency.figures, false, scaleRange),
      indicators: competency.indicators.map((indicator) => ({
        key: indicator.key,
        text: indicator.text,
        figures: unitView(indicator.figures, true, scaleRange),
      })),
      withheld:
        competency.figures.withheld ||
        competency.indicators.some((indicator) => indicator.figures.withheld),
      comments: competency.comments.map(({ text, group }) => ({ text, group })),
    })),
    commentsShown: content.commentsShown,
    generalComments: content.generalComments.map(({ question, comments }) => ({
      question,
      comments: comments.map(({ text, group }) => ({ text, group })),
    })),
    // Ordered by the figures as shown, ties in profile order: the stored order follows the
    // exact means and would tell apart items whose shown figures are equal.
    summary: {
      strengths: shownOrder(
        content.summary.strengths.map((ref) => summaryItem(ref, false)),
        -1,
      ),
      developmentPoints: shownOrder(
        content.summary.developmentPoints.map((ref) => summaryItem(ref, false)),
        1,
      ),
      blindSpots: shownOrder(
        content.summary.blindSpots.map((ref) => summaryItem(ref, true)),
        -1,
        (item) => (item.self ?? 0) - item.others,
      ),
      hiddenStrengths: shownOrder(
        content.summary.hiddenStrengths.map((ref) => summaryItem(ref, true)),
        -1,
        (item) => item.others - (item.self ?? 0),
      ),
      gapThreshold: roundForDisplay(content.summary.gapThreshold),
    },
    norm:
      Object.keys(normMeans).length > 0
        ? { participants: normParticipants, means: input.normChosen ? normMeans : null }
        : null,
    normWithheld: someNormWithheld,
    trend: content.trend
      ? {
          cycleName: content.trend.cycleName,
          competencies: content.trend.competencies.map((entry) => {
            const now = othersByKey.get(entry.competencyKey) ?? null;
            return {
              key: entry.competencyKey,
              before: round(entry.others),
              // The change between the two figures as shown: a change worked out from the
              // exact figures would, next to both rounded ones, narrow down the exact means.
              change:
                entry.others !== null && now !== null
                  ? roundForDisplay(roundForDisplay(now) - roundForDisplay(entry.others))
                  : null,
            };
          }),
        }
      : null,
  };
}
