import { inTransaction } from "#db/transaction";
import { sql } from "kysely";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import { currentVersionFor } from "~/profiles/library.server";
import type { ParticipantNominationStatus } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { enqueueNominationRequests } from "~/nominations/requests.server";
import { managerOf, type TeamFacts } from "./manager";
import { containsText } from "~/utils/text-search.server";
import { fullName, fullNameOrNull } from "~/people/full-name";
import { inDutchOrder } from "~/people/dutch-order";
import { teamsInTreeOrder, withDescendants } from "~/teams/tree";

// Who takes part in a round. Participants change only while the round is in draft or
// nominating: once collecting starts, invitations exist for exactly these people.

export interface ParticipantListItem {
  id: string;
  personId: string;
  name: string;
  teamName: string | null;
  managerName: string | null;
  nominationStatus: ParticipantNominationStatus;
  /** The profile the participant is rated on (their own, or the round's). */
  profileKey: string;
  profileName: string;
}

/** The participants of a round, by last name. */
export async function listParticipants(db: DB, cycleId: string): Promise<ParticipantListItem[]> {
  const rows = await db
    .selectFrom("participant")
    .innerJoin("person", "person.id", "participant.person_id")
    .leftJoin("team", "team.id", "person.team_id")
    .leftJoin("person as manager", "manager.id", "participant.manager_person_id")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .leftJoin("profile", (join) =>
      join
        .onRef("profile.organisation_id", "=", "cycle.organisation_id")
        .on((eb) =>
          eb("profile.key", "=", eb.fn.coalesce("participant.profile_key", "cycle.profile_key")),
        ),
    )
    .select((eb) => [
      "participant.id",
      "participant.person_id",
      "participant.nomination_status",
      eb.fn.coalesce("participant.profile_key", "cycle.profile_key").as("profile_key"),
      "profile.name as profile_name",
      "person.first_name",
      "person.last_name",
      "team.name as team_name",
      "manager.first_name as manager_first_name",
      "manager.last_name as manager_last_name",
    ])
    .where("participant.cycle_id", "=", cycleId)
    .execute();
  return inDutchOrder(rows).map((row) => ({
    id: row.id,
    personId: row.person_id,
    name: fullName(row),
    teamName: row.team_name,
    managerName: fullNameOrNull({
      first_name: row.manager_first_name,
      last_name: row.manager_last_name,
    }),
    nominationStatus: row.nomination_status,
    profileKey: row.profile_key,
    profileName: row.profile_name ?? row.profile_key,
  }));
}

export type SetProfileOutcome = "saved" | "closed" | "not_found" | "unknown_profile";

/**
 * HR chooses the profile a participant is rated on, while the round is a draft (a started
 * round has frozen every participant's version). The round's own profile is stored as none
 * of their own; any other must be a current profile of the organisation's library.
 */
