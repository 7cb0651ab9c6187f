import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import {
  INVITATION_KEY_NAME,
  invitationTokenWithKey,
} from "../../../app/rater/invitation-token.server";
import type { DB } from "../../../db/database";
import { e2eBaseURL } from "../../../playwright.config";
import { withDb } from "./rater";

export const baseURL = e2eBaseURL;

export interface DemoPerson {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  locale: "nl" | "en";
  teamId: string | null;
  isHrAdmin: boolean;
}

export interface DemoTeam {
  id: string;
  name: string;
  parentId: string | null;
  leadId: string | null;
}

export interface DemoOrganisation {
  id: string;
  name: string;
  seed: string;
  people: DemoPerson[];
  teams: DemoTeam[];
  hrAdmin: DemoPerson;
}

let cached: Promise<DemoOrganisation> | undefined;

/**
 * The link token of an invitation, derived as the app derives it: with the instance's
 * invitation key (INVITATION_SECRET when the server inherits one, else the key the instance
 * generated and keeps in its database). An invitation id alone opens nothing.
 */
async function invitationTokenOf(db: DB, invitationId: string): Promise<string> {
  const configured = process.env.INVITATION_SECRET;
  if (configured) return invitationTokenWithKey(configured, invitationId);
  const key = await db
    .selectFrom("instance_secret")
    .select("value")
    .where("name", "=", INVITATION_KEY_NAME)
    .executeTakeFirstOrThrow();
  return invitationTokenWithKey(key.value, invitationId);
}

/** The seeded demo organisation (the first organisation) with its active people and teams. */
export function demoOrganisation(): Promise<DemoOrganisation> {
  cached ??= withDb(async (db) => {
    const organisation = await db
      .selectFrom("organisation")
      .select(["id", "name", "is_demo", "demo_seed"])
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    if (organisation.is_demo !== 1 || !organisation.demo_seed) {
      throw new Error("the e2e database does not start with the demo organisation");
    }
    const people = (
      await db
        .selectFrom("person")
        .select([
          "id",
          "first_name",
          "last_name",
          "email",
          "locale",
          "team_id",
          "is_hr_admin",
          "is_active",
        ])
        .where("organisation_id", "=", organisation.id)
        .where("is_active", "=", 1)
        // By id, not by address: a test may change an address (the address-change test
        // does), and a worker that starts after it must still hand every slot the same person.
        .orderBy("id")
        .execute()
    ).map((row): DemoPerson => ({
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      name: `${row.first_name} ${row.last_name}`,
      email: row.email,
      locale: row.locale,
      teamId: row.team_id,
      isHrAdmin: row.is_hr_admin === 1,
    }));
    const teams = (
      await db
        .selectFrom("team")
        .select(["id", "name", "parent_team_id", "lead_person_id"])
        .where("organisation_id", "=", organisation.id)
        .orderBy("name")
        .execute()
    ).map((row): DemoTeam => ({
      id: row.id,
      name: row.name,
      parentId: row.parent_team_id,
      leadId: row.lead_person_id,
    }));
    const hrAdmin = people.find((person) => person.isHrAdmin);
    if (!hrAdmin) throw new Error("the demo has no HR admin");
    return {
      id: organisation.id,
      name: organisation.name,
      seed: organisation.demo_seed,
      people,
      teams,
      hrAdmin,
    };
  });
  return cached;
}

/** The teams a person may see as a lead: the teams they lead and every team below them. */
export function visibleTeamIds(demo: DemoOrganisation, personId: string): string[] {
  const seen = new Set<string>();
  const queue = demo.teams.filter((team) => team.leadId === personId).map((team) => team.id);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const team of demo.teams) if (team.parentId === id) queue.push(team.id);
  }
  return [...seen];
}

export function isLead(demo: DemoOrganisation, personId: string): boolean {
  return demo.teams.some((team) => team.leadId === personId);
}

/** Tokens of the open invitations waiting for a rater in a collecting round (their to-do list). */
export function openInvitationTokensFor(personId: string): Promise<string[]> {
  return withDb(async (db) => {
    const demo = await demoOrganisation();
    const rows = await db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select("invitation.id")
      .where("invitation.rater_person_id", "=", personId)
      .where("invitation.status", "=", "open")
      .where("cycle.status", "=", "collecting")
      .where("cycle.organisation_id", "=", demo.id)
      .orderBy("invitation.id")
      .execute();
    return Promise.all(rows.map((row) => invitationTokenOf(db, row.id)));
  });
}

/** An open Dutch demo invitation and its raw token (the first by id): the token is the only key. */
export function openDemoInvitation(): Promise<{ id: string; token: string }> {
  return withDb(async (db) => {
    const demo = await demoOrganisation();
    const row = await db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select("invitation.id")
      .where("cycle.organisation_id", "=", demo.id)
      .where("cycle.status", "=", "collecting")
      .where("invitation.status", "=", "open")
      .where("invitation.locale", "=", "nl")
      .where((eb) =>
        eb.or([
          eb("invitation.expires_at", "is", null),
          eb("invitation.expires_at", ">", new Date().toISOString()),
        ]),
      )
      .orderBy("invitation.id")
      .executeTakeFirstOrThrow();
    return { id: row.id, token: await invitationTokenOf(db, row.id) };
  });
}

export interface MatrixCast {
  /** E: an employee (no lead, no HR) with questionnaires waiting. */
  employee: DemoPerson;
  /** E2: an employee of another team, with questionnaires waiting too. */
  otherEmployee: DemoPerson;
  /** L: the lead of E's team. */
  lead: DemoPerson;
  /** L2: a lead who sees neither E's team nor any team above it. */
  otherLead: DemoPerson;
  /** H: the HR admin. */
  hrAdmin: DemoPerson;
  /** E's team. */
  team: DemoTeam;
  /** A team L2 leads (so L2 may view it), which L does not see. */
  otherTeam: DemoTeam;
}

