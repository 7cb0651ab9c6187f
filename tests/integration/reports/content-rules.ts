// Checks a stored report against the raw answers it was built from, recomputing every figure
// independently of the engine (docs/anonymity.md).
import { expect } from "vitest";
import type { DB } from "#db/database";
import type { Relationship } from "#db/schema";
import type { Questionnaire } from "~/rater/questionnaire";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import type { OtherGroup, UnitFigures } from "~/reports/engine/anonymity";
import type { ReportContent, ShownComment } from "~/reports/report-content";
import { contentOf, reportRows, type ReportRow } from "./helpers";
import { releasedCycles, type CycleRow } from "../../support/demo-cast";

export const GROUPS: readonly OtherGroup[] = ["manager", "colleague", "customer", "report"];
const ALL_RELATIONSHIPS: readonly Relationship[] = ["self", ...GROUPS];
const DIGITS = 10;
const EPSILON = 1e-9;

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  const average = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - average) ** 2)));
}

interface RawResponse {
  id: string;
  relationship: Relationship;
  ratings: Map<string, number | null>;
  comments: { id: string; question: string; competency_id: string | null; text: string }[];
}

export interface RawCycle {
  cycle: CycleRow;
  /** Per participant id: the questionnaire of the profile they are rated on. */
  questionnaires: Map<string, Questionnaire>;
  /** Per participant id. */
  responses: Map<string, RawResponse[]>;
  /** Per participant id: every invitation (withdrawn ones too) per relationship. */
  invited: Map<string, Map<Relationship, number>>;
  personOf: Map<string, string>;
}

/** Everything raters gave in the cycle, straight from the tables. */
export async function loadRawCycle(db: DB, cycle: CycleRow): Promise<RawCycle> {
  const responses = await db
    .selectFrom("response")
    .select(["id", "participant_id", "relationship"])
    .where("cycle_id", "=", cycle.id)
    .execute();
  const ratings = await db
    .selectFrom("rating")
    .innerJoin("response", "response.id", "rating.response_id")
    .select(["rating.response_id", "rating.indicator_id", "rating.score"])
    .where("response.cycle_id", "=", cycle.id)
    .execute();
  const comments = await db
    .selectFrom("comment")
    .innerJoin("response", "response.id", "comment.response_id")
    .select([
      "comment.id",
      "comment.response_id",
      "comment.question",
      "comment.competency_id",
      "comment.text",
    ])
    .where("response.cycle_id", "=", cycle.id)
    .execute();
  const invitations = await db
    .selectFrom("invitation")
    .select(["participant_id", "relationship"])
    .where("cycle_id", "=", cycle.id)
    .execute();
  const participants = await db
    .selectFrom("participant")
    .select(["id", "person_id", "profile_snapshot_id"])
    .where("cycle_id", "=", cycle.id)
    .execute();
  // Each participant is rated on their own profile's version, the round's where they have none.
  const bySnapshot = new Map<string, Questionnaire>();
  const questionnaires = new Map<string, Questionnaire>();
  for (const participant of participants) {
    const snapshotId = participant.profile_snapshot_id ?? cycle.profile_snapshot_id!;
    if (!bySnapshot.has(snapshotId)) {
      bySnapshot.set(snapshotId, await readQuestionnaire(db, snapshotId));
    }
    questionnaires.set(participant.id, bySnapshot.get(snapshotId)!);
  }

  const byId = new Map<string, RawResponse>();
  const perParticipant = new Map<string, RawResponse[]>();
  for (const response of responses) {
    const raw: RawResponse = {
      id: response.id,
      relationship: response.relationship,
      ratings: new Map(),
      comments: [],
    };
    byId.set(response.id, raw);
    perParticipant.set(response.participant_id, [
      ...(perParticipant.get(response.participant_id) ?? []),
      raw,
    ]);
  }
  for (const rating of ratings)
    byId.get(rating.response_id)!.ratings.set(rating.indicator_id, rating.score);
  for (const comment of comments) byId.get(comment.response_id)!.comments.push(comment);
  const invited = new Map<string, Map<Relationship, number>>();
  for (const invitation of invitations) {
    const counts = invited.get(invitation.participant_id) ?? new Map<Relationship, number>();
    counts.set(invitation.relationship, (counts.get(invitation.relationship) ?? 0) + 1);
    invited.set(invitation.participant_id, counts);
  }
  return {
    cycle,
    questionnaires,
    responses: perParticipant,
    invited,
    personOf: new Map(participants.map((p) => [p.id, p.person_id])),
  };
}

