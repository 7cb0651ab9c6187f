import { containsText } from "~/utils/text-search.server";
import { inTransaction } from "#db/transaction";
import { sql } from "kysely";
import type { DB } from "#db/database";
import { currentVersionFor } from "~/profiles/library.server";
import { newId } from "#db/ids";
import type { Locale } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { endAccess } from "~/auth/end-access.server";
import {
  changeAddress,
  type AddressChangeOutcome,
  type AddressChangeSubject,
} from "./address-change.server";
import { isAddressUsedElsewhere } from "./address-owner.server";
import type { PersonFormValues } from "./person-schema";
import { fullName } from "./full-name";
import { compareByName, inDutchOrder } from "./dutch-order";

// People of one organisation, as HR lists and edits them by hand. Every change is audited;
// nobody is ever deleted (their history stays), only deactivated.

export const PEOPLE_PAGE_SIZE = 50;
export type PeopleStatusFilter = "active" | "inactive" | "all";

/** Who acts: an HR admin of the organisation (checked by the route). */
export interface Actor {
  id: string;
  organisationId: string;
}

export interface PersonListItem {
  id: string;
  name: string;
  employeeNumber: string | null;
  email: string;
  teamName: string | null;
  isHrAdmin: boolean;
  isActive: boolean;
}

