import type { DB } from "#db/database";
import type { Cycle, ParticipantNominationStatus } from "#db/schema";
import { loadTransitionFacts } from "./lifecycle.server";
import { listParticipants } from "./participants.server";
import {
  responseRate,
  thresholdOutlook,
  type GroupCounts,
  type ThresholdOutlook,
} from "./progress";
import { loadCycleGroupCounts } from "./progress.server";
import {
  checkTransition,
  nextTransition,
  type CycleTransition,
  type TransitionCheck,
  type TransitionFacts,
} from "./transitions";

// What the cycle page shows HR: the next step and the progress, in counts only. Nothing here
// reads who a rater is or which invitation was answered, and no rater is named (not even the
// manager, whose group is a single known person).

export interface ParticipantProgress {
  id: string;
  name: string;
  teamName: string | null;
  nominationStatus: ParticipantNominationStatus;
  groups: GroupCounts[];
  outlook: ThresholdOutlook;
  /** Answers from everyone but self so far, and at most still possible. */
  othersAnswered: number;
  othersPossible: number;
}

export interface CycleDashboard {
  facts: TransitionFacts;
  next: { transition: CycleTransition; check: TransitionCheck } | null;
  participants: ParticipantProgress[];
  /** While collecting: participants who stay under k even if everyone left answers. */
  atRisk: ParticipantProgress[];
  responses: { answered: number; invited: number };
  /** After release: how many participants have their report (computed in the background). */
  reports: { computed: number; participants: number } | null;
}

export async function loadCycleProgress(db: DB, cycle: Cycle): Promise<ParticipantProgress[]> {
  const [participants, counts] = await Promise.all([
    listParticipants(db, cycle.id),
    loadCycleGroupCounts(db, cycle.id),
  ]);
  return participants.map((participant) => {
    const groups = counts.get(participant.id) ?? [];
    const others = groups.filter((group) => group.relationship !== "self");
    return {
      id: participant.id,
      name: participant.name,
      teamName: participant.teamName,
      nominationStatus: participant.nominationStatus,
      groups,
      outlook: thresholdOutlook(groups, cycle.min_group_size),
      othersAnswered: others.reduce((sum, group) => sum + group.answered, 0),
      othersPossible: others.reduce((sum, group) => sum + group.possible, 0),
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
        ? participants.filter((participant) => participant.outlook === "at_risk")
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
