import { createCookie } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionSecrets } from "~/auth/secrets.server";
import {
  countSessions,
  createSession,
  destroyAllSessions,
  destroySession,
  purgeExpiredSessions,
  readSession,
  sessionCookieName,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
  sessionCookie,
} from "~/auth/session.server";
import { pendingSignInCookieName } from "~/auth/sign-in-cookies.server";
import { completeSignIn } from "~/auth/sign-in.server";
import { hashToken } from "~/utils/tokens.server";
import { cookiePair, getRequest, joinCookies, sessionSetCookie } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { minutesAfter, NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

const HOUR = 60 * 60_000;
const OLD_SECRET = "old-secret-old-secret-old-secret-0001";
const NEW_SECRET = "new-secret-new-secret-new-secret-0002";

function requestWith(cookie: string): Request {
  return getRequest("/mijn", { cookie });
}

/** The raw session id inside a Set-Cookie header (what only the browser knows). */
async function rawSessionId(setCookie: string): Promise<string> {
  const value: unknown = await sessionCookie(await sessionSecrets(test.db)).parse(
    cookiePair(setCookie),
  );
  if (typeof value !== "string") throw new Error("Not a session cookie");
  return value;
}

async function sessionRow(id: string) {
  return test.db.selectFrom("session").selectAll().where("id", "=", id).executeTakeFirst();
}

describe("createSession", () => {
  it("sets an HttpOnly, SameSite=Lax cookie for the whole site, valid for twelve hours", async () => {
    const setCookie = await createSession(test.db, cast.member.id);
    expect(setCookie.startsWith(`${sessionCookieName()}=`)).toBe(true);
    const attributes = setCookie.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).toContain(`max-age=${SESSION_MAX_AGE_MS / 1000}`);
  });

  it("stores only the SHA-256 of the cookie's id", async () => {
    const setCookie = await createSession(test.db, cast.member.id, NOW);
    const raw = await rawSessionId(setCookie);
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessionRow(raw)).toBeUndefined();
    const row = await sessionRow(hashToken(raw));
    expect(row).toEqual({
      id: hashToken(raw),
      person_id: cast.member.id,
      created_at: NOW.toISOString(),
      expires_at: new Date(NOW.getTime() + SESSION_MAX_AGE_MS).toISOString(),
      last_seen_at: NOW.toISOString(),
    });
    const everything = JSON.stringify(await test.db.selectFrom("session").selectAll().execute());
    expect(everything).not.toContain(raw);
  });

  it("gives every session a new id", async () => {
    const first = await rawSessionId(await createSession(test.db, cast.member.id));
    const second = await rawSessionId(await createSession(test.db, cast.member.id));
    expect(first).not.toBe(second);
  });
});

