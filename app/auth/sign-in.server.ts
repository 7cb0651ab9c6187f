import { inTransaction } from "#db/transaction";
import { createHmac, timingSafeEqual } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { DB } from "#db/database";
import { newId } from "#db/ids";
import type { Database, Locale } from "#db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import type { EmailContent } from "~/email/layout.server";
import { enqueueEmailBuiltWhenSent } from "~/email/outbox.server";
import { signInEmail, signInSubject } from "~/email/templates/sign-in.server";
import { clientKey } from "~/security/client-key.js";
import { hitRateLimit, releaseRateLimit, type RateLimitRule } from "~/security/rate-limit.server";
import { appUrl } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/redirect";
import { hashToken } from "~/utils/tokens.server";
import { endOpenSignIns } from "./end-access.server";
import { sessionSecrets } from "./secrets.server";
import { createSession, destroySession } from "./session.server";
import {
  KNOWN_BROWSER_PEOPLE,
  knownBrowserCookie,
  knownPersonHash,
  pendingSignInCookie,
  readKnownBrowser,
} from "./sign-in-cookies.server";
import { SIGN_IN_VALID_MINUTES } from "./sign-in-schema";
import { fullName } from "~/people/full-name";
import { compareByName } from "~/people/dutch-order";

export { SIGN_IN_VALID_MINUTES };

const SIGN_IN_VALID_MS = SIGN_IN_VALID_MINUTES * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
/**
 * Sign-ins of one person asked from one browser that stay usable side by side; asking a
 * fourth time there drops the oldest. Asking never ends a sign-in asked in another browser.
 */
export const MAX_LIVE_SIGN_INS_PER_BROWSER = 3;
const QUARTER_MS = 15 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Limits against guessing and mail floods that do not hand anyone a way to lock a person out.
 * A client is an IPv4 address or an IPv6 /64 (see clientKey): one subscriber has a whole /64
 * and could otherwise be as many clients as it likes.
 * - Requests: a low ceiling for one address from one client (5 per 15 minutes), so someone
 *   who asks for another person's address over and over only exhausts their own share; the
 *   owner, asking from their own client, is not affected. A higher ceiling per address alone
 *   (30 an hour, only reached from many clients at once) caps the mail one mailbox gets, and
 *   per client 20 per 15 minutes across addresses. A request refused by an earlier limit is
 *   not counted by the later ones. Whatever strangers ask, each request mails the owner a
 *   link of their own and ends none the owner has.
 *   Strangers with many clients can still fill the per-address ceiling; it does not apply to
 *   a browser the person has signed in from before (the known-browser cookie, see
 *   knownBrowserCookie), so the owner on their own device still gets a mail. Everyone else
 *   is refused over the ceiling as before, and the answer never says whether the address
 *   has an account.
 * - Codes: a code works only in the browser that asked for it, and each sign-in is compared
 *   with at most MAX_CODE_ATTEMPTS guesses. Per address at most 15 comparisons an hour, in
 *   whatever browsers (see checkSignInCode), and per client 30 guesses per 15 minutes.
 *   Guessing for someone's address can so use up the code step for that address for the
 *   rest of the hour, but never the link in the owner's mail.
 * - Codes across addresses: the instance as a whole allows WRONG_CODES_PER_HOUR (300)
 *   comparisons that do not match per hour, whatever the address or client; past that the
 *   code step answers 429 for everyone until the hour is over (links keep working). Each
 *   comparison matches with a chance of at most 1 in 999,996 (a six-digit code, at most
 *   four earlier wrong guesses for it), so an attacker with any number of clients and
 *   addresses gets in somewhere with a chance of at most 300 / 999,996 ≈ 0.03% an hour,
 *   0.72% a day and 1 − (1 − 10⁻⁶)^216,000 ≈ 19% over 30 days of guessing without pause,
 *   which takes some 43,000 sign-in mails to the people guessed for and as many wrong-code
 *   entries in the audit log. (Before this budget: about 36% a day with 1,000 addresses
 *   and 125 IPv6 clients.)
 */
