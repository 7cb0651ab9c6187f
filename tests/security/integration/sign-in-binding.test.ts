import { beforeAll, describe, expect, it } from "vitest";
import { isSignInLinkValid } from "~/auth/sign-in.server";
import { hashToken } from "~/utils/tokens.server";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { redirectLocation, statusOf, type Outcome } from "../../support/route-outcome";
import { sessionSetCookie } from "../../support/requests";
import { useTestDatabase } from "../../support/database";
import { oneMailFrom, newBrowser } from "./sign-in-browser";

// Issue 14, point 6 (login CSRF): a sign-in link worked in any browser that opened it, with
// one press of a button that did not say whose account it opened. Someone could send their
// own fresh link to a colleague ("can you look at this?"); the colleague pressed "Inloggen"
// and then worked, unknowingly, in the sender's account (answers typed there are the
// sender's).
//
// Now every sign-in remembers the browser that asked (a random value in its signed pending
// cookie; only the hash is stored). There the link signs in with one press and the code
// works; anywhere else the link page says who will be signed in (name and organisation) and
// signs in only with the button of that confirmation, and the code does not work at all.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
beforeAll(async () => {
  cast = await loadCast(test.db);
});

function noSessionIn(outcome: Outcome): boolean {
  const headers =
    outcome.kind === "response"
      ? outcome.response.headers
      : outcome.kind === "data"
        ? outcome.headers
        : new Headers();
  return sessionSetCookie(headers) === undefined;
}

describe("a sign-in link opened in a browser that did not ask for it", () => {
  it("says whose account it opens, and signs in only after that confirmation is pressed", async () => {
    const sender = cast.otherTeamLead;
    const senders = newBrowser();
    const mail = await oneMailFrom(test.db, sender.email, () => senders.askFor(sender.email));

    const colleague = newBrowser();
    const page = await colleague.openLink(mail);
    expect(page).toMatchObject({
      kind: "data",
      status: 200,
      data: {
        valid: true,
        sameBrowser: false,
        name: `${sender.first_name} ${sender.last_name}`,
        organisationName: cast.organisationName,
      },
    });

    // The plain button's post (what the page without the confirmation sends, or a form
    // someone made to look like it) only leads back to the confirmation.
    const unconfirmed = await colleague.pressLinkButton(mail);
    const url = new URL(mail.link);
    expect(redirectLocation(unconfirmed)).toBe(url.pathname + url.search);
    expect(noSessionIn(unconfirmed)).toBe(true);
    expect(await colleague.signedInAs(test.db)).toBeNull();
    expect(await isSignInLinkValid(test.db, mail.token)).toBe(true);
    for (const value of ["", "no", "1", "ja"]) {
      const wrong = await colleague.pressLinkButton(mail, [["intent", value]]);
      expect(noSessionIn(wrong), value).toBe(true);
    }
    expect(await colleague.signedInAs(test.db)).toBeNull();

    // Pressing the confirmation, knowing whose account it is, signs in.
    const confirmed = await colleague.pressLinkButton(mail, [["intent", "confirm"]]);
    expect(statusOf(confirmed)).toBe(302);
    expect(await colleague.signedInAs(test.db)).toBe(sender.id);
  });

  it("does not let the code of the mail sign in there", async () => {
    const owner = cast.hr;
    const asking = newBrowser();
    const mail = await oneMailFrom(test.db, owner.email, () => asking.askFor(owner.email));
    // Another browser on the code page for the same address (it asked too: its own mail).
    const other = newBrowser();
    await oneMailFrom(test.db, owner.email, () => other.askFor(owner.email));

    expect(statusOf(await other.typeCode(mail.code))).toBe(400);
    expect(await other.signedInAs(test.db)).toBeNull();
    expect(statusOf(await asking.typeCode(mail.code))).toBe(302);
    expect(await asking.signedInAs(test.db)).toBe(owner.id);
  });

  it("asks for the confirmation for a sign-in made before browsers were remembered", async () => {
    const person = cast.english;
    const browser = newBrowser();
    const mail = await oneMailFrom(test.db, person.email, () => browser.askFor(person.email));
    await test.db
      .updateTable("sign_in_token")
      .set({ browser_hash: null })
      .where("link_token_hash", "=", hashToken(mail.token))
      .execute();
    expect(await browser.openLink(mail)).toMatchObject({ data: { sameBrowser: false } });
    expect(noSessionIn(await browser.pressLinkButton(mail))).toBe(true);
    expect(statusOf(await browser.pressLinkButton(mail, [["intent", "confirm"]]))).toBe(302);
    expect(await browser.signedInAs(test.db)).toBe(person.id);
  });
});

describe("a sign-in link in the browser that asked for it", () => {
  it("is not used up by looking (mail scanners), and signs in with one press", async () => {
    const person = cast.teamLead;
    const browser = newBrowser();
    const mail = await oneMailFrom(test.db, person.email, () => browser.askFor(person.email));
    const scanner = newBrowser();
    for (let look = 0; look < 3; look++) {
      expect(statusOf(await scanner.openLink(mail))).toBe(200);
      expect(statusOf(await browser.openLink(mail))).toBe(200);
    }
    expect(await browser.openLink(mail)).toMatchObject({ data: { sameBrowser: true } });
    const outcome = await browser.pressLinkButton(mail);
    expect(statusOf(outcome)).toBe(302);
    expect(await browser.signedInAs(test.db)).toBe(person.id);
    // Used: the scanner's next look finds nothing.
    expect(statusOf(await scanner.openLink(mail))).toBe(404);
  });
});
