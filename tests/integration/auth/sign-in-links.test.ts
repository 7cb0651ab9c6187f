import { beforeAll, describe, expect, it } from "vitest";
import {
  consumeSignInLink,
  isSignInLinkValid,
  requestSignIn,
  verifySignInCode,
} from "~/auth/sign-in.server";
import { generateToken, hashToken } from "~/utils/tokens.server";
import type { Person } from "#db/schema";
import { expectOneSignInMail, type SignInMail } from "../../support/mail";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { minutesAfter, NOW } from "../../support/clock";
import { newBrowser } from "../../support/requests";
import { useTestDatabase } from "../../support/database";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

// The browser that asks for every sign-in here and opens its link (see sign-in-binding.test.ts
// in tests/security for other browsers).
const BROWSER = newBrowser();

const INVALID = { status: "invalid" };

function consume(token: string, at: Date) {
  return consumeSignInLink(test.db, token, { browser: BROWSER, confirmed: false }, at);
}

let hour = 0;
function slot(): { now: Date; client: string } {
  hour += 1;
  return { now: minutesAfter(NOW, 60 * hour), client: `192.0.2.${100 + hour}` };
}

function ask(person: Person, now: Date, client: string): Promise<SignInMail> {
  return expectOneSignInMail(test.db, () =>
    requestSignIn(test.db, { email: person.email, clientAddress: client, browser: BROWSER }, now),
  );
}

async function usedAt(token: string): Promise<string | null> {
  const row = await test.db
    .selectFrom("sign_in_token")
    .select("used_at")
    .where("link_token_hash", "=", hashToken(token))
    .executeTakeFirstOrThrow();
  return row.used_at;
}

describe("sign-in links", () => {
  it("can be looked at without being used up", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.member, now, client);
    const at = minutesAfter(now, 1);
    expect(await isSignInLinkValid(test.db, mail.token, at)).toBe(true);
    expect(await isSignInLinkValid(test.db, mail.token, at)).toBe(true);
    expect(await usedAt(mail.token)).toBeNull();
    expect(await consume(mail.token, at)).toEqual({
      status: "signed_in",
      personId: cast.member.id,
      organisationId: cast.organisationId,
    });
  });

  it("work once: a second use, and the code of the same mail, fail", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.hr, now, client);
    const at = minutesAfter(now, 1);
    expect(await consume(mail.token, at)).toEqual({
      status: "signed_in",
      personId: cast.hr.id,
      organisationId: cast.organisationId,
    });
    expect(await usedAt(mail.token)).toBe(at.toISOString());
    expect(await consume(mail.token, at)).toEqual(INVALID);
    expect(await isSignInLinkValid(test.db, mail.token, at)).toBe(false);
    expect(
      await verifySignInCode(
        test.db,
        { email: cast.hr.email, code: mail.code, clientAddress: client, browser: BROWSER },
        at,
      ),
    ).toEqual({ status: "invalid" });
  });

  it("expire after 15 minutes", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.teamLead, now, client);
    expect(await isSignInLinkValid(test.db, mail.token, minutesAfter(now, 14))).toBe(true);
    expect(await isSignInLinkValid(test.db, mail.token, minutesAfter(now, 16))).toBe(false);
    expect(await consume(mail.token, minutesAfter(now, 16))).toEqual(INVALID);
    // Refusing an expired link does not mark it used.
    expect(await usedAt(mail.token)).toBeNull();
  });

  it.each<[string, (mail: SignInMail) => string]>([
    ["an unknown token", () => generateToken()],
    ["an empty token", () => ""],
    ["the stored hash instead of the token", (mail) => hashToken(mail.token)],
    [
      "the token with one character changed",
      (mail) => `${mail.token.slice(0, -1)}${mail.token.endsWith("A") ? "B" : "A"}`,
    ],
  ])("refuse %s", async (_, makeToken) => {
    const { now, client } = slot();
    const mail = await ask(cast.english, now, client);
    const token = makeToken(mail);
    const at = minutesAfter(now, 1);
    expect(await isSignInLinkValid(test.db, token, at)).toBe(false);
    expect(await consume(token, at)).toEqual(INVALID);
    // The real link is unaffected.
    expect(await isSignInLinkValid(test.db, mail.token, at)).toBe(true);
  });

  it("are refused once the person is deactivated", async () => {
    const { now, client } = slot();
    const person = cast.otherTeamLead;
    const mail = await ask(person, now, client);
    await test.db.updateTable("person").set({ is_active: 0 }).where("id", "=", person.id).execute();
    try {
      expect(await consume(mail.token, minutesAfter(now, 1))).toEqual(INVALID);
    } finally {
      await test.db
        .updateTable("person")
        .set({ is_active: 1 })
        .where("id", "=", person.id)
        .execute();
    }
  });

  it("succeed exactly once when used twice at the same moment", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.departmentHead, now, client);
    const at = minutesAfter(now, 1);
    const outcomes = await Promise.all([
      consume(mail.token, at),
      consume(mail.token, at),
      consume(mail.token, at),
    ]);
    const successes = outcomes.filter((outcome) => outcome.status === "signed_in");
    expect(successes).toEqual([
      {
        status: "signed_in",
        personId: cast.departmentHead.id,
        organisationId: cast.organisationId,
      },
    ]);
  });

  it("succeed exactly once when the link and the code are used at the same moment", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.member, now, client);
    const at = minutesAfter(now, 1);
    const [byLink, byCode] = await Promise.all([
      consume(mail.token, at),
      verifySignInCode(
        test.db,
        { email: cast.member.email, code: mail.code, clientAddress: client, browser: BROWSER },
        at,
      ),
    ]);
    const signedIn = [byLink.status === "signed_in", byCode.status === "signed_in"].filter(Boolean);
    expect(signedIn).toHaveLength(1);
  });
});
