// The content of an individual report, built once at release from the engine's figures and
// stored as JSON. Pure: no database, no clock.
import { createHash } from "node:crypto";
import type { Relationship } from "#db/schema";
import type { GeneralQuestion, Questionnaire } from "~/rater/questionnaire";
import {
  computeReportFigures,
  OTHER_GROUPS,
  type EngineSettings,
  type OtherGroup,
  type RaterAnswers,
  type UnitFigures,
} from "./engine/anonymity";

export const REPORT_FORMAT_VERSION = 1;
/** Organisation norm only with this many participants behind it (docs/domain.md). */
export const NORM_MIN_PARTICIPANTS = 5;

/**
 * With threshold k the norm needs k + 1 participants as well: a participant knows their own
 * score, and the norm must not give away the other participants' together when they are
 * fewer than k.
 */
export function normMinParticipants(k: number): number {
  return Math.max(NORM_MIN_PARTICIPANTS, k + 1);
}
const SUMMARY_SIZE = 5;

export interface RaterComment {
  /** Random comment id: sorting by its hash gives a stable order unrelated to who wrote it. */
  id: string;
  raterId: string;
  competencyId: string | null;
  question: string;
  text: string;
}

export interface ShownComment {
  text: string;
  /** The writer's group, only where that group meets the threshold; "self" for the participant. */
  group: Relationship | null;
}

export interface IndicatorRef {
  competencyKey: string;
  indicatorKey: string;
  text: string;
  others: number;
  self: number | null;
}

export interface ReportIndicator {
  id: string;
  key: string;
  text: string;
  figures: UnitFigures;
}

export interface ReportCompetency {
  id: string;
  key: string;
  name: string;
  description: string;
  clusterName: string;
  organisationWide: boolean;
  figures: UnitFigures;
  indicators: ReportIndicator[];
  comments: ShownComment[];
}

export interface ResponseOverviewRow {
  group: Relationship;
  invited: number;
  answered: number;
}

export interface CompetencyTrend {
  competencyKey: string;
  others: number | null;
  self: number | null;
}

export interface ReportContent {
  formatVersion: typeof REPORT_FORMAT_VERSION;
  participantFirstName: string;
  participantName: string;
  cycleName: string;
  language: "nl" | "en";
  scale: { value: number; label: string }[];
  notApplicableLabel: string;
  settings: EngineSettings;
  responseOverview: ResponseOverviewRow[];
  visibleGroups: OtherGroup[];
  competencies: ReportCompetency[];
  generalComments: { question: GeneralQuestion; comments: ShownComment[] }[];
  /** False when fewer than k others answered: then no comments are shown at all. */
  commentsShown: boolean;
  summary: {
    strengths: IndicatorRef[];
    developmentPoints: IndicatorRef[];
    blindSpots: IndicatorRef[];
    hiddenStrengths: IndicatorRef[];
    /** ⅓ of the scale range: the gap that makes a blind spot or hidden strength. */
    gapThreshold: number;
  };
  /**
   * Mean over the cycle's participants of their "all others" score, by competency key: only
   * the competencies of this report (normOfReport), null where none of them has a norm.
   * Reports released before that rule carry every competency of the cycle.
   */
  norm: Record<string, { mean: number; participants: number }> | null;
  /**
   * Competency keys whose norm this participant may not see: with their own score and the
   * ratings they gave other participants of the round, it would give away too much
   * (app/reports/norm-knowledge.ts). Decided at release; reports released before this rule
   * lack it, and have it worked out when read (app/reports/report-access.server.ts).
   */
  normWithheld?: string[];
  trend: { cycleName: string; competencies: CompetencyTrend[] } | null;
  /**
   * What the participant's manager of that round sees once the report is shared: the same
   * report built without the manager's own answers (which the manager knows, and could
   * otherwise subtract), without the organisation norm and without the trend.
   */
  leadView?: ReportContent | null;
}

export interface ReportInput {
  participantFirstName: string;
  participantName: string;
  cycleName: string;
  /** Seeds the stable comment order. */
  participantId: string;
  questionnaire: Questionnaire;
  settings: EngineSettings;
  raters: RaterAnswers[];
  comments: RaterComment[];
  invited: Partial<Record<Relationship, number>>;
  generalQuestions: readonly GeneralQuestion[];
}