export interface PeoplePage {
  people: PersonListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of the organisation's people, in Dutch order (app/people/dutch-order.ts). Every
 * word of `search` must occur in the name, the email address or the employee number.
 */
export async function listPeople(
  db: DB,
  organisationId: string,
  options: { search: string; status: PeopleStatusFilter; page: number },
): Promise<PeoplePage> {
  let matching = db
    .selectFrom("person")
    .select(["person.id", "person.first_name", "person.last_name"])
    .where("person.organisation_id", "=", organisationId);
  if (options.status !== "all") {
    matching = matching.where("person.is_active", "=", options.status === "active" ? 1 : 0);
  }
  for (const term of options.search.split(/\s+/).filter(Boolean).slice(0, 5)) {
    matching = matching.where((eb) =>
      eb.or([
        containsText(db, sql`person.first_name || ' ' || person.last_name`, term),
        containsText(db, sql`person.email`, term),
        containsText(db, sql`coalesce(person.employee_number, '')`, term),
      ]),
    );
  }
  // The page is cut from every match sorted here: the database's order of names differs per
  // installation, so neither ORDER BY nor OFFSET can be left to it.
  const matches = await matching.execute();
  const total = matches.length;
  const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const pageIds = inDutchOrder(matches)
    .slice((page - 1) * PEOPLE_PAGE_SIZE, page * PEOPLE_PAGE_SIZE)
    .map((person) => person.id);
  const rows =
    pageIds.length === 0
      ? []
      : await db
          .selectFrom("person")
          .leftJoin("team", "team.id", "person.team_id")
          .select([
            "person.id",
            "person.first_name",
            "person.last_name",
            "person.employee_number",
            "person.email",
            "person.is_hr_admin",
            "person.is_active",
            "team.name as team_name",
          ])
          .where("person.organisation_id", "=", organisationId)
          .where("person.id", "in", pageIds)
          .execute();
  return {
    people: inDutchOrder(rows).map((row) => ({
      id: row.id,
      name: fullName(row),
      employeeNumber: row.employee_number,
      email: row.email,
      teamName: row.team_name,
      isHrAdmin: row.is_hr_admin === 1,
      isActive: row.is_active === 1,
    })),
    total,
    page,
    pageCount,
  };
}

export interface PersonRecord {
  id: string;
  employeeNumber: string | null;
  firstName: string;
  lastName: string;
  email: string;
  locale: Locale;
  teamId: string | null;
  profileKey: string | null;
  isHrAdmin: boolean;
  isActive: boolean;
  /** Teams this person leads. */
  ledTeams: { id: string; name: string }[];
}

/** A person of the organisation, or null (also for a person of another organisation). */
export async function loadPerson(
  db: DB,
  organisationId: string,
  personId: string,
): Promise<PersonRecord | null> {
  const row = await db
    .selectFrom("person")
    .selectAll()
    .where("id", "=", personId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (!row) return null;
  const ledTeams = (
    await db
      .selectFrom("team")
      .select(["id", "name"])
      .where("lead_person_id", "=", personId)
      .where("organisation_id", "=", organisationId)
      .execute()
  ).sort(compareByName);
  return {
    id: row.id,
    employeeNumber: row.employee_number,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    locale: row.locale,
    teamId: row.team_id,
    profileKey: row.profile_key,
    isHrAdmin: row.is_hr_admin === 1,
    isActive: row.is_active === 1,
    ledTeams,
  };
}

export type SavePersonResult =
  | { status: "saved"; personId: string; address?: AddressChangeOutcome }
  | { status: "taken"; fields: TakenField[] }
  | { status: "unknown_team" }
  | { status: "unknown_profile" }
  | { status: "own_hr_role" }
  | { status: "not_found" };

/** emailElsewhere: the address belongs to someone in another organisation. */
export type TakenField = "employeeNumber" | "email" | "emailElsewhere";

/**
 * Which of the values already belong to someone else: in the organisation, or (for the
 * address, which signs in on its own) anywhere on the instance.
 */
async function takenFields(
  db: DB,
  organisationId: string,
  values: { employeeNumber: string; email: string },
  exceptPersonId: string | null,
): Promise<TakenField[]> {
  let query = db
    .selectFrom("person")
    .select(["employee_number", "email"])
    .where("organisation_id", "=", organisationId)
    .where((eb) =>
      eb.or([
        eb("employee_number", "=", values.employeeNumber),
        eb(sql`lower(email)`, "=", values.email.toLowerCase()),
      ]),
    );
  if (exceptPersonId) query = query.where("id", "!=", exceptPersonId);
  const others = await query.execute();
  const fields: TakenField[] = [];
  if (others.some((other) => other.employee_number === values.employeeNumber)) {
    fields.push("employeeNumber");
  }
  if (others.some((other) => other.email.toLowerCase() === values.email.toLowerCase())) {
    fields.push("email");
  } else if (await isAddressUsedElsewhere(db, organisationId, values.email)) {
    fields.push("emailElsewhere");
  }
  return fields;
}

async function isOrganisationTeam(db: DB, organisationId: string, teamId: string) {
  const team = await db
    .selectFrom("team")
    .select("id")
    .where("id", "=", teamId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return team !== undefined;
}

/**
 * A function profile the person may be given: a current profile of the organisation's
 * library, or the one they already have (kept when it was retired since).
 */
async function isAllowedProfile(
  db: DB,
  organisationId: string,
  profileKey: string,
  currentKey: string | null,
): Promise<boolean> {
  if (profileKey === currentKey) return true;
  return (await currentVersionFor(db, organisationId, profileKey)) !== null;
}

function columnsOf(values: PersonFormValues) {
  return {
    employee_number: values.employeeNumber,
    first_name: values.firstName,
    last_name: values.lastName,
    email: values.email,
    locale: values.locale,
    team_id: values.teamId || null,
    profile_key: values.profileKey || null,
    is_hr_admin: values.role === "hr_admin" ? (1 as const) : (0 as const),
  };
}

export async function createPerson(
  db: DB,
  actor: Actor,
  values: PersonFormValues,
  now: Date = new Date(),
): Promise<SavePersonResult> {
  return inTransaction(db, async (trx) => {
    const taken = await takenFields(trx, actor.organisationId, values, null);
    if (taken.length > 0) return { status: "taken", fields: taken };
    if (values.teamId && !(await isOrganisationTeam(trx, actor.organisationId, values.teamId))) {
      return { status: "unknown_team" };
    }
    if (
      values.profileKey &&
      !(await isAllowedProfile(trx, actor.organisationId, values.profileKey, null))
    ) {
      return { status: "unknown_profile" };
    }
    const personId = newId();
    const at = now.toISOString();
    await trx
      .insertInto("person")
      .values({
        id: personId,
        organisation_id: actor.organisationId,
        ...columnsOf(values),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(
      trx,
      {
        organisationId: actor.organisationId,
        actorPersonId: actor.id,
        action: "person_created",
        subjectType: "person",
        subjectId: personId,
      },
      now,
    );
    return { status: "saved", personId };
  });
}

export async function updatePerson(
  db: DB,
  actor: Actor,
  personId: string,
  values: PersonFormValues,
  now: Date = new Date(),
): Promise<SavePersonResult> {
  return inTransaction(db, async (trx) => {
    const current = await loadPerson(trx, actor.organisationId, personId);
    if (!current) return { status: "not_found" };
    if (personId === actor.id && current.isHrAdmin && values.role !== "hr_admin") {
      return { status: "own_hr_role" };
    }
    const taken = await takenFields(trx, actor.organisationId, values, personId);
    if (taken.length > 0) return { status: "taken", fields: taken };
    if (values.teamId && !(await isOrganisationTeam(trx, actor.organisationId, values.teamId))) {
      return { status: "unknown_team" };
    }
    if (
      values.profileKey &&
      !(await isAllowedProfile(trx, actor.organisationId, values.profileKey, current.profileKey))
    ) {
      return { status: "unknown_profile" };
    }
    // The address is not simply overwritten: it signs the person in (address-change.server.ts).
    const { email: newEmail, ...next } = columnsOf(values);
    const changed = changedColumns(current, next);
    if (changed.length > 0) {
      await trx
        .updateTable("person")
        .set({ ...next, updated_at: now.toISOString() })
        .where("id", "=", personId)
        .execute();
      // A changed HR role ends the person's sessions: they sign in again into what they now are.
      const sessions = changed.includes("is_hr_admin") ? await endAccess(trx, personId, now) : null;
      await recordAudit(
        trx,
        {
          organisationId: actor.organisationId,
          actorPersonId: actor.id,
          action: "person_updated",
          subjectType: "person",
          subjectId: personId,
          details:
            sessions === null
              ? { fields: changed.join(",") }
              : { fields: changed.join(","), sessions },
        },
        now,
      );
    }
    const address = await changeAddress(
      trx,
      actor.id,
      await addressChangeSubject(trx, current),
      newEmail,
      "page",
      now,
    );
    return { status: "saved", personId, address };
  });
}

/** What an address change needs to know of the person and their organisation. */
async function addressChangeSubject(db: DB, person: PersonRecord): Promise<AddressChangeSubject> {
  const row = await db
    .selectFrom("person")
    .innerJoin("organisation", "organisation.id", "person.organisation_id")
    .select(["person.organisation_id", "organisation.name"])
    .where("person.id", "=", person.id)
    .executeTakeFirstOrThrow();
  return {
    organisationId: row.organisation_id,
    organisationName: row.name,
    personId: person.id,
    firstName: person.firstName,
    locale: person.locale,
    email: person.email,
  };
}

type ColumnsWithoutEmail = Omit<ReturnType<typeof columnsOf>, "email">;

/** The names of the columns whose value differs (field names only: the log holds no values). */
function changedColumns(current: PersonRecord, next: ColumnsWithoutEmail): string[] {
  const before = {
    employee_number: current.employeeNumber,
    first_name: current.firstName,
    last_name: current.lastName,
    locale: current.locale,
    team_id: current.teamId,
    profile_key: current.profileKey,
    is_hr_admin: current.isHrAdmin ? 1 : 0,
  };
  return (Object.keys(next) as (keyof typeof next)[]).filter((key) => before[key] !== next[key]);
}

export type SetActiveResult =
  { status: "saved" } | { status: "own_account" } | { status: "not_found" };

/**
 * Deactivates or reactivates a person by hand. A deactivated person can no longer sign in and
 * stops leading their teams; their history (rounds, reports) stays.
 */
export async function setPersonActive(
  db: DB,
  actor: Actor,
  personId: string,
  active: boolean,
  now: Date = new Date(),
): Promise<SetActiveResult> {
  if (personId === actor.id && !active) return { status: "own_account" };
  return inTransaction(db, async (trx) => {
    const current = await loadPerson(trx, actor.organisationId, personId);
    if (!current) return { status: "not_found" };
    if (current.isActive === active) return { status: "saved" };
    if (active) {
      await trx
        .updateTable("person")
        .set({ is_active: 1, updated_at: now.toISOString() })
        .where("id", "=", personId)
        .execute();
      // Nothing from before the deactivation comes back: no session, no sign-in link.
      await endAccess(trx, personId, now);
      await recordAudit(
        trx,
        {
          organisationId: actor.organisationId,
          actorPersonId: actor.id,
          action: "person_reactivated",
          subjectType: "person",
          subjectId: personId,
        },
        now,
      );
    } else {
      await deactivatePeople(trx, actor, [personId], now);
    }
    return { status: "saved" };
  });
}

/**
 * Deactivates people of the actor's organisation (by hand or at the end of an import) and
 * removes them as lead of the teams they led. Run inside the caller's transaction.
 */
export async function deactivatePeople(
  db: DB,
  actor: Actor,
  personIds: string[],
  now: Date,
  details?: Record<string, string>,
): Promise<void> {
  for (const personId of personIds) {
    await db
      .updateTable("person")
      .set({ is_active: 0, updated_at: now.toISOString() })
      .where("id", "=", personId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    await db
      .updateTable("team")
      .set({ lead_person_id: null })
      .where("lead_person_id", "=", personId)
      .where("organisation_id", "=", actor.organisationId)
      .execute();
    // Deactivated means signed out now, not at the next request (and not revived later).
    const sessions = await endAccess(db, personId, now);
    await recordAudit(
      db,
      {
        organisationId: actor.organisationId,
        actorPersonId: actor.id,
        action: "person_deactivated",
        subjectType: "person",
        subjectId: personId,
        details: { ...details, sessions },
      },
      now,
    );
  }
}