export const signInLimits = {
  requestsPerClient: { name: "sign-in:client", limit: 20, windowMs: QUARTER_MS },
  requestsPerAddressAndClient: {
    name: "sign-in:address+client",
    limit: 5,
    windowMs: QUARTER_MS,
  },
  requestsPerAddress: { name: "sign-in:address-hour", limit: 30, windowMs: HOUR_MS },
  codeAttemptsPerClient: { name: "sign-in-code:client", limit: 30, windowMs: QUARTER_MS },
  codeAttemptsPerAddress: { name: "sign-in-code:address", limit: 15, windowMs: HOUR_MS },
  wrongCodesPerInstance: { name: "sign-in-code:instance", limit: 300, windowMs: HOUR_MS },
} satisfies Record<string, RateLimitRule>;

export const WRONG_CODES_PER_HOUR = signInLimits.wrongCodesPerInstance.limit;
/** The one subject of the instance-wide budget of wrong codes. */
const INSTANCE = "instance";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
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

/**
 * Every active person with the address, in every organisation. Addresses are unique across
 * organisations for people made or changed now; one that is still shared (from before) gets
 * a sign-in for each organisation, each mailed on its own and naming its organisation,
 * never a silent choice of one of them.
 */
async function findActivePeople(db: Kysely<Database>, email: string) {
  const people = await db
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
    .execute();
  // By organisation in Dutch order (the mail names the others in this order).
  return people.sort((a, b) =>
    compareByName({ name: a.organisation_name, id: a.id }, { name: b.organisation_name, id: b.id }),
  );
}

export type SignInRequestOutcome =
  { status: "sent" } | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Whether one of the active people with the address signed in in this browser before
 * (`knownBrowser`: the hashes of its known-browser cookie). Looked up for every browser
 * that has such a cookie, known address or not.
 */
async function isKnownBrowserFor(
  db: Kysely<Database>,
  email: string,
  knownBrowser: readonly string[],
): Promise<boolean> {
  if (knownBrowser.length === 0) return false;
  const people = await findActivePeople(db, email);
  return people.some((person) => knownBrowser.includes(knownPersonHash(person.id)));
}

/**
 * Counts a sign-in request against the per-client, per-address-and-client and per-address
 * limits. The per-address ceiling (shared by all clients, so strangers together can fill
 * it) neither counts nor refuses a request from a browser where one of the address's people
 * signed in before: the owner on their own device always gets a mail, within the limits of
 * their own client. The answer is the same either way, and the same for unknown addresses.
 */
export async function checkSignInRequestLimits(
  db: DB,
  options: { email: string; clientAddress: string; knownBrowser?: readonly string[] },
  now: Date = new Date(),
): Promise<SignInRequestOutcome> {
  const address = normaliseEmail(options.email);
  const client = clientKey(options.clientAddress);
  const rules: [RateLimitRule, string][] = [
    [signInLimits.requestsPerClient, client],
    [signInLimits.requestsPerAddressAndClient, `${address}\n${client}`],
  ];
  if (!(await isKnownBrowserFor(db, address, options.knownBrowser ?? []))) {
    rules.push([signInLimits.requestsPerAddress, address]);
  }
  for (const [rule, subject] of rules) {
    const outcome = await hitRateLimit(db, rule, subject, now);
    if (!outcome.allowed) {
      return { status: "rate_limited", retryAfterSeconds: outcome.retryAfterSeconds };
    }
  }
  return { status: "sent" };
}

/**
 * Mails a sign-in link and code to every active person with the address (one mail per
 * organisation, see findActivePeople), and does nothing otherwise. The sign-ins are bound to
 * the asking browser. Asking again ends no sign-in asked elsewhere: only the oldest of this
 * browser's, beyond MAX_LIVE_SIGN_INS_PER_BROWSER.
 */
