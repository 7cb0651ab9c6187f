import { describe, expect, it, vi } from "vitest";
import type * as ConformZod from "@conform-to/zod/v4";
import * as decline from "~/routes/uitnodiging.$token.afzeggen";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import { describeOutcome, statusOf } from "../../support/route-outcome";
import { dumpAnswerTables, freshInvitation, postRequest, run } from "./helpers";
import { useTestDatabase } from "../../support/database";

/**
 * Conform's parser does work that grows much faster than linearly with the number of
 * fields that share one name (measured: 15 000 repeats of `ratings.x` ≈ 1 s, 25 000 ≈ 19 s,
 * 90 000 repeats of `x` ≈ 4.5 min, all under the 400 KB body cap), blocking the event loop.
 * The form itself has about 50 fields, so a body with thousands of them can be refused
 * before parsing. To keep this file fast and free of timing, the parser is wrapped: it
 * records every body with more than FIELD_LIMIT fields it is handed and refuses it at once
 * instead of doing the slow work.
 */
const FIELD_LIMIT = 1000;
const oversizedParses = vi.hoisted(() => [] as number[]);

vi.mock("@conform-to/zod/v4", async (importOriginal) => {
  const original = await importOriginal<typeof ConformZod>();
  const parseWithZod = ((payload: URLSearchParams | FormData, options: never) => {
    const fields = [...payload.keys()].length;
    if (fields > FIELD_LIMIT) {
      oversizedParses.push(fields);
      throw new Error(`parseWithZod was handed ${fields} fields`);
    }
    return original.parseWithZod(payload, options);
  }) as typeof original.parseWithZod;
  return { ...original, parseWithZod };
});

const test = useTestDatabase({ freezeClock: false });

describe("bodies with thousands of fields", () => {
  it("the questionnaire refuses 90 000 repeated fields (360 KB, minutes today) before handing them to the form parser", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const before = await dumpAnswerTables(db);
    oversizedParses.length = 0;
    const body = `intent=save&${"x=1&".repeat(90_000)}`;
    expect(body.length).toBeLessThan(400 * 1024);

    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", body),
      invitation.token,
    );

    expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
    expect(statusOf(outcome)).toBe(400);
    expect(await dumpAnswerTables(db)).toEqual(before);
    expect(oversizedParses).toEqual([]);
  });

  it("the decline form refuses 16 000 repeated fields (64 KB, ≈ 1.6 s today) before handing them to the form parser", async () => {
    const { db } = test;
    const { invitation } = await freshInvitation(db);
    const before = await dumpAnswerTables(db);
    oversizedParses.length = 0;
    const body = "a=1&".repeat(16_000);
    expect(body.length).toBeLessThan(64 * 1024);

    const outcome = await run(
      decline.action,
      postRequest(invitation.token, "/afzeggen", body),
      invitation.token,
    );

    expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
    expect(statusOf(outcome)).toBe(400);
    expect(await dumpAnswerTables(db)).toEqual(before);
    expect(oversizedParses).toEqual([]);
  });

  it("a complete, ordinary form stays well under the limit", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    oversizedParses.length = 0;
    const fields: [string, string][] = [["intent", "save"]];
    for (const competency of questionnaire.competencies) {
      for (const indicator of competency.indicators) fields.push([`ratings.${indicator.id}`, "3"]);
      fields.push([`comments.${competency.id}`, "Tekst"]);
    }
    fields.push(["general.went_well", "a"], ["general.could_improve", "b"]);
    expect(fields.length).toBeLessThan(FIELD_LIMIT / 10);
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", fields),
      invitation.token,
    );
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(302);
    expect(oversizedParses).toEqual([]);
  });
});
