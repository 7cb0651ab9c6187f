import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, vi } from "vitest";
import { getCurrentUser, type CurrentUser } from "~/auth/guards.server";
import { createSession, sessionCookieName } from "~/auth/session.server";
import { pendingSignInCookie } from "~/auth/sign-in-cookies.server";
import { generateToken } from "~/utils/tokens.server";
import { loadProfilesFromDirectory } from "~/profiles/load.server";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Person, Team } from "#db/schema";
import { DEFAULT_DEMO_SEED, seedDemo } from "#db/seed/demo";
import { createSeededTestDatabase, createTestDatabase } from "../../setup/test-database";
import { allAsSent } from "../email/outbox-helpers";
import { runRoute, type Outcome } from "../route-outcome";

export const ORIGIN = "http://localhost";

/** The moment the clock stands still at in these tests (see useAuthDatabase). */
export const NOW = new Date("2030-03-04T10:07:00.000Z");

export function minutesAfter(moment: Date, minutes: number): Date {
  return new Date(moment.getTime() + minutes * 60_000);
}

function loadDemoProfile() {
  const profile = loadProfilesFromDirectory(path.resolve("surveys")).find(
    (candidate) => candidate.id === "toepassing-beleid",
  );
  if (!profile) throw new Error("surveys/toepassing-beleid.md is missing");
  return profile;
}

/**
 * A fresh, migrated test database for the whole file, installed as the app's database
 * singleton. With `seed` it holds the demo municipality (dated relative to NOW). With
 * `freezeClock` (the default) `new Date()` returns NOW for the whole file, so nothing
 * depends on the wall clock (rate-limit windows, expiry).
 */
export function useAuthDatabase(options: { seed?: boolean; freezeClock?: boolean } = {}): {
  readonly db: DB;
} {
  const holder: { db?: DB; cleanup?: () => Promise<void> } = {};
  beforeAll(async () => {
    if (options.freezeClock ?? true) vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const { db, cleanup } = options.seed
      ? await createSeededTestDatabase(`demo:${DEFAULT_DEMO_SEED}:${NOW.toISOString()}`, (fresh) =>
          seedDemo(fresh, { profile: loadDemoProfile(), today: NOW }),
        )
      : await createTestDatabase();
    holder.db = db;
    holder.cleanup = cleanup;
    globalThis.__rondomDatabase = Promise.resolve(db);
  });
  afterAll(async () => {
    globalThis.__rondomDatabase = undefined;
    await holder.cleanup?.();
    vi.useRealTimers();
  });
  return {
    get db(): DB {
      if (!holder.db) throw new Error("The test database is not ready yet");
      return holder.db;
    },
  };
}

// ---------------------------------------------------------------------------------------
// People of the demo municipality, found by what they are rather than by name.

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
// Cookies and requests.

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!.trim();
}

/** Every Set-Cookie header of a response, as separate strings. */
export function setCookies(headers: Headers): string[] {
  return headers.getSetCookie();
}

export function sessionSetCookie(headers: Headers): string | undefined {
  return setCookies(headers).find((value) => value.startsWith(`${sessionCookieName()}=`));
}

/**
 * A new browser's own random value, as POST /inloggen puts it in the pending sign-in cookie;
 * sign-ins asked with it are bound to that browser.
 */
export function newBrowser(): string {
  return generateToken();
}

/** The `Cookie` pair of a pending sign-in, as POST /inloggen sets it in that browser. */
export async function pendingCookieFor(
  db: DB,
  email: string,
  options: { browser?: string; redirectTo?: string } = {},
): Promise<string> {
  const cookie = await pendingSignInCookie(db);
  return cookiePair(
    await cookie.serialize({
      email,
      redirectTo: options.redirectTo ?? "/mijn",
      browser: options.browser ?? newBrowser(),
    }),
  );
}

/** A `Cookie` header with a new session of the person (no sign-in, no audit entry). */
export async function signedInCookie(db: DB, personId: string, now?: Date): Promise<string> {
  return cookiePair(await createSession(db, personId, now));
}

/** The signed-in user as the guards see them, through a real session. */
export async function currentUserOf(db: DB, personId: string): Promise<CurrentUser> {
  const cookie = await signedInCookie(db, personId);
  const user = await getCurrentUser(getRequest("/mijn", { cookie }), db);
  if (!user) throw new Error(`No user for ${personId}`);
  return user;
}

export function joinCookies(...pairs: (string | undefined)[]): string {
  return pairs.filter(Boolean).join("; ");
}

