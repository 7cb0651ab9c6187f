import { beforeAll, describe, expect, it } from "vitest";
import {
  isSignInLinkValid,
  MAX_CODE_ATTEMPTS,
  requestSignIn,
  verifySignInCode,
} from "~/auth/sign-in.server";
import type { Person } from "#db/schema";
import { auditActions, useTestDatabase } from "../../support/database";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import { expectOneSignInMail, otherCode, type SignInMail } from "../../support/mail";
import { minutesAfter, NOW } from "../../support/clock";
import { newBrowser } from "../../support/requests";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

// The browser all sign-ins here are asked in and all codes typed in.
const BROWSER = newBrowser();

// Each test runs in an hour of its own and from an address of its own, so that the rate
// limits (per address and per client) never decide an outcome here.
let hour = 0;
function slot(): { now: Date; client: string } {
  hour += 1;
  return { now: minutesAfter(NOW, 60 * hour), client: `192.0.2.${hour}` };
}

async function ask(person: Person, now: Date, client: string): Promise<SignInMail> {
  return expectOneSignInMail(test.db, () =>
    requestSignIn(test.db, { email: person.email, clientAddress: client, browser: BROWSER }, now),
  );
}

function verify(email: string, code: string, client: string, now: Date) {
  return verifySignInCode(test.db, { email, code, clientAddress: client, browser: BROWSER }, now);
}

async function failedAttempts(personId: string): Promise<number[]> {
  const rows = await test.db
    .selectFrom("sign_in_token")
    .select("failed_attempts")
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .execute();
  return rows.map((row) => row.failed_attempts);
}

