import { expect, type Locator, type Page } from "@playwright/test";
import type { CommentQuestion, Relationship } from "../../../db/schema";
import { answerSealKey, unsealText } from "../../../db/answer-seal";
import { createDatabase, type DB } from "../../../db/database";
import {
  createCycleFixture,
  type CycleFixture,
  type FixtureInvitation,
} from "../../support/fixtures/cycle";
import { e2eDatabaseFile } from "../../../playwright.config";
import { openSealedAnswers } from "../../../app/rater/sealed-answers.server";

export const ITEM_COUNT = 37;
export const COMPETENCY_COUNT = 9;

/** Accessible names of the radios in one item, Dutch default scale, in DOM order. */
export const SCALE_NL = [
  "1 (bijna) nooit",
  "2 soms",
  "3 regelmatig",
  "4 vaak",
  "5 (bijna) altijd",
  "kan ik niet beoordelen",
] as const;
export const SCALE_EN = [
  "1 (almost) never",
  "2 sometimes",
  "3 regularly",
  "4 often",
  "5 (almost) always",
  "not able to judge",
] as const;

export const REQUIRED_NL = "Kies een antwoord, of ‘kan ik niet beoordelen’.";

/**
 * Opens the e2e database (the one the server under test uses), runs `work`, closes it. The
 * server writes to the same file from another process; SQLite refuses a transaction that
 * read before the server's write landed (SQLITE_BUSY), so `work` is retried then.
 */
export async function withDb<T>(work: (db: DB) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const db = createDatabase("file:" + e2eDatabaseFile);
    try {
      return await work(db);
    } catch (error) {
      const busy = error instanceof Error && /database is locked|SQLITE_BUSY/.test(error.message);
      if (!busy || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    } finally {
      await db.destroy();
    }
  }
}

/** A fresh collecting cycle with six open invitations (colleague×3, customer, manager, self). */
export function createInvitations(): Promise<CycleFixture> {
  return withDb((db) => createCycleFixture(db, { invitations: 6, name: "Feedbackronde test" }));
}

export function pick(fixture: CycleFixture, relationship: Relationship) {
  const found = fixture.invitations.find((candidate) => candidate.relationship === relationship);
  if (!found) throw new Error(`no ${relationship} invitation in the fixture`);
  return found;
}

export const introPath = (invitation: FixtureInvitation) => `/uitnodiging/${invitation.token}`;
export const formPath = (invitation: FixtureInvitation) =>
  `/uitnodiging/${invitation.token}/vragenlijst`;

/**
 * The stored answers for a participant and relationship, with their ratings and comments: those
 * still sealed (the round collects; opened with the e2e database's seal key) and those
 * published at the close (app/rater/sealed-answers.server.ts).
 */
export function responsesFor(participantId: string, relationship: Relationship) {
  return withDb(async (db) => {
    const published = await db
      .selectFrom("response")
      .selectAll()
      .where("participant_id", "=", participantId)
      .where("relationship", "=", relationship)
      .execute();
    const cycle = await db
      .selectFrom("participant")
      .select("cycle_id")
      .where("id", "=", participantId)
      .executeTakeFirstOrThrow();
    const sealed = (await openSealedAnswers(db, cycle.cycle_id)).filter(
      (answer) => answer.participantId === participantId && answer.relationship === relationship,
    );
    return [
      ...(await Promise.all(
        published.map(async (response) => ({
          state: "published" as const,
          submitted_on: response.submitted_on as string | null,
          ratings: await db
            .selectFrom("rating")
            .select(["indicator_id", "score"])
            .where("response_id", "=", response.id)
            .execute(),
          comments: await db
            .selectFrom("comment")
            .select(["question", "competency_id", "text"])
            .where("response_id", "=", response.id)
            .execute(),
        })),
      )),
      ...sealed.map((answer) => ({
        state: "sealed" as const,
        submitted_on: null as string | null,
        ratings: Object.entries(answer.ratings).map(([indicator_id, score]) => ({
          indicator_id,
          score,
        })),
        comments: [
          ...Object.entries(answer.comments).map(([competency_id, text]) => ({
            question: "competency" as CommentQuestion,
            competency_id: competency_id as string | null,
            text,
          })),
          ...Object.entries(answer.general).map(([question, text]) => ({
            question: question as CommentQuestion,
            competency_id: null as string | null,
            text,
          })),
        ],
      })),
    ];
  });
}

