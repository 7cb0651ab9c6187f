import { beforeAll, describe, expect, it } from "vitest";
import { createOtherOrganisation, loadCast, type DemoCast } from "../../support/demo-cast";
import { outboxIds, type SignInMail } from "../../support/mail";
import { statusOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import { type Browser, signInMailsTo, newBrowser } from "./sign-in-browser";

// Issue 14, point 3: addresses were unique per organisation only, and sign-in took the
// first active person with the address across all organisations. Someone whose address HR
// of another organisation had given to one of its employees signed in as that employee, and
// could no longer reach their own account.
//
// New duplicates cannot be made any more (people are checked across organisations when
// they are created, edited or imported); one that is still there from before must be safe:
// never a silent first match. Asking for such an address mails one sign-in per
// organisation, each naming its organisation and the others, and the link and the code of
// each mail sign in to that mail's organisation only.

const test = useTestDatabase({ seed: true });
let cast: DemoCast;
let elders: { organisationId: string; personId: string; email: string };
beforeAll(async () => {
  cast = await loadCast(test.db);
  // The same address as a demo employee, in an organisation made after the demo: the demo
  // person comes first by any order sign-in used to look at.
  elders = await createOtherOrganisation(test.db, {
    name: "Gemeente Elders",
    email: cast.member.email.toUpperCase(),
  });
});

/** Asks for the shared address in `browser`; the two mails, by organisation. */
async function askForBoth(browser: Browser) {
  const before = await outboxIds(test.db);
  expect(statusOf(await browser.askFor(cast.member.email))).toBe(302);
  const mails = await signInMailsTo(test.db, cast.member.email, before, 2);
  const byOrganisation = (organisationId: string): SignInMail => {
    const found = mails.filter((mail) => mail.organisationId === organisationId);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  expect(mails).toHaveLength(2);
  return {
    rondedam: byOrganisation(cast.organisationId),
    elders: byOrganisation(elders.organisationId),
  };
}

describe("an address shared by active people in two organisations", () => {
  it("gets one sign-in mail per organisation, each naming its organisation and the other", async () => {
    const { rondedam, elders: eldersMail } = await askForBoth(newBrowser());
    expect(rondedam.subject).toContain("Gemeente Rondedam");
    expect(rondedam.text).toContain(`Beste ${cast.member.first_name},`);
    expect(rondedam.text).toContain("Gemeente Elders");
    expect(rondedam.text).toContain("met deze e-mail logt u in bij Gemeente Rondedam");
    expect(eldersMail.subject).toContain("Gemeente Elders");
    expect(eldersMail.text).toContain("Beste Olga,");
    expect(eldersMail.text).toContain("Gemeente Rondedam");
    expect(eldersMail.text).toContain("met deze e-mail logt u in bij Gemeente Elders");
    expect(rondedam.token).not.toBe(eldersMail.token);
  });

  it("signs in with each mail's code to that mail's organisation", async () => {
    const first = newBrowser();
    const mails = await askForBoth(first);
    expect(statusOf(await first.typeCode(mails.elders.code))).toBe(302);
    expect(await first.signedInAs(test.db)).toBe(elders.personId);

    const second = newBrowser();
    const again = await askForBoth(second);
    expect(statusOf(await second.typeCode(again.rondedam.code))).toBe(302);
    expect(await second.signedInAs(test.db)).toBe(cast.member.id);
  });

  it("signs in with each mail's link to that mail's organisation, which the page names", async () => {
    const first = newBrowser();
    const mails = await askForBoth(first);
    const page = await first.openLink(mails.elders);
    expect(page).toMatchObject({ status: 200, data: { organisationName: "Gemeente Elders" } });
    expect(statusOf(await first.pressLinkButton(mails.elders))).toBe(302);
    expect(await first.signedInAs(test.db)).toBe(elders.personId);

    const second = newBrowser();
    const again = await askForBoth(second);
    expect(statusOf(await second.pressLinkButton(again.rondedam))).toBe(302);
    expect(await second.signedInAs(test.db)).toBe(cast.member.id);
  });

  it("mails only the organisation where the person is still active", async () => {
    await test.db
      .updateTable("person")
      .set({ is_active: 0 })
      .where("id", "=", elders.personId)
      .execute();
    try {
      const browser = newBrowser();
      const before = await outboxIds(test.db);
      await browser.askFor(cast.member.email);
      const mails = await signInMailsTo(test.db, cast.member.email, before, 1);
      expect(mails.map((mail) => mail.organisationId)).toEqual([cast.organisationId]);
      expect(mails[0]!.text).not.toContain("Gemeente Elders");
    } finally {
      await test.db
        .updateTable("person")
        .set({ is_active: 1 })
        .where("id", "=", elders.personId)
        .execute();
    }
  });
});
