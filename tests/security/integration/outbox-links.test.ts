import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type * as RemixReact from "@remix-run/react";
import { mailTextParts } from "~/email/mail-text-links";
import { createCycleInvitations } from "~/invitations/create.server";
import { addLateRater } from "~/invitations/late-rater.server";
import * as outboxPage from "~/routes/postvak-uit";
import { appUrl } from "~/utils/env.server";
import { call, getRequest } from "../../support/requests";
import { loadCast } from "../../support/demo-cast";
import { useTestDatabase } from "../../support/database";
import { valueOf } from "../../support/route-outcome";
import { createCycleFixture } from "../../support/fixtures/cycle";

// The attack: the demo's outbox page (/postvak-uit) made every http(s) address in a mail
// clickable, as a path on this site. A rater's name is in their mail, and anyone who nominates
// a customer chooses that name: "https://<this site>//evil.example/inloggen" became a link to
// //evil.example/inloggen, another site, on a page the demo invites every visitor to use.
// Now only the app's own links are clickable; everything else is text.

const loaderData: { current: unknown } = { current: null };
vi.mock("@remix-run/react", async (importOriginal) => {
  const actual = await importOriginal<typeof RemixReact>();
  return {
    ...actual,
    useLoaderData: () => loaderData.current,
    useRouteLoaderData: () => ({ locale: "nl", user: null }),
    Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) =>
      createElement("a", { href: to, ...rest }, children),
    Form: ({ children, ...rest }: { children: ReactNode }) => createElement("form", rest, children),
  };
});

const test = useTestDatabase({ seed: true });
const APP = appUrl();
const RATER_EMAIL = "gemaakt@extern.example";
const CRAFTED_NAMES = [
  `${APP}//evil.example/inloggen`,
  `${APP}/\\evil.example/x`,
  "https://evil.example/uitnodiging/x",
  "http://evil.example",
];

beforeAll(async () => {
  const cast = await loadCast(test.db);
  const cycle = await createCycleFixture(test.db, { organisationId: cast.organisationId });
  await createCycleInvitations(test.db, cycle.cycleId);
  // A rater from outside, by a name someone chose (names are text: a URL is text too).
  const outcome = await addLateRater(test.db, {
    organisationId: cast.organisationId,
    cycleId: cycle.cycleId,
    participantId: cycle.participants.mo,
    actorPersonId: cast.hr.id,
    rater: {
      kind: "external",
      name: `Klik ${CRAFTED_NAMES.join(" ")}`,
      email: RATER_EMAIL,
      relationship: "customer",
    },
  });
  expect(outcome).toEqual({ status: "added" });
});

/** Every href of the rendered page. */
function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]!);
}

describe("the outbox page", () => {
  it("links the app's own addresses in a mail, and no address a name brought in", async () => {
    const data = valueOf<Awaited<ReturnType<typeof outboxPage.loader>>>(
      await call(outboxPage.loader, getRequest(`/postvak-uit?aan=${RATER_EMAIL}`)),
    );
    const [mail] = data.emails;
    expect(mail?.text).toContain(CRAFTED_NAMES[0]);
    loaderData.current = data;
    const html = renderToString(createElement(outboxPage.default));

    const hrefs = hrefsOf(html);
    // The invitation link itself is still a link, as a path on this site.
    expect(hrefs.some((href) => /^\/uitnodiging\/[\w-]{43}$/.test(href))).toBe(true);
    for (const href of hrefs) {
      expect(href, href).toMatch(/^\/(?![/\\])/);
      expect(href).not.toContain("evil.example");
    }
    // The crafted names are on the page, as text.
    expect(html).toContain("//evil.example/inloggen");
  });
});

describe("mailTextParts", () => {
  const origin = "https://rondom.example";

  it("makes only this origin's links clickable, as paths", () => {
    expect(
      mailTextParts(`Open https://rondom.example/mijn?x=1#a of http://rondom.example/y.`, origin),
    ).toEqual([
      { kind: "text", text: "Open " },
      { kind: "link", text: "https://rondom.example/mijn?x=1#a", href: "/mijn?x=1#a" },
      { kind: "text", text: " of http://rondom.example/y." },
    ]);
  });

  it("keeps as text what would lead elsewhere", () => {
    for (const text of [
      "https://rondom.example//evil.example/x",
      "https://rondom.example/\\evil.example",
      "https://rondom.example.evil.example/x",
      "https://rondom.example@evil.example/x",
      "https://evil.example/https://rondom.example/",
      "http://[::1",
    ]) {
      expect(mailTextParts(text, origin), text).toEqual([{ kind: "text", text }]);
    }
  });
});
