import { describe, expect, it } from "vitest";
import type { Questionnaire } from "~/rater/questionnaire";
import * as questionnairePage from "~/routes/uitnodiging.$token.vragenlijst";
import { newId } from "#db/ids";
import {
  allIndicatorIds,
  completeRatings,
  dumpAnswerTables,
  encode,
  freshInvitation,
  pageUrl,
  postRequest,
  run,
} from "./helpers";
import { describeOutcome, redirectTarget, statusOf } from "../../support/route-outcome";
import { useTestDatabase } from "../../support/database";
import type { Fields } from "../../support/requests";

const test = useTestDatabase({ freezeClock: false });

type Intent = "save" | "autosave" | "submit";

/** A request the real form could never send, built from the questionnaire of the invitation. */
type Tamper = (q: Questionnaire, token: string) => Request;

function form(fields: (q: Questionnaire) => Fields): Tamper {
  return (q, token) => postRequest(token, "/vragenlijst", fields(q));
}

function withIntent(intent: Intent, extra: (q: Questionnaire) => Fields): Tamper {
  return form((q) => [["intent", intent], ...extra(q)]);
}

/** Complete answers with the rating of the first indicator replaced by `value`. */
function badScore(intent: Intent, value: string): Tamper {
  return withIntent(intent, (q) => {
    const ratings = completeRatings(q);
    ratings[0] = [ratings[0]![0], value];
    return ratings;
  });
}

const firstCompetency = (q: Questionnaire) => q.competencies[0]!.id;
const ONE_MB = 1024 * 1024;

const CASES: [string, Tamper][] = [
  // Unknown ids.
  [
    "an unknown indicator id (submit)",
    withIntent("submit", (q) => [...completeRatings(q), [`ratings.${newId()}`, "3"]]),
  ],
  ["an unknown indicator id (save)", withIntent("save", () => [[`ratings.${newId()}`, "3"]])],
  [
    "an unknown indicator id (autosave)",
    withIntent("autosave", () => [[`ratings.${newId()}`, "3"]]),
  ],
  [
    "an indicator id used as a competency comment",
    withIntent("save", (q) => [[`comments.${allIndicatorIds(q)[0]}`, "tekst"]]),
  ],
  ["an unknown general question", withIntent("save", () => [["general.other", "tekst"]])],
  // Scores outside the scale.
  ...(["0", "6", "-1", "abc", "3.5", "NA", " 3", "1e0", "03"] as const).flatMap(
    (value): [string, Tamper][] => [
      [`score "${value}" (submit)`, badScore("submit", value)],
      [`score "${value}" (save)`, badScore("save", value)],
    ],
  ),
  ['score "6" (autosave)', badScore("autosave", "6")],
  // Missing fields.
  ["one rating absent on submit", withIntent("submit", (q) => completeRatings(q).slice(1))],
  [
    "an empty rating on submit",
    withIntent("submit", (q) => {
      const ratings = completeRatings(q);
      ratings[5] = [ratings[5]![0], ""];
      return ratings;
    }),
  ],
  ["every rating absent on submit", withIntent("submit", () => [["general.went_well", "Top"]])],
  ["no intent", form((q) => completeRatings(q))],
  ["an empty intent", form((q) => [["intent", ""], ...completeRatings(q)])],
  ["an unknown intent", form((q) => [["intent", "delete"], ...completeRatings(q)])],
  ["an empty body", (_q, token) => postRequest(token, "/vragenlijst", "")],
  // Repeated fields.
  [
    "the same rating twice (same value)",
    withIntent("submit", (q) => {
      const ratings = completeRatings(q);
      return [...ratings, ratings[0]!];
    }),
  ],
  [
    "the same rating twice (different values, save)",
    withIntent("save", (q) => {
      const id = allIndicatorIds(q)[0]!;
      return [
        [`ratings.${id}`, "1"],
        [`ratings.${id}`, "5"],
      ];
    }),
  ],
  [
    "intent twice (submit, submit)",
    form((q) => [["intent", "submit"], ["intent", "submit"], ...completeRatings(q)]),
  ],
  [
    "intent twice (save, submit)",
    form((q) => [["intent", "save"], ["intent", "submit"], ...completeRatings(q)]),
  ],
  [
    "a comment twice",
    withIntent("submit", (q) => [
      ...completeRatings(q),
      [`comments.${firstCompetency(q)}`, "Een"],
      [`comments.${firstCompetency(q)}`, "Twee"],
    ]),
  ],
  [
    "a general comment twice (save)",
    withIntent("save", () => [
      ["general.went_well", "Een"],
      ["general.went_well", "Twee"],
    ]),
  ],
  // Sizes.
  [
    "a 100 KB comment (submit)",
    withIntent("submit", (q) => [
      ...completeRatings(q),
      [`comments.${firstCompetency(q)}`, "x".repeat(100 * 1024)],
    ]),
  ],
  [
    "a 100 KB comment (save)",
    withIntent("save", () => [["general.could_improve", "é".repeat(50 * 1024)]]),
  ],
  [
    "a comment one character too long",
    withIntent("save", () => [["general.went_well", "x".repeat(2001)]]),
  ],
  [
    "a 1 MB body",
    withIntent("submit", (q) => [...completeRatings(q), ["general.went_well", "x".repeat(ONE_MB)]]),
  ],
  [
    "a 1 MB body with its Content-Length declared",
    (q, token) => {
      const body = encode([
        ["intent", "submit"],
        ...completeRatings(q),
        ["general.went_well", "x".repeat(ONE_MB)],
      ]);
      return postRequest(token, "/vragenlijst", body, {
        headers: { "Content-Length": String(Buffer.byteLength(body)) },
      });
    },
  ],
  // Other content types.
  [
    "application/json",
    (q, token) =>
      postRequest(
        token,
        "/vragenlijst",
        JSON.stringify(Object.fromEntries([["intent", "submit"], ...completeRatings(q)])),
        { contentType: "application/json" },
      ),
  ],
  [
    "text/plain",
    (q, token) =>
      postRequest(token, "/vragenlijst", encode([["intent", "submit"], ...completeRatings(q)]), {
        contentType: "text/plain",
      }),
  ],
  [
    "multipart/form-data",
    (q, token) => {
      const body = new FormData();
      body.append("intent", "submit");
      for (const [name, value] of completeRatings(q)) body.append(name, value);
      return postRequest(token, "/vragenlijst", body);
    },
  ],
  [
    "no content type",
    (q, token) =>
      postRequest(token, "/vragenlijst", encode([["intent", "submit"], ...completeRatings(q)]), {
        contentType: null,
      }),
  ],
  // Conform's reserved fields.
  [
    "a forged __intent__=garbage",
    withIntent("submit", (q) => [...completeRatings(q), ["__intent__", "garbage"]]),
  ],
  [
    "a forged __state__=garbage",
    withIntent("submit", (q) => [...completeRatings(q), ["__state__", "garbage"]]),
  ],
  [
    "a forged Conform update intent",
    withIntent("submit", (q) => [
      ...completeRatings(q),
      [
        "__intent__",
        JSON.stringify({
          type: "update",
          payload: { name: `ratings.${allIndicatorIds(q)[0]}`, value: "9" },
        }),
      ],
    ]),
  ],
  // Fields the form does not have.
  [
    "an unknown top-level field",
    withIntent("submit", (q) => [...completeRatings(q), ["foo", "bar"]]),
  ],
  ["an unknown top-level field (save)", withIntent("save", () => [["rater_id", "123"]])],
  ["ratings as a plain value", withIntent("save", () => [["ratings", "5"]])],
  [
    "ratings as a list",
    withIntent("save", () => [
      ["ratings[0]", "5"],
      ["ratings[1]", "4"],
    ]),
  ],
  ["a nested rating", withIntent("save", (q) => [[`ratings.${allIndicatorIds(q)[0]}.value`, "5"]])],
];