function stableOrder<T extends { id: string }>(items: T[], seed: string): T[] {
  const key = (item: T) => createHash("sha256").update(`${seed}:${item.id}`).digest("hex");
  return items
    .map((item) => ({ item, key: key(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}

/** A participant's report, without the organisation norm and trend (added per cycle). */
export function buildReport(input: ReportInput): ReportContent {
  const { questionnaire, settings, raters } = input;
  const figures = computeReportFigures(
    questionnaire.competencies.map((c) => ({
      id: c.id,
      indicatorIds: c.indicators.map((i) => i.id),
    })),
    raters,
    settings,
  );
  const raterById = new Map(raters.map((rater) => [rater.id, rater]));
  const othersAnswered = raters.filter((rater) => rater.relationship !== "self").length;
  const commentsShown = othersAnswered >= settings.k;
  const answeredIn = (group: OtherGroup) =>
    raters.filter((rater) => rater.relationship === group).length;
  const labelFor = (group: Relationship, visible: (group: OtherGroup) => boolean) =>
    group === "self" || visible(group as OtherGroup) ? group : null;

  const commentsFor = (
    competencyId: string | null,
    question: string,
    visible: (group: OtherGroup) => boolean,
  ): ShownComment[] => {
    const matching = input.comments.filter(
      (comment) => comment.competencyId === competencyId && comment.question === question,
    );
    const groupOf = (comment: RaterComment) => raterById.get(comment.raterId)?.relationship;
    // An unlabelled comment could come from anyone in the groups without a label. When those
    // are fewer than k people (say, only the manager), labels would single its writer out:
    // then no comment here gets a label.
    const unlabelledPool = OTHER_GROUPS.filter((group) => !visible(group)).reduce(
      (sum, group) => sum + answeredIn(group),
      0,
    );
    const hasUnlabelled = matching.some((comment) => {
      const group = groupOf(comment);
      return group !== undefined && group !== "self" && !visible(group);
    });
    const labelsAllowed = !hasUnlabelled || unlabelledPool >= settings.k;
    return stableOrder(matching, input.participantId).flatMap((comment) => {
      const group = groupOf(comment);
      if (!group) return [];
      if (group !== "self" && !commentsShown) return [];
      const label = group === "self" || labelsAllowed ? labelFor(group, visible) : null;
      return [{ text: comment.text, group: label }];
    });
  };

  const competencies: ReportCompetency[] = questionnaire.competencies.map((competency, index) => {
    const computed = figures.competencies[index]!;
    const visibleHere = (group: OtherGroup) => computed.figures.groups[group] !== undefined;
    return {
      id: competency.id,
      key: competency.key,
      name: competency.name,
      description: competency.description,
      clusterName: competency.clusterName,
      organisationWide: competency.organisationWide,
      figures: computed.figures,
      indicators: competency.indicators.map((indicator, i) => ({
        id: indicator.id,
        key: indicator.key,
        text: indicator.text,
        figures: computed.indicators[i]!.figures,
      })),
      comments: commentsFor(competency.id, "competency", visibleHere),
    };
  });

  const generalVisible = (group: OtherGroup) =>
    figures.visibleGroups.includes(group) &&
    (answeredIn(group) >= settings.k || (group === "manager" && settings.managerIdentifiable));
  const generalComments = input.generalQuestions.map((question) => ({
    question,
    comments: commentsFor(null, question, generalVisible),
  }));

  const scaleValues = questionnaire.scale.map((point) => point.value);
  const gapThreshold = (Math.max(...scaleValues) - Math.min(...scaleValues)) / 3;
  const refs: IndicatorRef[] = competencies.flatMap((competency) =>
    competency.indicators.flatMap((indicator) =>
      indicator.figures.others
        ? [
            {
              competencyKey: competency.key,
              indicatorKey: indicator.key,
              text: indicator.text,
              others: indicator.figures.others.mean,
              self: indicator.figures.self,
            },
          ]
        : [],
    ),
  );
  const byOthers = [...refs].sort((a, b) => b.others - a.others);
  const strengths = byOthers.slice(0, SUMMARY_SIZE);
  const developmentPoints = byOthers
    .slice(Math.max(SUMMARY_SIZE, byOthers.length - SUMMARY_SIZE))
    .reverse();
  const epsilon = 1e-9;
  const blindSpots = refs
    .filter((ref) => ref.self !== null && ref.self - ref.others >= gapThreshold - epsilon)
    .sort((a, b) => b.self! - b.others - (a.self! - a.others));
  const hiddenStrengths = refs
    .filter((ref) => ref.self !== null && ref.others - ref.self >= gapThreshold - epsilon)
    .sort((a, b) => b.others - b.self! - (a.others - a.self!));

  const responseOverview: ResponseOverviewRow[] = (["self", ...OTHER_GROUPS] as Relationship[])
    .map((group) => ({
      group,
      invited: input.invited[group] ?? 0,
      answered: raters.filter((rater) => rater.relationship === group).length,
    }))
    .filter((row) => row.invited > 0 || row.answered > 0);

  return {
    formatVersion: REPORT_FORMAT_VERSION,
    participantFirstName: input.participantFirstName,
    participantName: input.participantName,
    cycleName: input.cycleName,
    language: questionnaire.language,
    scale: questionnaire.scale,
    notApplicableLabel: questionnaire.notApplicableLabel,
    settings,
    responseOverview,
    visibleGroups: figures.visibleGroups,
    competencies,
    generalComments,
    commentsShown,
    summary: { strengths, developmentPoints, blindSpots, hiddenStrengths, gapThreshold },
    norm: null,
    trend: null,
  };
}

/**
 * The organisation norm of a cycle: per competency, the mean over participants of their
 * "all others" score, where at least NORM_MIN_PARTICIPANTS participants have one.
 */
export function organisationNorm(
  reports: readonly ReportContent[],
  minParticipants: number = NORM_MIN_PARTICIPANTS,
): ReportContent["norm"] {
  const scores = new Map<string, number[]>();
  for (const report of reports) {
    for (const competency of report.competencies) {
      const others = competency.figures.others;
      if (!others) continue;
      const list = scores.get(competency.key) ?? [];
      list.push(others.mean);
      scores.set(competency.key, list);
    }
  }
  const norm: NonNullable<ReportContent["norm"]> = {};
  for (const [key, values] of scores) {
    if (values.length < minParticipants) continue;
    norm[key] = {
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      participants: values.length,
    };
  }
  return Object.keys(norm).length > 0 ? norm : null;
}

/**
 * The organisation norm as one participant's report carries it: the cycle's norm of the
 * competencies of their own profile version, which is all the report shows. A round whose
 * participants are rated on many profiles has a norm for every competency of all of them
 * (over 40 profiles some 250), and each stored report would carry them all.
 */
export function normOfReport(
  norm: ReportContent["norm"],
  report: Pick<ReportContent, "competencies">,
): ReportContent["norm"] {
  if (!norm) return null;
  const own: NonNullable<ReportContent["norm"]> = {};
  for (const competency of report.competencies) {
    const figure = Object.hasOwn(norm, competency.key) ? norm[competency.key] : undefined;
    if (figure) own[competency.key] = figure;
  }
  return Object.keys(own).length > 0 ? own : null;
}

/** Trend against an earlier released report of the same person: the shared competencies. */
export function trendAgainst(
  current: ReportContent,
  previous: { cycleName: string; content: ReportContent } | null,
): ReportContent["trend"] {
  if (!previous) return null;
  const earlier = new Map(previous.content.competencies.map((c) => [c.key, c]));
  const competencies = current.competencies
    .filter((competency) => earlier.has(competency.key))
    .map((competency) => {
      const before = earlier.get(competency.key)!;
      return {
        competencyKey: competency.key,
        others: before.figures.others?.mean ?? null,
        self: before.figures.self,
      };
    });
  return competencies.length > 0 ? { cycleName: previous.cycleName, competencies } : null;
}

/** The manager's view of a shared report: the report as if the manager had not answered. */
export function buildLeadView(input: ReportInput): ReportContent {
  const raters = input.raters.filter((rater) => rater.relationship !== "manager");
  const kept = new Set(raters.map((rater) => rater.id));
  const invited = { ...input.invited };
  delete invited.manager;
  return {
    ...buildReport({
      ...input,
      raters,
      comments: input.comments.filter((comment) => kept.has(comment.raterId)),
      invited,
    }),
    norm: null,
    trend: null,
    leadView: null,
  };
}
