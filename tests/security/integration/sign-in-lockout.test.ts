import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Person } from "#db/schema";
import {
  knownBrowserCookie,
  knownBrowserCookieName,
  readKnownBrowser,
} from "~/auth/sign-in-cookies.server";
import { requestSignIn, signInLimits } from "~/auth/sign-in.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { mailsSince, otherCode, outboxIds } from "../../support/mail";
import { statusOf, type Outcome } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { newBrowser as newBrowserValue } from "../../support/requests";
import { NOW } from "../../support/clock";
import { Browser, oneMailFrom, signInMailsTo, newBrowser } from "./sign-in-browser";

// Issue 14, point 5: anyone could lock a chosen person out of sign-in. Five requests for
// their address tripped the per-address limit for 15 minutes (the owner's own request then
// got a 429), and every new request made the link and code already mailed to them invalid
// (a stranger asking once killed the mail the owner was about to use; five wrong codes
// typed after it burnt the newest one).
//
// The clock stands still at NOW, so every test here has a person and clients of its own.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

function headersOf(outcome: Outcome): Headers {
  if (outcome.kind === "data") return outcome.headers;
  if (outcome.kind === "response") return outcome.response.headers;
  return new Headers();
}

async function liveAttempts(person: Person): Promise<number[]> {
  const rows = await test.db
    .selectFrom("sign_in_token")
    .select("failed_attempts")
    .where("person_id", "=", person.id)
    .where("used_at", "is", null)
    .execute();
  return rows.map((row) => row.failed_attempts).sort();
}

describe("asking for someone else's address", () => {
  it("over and over from one place refuses the stranger, not the owner", async () => {
    const victim = cast.member;
    const stranger = newBrowser();
    const before = await outboxIds(test.db);
    const statuses: number[] = [];
    let refused: Outcome | undefined;
    for (let request = 0; request < 8; request++) {
      const outcome = await stranger.askFor(victim.email);
      statuses.push(statusOf(outcome));
      if (statusOf(outcome) === 429) refused = outcome;
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429, 429, 429]);
    expect(Number(headersOf(refused!).get("Retry-After"))).toBeGreaterThan(0);
    // Each accepted request mailed the owner (the stranger sees none of it).
    await signInMailsTo(test.db, victim.email, before, 5);

    const owner = newBrowser();
    const mail = await oneMailFrom(test.db, victim.email, async () => {
      expect(statusOf(await owner.askFor(victim.email))).toBe(302);
    });
    expect(statusOf(await owner.typeCode(mail.code))).toBe(302);
    expect(await owner.signedInAs(test.db)).toBe(victim.id);
  });

  it("once leaves the link and code the owner already has working", async () => {
    const victim = cast.teamLead;
    const owner = newBrowser();
    const ownersMail = await oneMailFrom(test.db, victim.email, () => owner.askFor(victim.email));
    const stranger = newBrowser();
    await oneMailFrom(test.db, victim.email, () => stranger.askFor(victim.email));

    expect(statusOf(await owner.openLink(ownersMail))).toBe(200);
    expect(statusOf(await owner.typeCode(ownersMail.code))).toBe(302);
    expect(await owner.signedInAs(test.db)).toBe(victim.id);
  });

  it("and typing wrong codes for it neither reaches nor burns the owner's code", async () => {
    const victim = cast.english;
    const owner = newBrowser();
    const ownersMail = await oneMailFrom(test.db, victim.email, () => owner.askFor(victim.email));
    const stranger = newBrowser();
    await oneMailFrom(test.db, victim.email, () => stranger.askFor(victim.email));

    for (let guess = 1; guess <= 6; guess++) {
      const outcome = await stranger.typeCode(otherCode(ownersMail.code, guess));
      expect(statusOf(outcome), `guess ${guess}`).toBe(400);
    }
    expect(await stranger.signedInAs(test.db)).toBeNull();

    expect(statusOf(await owner.typeCode(ownersMail.code))).toBe(302);
    expect(await owner.signedInAs(test.db)).toBe(victim.id);
  });
});