/**
 * Field names Conform cannot parse as a path. Conform drops them silently (its path parser
 * throws, the error is swallowed), so they reach neither the schema's strict objects nor a
 * refusal: the rest of the form is accepted as if they were not there.
 */
const UNPARSEABLE_NAMES = ["foo[", "constructor", "ratings.__proto__.polluted"];

/** Bodies over the form's cap: 413 (Content Too Large), every other refusal 400. */
const TOO_LARGE = new Set(["a 1 MB body", "a 1 MB body with its Content-Length declared"]);

describe("tampered questionnaire posts are refused with 400 (413 when too large) and write nothing", () => {
  it.each(CASES)("%s", async (name, tamper) => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const ids = allIndicatorIds(questionnaire);
    // An earlier draft that a refused request must leave as it is.
    const saved = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "save"],
        [`ratings.${ids[0]}`, "2"],
        ["general.went_well", "Concept"],
      ]),
      invitation.token,
    );
    expect(redirectTarget(saved, pageUrl(invitation.token, "/vragenlijst"))).toMatch(
      /\?melding=opgeslagen$/,
    );
    const before = await dumpAnswerTables(db);

    const outcome = await run(
      questionnairePage.action,
      tamper(questionnaire, invitation.token),
      invitation.token,
    );

    expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
    expect(statusOf(outcome), describeOutcome(outcome)).toBe(TOO_LARGE.has(name) ? 413 : 400);
    expect(await dumpAnswerTables(db)).toEqual(before);
  });

  it.each(UNPARSEABLE_NAMES)(
    "an unknown field named %j next to a complete submit",
    async (name) => {
      const { db } = test;
      const { invitation, questionnaire } = await freshInvitation(db);
      const before = await dumpAnswerTables(db);
      const outcome = await run(
        questionnairePage.action,
        postRequest(invitation.token, "/vragenlijst", [
          ["intent", "submit"],
          ...completeRatings(questionnaire),
          [name, "1"],
        ]),
        invitation.token,
      );
      expect(outcome.kind, describeOutcome(outcome)).not.toBe("error");
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(statusOf(outcome), describeOutcome(outcome)).toBe(400);
      expect(await dumpAnswerTables(db)).toEqual(before);
    },
  );

  it("still accepts the untampered answers afterwards", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    for (const [, tamper] of CASES.slice(0, 5)) {
      await run(
        questionnairePage.action,
        tamper(questionnaire, invitation.token),
        invitation.token,
      );
    }
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "submit"],
        ...completeRatings(questionnaire),
      ]),
      invitation.token,
    );
    expect(redirectTarget(outcome, pageUrl(invitation.token, "/vragenlijst"))).toBe(
      `/uitnodiging/${invitation.token}/bedankt`,
    );
  });

  it("answers an invalid submit with the Conform result for the form", async () => {
    const { db } = test;
    const { invitation, questionnaire } = await freshInvitation(db);
    const outcome = await run(
      questionnairePage.action,
      postRequest(invitation.token, "/vragenlijst", [
        ["intent", "submit"],
        ...completeRatings(questionnaire).slice(2),
      ]),
      invitation.token,
    );
    expect(outcome.kind).toBe("data");
    if (outcome.kind !== "data") return;
    expect(outcome.status).toBe(400);
    const result = (outcome.data as { result: { status: string; error: Record<string, unknown> } })
      .result;
    expect(result.status).toBe("error");
    const [first, second] = allIndicatorIds(questionnaire);
    expect(Object.keys(result.error)).toEqual(
      expect.arrayContaining([`ratings.${first}`, `ratings.${second}`]),
    );
  });
});
