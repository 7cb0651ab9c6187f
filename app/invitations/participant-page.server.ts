import type { DB } from "#db/database";
import type { CycleStatus, Relationship } from "#db/schema";
import { loadGroupProgress } from "~/cycles/progress.server";
import { RELATIONSHIP_ORDER, type GroupProgress } from "~/cycles/progress";
import { invitationHandles } from "./invitation-handle.server";
import { lateRaterGroups, type LateRaterGroup } from "./late-rater-rules";
import { searchLateRaters, type LateRaterSearch } from "./rater-search.server";
import { fullName } from "~/people/full-name";
import { compareDutchText } from "~/people/dutch-order";

/**
 * One invitation as HR sees it: who was asked, in which group, when. Never its status:
 * next to a name, "answered" or "declined" would break the anonymity promise. Never its id
 * either: the page's forms name it by its handle (invitation-handle.server.ts).
 */
export interface InvitationListing {
  handle: string;
  raterName: string;
  raterEmail: string;
  relationship: Relationship;
  sentAt: string | null;
}

/** A revoked invitation; revoking is HR's own act, the same for answered and open ones. */
export interface RevokedListing {
  handle: string;
  raterName: string;
  raterEmail: string;
  relationship: Relationship;
  revokedAt: string;
}

export interface ParticipantInvitations {
  cycle: { id: string; name: string; status: CycleStatus; groups: LateRaterGroup[] };
  participant: { id: string; personId: string; name: string; email: string };
  invitations: InvitationListing[];
  revoked: RevokedListing[];
  /** As the round's status allows: a group of one shows no answers while it runs. */
  counts: GroupProgress[];
}

/** A participant of one of the organisation's cycles, as cycle and participant facts. */
export async function findParticipant(
  db: DB,
  organisationId: string,
  cycleId: string,
  participantId: string,
) {
  const row = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .select([
      "participant.id",
      "participant.person_id",
      "person.first_name",
      "person.last_name",
      "person.email",
      "cycle.id as cycle_id",
      "cycle.name as cycle_name",
      "cycle.status",
      "cycle.include_reports_group",
    ])
    .where("participant.id", "=", participantId)
    .where("participant.cycle_id", "=", cycleId)
    .where("cycle.organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    cycle: {
      id: row.cycle_id,
      name: row.cycle_name,
      status: row.status,
      groups: lateRaterGroups(row.include_reports_group === 1),
    },
    participant: {
      id: row.id,
      personId: row.person_id,
      name: fullName(row),
      email: row.email,
    },
  };
}

function byGroupThenName(
  a: { relationship: Relationship; raterName: string },
  b: { relationship: Relationship; raterName: string },
): number {
  return (
    RELATIONSHIP_ORDER.indexOf(a.relationship) - RELATIONSHIP_ORDER.indexOf(b.relationship) ||
    compareDutchText(a.raterName, b.raterName)
  );
}

/** The participant's invitations page, or null when it is not one of the organisation's. */
export async function loadParticipantInvitations(
  db: DB,
  organisationId: string,
  cycleId: string,
  participantId: string,
): Promise<ParticipantInvitations | null> {
  const found = await findParticipant(db, organisationId, cycleId, participantId);
  if (!found) return null;
  // Deliberately no status column here: see InvitationListing.
  const rows = await db
    .selectFrom("invitation")
    .select(["id", "rater_name", "rater_email", "relationship", "sent_at", "revoked_at"])
    .where("participant_id", "=", participantId)
    .execute();
  const handleOf = await invitationHandles(db, participantId);
  const invitations: InvitationListing[] = [];
  const revoked: RevokedListing[] = [];
  for (const row of rows) {
    const listing = {
      handle: handleOf(row.id),
      raterName: row.rater_name,
      raterEmail: row.rater_email,
      relationship: row.relationship,
    };
    if (row.revoked_at) revoked.push({ ...listing, revokedAt: row.revoked_at });
    else invitations.push({ ...listing, sentAt: row.sent_at });
  }
  const counts =
    (await loadGroupProgress(db, [participantId], found.cycle.status)).get(participantId) ?? [];
  return {
    ...found,
    invitations: invitations.sort(byGroupThenName),
    revoked: revoked.sort(byGroupThenName),
    counts,
  };
}

export interface ParticipantPage extends ParticipantInvitations {
  collecting: boolean;
  /** The HR admin takes part in this cycle themself, as this participant. */
  ownParticipation: boolean;
  /** Whether HR may withdraw and add raters here now. */
  mayChange: boolean;
  /** The directory search for a rater to add; only while HR may add one. */
  search: LateRaterSearch;
}

/** The participant's invitations page for an HR admin, or null when it is not theirs to see. */
export async function loadParticipantPage(
  db: DB,
  hrAdmin: { id: string; organisationId: string },
  ids: { cycleId: string; participantId: string },
  query: string,
): Promise<ParticipantPage | null> {
  const page = await loadParticipantInvitations(
    db,
    hrAdmin.organisationId,
    ids.cycleId,
    ids.participantId,
  );
  if (!page) return null;
  const collecting = page.cycle.status === "collecting";
  // An HR admin who takes part in the round does not choose or withdraw their own raters
  // (nobody approves their own nominations): another HR admin does that.
  const ownParticipation = page.participant.personId === hrAdmin.id;
  const mayChange = collecting && !ownParticipation;
  const search: LateRaterSearch = mayChange
    ? await searchLateRaters(db, hrAdmin.organisationId, page.participant.id, query)
    : { status: "empty", query };
  return { ...page, collecting, ownParticipation, mayChange, search };
}