export async function createSignIn(
  db: DB,
  options: { email: string; redirectTo?: string; browser: string },
  now: Date = new Date(),
): Promise<void> {
  const people = await findActivePeople(db, options.email);
  if (people.length === 0) return;
  const [secret] = await sessionSecrets(db);
  if (!secret) return;
  const redirectTo = safeRedirectPath(options.redirectTo, "/mijn");
  const browserHash = hashToken(options.browser);
  await inTransaction(db, async (trx) => {
    for (const person of people) {
      const tokenId = newId();
      const { link, code } = signInKeys(secret, tokenId);
      await trx
        .insertInto("sign_in_token")
        .values({
          id: tokenId,
          person_id: person.id,
          link_token_hash: hashToken(link),
          code_hash: codeHash(secret, tokenId, code),
          browser_hash: browserHash,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + SIGN_IN_VALID_MS).toISOString(),
        })
        .execute();
      const older = await trx
        .selectFrom("sign_in_token")
        .select("id")
        .where("person_id", "=", person.id)
        .where("browser_hash", "=", browserHash)
        .where("id", "!=", tokenId)
        .where("used_at", "is", null)
        .where("expires_at", ">", now.toISOString())
        .where("failed_attempts", "<", MAX_CODE_ATTEMPTS)
        .orderBy("created_at", "desc")
        .execute();
      const dropped = older.slice(MAX_LIVE_SIGN_INS_PER_BROWSER - 1).map((row) => row.id);
      if (dropped.length > 0) {
        await trx
          .updateTable("sign_in_token")
          .set({ used_at: now.toISOString() })
          .where("id", "in", dropped)
          .execute();
      }
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
    }
  });
}

/**
 * Builds a sign-in mail now, from its sign-in's id: the link and code are derived again
 * (with whichever session secret made them). Null when the sign-in can no longer be used
 * (used, dropped for newer ones, burnt, expired, or the person left): such a mail is not
 * sent. When the address is also that of active people in other organisations, the mail
 * says so and names them (each gets its own mail).
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
      "person.id as person_id",
      "person.email",
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
  const others = (await findActivePeople(db, token.email)).filter(
    (person) => person.id !== token.person_id,
  );
  const redirectTo = safeRedirectPath(reference.redirectTo, "/mijn");
  const query = redirectTo === "/mijn" ? "" : `?redirectTo=${encodeURIComponent(redirectTo)}`;
  return signInEmail({
    locale,
    organisationName: token.organisation_name,
    otherOrganisationNames: others.map((other) => other.organisation_name),
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
  options: {
    email: string;
    clientAddress: string;
    redirectTo?: string;
    browser: string;
    knownBrowser?: readonly string[];
  },
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
 * A wrong code takes at least this long to answer, whether or not the address has an
 * account and a pending sign-in, so the time of the answer tells nothing.
 */
export const INVALID_CODE_ANSWER_MS = 120;

/**
 * Checks a typed code against the address's sign-ins asked in this browser (`browser`, the
 * value of its pending sign-in cookie). Every wrong code counts; the fifth burns a sign-in,
 * and a new code must be requested.
 */