describe("guessing codes with several sign-ins open", () => {
  // A browser may hold up to three live sign-ins of one person, and a guess is compared
  // with each: the attempts and the address's limit count every comparison, so three open
  // codes give no more chances than one.
  it("compares each sign-in with at most five guesses, and counts every comparison against the address", async () => {
    const victim = cast.departmentHead;
    const stranger = newBrowser();
    const mails = [];
    for (let request = 0; request < 3; request++) {
      mails.push(await oneMailFrom(test.db, victim.email, () => stranger.askFor(victim.email)));
    }
    const codes = new Set(mails.map((mail) => mail.code));
    const wrong: string[] = [];
    for (let offset = 1; wrong.length < 5; offset++) {
      const guess = otherCode(mails[0]!.code, offset);
      if (!codes.has(guess)) wrong.push(guess);
    }

    for (const guess of wrong) expect(statusOf(await stranger.typeCode(guess))).toBe(400);
    // Five guesses, each compared with the three open sign-ins: all three are burnt, and the
    // fifteen comparisons are the address's limit for the hour.
    expect(await liveAttempts(victim)).toEqual([5, 5, 5]);
    const refused = await stranger.typeCode(mails[2]!.code);
    expect(statusOf(refused)).toBe(429);
    expect(Number(headersOf(refused).get("Retry-After"))).toBeGreaterThan(0);
    expect(await stranger.signedInAs(test.db)).toBeNull();

    // The owner is not locked out: a link of their own still signs them in.
    const owner = newBrowser();
    const ownersMail = await oneMailFrom(test.db, victim.email, () => owner.askFor(victim.email));
    expect(statusOf(await owner.typeCode(ownersMail.code))).toBe(429);
    expect(statusOf(await owner.openLink(ownersMail))).toBe(200);
    expect(statusOf(await owner.pressLinkButton(ownersMail))).toBe(302);
    expect(await owner.signedInAs(test.db)).toBe(victim.id);
  });
});

