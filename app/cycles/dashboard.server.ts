import type { DB } from "#db/database";
import type { Cycle, ParticipantNominationStatus, Relationship } from "#db/schema";
import { profileNameOf } from "~/profiles/library.server";
import { settingsFromCycle } from "./cycles.server";
import { loadTransitionFacts } from "./lifecycle.server";
import { listParticipants } from "./participants.server";
import {
  othersProgress,
  RELATIONSHIP_ORDER,
  responseRate,
  thresholdOutlook,
  type GroupProgress,
  type ThresholdOutlook,
} from "./progress";
import { loadCycleGroupProgress } from "./progress.server";
import { allSettingsLocked, mayChangeParticipants } from "./settings-locks";
import {
  checkTransition,
  nextTransition,
  type CycleTransition,
  type TransitionCheck,
  type TransitionFacts,
} from "./transitions";

// What the cycle page shows HR: the next step and the progress, in counts only. Nothing here
// reads who a rater is or which invitation was answered, and no rater is named. While the
// round runs, a group of one (the manager, a single customer) shows no answers at all, and
// no total or outlook depends on them (GroupProgress in progress.ts).

export interface ParticipantProgress {
  id: string;
  name: string;
  teamName: string | null;
  nominationStatus: ParticipantNominationStatus;
  groups: GroupProgress[];
  outlook: ThresholdOutlook;
}

/** A participant at risk, with the totals the page shows only for them. */
export interface AtRiskParticipant {
  id: string;
  name: string;
  /** Answers from everyone but self so far, and at most still possible (othersProgress). */
  othersAnswered: number;
  othersPossible: number;
}

export interface CycleDashboard {
  facts: TransitionFacts;
  next: { transition: CycleTransition; check: TransitionCheck } | null;
  participants: ParticipantProgress[];
  /** While collecting: participants who stay under k even if everyone left answers. */
  atRisk: AtRiskParticipant[];
  responses: { answered: number; invited: number };
  /** After release: how many participants have their report (computed in the background). */
  reports: { computed: number; participants: number } | null;
}

export async function loadCycleProgress(db: DB, cycle: Cycle): Promise<ParticipantProgress[]> {
  const [participants, progress] = await Promise.all([
    listParticipants(db, cycle.id),
    loadCycleGroupProgress(db, cycle),
  ]);
  return participants.map((participant) => {
    const groups = progress.get(participant.id) ?? [];
    return {
      id: participant.id,
      name: participant.name,
      teamName: participant.teamName,
      nominationStatus: participant.nominationStatus,
      groups,
      outlook: thresholdOutlook(groups, cycle.min_group_size),
    };
  });
}

export async function loadCycleDashboard(
  db: DB,
  cycle: Cycle,
  viewerPersonId: string,
  now: Date = new Date(),
): Promise<CycleDashboard> {
  const [facts, participants] = await Promise.all([
    loadTransitionFacts(db, cycle, viewerPersonId, now),
    loadCycleProgress(db, cycle),
  ]);
  const transition = nextTransition(cycle.status);
  return {
    facts,
    next: transition ? { transition, check: checkTransition(transition, facts) } : null,
    participants,
    // Only while answers can still come in: then HR can still act (a late rater, a reminder).
    atRisk:
      cycle.status === "collecting"
        ? participants
            .filter((participant) => participant.outlook === "at_risk")
            .map(({ id, name, groups }) => {
              const others = othersProgress(groups);
              return { id, name, othersAnswered: others.answered, othersPossible: others.possible };
            })
        : [],
    responses: responseRate(participants.flatMap((participant) => participant.groups)),
    reports:
      cycle.status === "released" ? await countReports(db, cycle.id, participants.length) : null,
  };
}

async function countReports(db: DB, cycleId: string, participants: number) {
  const row = await db
    .selectFrom("report")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("cycle_id", "=", cycleId)
    .executeTakeFirstOrThrow();
  return { computed: Number(row.count), participants };
}

/** Everything the cycle page shows: the cycle, its settings, the next step and the progress. */
export async function loadCyclePage(db: DB, cycle: Cycle, viewerPersonId: string) {
  const dashboard = await loadCycleDashboard(db, cycle, viewerPersonId);
  // The direct reports' column only where the cycle asks for them or someone was invited so.
  const reportsAsked =
    cycle.include_reports_group === 1 ||
    dashboard.participants.some((participant) =>
      participant.groups.some((group) => group.relationship === "report"),
    );
  const groups: Relationship[] = RELATIONSHIP_ORDER.filter(
    (group) => group !== "report" || reportsAsked,
  );
  return {
    cycle: {
      id: cycle.id,
      name: cycle.name,
      status: cycle.status,
      thresholdsLocked: cycle.thresholds_locked_at !== null,
    },
    settings: settingsFromCycle(cycle),
    profileName: await profileNameOf(db, cycle.organisation_id, cycle.profile_key),
    settingsEditable: !allSettingsLocked({
      status: cycle.status,
      thresholdsLockedAt: cycle.thresholds_locked_at,
    }),
    participantsEditable: mayChangeParticipants(cycle.status),
    groups,
    dashboard,
  };
}
