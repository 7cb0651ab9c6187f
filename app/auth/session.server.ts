import type { Cookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { sessionSecrets } from "./secrets.server";
import { siteCookie, siteCookieName } from "./site-cookie.server";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * A session ends twelve hours after sign-in, whatever happens (ASVS 3.3.2: a working day,
 * then sign in again), and earlier after a while without any request:
 * - HR admins: half an hour. Their session reaches everyone's personal data (people,
 *   addresses, rounds, the audit log), so a forgotten open screen is closed soon.
 * - everyone else (employees and team leads, who also answer questionnaires as raters):
 *   two hours. They read long things (a feedback report, a questionnaire of dozens of
 *   items, a team profile) without a request to the server, and losing a half-read report
 *   or half-typed answers to a 30-minute timeout would push people to keep refreshing pages
 *   instead; what their session reaches is their own report and their teams' summaries.
 * The role counts as it is now, at every request.
 */
export const SESSION_MAX_AGE_MS = 12 * HOUR;
export const SESSION_IDLE_MS = 2 * HOUR;
export const HR_SESSION_IDLE_MS = 30 * MINUTE;
// last_seen_at is written at most this often, not on every request; a session may so end
// up to this much before its idle time, never after.
const TOUCH_INTERVAL_MS = MINUTE;

function idleLimit(person: { is_hr_admin: number }): number {
  return person.is_hr_admin === 1 ? HR_SESSION_IDLE_MS : SESSION_IDLE_MS;
}

/** The session cookie's name (see siteCookieName). */
export function sessionCookieName(): string {
  return siteCookieName("rondom_session");
}

/** The signed session cookie. Several secrets are accepted; the first one signs. */
export function sessionCookie(secrets: string[]): Cookie {
  return siteCookie("rondom_session", secrets, SESSION_MAX_AGE_MS / 1000);
}

async function cookieFor(db: Kysely<Database>): Promise<Cookie> {
  return sessionCookie(await sessionSecrets(db));
}

/**
 * Starts a session with a new random id (never one the browser brought along) and returns
 * the Set-Cookie header. Only the id's hash is stored.
 */
export async function createSession(
  db: Kysely<Database>,
  personId: string,
  now: Date = new Date(),
): Promise<string> {
  const sessionId = generateToken();
  await db
    .insertInto("session")
    .values({
      id: hashToken(sessionId),
      person_id: personId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MAX_AGE_MS).toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return (await cookieFor(db)).serialize(sessionId);
}

async function sessionIdFrom(db: Kysely<Database>, request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header?.includes(sessionCookieName())) return null;
  const value: unknown = await (await cookieFor(db)).parse(header);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export interface ActiveSession {
  /** The stored (hashed) id. */
  id: string;
  personId: string;
}

/** The request's live session, or null. Expired and idle sessions are removed on sight. */
export async function readSession(
  db: Kysely<Database>,
  request: Request,
  now: Date = new Date(),
): Promise<ActiveSession | null> {
  const sessionId = await sessionIdFrom(db, request);
  if (!sessionId) return null;
  const id = hashToken(sessionId);
  const session = await db
    .selectFrom("session")
    .innerJoin("person", "person.id", "session.person_id")
    .select([
      "session.id",
      "session.person_id",
      "session.expires_at",
      "session.last_seen_at",
      "person.is_hr_admin",
    ])
    .where("session.id", "=", id)
    .executeTakeFirst();
  if (!session) return null;
  const idleSince = new Date(session.last_seen_at).getTime();
  if (session.expires_at <= now.toISOString() || now.getTime() - idleSince > idleLimit(session)) {
    await db.deleteFrom("session").where("id", "=", id).execute();
    return null;
  }
  if (now.getTime() - idleSince > TOUCH_INTERVAL_MS) {
    await db
      .updateTable("session")
      .set({ last_seen_at: now.toISOString() })
      .where("id", "=", id)
      .execute();
  }
  return { id, personId: session.person_id };
}

/** Ends the request's session (if any) and returns the Set-Cookie header that clears it. */
export async function destroySession(db: Kysely<Database>, request: Request): Promise<string> {
  const sessionId = await sessionIdFrom(db, request);
  if (sessionId) await db.deleteFrom("session").where("id", "=", hashToken(sessionId)).execute();
  return (await cookieFor(db)).serialize("", { maxAge: 0, expires: new Date(0) });
}

/** "Sign out everywhere": every session of the person ends. */
export async function destroyAllSessions(db: Kysely<Database>, personId: string): Promise<number> {
  const result = await db
    .deleteFrom("session")
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countSessions(
  db: Kysely<Database>,
  personId: string,
  now: Date = new Date(),
): Promise<number> {
  const person = await db
    .selectFrom("person")
    .select("is_hr_admin")
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return 0;
  const row = await db
    .selectFrom("session")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("person_id", "=", personId)
    .where("expires_at", ">", now.toISOString())
    .where("last_seen_at", ">=", new Date(now.getTime() - idleLimit(person)).toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Sessions past their end are deleted now and then; they would be refused anyway. */
export async function purgeExpiredSessions(db: Kysely<Database>, now: Date = new Date()) {
  const idleSince = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await db
    .deleteFrom("session")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now.toISOString()),
        eb("last_seen_at", "<", idleSince(SESSION_IDLE_MS)),
        eb.and([
          eb("last_seen_at", "<", idleSince(HR_SESSION_IDLE_MS)),
          eb(
            "person_id",
            "in",
            eb.selectFrom("person").select("person.id").where("person.is_hr_admin", "=", 1),
          ),
        ]),
      ]),
    )
    .execute();
}
