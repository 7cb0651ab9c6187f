import path from "node:path";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Person, Team } from "#db/schema";
import { DEMO_PROFILE_ID } from "~/demo/demo-profile";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import type { Profile } from "~/profiles/schema";

// The demo municipality as the tests meet it: its profile, its people found by what they are
// rather than by name, its own rounds, and a second organisation beside it.

let profilesCache: Profile[] | undefined;

/** Every built-in profile (surveys/), all in the demo organisation's library; read once. */
export function builtInProfiles(): Profile[] {
  profilesCache ??= loadProfilesFromDirectory(path.resolve("surveys"));
  return profilesCache;
}

/** The profile the demo's rounds use (surveys/toepassing-beleid.md). */
export function demoProfile(): Profile {
  const profile = builtInProfiles().find((candidate) => candidate.id === DEMO_PROFILE_ID);
  if (!profile) throw new Error(`surveys/${DEMO_PROFILE_ID}.md is missing`);
  return profile;
}

export interface DemoCast {
  organisationId: string;
  organisationName: string;
  hr: Person;
  /** Head of a department (a team with sub-teams). */
  departmentHead: Person;
  department: Team;
  subTeams: Team[];
  /** A team in that department, its lead, and an active member who leads nothing. */
  team: Team;
  teamLead: Person;
  member: Person;
  /** A team of the other department and its lead. */
  otherTeam: Team;
  otherTeamLead: Person;
  /** An active person who reads Rondom in English. */
  english: Person;
  /** A deactivated person. */
  inactive: Person;
}

export async function loadCast(db: DB): Promise<DemoCast> {
  const organisation = await db
    .selectFrom("organisation")
    .selectAll()
    .where("is_demo", "=", 1)
    .executeTakeFirstOrThrow();
  const teams = await db
    .selectFrom("team")
    .selectAll()
    .where("organisation_id", "=", organisation.id)
    .orderBy("name")
    .execute();
  const people = await db
    .selectFrom("person")
    .selectAll()
    .where("organisation_id", "=", organisation.id)
    .orderBy("last_name")
    .orderBy("first_name")
    .execute();
  const byId = (id: string | null) => {
    const person = people.find((candidate) => candidate.id === id);
    if (!person) throw new Error(`No person ${id}`);
    return person;
  };
  const departments = teams.filter((team) => teams.some((t) => t.parent_team_id === team.id));
  const department = departments[0];
  const otherDepartment = departments[1];
  if (!department || !otherDepartment) throw new Error("The demo has two departments");
  const subTeams = teams.filter((team) => team.parent_team_id === department.id);
  const team = subTeams[0];
  const otherTeam = teams.find((candidate) => candidate.parent_team_id === otherDepartment.id);
  if (!team || !otherTeam) throw new Error("Each department has teams");
  const leadIds = new Set(teams.map((candidate) => candidate.lead_person_id));
  const member = people.find(
    (person) =>
      person.team_id === team.id &&
      person.is_active === 1 &&
      person.is_hr_admin === 0 &&
      !leadIds.has(person.id),
  );
  const hr = people.find((person) => person.is_hr_admin === 1 && person.is_active === 1);
  const english = people.find((person) => person.locale === "en" && person.is_active === 1);
  const inactive = people.find((person) => person.is_active === 0);
  if (!member || !hr || !english || !inactive) throw new Error("The demo cast is incomplete");
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    hr,
    departmentHead: byId(department.lead_person_id),
    department,
    subTeams,
    team,
    teamLead: byId(team.lead_person_id),
    member,
    otherTeam,
    otherTeamLead: byId(otherTeam.lead_person_id),
    english,
    inactive,
  };
}

/**
 * A second, non-demo organisation with one active person (created after the demo); with
 * `isHrAdmin`, that person is its HR admin ("HR of another organisation").
 */
export async function createOtherOrganisation(
  db: DB,
  options: {
    name?: string;
    email?: string;
    locale?: "nl" | "en";
    isActive?: boolean;
    isHrAdmin?: boolean;
  } = {},
): Promise<{ organisationId: string; personId: string; email: string }> {
  const now = new Date().toISOString();
  const organisationId = newId();
  const personId = newId();
  const email = options.email ?? `p.${personId.slice(0, 6).toLowerCase()}@elders.example`;
  await db
    .insertInto("organisation")
    .values({ id: organisationId, name: options.name ?? "Gemeente Elders", created_at: now })
    .execute();
  await db
    .insertInto("person")
    .values({
      id: personId,
      organisation_id: organisationId,
      employee_number: null,
      first_name: "Olga",
      last_name: "Elders",
      email,
      locale: options.locale ?? "nl",
      is_active: options.isActive === false ? 0 : 1,
      ...(options.isHrAdmin ? { is_hr_admin: 1 } : {}),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { organisationId, personId, email };
}

// ---------------------------------------------------------------------------------------
// The demo's own rounds.

export interface CycleRow {
  id: string;
  name: string;
  status: string;
  released_at: string | null;
  profile_snapshot_id: string | null;
  min_group_size: number;
  manager_identifiable: number;
  lead_access: string;
}

/** Every released cycle, oldest release first. */
export async function releasedCycles(db: DB): Promise<CycleRow[]> {
  return db
    .selectFrom("cycle")
    .select([
      "id",
      "name",
      "status",
      "released_at",
      "profile_snapshot_id",
      "min_group_size",
      "manager_identifiable",
      "lead_access",
    ])
    .where("status", "=", "released")
    .orderBy("released_at")
    .execute();
}

/** The most recently released cycle of the demo (the spring round everyone took part in). */
export async function latestReleasedCycle(db: DB): Promise<CycleRow> {
  const cycles = await releasedCycles(db);
  const latest = cycles.at(-1);
  if (!latest) throw new Error("The demo has no released cycle");
  return latest;
}

export async function collectingCycleId(db: DB): Promise<string> {
  const cycle = await db
    .selectFrom("cycle")
    .select("id")
    .where("status", "=", "collecting")
    .executeTakeFirstOrThrow();
  return cycle.id;
}