describe("readSession", () => {
  it("finds the session of the cookie", async () => {
    const setCookie = await createSession(test.db, cast.hr.id, NOW);
    const raw = await rawSessionId(setCookie);
    expect(await readSession(test.db, requestWith(cookiePair(setCookie)), NOW)).toEqual({
      id: hashToken(raw),
      personId: cast.hr.id,
    });
    // Among other cookies too.
    const mixed = joinCookies("rondom_lang=x", cookiePair(setCookie), "other=1");
    expect(await readSession(test.db, requestWith(mixed), NOW)).toMatchObject({
      personId: cast.hr.id,
    });
  });

  it("says null without a cookie, or for a well-signed cookie of no session", async () => {
    expect(await readSession(test.db, getRequest("/mijn"), NOW)).toBeNull();
    const stranger = await sessionCookie(await sessionSecrets(test.db)).serialize("no-such-id");
    expect(await readSession(test.db, requestWith(cookiePair(stranger)), NOW)).toBeNull();
  });

  it("notes activity at most every few minutes", async () => {
    const setCookie = await createSession(test.db, cast.member.id, NOW);
    const id = hashToken(await rawSessionId(setCookie));
    await readSession(test.db, requestWith(cookiePair(setCookie)), minutesAfter(NOW, 1));
    expect((await sessionRow(id))?.last_seen_at).toBe(NOW.toISOString());
    const later = minutesAfter(NOW, 30);
    await readSession(test.db, requestWith(cookiePair(setCookie)), later);
    expect((await sessionRow(id))?.last_seen_at).toBe(later.toISOString());
  });

  it("refuses and deletes a session twelve hours after sign-in, even when used every hour", async () => {
    expect(SESSION_MAX_AGE_MS).toBe(12 * HOUR);
    const setCookie = await createSession(test.db, cast.member.id, NOW);
    const request = () => requestWith(cookiePair(setCookie));
    const id = hashToken(await rawSessionId(setCookie));
    // Used every hour: never idle for long.
    for (let at = HOUR; at < SESSION_MAX_AGE_MS; at += HOUR) {
      expect(await readSession(test.db, request(), new Date(NOW.getTime() + at))).not.toBeNull();
    }
    const lastMinute = new Date(NOW.getTime() + SESSION_MAX_AGE_MS - 60_000);
    expect(await readSession(test.db, request(), lastMinute)).not.toBeNull();
    const end = new Date(NOW.getTime() + SESSION_MAX_AGE_MS);
    expect(await readSession(test.db, request(), end)).toBeNull();
    expect(await sessionRow(id)).toBeUndefined();
  });

  it("refuses and deletes an employee's session after more than two hours without requests", async () => {
    expect(SESSION_IDLE_MS).toBe(2 * HOUR);
    const idle = await createSession(test.db, cast.member.id, NOW);
    const idleId = hashToken(await rawSessionId(idle));
    const overIdle = new Date(NOW.getTime() + SESSION_IDLE_MS + 60_000);
    expect(await readSession(test.db, requestWith(cookiePair(idle)), overIdle)).toBeNull();
    expect(await sessionRow(idleId)).toBeUndefined();

    const active = await createSession(test.db, cast.member.id, NOW);
    const almostIdle = new Date(NOW.getTime() + SESSION_IDLE_MS - 60_000);
    expect(await readSession(test.db, requestWith(cookiePair(active)), almostIdle)).toMatchObject({
      personId: cast.member.id,
    });
  });

  it("refuses a tampered cookie, an unsigned one and one signed with another secret", async () => {
    const setCookie = await createSession(test.db, cast.teamLead.id, NOW);
    const pair = cookiePair(setCookie);
    const raw = await rawSessionId(setCookie);
    // A signed cookie is "<base64 of the JSON value>.<signature>" (URI-encoded).
    const signed = decodeURIComponent(pair.slice(`${sessionCookieName()}=`.length));
    const dot = signed.lastIndexOf(".");
    const [payload, signature] = [signed.slice(0, dot), signed.slice(dot + 1)];
    const asCookie = (value: string) => `${sessionCookieName()}=${encodeURIComponent(value)}`;
    expect(payload).toBe(btoa(JSON.stringify(raw)));

    // Someone else's session id with this cookie's signature.
    const victim = await rawSessionId(await createSession(test.db, cast.hr.id, NOW));
    const swapped = asCookie(`${btoa(JSON.stringify(victim))}.${signature}`);
    // The signature changed in its first character (six bits that all count).
    const first = signature.startsWith("A") ? "B" : "A";
    const badSignature = asCookie(`${payload}.${first}${signature.slice(1)}`);
    const unsigned = cookiePair(await createCookie(sessionCookieName()).serialize(raw));
    const foreign = cookiePair(await sessionCookie([NEW_SECRET]).serialize(raw));
    for (const cookie of [swapped, badSignature, unsigned, foreign]) {
      expect(await readSession(test.db, requestWith(cookie), NOW)).toBeNull();
    }
    // Rebuilt from its parts the cookie is accepted (so the refusals above are not an
    // artefact of how the cookie was taken apart), and bad cookies end no session.
    expect(
      await readSession(test.db, requestWith(asCookie(`${payload}.${signature}`)), NOW),
    ).toMatchObject({
      personId: cast.teamLead.id,
    });
    expect(await readSession(test.db, requestWith(pair), NOW)).toMatchObject({
      personId: cast.teamLead.id,
    });
  });
});

describe("secret rotation (sessionCookie)", () => {
  it("accepts a cookie signed with an older secret and signs new cookies with the first", async () => {
    const before = sessionCookie([OLD_SECRET]);
    const oldCookie = cookiePair(await before.serialize("session-id-1"));

    const rotated = sessionCookie([NEW_SECRET, OLD_SECRET]);
    expect(await rotated.parse(oldCookie)).toBe("session-id-1");

    const newCookie = cookiePair(await rotated.serialize("session-id-2"));
    expect(await sessionCookie([NEW_SECRET]).parse(newCookie)).toBe("session-id-2");
    expect(await sessionCookie([OLD_SECRET]).parse(newCookie)).toBeNull();
    // Once the old secret is dropped, its cookies are refused.
    expect(await sessionCookie([NEW_SECRET]).parse(oldCookie)).toBeNull();
  });
});

