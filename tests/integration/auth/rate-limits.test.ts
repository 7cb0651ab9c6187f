import { beforeAll, describe, expect, it } from "vitest";
import { requestSignIn, signInLimits, verifySignInCode } from "~/auth/sign-in.server";
import * as codePage from "~/routes/inloggen.code";
import * as signInPage from "~/routes/inloggen._index";
import { allErrorsOf, translateErrors, type FormResult } from "~/components/forms";
import { translator } from "~/i18n/messages";
import {
  hitRateLimit,
  isRateLimited,
  purgeOldRateLimits,
  type RateLimitRule,
} from "~/security/rate-limit.server";
import { awaitSignInMail, expectOneSignInMail, mailsSince, outboxIds } from "../../support/mail";
import { call, newBrowser, pendingCookieFor, postRequest } from "../../support/requests";
import { countRows, useTestDatabase } from "../../support/database";
import { describeOutcome, statusOf, type Outcome } from "../../support/route-outcome";
import { eventually } from "../../support/eventually";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { minutesAfter } from "../../support/clock";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

const QUARTER = 15 * 60_000;
// The browser of the code tests (codes work only in the browser that asked for them).
const BROWSER = newBrowser();

// Each test gets its own day, starting one minute into a 15-minute window (the clock of the
// route tests stands still at NOW, on the first day).
let day = 0;
function freshDay(): Date {
  day += 1;
  return new Date(Date.UTC(2030, 3, day, 9, 1));
}

describe("hitRateLimit", () => {
  const rule: RateLimitRule = { name: "test:rule", limit: 3, windowMs: QUARTER };

  it("allows `limit` hits per window, then says how long to wait; a new window allows again", async () => {
    const start = freshDay(); // 09:01, in the window 09:00–09:15
    for (let hit = 1; hit <= 3; hit++) {
      expect(await hitRateLimit(test.db, rule, "Subject@Example.org", start)).toEqual({
        allowed: true,
      });
    }
    expect(await isRateLimited(test.db, rule, "subject@example.org", start)).toBe(true);
    const later = minutesAfter(start, 10); // 09:11, four minutes before the window ends
    expect(await hitRateLimit(test.db, rule, "subject@example.org", later)).toEqual({
      allowed: false,
      retryAfterSeconds: 4 * 60,
    });
    // Another subject is not affected.
    expect(await hitRateLimit(test.db, rule, "someone-else@example.org", later)).toEqual({
      allowed: true,
    });
    const nextWindow = minutesAfter(start, 14); // 09:15
    expect(await isRateLimited(test.db, rule, "subject@example.org", nextWindow)).toBe(false);
    expect(await hitRateLimit(test.db, rule, "subject@example.org", nextWindow)).toEqual({
      allowed: true,
    });
  });

  it("does not count when only asked whether the limit is reached", async () => {
    const start = freshDay();
    for (let look = 0; look < 10; look++) {
      expect(await isRateLimited(test.db, rule, "looker", start)).toBe(false);
    }
    expect(await hitRateLimit(test.db, rule, "looker", start)).toEqual({ allowed: true });
  });

  it("purgeOldRateLimits removes windows that started more than two hours ago, and only those", async () => {
    const start = freshDay();
    const old = new Date(start.getTime() - 25 * 60 * 60_000);
    await hitRateLimit(test.db, rule, "purge-me", old);
    await hitRateLimit(test.db, rule, "keep-me", minutesAfter(start, -60));
    const windows = async () =>
      (await test.db.selectFrom("rate_limit").select("window_start").execute()).map(
        (row) => row.window_start,
      );
    const oldWindow = new Date(Math.floor(old.getTime() / QUARTER) * QUARTER).toISOString();
    expect(await windows()).toContain(oldWindow);
    await purgeOldRateLimits(test.db, start);
    expect(await windows()).not.toContain(oldWindow);
    // The window of an hour ago still counts.
    expect(
      await isRateLimited(test.db, { ...rule, limit: 1 }, "keep-me", minutesAfter(start, -60)),
    ).toBe(true);
  });

  it("never stores the address or email itself", async () => {
    const start = freshDay();
    await hitRateLimit(test.db, rule, "Geheim.Adres@Rondedam.example", start);
    await hitRateLimit(test.db, rule, "198.51.100.99", start);
    const stored = JSON.stringify(await test.db.selectFrom("rate_limit").selectAll().execute());
    expect(stored.toLowerCase()).not.toContain("geheim.adres");
    expect(stored).not.toContain("198.51.100.99");
  });
});