export function getRequest(pathAndQuery: string, init: { cookie?: string } = {}): Request {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`${ORIGIN}${pathAndQuery}`, { method: "GET", headers });
}

export type Fields = [string, string][];

/** A POST as a plain `<form method="post">` sends it. */
export function postRequest(
  pathAndQuery: string,
  fields: Fields,
  init: { cookie?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(`${ORIGIN}${pathAndQuery}`, {
    method: "POST",
    headers,
    body: new URLSearchParams(fields).toString(),
  });
}

// ---------------------------------------------------------------------------------------
// Calling loaders and actions as Remix would.

export const CLIENT = "203.0.113.7";

export async function call(
  fn: unknown,
  request: Request,
  options: { params?: Record<string, string>; clientAddress?: string } = {},
): Promise<Outcome> {
  return runRoute(fn, request, options.params ?? {}, {
    clientAddress: options.clientAddress ?? CLIENT,
  });
}

export {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../route-outcome";

// ---------------------------------------------------------------------------------------
// Sign-in mail.

export interface SignInMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
  kind: string;
  organisationId: string | null;
  /** The full link from the text version. */
  link: string;
  /** The raw link token (the path segment after /inloggen/link/). */
  token: string;
  code: string;
}

const LINK_PATTERN = /(https?:\/\/\S+?\/inloggen\/link\/([^\s?]+)\S*)/;
const CODE_PATTERN = /^.+: (\d{6})$/m;

export function parseSignInMail(row: {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  locale: string;
  kind: string;
  organisation_id: string | null;
}): SignInMail {
  const link = LINK_PATTERN.exec(row.text_body);
  const code = CODE_PATTERN.exec(row.text_body);
  if (!link || !code) throw new Error(`Not a sign-in mail:\n${row.text_body}`);
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    locale: row.locale,
    kind: row.kind,
    organisationId: row.organisation_id,
    link: link[1]!,
    token: link[2]!,
    code: code[1]!,
  };
}

export async function outboxIds(db: DB): Promise<Set<string>> {
  const rows = await db.selectFrom("email_outbox").select("id").execute();
  return new Set(rows.map((row) => row.id));
}

/** The outbox rows written since `before` was taken, with the bodies the sender would send. */
export async function mailsSince(db: DB, before: Set<string>) {
  const rows = await db.selectFrom("email_outbox").selectAll().execute();
  return allAsSent(
    db,
    rows.filter((row) => !before.has(row.id)),
  );
}

/** Runs `action` and returns the one sign-in mail it wrote; fails unless exactly one. */
export async function expectOneSignInMail(
  db: DB,
  action: () => Promise<unknown>,
): Promise<SignInMail> {
  const before = await outboxIds(db);
  await action();
  const rows = await mailsSince(db, before);
  if (rows.length !== 1) throw new Error(`Expected one new mail, got ${rows.length}`);
  return parseSignInMail(rows[0]!);
}

/** A six-digit code that is certainly not `code`. */
export function otherCode(code: string, offset = 1): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, "0");
}

/**
 * The audit actions by or about the person (failed codes name the account as the subject,
 * since whoever typed them is unknown), in the order they were logged.
 */
export async function auditActions(db: DB, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("action")
    .where((eb) =>
      eb.or([
        eb("actor_person_id", "=", personId),
        eb.and([eb("subject_type", "=", "person"), eb("subject_id", "=", personId)]),
      ]),
    )
    // Insertion order: the audit log is an ordinary table with a rowid.
    .orderBy(sql`rowid`)
    .execute();
  return rows.map((row) => row.action);
}

/**
 * Waits (polling, at most `attempts` × 10 ms) until `check` returns a value other than
 * undefined. For work a route starts after it has answered (the sign-in mail).
 */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  attempts = 1000,
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("The expected state was not reached");
}

/** The newest sign-in mail to the address, waiting for it when it is not there yet. */
export async function awaitSignInMail(
  db: DB,
  to: string,
  before: Set<string>,
): Promise<SignInMail> {
  return eventually(async () => {
    const rows = (await mailsSince(db, before)).filter((row) => row.to_address === to);
    if (rows.length > 1) throw new Error(`More than one new mail to ${to}`);
    return rows[0] ? parseSignInMail(rows[0]) : undefined;
  });
}

export async function countRows(
  db: DB,
  table: "sign_in_token" | "email_outbox" | "session" | "audit_log",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
