import type { DB } from "#db/database";
import { figuresOf, loadCycleFigureInputs } from "./cycle-figures.server";

const TEAM_VIEW_ACTIONS = [
  "team_profile_viewed",
  "team_profile_exported",
  "team_comparison_viewed",
  "team_comparison_exported",
] as const;

/**
 * Whether sharing this report with the participant's manager would let that manager work out
 * colleagues' results: the manager has already seen a team figure of this cycle which, with
 * this report known, leaves fewer than k unknown members behind it; or the organisation norm,
 * which the manager has seen on a team page or in their own report, would with this report
 * known leave 1..k − 1 unknown members of the whole cycle. (Sharing first and looking later is
 * safe: the team profile then withholds that figure, or the norm.)
 */
export async function sharingWouldExposeColleague(db: DB, participantId: string): Promise<boolean> {
  const participant = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select(["participant.cycle_id", "participant.manager_person_id", "cycle.status"])
    .where("participant.id", "=", participantId)
    .executeTakeFirst();
  if (!participant?.manager_person_id || participant.status !== "released") return false;
  const managerId = participant.manager_person_id;

  const [views, ownParticipation] = await Promise.all([
    db
      .selectFrom("audit_log")
      .select("details")
      .where("actor_person_id", "=", managerId)
      .where("action", "in", [...TEAM_VIEW_ACTIONS])
      .execute(),
    db
      .selectFrom("participant")
      .select("id")
      .where("cycle_id", "=", participant.cycle_id)
      .where("person_id", "=", managerId)
      .executeTakeFirst(),
  ]);
  const seenTeams = new Set<string>();
  let sawCycle = false;
  for (const view of views) {
    const details = parseViewDetails(view.details);
    if (details.cycleIds.includes(participant.cycle_id)) {
      sawCycle = true;
      for (const teamId of details.teamIds) seenTeams.add(teamId);
    }
  }
  // The organisation norm is on every team page and comparison of the cycle, and in the
  // manager's own report when they took part.
  const sawNorm = sawCycle || ownParticipation !== undefined;
  if (seenTeams.size === 0 && !sawNorm) return false;
  const inputs = await loadCycleFigureInputs(db, participant.cycle_id, managerId, {
    alsoRead: [participantId],
  });
  // Reports still being written (release in progress): no team page has shown this cycle
  // yet, but the manager's own report may show the norm already. Until every report is
  // there the figures cannot be worked out, so sharing waits (refused, never a 500).
  if (!inputs?.knowledgeIfAlsoRead) return true;

  // After the share the manager knows what its lead view shows (per competency, with their
  // own answers), as the team pages would then count it.
  const before = figuresOf(inputs);
  const after = figuresOf(inputs, inputs.knowledgeIfAlsoRead);
  if (sawNorm) {
    // The norm seen so far would, with this report known, give away the rest of the cycle.
    for (const key of Object.keys(before.norm)) {
      if (!after.norm[key]) return true;
    }
  }
  for (const teamId of seenTeams) {
    const was = before.teams.get(teamId);
    const will = after.teams.get(teamId);
    if (!was || !will) continue;
    for (const [key, figure] of Object.entries(was.competencies)) {
      if (figure.shown && !will.competencies[key]?.shown) return true;
    }
  }
  return false;
}

function parseViewDetails(details: string | null): { cycleIds: string[]; teamIds: string[] } {
  if (!details) return { cycleIds: [], teamIds: [] };
  try {
    const parsed = JSON.parse(details) as { cycleIds?: unknown; teamIds?: unknown };
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
    return { cycleIds: strings(parsed.cycleIds), teamIds: strings(parsed.teamIds) };
  } catch {
    return { cycleIds: [], teamIds: [] };
  }
}