let castCache: Promise<MatrixCast> | undefined;

/**
 * The people of the authorisation matrix (and of the read-only pages in the other tests).
 * Nobody here signs in by mail or signs out everywhere: their sessions are only added to.
 */
export function matrixCast(): Promise<MatrixCast> {
  castCache ??= (async () => {
    const demo = await demoOrganisation();
    const plainEmployees = demo.people.filter(
      (person) =>
        !person.isHrAdmin && !isLead(demo, person.id) && person.locale === "nl" && person.teamId,
    );
    const withTodo: DemoPerson[] = [];
    for (const person of plainEmployees) {
      if ((await openInvitationTokensFor(person.id)).length > 0) withTodo.push(person);
    }
    for (const employee of withTodo) {
      const team = demo.teams.find((candidate) => candidate.id === employee.teamId);
      const lead = demo.people.find((person) => person.id === team?.leadId);
      if (!team || !lead || lead.id === employee.id) continue;
      // Leads who see E's team: its lead and the leads of the departments above it.
      const seesTeam = (person: DemoPerson) => visibleTeamIds(demo, person.id).includes(team.id);
      for (const otherEmployee of withTodo) {
        if (otherEmployee.teamId === employee.teamId) continue;
        // Preferably the lead of E2's team; any lead who does not see E's team will do.
        const otherTeam = demo.teams.find((candidate) => candidate.id === otherEmployee.teamId);
        const otherLead = [
          ...demo.people.filter((person) => person.id === otherTeam?.leadId),
          ...demo.people.filter((person) => isLead(demo, person.id)),
        ].find((person) => !person.isHrAdmin && !seesTeam(person));
        if (!otherLead) continue;
        const ledByOtherLead = demo.teams.find((candidate) => candidate.leadId === otherLead.id);
        if (!ledByOtherLead) continue;
        if (visibleTeamIds(demo, lead.id).includes(ledByOtherLead.id)) continue;
        return {
          employee,
          otherEmployee,
          lead,
          otherLead,
          hrAdmin: demo.hrAdmin,
          team,
          otherTeam: ledByOtherLead,
        };
      }
    }
    throw new Error("the demo has no employees and leads to fill the authorisation matrix");
  })();
  return castCache;
}

/**
 * Tests that sign someone in by mail (their mails, codes and rate limits must not mix) or
 * sign someone out everywhere each get a person of their own, so parallel tests never
 * collide.
 */
export const PERSONAL_SLOTS = [
  "sign-in-code",
  "sign-in-link",
  "sign-in-mail",
  "sign-in-known",
  "sign-in-wrong-code",
  "sign-in-no-js",
  "sign-in-keyboard",
  "sign-out-everywhere",
  "a11y-code",
  "cross-site",
  "security-link-binding",
  "address-change",
] as const;
export type PersonalSlot = (typeof PERSONAL_SLOTS)[number];

/**
 * The person reserved for one slot: a Dutch-speaking team lead or employee outside the
 * matrix cast, never the HR admin (leads first, so "sign-in-code" gets a team lead).
 */
export async function personFor(slot: PersonalSlot): Promise<DemoPerson> {
  const demo = await demoOrganisation();
  const cast = await matrixCast();
  const taken = new Set(
    [cast.employee, cast.otherEmployee, cast.lead, cast.otherLead].map((person) => person.id),
  );
  const candidates = demo.people.filter(
    (person) =>
      !person.isHrAdmin && person.locale === "nl" && person.teamId && !taken.has(person.id),
  );
  const ordered = [
    ...candidates.filter((person) => isLead(demo, person.id)),
    ...candidates.filter((person) => !isLead(demo, person.id)),
  ];
  const person = ordered[PERSONAL_SLOTS.indexOf(slot)];
  if (!person) throw new Error(`no demo person left for ${slot}`);
  return person;
}

/** A person whose own language is English (for the English mail). */
export async function englishPerson(): Promise<DemoPerson> {
  const demo = await demoOrganisation();
  const person = demo.people.find((candidate) => candidate.locale === "en" && !candidate.isHrAdmin);
  if (!person) throw new Error("the demo has no English-speaking person");
  return person;
}

/** The API context that shares the cookies of a page or browser context. */
export function apiOf(target: BrowserContext | Page | APIRequestContext): APIRequestContext {
  if ("newPage" in target || "goto" in target) return target.request;
  return target;
}

/**
 * One-click demo sign-in (POST /demo/inloggen), as the home page's "Inloggen als …" buttons
 * do; the session cookie lands in the given browser or API context.
 */
export async function demoSignIn(
  target: BrowserContext | Page | APIRequestContext,
  person: Pick<DemoPerson, "id">,
) {
  const response = await apiOf(target).post(`${baseURL}/demo/inloggen`, {
    form: { personId: person.id },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), "demo sign-in answers with a redirect").toBe(302);
  expect(response.headers()["location"]).toBe("/mijn");
}

/** Path and query of a redirect's Location header, or null when the answer is no redirect. */
export function redirectTarget(response: {
  status(): number;
  headers(): Record<string, string>;
}): string | null {
  if (![301, 302, 303, 307, 308].includes(response.status())) return null;
  const location = response.headers()["location"];
  if (!location) return null;
  const url = new URL(location, baseURL);
  if (url.origin !== new URL(baseURL).origin) return location;
  return url.pathname + url.search;
}
