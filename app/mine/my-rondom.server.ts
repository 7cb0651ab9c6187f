import type { DB } from "#db/database";
import type { CycleStatus, ParticipantNominationStatus, Relationship } from "#db/schema";
import type { CurrentUser } from "~/auth/guards.server";
import { countSessions } from "~/auth/session.server";
import { isLive, loadGroupCounts } from "~/cycles/progress.server";
import { hasInvitations } from "~/cycles/transitions";
import { loadInvitedRaters, type InvitedRater } from "~/invitations/invited-raters.server";
import { discloseGroups, type GroupCounts, type GroupProgress } from "~/cycles/progress";
import { countWaitingReviews } from "~/nominations/review.server";
import { currentInvitationToken } from "~/rater/invitation-token.server";
import { dayInOrganisation } from "~/utils/dates";
import { invitationPath } from "~/utils/paths";
import { fullName } from "~/people/full-name";
import { compareByName, compareDutchNames } from "~/people/dutch-order";

/** What the participant's own table shows of a group, and nothing more. */
export type OwnGroupView =
  | { relationship: Relationship; shown: true; invited: number; answered: number; declined: number }
  | { relationship: Relationship; shown: false; invited: number };

export interface MyCycle {
  participantId: string;
  cycleName: string;
  status: CycleStatus;
  nominationDeadline: string | null;
  answerDeadline: string | null;
  releasedOn: string | null;
  sharedWithLead: boolean;
  nominationStatus: ParticipantNominationStatus;
  /**
   * The participant's own counts per group while collecting and once closed: counts only,
   * and while collecting none for a group of one (their manager, a single customer).
   */
  groupCounts: OwnGroupView[] | null;
  /** Once invitations exist: who was invited to rate them (names and groups, never answers). */
  invitedRaters: InvitedRater[] | null;
}

export interface MyTodo {
  href: string;
  cycleName: string;
  relationship: Relationship;
  participantName: string;
  answerDeadline: string | null;
  hasDraft: boolean;
}

export interface MyTeam {
  id: string;
  name: string;
  memberCount: number;
  isSubTeam: boolean;
}

export interface MyRondom {
  cycles: MyCycle[];
  todo: MyTodo[];
  teams: MyTeam[];
  sessionCount: number;
  /** Submitted nominations of the person's own people waiting for their approval. */
  reviewsWaiting: number;
}

/** Everything "Mijn Rondom" shows the signed-in person; nothing about anyone's answers. */
export async function loadMyRondom(db: DB, user: CurrentUser, now = new Date()): Promise<MyRondom> {
  const [cycles, todo, teams, sessionCount, reviewsWaiting] = await Promise.all([
    loadCycles(db, user),
    loadTodo(db, user, now),
    loadTeams(db, user),
    countSessions(db, user.id, now),
    countWaitingReviews(db, user),
  ]);
  return { cycles, todo, teams, sessionCount, reviewsWaiting };
}

async function loadCycles(db: DB, user: CurrentUser): Promise<MyCycle[]> {
  const rows = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select([
      "participant.id",
      "participant.shared_with_lead_at",
      "participant.nomination_status",
      "cycle.name",
      "cycle.status",
      "cycle.nomination_deadline",
      "cycle.answer_deadline",
      "cycle.released_at",
      "cycle.created_at",
    ])
    .where("participant.person_id", "=", user.id)
    .where("cycle.organisation_id", "=", user.organisationId)
    .where("cycle.status", "!=", "draft")
    .orderBy("cycle.created_at", "desc")
    .execute();
  const counted = rows.filter((row) => row.status === "collecting" || row.status === "closed");
  const counts = await loadGroupCounts(
    db,
    counted.map((row) => row.id),
  );
  const invited = await loadInvitedRaters(
    db,
    rows.filter((row) => hasInvitations(row.status)).map((row) => row.id),
  );
  return rows.map((row) => ({
    participantId: row.id,
    cycleName: row.name,
    status: row.status,
    nominationDeadline: row.nomination_deadline,
    answerDeadline: row.answer_deadline,
    releasedOn: row.released_at ? dayInOrganisation(new Date(row.released_at)) : null,
    sharedWithLead: row.shared_with_lead_at !== null,
    nominationStatus: row.nomination_status,
    groupCounts: discloseCounts(counts.get(row.id), row.status),
    invitedRaters: hasInvitations(row.status) ? (invited.get(row.id) ?? []) : null,
  }));
}

