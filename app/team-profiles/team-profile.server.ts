import type { DB } from "#db/database";
import { recordAudit } from "~/audit/audit-log.server";
import { mayViewTeam, type CurrentUser } from "~/auth/guards.server";
import { REPORT_FORMAT_VERSION, type ReportContent } from "~/reports/report-content";
import {
  loadCycleFigures,
  releasedCyclesOfTeam,
  type CycleKnowledge,
  type ReleasedCycle,
} from "./cycle-figures.server";
import { displayDifference, displayFigure } from "./display";
import type { TeamCompetencyFigure, TeamFigures } from "./engine/team-figures";
import { teamReading, teamTrend } from "./engine/reading";
import type { TeamProfileRow } from "./team-profile-csv";
import type {
  MemberResult,
  NoTeamProfile,
  TeamProfile,
  TeamProfileCycle,
  TeamProfileTeam,
} from "./team-profile-model";
import { fullName } from "~/people/full-name";
import { compareByName, inDutchOrder } from "~/people/dutch-order";

export type * from "./team-profile-model";

// The page model of /teams/<id>/profiel (and its CSV): one team in one released cycle. Every
// team figure comes from loadCycleFigures (the anonymity engine, as this viewer may see it);
// this module picks the team's figures, the norm, the trend and the reading, and never
// computes a team figure itself. Every figure is rounded here to what the page and the CSV
// show (one decimal). Member-level results appear only for the viewer's own members of that
// round who shared their report with them.

async function loadTeam(
  db: DB,
  teamId: string,
): Promise<(TeamProfileTeam & { organisationId: string }) | null> {
  const row = await db
    .selectFrom("team")
    .leftJoin("team as parent", "parent.id", "team.parent_team_id")
    .select([
      "team.id",
      "team.name",
      "team.organisation_id",
      "parent.id as parent_id",
      "parent.name as parent_name",
    ])
    .where("team.id", "=", teamId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisation_id,
    parent: row.parent_id && row.parent_name ? { id: row.parent_id, name: row.parent_name } : null,
  };
}

function toCycle(cycle: ReleasedCycle): TeamProfileCycle {
  return { id: cycle.id, name: cycle.name, releasedAt: cycle.releasedAt, k: cycle.k };
}

/** A team the engine did not see in the cycle: nothing to show. */
function emptyFigures(teamId: string, keys: readonly string[]): TeamFigures {
  return {
    teamId,
    anyShown: false,
    competencies: Object.fromEntries(
      keys.map((key) => [key, { shown: false as const, reason: "too_few" as const }]),
    ),
  };
}

/**
 * The team profile as this user may see it, or null (answer 404): the team is not theirs to
 * view, or `ronde` is not a released cycle of this team. Without `ronde`, the team's newest
 * released cycle; without any, "no profile yet". `memberResults: false` (the CSV) leaves
 * member-level results out.
 */
