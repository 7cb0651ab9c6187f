import type { CommentQuestion, Relationship } from "../schema";
import {
  COMPETENCY_COMMENTS,
  GENERAL_COMMENTS,
  MIXED_COMMENTS,
  fillPlaceholders,
  type Topic,
} from "./demo-comments";
import type { Random } from "./random";

// A simple rating model: every participant has a true level per competency; a rater sees it
// with a personal leniency and some noise; self-ratings follow the participant's self-image.

export interface SnapshotCompetency {
  id: string;
  key: string;
  name: string;
  topic: Topic;
  indicators: { id: string; key: string }[];
}

export type SelfImage = "realistic" | "overrates" | "underrates";

export interface PersonLatent {
  selfImage: SelfImage;
  /** True level per competency key, on the 1–5 scale. */
  levels: Map<string, number>;
  /** How the person sees themself, per competency key. */
  selfLevels: Map<string, number>;
}

export interface Rater {
  relationship: Relationship;
  /** A colleague from another team, or a customer: less insight into internal matters. */
  distant: boolean;
  leniency: number;
}

export interface RatedItem {
  indicatorId: string;
  score: number | null;
}

export interface RatedCompetency {
  competency: SnapshotCompetency;
  /** The rater's mean over the items they scored; null when they scored none. */
  mean: number | null;
}

export interface WrittenComment {
  question: CommentQuestion;
  competencyId: string | null;
  text: string;
}

// Some competencies come easier to a municipal workforce than others.
const TOPIC_OFFSET: Record<Topic, number> = {
  klantkennis: -0.05,
  vakkennis: 0.25,
  organisatiekennis: -0.2,
  communiceren: 0,
  klantgericht: 0.1,
  plannen: -0.2,
  accuraat: 0.2,
  incasseringsvermogen: -0.3,
  samenwerken: 0.15,
  overig: 0,
};

const BLIND_SPOT_GAP = 1.6;

export function createLatent(
  random: Random,
  competencies: readonly SnapshotCompetency[],
  teamOffsets: ReadonlyMap<string, number>,
): PersonLatent {
  const overall = random.normal(3.4, 0.35);
  const order = random.shuffle(competencies.map((competency) => competency.key));
  const strengths = new Set(order.slice(0, random.int(1, 2)));
  const developmentPoints = new Set(order.slice(2, 2 + random.int(1, 2)));
  const selfImage: SelfImage = random.chance(0.25)
    ? "overrates"
    : random.chance(0.27)
      ? "underrates"
      : "realistic";

  const levels = new Map<string, number>();
  const selfLevels = new Map<string, number>();
  for (const competency of competencies) {
    let level =
      overall +
      TOPIC_OFFSET[competency.topic] +
      (teamOffsets.get(competency.key) ?? 0) +
      random.normal(0, 0.3);
    if (strengths.has(competency.key)) level += random.normal(0.75, 0.15);
    if (developmentPoints.has(competency.key)) level -= random.normal(0.85, 0.15);
    level = clamp(level, 1.5, 4.85);
    levels.set(competency.key, level);

    let selfLevel = level + random.normal(0.15, 0.25);
    if (selfImage === "overrates") {
      selfLevel = developmentPoints.has(competency.key)
        ? level + BLIND_SPOT_GAP + random.next() * 0.4
        : level + random.normal(0.5, 0.2);
    } else if (selfImage === "underrates") {
      selfLevel = strengths.has(competency.key)
        ? level - BLIND_SPOT_GAP - random.next() * 0.4
        : level - random.normal(0.45, 0.2);
    }
    selfLevels.set(competency.key, clamp(selfLevel, 1.2, 5));
  }
  return { selfImage, levels, selfLevels };
}

/** Half a year later: most people grew a little, most on what they were working on. */
export function growLatent(random: Random, latent: PersonLatent): PersonLatent {
  const levels = new Map<string, number>();
  const selfLevels = new Map<string, number>();
  for (const [key, level] of latent.levels) {
    const growth = random.normal(level < 3 ? 0.3 : 0.08, 0.15);
    levels.set(key, clamp(level + growth, 1.5, 4.9));
    selfLevels.set(key, clamp((latent.selfLevels.get(key) ?? level) + growth / 2, 1.2, 5));
  }
  return { ...latent, levels, selfLevels };
}

/** The same person a year earlier: a little less grown, self-image moving less. */
export function earlierLatent(random: Random, latent: PersonLatent): PersonLatent {
  const levels = new Map<string, number>();
  const selfLevels = new Map<string, number>();
  for (const [key, level] of latent.levels) {
    const growth = random.normal(level < 3 ? 0.3 : 0.1, 0.2);
    levels.set(key, clamp(level - growth, 1.3, 4.8));
    selfLevels.set(key, clamp((latent.selfLevels.get(key) ?? level) - growth / 2, 1.2, 5));
  }
  return { ...latent, levels, selfLevels };
}

/** Per indicator, a small offset: some behaviours are simply shown more often than others. */
export function createItemOffsets(
  random: Random,
  competencies: readonly SnapshotCompetency[],
): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const competency of competencies) {
    for (const indicator of competency.indicators)
      offsets.set(indicator.key, random.normal(0, 0.2));
  }
  return offsets;
}