export async function setParticipantProfile(
  db: DB,
  input: {
    organisationId: string;
    cycleId: string;
    actorPersonId: string;
    participantId: string;
    profileKey: string;
  },
  now: Date = new Date(),
): Promise<SetProfileOutcome> {
  return inTransaction(db, async (trx) => {
    const cycle = await trx
      .updateTable("cycle")
      .set({ updated_at: now.toISOString() })
      .where("id", "=", input.cycleId)
      .where("organisation_id", "=", input.organisationId)
      .where("status", "=", "draft")
      .returning(["profile_key"])
      .executeTakeFirst();
    if (!cycle) return "closed";
    const ownKey = input.profileKey === cycle.profile_key ? null : input.profileKey;
    if (ownKey !== null && (await currentVersionFor(trx, input.organisationId, ownKey)) === null) {
      return "unknown_profile";
    }
    const updated = await trx
      .updateTable("participant")
      .set({ profile_key: ownKey })
      .where("id", "=", input.participantId)
      .where("cycle_id", "=", input.cycleId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return "not_found";
    await recordAudit(
      trx,
      {
        organisationId: input.organisationId,
        actorPersonId: input.actorPersonId,
        action: "cycle_participant_profile_changed",
        subjectType: "cycle",
        subjectId: input.cycleId,
        details: { profile: input.profileKey },
      },
      now,
    );
    return "saved";
  });
}

export interface TeamOption {
  id: string;
  name: string;
  /** 0 for a top-level team, 1 for a team under it, and so on. */
  depth: number;
  parentName: string | null;
  activeMembers: number;
}

/** The organisation's teams in tree order, with how many active people each has. */
export async function listTeamOptions(db: DB, organisationId: string): Promise<TeamOption[]> {
  const [teams, members] = await Promise.all([
    loadTeams(db, organisationId),
    db
      .selectFrom("person")
      .select("team_id")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("organisation_id", "=", organisationId)
      .where("is_active", "=", 1)
      .where("team_id", "is not", null)
      .groupBy("team_id")
      .execute(),
  ]);
  const membersOf = new Map(members.map((row) => [row.team_id, Number(row.count)]));
  const nameOf = new Map(teams.map((team) => [team.id, team.name]));
  return teamsInTreeOrder(teams).map(({ team, depth }) => ({
    id: team.id,
    name: team.name,
    depth,
    parentName: team.parentTeamId ? (nameOf.get(team.parentTeamId) ?? null) : null,
    activeMembers: membersOf.get(team.id) ?? 0,
  }));
}

export interface PersonOption {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
  jobTitle: string | null;
  isParticipant: boolean;
}

export const PERSON_SEARCH_LIMIT = 25;

/**
 * Active people of the organisation matching every word of the query in their name, address
 * or employee number: the first PERSON_SEARCH_LIMIT in Dutch order, and `more` when there were
 * others. All matches are sorted here, not by the database, whose order of names differs per
 * installation (app/people/dutch-order.ts).
 */
export async function searchPeople(
  db: DB,
  input: { organisationId: string; cycleId: string; query: string },
): Promise<{ people: PersonOption[]; more: boolean }> {
  const words = input.query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  if (words.length === 0) return { people: [], more: false };
  let matching = db
    .selectFrom("person")
    .select(["person.id", "person.first_name", "person.last_name"])
    .where("person.organisation_id", "=", input.organisationId)
    .where("person.is_active", "=", 1);
  for (const word of words) {
    matching = matching.where((eb) =>
      eb.or(
        (
          [
            "person.first_name",
            "person.last_name",
            "person.email",
            "person.employee_number",
          ] as const
        ).map((column) => containsText(db, sql.ref(column), word)),
      ),
    );
  }
  const matches = await matching.execute();
  const chosenIds = inDutchOrder(matches)
    .slice(0, PERSON_SEARCH_LIMIT)
    .map((person) => person.id);
  if (chosenIds.length === 0) return { people: [], more: false };
  const rows = await db
    .selectFrom("person")
    .leftJoin("team", "team.id", "person.team_id")
    .leftJoin("participant", (join) =>
      join
        .onRef("participant.person_id", "=", "person.id")
        .on("participant.cycle_id", "=", input.cycleId),
    )
    .select([
      "person.id",
      "person.first_name",
      "person.last_name",
      "person.email",
      "person.job_title",
      "team.name as team_name",
      "participant.id as participant_id",
    ])
    .where("person.organisation_id", "=", input.organisationId)
    .where("person.id", "in", chosenIds)
    .execute();
  return {
    people: inDutchOrder(rows).map((row) => ({
      id: row.id,
      name: fullName(row),
      email: row.email,
      teamName: row.team_name,
      jobTitle: row.job_title,
      isParticipant: row.participant_id !== null,
    })),
    more: matches.length > PERSON_SEARCH_LIMIT,
  };
}

async function loadTeams(
  db: DB,
  organisationId: string,
): Promise<(TeamFacts & { name: string })[]> {
  const rows = await db
    .selectFrom("team")
    .select(["id", "name", "parent_team_id", "lead_person_id"])
    .where("organisation_id", "=", organisationId)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    parentTeamId: row.parent_team_id,
    leadPersonId: row.lead_person_id,
  }));
}

