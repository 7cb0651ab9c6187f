import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Person } from "#db/schema";
import { signInLimits, WRONG_CODES_PER_HOUR } from "~/auth/sign-in.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { minutesAfter, NOW } from "../../support/clock";
import { otherCode } from "../../support/mail";
import { statusOf, type Outcome } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { Browser, oneMailFrom } from "./sign-in-browser";

// The adversarial review of the first fix: wrong codes were capped per address (15 an hour)
// and per client (30 per 15 minutes), but not for the instance. Guessing across 1,000
// addresses from ~125 IPv6 clients got into some account with a chance of about 36% a day.
// Now the instance allows WRONG_CODES_PER_HOUR (300) wrong codes an hour, from everyone
// together; then the code step answers 429 for everyone until the hour ends, and links keep
// working. The clock stands still at NOW (10:07), in the hour 10:00-11:00.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let people: Person[];
beforeAll(async () => {
  cast = await loadCast(test.db);
  const reserved = new Set([cast.hr.id, cast.member.id, cast.teamLead.id]);
  people = (
    await test.db
      .selectFrom("person")
      .selectAll()
      .where("organisation_id", "=", cast.organisationId)
      .where("is_active", "=", 1)
      .orderBy("email")
      .execute()
  ).filter((person) => !reserved.has(person.id));
});

function headersOf(outcome: Outcome): Headers {
  if (outcome.kind === "data") return outcome.headers;
  if (outcome.kind === "response") return outcome.response.headers;
  return new Headers();
}

describe("guessing codes across many addresses", () => {
  it("stops at the instance's budget of wrong codes, for everyone, even guesses sent at once; links keep working", async () => {
    expect(WRONG_CODES_PER_HOUR).toBe(300);
    expect(signInLimits.wrongCodesPerInstance.windowMs).toBe(60 * 60_000);

    // The owner asks for a mail before the attack (and gets its code and link).
    const owner = new Browser("203.0.113.50");
    const ownersMail = await oneMailFrom(test.db, cast.hr.email, () => owner.askFor(cast.hr.email));

    // A right code does not use up the budget: a colleague signs in with a code first.
    const colleague = new Browser("203.0.113.51");
    const colleaguesMail = await oneMailFrom(test.db, cast.member.email, () =>
      colleague.askFor(cast.member.email),
    );
    expect(statusOf(await colleague.typeCode(colleaguesMail.code))).toBe(302);

    // The attacker: one IPv6 line (/64) per address, which keeps every guess within the
    // per-client and per-address limits, asks a sign-in for 32 people and sends 10 guesses
    // for each, all at once: 320 guesses, each compared with the one open sign-in of its
    // browser (or, once it is burnt, with none; it counts all the same).
    const targets = people.slice(0, 32);
    expect(targets).toHaveLength(32);
    const attackers = [];
    for (const [index, person] of targets.entries()) {
      const attacker = new Browser(`2001:db8:${index + 1}::1`);
      const mail = await oneMailFrom(test.db, person.email, () => attacker.askFor(person.email));
      attackers.push({ attacker, mail });
    }
    const outcomes = await Promise.all(
      attackers.flatMap(({ attacker, mail }) =>
        Array.from({ length: 10 }, (_, guess) =>
          attacker.typeCode(otherCode(mail.code, guess + 1)),
        ),
      ),
    );
    const statuses = outcomes.map(statusOf);
    expect(statuses.filter((status) => status === 400)).toHaveLength(WRONG_CODES_PER_HOUR);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    for (const outcome of outcomes.filter((outcome) => statusOf(outcome) === 429)) {
      expect(Number(headersOf(outcome).get("Retry-After"))).toBeGreaterThan(0);
    }
    for (const { attacker } of attackers) expect(await attacker.signedInAs(test.db)).toBeNull();

    // Now code entry answers 429 for everyone, even the right code from a new client, with
    // Retry-After: the end of the hour (11:00), 53 minutes away.
    const refused = await owner.typeCode(ownersMail.code);
    expect(statusOf(refused)).toBe(429);
    expect(headersOf(refused).get("Retry-After")).toBe(String(53 * 60));
    expect(await owner.signedInAs(test.db)).toBeNull();

    // The owner's link still signs them in.
    expect(statusOf(await owner.openLink(ownersMail))).toBe(200);
    expect(statusOf(await owner.pressLinkButton(ownersMail))).toBe(302);
    expect(await owner.signedInAs(test.db)).toBe(cast.hr.id);

    // In the next hour the code step works again.
    vi.setSystemTime(minutesAfter(NOW, 54)); // 11:01
    try {
      const later = new Browser("203.0.113.52");
      const mail = await oneMailFrom(test.db, cast.teamLead.email, () =>
        later.askFor(cast.teamLead.email),
      );
      expect(statusOf(await later.typeCode(mail.code))).toBe(302);
      expect(await later.signedInAs(test.db)).toBe(cast.teamLead.id);
    } finally {
      vi.setSystemTime(NOW);
    }
  });
});
