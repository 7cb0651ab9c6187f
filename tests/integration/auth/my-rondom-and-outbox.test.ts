import { beforeAll, describe, expect, it, vi } from "vitest";
import { countSessions } from "~/auth/session.server";
import { requestSignIn } from "~/auth/sign-in.server";
import { demoOrganisationId } from "~/demo/demo-mode.server";
import type { MyRondom } from "~/mine/my-rondom.server";
import { invitationToken } from "~/rater/invitation-token.server";
import * as myPage from "~/routes/mijn._index";
import * as outboxPage from "~/routes/postvak-uit";
import * as invitationPage from "~/routes/uitnodiging.$token._index";
import { hashToken } from "~/utils/tokens.server";
import { newId } from "#db/ids";
import { createCycleFixture } from "../../support/fixtures/cycle";
import { createTestDatabase, useTestDatabase } from "../../support/database";
import { call, getRequest, newBrowser, signedInCookie } from "../../support/requests";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import {
  describeOutcome,
  isThrownNotFound,
  redirectLocation,
  statusOf,
  valueOf,
} from "../../support/route-outcome";
import { expectOneSignInMail } from "../../support/mail";
import { minutesAfter, NOW } from "../../support/clock";

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

type MyPage = MyRondom & { firstName: string; isHrAdmin: boolean };

async function openMine(personId: string): Promise<MyPage> {
  const cookie = await signedInCookie(test.db, personId);
  return valueOf<MyPage>(await call(myPage.loader, getRequest("/mijn", { cookie })));
}