type ScoreOf = (response: RawResponse) => number | null;

/** What one unit (a competency or an indicator) may show, recomputed from the answers. */
function checkUnit(
  figures: UnitFigures,
  raters: readonly RawResponse[],
  scoreOf: ScoreOf,
  settings: { k: number; managerIdentifiable: boolean },
  indicatorId: string | null,
  where: string,
): void {
  const { k, managerIdentifiable } = settings;
  const others = raters.filter((rater) => rater.relationship !== "self");
  const scored = others
    .map((rater) => ({ rater, score: scoreOf(rater) }))
    .filter((entry): entry is { rater: RawResponse; score: number } => entry.score !== null);
  const selfScores = raters
    .filter((rater) => rater.relationship === "self")
    .map(scoreOf)
    .filter((score): score is number => score !== null);

  expect(figures.othersRated, `${where}: othersRated`).toBe(scored.length);
  if (selfScores.length > 0) {
    expect(figures.self, `${where}: self`).toBeCloseTo(mean(selfScores), DIGITS);
  } else {
    expect(figures.self, `${where}: self`).toBeNull();
  }
  expect(figures.notApplicable, `${where}: notApplicable`).toBe(
    indicatorId === null
      ? 0
      : others.filter(
          (rater) => rater.ratings.has(indicatorId) && rater.ratings.get(indicatorId) === null,
        ).length,
  );

  if (figures.others) {
    expect(figures.others.n, `${where}: others n`).toBe(scored.length);
    expect(figures.others.n, `${where}: others n >= k`).toBeGreaterThanOrEqual(k);
    expect(figures.others.mean, `${where}: others mean`).toBeCloseTo(
      mean(scored.map((entry) => entry.score)),
      DIGITS,
    );
    // The spread only with at least max(k, 5) raters (it is not covered by the linear guard).
    if (scored.length >= Math.max(k, 5)) {
      expect(figures.spread, `${where}: spread`).toBeCloseTo(
        standardDeviation(scored.map((entry) => entry.score)),
        DIGITS,
      );
    } else {
      expect(figures.spread, `${where}: spread`).toBeNull();
    }
  } else {
    expect(figures.spread, `${where}: spread without others`).toBeNull();
  }

  let shownInGroups = 0;
  for (const [group, figure] of Object.entries(figures.groups) as [
    OtherGroup,
    UnitFigures["others"],
  ][]) {
    expect(GROUPS, `${where}: group ${group}`).toContain(group);
    const members = scored.filter((entry) => entry.rater.relationship === group);
    expect(figure!.n, `${where}: ${group} n`).toBe(members.length);
    if (!(group === "manager" && managerIdentifiable)) {
      expect(figure!.n, `${where}: ${group} n >= k`).toBeGreaterThanOrEqual(k);
    } else {
      expect(figure!.n, `${where}: ${group} n`).toBeGreaterThanOrEqual(1);
    }
    expect(figure!.mean, `${where}: ${group} mean`).toBeCloseTo(
      mean(members.map((entry) => entry.score)),
      DIGITS,
    );
    shownInGroups += members.length;
  }
  // No differencing: "all others" minus the shown groups must not single out fewer than k
  // protected raters (an identifiable manager is no secret).
  if (figures.others) {
    const identifiableManagersLeft =
      managerIdentifiable && figures.groups.manager === undefined
        ? scored.filter((entry) => entry.rater.relationship === "manager").length
        : 0;
    const rest = figures.others.n - shownInGroups - identifiableManagersLeft;
    expect(rest === 0 || rest >= k, `${where}: others − groups = ${rest}`).toBe(true);
  }
}

function sortedComments(comments: readonly ShownComment[]): string[] {
  return comments.map((comment) => JSON.stringify([comment.text, comment.group])).sort();
}

