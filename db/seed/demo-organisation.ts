import type { Insertable } from "kysely";
import type { Locale, OrganisationTable, PersonTable, TeamTable } from "../schema";
import type { Calendar } from "./demo-calendar";
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORGANISATION_NAME,
  DEPARTMENTS,
  ENGLISH_NAMES,
  FIRST_NAMES,
  LAST_NAMES,
  TEAMS,
  emailLocalPart,
  type TeamDefinition,
} from "./demo-names";
import type { Random } from "./random";

export type DemoRole = "employee" | "team_lead" | "department_head" | "hr_admin";

export interface DemoPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: Locale;
  role: DemoRole;
  teamKey: string | null;
  isActive: boolean;
  /** Joined after the spring cycle, so has no released report. */
  isNewcomer: boolean;
  /** Their function profile (a key of the organisation's library). */
  profileKey: string;
}

export interface DemoTeam {
  id: string;
  definition: TeamDefinition;
  leadId: string;
  memberIds: string[];
}

export interface DemoDepartment {
  id: string;
  key: string;
  headId: string;
}

export interface DemoOrganisation {
  organisationRow: Insertable<OrganisationTable>;
  teamRows: Insertable<TeamTable>[];
  personRows: Insertable<PersonTable>[];
  people: DemoPerson[];
  teams: DemoTeam[];
  departments: DemoDepartment[];
}

export interface FunctionOptions {
  /** Everyone's function profile, unless a function of their team (TEAMS) gives another. */
  defaultProfileKey: string;
  /** The profiles of the library: a team function whose profile is not there gives none. */
  libraryKeys: ReadonlySet<string>;
  /** Draws who holds a team function: a source of its own, so the rest of the plan stays. */
  random: Random;
}

const CREATED_DAYS_AGO = 420;
const NEWCOMER_DAYS_AGO = 100;
// Which non-lead member of which team is special; fixed so every seed has each kind.
const NEWCOMER_TEAMS = ["publiekszaken", "communicatie", "ruimtelijke-ontwikkeling"];
const INACTIVE_TEAMS = ["sociaal-domein", "vergunningen-handhaving"];
const ENGLISH_SPEAKING_TEAMS = ["communicatie", "financien"];

/**
 * Gemeente Rondedam: two departments (each a parent team with a head), seven teams with a lead
 * each (the lead of Financiën also leads Lokale Belastingen), and one HR admin who belongs to
 * no team (HR is not one of the demo's teams).
 */
export function planOrganisation(
  random: Random,
  createId: () => string,
  calendar: Calendar,
  seed: string,
  functions: FunctionOptions,
): DemoOrganisation {
  const createdAt = calendar.at(-CREATED_DAYS_AGO, 8);
  const organisationRow: Insertable<OrganisationTable> = {
    id: createId(),
    name: DEMO_ORGANISATION_NAME,
    default_locale: "nl",
    retention_months: 24,
    is_demo: 1,
    demo_seed: seed,
    created_at: createdAt,
  };
  const names = createNameSource(random);
  const employeeNumbers = createEmployeeNumberSource(random);
  const people: DemoPerson[] = [];
  const personRows: Insertable<PersonTable>[] = [];
  const teamRows: Insertable<TeamTable>[] = [];

  const addPerson = (
    person: Omit<DemoPerson, "id" | "firstName" | "lastName" | "email" | "profileKey"> & {
      name?: { firstName: string; lastName: string };
    },
    jobTitle: string,
    teamId: string | null,
  ): DemoPerson => {
    const name = person.name ?? names.dutch();
    const planned: DemoPerson = {
      id: createId(),
      firstName: name.firstName,
      lastName: name.lastName,
      email: names.email(name),
      locale: person.locale,
      role: person.role,
      teamKey: person.teamKey,
      isActive: person.isActive,
      isNewcomer: person.isNewcomer,
      profileKey: functions.defaultProfileKey,
    };
    const since = planned.isNewcomer ? calendar.at(-NEWCOMER_DAYS_AGO, 9) : createdAt;
    people.push(planned);
    personRows.push({
      id: planned.id,
      organisation_id: organisationRow.id,
      employee_number: employeeNumbers.next(),
      first_name: planned.firstName,
      last_name: planned.lastName,
      email: planned.email,
      locale: planned.locale,
      job_title: jobTitle,
      team_id: teamId,
      is_hr_admin: planned.role === "hr_admin" ? 1 : 0,
      is_active: planned.isActive ? 1 : 0,
      profile_key: planned.profileKey,
      created_at: since,
      updated_at: planned.isActive ? since : calendar.at(-random.int(30, 90), 16),
    });
    return planned;
  };
  const regular = { locale: "nl", isActive: true, isNewcomer: false } as const;

  const departments = DEPARTMENTS.map((definition): DemoDepartment => {
    const id = createId();
    const head = addPerson(
      { ...regular, role: "department_head", teamKey: null },
      definition.headTitle,
      id,
    );
    teamRows.push({
      id,
      organisation_id: organisationRow.id,
      name: definition.name,
      parent_team_id: null,
      lead_person_id: head.id,
      created_at: createdAt,
    });
    return { id, key: definition.key, headId: head.id };
  });

  addPerson({ ...regular, role: "hr_admin", teamKey: null }, "HR-adviseur", null);

  const teams: DemoTeam[] = [];
  for (const definition of TEAMS) {
    const id = createId();
    const department = departments.find((candidate) => candidate.key === definition.department);
    // A team led by another team's lead: that lead stays a member of their own team only.
    const sharedLead = definition.leadFrom
      ? teams.find((team) => team.definition.key === definition.leadFrom)
      : undefined;
    if (definition.leadFrom && !sharedLead) {
      throw new Error(`Team ${definition.key}: team ${definition.leadFrom} komt niet eerder`);
    }
    const leadId =
      sharedLead?.leadId ??
      addPerson(
        { ...regular, role: "team_lead", teamKey: definition.key },
        `Teamleider ${definition.name}`,
        id,
      ).id;
    const memberIds = sharedLead ? [] : [leadId];
    for (let index = 1; index < definition.size; index++) {
      // Index 1, 2 and 3 of a team are the special members, when the team has that kind.
      const isNewcomer = index === 1 && NEWCOMER_TEAMS.includes(definition.key);
      const isInactive = index === 2 && INACTIVE_TEAMS.includes(definition.key);
      const speaksEnglish = index === 3 && ENGLISH_SPEAKING_TEAMS.includes(definition.key);
      const member = addPerson(
        {
          role: "employee",
          teamKey: definition.key,
          locale: speaksEnglish ? "en" : "nl",
          isActive: !isInactive,
          isNewcomer,
          name: speaksEnglish ? names.english() : undefined,
        },
        random.pick(definition.jobTitles),
        id,
      );
      memberIds.push(member.id);
    }
    teamRows.push({
      id,
      organisation_id: organisationRow.id,
      name: definition.name,
      parent_team_id: department?.id ?? null,
      lead_person_id: leadId,
      created_at: createdAt,
    });
    teams.push({ id, definition, leadId, memberIds });
  }
  assignTeamFunctions(teams, people, personRows, functions);

  return { organisationRow, teamRows, personRows, people, teams, departments };
}

