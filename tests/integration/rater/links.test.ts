import { describe, expect, it } from "vitest";
import * as decline from "~/routes/uitnodiging.$token.afzeggen";
import * as intro from "~/routes/uitnodiging.$token._index";
import * as thanks from "~/routes/uitnodiging.$token.bedankt";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import { generateToken, hashToken } from "~/utils/tokens.server";
import {
  completeRatings,
  countResponses,
  dayOffset,
  dumpAnswerTables,
  freshInvitation,
  getRequest,
  postRequest,
  run,
  snapshotResponse,
  type Page,
} from "./helpers";
import {
  describeOutcome,
  redirectLocation,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import type { Fields } from "../../support/requests";

const test = useTestDatabase({ freezeClock: false });

type IntroData = { invitation: { state: string }; hasDraft: boolean; items: number };

const LOADERS: [Page, unknown][] = [
  ["", intro.loader],
  ["/vragenlijst", questionnairePage.loader],
  ["/afzeggen", decline.loader],
  ["/bedankt", thanks.loader],
];

/** Every way in: four page loads and the two forms, each with a body that would be accepted. */
async function everyEntrance(token: string, answers: Fields): Promise<[string, Outcome][]> {
  const outcomes: [string, Outcome][] = [];
  for (const [page, loader] of LOADERS) {
    outcomes.push([`GET ${page || "/"}`, await run(loader, getRequest(token, page), token)]);
  }
  for (const intent of ["save", "autosave", "submit"]) {
    outcomes.push([
      `POST /vragenlijst intent=${intent}`,
      await run(
        questionnairePage.action,
        postRequest(token, "/vragenlijst", [["intent", intent], ...answers]),
        token,
      ),
    ]);
  }
  outcomes.push([
    "POST /afzeggen",
    await run(decline.action, postRequest(token, "/afzeggen", [["reason", "Geen tijd"]]), token),
  ]);
  return outcomes;
}

async function expectSame404Everywhere(token: string, answers: Fields) {
  const reference = await snapshotResponse(new Response(null, { status: 404 }));
  const seen = [];
  for (const [entrance, outcome] of await everyEntrance(token, answers)) {
    expect(outcome.kind, `${entrance}: ${describeOutcome(outcome)}`).toBe("response");
    if (outcome.kind !== "response") continue;
    expect(outcome.response.status, entrance).toBe(404);
    seen.push(await snapshotResponse(outcome.response));
  }
  // One and the same answer for every entrance.
  for (const snapshot of seen) expect(snapshot).toEqual(seen[0]);
  expect(seen[0]?.status).toBe(reference.status);
  return seen[0];
}

describe("links that do not lead to an invitation", () => {
  it("give one and the same 404 for unknown, malformed, revoked and expired links", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const answers = completeRatings(questionnaire);
    const before = await dumpAnswerTables(db);

    const unknownWellFormed = generateToken();
    const oneCharacterOff =
      invitation.token.slice(0, -1) + (invitation.token.endsWith("A") ? "B" : "A");
    const malformed = [
      "abc",
      "",
      invitation.token.slice(0, 42),
      `${invitation.token}A`,
      `${invitation.token}=`,
      invitation.token.toUpperCase() === invitation.token ? "x".repeat(43) : "!".repeat(43),
      "../../admin",
      "x".repeat(5000),
      hashToken(invitation.token), // the stored hash is not a link
      " ".repeat(43),
    ];

    const snapshots = [];
    for (const token of [unknownWellFormed, oneCharacterOff, ...malformed]) {
      snapshots.push(await expectSame404Everywhere(token, answers));
    }

    // Revoked and expired invitations, each with an otherwise valid link.
    const revoked = await freshInvitation(db);
    await db
      .updateTable("invitation")
      .set({ status: "revoked", revoked_at: new Date().toISOString() })
      .where("id", "=", revoked.invitation.id)
      .execute();
    const expired = await freshInvitation(db);
    await db
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", expired.invitation.id)
      .execute();
    const revokedBefore = await dumpAnswerTables(db);
    snapshots.push(await expectSame404Everywhere(revoked.invitation.token, answers));
    snapshots.push(await expectSame404Everywhere(expired.invitation.token, answers));

    for (const snapshot of snapshots) expect(snapshot).toEqual(snapshots[0]);
    expect(await dumpAnswerTables(db)).toEqual(revokedBefore);
    // Nothing touched for the first invitation either.
    const after = await dumpAnswerTables(db);
    expect(after.response).toEqual(before.response);
    expect(after.draft).toEqual(before.draft);
  });

  it("accepts a link whose expiry is still ahead", async () => {
    const { db } = test;
    const later = await freshInvitation(db);
    await db
      .updateTable("invitation")
      .set({ expires_at: new Date(Date.now() + 3_600_000).toISOString() })
      .where("id", "=", later.invitation.id)
      .execute();
    const outcome = await run(
      intro.loader,
      getRequest(later.invitation.token, ""),
      later.invitation.token,
    );
    expect(valueOf<IntroData>(outcome).invitation.state).toBe("open");
  });
});

