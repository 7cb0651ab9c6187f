import { redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { getDb } from "~/db.server";
import { notFound } from "~/utils/http-errors.server";
import { readSession } from "./session.server";
import { fullName } from "~/people/full-name";
import { withDescendants } from "~/teams/tree";

export type Role = "employee" | "team_lead" | "hr_admin";

export interface CurrentUser {
  id: string;
  sessionId: string;
  organisationId: string;
  organisationName: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  locale: Locale;
  isHrAdmin: boolean;
  /** Teams the person leads directly. */
  ledTeamIds: string[];
  /** Those teams and every team nested under them (a department head sees its sub-teams). */
  visibleTeamIds: string[];
  roles: Role[];
}

/** The signed-in person, or null. A deactivated person's sessions no longer count. */
export async function getCurrentUser(
  request: Request,
  db?: Kysely<Database>,
): Promise<CurrentUser | null> {
  const database = db ?? (await getDb());
  const session = await readSession(database, request);
  if (!session) return null;
  const person = await database
    .selectFrom("person")
    .innerJoin("organisation", "organisation.id", "person.organisation_id")
    .select([
      "person.id",
      "person.organisation_id",
      "person.first_name",
      "person.last_name",
      "person.email",
      "person.locale",
      "person.is_hr_admin",
      "person.is_active",
      "organisation.name as organisation_name",
    ])
    .where("person.id", "=", session.personId)
    .executeTakeFirst();
  if (!person || person.is_active !== 1) return null;

  const teams = await database
    .selectFrom("team")
    .select(["id", "parent_team_id", "lead_person_id"])
    .where("organisation_id", "=", person.organisation_id)
    .execute();
  const ledTeamIds = teams.filter((team) => team.lead_person_id === person.id).map((t) => t.id);
  const visibleTeamIds = [
    ...withDescendants(
      ledTeamIds,
      teams.map((team) => ({ id: team.id, parentTeamId: team.parent_team_id })),
    ),
  ];
  const roles: Role[] = ["employee"];
  if (ledTeamIds.length > 0) roles.push("team_lead");
  if (person.is_hr_admin === 1) roles.push("hr_admin");

  return {
    id: person.id,
    sessionId: session.id,
    organisationId: person.organisation_id,
    organisationName: person.organisation_name,
    firstName: person.first_name,
    lastName: person.last_name,
    name: fullName(person),
    email: person.email,
    locale: person.locale,
    isHrAdmin: person.is_hr_admin === 1,
    ledTeamIds,
    visibleTeamIds,
    roles,
  };
}

/** Where an anonymous visitor is sent: sign in, then come back here. */
export function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = back === "/" ? "/inloggen" : `/inloggen?redirectTo=${encodeURIComponent(back)}`;
  return redirect(target);
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

export function hasRole(user: CurrentUser, role: Role): boolean {
  return user.roles.includes(role);
}

// Someone else's page answers as if it did not exist: 404, never 403 (the one 404 helper is
// notFound in app/utils/http-errors.server.ts).

export async function requireRole(request: Request, role: Role): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasRole(user, role)) throw notFound();
  return user;
}

/** A team page: its leads (and leads of departments above it) and HR of the organisation. */
export function mayViewTeam(user: CurrentUser, team: { id: string; organisation_id: string }) {
  if (team.organisation_id !== user.organisationId) return false;
  return user.isHrAdmin || user.visibleTeamIds.includes(team.id);
}

/**
 * An individual report: the participant after release; the participant's manager in that
 * round (the lead the participant shared with, not a department head above, nor a later
 * lead after a move) only when the cycle lets leads see member results and the participant
 * shared them. Never HR (docs/anonymity.md: HR sees counts, never answers).
 */
export async function mayReadReport(
  db: Kysely<Database>,
  user: CurrentUser,
  participantId: string,
): Promise<{ allowed: false } | { allowed: true; as: "participant" | "lead" }> {
  const participant = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .select([
      "participant.person_id",
      "participant.shared_with_lead_at",
      "participant.manager_person_id",
      "cycle.organisation_id",
      "cycle.status",
      "cycle.lead_access",
    ])
    .where("participant.id", "=", participantId)
    .executeTakeFirst();
  if (!participant || participant.organisation_id !== user.organisationId) {
    return { allowed: false };
  }
  if (participant.status !== "released") return { allowed: false };
  if (participant.person_id === user.id) return { allowed: true, as: "participant" };
  if (
    participant.manager_person_id === user.id &&
    participant.lead_access === "with_consent" &&
    participant.shared_with_lead_at !== null
  ) {
    return { allowed: true, as: "lead" };
  }
  return { allowed: false };
}