describe("sign-in request limits", () => {
  it("refuses the 6th request for one address from one client within 15 minutes, without a mail; other clients and the next window are served", async () => {
    const start = freshDay();
    const { limit } = signInLimits.requestsPerAddressAndClient;
    expect(limit).toBe(5);
    const client = `10.0.${day}.1`;
    const before = await outboxIds(test.db);
    // The case does not matter.
    for (let request = 1; request <= limit; request++) {
      const email = request % 2 === 0 ? cast.member.email.toUpperCase() : cast.member.email;
      expect(
        await requestSignIn(
          test.db,
          { email, clientAddress: client, browser: newBrowser() },
          minutesAfter(start, request),
        ),
      ).toEqual({ status: "sent" });
    }
    expect(await mailsSince(test.db, before)).toHaveLength(limit);
    const tokens = await countRows(test.db, "sign_in_token");

    const at = minutesAfter(start, 6); // 09:07, eight minutes before the window ends
    const sixth = await requestSignIn(
      test.db,
      { email: cast.member.email, clientAddress: client, browser: newBrowser() },
      at,
    );
    expect(sixth).toEqual({ status: "rate_limited", retryAfterSeconds: 8 * 60 });
    expect(await mailsSince(test.db, before)).toHaveLength(limit);
    expect(await countRows(test.db, "sign_in_token")).toBe(tokens);

    // Another client (the owner, say) is served at once ...
    await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.member.email, clientAddress: `10.0.${day}.2`, browser: newBrowser() },
        at,
      ),
    );
    // ... and the next window (09:15) allows this client again.
    const mail = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.member.email, clientAddress: client, browser: newBrowser() },
        minutesAfter(start, 14),
      ),
    );
    expect(mail.to).toBe(cast.member.email);
  });

  it("refuses the 31st request for one address within the hour, from any client", async () => {
    const start = freshDay();
    const { limit, windowMs } = signInLimits.requestsPerAddress;
    expect([limit, windowMs]).toEqual([30, 4 * QUARTER]);
    const before = await outboxIds(test.db);
    for (let request = 1; request <= limit; request++) {
      expect(
        await requestSignIn(
          test.db,
          {
            email: cast.teamLead.email,
            clientAddress: `10.4.${day}.${request}`,
            browser: newBrowser(),
          },
          minutesAfter(start, request),
        ),
      ).toEqual({ status: "sent" });
    }
    expect(await mailsSince(test.db, before)).toHaveLength(limit);
    const refused = await requestSignIn(
      test.db,
      { email: cast.teamLead.email, clientAddress: `10.4.${day}.99`, browser: newBrowser() },
      minutesAfter(start, 40),
    );
    expect(refused).toMatchObject({ status: "rate_limited" });
    expect(await mailsSince(test.db, before)).toHaveLength(limit);
  });

  it("refuses the 21st request from one client, across different addresses", async () => {
    const start = freshDay();
    const client = `10.1.${day}.1`;
    const { limit } = signInLimits.requestsPerClient;
    expect(limit).toBe(20);
    for (let request = 1; request <= limit; request++) {
      expect(
        await requestSignIn(
          test.db,
          {
            email: `onbekend${request}@rondedam.example`,
            clientAddress: client,
            browser: newBrowser(),
          },
          start,
        ),
      ).toEqual({ status: "sent" });
    }
    const before = await outboxIds(test.db);
    const outcome = await requestSignIn(
      test.db,
      { email: cast.hr.email, clientAddress: client, browser: newBrowser() },
      start,
    );
    expect(outcome).toMatchObject({ status: "rate_limited" });
    expect(outcome.status === "rate_limited" && outcome.retryAfterSeconds).toBeGreaterThan(0);
    expect(await mailsSince(test.db, before)).toEqual([]);
    // Another client may still ask for the same address.
    await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.hr.email, clientAddress: `10.1.${day}.2`, browser: newBrowser() },
        start,
      ),
    );
  });
});