describe("verifySignInCode", () => {
  it("signs in with the right code once; the same code a second time is invalid", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.member, now, client);
    const at = minutesAfter(now, 1);
    expect(await verify(cast.member.email, mail.code, client, at)).toEqual({
      status: "signed_in",
      personId: cast.member.id,
      organisationId: cast.organisationId,
    });
    expect(await verify(cast.member.email, mail.code, client, minutesAfter(at, 1))).toEqual({
      status: "invalid",
    });
    // The code used up the sign-in: the link of the same mail no longer works either.
    expect(await isSignInLinkValid(test.db, mail.token, minutesAfter(at, 1))).toBe(false);
  });

  it("accepts the address in another case and with spaces around it", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.teamLead, now, client);
    const typed = ` ${cast.teamLead.email.toUpperCase()} `;
    expect(await verify(typed, mail.code, client, minutesAfter(now, 1))).toMatchObject({
      status: "signed_in",
      personId: cast.teamLead.id,
    });
  });

  it("counts a wrong code and logs it", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.english, now, client);
    const before = await auditActions(test.db, cast.english.id);
    expect(await verify(cast.english.email, otherCode(mail.code), client, now)).toEqual({
      status: "invalid",
    });
    expect(await failedAttempts(cast.english.id)).toEqual([1]);
    expect((await auditActions(test.db, cast.english.id)).slice(before.length)).toEqual([
      "sign_in_code_failed",
    ]);
    // A wrong guess does not spoil the right code.
    expect(await verify(cast.english.email, mail.code, client, now)).toMatchObject({
      status: "signed_in",
    });
  });

  it(`burns the sign-in after ${MAX_CODE_ATTEMPTS} wrong codes: the right code then fails too`, async () => {
    const { now, client } = slot();
    const person = cast.otherTeamLead;
    const mail = await ask(person, now, client);
    const before = await auditActions(test.db, person.id);
    for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
      const at = new Date(now.getTime() + attempt * 1000);
      expect(await verify(person.email, otherCode(mail.code, attempt), client, at)).toEqual({
        status: "invalid",
      });
    }
    const at = minutesAfter(now, 1);
    expect(await verify(person.email, mail.code, client, at)).toEqual({ status: "invalid" });
    expect(await isSignInLinkValid(test.db, mail.token, at)).toBe(false);

    const logged = (await auditActions(test.db, person.id)).slice(before.length);
    expect(logged).toEqual([
      "sign_in_code_failed",
      "sign_in_code_failed",
      "sign_in_code_failed",
      "sign_in_code_failed",
      "sign_in_code_burnt",
    ]);
    const burnt = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("subject_id", "=", person.id)
      .where("action", "=", "sign_in_code_burnt")
      .executeTakeFirstOrThrow();
    expect(burnt.organisation_id).toBe(cast.organisationId);
    expect(burnt.subject_type).toBe("person");
    expect(JSON.parse(burnt.details ?? "null")).toEqual({ attempt: MAX_CODE_ATTEMPTS });
    // Neither the code nor the guesses are logged.
    const everything = JSON.stringify(await test.db.selectFrom("audit_log").selectAll().execute());
    expect(everything).not.toContain(mail.code);
    expect(everything).not.toContain(otherCode(mail.code, 1));

    // A new request gives a working code again.
    const fresh = await ask(person, minutesAfter(now, 2), client);
    expect(await verify(person.email, fresh.code, client, minutesAfter(now, 3))).toMatchObject({
      status: "signed_in",
    });
  });

  it("refuses a code after its 15 minutes, and accepts it just before", async () => {
    const { now, client } = slot();
    const mail = await ask(cast.departmentHead, now, client);
    const before = await auditActions(test.db, cast.departmentHead.id);
    expect(
      await verify(cast.departmentHead.email, mail.code, client, minutesAfter(now, 16)),
    ).toEqual({
      status: "invalid",
    });
    // An expired sign-in is simply gone: nothing counted, nothing logged.
    expect((await auditActions(test.db, cast.departmentHead.id)).slice(before.length)).toEqual([]);

    const second = await ask(cast.departmentHead, minutesAfter(now, 20), client);
    expect(
      await verify(cast.departmentHead.email, second.code, client, minutesAfter(now, 34)),
    ).toMatchObject({ status: "signed_in" });
  });

  it("does not accept one person's code for another person's address", async () => {
    const { now, client } = slot();
    const mine = await ask(cast.member, now, client);
    const theirs = await ask(cast.hr, now, client);
    // A million to one that both drew the same code; the test needs them to differ.
    expect(mine.code).not.toBe(theirs.code);
    const at = minutesAfter(now, 1);
    expect(await verify(cast.hr.email, mine.code, client, at)).toEqual({ status: "invalid" });
    expect(await failedAttempts(cast.hr.id)).toEqual([1]);
    // The code still works for its own address, and the other sign-in is untouched.
    expect(await verify(cast.member.email, mine.code, client, at)).toMatchObject({
      status: "signed_in",
      personId: cast.member.id,
    });
    expect(await verify(cast.hr.email, theirs.code, client, at)).toMatchObject({
      status: "signed_in",
      personId: cast.hr.id,
    });
  });

  it("says invalid for an unknown address or one without a pending sign-in, and logs nothing", async () => {
    const { now, client } = slot();
    const logged = await test.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(await verify("onbekend@rondedam.example", "123456", client, now)).toEqual({
      status: "invalid",
    });
    const neverAsked = await createOtherOrganisation(test.db);
    expect(await verify(neverAsked.email, "123456", client, now)).toEqual({ status: "invalid" });
    const after = await test.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(logged.n));
  });

  it("does not sign in a person who was deactivated after asking", async () => {
    const { now, client } = slot();
    const person = cast.member;
    const mail = await ask(person, now, client);
    await test.db.updateTable("person").set({ is_active: 0 }).where("id", "=", person.id).execute();
    try {
      expect(await verify(person.email, mail.code, client, minutesAfter(now, 1))).toEqual({
        status: "invalid",
      });
      expect(await isSignInLinkValid(test.db, mail.token, minutesAfter(now, 1))).toBe(false);
    } finally {
      await test.db
        .updateTable("person")
        .set({ is_active: 1 })
        .where("id", "=", person.id)
        .execute();
    }
  });

  // Each guess claims one of the five attempts before it is compared, in one statement.
  it("checks at most five guesses against one code, even when they arrive together", async () => {
    const { now, client } = slot();
    const person = cast.hr;
    const mail = await ask(person, now, client);
    const guesses = [1, 2, 3, 4, 5, 6, 7, 8].map((offset) =>
      verify(person.email, otherCode(mail.code, offset), client, minutesAfter(now, 1)),
    );
    const outcomes = await Promise.all(guesses);
    expect(outcomes.every((outcome) => outcome.status === "invalid")).toBe(true);
    const row = await test.db
      .selectFrom("sign_in_token")
      .select("failed_attempts")
      .where("person_id", "=", person.id)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBeLessThanOrEqual(MAX_CODE_ATTEMPTS);
    const burnt = (await auditActions(test.db, person.id)).filter(
      (action) => action === "sign_in_code_burnt",
    );
    expect(burnt).toHaveLength(1);
  });
});
