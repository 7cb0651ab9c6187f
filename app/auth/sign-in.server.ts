import { createHmac, timingSafeEqual } from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Database, Locale } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import type { EmailContent } from "~/email/layout.server";
import { enqueueEmailBuiltWhenSent } from "~/email/outbox.server";
import { signInEmail, signInSubject } from "~/email/templates/sign-in.server";
import { hitRateLimit, type RateLimitRule } from "~/security/rate-limit.server";
import { appUrl, secureCookies } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/redirect";
import { hashToken } from "~/utils/tokens.server";
import { sessionSecrets } from "./secrets.server";
import { createSession, destroySession } from "./session.server";
import { SIGN_IN_VALID_MINUTES } from "./sign-in-schema";

export { SIGN_IN_VALID_MINUTES };

const SIGN_IN_VALID_MS = SIGN_IN_VALID_MINUTES * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;

export const signInLimits = {
  requestsPerAddress: { name: "sign-in:address", limit: 5, windowMs: WINDOW_MS },
  requestsPerClient: { name: "sign-in:client", limit: 20, windowMs: WINDOW_MS },
  codeAttemptsPerClient: { name: "sign-in-code:client", limit: 30, windowMs: WINDOW_MS },
  // Together with the burn after five wrong codes and five requests per 15 minutes, this
  // keeps guessing at one address to a handful of tries an hour.
  codeAttemptsPerAddress: { name: "sign-in-code:address", limit: 15, windowMs: 4 * WINDOW_MS },
} satisfies Record<string, RateLimitRule>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const pendingCookies = new Map<string, Cookie>();

/**
 * Where the address and destination wait between asking for a code and typing it in.
 * Signed like the session cookie, so the code step only ever checks an address that went
 * through the (rate-limited) request step in this browser.
 */
export async function pendingSignInCookie(db: Kysely<Database>): Promise<Cookie> {
  const secrets = await sessionSecrets(db);
  const key = secrets.join("\n");
  let cookie = pendingCookies.get(key);
  if (!cookie) {
    cookie = createCookie("rondom_sign_in", {
      path: "/inloggen",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      secrets,
      maxAge: SIGN_IN_VALID_MS / 1000,
    });
    pendingCookies.set(key, cookie);
  }
  return cookie;
}

export interface PendingSignIn {
  email: string;
  redirectTo: string;
}

export async function readPendingSignIn(
  db: Kysely<Database>,
  request: Request,
): Promise<PendingSignIn | null> {
  const cookie = await pendingSignInCookie(db);
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { email, redirectTo } = value as Record<string, unknown>;
  if (typeof email !== "string" || typeof redirectTo !== "string") return null;
  return { email, redirectTo: safeRedirectPath(redirectTo, "/mijn") };
}

function codeHash(secret: string, tokenId: string, code: string): string {
  return createHmac("sha256", secret).update(`${tokenId}:${code}`).digest("hex");
}

/**
 * The link token and code of a sign-in, derived from its id with the session secret. Only
 * their hashes are stored, and the mail is built when it is sent (see buildSignInMail), so
 * the outbox never holds a usable link or code; whoever could derive them from a copy of the
 * database could sign sessions with the same secret anyway.
 */
