import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  consumeSignInLink,
  isSignInLinkValid,
  MAX_LIVE_SIGN_INS_PER_BROWSER,
  requestSignIn,
  SIGN_IN_VALID_MINUTES,
  verifySignInCode,
} from "~/auth/sign-in.server";
import { translate } from "~/i18n/messages";
import { hashToken } from "~/utils/tokens.server";
import type { DB } from "#db/database";
import { countRows, useTestDatabase } from "../../support/database";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import { expectOneSignInMail, mailsSince, outboxIds } from "../../support/mail";
import { minutesAfter, NOW } from "../../support/clock";
import { newBrowser } from "../../support/requests";

// Links in mail point to APP_URL (never the Host header); a trailing slash is dropped.
// getEnv() caches on first use, so the variable is set before anything reads it.
const previousAppUrl = vi.hoisted(() => {
  const previous = process.env.APP_URL;
  process.env.APP_URL = "https://rondom.gemeente.test/";
  return previous;
});
afterAll(() => {
  if (previousAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = previousAppUrl;
});

const APP_URL = "https://rondom.gemeente.test";
const LINK = /^https:\/\/rondom\.gemeente\.test\/inloggen\/link\/([A-Za-z0-9_-]{43})$/;

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

// Every test asks at its own hour, from its own address, so rate limits never interfere.
// The browser every sign-in here is asked in.
const BROWSER = newBrowser();

let hour = 0;
function freshMoment(): Date {
  hour += 1;
  return minutesAfter(NOW, 60 * hour);
}
function freshClient(): string {
  return `198.51.100.${hour + 1}`;
}

async function tokensOf(db: DB, personId: string) {
  return db
    .selectFrom("sign_in_token")
    .selectAll()
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .execute();
}

describe("requestSignIn for a known, active address", () => {
  it("stores one sign-in (hashes only) and queues one Dutch mail, whatever the case and spaces", async () => {
    const now = freshMoment();
    const before = await tokensOf(test.db, cast.hr.id);
    const typed = `  ${cast.hr.email.toUpperCase()}  `;
    let outcome: unknown;
    const mail = await expectOneSignInMail(test.db, async () => {
      outcome = await requestSignIn(
        test.db,
        { email: typed, clientAddress: freshClient(), browser: BROWSER },
        now,
      );
    });
    expect(outcome).toEqual({ status: "sent" });

    const after = await tokensOf(test.db, cast.hr.id);
    expect(after).toHaveLength(before.length + 1);
    const row = after.find((candidate) => !before.some((old) => old.id === candidate.id))!;
    expect(row).toMatchObject({
      person_id: cast.hr.id,
      failed_attempts: 0,
      used_at: null,
      created_at: now.toISOString(),
      expires_at: minutesAfter(now, SIGN_IN_VALID_MINUTES).toISOString(),
    });

    // The mail.
    expect(mail.kind).toBe("sign-in");
    expect(mail.to).toBe(cast.hr.email);
    expect(mail.locale).toBe("nl");
    expect(mail.organisationId).toBe(cast.organisationId);
    expect(mail.subject).toBe(
      translate("nl", "email.signIn.subject", { organisation: cast.organisationName }),
    );
    expect(mail.subject).toContain("Gemeente Rondedam");
    expect(mail.text).toContain(`Beste ${cast.hr.first_name},`);
    expect(mail.text).toContain("Gemeente Rondedam");
    expect(mail.html).toContain('<html lang="nl">');
    expect(mail.html).toContain("Gemeente Rondedam");
    expect(mail.link).toMatch(LINK);
    expect(mail.link.startsWith(`${APP_URL}/inloggen/link/`)).toBe(true);
    expect(mail.code).toMatch(/^\d{6}$/);
    // Text and HTML carry the same link and code.
    expect(mail.html).toContain(`href="${mail.link}"`);
    expect(mail.html).toContain(`>${mail.code}</strong>`);

    // Only hashes are stored: neither the link token nor the code appears in any row.
    expect(row.link_token_hash).toBe(hashToken(mail.token));
    const everyRow = JSON.stringify(
      await test.db.selectFrom("sign_in_token").selectAll().execute(),
    );
    expect(everyRow).not.toContain(mail.token);
    expect(everyRow).not.toContain(mail.code);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);

    // And what the mail says works.
    expect(await isSignInLinkValid(test.db, mail.token, minutesAfter(now, 1))).toBe(true);
  });

  it("writes in English to a person whose language is English", async () => {
    const now = freshMoment();
    const mail = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.english.email, clientAddress: freshClient(), browser: BROWSER },
        now,
      ),
    );
    expect(mail.to).toBe(cast.english.email);
    expect(mail.locale).toBe("en");
    expect(mail.subject).toBe(
      translate("en", "email.signIn.subject", { organisation: cast.organisationName }),
    );
    expect(mail.subject).toContain("Sign in to Rondom");
    expect(mail.subject).toContain("Gemeente Rondedam");
    expect(mail.text).toContain(`Dear ${cast.english.first_name},`);
    expect(mail.text).not.toContain("Beste");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain("Gemeente Rondedam");
    expect(mail.link).toMatch(LINK);
  });

  it("puts a safe destination in the link, and leaves out an unsafe one", async () => {
    const now = freshMoment();
    const safe = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        {
          email: cast.teamLead.email,
          clientAddress: freshClient(),
          browser: BROWSER,
          redirectTo: "/teams/abc?x=1",
        },
        now,
      ),
    );
    expect(safe.link).toMatch(
      /^https:\/\/rondom\.gemeente\.test\/inloggen\/link\/[A-Za-z0-9_-]{43}\?redirectTo=%2Fteams%2Fabc%3Fx%3D1$/,
    );

    const unsafe = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        {
          email: cast.teamLead.email,
          clientAddress: freshClient(),
          browser: BROWSER,
          redirectTo: "//evil.example/",
        },
        minutesAfter(now, 1),
      ),
    );
    expect(unsafe.link).toMatch(LINK);
    expect(unsafe.text).not.toContain("evil.example");
  });
});