/**
 * The team functions of TEAMS: every employee of the team holds the function, or a number of
 * them drawn among those who took part in the spring round (active, no newcomer), who then get
 * the function's job title. A holder's function profile is the function's where the library
 * holds it; the job titles do not depend on the library.
 */
function assignTeamFunctions(
  teams: readonly DemoTeam[],
  people: DemoPerson[],
  personRows: Insertable<PersonTable>[],
  functions: FunctionOptions,
): void {
  const { random } = functions;
  const rowOf = new Map(personRows.map((row) => [row.id, row]));
  const personOf = new Map(people.map((person) => [person.id, person]));
  for (const team of teams) {
    const employees = team.memberIds
      .map((id) => personOf.get(id))
      .filter((person): person is DemoPerson => person?.role === "employee");
    for (const teamFunction of team.definition.functions ?? []) {
      const holders =
        teamFunction.holders === "every employee"
          ? employees
          : random
              .shuffle(employees.filter((person) => person.isActive && !person.isNewcomer))
              .slice(0, teamFunction.holders);
      const profileKey = functions.libraryKeys.has(teamFunction.profileKey)
        ? teamFunction.profileKey
        : functions.defaultProfileKey;
      holders.forEach((person, index) => {
        const row = rowOf.get(person.id);
        if (!row) throw new Error(`Geen persoonsrij voor ${person.email}`);
        person.profileKey = profileKey;
        row.profile_key = profileKey;
        const titles = teamFunction.jobTitles ?? [];
        if (titles.length > 0) row.job_title = titles[index % titles.length];
      });
    }
  }
}

interface PersonName {
  firstName: string;
  lastName: string;
}

function createNameSource(random: Random) {
  const usedEmails = new Set<string>();
  const englishNames = random.shuffle(ENGLISH_NAMES);
  return {
    dutch(): PersonName {
      for (;;) {
        const name = { firstName: random.pick(FIRST_NAMES), lastName: random.pick(LAST_NAMES) };
        if (!usedEmails.has(emailOf(name))) return name;
      }
    },
    english(): PersonName {
      const name = englishNames.pop();
      if (!name) throw new Error("Te weinig Engelse namen voor de demo");
      return name;
    },
    email(name: PersonName): string {
      const email = emailOf(name);
      if (usedEmails.has(email)) throw new Error(`E-mailadres ${email} is al gebruikt`);
      usedEmails.add(email);
      return email;
    },
  };
}

function emailOf(name: PersonName): string {
  return `${emailLocalPart(name.firstName, name.lastName)}@${DEMO_EMAIL_DOMAIN}`;
}

function createEmployeeNumberSource(random: Random) {
  const used = new Set<string>();
  return {
    next(): string {
      for (;;) {
        const number = String(random.int(10000, 99999));
        if (!used.has(number)) {
          used.add(number);
          return number;
        }
      }
    },
  };
}
