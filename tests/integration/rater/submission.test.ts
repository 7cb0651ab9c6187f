import { describe, expect, it } from "vitest";
import * as decline from "~/routes/uitnodiging.$token.afzeggen";
import * as intro from "~/routes/uitnodiging.$token._index";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import { hashToken } from "~/utils/tokens.server";
import {
  allIndicatorIds,
  closeBeforeDeadline,
  completeRatings,
  draftRow,
  dumpAnswerTables,
  expectedScore,
  freshInvitation,
  getRequest,
  invitationRow,
  pageUrl,
  postRequest,
  run,
  sealedAnswersOfCycle,
  todayInAmsterdam,
} from "./helpers";
import {
  describeOutcome,
  redirectTarget,
  valueOf,
  type Outcome,
} from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import type { Fields } from "../../support/requests";

const test = useTestDatabase({ freezeClock: false });

function submitRequest(token: string, fields: Fields) {
  return postRequest(token, "/vragenlijst", [["intent", "submit"], ...fields]);
}

function submit(token: string, fields: Fields): Promise<Outcome> {
  return run(questionnairePage.action, submitRequest(token, fields), token);
}

function target(outcome: Outcome, token: string): string | null {
  return redirectTarget(outcome, pageUrl(token, "/vragenlijst"));
}

async function introState(token: string): Promise<string> {
  const data = valueOf<{ invitation: { state: string } }>(
    await run(intro.loader, getRequest(token, ""), token),
  );
  return data.invitation.state;
}

async function responsesOfCycle(cycleId: string) {
  return test.db.selectFrom("response").selectAll().where("cycle_id", "=", cycleId).execute();
}