describe("requestSignIn for an address that cannot sign in", () => {
  it.each([
    ["an unknown address", () => "niemand.bekend@rondedam.example"],
    ["a deactivated person's address", () => cast.inactive.email],
  ])("answers exactly as for a known one for %s, without a sign-in or a mail", async (_, email) => {
    const now = freshMoment();
    const tokens = await countRows(test.db, "sign_in_token");
    const before = await outboxIds(test.db);
    const outcome = await requestSignIn(
      test.db,
      { email: email(), clientAddress: freshClient(), browser: BROWSER },
      now,
    );
    const known = await requestSignIn(
      test.db,
      { email: cast.member.email, clientAddress: freshClient(), browser: BROWSER },
      now,
    );
    expect(outcome).toEqual(known);
    expect(outcome).toEqual({ status: "sent" });
    // Only the known address got a sign-in and a mail.
    expect(await countRows(test.db, "sign_in_token")).toBe(tokens + 1);
    const mails = await mailsSince(test.db, before);
    expect(mails.map((mail) => mail.to_address)).toEqual([cast.member.email]);
  });

  it("sends nothing to a deactivated person of another organisation", async () => {
    const other = await createOtherOrganisation(test.db, { isActive: false });
    const now = freshMoment();
    const before = await outboxIds(test.db);
    const outcome = await requestSignIn(
      test.db,
      { email: other.email, clientAddress: freshClient(), browser: BROWSER },
      now,
    );
    expect(outcome).toEqual({ status: "sent" });
    expect(await mailsSince(test.db, before)).toEqual([]);
    expect(await tokensOf(test.db, other.personId)).toEqual([]);
  });
});

describe("asking again", () => {
  it("keeps the earlier link and code working, beside the new ones", async () => {
    const now = freshMoment();
    const client = freshClient();
    const first = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.departmentHead.email, clientAddress: client, browser: BROWSER },
        now,
      ),
    );
    const later = minutesAfter(now, 2);
    const second = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.departmentHead.email, clientAddress: client, browser: BROWSER },
        later,
      ),
    );
    expect(second.token).not.toBe(first.token);

    const tokens = await tokensOf(test.db, cast.departmentHead.id);
    const firstRow = tokens.find((row) => row.link_token_hash === hashToken(first.token))!;
    const secondRow = tokens.find((row) => row.link_token_hash === hashToken(second.token))!;
    expect(firstRow.used_at).toBeNull();
    expect(secondRow.used_at).toBeNull();
    // Both are bound to the browser that asked (the hash of its value, never the value).
    expect(firstRow.browser_hash).toBe(hashToken(BROWSER));
    expect(secondRow.browser_hash).toBe(hashToken(BROWSER));

    const check = minutesAfter(later, 1);
    expect(await isSignInLinkValid(test.db, first.token, check)).toBe(true);
    expect(await isSignInLinkValid(test.db, second.token, check)).toBe(true);
    // The first mail's code signs in, and uses up the second mail's link and code with it.
    expect(
      await verifySignInCode(
        test.db,
        {
          email: cast.departmentHead.email,
          code: first.code,
          clientAddress: client,
          browser: BROWSER,
        },
        check,
      ),
    ).toEqual({
      status: "signed_in",
      personId: cast.departmentHead.id,
      organisationId: cast.organisationId,
    });
    expect(await isSignInLinkValid(test.db, second.token, check)).toBe(false);
    expect(
      await consumeSignInLink(test.db, second.token, { browser: BROWSER, confirmed: true }, check),
    ).toEqual({
      status: "invalid",
    });
  });

  it(`keeps the newest ${MAX_LIVE_SIGN_INS_PER_BROWSER} of one browser, dropping the oldest`, async () => {
    const now = freshMoment();
    const client = freshClient();
    const mails = [];
    for (let request = 0; request <= MAX_LIVE_SIGN_INS_PER_BROWSER; request++) {
      mails.push(
        await expectOneSignInMail(test.db, () =>
          requestSignIn(
            test.db,
            { email: cast.english.email, clientAddress: client, browser: BROWSER },
            minutesAfter(now, request),
          ),
        ),
      );
    }
    const check = minutesAfter(now, MAX_LIVE_SIGN_INS_PER_BROWSER + 1);
    const valid = [];
    for (const mail of mails) valid.push(await isSignInLinkValid(test.db, mail.token, check));
    expect(valid).toEqual([false, ...Array<boolean>(MAX_LIVE_SIGN_INS_PER_BROWSER).fill(true)]);
  });
});