export type AddParticipantsOutcome =
  | { status: "added"; added: number; alreadyIn: number; inactive: number }
  /** The round no longer takes new participants, or does not exist. */
  | { status: "closed" }
  /** None of the given teams or people belongs to the organisation. */
  | { status: "unknown" };

interface Candidate {
  id: string;
  team_id: string | null;
  is_active: number;
  profile_key: string | null;
}

/**
 * Each new participant is rated on their function profile where they have one in the
 * library that differs from the round's (and is not retired); on the round's profile
 * otherwise (null). In a round that has started, they take its current version at once.
 */
async function ownProfiles(
  trx: DB,
  organisationId: string,
  cycle: { status: string; profile_key: string },
  people: readonly Candidate[],
): Promise<
  (person: Candidate) => { profile_key: string | null; profile_snapshot_id: string | null }
> {
  const keys = [
    ...new Set(
      people.flatMap((person) =>
        person.profile_key && person.profile_key !== cycle.profile_key ? [person.profile_key] : [],
      ),
    ),
  ];
  const versionOf = new Map<string, string>();
  for (const key of keys) {
    const version = await currentVersionFor(trx, organisationId, key);
    if (version) versionOf.set(key, version);
  }
  const started = cycle.status !== "draft";
  return (person) => {
    const key = person.profile_key ?? "";
    const version = versionOf.get(key);
    if (!version) return { profile_key: null, profile_snapshot_id: null };
    return { profile_key: key, profile_snapshot_id: started ? version : null };
  };
}

/**
 * Adds people to a round in draft or nominating: inactive people and people already in are
 * skipped and counted. Each gets their manager (see managerOf). While nominating, the new
 * participants are asked to nominate at once, in the same transaction.
 */
async function addCandidates(
  db: DB,
  input: { organisationId: string; cycleId: string; actorPersonId: string },
  pickCandidates: (trx: DB, teams: TeamFacts[]) => Promise<Candidate[] | null>,
  now: Date,
): Promise<AddParticipantsOutcome> {
  return inTransaction(db, async (trx) => {
    // Touching the round first both checks its status and holds the write lock, so that a
    // status change cannot slip in between this check and the inserts.
    const touched = await trx
      .updateTable("cycle")
      .set({ updated_at: now.toISOString() })
      .where("id", "=", input.cycleId)
      .where("organisation_id", "=", input.organisationId)
      .where("status", "in", ["draft", "nominating"])
      .returning(["status", "profile_key"])
      .executeTakeFirst();
    if (!touched) return { status: "closed" as const };

    const teams = await loadTeams(trx, input.organisationId);
    const candidates = await pickCandidates(trx, teams);
    if (candidates === null) return { status: "unknown" as const };

    const existing = new Set(
      (
        await trx
          .selectFrom("participant")
          .select("person_id")
          .where("cycle_id", "=", input.cycleId)
          .execute()
      ).map((row) => row.person_id),
    );
    const active = candidates.filter((person) => person.is_active === 1);
    const toAdd = active.filter((person) => !existing.has(person.id));
    const leadIds = [...new Set(teams.flatMap((team) => team.leadPersonId ?? []))];
    const activeLeads = new Set(
      leadIds.length === 0
        ? []
        : (
            await trx
              .selectFrom("person")
              .select("id")
              .where("id", "in", leadIds)
              .where("is_active", "=", 1)
              .execute()
          ).map((row) => row.id),
    );
    const teamsById = new Map(teams.map((team) => [team.id, team]));
    const ownProfileOf = await ownProfiles(trx, input.organisationId, touched, toAdd);
    const at = now.toISOString();
    for (let start = 0; start < toAdd.length; start += 200) {
      await trx
        .insertInto("participant")
        .values(
          toAdd.slice(start, start + 200).map((person) => ({
            id: newId(),
            cycle_id: input.cycleId,
            person_id: person.id,
            manager_person_id: managerOf(
              { id: person.id, teamId: person.team_id },
              teamsById,
              (id) => activeLeads.has(id),
            ),
            ...ownProfileOf(person),
            created_at: at,
          })),
        )
        .execute();
    }
    if (toAdd.length > 0) {
      if (touched.status === "nominating") await enqueueNominationRequests(trx, input.cycleId, now);
      await recordAudit(
        trx,
        {
          organisationId: input.organisationId,
          actorPersonId: input.actorPersonId,
          action: "cycle_participants_added",
          subjectType: "cycle",
          subjectId: input.cycleId,
          details: { added: toAdd.length },
        },
        now,
      );
    }
    return {
      status: "added" as const,
      added: toAdd.length,
      alreadyIn: active.length - toAdd.length,
      inactive: candidates.length - active.length,
    };
  });
}