export async function loadTeamProfile(
  db: DB,
  user: CurrentUser,
  teamId: string,
  ronde: string | null,
  options: { memberResults?: boolean } = {},
): Promise<TeamProfile | NoTeamProfile | null> {
  const found = await loadTeam(db, teamId);
  if (!found || !mayViewTeam(user, { id: found.id, organisation_id: found.organisationId })) {
    return null;
  }
  const team: TeamProfileTeam = { id: found.id, name: found.name, parent: found.parent };
  const cycles = (await releasedCyclesOfTeam(db, team.id)).filter(
    (cycle) => cycle.organisationId === found.organisationId,
  );
  const chosen = ronde === null ? cycles[0] : cycles.find((cycle) => cycle.id === ronde);
  if (!chosen) return ronde === null ? { status: "no_cycle", team } : null;

  // The team's released cycles are newest first: the previous one is the next older.
  const previous = cycles.find((cycle) => cycle.releasedAt < chosen.releasedAt) ?? null;
  const [current, before, subTeams, memberRows] = await Promise.all([
    // Only the competencies of this team's members: what the page and the trend show.
    loadCycleFigures(db, chosen.id, user.id, { teamIds: [team.id] }),
    previous
      ? loadCycleFigures(db, previous.id, user.id, { teamIds: [team.id] })
      : Promise.resolve(null),
    db.selectFrom("team").select(["id", "name"]).where("parent_team_id", "=", team.id).execute(),
    options.memberResults === false
      ? Promise.resolve([])
      : sharedMembers(db, user, team.id, chosen),
  ]);
  // Only what the team's own members were rated on (a round may mix profiles).
  const ratedInTeam = current.ratedOn.get(team.id);
  const competencies = ratedInTeam
    ? current.competencies.filter((competency) => ratedInTeam.has(competency.key))
    : current.competencies;
  const keys = competencies.map((competency) => competency.key);
  const figures = current.figures.teams.get(team.id) ?? emptyFigures(team.id, keys);
  const previousFigures = before?.figures.teams.get(team.id) ?? null;
  const trend = previousFigures ? teamTrend(keys, figures, previousFigures) : {};
  const norm = current.figures.norm;

  const rows: TeamProfileRow[] = competencies.map((competency) => {
    const normFigure = norm[competency.key];
    const change = trend[competency.key];
    return {
      key: competency.key,
      name: competency.name,
      clusterName: competency.clusterName,
      organisationWide: competency.organisationWide,
      team: asShown(figures.competencies[competency.key]),
      norm: normFigure
        ? { mean: displayFigure(normFigure.mean), participants: normFigure.participants }
        : null,
      trend: change
        ? {
            previous: displayFigure(change.previous),
            change: displayDifference(change.previous + change.change, change.previous),
          }
        : null,
    };
  });
  const nameOf = new Map(competencies.map((c) => [c.key, c.name]));
  const reading = teamReading(keys, figures, norm);
  const withheldReasons = [
    ...new Set(rows.flatMap((row) => (row.team.shown ? [] : [row.team.reason]))),
  ];

  return {
    status: "ready",
    team,
    cycle: toCycle(chosen),
    scale: current.scale,
    cycles: cycles.map(toCycle),
    previousCycle: previous && previousFigures ? toCycle(previous) : null,
    rows,
    anyShown: rows.some((row) => row.team.shown),
    withheldReasons,
    reading: reading && {
      basis: reading.basis,
      strongest: reading.strongest.map((key) => nameOf.get(key) ?? key),
      weakest: reading.weakest.map((key) => nameOf.get(key) ?? key),
    },
    subTeams: subTeams
      .filter((subTeam) => current.figures.teams.has(subTeam.id))
      .sort(compareByName),
    memberResults:
      memberRows.length > 0
        ? memberRows.map((member) => memberResult(member, keys, current.cycle.k, current.knowledge))
        : null,
  };
}

/** The engine's figure as shown: a withheld one as it is, a shown one rounded. */
function asShown(figure: TeamCompetencyFigure | undefined): TeamCompetencyFigure {
  if (!figure) return { shown: false, reason: "too_few" };
  if (!figure.shown) return { shown: false, reason: figure.reason };
  return {
    shown: true,
    mean: displayFigure(figure.mean),
    members: figure.members,
    spread: { ...figure.spread },
  };
}

/**
 * A shared member's row: the lead view's score per competency, as shown. The lead view leaves
 * out every manager's answers; when the viewer answered for the member otherwise (a late
 * rater, a colleague), their own ratings are inside it and subtracting them must leave at
 * least k other people (repeat voices of one person counted out), else the score is not shown.
 */
