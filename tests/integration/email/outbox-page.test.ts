import { beforeAll, describe, expect, it } from "vitest";
import { isSignInLinkValid, requestSignIn, verifySignInCode } from "~/auth/sign-in.server";
import { createCycleInvitations } from "~/invitations/create.server";
import * as outboxPage from "~/routes/postvak-uit";
import { generateToken, hashToken } from "~/utils/tokens.server";
import { call, getRequest } from "../../support/requests";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { NOW } from "../../support/clock";
import { useTestDatabase } from "../../support/database";
import { valueOf } from "../../support/route-outcome";
import {
  createCycleFixture,
  CUSTOMER_EMAIL,
  invitationsOf,
  type CycleFixture,
} from "../../support/fixtures/cycle";

// The demo's "Postvak UIT" shows its visitors the mail that would be sent, links included.
// Those links are made when the page is shown, from what the outbox refers to; the outbox
// itself never holds them.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let cycle: CycleFixture;
beforeAll(async () => {
  cast = await loadCast(test.db);
  cycle = await createCycleFixture(test.db, { organisationId: cast.organisationId });
  await createCycleInvitations(test.db, cycle.cycleId, NOW);
});

interface OutboxPage {
  emails: { to: string; kind: string; subject: string; text: string | null }[];
}

async function outboxTo(address: string): Promise<OutboxPage["emails"]> {
  const page = await call(
    outboxPage.loader,
    getRequest(`/postvak-uit?aan=${encodeURIComponent(address)}`),
  );
  return valueOf<OutboxPage>(page).emails;
}

async function storedRowsTo(address: string): Promise<string> {
  const rows = await test.db
    .selectFrom("email_outbox")
    .selectAll()
    .where("to_address", "=", address)
    .execute();
  return JSON.stringify(rows);
}

describe("GET /postvak-uit in the demo", () => {
  it("shows an invitation mail with working links, made at display time and stored nowhere", async () => {
    const [mail] = await outboxTo(CUSTOMER_EMAIL);
    expect(mail?.kind).toBe("invitation");
    const tokens = [...mail!.text!.matchAll(/\/uitnodiging\/([A-Za-z0-9_-]{43})/g)].map(
      (match) => match[1]!,
    );
    const customerHashes = (await invitationsOf(test.db, cycle.cycleId))
      .filter((invitation) => invitation.rater_email.toLowerCase() === CUSTOMER_EMAIL)
      .map((invitation) => invitation.token_hash)
      .sort();
    expect(tokens.map((token) => hashToken(token)).sort()).toEqual(customerHashes);

    const stored = await storedRowsTo(CUSTOMER_EMAIL);
    expect(stored).not.toContain("/uitnodiging/");
    for (const token of tokens) expect(stored).not.toContain(token);
  });

  it("shows a sign-in mail whose link and code work, neither stored", async () => {
    const browser = generateToken();
    await requestSignIn(test.db, {
      email: cast.member.email,
      clientAddress: "198.18.9.1",
      browser,
    });
    const [mail] = await outboxTo(cast.member.email);
    expect(mail?.kind).toBe("sign-in");
    const link = /\/inloggen\/link\/([A-Za-z0-9_-]{43})/.exec(mail!.text!)?.[1];
    const code = /: (\d{6})$/m.exec(mail!.text!)?.[1];
    expect(link).toBeDefined();
    expect(code).toBeDefined();
    expect(await isSignInLinkValid(test.db, link!)).toBe(true);

    const stored = await storedRowsTo(cast.member.email);
    expect(stored).not.toContain(link!);
    expect(stored).not.toContain("/inloggen/link/");
    expect(stored).not.toMatch(new RegExp(`\\b${code}\\b`));

    const outcome = await verifySignInCode(test.db, {
      email: cast.member.email,
      code: code!,
      clientAddress: "198.18.9.1",
      browser,
    });
    expect(outcome.status).toBe("signed_in");
  });

  it("says so when a waiting mail will not be sent, its links no longer usable", async () => {
    await test.db
      .updateTable("invitation")
      .set({ status: "submitted" })
      .where("cycle_id", "=", cycle.cycleId)
      .where("rater_email", "=", cycle.people.piet.email)
      .execute();
    const [mail] = await outboxTo(cycle.people.piet.email);
    expect(mail?.kind).toBe("invitation");
    expect(mail?.text).toBeNull();
  });
});