/** One stored report against the answers of its participant. */
export function checkReport(raw: RawCycle, participantId: string, content: ReportContent): void {
  const where = `report of participant ${participantId}`;
  const settings = {
    k: raw.cycle.min_group_size,
    managerIdentifiable: raw.cycle.manager_identifiable === 1,
  };
  const { k, managerIdentifiable } = settings;
  const raters = raw.responses.get(participantId) ?? [];
  const questionnaire = raw.questionnaires.get(participantId)!;

  expect(content.settings, where).toEqual(settings);
  expect(content.cycleName, where).toBe(raw.cycle.name);
  expect(content.scale, where).toEqual(questionnaire.scale);

  // The response overview: invited (withdrawn ones too) and answered per relationship.
  const invited = raw.invited.get(participantId) ?? new Map<Relationship, number>();
  expect(content.responseOverview, `${where}: response overview`).toEqual(
    ALL_RELATIONSHIPS.map((group) => ({
      group,
      invited: invited.get(group) ?? 0,
      answered: raters.filter((rater) => rater.relationship === group).length,
    })).filter((row) => row.invited > 0 || row.answered > 0),
  );

  // Figures, competency by competency and indicator by indicator.
  expect(
    content.competencies.map((c) => c.id),
    where,
  ).toEqual(questionnaire.competencies.map((c) => c.id));
  questionnaire.competencies.forEach((competency, index) => {
    const stored = content.competencies[index]!;
    const competencyScore: ScoreOf = (rater) => {
      const scores = competency.indicators
        .map((indicator) => rater.ratings.get(indicator.id))
        .filter((score): score is number => typeof score === "number");
      return scores.length > 0 ? mean(scores) : null;
    };
    checkUnit(
      stored.figures,
      raters,
      competencyScore,
      settings,
      null,
      `${where} ${competency.key}`,
    );
    expect(stored.indicators.map((i) => i.id)).toEqual(competency.indicators.map((i) => i.id));
    competency.indicators.forEach((indicator, i) => {
      const indicatorScore: ScoreOf = (rater) => {
        const score = rater.ratings.get(indicator.id);
        return typeof score === "number" ? score : null;
      };
      checkUnit(
        stored.indicators[i]!.figures,
        raters,
        indicatorScore,
        settings,
        indicator.id,
        `${where} ${indicator.key}`,
      );
    });
  });

  const shownGroups = GROUPS.filter((group) =>
    content.competencies.some((competency) => competency.figures.groups[group] !== undefined),
  );
  // visibleGroups: the groups shown as a series for at least one competency.
  expect(content.visibleGroups, `${where}: visibleGroups`).toEqual(shownGroups);

  // Comments: others' only with at least k non-self answers; labels only where allowed.
  const nonSelf = raters.filter((rater) => rater.relationship !== "self").length;
  const commentsShown = nonSelf >= k;
  expect(content.commentsShown, `${where}: commentsShown`).toBe(commentsShown);
  const answeredIn = (group: Relationship) =>
    raters.filter((rater) => rater.relationship === group).length;
  const expectedComments = (
    matches: (comment: RawResponse["comments"][number]) => boolean,
    labelAllowed: (group: OtherGroup) => boolean,
  ): ShownComment[] => {
    // Unlabelled comments must have at least k possible writers; else no labels at all.
    const unlabelledPool = (["manager", "colleague", "customer", "report"] as OtherGroup[])
      .filter((group) => !labelAllowed(group))
      .reduce((sum, group) => sum + answeredIn(group), 0);
    const hasUnlabelled = raters.some(
      (rater) =>
        rater.relationship !== "self" &&
        !labelAllowed(rater.relationship as OtherGroup) &&
        rater.comments.some(matches),
    );
    const labels = !hasUnlabelled || unlabelledPool >= k;
    return raters.flatMap((rater) =>
      rater.comments.filter(matches).flatMap((comment): ShownComment[] => {
        if (rater.relationship === "self") return [{ text: comment.text, group: "self" }];
        if (!commentsShown) return [];
        const group = rater.relationship;
        return [{ text: comment.text, group: labels && labelAllowed(group) ? group : null }];
      }),
    );
  };
  for (const competency of content.competencies) {
    const expected = expectedComments(
      (comment) => comment.question === "competency" && comment.competency_id === competency.id,
      (group) => competency.figures.groups[group] !== undefined,
    );
    expect(sortedComments(competency.comments), `${where} ${competency.key}: comments`).toEqual(
      sortedComments(expected),
    );
    for (const comment of competency.comments) {
      if (comment.group === null || comment.group === "self") continue;
      // A label only where that group's figure is shown for this competency.
      expect(competency.figures.groups[comment.group as OtherGroup], where).toBeDefined();
    }
  }
  const generalLabel = (group: OtherGroup) =>
    shownGroups.includes(group) &&
    (answeredIn(group) >= k || (group === "manager" && managerIdentifiable));
  expect(
    content.generalComments.map((entry) => entry.question),
    where,
  ).toEqual(["went_well", "could_improve"]);
  for (const { question, comments } of content.generalComments) {
    const expected = expectedComments(
      (comment) => comment.question === question && comment.competency_id === null,
      generalLabel,
    );
    expect(sortedComments(comments), `${where} ${question}: comments`).toEqual(
      sortedComments(expected),
    );
    for (const comment of comments) {
      if (comment.group === null || comment.group === "self") continue;
      expect(content.visibleGroups, where).toContain(comment.group);
      if (!(comment.group === "manager" && managerIdentifiable)) {
        expect(answeredIn(comment.group), where).toBeGreaterThanOrEqual(k);
      }
    }
  }
  if (!commentsShown) {
    const all = [
      ...content.competencies.flatMap((competency) => competency.comments),
      ...content.generalComments.flatMap((entry) => entry.comments),
    ];
    expect(
      all.every((comment) => comment.group === "self"),
      where,
    ).toBe(true);
  }

  // Blind spots and hidden strengths: a gap of at least a third of the scale's range.
  const values = content.scale.map((point) => point.value);
  const gap = (Math.max(...values) - Math.min(...values)) / 3;
  expect(content.summary.gapThreshold, where).toBeCloseTo(gap, 12);
  const refs = content.competencies.flatMap((competency) =>
    competency.indicators.flatMap((indicator) =>
      indicator.figures.others
        ? [
            {
              key: `${competency.key}/${indicator.key}`,
              others: indicator.figures.others.mean,
              self: indicator.figures.self,
            },
          ]
        : [],
    ),
  );
  const keyOf = (ref: { competencyKey: string; indicatorKey: string }) =>
    `${ref.competencyKey}/${ref.indicatorKey}`;
  const expectedBlind = refs
    .filter((ref) => ref.self !== null && ref.self - ref.others >= gap - EPSILON)
    .map((ref) => ref.key)
    .sort();
  const expectedHidden = refs
    .filter((ref) => ref.self !== null && ref.others - ref.self >= gap - EPSILON)
    .map((ref) => ref.key)
    .sort();
  expect(content.summary.blindSpots.map(keyOf).sort(), `${where}: blind spots`).toEqual(
    expectedBlind,
  );
  expect(content.summary.hiddenStrengths.map(keyOf).sort(), `${where}: hidden strengths`).toEqual(
    expectedHidden,
  );
  const byKey = new Map(refs.map((ref) => [ref.key, ref]));
  for (const ref of [
    ...content.summary.blindSpots,
    ...content.summary.hiddenStrengths,
    ...content.summary.strengths,
    ...content.summary.developmentPoints,
  ]) {
    const figure = byKey.get(keyOf(ref));
    expect(figure, `${where}: summary ${keyOf(ref)}`).toBeDefined();
    expect(ref.others).toBe(figure!.others);
    expect(ref.self).toBe(figure!.self);
  }
  // Strengths are the highest "others" scores.
  const strengths = content.summary.strengths.map((ref) => ref.others);
  const lowestStrength = Math.min(...strengths);
  const strengthKeys = new Set(content.summary.strengths.map(keyOf));
  for (const ref of refs) {
    if (!strengthKeys.has(ref.key)) expect(ref.others).toBeLessThanOrEqual(lowestStrength);
  }
}