export function rateCompetencies(
  random: Random,
  competencies: readonly SnapshotCompetency[],
  latent: PersonLatent,
  rater: Rater,
  itemOffsets: ReadonlyMap<string, number>,
): { items: RatedItem[]; competencies: RatedCompetency[] } {
  const isSelf = rater.relationship === "self";
  const items: RatedItem[] = [];
  const rated: RatedCompetency[] = [];
  for (const competency of competencies) {
    const base = isSelf
      ? (latent.selfLevels.get(competency.key) ?? 3)
      : (latent.levels.get(competency.key) ?? 3) + random.normal(0, 0.3);
    const skipsCompetency = random.chance(competencySkipChance(rater, competency.topic));
    const scores: number[] = [];
    for (const indicator of competency.indicators) {
      let score: number | null = null;
      if (!skipsCompetency && !random.chance(itemSkipChance(rater, competency.topic))) {
        const raw =
          base +
          (itemOffsets.get(indicator.key) ?? 0) +
          rater.leniency +
          random.normal(0, isSelf ? 0.4 : 0.55);
        score = clamp(Math.round(raw), 1, 5);
        scores.push(score);
      }
      items.push({ indicatorId: indicator.id, score });
    }
    rated.push({ competency, mean: scores.length ? average(scores) : null });
  }
  return { items, competencies: rated };
}

/** "Kan ik niet beoordelen" for a whole competency: e.g. a customer on internal knowledge. */
function competencySkipChance(rater: Rater, topic: Topic): number {
  if (rater.relationship === "customer") {
    if (topic === "organisatiekennis") return 0.5;
    if (topic === "plannen" || topic === "samenwerken" || topic === "incasseringsvermogen") {
      return 0.12;
    }
    return 0.03;
  }
  if (rater.relationship === "colleague" && rater.distant) {
    return topic === "klantkennis" || topic === "accuraat" ? 0.12 : 0.05;
  }
  return 0;
}

function itemSkipChance(rater: Rater, topic: Topic): number {
  switch (rater.relationship) {
    case "self":
      return 0.005;
    case "manager":
      return 0.03;
    case "customer":
      return topic === "organisatiekennis" ? 0.3 : 0.1;
    default:
      return rater.distant ? 0.13 : 0.06;
  }
}

type GeneralVoice = keyof typeof GENERAL_COMMENTS;

const COMMENT_HABITS: Record<
  Exclude<Relationship, "self">,
  { competency: number; maxCompetency: number; wentWell: number; couldImprove: number }
> = {
  manager: { competency: 0.8, maxCompetency: 3, wentWell: 0.85, couldImprove: 0.8 },
  colleague: { competency: 0.45, maxCompetency: 2, wentWell: 0.55, couldImprove: 0.45 },
  customer: { competency: 0.35, maxCompetency: 1, wentWell: 0.5, couldImprove: 0.4 },
  report: { competency: 0.4, maxCompetency: 2, wentWell: 0.5, couldImprove: 0.45 },
};

/**
 * Comments that fit the scores: praise where this rater scored high, a suggestion where low.
 * `used` holds the texts already given to this participant, so a report never repeats itself.
 */
export function writeComments(
  random: Random,
  relationship: Relationship,
  ratedCompetencies: readonly RatedCompetency[],
  firstName: string,
  used: Set<string>,
): WrittenComment[] {
  const comments: WrittenComment[] = [];
  const add = (
    question: CommentQuestion,
    pool: readonly string[],
    competency?: SnapshotCompetency,
  ) => {
    const fresh = pool
      .map((template) => fillPlaceholders(template, firstName, competency?.name))
      .filter((text) => !used.has(text));
    if (fresh.length === 0) return;
    const text = random.pick(fresh);
    used.add(text);
    comments.push({ question, competencyId: competency?.id ?? null, text });
  };

  if (relationship === "self") {
    if (random.chance(0.55)) add("went_well", GENERAL_COMMENTS.self.went_well);
    if (random.chance(0.5)) add("could_improve", GENERAL_COMMENTS.self.could_improve);
    return comments;
  }

  const habits = COMMENT_HABITS[relationship];
  const voice: GeneralVoice = relationship === "customer" ? "customer" : "colleague";
  const scored = ratedCompetencies.filter(
    (rated): rated is RatedCompetency & { mean: number } => rated.mean !== null,
  );
  const byMean = [...scored].sort((a, b) => b.mean - a.mean);

  if (random.chance(habits.competency)) {
    // The most outspoken scores are what a rater is most likely to explain.
    const outspoken = [...scored]
      .sort((a, b) => Math.abs(b.mean - 3.4) - Math.abs(a.mean - 3.4))
      .slice(0, 4);
    const chosen = random.shuffle(outspoken).slice(0, random.int(1, habits.maxCompetency));
    for (const { competency, mean } of chosen) {
      const pools = COMPETENCY_COMMENTS[competency.topic];
      const pool =
        mean >= 3.75 ? pools.positive : mean <= 2.9 ? pools.constructive : MIXED_COMMENTS;
      add("competency", pool, competency);
    }
  }

  const best = byMean[0];
  const worst = byMean[byMean.length - 1];
  if (random.chance(habits.wentWell)) {
    const specific = best && best.mean >= 3.75 && random.chance(0.5);
    add(
      "went_well",
      specific
        ? COMPETENCY_COMMENTS[best.competency.topic].positive
        : GENERAL_COMMENTS[voice].went_well,
      specific ? best.competency : undefined,
    );
  }
  if (random.chance(habits.couldImprove)) {
    const specific = worst && worst.mean < 3.4 && random.chance(0.6);
    add(
      "could_improve",
      specific
        ? COMPETENCY_COMMENTS[worst.competency.topic].constructive
        : GENERAL_COMMENTS[voice].could_improve,
      specific ? worst.competency : undefined,
    );
  }
  // General answers are not about one competency, even when inspired by one.
  return comments.map((comment) =>
    comment.question === "competency" ? comment : { ...comment, competencyId: null },
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
