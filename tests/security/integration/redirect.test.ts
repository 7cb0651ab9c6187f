import { beforeAll, describe, expect, it } from "vitest";
import * as linkPage from "~/routes/inloggen.link.$token";
import * as signInPage from "~/routes/inloggen._index";
import { safeRedirectPath } from "~/utils/redirect";
import { call, postRequest, signedInCookie } from "../../support/requests";
import { describeOutcome, redirectLocation, type Outcome } from "../../support/route-outcome";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { oneMailFrom, newBrowser } from "./sign-in-browser";

// Issue 14, point 6: a `redirectTo` with characters outside ASCII (`/mijn?x=é`, `/é`, `/€`)
// went as it was into the Location header of the redirect after sign-in. Outside Latin-1
// (`€`) that made `redirect()` throw: a 500, after the one-time code (or link) had been
// used up; inside it (`é`) the header carried a raw byte that is not UTF-8. Destinations
// are now always percent-encoded ASCII paths, in the sign-in form, the pending cookie, the
// link's ?redirectTo and every redirect made from them.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/** The Location of a redirect that Node can send; fails on a 500 or a non-ASCII header. */
function safeLocation(outcome: Outcome): string {
  const location = redirectLocation(outcome);
  if (location === null) throw new Error(`Expected a redirect, got ${describeOutcome(outcome)}`);
  expect(location).toMatch(PRINTABLE_ASCII);
  return location;
}

const DESTINATIONS: [typed: string, location: string][] = [
  ["/mijn?x=é", "/mijn?x=%C3%A9"],
  ["/é", "/%C3%A9"],
  ["/€", "/%E2%82%AC"],
  ["/rapporten/😀#é", "/rapporten/%F0%9F%98%80#%C3%A9"],
];

describe("a destination outside ASCII", () => {
  it.each(DESTINATIONS)(
    "%s: the code signs in and leads to %s, no 500",
    async (typed, location) => {
      const person = cast.member;
      const browser = newBrowser();
      const mail = await oneMailFrom(test.db, person.email, () =>
        browser.askFor(person.email, typed),
      );
      expect(safeLocation(await browser.typeCode(mail.code))).toBe(location);
      expect(await browser.signedInAs(test.db)).toBe(person.id);
    },
  );

  it.each(DESTINATIONS)(
    "%s in the link's ?redirectTo: the link signs in and leads to %s, no 500",
    async (typed, location) => {
      const person = cast.english;
      const browser = newBrowser();
      const mail = await oneMailFrom(test.db, person.email, () => browser.askFor(person.email));
      const url = new URL(mail.link);
      const path = `${url.pathname}?redirectTo=${encodeURIComponent(typed)}`;
      const outcome = await call(
        linkPage.action,
        postRequest(path, [], { cookie: browser.cookie }),
        {
          params: { token: mail.token },
          clientAddress: browser.clientAddress,
        },
      );
      expect(safeLocation(outcome)).toBe(location);
    },
  );

  it.each(DESTINATIONS)(
    "%s on the sign-in page of someone signed in already: a redirect to %s",
    async (typed, location) => {
      const browser = newBrowser();
      const cookie = await signedInCookie(test.db, cast.teamLead.id);
      const outcome = await call(
        signInPage.loader,
        new Request(`http://localhost/inloggen?redirectTo=${encodeURIComponent(typed)}`, {
          headers: { Cookie: cookie },
        }),
        { clientAddress: browser.clientAddress },
      );
      expect(safeLocation(outcome)).toBe(location);
    },
  );
});

describe("safeRedirectPath", () => {
  it.each([
    "/mijn?x=é",
    "/é",
    "/€",
    "/a b?c d",
    "/\uD800",
    "/%",
    "/%E0%A4%A",
    "/?x=\u00a0",
    "/beheer/logboek?zoek=Zoë&pagina=2",
  ])("turns %j into a same-site path that can go in a header", (target) => {
    const path = safeRedirectPath(target, "/mijn");
    expect(path).toMatch(PRINTABLE_ASCII);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(() => new Headers({ Location: path })).not.toThrow();
    expect(new URL(path, "https://rondom.example").origin).toBe("https://rondom.example");
  });

  it.each(["/.//evil.example", "/..//evil.example/x", "//evil.example", "/\\evil.example"])(
    "refuses %j, which a browser would take to another site",
    (target) => {
      expect(safeRedirectPath(target, "/mijn")).toBe("/mijn");
    },
  );
});