function memberResult(
  member: SharedMember,
  keys: readonly string[],
  k: number,
  knowledge: CycleKnowledge,
): MemberResult {
  const own = knowledge.ownVoicesInLeadView.get(member.participantId) ?? 0;
  const repeat = knowledge.repeatVoices.get(member.participantId) ?? 0;
  return {
    participantId: member.participantId,
    name: member.name,
    scores: keys.map((key) => {
      const figure = member.scores[key];
      if (!figure) return null;
      if (own + repeat > 0 && figure.n - own - repeat < k) return null;
      return displayFigure(figure.mean);
    }),
  };
}

interface SharedMember {
  participantId: string;
  name: string;
  /** The lead view's "all others" figure per competency key. */
  scores: Record<string, { mean: number; n: number }>;
}

/**
 * The members of the team (in its membership of that cycle, sub-teams included) whose round
 * manager is this user and who shared their report with them, in a cycle that allows it;
 * with the scores the user's view of their report shows (built without the user's own
 * answers). The same people mayReadReport lets this user read.
 */
async function sharedMembers(
  db: DB,
  user: CurrentUser,
  teamId: string,
  cycle: ReleasedCycle,
): Promise<SharedMember[]> {
  if (cycle.leadAccess !== "with_consent") return [];
  const rows = await db
    .selectFrom("participant")
    .innerJoin("person", "person.id", "participant.person_id")
    .innerJoin("report", "report.participant_id", "participant.id")
    .select([
      "participant.id",
      "person.first_name",
      "person.last_name",
      "report.content",
      "report.format_version",
    ])
    .where("participant.cycle_id", "=", cycle.id)
    .where("participant.manager_person_id", "=", user.id)
    .where("participant.person_id", "!=", user.id)
    .where("participant.shared_with_lead_at", "is not", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("participant_team")
          .select("participant_team.participant_id")
          .whereRef("participant_team.participant_id", "=", "participant.id")
          .where("participant_team.cycle_id", "=", cycle.id)
          .where("participant_team.team_id", "=", teamId),
      ),
    )
    .execute();
  const members: SharedMember[] = [];
  for (const row of inDutchOrder(rows)) {
    if (row.format_version !== REPORT_FORMAT_VERSION) continue;
    const leadView = (JSON.parse(row.content) as ReportContent).leadView;
    if (!leadView) continue;
    const scores: SharedMember["scores"] = {};
    for (const competency of leadView.competencies) {
      const others = competency.figures.others;
      if (others) scores[competency.key] = { mean: others.mean, n: others.n };
    }
    members.push({
      participantId: row.id,
      name: fullName(row),
      scores,
    });
  }
  return members;
}

/** One audit entry per page view; a second one when member results were on it. */
export async function recordTeamProfileViewed(
  db: DB,
  user: CurrentUser,
  profile: TeamProfile | NoTeamProfile,
): Promise<void> {
  const cycleIds =
    profile.status === "ready"
      ? [profile.cycle.id, ...(profile.previousCycle ? [profile.previousCycle.id] : [])]
      : [];
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorPersonId: user.id,
    action: "team_profile_viewed",
    subjectType: "team",
    subjectId: profile.team.id,
    details: { cycleIds, teamIds: [profile.team.id] },
  });
  if (profile.status === "ready" && profile.memberResults) {
    await recordAudit(db, {
      organisationId: user.organisationId,
      actorPersonId: user.id,
      action: "team_member_results_viewed",
      subjectType: "team",
      subjectId: profile.team.id,
      details: {
        cycleId: profile.cycle.id,
        participantIds: profile.memberResults.map((member) => member.participantId),
      },
    });
  }
}

export async function recordTeamProfileExported(
  db: DB,
  user: CurrentUser,
  profile: TeamProfile,
): Promise<void> {
  await recordAudit(db, {
    organisationId: user.organisationId,
    actorPersonId: user.id,
    action: "team_profile_exported",
    subjectType: "team",
    subjectId: profile.team.id,
    details: {
      cycleIds: [profile.cycle.id, ...(profile.previousCycle ? [profile.previousCycle.id] : [])],
      teamIds: [profile.team.id],
    },
  });
}