describe("completeSignIn", () => {
  it("ends the session the browser came with and starts one with a new id", async () => {
    const brought = await createSession(test.db, cast.member.id, NOW);
    const broughtId = hashToken(await rawSessionId(brought));
    const request = getRequest("/inloggen/code", {
      cookie: joinCookies(cookiePair(brought), `${pendingSignInCookieName()}=abc`),
    });
    const headers = await completeSignIn(
      test.db,
      request,
      { personId: cast.member.id, organisationId: cast.organisationId },
      "code",
    );
    expect(await sessionRow(broughtId)).toBeUndefined();

    const fresh = sessionSetCookie(headers);
    expect(fresh).toBeDefined();
    const freshId = hashToken(await rawSessionId(fresh!));
    expect(freshId).not.toBe(broughtId);
    expect(await sessionRow(freshId)).toMatchObject({ person_id: cast.member.id });
    expect(
      await readSession(test.db, requestWith(cookiePair(fresh!)), minutesAfter(NOW, 1)),
    ).toMatchObject({ personId: cast.member.id });
    // The pending sign-in cookie is cleared.
    const pending = headers
      .getSetCookie()
      .find((value) => value.startsWith(`${pendingSignInCookieName()}=`));
    expect(pending).toMatch(/Max-Age=0/i);
    // And the sign-in is logged with its method.
    const logged = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("actor_person_id", "=", cast.member.id)
      .where("action", "=", "sign_in")
      .execute();
    expect(logged.map((row) => JSON.parse(row.details ?? "null"))).toContainEqual({
      method: "code",
    });
  });

  it("ends another person's session the browser came with (no session fixation)", async () => {
    const planted = await createSession(test.db, cast.hr.id, NOW);
    const plantedId = hashToken(await rawSessionId(planted));
    const headers = await completeSignIn(
      test.db,
      getRequest("/inloggen/link/x", { cookie: cookiePair(planted) }),
      { personId: cast.english.id, organisationId: cast.organisationId },
      "link",
    );
    expect(await sessionRow(plantedId)).toBeUndefined();
    const fresh = sessionSetCookie(headers)!;
    expect(await readSession(test.db, requestWith(cookiePair(fresh)), NOW)).toMatchObject({
      personId: cast.english.id,
    });
  });
});

describe("ending sessions", () => {
  it("destroySession ends only this session and clears the cookie", async () => {
    const mine = await createSession(test.db, cast.otherTeamLead.id, NOW);
    const other = await createSession(test.db, cast.otherTeamLead.id, NOW);
    const clear = await destroySession(test.db, requestWith(cookiePair(mine)));
    expect(clear.startsWith(`${sessionCookieName()}=;`)).toBe(true);
    expect(clear).toMatch(/Max-Age=0/i);
    expect(await readSession(test.db, requestWith(cookiePair(mine)), NOW)).toBeNull();
    expect(await readSession(test.db, requestWith(cookiePair(other)), NOW)).not.toBeNull();
  });

  it("destroyAllSessions ends every session of the person, and no one else's", async () => {
    const person = cast.departmentHead;
    const own = [
      await createSession(test.db, person.id, NOW),
      await createSession(test.db, person.id, NOW),
      await createSession(test.db, person.id, NOW),
    ];
    const someoneElse = await createSession(test.db, cast.teamLead.id, NOW);
    expect(await countSessions(test.db, person.id, NOW)).toBe(3);
    expect(await destroyAllSessions(test.db, person.id)).toBe(3);
    for (const setCookie of own) {
      expect(await readSession(test.db, requestWith(cookiePair(setCookie)), NOW)).toBeNull();
    }
    expect(await countSessions(test.db, person.id, NOW)).toBe(0);
    expect(await readSession(test.db, requestWith(cookiePair(someoneElse)), NOW)).not.toBeNull();
  });

  it("countSessions and purgeExpiredSessions leave out sessions past their end", async () => {
    const person = cast.english;
    await destroyAllSessions(test.db, person.id);
    const start = new Date(NOW.getTime() - 3 * SESSION_IDLE_MS);
    await createSession(test.db, person.id, start); // idle for three times the limit
    await createSession(test.db, person.id, NOW);
    expect(await countSessions(test.db, person.id, NOW)).toBe(1);
    await purgeExpiredSessions(test.db, NOW);
    const rows = await test.db
      .selectFrom("session")
      .select("created_at")
      .where("person_id", "=", person.id)
      .execute();
    expect(rows).toEqual([{ created_at: NOW.toISOString() }]);
  });
});