function signInKeys(secret: string, tokenId: string): { link: string; code: string } {
  const link = createHmac("sha256", secret).update(`sign-in-link:${tokenId}`).digest("base64url");
  const codeBytes = createHmac("sha256", secret).update(`sign-in-code:${tokenId}`).digest();
  // 48 bits modulo a million: the bias is below one in 10^8.
  const code = String(codeBytes.readUIntBE(0, 6) % 1_000_000).padStart(6, "0");
  return { link, code };
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

async function findActivePerson(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("person")
    .innerJoin("organisation", "organisation.id", "person.organisation_id")
    .select([
      "person.id",
      "person.organisation_id",
      "person.first_name",
      "person.email",
      "person.locale",
      "organisation.name as organisation_name",
    ])
    .where(sql<string>`lower(person.email)`, "=", normaliseEmail(email))
    .where("person.is_active", "=", 1)
    .orderBy("person.created_at")
    .executeTakeFirst();
}

export type SignInRequestOutcome =
  { status: "sent" } | { status: "rate_limited"; retryAfterSeconds: number };

/** Counts a sign-in request against the per-client and per-address limits. */
export async function checkSignInRequestLimits(
  db: DB,
  options: { email: string; clientAddress: string },
  now: Date = new Date(),
): Promise<SignInRequestOutcome> {
  for (const [rule, subject] of [
    [signInLimits.requestsPerClient, options.clientAddress],
    [signInLimits.requestsPerAddress, normaliseEmail(options.email)],
  ] as const) {
    const outcome = await hitRateLimit(db, rule, subject, now);
    if (!outcome.allowed) {
      return { status: "rate_limited", retryAfterSeconds: outcome.retryAfterSeconds };
    }
  }
  return { status: "sent" };
}

/**
 * Mails a sign-in link and code when the address belongs to an active person, and does
 * nothing otherwise. Asking again makes the earlier link and code invalid.
 */
export async function createSignIn(
  db: DB,
  options: { email: string; redirectTo?: string },
  now: Date = new Date(),
): Promise<void> {
  const person = await findActivePerson(db, options.email);
  if (!person) return;
  const [secret] = await sessionSecrets(db);
  if (!secret) return;
  const redirectTo = safeRedirectPath(options.redirectTo, "/mijn");
  const tokenId = newId();
  const { link, code } = signInKeys(secret, tokenId);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("sign_in_token")
      .set({ used_at: now.toISOString() })
      .where("person_id", "=", person.id)
      .where("used_at", "is", null)
      .execute();
    await trx
      .insertInto("sign_in_token")
      .values({
        id: tokenId,
        person_id: person.id,
        link_token_hash: hashToken(link),
        code_hash: codeHash(secret, tokenId, code),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SIGN_IN_VALID_MS).toISOString(),
      })
      .execute();
    await enqueueEmailBuiltWhenSent(
      trx,
      {
        organisationId: person.organisation_id,
        kind: "sign-in",
        to: person.email,
        toName: person.first_name,
        locale: person.locale,
        subject: signInSubject(person.locale, person.organisation_name),
      },
      { type: "sign-in", tokenId, redirectTo },
      [],
      now,
    );
  });
}

/**
 * Builds a sign-in mail now, from its sign-in's id: the link and code are derived again
 * (with whichever session secret made them). Null when the sign-in can no longer be used
 * (used, replaced by a newer one, burnt, expired, or the person left): such a mail is not
 * sent.
 */