/** Adds every member of the teams (and of the teams under them, when asked). */
export function addTeams(
  db: DB,
  input: {
    organisationId: string;
    cycleId: string;
    actorPersonId: string;
    teamIds: readonly string[];
    includeSubTeams: boolean;
  },
  now: Date = new Date(),
): Promise<AddParticipantsOutcome> {
  return addCandidates(
    db,
    input,
    async (trx, teams) => {
      const known = new Set(teams.map((team) => team.id));
      const chosen = input.teamIds.filter((id) => known.has(id));
      if (chosen.length === 0) return null;
      const teamIds = input.includeSubTeams ? [...withDescendants(chosen, teams)] : chosen;
      return trx
        .selectFrom("person")
        .select(["id", "team_id", "is_active", "profile_key"])
        .where("organisation_id", "=", input.organisationId)
        .where("team_id", "in", teamIds)
        .execute();
    },
    now,
  );
}

/** Adds one person. */
export function addPerson(
  db: DB,
  input: { organisationId: string; cycleId: string; actorPersonId: string; personId: string },
  now: Date = new Date(),
): Promise<AddParticipantsOutcome> {
  return addCandidates(
    db,
    input,
    async (trx) => {
      const person = await trx
        .selectFrom("person")
        .select(["id", "team_id", "is_active", "profile_key"])
        .where("id", "=", input.personId)
        .where("organisation_id", "=", input.organisationId)
        .executeTakeFirst();
      return person ? [person] : null;
    },
    now,
  );
}

/**
 * Removes a participant (with their nominations) from a round in draft or nominating.
 * "closed": the round no longer allows it; "not_found": no such participant in the round.
 */
export async function removeParticipant(
  db: DB,
  input: { organisationId: string; cycleId: string; actorPersonId: string; participantId: string },
  now: Date = new Date(),
): Promise<"removed" | "closed" | "not_found"> {
  return inTransaction(db, async (trx) => {
    const touched = await trx
      .updateTable("cycle")
      .set({ updated_at: now.toISOString() })
      .where("id", "=", input.cycleId)
      .where("organisation_id", "=", input.organisationId)
      .where("status", "in", ["draft", "nominating"])
      .executeTakeFirst();
    if (Number(touched.numUpdatedRows) !== 1) return "closed" as const;
    const removed = await trx
      .deleteFrom("participant")
      .where("id", "=", input.participantId)
      .where("cycle_id", "=", input.cycleId)
      .returning("person_id")
      .executeTakeFirst();
    if (!removed) return "not_found" as const;
    await recordAudit(
      trx,
      {
        organisationId: input.organisationId,
        actorPersonId: input.actorPersonId,
        action: "cycle_participant_removed",
        subjectType: "person",
        subjectId: removed.person_id,
      },
      now,
    );
    return "removed" as const;
  });
}
