import { describe, expect, it } from "vitest";
import * as intro from "~/routes/uitnodiging.$token._index";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import {
  allIndicatorIds,
  countResponses,
  draftRow,
  freshInvitation,
  getRequest,
  pageUrl,
  postRequest,
  run,
} from "./helpers";
import { describeOutcome, redirectTarget, statusOf, valueOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import type { Fields } from "../../support/requests";

const test = useTestDatabase({ freezeClock: false });

interface QuestionnaireData {
  draft: {
    ratings: Record<string, string | undefined>;
    comments: Record<string, string | undefined>;
    general: Record<string, string | undefined>;
  };
  notice: { key: string } | null;
}

async function loadPage(token: string, search = ""): Promise<QuestionnaireData> {
  const request = new Request(`http://localhost/uitnodiging/${token}/vragenlijst${search}`);
  const outcome = await run(questionnairePage.loader, request, token);
  return valueOf<QuestionnaireData>(outcome);
}

describe("saving a draft", () => {
  it("stores the answers so far and redirects with the notice ?melding=opgeslagen; the page shows them all again", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const ids = allIndicatorIds(questionnaire);
    const [first, second] = questionnaire.competencies;
    const partial: Fields = [
      ["intent", "save"],
      [`ratings.${ids[0]}`, "4"],
      [`ratings.${ids[1]}`, "na"],
      [`ratings.${ids[2]}`, "1"],
      [`ratings.${ids[36]}`, "5"],
      [`comments.${first!.id}`, "Helder in overleg."],
      [`comments.${second!.id}`, "Neemt de tijd voor uitleg, ook onder druk."],
      ["general.went_well", "Samenwerking met het team"],
      ["general.could_improve", "Eerder om hulp vragen"],
    ];

    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", partial),
      invitation.token,
    );
    expect(
      redirectTarget(outcome, pageUrl(invitation.token, "/vragenlijst")),
      describeOutcome(outcome),
    ).toBe(`/uitnodiging/${invitation.token}/vragenlijst?melding=opgeslagen`);

    const row = await draftRow(db, invitation.id);
    expect(row).toBeDefined();
    expect(await countResponses(db)).toBe(0);

    const page = await loadPage(invitation.token, "?melding=opgeslagen");
    expect(page.notice).toMatchObject({ key: "rater.form.saved" });
    expect(page.draft.ratings).toEqual({
      [ids[0]!]: "4",
      [ids[1]!]: "na",
      [ids[2]!]: "1",
      [ids[36]!]: "5",
    });
    expect(page.draft.comments).toEqual({
      [first!.id]: "Helder in overleg.",
      [second!.id]: "Neemt de tijd voor uitleg, ook onder druk.",
    });
    expect(page.draft.general).toEqual({
      went_well: "Samenwerking met het team",
      could_improve: "Eerder om hulp vragen",
    });

    const introData = valueOf<{ hasDraft: boolean }>(
      await run(intro.loader, getRequest(invitation.token, ""), invitation.token),
    );
    expect(introData.hasDraft).toBe(true);
  });

  it("accepts an empty draft (nothing answered yet)", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [["intent", "save"]]),
      invitation.token,
    );
    expect(redirectTarget(outcome, pageUrl(invitation.token, "/vragenlijst"))).toBe(
      `/uitnodiging/${invitation.token}/vragenlijst?melding=opgeslagen`,
    );
    const page = await loadPage(invitation.token);
    expect(page.draft).toEqual({ ratings: {}, comments: {}, general: {} });
    expect(await countResponses(db)).toBe(0);
  });

  it("saves every answer of a complete form as a draft, without creating a response", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const ids = allIndicatorIds(questionnaire);
    const fields: Fields = ids.map((id, index) => [
      `ratings.${id}`,
      index % 6 === 5 ? "na" : String((index % 5) + 1),
    ]);
    for (const competency of questionnaire.competencies) {
      fields.push([`comments.${competency.id}`, `Opmerking over ${competency.name}`]);
    }
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [["intent", "save"], ...fields]),
      invitation.token,
    );
    expect(redirectTarget(outcome, pageUrl(invitation.token, "/vragenlijst"))).toBe(
      `/uitnodiging/${invitation.token}/vragenlijst?melding=opgeslagen`,
    );

    const page = await loadPage(invitation.token);
    expect(Object.keys(page.draft.ratings)).toHaveLength(37);
    for (const [index, id] of ids.entries()) {
      expect(page.draft.ratings[id]).toBe(index % 6 === 5 ? "na" : String((index % 5) + 1));
    }
    for (const competency of questionnaire.competencies) {
      expect(page.draft.comments[competency.id]).toBe(`Opmerking over ${competency.name}`);
    }
    expect(await countResponses(db)).toBe(0);
    const invitationAfter = await db
      .selectFrom("invitation")
      .select("status")
      .where("id", "=", invitation.id)
      .executeTakeFirstOrThrow();
    expect(invitationAfter.status).toBe("open");
  });

  it("autosave answers with JSON and stores the draft", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const ids = allIndicatorIds(questionnaire);
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "autosave"],
        [`ratings.${ids[3]}`, "2"],
        ["general.went_well", "Goed voorbereid"],
      ]),
      invitation.token,
    );
    expect(outcome.kind, describeOutcome(outcome)).toBe("data");
    expect(statusOf(outcome)).toBe(200);
    if (outcome.kind !== "data") return;
    expect(outcome.thrown).toBe(false);
    expect(outcome.data).toMatchObject({ autosave: "saved" });
    expect(JSON.parse(JSON.stringify(outcome.data))).toEqual(outcome.data);

    const page = await loadPage(invitation.token);
    expect(page.notice).toBeNull();
    expect(page.draft.ratings).toEqual({ [ids[3]!]: "2" });
    expect(page.draft.general).toEqual({ went_well: "Goed voorbereid" });
    expect(await countResponses(db)).toBe(0);
  });

  it("replaces the earlier draft (one row per invitation, only the latest answers)", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const ids = allIndicatorIds(questionnaire);
    const competency = questionnaire.competencies[0]!;
    const first = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`ratings.${ids[0]}`, "1"],
        [`ratings.${ids[1]}`, "2"],
        [`comments.${competency.id}`, "Eerste versie"],
        ["general.could_improve", "Weg ermee"],
      ]),
      invitation.token,
    );
    expect(redirectTarget(first, pageUrl(invitation.token, "/vragenlijst"))).toBe(
      `/uitnodiging/${invitation.token}/vragenlijst?melding=opgeslagen`,
    );
    const second = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "autosave"],
        [`ratings.${ids[0]}`, "5"],
        [`ratings.${ids[2]}`, "na"],
        [`comments.${competency.id}`, "Tweede versie"],
      ]),
      invitation.token,
    );
    expect(statusOf(second)).toBe(200);

    const rows = await db
      .selectFrom("draft")
      .selectAll()
      .where("invitation_id", "=", invitation.id)
      .execute();
    expect(rows).toHaveLength(1);
    const page = await loadPage(invitation.token);
    expect(page.draft.ratings).toEqual({ [ids[0]!]: "5", [ids[2]!]: "na" });
    expect(page.draft.comments).toEqual({ [competency.id]: "Tweede versie" });
    expect(page.draft.general).toEqual({});
    expect(await countResponses(db)).toBe(0);
  });

  it("keeps each invitation's draft to itself", async () => {
    const { db } = test;
    const { cycle, questionnaire } = await freshInvitation(db);
    const [a, b] = cycle.invitations;
    const ids = allIndicatorIds(questionnaire);
    await run(
      questionnairePage.action,
      postRequest(a!.token, "/vragenlijst", [
        ["intent", "save"],
        [`ratings.${ids[0]}`, "3"],
      ]),
      a!.token,
    );
    const pageB = await loadPage(b!.token);
    expect(pageB.draft).toEqual({ ratings: {}, comments: {}, general: {} });
    expect((await loadPage(a!.token)).draft.ratings).toEqual({ [ids[0]!]: "3" });
  });

  it("does not store empty or blank comments", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const [first, second] = questionnaire.competencies;
    await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`comments.${first!.id}`, ""],
        [`comments.${second!.id}`, "   \n  "],
        ["general.went_well", "  Rustig  "],
        ["general.could_improve", ""],
      ]),
      invitation.token,
    );
    const page = await loadPage(invitation.token);
    expect(page.draft.comments).toEqual({});
    expect(page.draft.general).toEqual({ went_well: "Rustig" });
  });
});
