import { beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "~/auth/guards.server";
import { countSessions, sessionCookieName } from "~/auth/session.server";
import { pendingSignInCookie, pendingSignInCookieName } from "~/auth/sign-in-cookies.server";
import * as demoSignIn from "~/routes/demo.inloggen";
import * as codePage from "~/routes/inloggen.code";
import * as linkPage from "~/routes/inloggen.link.$token";
import * as signInPage from "~/routes/inloggen._index";
import * as signOut from "~/routes/uitloggen";
import { allErrorsOf, translateErrors, type FormResult } from "~/components/forms";
import { translator } from "~/i18n/messages";
import type { Notice } from "~/utils/notices";
import { auditActions, useTestDatabase } from "../../support/database";
import { awaitSignInMail, mailsSince, outboxIds } from "../../support/mail";
import {
  call,
  cookiePair,
  getRequest,
  joinCookies,
  postRequest,
  sessionSetCookie,
  signedInCookie,
} from "../../support/requests";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import {
  describeOutcome,
  redirectLocation,
  responseOf,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

// The clock stands still, so all requests share one rate-limit window: every test signs in
// from client addresses of its own.
let clientCounter = 0;
function client(): string {
  clientCounter += 1;
  return `203.0.113.${clientCounter}`;
}

function dataOf(outcome: Outcome): { status: number; data: unknown; headers: Headers } {
  if (outcome.kind !== "data") throw new Error(`Expected data(), got ${describeOutcome(outcome)}`);
  return { status: outcome.status, data: outcome.data, headers: outcome.headers };
}

/** The messages of a refused form as the page shows them, in Dutch. */
function shownErrors(data: unknown): string {
  const { result } = data as { result?: FormResult };
  return translateErrors(translator("nl"), allErrorsOf(result)).join(" ");
}

/** A Set-Cookie header without its value: name and attributes only. */
function withoutValue(setCookie: string): string {
  return setCookie.replace(/^([^=]+)=[^;]*/, "$1=<value>");
}

/** POST /inloggen, then the mail it made and the pending cookie to send along. */
async function askForMail(email: string, redirectTo?: string) {
  const before = await outboxIds(test.db);
  const fields: [string, string][] = [["email", email]];
  if (redirectTo !== undefined) fields.push(["redirectTo", redirectTo]);
  const outcome = await call(signInPage.action, postRequest("/inloggen", fields), {
    clientAddress: client(),
  });
  const response = responseOf(outcome);
  const pending = cookiePair(response.headers.get("Set-Cookie") ?? "");
  const mail = await awaitSignInMail(test.db, email.trim().toLowerCase(), before);
  return { response, pending, mail };
}

describe("GET /inloggen", () => {
  it("shows the form with a safe destination, and sends a signed-in person on", async () => {
    const page = valueOf<{ redirectTo: string; notice: Notice | null; demo: boolean }>(
      await call(
        signInPage.loader,
        getRequest("/inloggen?redirectTo=%2Fbeheer&melding=overal-uitgelogd"),
      ),
    );
    expect(page).toEqual({
      redirectTo: "/beheer",
      notice: { key: "signIn.signedOutEverywhere", tone: "success", count: 0 },
      demo: true,
    });
    const crafted = valueOf<{ notice: Notice | null }>(
      await call(signInPage.loader, getRequest("/inloggen?melding=iets-anders")),
    );
    expect(crafted.notice).toBeNull();
    const unsafe = valueOf<{ redirectTo: string }>(
      await call(signInPage.loader, getRequest("/inloggen?redirectTo=%2F%2Fevil.example")),
    );
    expect(unsafe.redirectTo).toBe("/mijn");

    const cookie = await signedInCookie(test.db, cast.member.id);
    const signedIn = await call(
      signInPage.loader,
      getRequest("/inloggen?redirectTo=%2Fteams%2Fx", { cookie }),
    );
    expect(redirectLocation(signedIn)).toBe("/teams/x");
  });
});

describe("POST /inloggen", () => {
  it("answers a known and an unknown address alike, and mails only the known one", async () => {
    const before = await outboxIds(test.db);
    const unknownEmail = "onbekende.persoon@rondedam.example";
    const unknown = responseOf(
      await call(signInPage.action, postRequest("/inloggen", [["email", unknownEmail]]), {
        clientAddress: client(),
      }),
    );
    const known = responseOf(
      await call(signInPage.action, postRequest("/inloggen", [["email", cast.member.email]]), {
        clientAddress: client(),
      }),
    );
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(known.status);
    expect(known.headers.get("Location")).toBe("/inloggen/code");
    expect(unknown.headers.get("Location")).toBe(known.headers.get("Location"));
    const knownCookie = known.headers.getSetCookie();
    const unknownCookie = unknown.headers.getSetCookie();
    expect(knownCookie).toHaveLength(1);
    expect(unknownCookie).toHaveLength(1);
    expect(knownCookie[0]!.startsWith(`${pendingSignInCookieName()}=`)).toBe(true);
    expect(withoutValue(unknownCookie[0]!)).toBe(withoutValue(knownCookie[0]!));
    // Everything else about the answers is the same too.
    const headersBesidesCookie = (response: Response) =>
      [...response.headers.entries()].filter(([name]) => name !== "set-cookie");
    expect(headersBesidesCookie(unknown)).toEqual(headersBesidesCookie(known));
    expect(await unknown.text()).toBe(await known.clone().text());

    // The pending cookie remembers the address, the destination and the browser's value.
    expect(await (await pendingSignInCookie(test.db)).parse(cookiePair(knownCookie[0]!))).toEqual({
      email: cast.member.email,
      redirectTo: "/mijn",
      browser: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    // The mail is made after the answer; only the known address gets one.
    await awaitSignInMail(test.db, cast.member.email, before);
    const mails = await mailsSince(test.db, before);
    expect(mails.map((mail) => mail.to_address)).toEqual([cast.member.email]);
  });

  it.each([
    ["an invalid address", "geen-adres", "Vul een geldig e-mailadres in"],
    ["an empty address", "", "Vul uw e-mailadres in."],
  ])("refuses %s with 400 and a Dutch message", async (_, email, message) => {
    const before = await outboxIds(test.db);
    const outcome = await call(signInPage.action, postRequest("/inloggen", [["email", email]]), {
      clientAddress: client(),
    });
    const refused = dataOf(outcome);
    expect(refused.status).toBe(400);
    expect(shownErrors(refused.data)).toContain(message);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect(await mailsSince(test.db, before)).toEqual([]);
  });

  it.each([
    [
      "an unknown field",
      [
        ["email", "a@b.nl"],
        ["isAdmin", "1"],
      ],
    ],
    [
      "a field given twice",
      [
        ["email", "a@b.nl"],
        ["email", "c@d.nl"],
      ],
    ],
  ] as [string, [string, string][]][])("refuses a form with %s (thrown 400)", async (_, fields) => {
    const outcome = await call(signInPage.action, postRequest("/inloggen", fields), {
      clientAddress: client(),
    });
    expect(outcome.kind).toBe("response");
    expect(outcome.kind === "response" && outcome.thrown).toBe(true);
    expect(statusOf(outcome)).toBe(400);
  });

  it("keeps an unsafe destination out of the pending cookie", async () => {
    const { pending } = await askForMail(cast.english.email, "https://evil.example/");
    expect(await (await pendingSignInCookie(test.db)).parse(pending)).toMatchObject({
      email: cast.english.email,
      redirectTo: "/mijn",
    });
  });
});

describe("signing in with the code", () => {
  it("GET shows the page for the pending address; POST with the right code signs in", async () => {
    const destination = `/teams/${cast.team.id}`;
    const { pending, mail } = await askForMail(
      `  ${cast.teamLead.email.toUpperCase()} `,
      destination,
    );

    const page = await call(codePage.loader, getRequest("/inloggen/code", { cookie: pending }));
    expect(statusOf(page)).toBe(200);
    // The address as typed (trimmed), which is what the visitor recognises.
    expect(valueOf<{ email: string }>(page).email).toBe(cast.teamLead.email.toUpperCase());

    const outcome = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", `${mail.code.slice(0, 3)} ${mail.code.slice(3)}`]], {
        cookie: pending,
      }),
      { clientAddress: client() },
    );
    const response = responseOf(outcome);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(destination);
    const session = sessionSetCookie(response.headers);
    expect(session).toBeDefined();
    expect(session!.startsWith(`${sessionCookieName()}=`)).toBe(true);
    const user = await getCurrentUser(getRequest(destination, { cookie: cookiePair(session!) }));
    expect(user?.id).toBe(cast.teamLead.id);
    expect(
      response.headers
        .getSetCookie()
        .find((value) => value.startsWith(`${pendingSignInCookieName()}=`)),
    ).toMatch(/Max-Age=0/i);
    expect((await auditActions(test.db, cast.teamLead.id)).at(-1)).toBe("sign_in");

    // The code is used up.
    const again = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", mail.code]], { cookie: pending }),
      { clientAddress: client() },
    );
    expect(statusOf(again)).toBe(400);
  });

  it("answers a wrong or malformed code with 400 and a Dutch message", async () => {
    const { pending, mail } = await askForMail(cast.otherTeamLead.email);
    const wrongCode = String((Number(mail.code) + 1) % 1_000_000).padStart(6, "0");
    for (const [code, message] of [
      [wrongCode, "Deze code klopt niet"],
      ["12a456", "Een code bestaat uit zes cijfers."],
      ["", "Vul de code uit de e-mail in."],
    ] as const) {
      const outcome = await call(
        codePage.action,
        postRequest("/inloggen/code", [["code", code]], { cookie: pending }),
        { clientAddress: client() },
      );
      const refused = dataOf(outcome);
      expect(refused.status, code).toBe(400);
      expect(shownErrors(refused.data)).toContain(message);
      expect(refused.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("sends visitors without a pending sign-in back to /inloggen", async () => {
    expect(redirectLocation(await call(codePage.loader, getRequest("/inloggen/code")))).toBe(
      "/inloggen",
    );
    const outcome = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", "123456"]]),
    );
    expect(redirectLocation(outcome)).toBe("/inloggen");
  });

  it("never follows an unsafe destination from a tampered pending cookie", async () => {
    const { mail, pending } = await askForMail(cast.departmentHead.email);
    const { browser } = (await (await pendingSignInCookie(test.db)).parse(pending)) as {
      browser: string;
    };
    const tampered = cookiePair(
      await (
        await pendingSignInCookie(test.db)
      ).serialize({
        email: cast.departmentHead.email,
        redirectTo: "//evil.example/",
        browser,
      }),
    );
    const outcome = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", mail.code]], { cookie: tampered }),
      { clientAddress: client() },
    );
    expect(redirectLocation(outcome)).toBe("/mijn");
  });

  it("ends the session the browser came with (session fixation)", async () => {
    const planted = await signedInCookie(test.db, cast.hr.id);
    const hrSessions = await countSessions(test.db, cast.hr.id);
    const { pending, mail } = await askForMail(cast.member.email);
    const outcome = await call(
      codePage.action,
      postRequest("/inloggen/code", [["code", mail.code]], {
        cookie: joinCookies(planted, pending),
      }),
      { clientAddress: client() },
    );
    const session = sessionSetCookie(responseOf(outcome).headers)!;
    expect(cookiePair(session)).not.toBe(planted);
    expect(await countSessions(test.db, cast.hr.id)).toBe(hrSessions - 1);
    expect(await getCurrentUser(getRequest("/mijn", { cookie: planted }))).toBeNull();
    expect((await getCurrentUser(getRequest("/mijn", { cookie: cookiePair(session) })))?.id).toBe(
      cast.member.id,
    );
  });
});

describe("signing in with the link", () => {
  it("GET only shows a button; POST signs in once and goes to the destination", async () => {
    const destination = "/beheer";
    const { mail, pending } = await askForMail(cast.hr.email, destination);
    const url = new URL(mail.link);
    const path = url.pathname + url.search;
    expect(url.searchParams.get("redirectTo")).toBe(destination);

    for (let look = 0; look < 2; look++) {
      const page = dataOf(
        await call(linkPage.loader, getRequest(path, { cookie: pending }), {
          params: { token: mail.token },
        }),
      );
      expect(page).toMatchObject({ status: 200, data: { valid: true, sameBrowser: true } });
    }
    const outcome = await call(linkPage.action, postRequest(path, [], { cookie: pending }), {
      params: { token: mail.token },
    });
    const response = responseOf(outcome);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(destination);
    const session = sessionSetCookie(response.headers)!;
    expect(
      (await getCurrentUser(getRequest(destination, { cookie: cookiePair(session) })))?.id,
    ).toBe(cast.hr.id);

    // Used up: the page and a second POST say 404.
    const page = dataOf(
      await call(linkPage.loader, getRequest(path), { params: { token: mail.token } }),
    );
    expect(page).toMatchObject({ status: 404, data: { valid: false } });
    const second = dataOf(
      await call(linkPage.action, postRequest(path, [], { cookie: pending }), {
        params: { token: mail.token },
      }),
    );
    expect(second.status).toBe(404);
    expect(sessionSetCookie(second.headers)).toBeUndefined();
  });

  it("answers 404 for an unknown link, and ignores an unsafe destination", async () => {
    const unknown = dataOf(
      await call(linkPage.loader, getRequest("/inloggen/link/nope"), { params: { token: "nope" } }),
    );
    expect(unknown.status).toBe(404);

    const { mail, pending } = await askForMail(cast.english.email);
    const outcome = await call(
      linkPage.action,
      postRequest(`/inloggen/link/${mail.token}?redirectTo=%2F%2Fevil.example`, [], {
        cookie: pending,
      }),
      { params: { token: mail.token } },
    );
    expect(redirectLocation(outcome)).toBe("/mijn");
  });
});

describe("POST /uitloggen", () => {
  it("with scope=everywhere ends every session of the person and logs sign_out_everywhere", async () => {
    const person = cast.departmentHead;
    const here = await signedInCookie(test.db, person.id);
    await signedInCookie(test.db, person.id);
    await signedInCookie(test.db, person.id);
    const elsewhere = await signedInCookie(test.db, cast.member.id);
    const sessions = await countSessions(test.db, person.id);
    expect(sessions).toBeGreaterThanOrEqual(3);

    const outcome = await call(
      signOut.action,
      postRequest("/uitloggen", [["scope", "everywhere"]], { cookie: here }),
    );
    const response = responseOf(outcome);
    expect(response.headers.get("Location")).toBe("/inloggen?melding=overal-uitgelogd");
    expect(sessionSetCookie(response.headers)).toMatch(/Max-Age=0/i);
    expect(await countSessions(test.db, person.id)).toBe(0);
    expect(await getCurrentUser(getRequest("/mijn", { cookie: here }))).toBeNull();
    expect((await getCurrentUser(getRequest("/mijn", { cookie: elsewhere })))?.id).toBe(
      cast.member.id,
    );

    const logged = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("actor_person_id", "=", person.id)
      .where("action", "=", "sign_out_everywhere")
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.organisation_id).toBe(cast.organisationId);
    expect(JSON.parse(logged[0]!.details ?? "null")).toEqual({ sessions });
  });

  it("without a scope ends only this session and logs sign_out", async () => {
    const person = cast.otherTeamLead;
    const here = await signedInCookie(test.db, person.id);
    const phone = await signedInCookie(test.db, person.id);
    const outcome = await call(signOut.action, postRequest("/uitloggen", [], { cookie: here }));
    expect(redirectLocation(outcome)).toBe("/inloggen?melding=uitgelogd");
    expect(await getCurrentUser(getRequest("/mijn", { cookie: here }))).toBeNull();
    expect((await getCurrentUser(getRequest("/mijn", { cookie: phone })))?.id).toBe(person.id);
    expect((await auditActions(test.db, person.id)).at(-1)).toBe("sign_out");
  });

  it("refuses an unknown scope with 400 (the old scope=overal too) and ends no session", async () => {
    const person = cast.otherTeamLead;
    const here = await signedInCookie(test.db, person.id);
    const before = await auditActions(test.db, person.id);
    for (const scope of ["overal", "", "EVERYWHERE"]) {
      const refused = await call(
        signOut.action,
        postRequest("/uitloggen", [["scope", scope]], { cookie: here }),
      );
      expect(refused.kind === "response" && refused.thrown, describeOutcome(refused)).toBe(true);
      expect(statusOf(refused), scope).toBe(400);
      expect(await responseOf(refused).text()).toBe(translator("nl")("http.unknownIntent"));
    }
    expect((await getCurrentUser(getRequest("/mijn", { cookie: here })))?.id).toBe(person.id);
    expect(await auditActions(test.db, person.id)).toEqual(before);
  });

  it("changes nothing on GET, and refuses unknown fields", async () => {
    const cookie = await signedInCookie(test.db, cast.english.id);
    expect(redirectLocation(await call(signOut.loader, getRequest("/uitloggen", { cookie })))).toBe(
      "/mijn",
    );
    const refused = await call(
      signOut.action,
      postRequest(
        "/uitloggen",
        [
          ["scope", "everywhere"],
          ["personId", cast.hr.id],
        ],
        { cookie },
      ),
    );
    expect(refused.kind === "response" && refused.thrown).toBe(true);
    expect(statusOf(refused)).toBe(400);
    expect((await getCurrentUser(getRequest("/mijn", { cookie })))?.id).toBe(cast.english.id);
  });
});

describe("demo one-click sign-in (demo mode on)", () => {
  it("signs in as a demo person and logs the method", async () => {
    const outcome = await call(
      demoSignIn.action,
      postRequest("/demo/inloggen", [["personId", cast.hr.id]]),
    );
    const response = responseOf(outcome);
    expect(response.headers.get("Location")).toBe("/mijn");
    const session = sessionSetCookie(response.headers)!;
    const user = await getCurrentUser(getRequest("/mijn", { cookie: cookiePair(session) }));
    expect(user?.id).toBe(cast.hr.id);
    const logged = await test.db
      .selectFrom("audit_log")
      .select("details")
      .where("actor_person_id", "=", cast.hr.id)
      .where("action", "=", "sign_in")
      .execute();
    expect(logged.map((row) => JSON.parse(row.details ?? "null"))).toContainEqual({
      method: "demo",
    });
  });

  it("answers 404 for someone outside the demo, a deactivated person, or no one", async () => {
    const outsider = await createOtherOrganisation(test.db);
    for (const personId of [outsider.personId, cast.inactive.id, "", "onbekend"]) {
      const outcome = await call(
        demoSignIn.action,
        postRequest("/demo/inloggen", [["personId", personId]]),
      );
      expect(outcome.kind === "response" && outcome.thrown, personId).toBe(true);
      expect(statusOf(outcome)).toBe(404);
      expect(outcome.kind === "response" && sessionSetCookie(outcome.response.headers)).toBeFalsy();
    }
    const extra = await call(
      demoSignIn.action,
      postRequest("/demo/inloggen", [
        ["personId", cast.hr.id],
        ["role", "hr_admin"],
      ]),
    );
    expect(statusOf(extra)).toBe(400);
  });
});
