import type { DB } from "#db/database";
import type { CurrentUser } from "~/auth/guards.server";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import { normMinParticipants } from "~/reports/report-content";
import {
  computeTeamFigures,
  type CycleTeamFigures,
  type MemberScores,
} from "./engine/team-figures";

export interface ProfileCompetency {
  key: string;
  name: string;
  clusterName: string;
  organisationWide: boolean;
}

export interface ReleasedCycle {
  id: string;
  name: string;
  releasedAt: string;
  k: number;
  profileKey: string;
  leadAccess: string;
  organisationId: string;
}

function releasedCycles(db: DB) {
  return (
    db
      .selectFrom("cycle")
      .select([
        "cycle.id",
        "cycle.name",
        "cycle.released_at",
        "cycle.min_group_size",
        "cycle.profile_key",
        "cycle.lead_access",
        "cycle.organisation_id",
      ])
      .where("cycle.status", "=", "released")
      .where("cycle.released_at", "is not", null)
      .where("cycle.profile_snapshot_id", "is not", null)
      // Only once every report is written: figures over a half-written release would change
      // later, and two versions of a team figure give away the members added in between.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("participant")
              .leftJoin("report", "report.participant_id", "participant.id")
              .select("participant.id")
              .whereRef("participant.cycle_id", "=", "cycle.id")
              .where("report.id", "is", null),
          ),
        ),
      )
      .orderBy("cycle.released_at", "desc")
      .orderBy("cycle.id")
  );
}

function toReleasedCycle(row: {
  id: string;
  name: string;
  released_at: string | null;
  min_group_size: number;
  profile_key: string;
  lead_access: string;
  organisation_id: string;
}): ReleasedCycle {
  return {
    id: row.id,
    name: row.name,
    releasedAt: row.released_at ?? "",
    k: row.min_group_size,
    profileKey: row.profile_key,
    leadAccess: row.lead_access,
    organisationId: row.organisation_id,
  };
}

/** Released cycles in which the team (or a team below it) had members, newest first. */
export async function releasedCyclesOfTeam(db: DB, teamId: string): Promise<ReleasedCycle[]> {
  const rows = await releasedCycles(db)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("participant_team")
          .select("participant_team.cycle_id")
          .whereRef("participant_team.cycle_id", "=", "cycle.id")
          .where("participant_team.team_id", "=", teamId),
      ),
    )
    .execute();
  return rows.map(toReleasedCycle);
}

export async function releasedCyclesOfOrganisation(
  db: DB,
  organisationId: string,
): Promise<ReleasedCycle[]> {
  const rows = await releasedCycles(db)
    .where("cycle.organisation_id", "=", organisationId)
    .execute();
  return rows.map(toReleasedCycle);
}

/**
 * Participants of the cycle whose individual scores the viewer knows: their own participation,
 * reports shared with them now, and reports or member results they read as lead before (a
 * withdrawn consent does not make them forget).
 */
export async function knownParticipantIds(
  db: DB,
  viewerPersonId: string,
  cycleId: string,
): Promise<Set<string>> {
  const [ownAndShared, viewed] = await Promise.all([
    db
      .selectFrom("participant")
      .innerJoin("cycle", "cycle.id", "participant.cycle_id")
      .select("participant.id")
      .where("participant.cycle_id", "=", cycleId)
      .where((eb) =>
        eb.or([
          eb("participant.person_id", "=", viewerPersonId),
          eb.and([
            eb("participant.manager_person_id", "=", viewerPersonId),
            eb("participant.shared_with_lead_at", "is not", null),
            eb("cycle.lead_access", "=", "with_consent"),
          ]),
        ]),
      )
      .execute(),
    db
      .selectFrom("audit_log")
      .select("details")
      .where("actor_person_id", "=", viewerPersonId)
      .where("action", "in", ["report_viewed_by_lead", "team_member_results_viewed"])
      .execute(),
  ]);
  const known = new Set(ownAndShared.map((row) => row.id));
  const mentioned = new Set<string>();
  for (const row of viewed) {
    for (const id of participantIdsIn(row.details)) mentioned.add(id);
  }
  if (mentioned.size > 0) {
    const inCycle = await db
      .selectFrom("participant")
      .select("id")
      .where("cycle_id", "=", cycleId)
      .where("id", "in", [...mentioned])
      .execute();
    for (const row of inCycle) known.add(row.id);
  }
  return known;
}

function participantIdsIn(details: string | null): string[] {
  if (!details) return [];
  try {
    const parsed = JSON.parse(details) as { participantId?: unknown; participantIds?: unknown };
    const ids: unknown[] = [
      parsed.participantId,
      ...(Array.isArray(parsed.participantIds) ? parsed.participantIds : []),
    ];
    return ids.filter((id): id is string => typeof id === "string");
  } catch {
    return [];
  }
}

export async function loadReleasedCycle(db: DB, cycleId: string): Promise<ReleasedCycle | null> {
  const row = await releasedCycles(db).where("cycle.id", "=", cycleId).executeTakeFirst();
  return row ? toReleasedCycle(row) : null;
}

export interface CycleProfile {
  /** In profile order. */
  competencies: ProfileCompetency[];
  /** The range of the rating scale (a radar's axis). */
  scale: { min: number; max: number };
}