/**
 * Per cycle: the norm is the mean of the participants' stored "others" competency means, per
 * competency over the participants rated on it (their profiles may differ); each report
 * carries it for its own competencies only, null where none of them has one.
 */
export function checkNorm(contents: readonly ReportContent[]): void {
  const first = contents[0];
  if (!first) return;
  const expected: Record<string, { mean: number; participants: number }> = {};
  const keys = new Set(contents.flatMap((content) => content.competencies.map((c) => c.key)));
  for (const key of keys) {
    const values = contents.flatMap((content) => {
      const others = content.competencies.find((c) => c.key === key)?.figures.others;
      return others ? [others.mean] : [];
    });
    if (values.length >= Math.max(5, first.settings.k + 1))
      expected[key] = { mean: mean(values), participants: values.length };
  }
  // One norm per cycle: the same figure in every report that carries it.
  const carried = new Map<string, { mean: number; participants: number }>();
  for (const content of contents) {
    const own = content.competencies.map((c) => c.key).filter((key) => key in expected);
    if (own.length === 0) {
      expect(content.norm).toBeNull();
      continue;
    }
    expect(Object.keys(content.norm ?? {}).sort()).toEqual(own.sort());
    for (const key of own) {
      expect(content.norm![key]!.participants, `norm ${key}`).toBe(expected[key]!.participants);
      expect(content.norm![key]!.mean, `norm ${key}`).toBeCloseTo(expected[key]!.mean, DIGITS);
    }
    for (const key of own) {
      expect(content.norm![key]).toEqual(carried.get(key) ?? content.norm![key]);
      carried.set(key, content.norm![key]!);
    }
  }
}