// The adversarial review of the first fix: the per-address ceiling (30 requests an hour from
// all clients together) was shared, and every IPv6 address was a client of its own. Five
// requests from each of six addresses of one IPv6 line filled it: the owner, asking from
// anywhere, got a 429 for the rest of the hour, and the mailbox 30 mails.
describe("asking for someone's address from many IPv6 addresses", () => {
  it("counts one /64 as one client: six addresses of it get five mails, not thirty, and the owner is served", async () => {
    const victim = cast.otherTeamLead;
    const before = await outboxIds(test.db);
    const outcomes = [];
    for (let host = 1; host <= 6; host++) {
      for (let request = 0; request < 5; request++) {
        outcomes.push(
          await requestSignIn(
            test.db,
            { email: victim.email, clientAddress: `2001:db8::${host}`, browser: newBrowserValue() },
            NOW,
          ),
        );
      }
    }
    expect(outcomes.filter((outcome) => outcome.status === "sent")).toHaveLength(5);
    expect(outcomes.slice(5).every((outcome) => outcome.status === "rate_limited")).toBe(true);

    // The owner, from another line (and a 7th address of the stranger's /64 is refused).
    expect(
      await requestSignIn(
        test.db,
        { email: victim.email, clientAddress: "2001:db8::7", browser: newBrowserValue() },
        NOW,
      ),
    ).toMatchObject({ status: "rate_limited" });
    expect(
      await requestSignIn(
        test.db,
        { email: victim.email, clientAddress: "2001:db8:1::7", browser: newBrowserValue() },
        NOW,
      ),
    ).toEqual({ status: "sent" });
    await signInMailsTo(test.db, victim.email, before, 6);
    const mails = (await mailsSince(test.db, before)).filter((row) => row.kind === "sign-in");
    expect(mails).toHaveLength(6);
  });

  it("strangers on six lines fill the address's ceiling, but the owner in a browser they signed in from still gets a mail", async () => {
    const victim = cast.hr;
    const { limit } = signInLimits.requestsPerAddress;
    expect(limit).toBe(30);
    // Earlier, the owner signed in in their own browser, which is now known for them.
    const owner = new Browser("203.0.113.10");
    const first = await oneMailFrom(test.db, victim.email, () => owner.askFor(victim.email));
    expect(statusOf(await owner.typeCode(first.code))).toBe(302);
    expect(owner.cookieNames()).toContain(knownBrowserCookieName());
    // A browser only knows who signed in there: another person's browser is not known for
    // the victim.
    const colleague = new Browser("203.0.113.11");
    const colleaguesMail = await oneMailFrom(test.db, cast.member.email, () =>
      colleague.askFor(cast.member.email),
    );
    expect(statusOf(await colleague.typeCode(colleaguesMail.code))).toBe(302);

    // Five requests from each of six /64s: 29 more, the ceiling is full (with the owner's
    // own first request).
    const before = await outboxIds(test.db);
    let served = 0;
    for (let line = 1; line <= 6; line++) {
      const stranger = new Browser(`2001:db8:${line}::1`);
      for (let request = 0; request < 5; request++) {
        if (statusOf(await stranger.askFor(victim.email)) === 302) served += 1;
      }
    }
    expect(served).toBe(limit - 1);
    await signInMailsTo(test.db, victim.email, before, limit - 1);

    // Unknown browsers are refused, with Retry-After (the hour 10:00-11:00 ends in 53 minutes).
    const newcomer = new Browser("203.0.113.12");
    const refused = await newcomer.askFor(victim.email);
    expect(statusOf(refused)).toBe(429);
    expect(headersOf(refused).get("Retry-After")).toBe(String(53 * 60));
    const refusedToColleague = await colleague.askFor(victim.email);
    expect(statusOf(refusedToColleague)).toBe(429);

    // The owner's own browser is served, and gets a mail that signs them in.
    const ownersMail = await oneMailFrom(test.db, victim.email, async () => {
      expect(statusOf(await owner.askFor(victim.email))).toBe(302);
    });
    expect(statusOf(await owner.typeCode(ownersMail.code))).toBe(302);
    expect(await owner.signedInAs(test.db)).toBe(victim.id);
    // Within their own client's limits only: five requests per address per 15 minutes (two
    // made already).
    for (let request = 3; request <= 5; request++) {
      expect(statusOf(await owner.askFor(victim.email)), `request ${request}`).toBe(302);
    }
    expect(statusOf(await owner.askFor(victim.email))).toBe(429);
  });

  it("answers an unknown address the same as a known one, from any browser", async () => {
    // A known browser asking for an address without an account: as any other browser does.
    const known = new Browser("203.0.113.20");
    const mail = await oneMailFrom(test.db, cast.english.email, () =>
      known.askFor(cast.english.email),
    );
    expect(statusOf(await known.typeCode(mail.code))).toBe(302);
    const unknown = "niemand.hier@rondedam.example";
    const outcomes: number[] = [];
    for (let line = 1; line <= 7; line++) {
      const stranger = new Browser(`2001:db8:${100 + line}::1`);
      for (let request = 0; request < 5; request++) {
        outcomes.push(statusOf(await stranger.askFor(unknown)));
      }
    }
    // The ceiling of 30 counts for unknown addresses just as for known ones.
    expect(outcomes.filter((status) => status === 302)).toHaveLength(30);
    expect(outcomes.slice(30)).toEqual([429, 429, 429, 429, 429]);
    expect(statusOf(await known.askFor(unknown))).toBe(429);
  });
});

describe("the known-browser cookie", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is a signed, httpOnly, SameSite=Lax __Host- cookie for 90 days when cookies are Secure", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("INSECURE_COOKIES", "");
    expect(knownBrowserCookieName()).toBe("__Host-rondom_known");
    const header = await (await knownBrowserCookie(test.db)).serialize(["0".repeat(32)]);
    const attributes = header.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes[0]!.startsWith("__host-rondom_known=")).toBe(true);
    for (const attribute of [
      "secure",
      "httponly",
      "path=/",
      "samesite=lax",
      `max-age=${90 * 86400}`,
    ]) {
      expect(attributes).toContain(attribute);
    }
    expect(attributes.some((attribute) => attribute.startsWith("domain="))).toBe(false);
  });

  it("is not believed when forged or tampered with", async () => {
    const forged = `${knownBrowserCookieName()}=${Buffer.from(JSON.stringify(["a".repeat(32)])).toString("base64")}`;
    const request = new Request("http://localhost/inloggen", { headers: { Cookie: forged } });
    expect(await readKnownBrowser(test.db, request)).toEqual([]);
  });
});
