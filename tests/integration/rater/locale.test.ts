import { describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { serializeAutomaticLocale } from "~/i18n/locale.server";
import * as intro from "~/routes/uitnodiging.$token._index";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import {
  allIndicatorIds,
  draftRow,
  freshInvitation,
  getRequest,
  languageCookie,
  pageUrl,
  postRequest,
  run,
} from "./helpers";
import { describeOutcome, redirectTarget, valueOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";

const test = useTestDatabase({ freezeClock: false });

async function englishInvitation(db: DB) {
  const fresh = await freshInvitation(db);
  await db
    .updateTable("invitation")
    .set({ locale: "en" })
    .where("id", "=", fresh.invitation.id)
    .execute();
  return fresh;
}

describe("the language of the invitation pages", () => {
  it("switches an English invitation to English once, with a cookie, when no language was chosen", async () => {
    const { invitation } = await englishInvitation(test.db);
    const outcome = await run(intro.loader, getRequest(invitation.token, ""), invitation.token);
    expect(outcome.kind, describeOutcome(outcome)).toBe("response");
    if (outcome.kind !== "response") return;
    expect(outcome.response.status).toBeGreaterThanOrEqual(300);
    expect(outcome.response.status).toBeLessThan(400);
    expect(redirectTarget(outcome, pageUrl(invitation.token, ""))).toBe(
      `/uitnodiging/${invitation.token}?lang=en`,
    );
    const setCookie = outcome.response.headers.get("Set-Cookie");
    expect(setCookie).toMatch(/^rondom_lang=/);

    // The browser comes back with the cookie: the page shows, no further redirect.
    const cookie = setCookie!.split(";")[0]!;
    const withCookie = await run(
      intro.loader,
      new Request(`${pageUrl(invitation.token, "")}?lang=en`, { headers: { Cookie: cookie } }),
      invitation.token,
    );
    expect(withCookie.kind, describeOutcome(withCookie)).toBe("value");
  });

  it("does not loop when the browser refuses the cookie (?lang=en is enough)", async () => {
    const { invitation } = await englishInvitation(test.db);
    const outcome = await run(
      intro.loader,
      new Request(`${pageUrl(invitation.token, "")}?lang=en`),
      invitation.token,
    );
    expect(outcome.kind, describeOutcome(outcome)).toBe("value");
  });

  it("respects a language the visitor chose (rondom_lang cookie)", async () => {
    for (const chosen of ["en", "nl"] as const) {
      const { invitation } = await englishInvitation(test.db);
      const outcome = await run(
        intro.loader,
        getRequest(invitation.token, "", { cookie: await languageCookie(chosen) }),
        invitation.token,
      );
      expect(outcome.kind, `${chosen}: ${describeOutcome(outcome)}`).toBe("value");
      const page = await run(
        questionnairePage.loader,
        getRequest(invitation.token, "/vragenlijst", { cookie: await languageCookie(chosen) }),
        invitation.token,
      );
      expect(page.kind, `${chosen}: ${describeOutcome(page)}`).toBe("value");
    }
  });

  it("leaves a Dutch invitation alone", async () => {
    const { invitation } = await freshInvitation(test.db);
    const outcome = await run(intro.loader, getRequest(invitation.token, ""), invitation.token);
    expect(valueOf<{ invitation: { state: string } }>(outcome).invitation.state).toBe("open");
  });

  it("never redirects a form post for the language", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await englishInvitation(db);
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`ratings.${allIndicatorIds(questionnaire)[0]}`, "3"],
      ]),
      invitation.token,
    );
    const target = redirectTarget(outcome, pageUrl(invitation.token, "/vragenlijst"));
    expect(target, describeOutcome(outcome)).toMatch(/\?melding=opgeslagen$/);
    expect(target).not.toContain("lang=");
    expect(await draftRow(db, invitation.id)).toBeDefined();
  });
});

describe("a language chosen by an earlier link", () => {
  it("is overruled by the next invitation's language, unlike a language chosen with the switch", async () => {
    const { invitation } = await englishInvitation(test.db);
    const automaticDutch = (await serializeAutomaticLocale("nl")).split(";")[0]!;
    const overruled = await run(
      intro.loader,
      new Request(pageUrl(invitation.token, ""), { headers: { Cookie: automaticDutch } }),
      invitation.token,
    );
    expect(redirectTarget(overruled, pageUrl(invitation.token, ""))).toBe(
      `/uitnodiging/${invitation.token}?lang=en`,
    );

    const chosenDutch = await languageCookie("nl");
    const kept = await run(
      intro.loader,
      new Request(pageUrl(invitation.token, ""), { headers: { Cookie: chosenDutch } }),
      invitation.token,
    );
    expect(kept.kind, describeOutcome(kept)).toBe("value");
  });
});
