import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { countSessions } from "~/auth/session.server";
import { demoOrganisationId, isDemoModeEnabled } from "~/demo/demo-mode.server";
import { isOutboxPageEnabled } from "~/email/outbox-page.server";
import * as demoSignIn from "~/routes/demo.inloggen";
import * as codePage from "~/routes/inloggen.code";
import * as signInPage from "~/routes/inloggen._index";
import * as outboxPage from "~/routes/postvak-uit";
import { call, getRequest, pendingCookieFor, postRequest } from "../../support/requests";
import { isThrownNotFound, valueOf } from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";

// getEnv() (app/utils/env.server.ts) reads the environment once per process and caches it,
// so DEMO_MODE cannot be switched within a file that has already used it. Vitest runs each
// test file in a process of its own: this file sets DEMO_MODE=off before anything reads it.
const previous = vi.hoisted(() => {
  const value = process.env.DEMO_MODE;
  process.env.DEMO_MODE = "off";
  return value;
});
afterAll(() => {
  if (previous === undefined) delete process.env.DEMO_MODE;
  else process.env.DEMO_MODE = previous;
});

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

describe("DEMO_MODE=off on the seeded demo database", () => {
  it("has no demo organisation", async () => {
    expect(cast.organisationName).toBe("Gemeente Rondedam");
    expect(await demoOrganisationId(test.db)).toBeNull();
    expect(await isDemoModeEnabled(test.db)).toBe(false);
    expect(await isOutboxPageEnabled(test.db)).toBe(false);
  });

  it("answers 404 to the one-click sign-in, and starts no session", async () => {
    const before = await countSessions(test.db, cast.hr.id);
    const outcome = await call(
      demoSignIn.action,
      postRequest("/demo/inloggen", [["personId", cast.hr.id]]),
    );
    expect(isThrownNotFound(outcome)).toBe(true);
    expect(await countSessions(test.db, cast.hr.id)).toBe(before);
    expect(isThrownNotFound(await call(demoSignIn.loader, getRequest("/demo/inloggen")))).toBe(
      true,
    );
  });

  it("answers 404 to the outbox page", async () => {
    expect(isThrownNotFound(await call(outboxPage.loader, getRequest("/postvak-uit")))).toBe(true);
  });

  it("points to no demo help on the sign-in pages", async () => {
    expect(
      valueOf<{ demo: boolean }>(await call(signInPage.loader, getRequest("/inloggen"))).demo,
    ).toBe(false);
    const pending = await pendingCookieFor(test.db, cast.member.email);
    const codeStep = valueOf<{ outbox: boolean }>(
      await call(codePage.loader, getRequest("/inloggen/code", { cookie: pending })),
    );
    expect(codeStep.outbox).toBe(false);
  });
});