/** GET an invitation link as a rater's browser would, following the one language redirect. */
async function openInvitation(href: string) {
  const token = decodeURIComponent(href.replace(/^\/uitnodiging\//, ""));
  let outcome = await call(invitationPage.loader, getRequest(href), { params: { token } });
  const location = redirectLocation(outcome);
  if (location?.startsWith(`${href}?lang=`)) {
    outcome = await call(invitationPage.loader, getRequest(location), { params: { token } });
  }
  return outcome;
}

describe("GET /mijn", () => {
  it("sends an anonymous visitor to sign in", async () => {
    expect(redirectLocation(await call(myPage.loader, getRequest("/mijn")))).toBe(
      "/inloggen?redirectTo=%2Fmijn",
    );
  });

  it("lists the rater's open invitations of the running round, each with a working link", async () => {
    const open = await test.db
      .selectFrom("invitation")
      .innerJoin("cycle", "cycle.id", "invitation.cycle_id")
      .select(["invitation.id", "invitation.rater_person_id", "invitation.relationship"])
      .where("cycle.status", "=", "collecting")
      .where("invitation.status", "=", "open")
      .where("invitation.rater_person_id", "is not", null)
      .execute();
    const perRater = new Map<string, typeof open>();
    for (const row of open) {
      perRater.set(row.rater_person_id!, [...(perRater.get(row.rater_person_id!) ?? []), row]);
    }
    // The rater with the most open invitations.
    const [raterId, invitations] = [...perRater.entries()].sort(
      (a, b) => b[1].length - a[1].length,
    )[0]!;
    expect(invitations.length).toBeGreaterThanOrEqual(2);

    const page = await openMine(raterId);
    const expected: string[] = [];
    for (const invitation of invitations) {
      expected.push(`/uitnodiging/${await invitationToken(test.db, invitation.id)}`);
    }
    expected.sort();
    expect(page.todo.map((item) => item.href).sort()).toEqual(expected);
    if (page.todo.some((item) => item.relationship === "self")) {
      expect(page.todo[0]!.relationship).toBe("self");
    }
    for (const item of page.todo) {
      const outcome = await openInvitation(item.href);
      expect(statusOf(outcome), `${item.href}: ${describeOutcome(outcome)}`).toBe(200);
      expect(valueOf<{ invitation: { state: string } }>(outcome).invitation.state).toBe("open");
    }
  });

  it("shows nothing to do to someone who is asked for no feedback", async () => {
    const now = new Date().toISOString();
    const newcomer = newId();
    await test.db
      .insertInto("person")
      .values({
        id: newcomer,
        organisation_id: cast.organisationId,
        employee_number: null,
        first_name: "Nieuw",
        last_name: "Collega",
        email: "nieuw.collega@rondedam.example",
        team_id: cast.team.id,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const page = await openMine(newcomer);
    expect(page.todo).toEqual([]);
    expect(page.cycles).toEqual([]);
  });

  it("shows the signed-in person's rounds, teams and number of sessions", async () => {
    const head = await openMine(cast.departmentHead.id);
    expect(head.firstName).toBe(cast.departmentHead.first_name);
    expect(head.teams.map((team) => [team.id, team.isSubTeam])).toEqual(
      expect.arrayContaining([
        [cast.department.id, false],
        ...cast.subTeams.map((team) => [team.id, true]),
      ]),
    );
    expect(head.teams).toHaveLength(1 + cast.subTeams.length);
    expect(head.sessionCount).toBe(await countSessions(test.db, cast.departmentHead.id));

    const member = await openMine(cast.member.id);
    expect(member.teams).toEqual([]);
    const participations = await test.db
      .selectFrom("participant")
      .select("id")
      .where("person_id", "=", cast.member.id)
      .execute();
    expect(member.cycles.map((cycle) => cycle.participantId).sort()).toEqual(
      participations.map((row) => row.id).sort(),
    );
  });

  it("lists a real organisation's invitation with a link derived from the instance key", async () => {
    const fixture = await createCycleFixture(test.db, { invitations: 12 });
    const self = fixture.invitations.find((invitation) => invitation.relationship === "self")!;
    const participant = await test.db
      .selectFrom("participant")
      .select("person_id")
      .where("id", "=", self.participantId)
      .executeTakeFirstOrThrow();
    const token = await invitationToken(test.db, self.id);
    await test.db
      .updateTable("invitation")
      .set({ rater_person_id: participant.person_id, token_hash: hashToken(token) })
      .where("id", "=", self.id)
      .execute();
    // An invitation whose link was made another way (here: at random) is not shown. It is one
    // to rate another participant: nobody rates themself as anything but self.
    const colleague = fixture.invitations.find(
      (i) => i.relationship === "colleague" && i.participantId !== self.participantId,
    )!;
    await test.db
      .updateTable("invitation")
      .set({ rater_person_id: participant.person_id })
      .where("id", "=", colleague.id)
      .execute();

    const page = await openMine(participant.person_id);
    expect(page.todo.map((item) => item.href)).toEqual([`/uitnodiging/${token}`]);
    expect(statusOf(await openInvitation(page.todo[0]!.href))).toBe(200);
  });
});

describe("GET /postvak-uit", () => {
  type OutboxPage = { to: string; emails: { to: string; subject: string; kind: string }[] };

  it("lists the demo organisation's mail, filtered by address", async () => {
    const mail = await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: cast.member.email, clientAddress: "198.18.0.1", browser: newBrowser() },
        NOW,
      ),
    );
    const outsider = await createOtherOrganisation(test.db);
    await expectOneSignInMail(test.db, () =>
      requestSignIn(
        test.db,
        { email: outsider.email, clientAddress: "198.18.0.1", browser: newBrowser() },
        minutesAfter(NOW, 1),
      ),
    );

    const all = valueOf<OutboxPage>(await call(outboxPage.loader, getRequest("/postvak-uit")));
    expect(all.emails.some((email) => email.to === cast.member.email)).toBe(true);
    expect(all.emails.some((email) => email.to === outsider.email)).toBe(false);

    const filtered = valueOf<OutboxPage>(
      await call(
        outboxPage.loader,
        getRequest(`/postvak-uit?aan=${encodeURIComponent(cast.member.email.toUpperCase())}`),
      ),
    );
    expect(filtered.emails.length).toBeGreaterThanOrEqual(1);
    expect(filtered.emails.every((email) => email.to === cast.member.email)).toBe(true);
    expect(filtered.emails.map((email) => email.subject)).toContain(mail.subject);

    const outsiders = valueOf<OutboxPage>(
      await call(
        outboxPage.loader,
        getRequest(`/postvak-uit?aan=${encodeURIComponent(outsider.email)}`),
      ),
    );
    expect(outsiders.emails).toEqual([]);
  });

  it("does not exist for a database without the demo", async () => {
    const other = await createTestDatabase();
    const installed = globalThis.__rondomDatabase;
    try {
      await createOtherOrganisation(other.db, { email: "iemand@echt.example" });
      globalThis.__rondomDatabase = Promise.resolve(other.db);
      expect(await demoOrganisationId(other.db)).toBeNull();
      expect(isThrownNotFound(await call(outboxPage.loader, getRequest("/postvak-uit")))).toBe(
        true,
      );
    } finally {
      globalThis.__rondomDatabase = installed;
      await other.cleanup();
    }
  });

  it("shows every organisation's mail in development", async () => {
    const other = await createTestDatabase();
    const installed = globalThis.__rondomDatabase;
    vi.stubEnv("NODE_ENV", "development");
    try {
      const person = await createOtherOrganisation(other.db, { email: "iemand@echt.example" });
      await requestSignIn(
        other.db,
        { email: person.email, clientAddress: "198.18.0.2", browser: newBrowser() },
        NOW,
      );
      globalThis.__rondomDatabase = Promise.resolve(other.db);
      const page = valueOf<OutboxPage>(await call(outboxPage.loader, getRequest("/postvak-uit")));
      expect(page.emails.map((email) => email.to)).toEqual([person.email]);
    } finally {
      vi.unstubAllEnvs();
      globalThis.__rondomDatabase = installed;
      await other.cleanup();
    }
  });
});