describe("submitting the questionnaire", () => {
  it("turns complete answers into one anonymous response and closes the invitation", async () => {
    const { db } = test;
    const { cycle, invitation, questionnaire } = await freshInvitation(db, {
      relationship: "customer",
    });
    const ids = allIndicatorIds(questionnaire);
    const [c1, c2, c3] = questionnaire.competencies;

    // A draft first, and reminder bookkeeping that must not survive submission.
    const saved = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`ratings.${ids[0]}`, "2"],
      ]),
      invitation.token,
    );
    expect(target(saved, invitation.token)).toMatch(/\?melding=opgeslagen$/);
    expect(await draftRow(db, invitation.id)).toBeDefined();
    await db
      .updateTable("invitation")
      .set({ reminder_count: 2, last_reminded_at: new Date(Date.now() - 86_400_000).toISOString() })
      .where("id", "=", invitation.id)
      .execute();
    const cycleBefore = await db
      .selectFrom("cycle")
      .select("thresholds_locked_at")
      .where("id", "=", cycle.cycleId)
      .executeTakeFirstOrThrow();
    expect(cycleBefore.thresholds_locked_at).toBeNull();

    const outcome = await submit(invitation.token, [
      ...completeRatings(questionnaire),
      [`comments.${c1!.id}`, "  Luistert goed.  "],
      [`comments.${c2!.id}`, ""],
      [`comments.${c3!.id}`, "   "],
      ["general.went_well", "Het project is op tijd af."],
      ["general.could_improve", ""],
    ]);
    expect(target(outcome, invitation.token), describeOutcome(outcome)).toBe(
      `/uitnodiging/${invitation.token}/bedankt`,
    );

    // Until the round closes, the answer waits sealed: one row, in nothing readable.
    expect(await responsesOfCycle(cycle.cycleId)).toEqual([]);
    const sealedRows = await db
      .selectFrom("sealed_answer")
      .selectAll()
      .where("cycle_id", "=", cycle.cycleId)
      .execute();
    expect(sealedRows).toHaveLength(1);
    expect(Object.keys(sealedRows[0]!).sort()).toEqual(["cycle_id", "id", "sealed"]);
    expect(sealedRows[0]!.sealed).not.toMatch(/Luistert|project|customer/);
    const [sealed] = await sealedAnswersOfCycle(db, cycle.cycleId);
    expect(sealed).toMatchObject({
      participantId: invitation.participantId,
      relationship: "customer",
      general: { went_well: "Het project is op tijd af." },
      comments: { [c1!.id]: "Luistert goed." },
    });
    // The draft is gone, the invitation submitted, the reminders forgotten.
    expect(await draftRow(db, invitation.id)).toBeUndefined();
    const after = await invitationRow(db, invitation.id);
    expect(after.status).toBe("submitted");
    expect(after.reminder_count).toBe(0);
    expect(after.last_reminded_at).toBeNull();

    // Thresholds are locked from the first answer on (a day, not a moment).
    const cycleAfter = await db
      .selectFrom("cycle")
      .select("thresholds_locked_at")
      .where("id", "=", cycle.cycleId)
      .executeTakeFirstOrThrow();
    expect(cycleAfter.thresholds_locked_at).not.toBeNull();
    expect(cycleAfter.thresholds_locked_at!.startsWith(todayInAmsterdam())).toBe(true);
    expect(cycleAfter.thresholds_locked_at).toMatch(/T00:00:00(\.000)?Z$/);

    // The close publishes it: exactly one response, with the right group and participant and
    // only the day of the close; the sealed row is gone.
    await closeBeforeDeadline(db, cycle);
    expect(await sealedAnswersOfCycle(db, cycle.cycleId)).toEqual([]);
    const responses = await responsesOfCycle(cycle.cycleId);
    expect(responses).toHaveLength(1);
    const response = responses[0]!;
    expect(Object.keys(response).sort()).toEqual(
      ["cycle_id", "id", "participant_id", "relationship", "submitted_on"].sort(),
    );
    expect(response.relationship).toBe("customer");
    expect(response.participant_id).toBe(invitation.participantId);
    expect(response.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response.submitted_on).toBe(todayInAmsterdam());
    expect(response.id.length).toBeGreaterThanOrEqual(20);
    expect(response.id).not.toMatch(/^\d+$/);

    // 37 ratings; "na" is stored as no score.
    const ratings = await db
      .selectFrom("rating")
      .selectAll()
      .where("response_id", "=", response.id)
      .execute();
    expect(ratings).toHaveLength(37);
    const scoreByIndicator = new Map(ratings.map((r) => [r.indicator_id, r.score]));
    for (const [index, id] of ids.entries()) {
      expect(scoreByIndicator.has(id), id).toBe(true);
      expect(scoreByIndicator.get(id), id).toBe(expectedScore(index));
    }
    expect(ratings.some((r) => r.score === null)).toBe(true);

    // Comments: only the non-empty ones, trimmed.
    const comments = await db
      .selectFrom("comment")
      .selectAll()
      .where("response_id", "=", response.id)
      .execute();
    const simplified = comments
      .map(({ question, competency_id, text }) => ({ question, competency_id, text }))
      .sort((a, b) => a.text.localeCompare(b.text));
    expect(simplified).toEqual(
      [
        { question: "competency", competency_id: c1!.id, text: "Luistert goed." },
        { question: "went_well", competency_id: null, text: "Het project is op tijd af." },
      ].sort((a, b) => a.text.localeCompare(b.text)),
    );
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);

    // Nothing in the answers leads back to the invitation or the rater.
    const full = await invitationRow(db, invitation.id);
    const secrets = [
      full.id,
      invitation.token,
      hashToken(invitation.token),
      full.token_hash,
      full.rater_name,
      full.rater_email,
      full.created_at,
      ...(full.sent_at ? [full.sent_at] : []),
    ];
    const answerRows = [response, ...ratings, ...comments, ...sealedRows];
    for (const row of answerRows) {
      for (const column of Object.keys(row)) {
        expect(column).not.toMatch(/invitation|rater|token|email|_at$|time/i);
      }
      const json = JSON.stringify(row);
      for (const secret of secrets) expect(json).not.toContain(secret);
    }
  });

  it("gives every sealed answer and every response its own random, non-sequential id", async () => {
    const { db } = test;
    const { cycle, questionnaire } = await freshInvitation(db);
    const order: string[] = [];
    for (const invitation of cycle.invitations) {
      const outcome = await submit(invitation.token, completeRatings(questionnaire));
      expect(target(outcome, invitation.token)).toBe(`/uitnodiging/${invitation.token}/bedankt`);
      const known = new Set(order);
      const fresh = (
        await db
          .selectFrom("sealed_answer")
          .select("id")
          .where("cycle_id", "=", cycle.cycleId)
          .execute()
      ).filter((row) => !known.has(row.id));
      expect(fresh).toHaveLength(1);
      order.push(fresh[0]!.id);
    }
    await closeBeforeDeadline(db, cycle);
    const published = (await responsesOfCycle(cycle.cycleId)).map((response) => response.id);
    expect(published).toHaveLength(6);
    // Published ids are new: nothing carries over from the sealed rows.
    expect(published.filter((id) => order.includes(id))).toEqual([]);
    for (const ids of [order, published]) {
      expect(new Set(ids).size).toBe(6);
      for (const id of ids) {
        expect(id.length).toBeGreaterThanOrEqual(20);
        expect(id).not.toMatch(/^\d+$/);
      }
    }
    // Time-ordered ids (ULID, UUIDv7, counters) share a long prefix when made in a row.
    for (let i = 1; i < order.length; i++) {
      const a = order[i - 1]!;
      const b = order[i]!;
      let shared = 0;
      while (shared < a.length && a[shared] === b[shared]) shared++;
      expect(shared, `${a} / ${b}`).toBeLessThan(6);
    }
    // And each response is its own: six responses with 37 ratings each.
    const ratingCount = await db
      .selectFrom("rating")
      .innerJoin("response", "response.id", "rating.response_id")
      .where("response.cycle_id", "=", cycle.cycleId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(ratingCount.n)).toBe(6 * 37);
  });

  it("keeps the first moment of locking when later answers arrive", async () => {
    const { db } = test;
    const { cycle, questionnaire } = await freshInvitation(db);
    const [first, second] = cycle.invitations;
    await submit(first!.token, completeRatings(questionnaire));
    const locked = await db
      .selectFrom("cycle")
      .select("thresholds_locked_at")
      .where("id", "=", cycle.cycleId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("cycle")
      .set({ thresholds_locked_at: "2000-01-01T00:00:00.000Z" })
      .where("id", "=", cycle.cycleId)
      .execute();
    await submit(second!.token, completeRatings(questionnaire));
    const after = await db
      .selectFrom("cycle")
      .select("thresholds_locked_at")
      .where("id", "=", cycle.cycleId)
      .executeTakeFirstOrThrow();
    expect(locked.thresholds_locked_at).not.toBeNull();
    expect(after.thresholds_locked_at).toBe("2000-01-01T00:00:00.000Z");
  });
});