describe("the state of an invitation", () => {
  it("is open for a fresh invitation: intro and questionnaire load", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const introData = valueOf<IntroData>(
      await run(intro.loader, getRequest(invitation.token, ""), invitation.token),
    );
    expect(introData.invitation.state).toBe("open");
    expect(introData.hasDraft).toBe(false);
    expect(introData.items).toBe(37);
    const page = await run(
      questionnairePage.loader,
      getRequest(invitation.token, "/vragenlijst"),
      invitation.token,
    );
    expect(page.kind, describeOutcome(page)).toBe("value");
    // The thanks page is only for submitted invitations.
    const thanksPage = await run(
      thanks.loader,
      getRequest(invitation.token, "/bedankt"),
      invitation.token,
    );
    expect(redirectLocation(thanksPage)).toBe(`/uitnodiging/${invitation.token}`);
  });

  it("is submitted after submitting: the intro says so and the questionnaire redirects", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const submitted = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "submit"],
        ...completeRatings(questionnaire),
      ]),
      invitation.token,
    );
    expect(redirectLocation(submitted)).toBe(`/uitnodiging/${invitation.token}/bedankt`);

    const introData = valueOf<IntroData>(
      await run(intro.loader, getRequest(invitation.token, ""), invitation.token),
    );
    expect(introData.invitation.state).toBe("submitted");
    expect(introData.hasDraft).toBe(false);
    for (const [page, loader] of [
      ["/vragenlijst", questionnairePage.loader],
      ["/afzeggen", decline.loader],
    ] as const) {
      const outcome = await run(loader, getRequest(invitation.token, page), invitation.token);
      expect(redirectLocation(outcome), page).toBe(`/uitnodiging/${invitation.token}`);
    }
    const thanksPage = await run(
      thanks.loader,
      getRequest(invitation.token, "/bedankt"),
      invitation.token,
    );
    expect(thanksPage.kind, describeOutcome(thanksPage)).toBe("value");
  });

  it("is closed when the cycle is closed: no questionnaire, no answers accepted", async () => {
    const { db } = test;
    const { cycle, invitation, questionnaire } = await freshInvitation(db);
    await db
      .updateTable("cycle")
      .set({ status: "closed" })
      .where("id", "=", cycle.cycleId)
      .execute();
    await expectClosed(invitation.token, completeRatings(questionnaire));
  });

  it("is closed after the answer deadline (the deadline day itself still counts)", async () => {
    const { db } = test;
    const onDeadline = await freshInvitation(db, { answerDeadline: dayOffset(0) });
    const introToday = valueOf<IntroData>(
      await run(
        intro.loader,
        getRequest(onDeadline.invitation.token, ""),
        onDeadline.invitation.token,
      ),
    );
    expect(introToday.invitation.state).toBe("open");

    const past = await freshInvitation(db, { answerDeadline: dayOffset(-1) });
    await expectClosed(past.invitation.token, completeRatings(past.questionnaire));
  });

  it("is declined after declining", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const declined = await run(
      decline.action,
      postRequest(invitation.token, "/afzeggen", [["reason", ""]]),
      invitation.token,
    );
    expect(redirectLocation(declined)).toBe(`/uitnodiging/${invitation.token}`);
    const introData = valueOf<IntroData>(
      await run(intro.loader, getRequest(invitation.token, ""), invitation.token),
    );
    expect(introData.invitation.state).toBe("declined");
    const page = await run(
      questionnairePage.loader,
      getRequest(invitation.token, "/vragenlijst"),
      invitation.token,
    );
    expect(redirectLocation(page)).toBe(`/uitnodiging/${invitation.token}`);
  });
});

async function expectClosed(token: string, answers: Fields) {
  const { db } = test;
  const introData = valueOf<IntroData>(await run(intro.loader, getRequest(token, ""), token));
  expect(introData.invitation.state).toBe("closed");
  expect(introData.hasDraft).toBe(false);
  for (const [page, loader] of [
    ["/vragenlijst", questionnairePage.loader],
    ["/afzeggen", decline.loader],
    ["/bedankt", thanks.loader],
  ] as const) {
    const outcome = await run(loader, getRequest(token, page), token);
    expect(redirectLocation(outcome), page).toBe(`/uitnodiging/${token}`);
  }

  const before = await dumpAnswerTables(db);
  const responsesBefore = await countResponses(db);
  for (const intent of ["save", "submit"]) {
    const outcome = await run(
      questionnairePage.action,
      postRequest(token, "/vragenlijst", [["intent", intent], ...answers]),
      token,
    );
    expect(redirectLocation(outcome), intent).toBe(`/uitnodiging/${token}`);
  }
  const autosave = await run(
    questionnairePage.action,
    postRequest(token, "/vragenlijst", [["intent", "autosave"], ...answers]),
    token,
  );
  expect(statusOf(autosave)).toBe(409);
  const declined = await run(
    decline.action,
    postRequest(token, "/afzeggen", [["reason", "Te laat"]]),
    token,
  );
  expect(redirectLocation(declined)).toBe(`/uitnodiging/${token}`);
  expect(await countResponses(db)).toBe(responsesBefore);
  expect(await dumpAnswerTables(db)).toEqual(before);
}
