import type { DB } from "#db/database";
import { fullName } from "~/people/full-name";

// The organisation's directory as the nomination pages use it: active people with their team,
// and who reports directly to whom (the same rule that sets a participant's manager).

export interface DirectoryPerson {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  teamName: string | null;
}

function directoryQuery(db: DB, organisationId: string) {
  return db
    .selectFrom("person")
    .leftJoin("team", "team.id", "person.team_id")
    .select([
      "person.id",
      "person.first_name",
      "person.last_name",
      "person.email",
      "team.name as team_name",
    ])
    .where("person.organisation_id", "=", organisationId)
    .where("person.is_active", "=", 1);
}

function toDirectoryPerson(row: {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  team_name: string | null;
}): DirectoryPerson {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    name: fullName(row),
    email: row.email,
    teamName: row.team_name,
  };
}

/** Every active person of the organisation (a municipality: a few thousand at most). */
export async function loadDirectory(db: DB, organisationId: string): Promise<DirectoryPerson[]> {
  return (await directoryQuery(db, organisationId).execute()).map(toDirectoryPerson);
}

/** An active person of the organisation, or null. */
export async function findDirectoryPerson(
  db: DB,
  organisationId: string,
  personId: string,
): Promise<DirectoryPerson | null> {
  const row = await directoryQuery(db, organisationId)
    .where("person.id", "=", personId)
    .executeTakeFirst();
  return row ? toDirectoryPerson(row) : null;
}

/**
 * The person's direct reports: the members of the teams they lead, and the leads of the teams
 * directly under those (whose manager is the lead of the parent team).
 */
export async function loadDirectReportIds(
  db: DB,
  organisationId: string,
  personId: string,
): Promise<Set<string>> {
  const ledTeams = await db
    .selectFrom("team")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("lead_person_id", "=", personId)
    .execute();
  const ledTeamIds = ledTeams.map((team) => team.id);
  if (ledTeamIds.length === 0) return new Set();
  const [members, subTeamLeads] = await Promise.all([
    db
      .selectFrom("person")
      .select("id")
      .where("team_id", "in", ledTeamIds)
      .where("is_active", "=", 1)
      .execute(),
    db
      .selectFrom("team")
      .innerJoin("person", "person.id", "team.lead_person_id")
      .select("person.id")
      .where("team.parent_team_id", "in", ledTeamIds)
      .where("person.is_active", "=", 1)
      .execute(),
  ]);
  const ids = new Set([...members, ...subTeamLeads].map((row) => row.id));
  ids.delete(personId);
  return ids;
}