export function invitationRow(invitationId: string) {
  return withDb((db) =>
    db
      .selectFrom("invitation")
      .selectAll()
      .where("id", "=", invitationId)
      .executeTakeFirstOrThrow(),
  );
}

/** The draft of an invitation, its answers opened (they are sealed on disk) as JSON text. */
export function draftRow(invitationId: string) {
  return withDb(async (db) => {
    const row = await db
      .selectFrom("draft")
      .selectAll()
      .where("invitation_id", "=", invitationId)
      .executeTakeFirst();
    if (!row) return undefined;
    const key = await answerSealKey(db);
    return { ...row, answers: unsealText(key, "draft", invitationId, row.answers) };
  });
}

/** The radio groups (one per indicator) of the questionnaire, in page order. */
export function ratingGroups(page: Page): Locator {
  return page.locator("form#vragenlijst").getByRole("group");
}

/**
 * Chooses an answer for the items at `indices` (0-based, page order); `choice(i)` gives the
 * index into the scale (0..4 = 1..5, 5 = "kan ik niet beoordelen").
 */
export async function answerItems(
  page: Page,
  indices: Iterable<number>,
  choice: (index: number) => number = (index) => index % 6,
  scale: readonly string[] = SCALE_NL,
) {
  const groups = ratingGroups(page);
  for (const index of indices) {
    await groups
      .nth(index)
      .getByRole("radio", { name: scale[choice(index)], exact: true })
      .check();
  }
}

/**
 * The same as answerItems, but in one round trip: clicks the radios from inside the page (a
 * real click event each, so the app's change handlers run). For filling the items a test is
 * not about; answerItems shows that the radios work for a user.
 */
export async function quickAnswerItems(
  page: Page,
  indices: Iterable<number>,
  choice: (index: number) => number = (index) => index % 6,
) {
  const picks = Array.from(indices, (index) => [index, choice(index)] as const);
  await page.locator("form#vragenlijst fieldset").evaluateAll((fieldsets, list) => {
    for (const [index, scaleIndex] of list) {
      const radio =
        fieldsets[index]?.querySelectorAll<HTMLInputElement>('input[type="radio"]')[scaleIndex];
      if (!radio) throw new Error(`no radio ${scaleIndex} in item ${index}`);
      radio.click();
    }
  }, picks);
}

export const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, offset) => from + offset);

/** The stored score for a scale index: 1..5, or null for "kan ik niet beoordelen". */
export const scoreFor = (scaleIndex: number) => (scaleIndex === 5 ? null : scaleIndex + 1);

/** The checked value per radio name, read from the DOM. */
export function checkedValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Array.from(
        document.querySelectorAll<HTMLInputElement>('form#vragenlijst input[type="radio"]:checked'),
      ).map((input) => [input.name, input.value]),
    ),
  );
}

/**
 * Resolves once React has hydrated the page (the element carries React's props), so a click
 * is handled by the app's JavaScript and not by the browser's plain form submission.
 */
export async function waitForHydration(page: Page, selector = "form, main") {
  await expect
    .poll(() =>
      page.evaluate(
        (sel) =>
          Object.keys(document.querySelector(sel) ?? {}).some((key) =>
            key.startsWith("__reactProps"),
          ),
        selector,
      ),
    )
    .toBe(true);
}

export { expectAxeClean as expectNoAxeViolations, expectNoHorizontalScroll } from "./page-checks";

/** The competency id behind a comment field (ids are snapshot ids, not slugs). */
export async function competencyIdOf(textarea: Locator): Promise<string> {
  const name = await textarea.getAttribute("name");
  if (!name?.startsWith("comments.")) throw new Error(`not a competency comment: ${name}`);
  return name.slice("comments.".length);
}
