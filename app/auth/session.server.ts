import { createCookie, type Cookie } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { secureCookies } from "~/utils/env.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { sessionSecrets } from "./secrets.server";

/** A session ends a week after sign-in, or after a day without any request. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 24 * 60 * 60 * 1000;
// last_seen_at is written at most this often, not on every request.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const SESSION_COOKIE_NAME = "rondom_session";

const cookies = new Map<string, Cookie>();

/** The signed session cookie. Several secrets are accepted; the first one signs. */
export function sessionCookie(secrets: string[]): Cookie {
  const key = secrets.join("\n");
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie(SESSION_COOKIE_NAME, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      secrets,
      maxAge: SESSION_MAX_AGE_MS / 1000,
    });
    cookies.set(key, cookie);
  }
  return cookie;
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
  if (!header?.includes(SESSION_COOKIE_NAME)) return null;
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
    .select(["id", "person_id", "expires_at", "last_seen_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!session) return null;
  const idleSince = new Date(session.last_seen_at).getTime();
  if (session.expires_at <= now.toISOString() || now.getTime() - idleSince > SESSION_IDLE_MS) {
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
  const row = await db
    .selectFrom("session")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("person_id", "=", personId)
    .where("expires_at", ">", now.toISOString())
    .where("last_seen_at", ">", new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Sessions past their end are deleted now and then; they would be refused anyway. */
export async function purgeExpiredSessions(db: Kysely<Database>, now: Date = new Date()) {
  await db
    .deleteFrom("session")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now.toISOString()),
        eb("last_seen_at", "<", new Date(now.getTime() - SESSION_IDLE_MS).toISOString()),
      ]),
    )
    .execute();
}
