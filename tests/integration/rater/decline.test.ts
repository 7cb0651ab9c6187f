import { describe, expect, it } from "vitest";
import * as decline from "~/routes/uitnodiging.$token.afzeggen";
import * as intro from "~/routes/uitnodiging.$token._index";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import {
  allIndicatorIds,
  completeRatings,
  countResponses,
  draftRow,
  dumpAnswerTables,
  encode,
  freshInvitation,
  getRequest,
  invitationRow,
  pageUrl,
  postRequest,
  run,
} from "./helpers";
import {
  describeOutcome,
  redirectTarget,
  statusOf,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import type { Fields } from "../../support/requests";

const test = useTestDatabase({ freezeClock: false });

function declineWith(token: string, body: Fields | string | FormData, contentType?: string) {
  return run(
    decline.action,
    postRequest(token, "/afzeggen", body, contentType ? { contentType } : {}),
    token,
  );
}

function target(outcome: Outcome, token: string) {
  return redirectTarget(outcome, pageUrl(token, "/afzeggen"));
}

describe("declining an invitation", () => {
  it("shows the decline page for an open invitation", async () => {
    const { invitation } = await freshInvitation(test.db);
    const page = await run(
      decline.loader,
      getRequest(invitation.token, "/afzeggen"),
      invitation.token,
    );
    expect(page.kind, describeOutcome(page)).toBe("value");
  });

  it("works without a reason", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const outcome = await declineWith(invitation.token, "");
    expect(target(outcome, invitation.token), describeOutcome(outcome)).toBe(
      `/uitnodiging/${invitation.token}`,
    );
    const row = await invitationRow(db, invitation.id);
    expect(row.status).toBe("declined");
    expect(row.decline_reason).toBeNull();
    expect(row.declined_at).not.toBeNull();
  });

  it("stores an empty or blank reason as no reason", async () => {
    const { db } = test;
    for (const reason of ["", "   \n "]) {
      const { invitation } = await freshInvitation(db);
      const outcome = await declineWith(invitation.token, [["reason", reason]]);
      expect(target(outcome, invitation.token)).toBe(`/uitnodiging/${invitation.token}`);
      const row = await invitationRow(db, invitation.id);
      expect(row.status).toBe("declined");
      expect(row.decline_reason).toBeNull();
    }
  });

  it("stores a reason, trimmed, up to 1000 characters", async () => {
    const { db } = test;
    const short = await freshInvitation(db);
    await declineWith(short.invitation.token, [["reason", "  Ik werk te kort met haar samen.  "]]);
    expect((await invitationRow(db, short.invitation.id)).decline_reason).toBe(
      "Ik werk te kort met haar samen.",
    );

    const longest = await freshInvitation(db);
    const reason = "r".repeat(1000);
    const outcome = await declineWith(longest.invitation.token, [["reason", reason]]);
    expect(target(outcome, longest.invitation.token)).toBe(
      `/uitnodiging/${longest.invitation.token}`,
    );
    const row = await invitationRow(db, longest.invitation.id);
    expect(row.status).toBe("declined");
    expect(row.decline_reason).toBe(reason);
  });

  it("refuses a reason over 1000 characters with 400 and writes nothing", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const before = await dumpAnswerTables(db);
    const outcome = await declineWith(invitation.token, [["reason", "r".repeat(1001)]]);
    expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
    expect(statusOf(outcome)).toBe(400);
    expect(await dumpAnswerTables(db)).toEqual(before);
    expect((await invitationRow(db, invitation.id)).status).toBe("open");
  });

  it("deletes the draft", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const ids = allIndicatorIds(questionnaire);
    await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`ratings.${ids[0]}`, "4"],
        ["general.went_well", "Concept"],
      ]),
      invitation.token,
    );
    expect(await draftRow(db, invitation.id)).toBeDefined();
    await declineWith(invitation.token, [["reason", "Geen tijd"]]);
    expect(await draftRow(db, invitation.id)).toBeUndefined();
    expect(await countResponses(db, invitation.participantId)).toBe(0);
  });

  it("closes the questionnaire: the page redirects and answers are refused", async () => {
    const { db } = test;
    const { cycle, invitation, questionnaire } = await freshInvitation(db);
    await declineWith(invitation.token, [["reason", "Geen tijd"]]);
    const declinedRow = await invitationRow(db, invitation.id);

    const page = await run(
      questionnairePage.loader,
      getRequest(invitation.token, "/vragenlijst"),
      invitation.token,
    );
    expect(redirectTarget(page, pageUrl(invitation.token, "/vragenlijst"))).toBe(
      `/uitnodiging/${invitation.token}`,
    );
    const declinePage = await run(
      decline.loader,
      getRequest(invitation.token, "/afzeggen"),
      invitation.token,
    );
    expect(target(declinePage, invitation.token)).toBe(`/uitnodiging/${invitation.token}`);

    const before = await dumpAnswerTables(db);
    for (const intent of ["submit", "save"]) {
      const outcome = await run(
        questionnairePage.action,
        postRequest(invitation.token, "/vragenlijst", [
          ["intent", intent],
          ...completeRatings(questionnaire),
        ]),
        invitation.token,
      );
      expect(redirectTarget(outcome, pageUrl(invitation.token, "/vragenlijst")), intent).toBe(
        `/uitnodiging/${invitation.token}`,
      );
    }
    // Declining again changes nothing either.
    const again = await declineWith(invitation.token, [["reason", "Andere reden"]]);
    expect(target(again, invitation.token)).toBe(`/uitnodiging/${invitation.token}`);

    expect(await dumpAnswerTables(db)).toEqual(before);
    const responses = await db
      .selectFrom("response")
      .select("id")
      .where("cycle_id", "=", cycle.cycleId)
      .execute();
    expect(responses).toHaveLength(0);
    expect(await invitationRow(db, invitation.id)).toEqual(declinedRow);
    const introData = valueOf<{ invitation: { state: string } }>(
      await run(intro.loader, getRequest(invitation.token, ""), invitation.token),
    );
    expect(introData.invitation.state).toBe("declined");
  });

  describe("refuses tampered posts with 400 (413 when too large) and writes nothing", () => {
    /** Over the form's cap (64 KB): 413 (Content Too Large), every other refusal 400. */
    const tooLarge = new Set(["a 100 KB reason", "a 1 MB body"]);
    const multipart = new FormData();
    multipart.append("reason", "Geen tijd");
    const cases: [string, Fields | string | FormData, string?][] = [
      [
        "an unknown field",
        [
          ["reason", "Geen tijd"],
          ["foo", "bar"],
        ],
      ],
      [
        "the reason twice",
        [
          ["reason", "Een"],
          ["reason", "Twee"],
        ],
      ],
      [
        "a forged __intent__=garbage",
        [
          ["reason", "Geen tijd"],
          ["__intent__", "garbage"],
        ],
      ],
      ["a 100 KB reason", [["reason", "x".repeat(100 * 1024)]]],
      ["a 1 MB body", [["reason", "x".repeat(1024 * 1024)]]],
      ["application/json", JSON.stringify({ reason: "Geen tijd" }), "application/json"],
      ["text/plain", encode([["reason", "Geen tijd"]]), "text/plain"],
      ["multipart/form-data", multipart],
      // Conform drops a field name it cannot parse without a word (see tampered-input).
      [
        "an unknown field Conform cannot parse (foo[)",
        [
          ["reason", "Geen tijd"],
          ["foo[", "1"],
        ],
      ],
    ];
    it.each(cases)("%s", async (name, body, contentType) => {
      const { db } = test;
      const { invitation } = await freshInvitation(db);
      const before = await dumpAnswerTables(db);
      const outcome = await declineWith(invitation.token, body, contentType);
      expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(tooLarge.has(name) ? 413 : 400);
      expect(await dumpAnswerTables(db)).toEqual(before);
    });
  });
});