describe("sign-in code limits", () => {
  it("refuses the 31st code from one client, even the right one, and keeps the sign-in usable", async () => {
    const start = freshDay();
    const client = `10.2.${day}.1`;
    const mail = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.english.email, clientAddress: `10.2.${day}.2`, browser: BROWSER },
        start,
      ),
    );
    const { limit } = signInLimits.codeAttemptsPerClient;
    expect(limit).toBe(30);
    for (let attempt = 1; attempt <= limit; attempt++) {
      expect(
        await verifySignInCode(
          test.db,
          {
            email: `raden${attempt}@rondedam.example`,
            code: "000000",
            clientAddress: client,
            browser: BROWSER,
          },
          start,
        ),
      ).toEqual({ status: "invalid" });
    }
    const refused = await verifySignInCode(
      test.db,
      { email: cast.english.email, code: mail.code, clientAddress: client, browser: BROWSER },
      start,
    );
    expect(refused).toMatchObject({ status: "rate_limited" });
    expect(refused.status === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(0);

    // In the next window (and within the code's 15 minutes) the code works.
    expect(
      await verifySignInCode(
        test.db,
        { email: cast.english.email, code: mail.code, clientAddress: client, browser: BROWSER },
        minutesAfter(start, 14),
      ),
    ).toMatchObject({ status: "signed_in", personId: cast.english.id });
  });

  it("refuses the 16th code for one address within the hour, from any client", async () => {
    const start = freshDay();
    const { limit, windowMs } = signInLimits.codeAttemptsPerAddress;
    expect([limit, windowMs]).toEqual([15, 4 * QUARTER]);
    for (let attempt = 1; attempt <= limit; attempt++) {
      const outcome = await verifySignInCode(
        test.db,
        {
          email: cast.otherTeamLead.email,
          code: "000000",
          clientAddress: `10.3.${day}.${attempt}`,
          browser: BROWSER,
        },
        minutesAfter(start, attempt),
      );
      expect(outcome).toEqual({ status: "invalid" });
    }
    const outcome = await verifySignInCode(
      test.db,
      {
        email: cast.otherTeamLead.email,
        code: "000000",
        clientAddress: `10.3.${day}.99`,
        browser: BROWSER,
      },
      minutesAfter(start, 20),
    );
    expect(outcome).toMatchObject({ status: "rate_limited" });
  });
});

// ---------------------------------------------------------------------------------------
// Through the pages. The clock stands still at NOW (10:07), eight minutes before the end of
// the window 10:00–10:15; these are the only tests in this file that use NOW's window.

function asData(outcome: Outcome): { status: number; data: unknown; headers: Headers } {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  return { status: outcome.status, data: outcome.data, headers: outcome.headers };
}

/** The messages of a refused form as the page shows them, in Dutch. */
function shownErrors(data: unknown): string {
  const { result } = data as { result?: FormResult };
  return translateErrors(translator("nl"), allErrorsOf(result)).join(" ");
}

describe("the sign-in pages over the limit", () => {
  it("POST /inloggen: the 6th request for one address from one client answers 429 with 'te vaak'", async () => {
    const before = await outboxIds(test.db);
    const email = cast.departmentHead.email;
    for (let request = 1; request <= 5; request++) {
      const outcome = await call(signInPage.action, postRequest("/inloggen", [["email", email]]), {
        clientAddress: "10.9.0.1",
      });
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(302);
    }
    const outcome = await call(signInPage.action, postRequest("/inloggen", [["email", email]]), {
      clientAddress: "10.9.0.1",
    });
    const refused = asData(outcome);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe(String(8 * 60));
    const shown = shownErrors(refused.data);
    expect(shown).toContain("te vaak");
    expect(shown).toContain("8 minuten");
    // No pending sign-in cookie for a refused request.
    expect(refused.headers.get("Set-Cookie")).toBeNull();

    // Five mails were made (after the answers), and no sixth.
    const mails = await eventually(async () => {
      const rows = await mailsSince(test.db, before);
      return rows.length >= 5 ? rows : undefined;
    });
    expect(mails).toHaveLength(5);
  });

  it("POST /inloggen/code: the 31st code from one client answers 429", async () => {
    const client = "10.9.1.1";
    // The browser that asks for the team lead's mail, and types its code in.
    const browser = newBrowser();
    const pendingFor = (email: string) => pendingCookieFor(test.db, email, { browser });
    for (let attempt = 1; attempt <= 30; attempt++) {
      const outcome = await call(
        codePage.action,
        postRequest("/inloggen/code", [["code", "123456"]], {
          cookie: await pendingFor(`raden${attempt}@elders.example`),
        }),
        { clientAddress: client },
      );
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(400);
    }
    const before = await outboxIds(test.db);
    await call(
      signInPage.action,
      postRequest("/inloggen", [["email", cast.teamLead.email]], {
        cookie: await pendingFor(cast.teamLead.email),
      }),
      { clientAddress: "10.9.1.2" },
    );
    const mail = await awaitSignInMail(test.db, cast.teamLead.email, before);
    const outcome = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", mail.code]], {
        cookie: await pendingFor(cast.teamLead.email),
      }),
      { clientAddress: client },
    );
    const refused = asData(outcome);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(shownErrors(refused.data)).toContain("Te veel pogingen");
    // Another client can still use the code.
    const other = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", mail.code]], {
        cookie: await pendingFor(cast.teamLead.email),
      }),
      { clientAddress: "10.9.1.3" },
    );
    expect(statusOf(other), describeOutcome(other)).toBe(302);
  });
});