export async function verifySignInCode(
  db: DB,
  options: { email: string; code: string; clientAddress: string; browser: string },
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

/**
 * A guess is compared with every live sign-in of the address that this browser asked for (up
 * to MAX_LIVE_SIGN_INS_PER_BROWSER per person, and one per organisation when the address is
 * shared), so that the owner can type the code of any of their recent mails. Comparing with
 * k codes gives k chances in a million instead of one, so each comparison is paid for as if
 * it were a guess of its own:
 * - it claims one of the MAX_CODE_ATTEMPTS attempts of that sign-in (in one statement, so
 *   guesses sent in parallel cannot share an attempt): no sign-in is ever compared with more
 *   than MAX_CODE_ATTEMPTS guesses, however many live beside it;
 * - it counts against the per-address limit and the instance's budget of wrong codes, all k
 *   before any is compared (in one statement each, so guesses sent in parallel cannot slip
 *   past either), and a guess with no sign-in to compare counts as one;
 * - a right code gives its one comparison back to the instance's budget, which so counts
 *   only wrong codes (the owner's sign-ins do not use it up).
 * Codes asked in other browsers are never compared, so a stranger's guesses can neither
 * reach nor burn the code the owner asked for.
 */
async function checkSignInCode(
  db: DB,
  options: { email: string; code: string; clientAddress: string; browser: string },
  now: Date,
): Promise<CodeOutcome> {
  const address = normaliseEmail(options.email);
  const perClient = await hitRateLimit(
    db,
    signInLimits.codeAttemptsPerClient,
    clientKey(options.clientAddress),
    now,
  );
  if (!perClient.allowed) {
    return { status: "rate_limited", retryAfterSeconds: perClient.retryAfterSeconds };
  }

  const people = await findActivePeople(db, options.email);
  const candidates =
    people.length === 0 ? [] : await openSignInsOf(db, people, options.browser, now);
  const comparisons = Math.max(1, candidates.length);
  for (const [rule, subject] of [
    [signInLimits.codeAttemptsPerAddress, address],
    [signInLimits.wrongCodesPerInstance, INSTANCE],
  ] as const) {
    const limit = await hitRateLimit(db, rule, subject, now, comparisons);
    if (!limit.allowed) {
      return { status: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }
  if (candidates.length === 0) return { status: "invalid" };

  const claimed: { id: string; person_id: string; code_hash: string; attempt: number }[] = [];
  for (const token of candidates) {
    const attempt = await db
      .updateTable("sign_in_token")
      .set((eb) => ({ failed_attempts: eb("failed_attempts", "+", 1) }))
      .where("id", "=", token.id)
      .where("used_at", "is", null)
      .where("failed_attempts", "<", MAX_CODE_ATTEMPTS)
      .returning("failed_attempts")
      .executeTakeFirst();
    if (attempt) claimed.push({ ...token, attempt: attempt.failed_attempts });
  }
  if (claimed.length === 0) return { status: "invalid" };

  const secrets = await sessionSecrets(db);
  const matches = claimed.filter((token) =>
    secrets.some((secret) => sameHash(codeHash(secret, token.id, options.code), token.code_hash)),
  );
  const matchedPeople = new Set(matches.map((token) => token.person_id));
  const match = matches[0];
  if (!match) {
    await recordFailedCode(db, people, claimed, now);
    return { status: "invalid" };
  }
  // Two organisations' sign-ins with the same code (one chance in a million): the code does
  // not say which account is meant, so it signs in to neither; the links still do.
  if (matchedPeople.size > 1) return { status: "invalid" };

  // The right code: this attempt was no failure.
  const used = await db
    .updateTable("sign_in_token")
    .set((eb) => ({ used_at: now.toISOString(), failed_attempts: eb("failed_attempts", "-", 1) }))
    .where("id", "=", match.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return { status: "invalid" };
  await releaseRateLimit(db, signInLimits.wrongCodesPerInstance, INSTANCE, now);
  await endOpenSignIns(db, match.person_id, now);
  const person = people.find((candidate) => candidate.id === match.person_id)!;
  return { status: "signed_in", personId: person.id, organisationId: person.organisation_id };
}

/** The live sign-ins of these people asked in this browser, newest first. */
async function openSignInsOf(db: DB, people: { id: string }[], browser: string, now: Date) {
  return db
    .selectFrom("sign_in_token")
    .select(["id", "person_id", "code_hash"])
    .where(
      "person_id",
      "in",
      people.map((person) => person.id),
    )
    .where("browser_hash", "=", hashToken(browser))
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .where("failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .orderBy("created_at", "desc")
    .execute();
}

/** One audit entry per account a wrong code was compared for, in its organisation. */
async function recordFailedCode(
  db: DB,
  people: { id: string; organisation_id: string }[],
  claimed: { person_id: string; attempt: number }[],
  now: Date,
): Promise<void> {
  for (const person of people) {
    const attempts = claimed
      .filter((token) => token.person_id === person.id)
      .map((token) => token.attempt);
    if (attempts.length === 0) continue;
    const attempt = Math.max(...attempts);
    await recordAudit(
      db,
      {
        organisationId: person.organisation_id,
        // Whoever typed the code is unknown; the account it was typed for is the subject.
        actorPersonId: null,
        subjectType: "person",
        subjectId: person.id,
        action: attempts.includes(MAX_CODE_ATTEMPTS) ? "sign_in_code_burnt" : "sign_in_code_failed",
        details: { attempt },
      },
      now,
    );
  }
}

/**
 * A sign-in that succeeded uses up the person's other open links and codes too: the mails
 * left in the mailbox open nothing any more.
 */
async function findLinkToken(db: Kysely<Database>, link: string, now: Date) {
  return db
    .selectFrom("sign_in_token")
    .innerJoin("person", "person.id", "sign_in_token.person_id")
    .innerJoin("organisation", "organisation.id", "person.organisation_id")
    .select([
      "sign_in_token.id",
      "sign_in_token.browser_hash",
      "person.id as person_id",
      "person.organisation_id",
      "person.first_name",
      "person.last_name",
      "organisation.name as organisation_name",
    ])
    .where("sign_in_token.link_token_hash", "=", hashToken(link))
    .where("sign_in_token.used_at", "is", null)
    .where("sign_in_token.expires_at", ">", now.toISOString())
    .where("sign_in_token.failed_attempts", "<", MAX_CODE_ATTEMPTS)
    .where("person.is_active", "=", 1)
    .executeTakeFirst();
}

function askedIn(token: { browser_hash: string | null }, browser: string | null): boolean {
  return (
    browser !== null &&
    token.browser_hash !== null &&
    sameHash(hashToken(browser), token.browser_hash)
  );
}

/** Whether a sign-in link can still be used (looking does not use it up). */
export async function isSignInLinkValid(db: DB, link: string, now: Date = new Date()) {
  return (await findLinkToken(db, link, now)) !== undefined;
}

export interface SignInLinkView {
  /** Opened in the browser that asked for it. */
  sameBrowser: boolean;
  /** Who the link signs in, for the confirmation another browser gets. */
  name: string;
  organisationName: string;
}

/**
 * What opening a link shows, without using it up (mail scanners open links): null when it
 * cannot be used. `browser` is the value of the pending sign-in cookie the request carries.
 */
export async function inspectSignInLink(
  db: DB,
  link: string,
  browser: string | null,
  now: Date = new Date(),
): Promise<SignInLinkView | null> {
  const token = await findLinkToken(db, link, now);
  if (!token) return null;
  return {
    sameBrowser: askedIn(token, browser),
    name: fullName(token),
    organisationName: token.organisation_name,
  };
}

export type LinkOutcome =
  | { status: "signed_in"; personId: string; organisationId: string }
  | { status: "needs_confirmation" }
  | { status: "invalid" };

/**
 * Uses up a sign-in link; only the first use succeeds. In the browser that asked for it the
 * link signs in at once. Anywhere else (the phone the mail was read on, or the browser of
 * someone an attacker sent their own link to, to sign them in to the attacker's account:
 * login CSRF) it signs in only with `confirmed`, which only the confirmation page sends, after
 * it has said whose account this is.
 */
export async function consumeSignInLink(
  db: DB,
  link: string,
  options: { browser: string | null; confirmed: boolean },
  now: Date = new Date(),
): Promise<LinkOutcome> {
  const token = await findLinkToken(db, link, now);
  if (!token) return { status: "invalid" };
  if (!options.confirmed && !askedIn(token, options.browser)) {
    return { status: "needs_confirmation" };
  }
  const claimed = await db
    .updateTable("sign_in_token")
    .set({ used_at: now.toISOString() })
    .where("id", "=", token.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { status: "invalid" };
  await endOpenSignIns(db, token.person_id, now);
  return { status: "signed_in", personId: token.person_id, organisationId: token.organisation_id };
}

/**
 * Starts the session after a successful sign-in: whatever session the browser had ends,
 * the new one gets a fresh id, the browser becomes known for the person (see
 * knownBrowserCookie), and the sign-in is logged. Returns Set-Cookie headers.
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
  // This browser is now known for the person (the newest first, at most KNOWN_BROWSER_PEOPLE).
  const known = knownPersonHash(person.personId);
  const earlier = (await readKnownBrowser(db, request)).filter((entry) => entry !== known);
  headers.append(
    "Set-Cookie",
    await (
      await knownBrowserCookie(db)
    ).serialize([known, ...earlier].slice(0, KNOWN_BROWSER_PEOPLE)),
  );
  await recordAudit(db, {
    organisationId: person.organisationId,
    actorPersonId: person.personId,
    action: "sign_in",
    details: { method },
  });
  return headers;
}
