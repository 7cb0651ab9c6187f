import { expect, test } from "@playwright/test";
import { baseURL, matrixCast, openInvitationTokensFor, personFor } from "./support/accounts";
import { withDb } from "./support/rater";
import {
  actualOutcome,
  describeOutcome,
  disposeAll,
  expectedFor,
  manifestRoutes,
  matrix,
  matrixData,
  ROLES,
  signInRoles,
  type Role,
} from "./support/route-matrix";

// Who may open which page: every route of the production build's route manifest has an
// entry in tests/e2e/support/route-matrix.ts, and a route without one (or an entry without a
// route) fails the test. Each route is requested as six people, signed in with the demo's
// one-click sign-in.

test("every route of the build's manifest has an entry in the matrix, and no more", async () => {
  const routes = await manifestRoutes();
  const routeIds = Object.keys(routes).sort();
  expect(routeIds.length).toBeGreaterThan(10);
  expect(routeIds, "routes without a matrix entry, or entries without a route").toEqual(
    Object.keys(matrix).sort(),
  );
  const withAction = routeIds.filter((id) => typeof routes[id]?.module.action === "function");
  const withPost = Object.keys(matrix)
    .filter((id) => matrix[id]?.post)
    .sort();
  expect(withAction, "routes with an action need a cross-site post in the matrix").toEqual(
    withPost,
  );
});

test("each role gets the expected answer from every route", async ({ playwright }) => {
  test.setTimeout(90_000);
  const routes = await manifestRoutes();
  const data = await matrixData();
  const contexts = await signInRoles(playwright);
  const mismatches: string[] = [];
  let checked = 0;
  for (const [routeId, entry] of Object.entries(matrix)) {
    if (!routes[routeId]) mismatches.push(`${routeId}: not in the route manifest`);
    for (const { url, expect: expectation } of entry.get(data)) {
      for (const role of ROLES) {
        const response = await contexts[role].get(url, { maxRedirects: 0 });
        const expected = describeOutcome(expectedFor(expectation, role));
        const actual = actualOutcome(url, response);
        checked++;
        if (actual !== expected) {
          mismatches.push(`${routeId} GET ${url} as ${role}: expected ${expected}, got ${actual}`);
        }
      }
    }
  }
  await disposeAll(contexts);
  expect(mismatches).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(Object.keys(matrix).length * ROLES.length);
});

test("each person sees their own identity and their own to-do list only", async ({
  playwright,
}) => {
  const cast = await matrixCast();
  const contexts = await signInRoles(playwright);
  const names: Record<Role, string | null> = {
    anonymous: null,
    E: cast.employee.name,
    E2: cast.otherEmployee.name,
    L: cast.lead.name,
    L2: cast.otherLead.name,
    H: cast.hrAdmin.name,
  };
  // The layout (root loader) shows who is signed in.
  for (const role of ROLES) {
    const html = await (await contexts[role].get("/")).text();
    const name = names[role];
    if (name === null) expect(html, role).not.toContain("Ingelogd als");
    else expect(html, role).toContain(`Ingelogd als ${escapeHtml(name)}`);
    for (const other of ROLES) {
      const otherName = names[other];
      if (other !== role && otherName !== null) {
        expect(html, `${role} sees ${other}'s name`).not.toContain(
          `Ingelogd als ${escapeHtml(otherName)}`,
        );
      }
    }
  }

  const own = await openInvitationTokensFor(cast.employee.id);
  const others = await openInvitationTokensFor(cast.otherEmployee.id);
  expect(own.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);
  const mine = await (await contexts.E.get("/mijn")).text();
  expect(mine).toContain(`Welkom, ${escapeHtml(cast.employee.firstName)}`);
  for (const token of own) expect(mine, "E's own questionnaire").toContain(`/uitnodiging/${token}`);
  for (const token of others) {
    expect(mine, "E2's questionnaire on E's page").not.toContain(token);
  }
  const theirs = await (await contexts.E2.get("/mijn")).text();
  for (const token of others) expect(theirs).toContain(`/uitnodiging/${token}`);
  for (const token of own) expect(theirs, "E's questionnaire on E2's page").not.toContain(token);
  // Nothing of a team or of the administration for a plain employee.
  expect(mine).not.toContain(`/teams/`);
  expect(mine).not.toContain(`href="/beheer"`);
  await disposeAll(contexts);
});

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

test("form posts from another site are refused with 403 on every route and change nothing", async ({
  playwright,
}) => {
  const routes = await manifestRoutes();
  const data = await matrixData();
  const contexts = await signInRoles(playwright);
  const crossSitePerson = await personFor("cross-site");
  const draftBefore = await withDb((db) =>
    db
      .selectFrom("draft")
      .selectAll()
      .where("invitation_id", "=", data.invitation.id)
      .executeTakeFirst(),
  );

  const refusals: string[] = [];
  for (const [routeId, entry] of Object.entries(matrix)) {
    if (!entry.post) continue;
    expect(typeof routes[routeId]?.module.action, `${routeId} has an action`).toBe("function");
    const { url, form, as = "anonymous" } = entry.post(data);
    const attempts = [
      ...["POST", "PUT", "PATCH", "DELETE"].map((method) => ({
        method,
        origin: "https://evil.example",
      })),
      { method: "POST", origin: "null" },
      { method: "POST", origin: new URL(baseURL).origin.replace("127.0.0.1", "localhost") },
    ];
    for (const { method, origin } of attempts) {
      const response = await contexts[as].fetch(url, {
        method,
        form,
        headers: { Origin: origin },
        maxRedirects: 0,
      });
      const setCookie = response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === "set-cookie");
      if (response.status() !== 403 || setCookie.length > 0) {
        refusals.push(
          `${routeId} ${method} ${url} from ${origin} as ${as}: ${response.status()}` +
            (setCookie.length > 0 ? ` with Set-Cookie ${setCookie.map((h) => h.value)}` : ""),
        );
      }
    }
  }
  expect(refusals).toEqual([]);

  // Still signed in (the sign-out was refused), still anonymous (the demo sign-in was).
  expect((await contexts.E.get("/mijn", { maxRedirects: 0 })).status()).toBe(200);
  expect((await contexts.anonymous.get("/mijn", { maxRedirects: 0 })).status()).toBe(302);
  const cookies = (await contexts.anonymous.storageState()).cookies.map((cookie) => cookie.name);
  expect(cookies).toEqual([]);

  // No mail, no sign-in, no session, no answer, no decline.
  await withDb(async (db) => {
    const mails = await db
      .selectFrom("email_outbox")
      .select("id")
      .where("to_address", "=", crossSitePerson.email)
      .execute();
    expect(mails, "mail queued by a cross-site sign-in request").toEqual([]);
    const tokens = await db
      .selectFrom("sign_in_token")
      .select("id")
      .where("person_id", "=", crossSitePerson.id)
      .execute();
    expect(tokens).toEqual([]);
    const invitation = await db
      .selectFrom("invitation")
      .select(["status", "declined_at", "decline_reason"])
      .where("id", "=", data.invitation.id)
      .executeTakeFirstOrThrow();
    expect(invitation).toEqual({ status: "open", declined_at: null, decline_reason: null });
    const draftAfter = await db
      .selectFrom("draft")
      .selectAll()
      .where("invitation_id", "=", data.invitation.id)
      .executeTakeFirst();
    expect(draftAfter).toEqual(draftBefore);
    const employeeSessions = await db
      .selectFrom("session")
      .select("id")
      .where("person_id", "=", data.cast.employee.id)
      .execute();
    expect(employeeSessions.length).toBeGreaterThan(0);
  });
  await disposeAll(contexts);
});