/** The competencies and the rating scale of the cycle's frozen profile. */
export async function loadCycleProfile(db: DB, cycleId: string): Promise<CycleProfile> {
  const cycle = await db
    .selectFrom("cycle")
    .select("profile_snapshot_id")
    .where("id", "=", cycleId)
    .executeTakeFirstOrThrow();
  if (!cycle.profile_snapshot_id) return { competencies: [], scale: { min: 1, max: 5 } };
  const questionnaire = await readQuestionnaire(db, cycle.profile_snapshot_id);
  const values = questionnaire.scale.map((point) => point.value);
  return {
    competencies: questionnaire.competencies.map((competency) => ({
      key: competency.key,
      name: competency.name,
      clusterName: competency.clusterName,
      organisationWide: competency.organisationWide,
    })),
    scale:
      values.length > 0
        ? { min: Math.min(...values), max: Math.max(...values) }
        : { min: 1, max: 5 },
  };
}

/** Every participant of the cycle with their frozen team path and competency scores. */
export async function loadCycleMembers(db: DB, cycleId: string): Promise<MemberScores[]> {
  const [participants, teams, scores] = await Promise.all([
    db.selectFrom("participant").select("id").where("cycle_id", "=", cycleId).execute(),
    db
      .selectFrom("participant_team")
      .select(["participant_id", "team_id", "depth"])
      .where("cycle_id", "=", cycleId)
      .orderBy("participant_id")
      .orderBy("depth")
      .execute(),
    db
      .selectFrom("competency_score")
      .select(["participant_id", "competency_key", "others_mean"])
      .where("cycle_id", "=", cycleId)
      .execute(),
  ]);
  const paths = new Map<string, string[]>();
  for (const row of teams) {
    const path = paths.get(row.participant_id) ?? [];
    path.push(row.team_id);
    paths.set(row.participant_id, path);
  }
  const scoresOf = new Map<string, Record<string, number>>();
  for (const row of scores) {
    const own = scoresOf.get(row.participant_id) ?? {};
    own[row.competency_key] = row.others_mean;
    scoresOf.set(row.participant_id, own);
  }
  return participants.map((participant) => ({
    participantId: participant.id,
    teamPath: paths.get(participant.id) ?? [],
    scores: scoresOf.get(participant.id) ?? {},
  }));
}

/** What a cycle's team figures are computed from, for one viewer. */
export interface CycleFigureInputs {
  cycle: ReleasedCycle;
  profile: CycleProfile;
  members: MemberScores[];
  known: ReadonlySet<string>;
}

/** The inputs of a released cycle's team figures, or null when it is not (fully) released. */
export async function loadCycleFigureInputs(
  db: DB,
  cycleId: string,
  viewerPersonId: string,
): Promise<CycleFigureInputs | null> {
  const cycle = await loadReleasedCycle(db, cycleId);
  if (!cycle) return null;
  const [profile, members, known] = await Promise.all([
    loadCycleProfile(db, cycleId),
    loadCycleMembers(db, cycleId),
    knownParticipantIds(db, viewerPersonId, cycleId),
  ]);
  return { cycle, profile, members, known };
}

/** The engine's figures; `alsoKnown` asks what the viewer would see knowing these members too. */
export function figuresOf(
  inputs: CycleFigureInputs,
  alsoKnown: readonly string[] = [],
): CycleTeamFigures {
  const { cycle, profile, members, known } = inputs;
  return computeTeamFigures({
    competencyKeys: profile.competencies.map((competency) => competency.key),
    members,
    k: cycle.k,
    knownParticipantIds: alsoKnown.length > 0 ? new Set([...known, ...alsoKnown]) : known,
    normMinParticipants: normMinParticipants(cycle.k),
    withholdExposedNorm: true,
  });
}

/** Every team figure of a released cycle as this viewer may see it (thresholds applied). */
export async function loadCycleFigures(
  db: DB,
  cycleId: string,
  viewerPersonId: string,
): Promise<{
  cycle: ReleasedCycle;
  competencies: ProfileCompetency[];
  scale: CycleProfile["scale"];
  figures: CycleTeamFigures;
}> {
  const inputs = await loadCycleFigureInputs(db, cycleId, viewerPersonId);
  if (!inputs) throw new Error(`Ronde ${cycleId} is niet vrijgegeven`);
  return {
    cycle: inputs.cycle,
    competencies: inputs.profile.competencies,
    scale: inputs.profile.scale,
    figures: figuresOf(inputs),
  };
}

export interface SelectableTeam {
  id: string;
  name: string;
  parentName: string | null;
}

/** Teams a user may pick: HR every team of the organisation, a lead the teams they see. */
export async function selectableTeams(db: DB, user: CurrentUser): Promise<SelectableTeam[]> {
  if (!user.isHrAdmin && user.visibleTeamIds.length === 0) return [];
  let query = db
    .selectFrom("team")
    .leftJoin("team as parent", "parent.id", "team.parent_team_id")
    .select(["team.id", "team.name", "parent.name as parent_name"])
    .where("team.organisation_id", "=", user.organisationId);
  if (!user.isHrAdmin) query = query.where("team.id", "in", user.visibleTeamIds);
  const rows = await query.execute();
  const collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });
  return rows
    .map((row) => ({ id: row.id, name: row.name, parentName: row.parent_name }))
    .sort(
      (a, b) =>
        collator.compare(a.parentName ?? a.name, b.parentName ?? b.name) ||
        (a.parentName === null ? -1 : 0) - (b.parentName === null ? -1 : 0) ||
        collator.compare(a.name, b.name),
    );
}