function discloseCounts(
  counts: GroupCounts[] | undefined,
  status: CycleStatus,
): OwnGroupView[] | null {
  if (!counts) return null;
  return discloseGroups(counts, isLive(status)).map((group: GroupProgress) =>
    group.shown
      ? {
          relationship: group.relationship,
          shown: true,
          invited: group.invited,
          answered: group.answered,
          declined: group.declined,
        }
      : { relationship: group.relationship, shown: false, invited: group.invited },
  );
}

async function loadTodo(db: DB, user: CurrentUser, now: Date): Promise<MyTodo[]> {
  const today = dayInOrganisation(now);
  const rows = await db
    .selectFrom("invitation")
    .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
    .innerJoin("participant", "participant.id", "invitation.participant_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .leftJoin("draft", "draft.invitation_id", "invitation.id")
    .select([
      "invitation.id",
      "invitation.token_hash",
      "invitation.relationship",
      "invitation.expires_at",
      "cycle.name as cycle_name",
      "cycle.answer_deadline",
      "person.first_name",
      "person.last_name",
      "draft.invitation_id as draft_invitation_id",
    ])
    .where("invitation.rater_person_id", "=", user.id)
    .where("invitation.status", "=", "open")
    .where("cycle.status", "=", "collecting")
    .where("cycle.organisation_id", "=", user.organisationId)
    .where((eb) =>
      eb.or([eb("cycle.answer_deadline", "is", null), eb("cycle.answer_deadline", ">=", today)]),
    )
    .execute();
  const todo: MyTodo[] = [];
  for (const row of rows.sort(bySoonestDeadlineThenName)) {
    if (row.expires_at && row.expires_at <= now.toISOString()) continue;
    const token = await currentInvitationToken(db, row);
    if (!token) continue;
    todo.push({
      href: invitationPath(token),
      cycleName: row.cycle_name,
      relationship: row.relationship,
      participantName: fullName(row),
      answerDeadline: row.answer_deadline,
      hasDraft: row.draft_invitation_id !== null,
    });
  }
  // The self-assessment first: it is about the person themself.
  return todo.sort((a, b) => Number(b.relationship === "self") - Number(a.relationship === "self"));
}

/** After every date: a round without an answer deadline comes last. */
const NO_DEADLINE = "9999-12-31";

interface TodoOrder {
  answer_deadline: string | null;
  first_name: string;
  last_name: string;
  id: string;
}

/**
 * The soonest deadline first, then the participant in Dutch order: sorted here, as the
 * databases order both names and missing dates each their own way.
 */
function bySoonestDeadlineThenName(a: TodoOrder, b: TodoOrder): number {
  const one = a.answer_deadline ?? NO_DEADLINE;
  const other = b.answer_deadline ?? NO_DEADLINE;
  return (one < other ? -1 : one > other ? 1 : 0) || compareDutchNames(a, b);
}

async function loadTeams(db: DB, user: CurrentUser): Promise<MyTeam[]> {
  if (user.visibleTeamIds.length === 0) return [];
  const rows = await db
    .selectFrom("team")
    .leftJoin("person", (join) =>
      join.onRef("person.team_id", "=", "team.id").on("person.is_active", "=", 1),
    )
    .select(["team.id", "team.name"])
    .select((eb) => eb.fn.count<number>("person.id").as("member_count"))
    .where("team.id", "in", user.visibleTeamIds)
    .groupBy(["team.id", "team.name"])
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      name: row.name,
      memberCount: Number(row.member_count),
      isSubTeam: !user.ledTeamIds.includes(row.id),
    }))
    .sort((a, b) => Number(a.isSubTeam) - Number(b.isSubTeam) || compareByName(a, b));
}