/** The trend: the person's report of the latest earlier released cycle, as it was stored. */
export function checkTrend(
  content: ReportContent,
  previous: { cycleName: string; content: ReportContent } | null,
): void {
  if (!previous) {
    expect(content.trend).toBeNull();
    return;
  }
  const earlier = new Map(previous.content.competencies.map((c) => [c.key, c]));
  const competencies = content.competencies
    .filter((competency) => earlier.has(competency.key))
    .map((competency) => ({
      competencyKey: competency.key,
      others: earlier.get(competency.key)!.figures.others?.mean ?? null,
      self: earlier.get(competency.key)!.figures.self,
    }));
  expect(content.trend).toEqual(
    competencies.length > 0 ? { cycleName: previous.cycleName, competencies } : null,
  );
}

export interface CheckedCycle {
  cycle: CycleRow;
  raw: RawCycle;
  rows: ReportRow[];
  contents: ReportContent[];
}

/** Every report of every released cycle, checked; returns what was checked. */
export async function checkAllReports(db: DB): Promise<CheckedCycle[]> {
  const cycles = await releasedCycles(db);
  const checked: CheckedCycle[] = [];
  const byPerson = new Map<
    string,
    { released: string; cycleName: string; content: ReportContent }[]
  >();
  for (const cycle of cycles) {
    const raw = await loadRawCycle(db, cycle);
    const rows = await reportRows(db, cycle.id);
    // Every participant of a released cycle has a report.
    expect(rows.map((row) => row.participant_id).sort()).toEqual([...raw.personOf.keys()].sort());
    const contents = rows.map(contentOf);
    rows.forEach((row, index) => {
      const content = contents[index]!;
      checkReport(raw, row.participant_id, content);
      const personId = raw.personOf.get(row.participant_id)!;
      const earlier = (byPerson.get(personId) ?? []).filter(
        (entry) => entry.released < (cycle.released_at ?? ""),
      );
      checkTrend(content, earlier.at(-1) ?? null);
    });
    checkNorm(contents);
    rows.forEach((row, index) => {
      const personId = raw.personOf.get(row.participant_id)!;
      byPerson.set(personId, [
        ...(byPerson.get(personId) ?? []),
        { released: cycle.released_at ?? "", cycleName: cycle.name, content: contents[index]! },
      ]);
    });
    checked.push({ cycle, raw, rows, contents });
  }
  return checked;
}