export async function buildSignInMail(
  db: Kysely<Database>,
  reference: { tokenId: string; redirectTo: string },
  locale: Locale,
  now: Date,
): Promise<EmailContent | null> {
  const token = await db
    .selectFrom("sign_in_token")
    .innerJoin("person", "person.id", "sign_in_token.person_id")
    .innerJoin("organisation", "organisation.id", "person.organisation_id")
    .select([
      "sign_in_token.id",
      "sign_in_token.link_token_hash",
      "person.first_name",
      "organisation.name as organisation_name",
    ])
    .where("sign_in_token.id", "=", reference.tokenId)
    .where("sign_in_token.used_at", "is", null)
    .where("sign_in_token.expires_at", ">", now.toISOString())
    .where("sign_in_token.failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .where("person.is_active", "=", 1)
    .executeTakeFirst();
  if (!token) return null;
  const keys = (await sessionSecrets(db))
    .map((secret) => signInKeys(secret, token.id))
    .find((candidate) => hashToken(candidate.link) === token.link_token_hash);
  if (!keys) return null;
  const redirectTo = safeRedirectPath(reference.redirectTo, "/mijn");
  const query = redirectTo === "/mijn" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
  return signInEmail({
    locale,
    organisationName: token.organisation_name,
    firstName: token.first_name,
    link: `${appUrl()}/inloggen/link/${keys.link}${query}`,
    code: keys.code,
    validMinutes: SIGN_IN_VALID_MINUTES,
  });
}

/**
 * A sign-in request: rate limits, then the mail. The outcome is the same whether or not the
 * address is known, so it cannot be used to test addresses.
 */
export async function requestSignIn(
  db: DB,
  options: { email: string; clientAddress: string; redirectTo?: string },
  now: Date = new Date(),
): Promise<SignInRequestOutcome> {
  const outcome = await checkSignInRequestLimits(db, options, now);
  if (outcome.status === "sent") await createSignIn(db, options, now);
  return outcome;
}

export type CodeOutcome =
  | { status: "signed_in"; personId: string; organisationId: string }
  | { status: "invalid" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks a typed code against the address's current sign-in. Every wrong code counts; the
 * fifth burns the sign-in, and a new code must be requested.
 */
/**
 * A wrong code takes at least this long to answer, whether or not the address has an
 * account and a pending sign-in, so the time of the answer tells nothing.
 */
export const INVALID_CODE_ANSWER_MS = 120;

export async function verifySignInCode(
  db: DB,
  options: { email: string; code: string; clientAddress: string },
  now: Date = new Date(),
): Promise<CodeOutcome> {
  const started = performance.now();
  const outcome = await checkSignInCode(db, options, now);
  if (outcome.status === "invalid") {
    const remaining = INVALID_CODE_ANSWER_MS - (performance.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  }
  return outcome;
}

async function checkSignInCode(
  db: DB,
  options: { email: string; code: string; clientAddress: string },
  now: Date,
): Promise<CodeOutcome> {
  for (const [rule, subject] of [
    [signInLimits.codeAttemptsPerClient, options.clientAddress],
    [signInLimits.codeAttemptsPerAddress, normaliseEmail(options.email)],
  ] as const) {
    const limit = await hitRateLimit(db, rule, subject, now);
    if (!limit.allowed) {
      return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }

  const person = await findActivePerson(db, options.email);
  if (!person) return { status: "invalid" };
  const token = await db
    .selectFrom("sign_in_token")
    .select(["id", "code_hash"])
    .where("person_id", "=", person.id)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .where("failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (!token) return { status: "invalid" };

  // Claim one of the five attempts before comparing, in one statement: codes typed in
  // parallel each need their own attempt, so no more than five are ever compared.
  const attempt = await db
    .updateTable("sign_in_token")
    .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
    .where("id", "=", token.id)
    .where("used_at", "is", null)
    .where("failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .returning("failed_attempts")
    .executeTakeFirst();
  if (!attempt) return { status: "invalid" };

  const secrets = await sessionSecrets(db);
  const matches = secrets.some((secret) =>
    sameHash(codeHash(secret, token.id, options.code), token.code_hash),
  );
  if (!matches) {
    const burnt = attempt.failed_attempts >= MAX_CODE_ATTEMPTS;
    await recordAudit(
      db,
      {
        organisationId: person.organisation_id,
        // Whoever typed the code is unknown; the account it was typed for is the subject.
        actorPersonId: null,
        subjectType: "person",
        subjectId: person.id,
        action: burnt ? "sign_in_code_burnt" : "sign_in_code_failed",
        details: { attempt: attempt.failed_attempts },
      },
      now,
    );
    return { status: "invalid" };
  }

  // The right code: this attempt was no failure.
  const claimed = await db
    .updateTable("sign_in_token")
    .set((eb) => ({ used_at: now.toISOString(), failed_attempts: eb("failed_attempts", "-", 1) }))
    .where("id", "=", token.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { status: "invalid" };
  return { status: "signed_in", personId: person.id, organisationId: person.organisation_id };
}

async function findLinkToken(db: Kysely<Database>, link: string, now: Date) {
  return db
    .selectFrom("sign_in_token")
    .innerJoin("person", "person.id", "sign_in_token.person_id")
    .select(["sign_in_token.id", "person.id as person_id", "person.organisation_id"])
    .where("sign_in_token.link_token_hash", "=", hashToken(link))
    .where("sign_in_token.used_at", "is", null)
    .where("sign_in_token.expires_at", ">", now.toISOString())
    .where("sign_in_token.failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .where("person.is_active", "=", 1)
    .executeTakeFirst();
}

/** Whether a sign-in link can still be used (looking does not use it up). */
export async function isSignInLinkValid(db: DB, link: string, now: Date = new Date()) {
  return (await findLinkToken(db, link, now)) !== undefined;
}

/** Uses up a sign-in link; only the first use succeeds. */
export async function consumeSignInLink(
  db: DB,
  link: string,
  now: Date = new Date(),
): Promise<{ personId: string; organisationId: string } | null> {
  const token = await findLinkToken(db, link, now);
  if (!token) return null;
  const claimed = await db
    .updateTable("sign_in_token")
    .set({ used_at: now.toISOString() })
    .where("id", "=", token.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return null;
  return { personId: token.person_id, organisationId: token.organisation_id };
}

/**
 * Starts the session after a successful sign-in: whatever session the browser had ends,
 * the new one gets a fresh id, and the sign-in is logged. Returns Set-Cookie headers.
 */
export async function completeSignIn(
  db: DB,
  request: Request,
  person: { personId: string; organisationId: string },
  method: "link" | "code" | "demo",
): Promise<Headers> {
  const headers = new Headers();
  await destroySession(db, request);
  headers.append("Set-Cookie", await createSession(db, person.personId));
  headers.append(
    "Set-Cookie",
    await (await pendingSignInCookie(db)).serialize("", { maxAge: 0, expires: new Date(0) }),
  );
  await recordAudit(db, {
    organisationId: person.organisationId,
    actorPersonId: person.personId,
    action: "sign_in",
    details: { method },
  });
  return headers;
}
