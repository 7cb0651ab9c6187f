import { beforeAll, describe, expect, it } from "vitest";
import type { Person } from "#db/schema";
import {
  loadCast,
  otherCode,
  outboxIds,
  statusOf,
  useAuthDatabase,
  type DemoCast,
  type Outcome,
} from "../../integration/auth/helpers";
import { Browser, oneMailFrom, signInMailsTo } from "./sign-in-browser";

// Issue 14, point 5: anyone could lock a chosen person out of sign-in. Five requests for
// their address tripped the per-address limit for 15 minutes (the owner's own request then
// got a 429), and every new request made the link and code already mailed to them invalid
// (a stranger asking once killed the mail the owner was about to use; five wrong codes
// typed after it burnt the newest one).
//
// The clock stands still at NOW, so every test here has a person and clients of its own.

const test = useAuthDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

let clients = 0;
function newBrowser(): Browser {
  clients += 1;
  return new Browser(`198.51.100.${clients}`);
}

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