describe("submitting twice", () => {
  for (const concurrent of [2, 5]) {
    it(`${concurrent} simultaneous submissions give exactly one response`, async () => {
      const { db } = test;
      const { cycle, invitation, questionnaire } = await freshInvitation(db);
      const answers = completeRatings(questionnaire);
      const outcomes = await Promise.all(
        Array.from({ length: concurrent }, () => submit(invitation.token, answers)),
      );
      const targets = outcomes.map((outcome) => target(outcome, invitation.token));
      for (const [index, outcome] of outcomes.entries()) {
        expect(targets[index], describeOutcome(outcome)).not.toBeNull();
      }
      expect(targets.filter((t) => t === `/uitnodiging/${invitation.token}/bedankt`)).toHaveLength(
        1,
      );
      expect(targets.filter((t) => t === `/uitnodiging/${invitation.token}`)).toHaveLength(
        concurrent - 1,
      );
      const sealed = await sealedAnswersOfCycle(db, cycle.cycleId);
      expect(sealed).toHaveLength(1);
      expect(Object.keys(sealed[0]!.ratings)).toHaveLength(37);
      expect(await introState(invitation.token)).toBe("submitted");
      await closeBeforeDeadline(db, cycle);
      expect(await responsesOfCycle(cycle.cycleId)).toHaveLength(1);
      const ratings = await db
        .selectFrom("rating")
        .innerJoin("response", "response.id", "rating.response_id")
        .where("response.cycle_id", "=", cycle.cycleId)
        .select("rating.indicator_id")
        .execute();
      expect(ratings).toHaveLength(37);
    });
  }

  it("a replayed submission after success redirects to the intro and adds nothing", async () => {
    const { db } = test;
    const { cycle, invitation, questionnaire } = await freshInvitation(db);
    const answers: Fields = [
      ...completeRatings(questionnaire),
      ["general.went_well", "Eerste keer"],
    ];
    const first = await submit(invitation.token, answers);
    expect(target(first, invitation.token)).toBe(`/uitnodiging/${invitation.token}/bedankt`);
    const answersAfterFirst = await dumpAnswerTables(db);
    expect(await sealedAnswersOfCycle(db, cycle.cycleId)).toHaveLength(1);

    for (let replay = 0; replay < 2; replay++) {
      const again = await submit(invitation.token, answers);
      expect(target(again, invitation.token), describeOutcome(again)).toBe(
        `/uitnodiging/${invitation.token}`,
      );
    }
    // A late autosave or save must not revive a draft either.
    const autosave = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [["intent", "autosave"], ...answers]),
      invitation.token,
    );
    expect(autosave.kind === "data" ? autosave.status : 0).toBe(409);
    const save = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [["intent", "save"], ...answers]),
      invitation.token,
    );
    expect(target(save, invitation.token)).toBe(`/uitnodiging/${invitation.token}`);

    expect(await dumpAnswerTables(db)).toEqual(answersAfterFirst);
    expect(await draftRow(db, invitation.id)).toBeUndefined();
    expect(await introState(invitation.token)).toBe("submitted");
  });

  it("leaves no draft behind when saves race a submission", async () => {
    const { db } = test;
    const { cycle, invitation, questionnaire } = await freshInvitation(db);
    const answers = completeRatings(questionnaire);
    const requests = [
      run(
        questionnairePage.action,
        postRequest(invitation.token, "/vragenlijst", [["intent", "autosave"], ...answers]),
        invitation.token,
      ),
      submit(invitation.token, answers),
      run(
        questionnairePage.action,
        postRequest(invitation.token, "/vragenlijst", [["intent", "save"], ...answers]),
        invitation.token,
      ),
      run(
        questionnairePage.action,
        postRequest(invitation.token, "/vragenlijst", [["intent", "autosave"], ...answers]),
        invitation.token,
      ),
    ];
    const outcomes = await Promise.all(requests);
    for (const outcome of outcomes)
      expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
    expect(await sealedAnswersOfCycle(db, cycle.cycleId)).toHaveLength(1);
    expect(await draftRow(db, invitation.id)).toBeUndefined();
  });

  it("a submission racing a decline ends in exactly one of the two", async () => {
    const { db } = test;
    const { cycle, invitation, questionnaire } = await freshInvitation(db);
    const outcomes = await Promise.all([
      submit(invitation.token, completeRatings(questionnaire)),
      run(
        decline.action,
        postRequest(invitation.token, "/afzeggen", [["reason", "Toch niet"]]),
        invitation.token,
      ),
    ]);
    for (const outcome of outcomes) expect(outcome.kind, describeOutcome(outcome)).toBe("response");
    const row = await invitationRow(db, invitation.id);
    const responses = await sealedAnswersOfCycle(db, cycle.cycleId);
    if (row.status === "submitted") {
      expect(responses).toHaveLength(1);
      expect(row.declined_at).toBeNull();
      expect(row.decline_reason).toBeNull();
    } else {
      expect(row.status).toBe("declined");
      expect(responses).toHaveLength(0);
    }
  });
});
