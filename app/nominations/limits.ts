import type { Flag, NominationStatus, Relationship } from "#db/schema";

// The limits per rater group of a cycle ("3 to 8 colleagues"), as pure rules: the participant's
// page, the lead's page and the operations that change nominations all judge by these.

/** The groups a participant nominates raters for; self and manager are invited automatically. */
export const NOMINATED_GROUPS = ["colleague", "customer", "report"] as const;
export type NominatedGroup = (typeof NOMINATED_GROUPS)[number];

export function isNominatedGroup(relationship: Relationship): relationship is NominatedGroup {
  return (NOMINATED_GROUPS as readonly string[]).includes(relationship);
}

export interface GroupLimit {
  group: NominatedGroup;
  min: number;
  max: number;
}

/** The columns of a cycle that set the limits. */
export interface CycleLimitSettings {
  colleague_min: number;
  colleague_max: number;
  customer_min: number;
  customer_max: number;
  report_min: number;
  report_max: number;
  include_reports_group: Flag;
}

/**
 * The groups this participant nominates for, with their limits. The group of direct reports
 * counts only when the cycle includes it and the participant leads someone; its minimum is
 * capped at the number of direct reports, since nobody can nominate reports they do not have.
 */
export function limitsFor(cycle: CycleLimitSettings, directReportCount: number): GroupLimit[] {
  const limits: GroupLimit[] = [
    { group: "colleague", min: cycle.colleague_min, max: cycle.colleague_max },
    { group: "customer", min: cycle.customer_min, max: cycle.customer_max },
  ];
  if (cycle.include_reports_group === 1 && directReportCount > 0) {
    limits.push({
      group: "report",
      min: Math.min(cycle.report_min, directReportCount),
      max: cycle.report_max,
    });
  }
  return limits;
}

export function limitOf(limits: readonly GroupLimit[], group: NominatedGroup): GroupLimit | null {
  return limits.find((limit) => limit.group === group) ?? null;
}

export type NominationCounts = Record<NominatedGroup, number>;

/** Nominations that will become invitations: proposed or approved, not removed. */
export function isActiveNomination(status: NominationStatus): boolean {
  return status !== "removed";
}

export function countNominations(
  nominations: readonly { relationship: Relationship; status: NominationStatus }[],
): NominationCounts {
  const counts: NominationCounts = { colleague: 0, customer: 0, report: 0 };
  for (const nomination of nominations) {
    if (isNominatedGroup(nomination.relationship) && isActiveNomination(nomination.status)) {
      counts[nomination.relationship] += 1;
    }
  }
  return counts;
}

export interface LimitProblem {
  group: NominatedGroup;
  kind: "too_few" | "too_many";
  count: number;
  min: number;
  max: number;
}

/** Every group outside its limits, in the order of the limits. */
export function limitProblems(
  limits: readonly GroupLimit[],
  counts: NominationCounts,
): LimitProblem[] {
  const problems: LimitProblem[] = [];
  for (const { group, min, max } of limits) {
    const count = counts[group];
    if (count < min) problems.push({ group, kind: "too_few", count, min, max });
    else if (count > max) problems.push({ group, kind: "too_many", count, min, max });
  }
  return problems;
}

/** Whether one more rater fits in the group: the maximum holds for everyone, lead and HR too. */
export function hasRoomFor(
  limits: readonly GroupLimit[],
  counts: NominationCounts,
  group: NominatedGroup,
): boolean {
  const limit = limitOf(limits, group);
  return limit !== null && counts[group] < limit.max;
}
