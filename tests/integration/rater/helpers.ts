import type { DB } from "#db/database";
import type { Relationship } from "#db/schema";
import { closeCycle } from "~/cycles/lifecycle.server";
import { localeCookie } from "~/i18n/locale.server";
import { openSealedAnswers, type SubmittedAnswer } from "~/rater/sealed-answers.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import type { Questionnaire } from "~/rater/questionnaire";
import {
  createCycleFixture,
  type CycleFixture,
  type FixtureInvitation,
} from "../../support/fixtures/cycle";
import { ORIGIN, type Fields } from "../../support/requests";
import { runRoute, type Outcome } from "../../support/route-outcome";

// The rater's pages (behind an invitation link) on a running clock: a fresh invitation, its
// requests by token, and what the answers leave in the database.

export interface Fresh {
  cycle: CycleFixture;
  invitation: FixtureInvitation;
  questionnaire: Questionnaire;
}

/** A new collecting cycle (six open invitations) and one of its invitations. */
export async function freshInvitation(
  db: DB,
  options: {
    relationship?: Relationship;
    answerDeadline?: string;
  } = {},
): Promise<Fresh> {
  const cycle = await createCycleFixture(db, {
    invitations: 6,
    answerDeadline: options.answerDeadline,
  });
  const relationship = options.relationship ?? "colleague";
  const invitation = cycle.invitations.find((i) => i.relationship === relationship);
  if (!invitation) throw new Error(`No ${relationship} invitation in the fixture`);
  const questionnaire = await loadQuestionnaire(db, cycle.snapshotId);
  return { cycle, invitation, questionnaire };
}

export function allIndicatorIds(questionnaire: Questionnaire): string[] {
  return questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id));
}

/** Every indicator answered: scores cycle through 1..5, and every seventh one is "na". */
export function completeRatings(questionnaire: Questionnaire): Fields {
  return allIndicatorIds(questionnaire).map((id, index) => [
    `ratings.${id}`,
    index % 7 === 6 ? "na" : String((index % 5) + 1),
  ]);
}

export function expectedScore(index: number): number | null {
  return index % 7 === 6 ? null : (index % 5) + 1;
}

export function encode(fields: Fields): string {
  return new URLSearchParams(fields).toString();
}

export type Page = "" | "/vragenlijst" | "/afzeggen" | "/bedankt";

export function pageUrl(token: string, page: Page, search = ""): string {
  return `${ORIGIN}/uitnodiging/${encodeURIComponent(token)}${page}${search}`;
}

export function getRequest(token: string, page: Page, init: { cookie?: string } = {}): Request {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  return new Request(pageUrl(token, page), { method: "GET", headers });
}

/** A POST as a plain `<form method="post">` sends it, unless told otherwise. */
export function postRequest(
  token: string,
  page: Page,
  body: Fields | string | FormData,
  init: { contentType?: string | null; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(init.headers);
  const payload = Array.isArray(body) ? encode(body) : body;
  if (init.contentType !== null && !(payload instanceof FormData)) {
    headers.set("Content-Type", init.contentType ?? "application/x-www-form-urlencoded");
  }
  return new Request(pageUrl(token, page), { method: "POST", headers, body: payload });
}

/** Runs a rater page's loader or action for an invitation token. */
export async function run(fn: unknown, request: Request, token: string): Promise<Outcome> {
  return runRoute(fn, request, { token }, {});
}

export async function snapshotResponse(response: Response): Promise<{
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
}> {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()].sort(),
    body: await response.clone().text(),
  };
}

const DUMPED_TABLES = [
  "sealed_answer",
  "response",
  "rating",
  "comment",
  "draft",
  "invitation",
  "cycle",
] as const;

/** Every row of the tables answers touch, as sorted JSON lines per table. */
export async function dumpAnswerTables(db: DB): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of DUMPED_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/** Answers stored: sealed (the round still collecting) and published (after its close). */
export async function countResponses(db: DB, participantId?: string): Promise<number> {
  let query = db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n"));
  if (participantId) query = query.where("participant_id", "=", participantId);
  const published = Number((await query.executeTakeFirstOrThrow()).n);
  const cycles = await db.selectFrom("sealed_answer").select("cycle_id").distinct().execute();
  let sealed = 0;
  for (const { cycle_id } of cycles) {
    const answers = await openSealedAnswers(db, cycle_id);
    sealed += answers.filter((a) => !participantId || a.participantId === participantId).length;
  }
  return published + sealed;
}

/** A round's answers that wait, sealed, for its close, opened with the test database's key. */
export function sealedAnswersOfCycle(db: DB, cycleId: string): Promise<SubmittedAnswer[]> {
  return openSealedAnswers(db, cycleId);
}

/** Closes a collecting round as HR would (before its deadline), which publishes its answers. */
export async function closeBeforeDeadline(db: DB, cycle: CycleFixture): Promise<void> {
  const outcome = await closeCycle(db, {
    organisationId: cycle.organisationId,
    cycleId: cycle.cycleId,
    actorPersonId: null,
    confirmation: "close_before_deadline",
  });
  if (outcome.status !== "done") throw new Error(`The round did not close: ${outcome.status}`);
}

export async function invitationRow(db: DB, invitationId: string) {
  return db
    .selectFrom("invitation")
    .selectAll()
    .where("id", "=", invitationId)
    .executeTakeFirstOrThrow();
}

export async function draftRow(db: DB, invitationId: string) {
  return db
    .selectFrom("draft")
    .selectAll()
    .where("invitation_id", "=", invitationId)
    .executeTakeFirst();
}

/** The `Cookie` request header a browser would send after the language was chosen. */
export async function languageCookie(locale: "nl" | "en"): Promise<string> {
  const setCookie = await localeCookie.serialize(locale);
  return setCookie.split(";")[0]!;
}

export function todayInAmsterdam(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

export function dayOffset(days: number): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() + days * 86_400_000));
}
