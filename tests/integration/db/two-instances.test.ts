import { sql } from "kysely";
import type { SendMailOptions, SentMessageInfo, Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DB } from "#db/database";
import { inTransaction } from "#db/transaction";
import { completeSignIn, requestSignIn, verifySignInCode } from "~/auth/sign-in.server";
import { runCycleClock } from "~/cycles/cycle-clock.server";
import { runTransition, type TransitionOutcome } from "~/cycles/lifecycle.server";
import { enqueueEmail } from "~/email/outbox.server";
import { sendDueEmails } from "~/email/sender.server";
import { translator } from "~/i18n/messages";
import { proposeNomination, submitNominations } from "~/nominations/nominations.server";
import { approveNominations } from "~/nominations/review.server";
import { applyImport } from "~/people/import.server";
import { editValuesOf } from "~/profiles/edit-profile";
import { profileEditAction } from "~/profiles/edit-action.server";
import type { ProfileEditInput } from "~/profiles/edit-schema";
import { findLibraryProfile, listLibrary, readProfileVersion } from "~/profiles/library.server";
import {
  cleanAnswers,
  findInvitationByToken,
  saveDraft,
  submitResponse,
  type CleanAnswers,
} from "~/rater/invitation.server";
import { minutesAfter, NOW } from "../../support/clock";
import {
  auditActions,
  countRows,
  createTestDatabase,
  useTestDatabase,
} from "../../support/database";
import { loadCast, type DemoCast } from "../../support/demo-cast";
import { onPostgres } from "../../support/dialect";
import {
  auditOf,
  draftCycleWithTeam,
  proposeNomination as storeProposal,
} from "../../support/draft-cycles";
import { invitationsOf } from "../../support/fixtures/cycle";
import { expectOneSignInMail, mailsSince, outboxIds } from "../../support/mail";
import {
  actorOf,
  memberCycle,
  nominationRows,
  participantRow,
  possibleColleagues,
} from "../../support/nominating-cycles";
import {
  actorOf as importActorOf,
  peopleWithNumbers,
  stageAndPreview,
} from "../../support/people-import";
import { editFormFields } from "../../support/profile-edit";
import { newBrowser, ORIGIN, type Fields } from "../../support/requests";
import { describeOutcome, runRoute, statusOf, type Outcome } from "../../support/route-outcome";
import {
  closeBeforeDeadline,
  completeRatings,
  draftRow,
  freshInvitation,
  invitationRow,
  sealedAnswersOfCycle,
  type Fresh,
} from "../rater/helpers";

// Several app instances on one database (on PostgreSQL a pool each, on SQLite a connection
// each): every read-check-write must hold when two instances take the same step at the same
// moment. Each case fires the same operation through instance A (the app's database) and
// instance B (opened again on the same DATABASE_URL) at once, for a few rounds with fresh
// data so that the interleavings differ, and reads back from the database that it happened
// exactly once; the instance that came second gets the app's answer for "already done",
// never an error. On SQLite both instances live in this process: their connections take
// turns (db/database.ts), as two processes would wait for SQLite's write lock.

const test = useTestDatabase({ seed: true });
let other: DB;
let cast: DemoCast;

beforeAll(async () => {
  other = createDatabase(test.url);
  cast = await loadCast(test.db);
});
afterAll(async () => {
  await other?.destroy();
});

const ROUNDS = 5;

/** The same operation through instance A and instance B at the same moment. */
function race<T>(operation: (db: DB) => Promise<T>, a: DB = test.db, b: DB = other) {
  return Promise.all([operation(a), operation(b)]);
}

const sorted = <T>(values: readonly T[]) => [...values].sort();

/** "ok", or the reason a nomination operation was refused for. */
const verdictOf = (outcome: { ok: true } | { ok: false; reason: string }) =>
  outcome.ok ? "ok" : outcome.reason;

/** Every indicator of the questionnaire answered, as the form posts it, cleaned. */
function completeAnswers(fresh: Fresh): CleanAnswers {
  return cleanAnswers({
    ratings: Object.fromEntries(
      completeRatings(fresh.questionnaire).map(([name, value]) => [
        name.slice("ratings.".length),
        value,
      ]),
    ),
  });
}

/** Submits the answers of an invitation link as the questionnaire page does. */
async function submitThrough(db: DB, token: string, answers: CleanAnswers) {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation) throw new Error("the invitation link does not work");
  return submitResponse(db, invitation, answers);
}

describe("two app instances on one database", () => {
  it("stores one answer when one invitation is submitted through both at once", async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const fresh = await freshInvitation(test.db);
      const { cycle, invitation } = fresh;
      const answers = completeAnswers(fresh);
      await saveDraft(test.db, invitation.id, { ...answers, ratings: {} });

      const outcomes = await race((db) => submitThrough(db, invitation.token, answers));

      expect(sorted(outcomes), `round ${round}`).toEqual(["already-closed", "submitted"]);
      expect(await sealedAnswersOfCycle(test.db, cycle.cycleId)).toHaveLength(1);
      expect(await draftRow(test.db, invitation.id)).toBeUndefined();
      expect((await invitationRow(test.db, invitation.id)).status).toBe("submitted");
    }
  });

  it("takes each status step of a round once when both take it at once", async () => {
    /** The one step that was done; the other was refused, the round having moved on. */
    const onlyDone = (outcomes: TransitionOutcome[]) => {
      const done = outcomes.filter((outcome) => outcome.status === "done");
      expect(done, JSON.stringify(outcomes)).toHaveLength(1);
      const refusal = outcomes.find((outcome) => outcome.status !== "done");
      expect(refusal).toMatchObject({ status: "refused" });
      expect(refusal?.status === "refused" && refusal.reasons).toContain("wrong_status");
      return done[0] as Extract<TransitionOutcome, { status: "done" }>;
    };
    for (let round = 1; round <= ROUNDS; round++) {
      const cycleId = await draftCycleWithTeam(test.db, cast);
      const step = (transition: "start-nominating" | "start-collecting" | "close") => {
        const confirmation = {
          "start-nominating": null,
          "start-collecting": "approve_open_nominations",
          close: "close_before_deadline",
        }[transition];
        const request = {
          organisationId: cast.organisationId,
          cycleId,
          actorPersonId: cast.hr.id,
          confirmation,
        };
        return race((db) => runTransition(db, transition, request));
      };

      // Draft → nominating: every participant asked once to nominate raters.
      const beforeNominating = await outboxIds(test.db);
      const nominating = onlyDone(await step("start-nominating"));
      const requests = (await mailsSince(test.db, beforeNominating)).filter(
        (mail) => mail.kind === "nomination-request",
      );
      expect(requests.length).toBeGreaterThan(0);
      expect(requests).toHaveLength(nominating.details.nominationRequests!);
      expect(new Set(requests.map((mail) => mail.to_address)).size).toBe(requests.length);

      // A colleague proposed for one participant, so that collecting invites more than the
      // participants themselves and their managers.
      const [participant] = await test.db
        .selectFrom("participant")
        .select("id")
        .where("cycle_id", "=", cycleId)
        .orderBy("id")
        .execute();
      await storeProposal(test.db, participant!.id, {
        name: "Karin Klant",
        email: `klant.${round}@extern.example`,
        relationship: "customer",
      });

      // Nominating → collecting: every invitation created and mailed once.
      const collecting = onlyDone(await step("start-collecting"));
      const invitations = await invitationsOf(test.db, cycleId);
      expect(invitations.length).toBeGreaterThan(0);
      expect(invitations).toHaveLength(collecting.details.invitations!);
      const raters = invitations.map((i) => `${i.participant_id} ${i.rater_email.toLowerCase()}`);
      expect(new Set(raters).size).toBe(invitations.length);
      const links = await test.db
        .selectFrom("email_outbox_invitation")
        .select(["outbox_id", "invitation_id"])
        .where(
          "invitation_id",
          "in",
          invitations.map((i) => i.id),
        )
        .execute();
      expect(sorted(links.map((link) => link.invitation_id))).toEqual(
        sorted(invitations.map((i) => i.id)),
      );
      expect(new Set(links.map((link) => link.outbox_id)).size).toBe(collecting.details.mails);

      // Collecting → closed.
      onlyDone(await step("close"));
      const stepActions = ["cycle_nominating_started", "cycle_collecting_started", "cycle_closed"];
      const steps = (await auditOf(test.db, cycleId))
        .map((entry) => entry.action)
        .filter((action) => stepActions.includes(action));
      expect(steps).toEqual([
        "cycle_nominating_started",
        "cycle_collecting_started",
        "cycle_closed",
      ]);
    }
  });

  it("signs in once when one sign-in code is typed into both at once", async () => {
    const people = [cast.member, cast.teamLead, cast.english, cast.otherTeamLead, cast.hr];
    for (let round = 1; round <= ROUNDS; round++) {
      const person = people[round - 1]!;
      // An hour and an address of each round's own, so the rate limits never decide.
      const now = minutesAfter(NOW, 60 * round);
      const client = `192.0.2.${round}`;
      const browser = newBrowser();
      const mail = await expectOneSignInMail(test.db, () =>
        requestSignIn(test.db, { email: person.email, clientAddress: client, browser }, now),
      );
      const sessionsBefore = await countRows(test.db, "session");
      const loggedBefore = (await auditActions(test.db, person.id)).length;

      // What the code page's action does with the code.
      const outcomes = await race(async (db) => {
        const typed = { email: person.email, code: mail.code, clientAddress: client, browser };
        const outcome = await verifySignInCode(db, typed, minutesAfter(now, 1));
        if (outcome.status === "signed_in") {
          const request = new Request(`${ORIGIN}/inloggen/code`, { method: "POST" });
          await completeSignIn(db, request, outcome, "code");
        }
        return outcome.status;
      });

      expect(sorted(outcomes), `round ${round}`).toEqual(["invalid", "signed_in"]);
      expect(await countRows(test.db, "session")).toBe(sessionsBefore + 1);
      const logged = (await auditActions(test.db, person.id)).slice(loggedBefore);
      expect(logged.filter((action) => action === "sign_in")).toEqual(["sign_in"]);
      const used = await test.db
        .selectFrom("sign_in_token")
        .select("id")
        .where("person_id", "=", person.id)
        .where("used_at", "=", minutesAfter(now, 1).toISOString())
        .execute();
      expect(used).toHaveLength(1);
    }
  });

  it("keeps one nomination per rater and the group's maximum when proposals and decisions race", async () => {
    const [first, second, third, fourth] = await possibleColleagues(test.db, cast, cast.member, 4);
    const member = actorOf(cast.member);
    const lead = actorOf(cast.teamLead);
    const colleague = (person: { id: string }) => ({
      group: "colleague" as const,
      personId: person.id,
    });
    for (let round = 1; round <= ROUNDS; round++) {
      const { participantId } = await memberCycle(test.db, cast, { colleague_max: 3 });

      // The same rater proposed through both.
      const same = await race((db) =>
        proposeNomination(db, member, participantId, colleague(first!)),
      );
      expect(sorted(same.map(verdictOf)), `round ${round}`).toEqual(["already_nominated", "ok"]);
      expect(
        await proposeNomination(test.db, member, participantId, colleague(second!)),
      ).toMatchObject({ ok: true });

      // Two raters for the group's last place, one through each instance.
      const lastPlace = await Promise.all([
        proposeNomination(test.db, member, participantId, colleague(third!)),
        proposeNomination(other, member, participantId, colleague(fourth!)),
      ]);
      expect(sorted(lastPlace.map(verdictOf)), `round ${round}`).toEqual(["group_full", "ok"]);
      const active = (await nominationRows(test.db, participantId)).filter(
        (row) => row.status !== "removed",
      );
      expect(active).toHaveLength(3);
      expect(new Set(active.map((row) => row.rater_person_id)).size).toBe(3);

      // Submitted once: the lead is asked once.
      const beforeSubmit = await outboxIds(test.db);
      const submitted = await race((db) => submitNominations(db, member, participantId));
      expect(sorted(submitted.map(verdictOf))).toEqual(["ok", "submitted"]);
      const reviewRequests = (await mailsSince(test.db, beforeSubmit)).filter(
        (mail) => mail.kind === "nomination-review",
      );
      expect(reviewRequests).toHaveLength(1);

      // Approved once: the participant is told once.
      const beforeApproval = await outboxIds(test.db);
      const approved = await race((db) => approveNominations(db, lead, participantId));
      expect(sorted(approved.map(verdictOf))).toEqual(["approved", "ok"]);
      const decisions = (await mailsSince(test.db, beforeApproval)).filter(
        (mail) => mail.kind === "nomination-decision",
      );
      expect(decisions).toHaveLength(1);
      expect((await participantRow(test.db, participantId)).nomination_status).toBe("approved");
    }
  });

  it("applies a people import once when both apply it at once", async () => {
    const header = "Personeelsnummer;Voornaam;Achternaam;E-mail;Afdeling;Leidinggevende;Rol;Taal";
    const hr = importActorOf(cast.hr);
    const imported = async () =>
      (await auditActions(test.db, cast.hr.id)).filter((action) => action === "people_imported")
        .length;
    for (let round = 1; round <= ROUNDS; round++) {
      const team = `Gelijktijdig ${round}`;
      const numbers = [1, 2, 3].map((n) => `77${round}00${n}`);
      const file = [
        header,
        ...numbers.map(
          (number, n) =>
            `${number};Naam${n};Tegelijk;tegelijk.${round}.${n}@import.example;${team};;;`,
        ),
      ].join("\r\n");
      const { importId, preview } = await stageAndPreview(test.db, cast.hr, file);
      expect(preview.plan.counts.new).toBe(3);
      const importsBefore = await imported();

      const outcomes = await race((db) =>
        applyImport(db, hr, { importId, planHash: preview.planHash, deactivatePersonIds: [] }),
      );

      expect(sorted(outcomes.map((outcome) => outcome.status)), `round ${round}`).toEqual([
        "applied",
        "not_found",
      ]);
      expect(await peopleWithNumbers(test.db, cast.organisationId, numbers)).toHaveLength(3);
      const teams = await test.db
        .selectFrom("team")
        .select("id")
        .where("organisation_id", "=", cast.organisationId)
        .where("name", "=", team)
        .execute();
      expect(teams).toHaveLength(1);
      expect(await imported()).toBe(importsBefore + 1);
    }
  });

  describe("the round clock", () => {
    /** A collecting round of its own (six invitations) with `answered` of them answered. */
    async function roundWithAnswers(answered: number): Promise<Fresh> {
      const fresh = await freshInvitation(test.db);
      for (const invitation of fresh.cycle.invitations.slice(0, answered)) {
        expect(await submitThrough(test.db, invitation.token, completeAnswers(fresh))).toBe(
          "submitted",
        );
      }
      return fresh;
    }

    /** A round past its answer deadline (yesterday), with two answers waiting sealed. */
    async function overdueRound(): Promise<string> {
      const { cycle } = await roundWithAnswers(2);
      await test.db
        .updateTable("cycle")
        .set({ answer_deadline: "2030-03-03" })
        .where("id", "=", cycle.cycleId)
        .execute();
      return cycle.cycleId;
    }

    /** A released round whose reports and mails a restart cut off: none of them exist yet. */
    async function unfinishedRelease(): Promise<string> {
      const { cycle } = await roundWithAnswers(3);
      await closeBeforeDeadline(test.db, cycle);
      await test.db
        .updateTable("cycle")
        .set({ status: "released", released_at: NOW.toISOString() })
        .where("id", "=", cycle.cycleId)
        .execute();
      return cycle.cycleId;
    }

    async function publishedAnswers(cycleId: string): Promise<number> {
      const rows = await test.db
        .selectFrom("response")
        .select("id")
        .where("cycle_id", "=", cycleId)
        .execute();
      return rows.length;
    }

    it("closes an overdue round and finishes a release once when both clocks tick at once", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const overdue = await overdueRound();
        const released = await unfinishedRelease();
        const participants = await test.db
          .selectFrom("participant")
          .select("id")
          .where("cycle_id", "=", released)
          .execute();

        const ticks = await race((db) => runCycleClock(db));

        // The overdue round closed once, its two answers published once.
        expect(
          ticks.reduce((sum, tick) => sum + tick.closed, 0),
          `round ${round}`,
        ).toBe(1);
        const closes = (await auditOf(test.db, overdue)).filter((e) => e.action === "cycle_closed");
        expect(closes).toHaveLength(1);
        expect(await publishedAnswers(overdue)).toBe(2);
        expect(await sealedAnswersOfCycle(test.db, overdue)).toEqual([]);

        // Every report of the release stored once, and one "report ready" mail each.
        expect(ticks.reduce((sum, tick) => sum + tick.reports, 0)).toBe(participants.length);
        for (const { id } of participants) {
          const reports = await test.db
            .selectFrom("report")
            .select("id")
            .where("participant_id", "=", id)
            .execute();
          expect(reports, `report of ${id}`).toHaveLength(1);
          const mails = await test.db
            .selectFrom("email_outbox")
            .select("id")
            .where("kind", "=", "report-ready")
            .where("text_body", "like", `%/rapporten/${encodeURIComponent(id)}%`)
            .execute();
          expect(mails, `mails of ${id}`).toHaveLength(1);
        }
      }
    });

    // Only PostgreSQL shares the clock between instances (an advisory lock); SQLite has one app
    // process per file, and there both ticks run (the test above holds on both).
    it.runIf(onPostgres)(
      "on PostgreSQL, skips a tick while another instance's tick runs, and does nothing in it",
      async () => {
        const overdue = await overdueRound();
        // Another transaction holds the overdue round's row, so A's tick stays in the middle
        // of closing it (holding the clock) until the test lets go.
        let letGo!: () => void;
        const held = new Promise<void>((resolve) => (letGo = resolve));
        let holding!: () => void;
        const isHeld = new Promise<void>((resolve) => (holding = resolve));
        const holder = inTransaction(test.db, async (trx) => {
          await trx
            .selectFrom("cycle")
            .select("id")
            .where("id", "=", overdue)
            .forUpdate()
            .execute();
          holding();
          await held;
        });
        await isHeld;
        const tickA = runCycleClock(test.db);
        try {
          await waitUntilABackendWaitsForALock();
          const tickB = await runCycleClock(other);
          expect(tickB).toEqual({
            ran: false,
            closed: 0,
            reminderMails: 0,
            releasesFinished: 0,
            reports: 0,
          });
        } finally {
          letGo();
          await holder;
        }
        expect(await tickA).toMatchObject({ ran: true, closed: 1 });
        expect(await publishedAnswers(overdue)).toBe(2);
      },
    );
  });

  it("sends every mail once when two senders work through the same outbox", async () => {
    // An outbox of its own, so that only these mails are due.
    const own = await createTestDatabase();
    const second = createDatabase(own.url);
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const ids: string[] = [];
        for (let n = 0; n < 30; n++) {
          ids.push(
            await enqueueEmail(
              own.db,
              {
                organisationId: null,
                kind: "nomination-request",
                to: `ontvanger.${round}.${n}@example.org`,
                locale: "nl",
                subject: `Bericht ${n}`,
                text: `Bericht ${n} van ronde ${round}`,
                html: `<p>Bericht ${n} van ronde ${round}</p>`,
              },
              NOW,
            ),
          );
        }
        const sent: string[] = [];
        const transport: Pick<Transporter, "sendMail"> = {
          sendMail: async (options: SendMailOptions) => {
            sent.push(String(options.messageId));
            // A mail server takes a moment: the other sender gets its turn meanwhile.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
            return {} as SentMessageInfo;
          },
        };
        const from = "Rondom <noreply@rondom.test>";
        let counted = 0;
        for (;;) {
          const runs = await race((db) => sendDueEmails(db, transport, from, NOW), own.db, second);
          for (const run of runs) expect(run).toMatchObject({ retried: 0, failed: 0, dropped: 0 });
          const sentNow = runs.reduce((sum, run) => sum + run.sent, 0);
          if (sentNow === 0) break;
          counted += sentNow;
        }
        expect(sent, `round ${round}`).toHaveLength(30);
        expect(new Set(sent).size).toBe(30);
        expect(counted).toBe(30);
        const rows = await own.db
          .selectFrom("email_outbox")
          .select("status")
          .where("id", "in", ids)
          .execute();
        expect(rows.map((row) => row.status)).toEqual(ids.map(() => "sent"));
      }
    } finally {
      await second.destroy();
      await own.cleanup();
    }
  });

  it("saves one of two identical profile edits sent through both at once; the other is a conflict", async () => {
    const t = translator("nl");
    const hr = { id: cast.hr.id, organisationId: cast.organisationId };
    const versions = async () =>
      new Map(
        (await listLibrary(test.db, cast.organisationId)).map((entry) => [
          entry.key,
          entry.version,
        ]),
      );
    /** The editor's action through one instance, as the route runs it. */
    const post = (db: DB, profileId: string, values: ProfileEditInput, extra: Fields) =>
      runRoute(
        () =>
          profileEditAction(
            db,
            t,
            hr,
            profileId,
            new URLSearchParams(editFormFields(values, extra)),
          ),
        new Request(`${ORIGIN}/beheer/profielen/${profileId}/bewerken`, { method: "POST" }),
        { profileId },
        {},
      );

    for (let round = 1; round <= ROUNDS; round++) {
      const entry = (await listLibrary(test.db, cast.organisationId)).find(
        (e) => e.key === "projectleider",
      )!;
      const found = await findLibraryProfile(test.db, cast.organisationId, entry.id);
      const profile = await readProfileVersion(test.db, found!.currentSnapshotId);
      const values = editValuesOf(profile, entry.version);
      const shared = values
        .clusters!.flatMap((cluster) => cluster.competencies!)
        .find((competency) => competency.key === "communiceren")!;
      shared.description = `Tegelijk opgeslagen, ronde ${round}.`;
      const review = reviewOf(await post(test.db, entry.id, values, [["intent", "review"]]));
      const before = await versions();

      const outcomes = await race((db) =>
        post(db, entry.id, values, [
          ["intent", "save"],
          ["reviewed", review.fingerprint],
        ]),
      );

      expect(outcomes.map(statusOf).sort(), outcomes.map(describeOutcome).join("\n")).toEqual([
        302, 409,
      ]);
      // One save: the profile and each profile sharing the competency one version on.
      const after = await versions();
      const moved = [...after].filter(([key, version]) => version !== before.get(key));
      expect(moved.map(([key]) => key)).toContain("projectleider");
      expect(moved).toHaveLength(1 + review.shared.length);
      for (const [key, version] of moved) expect(version, key).toBe(before.get(key)! + 1);
    }
  });
});

function reviewOf(outcome: Outcome): { fingerprint: string; shared: unknown[] } {
  const review =
    outcome.kind === "data"
      ? (outcome.data as { review?: { status: string; fingerprint: string; shared: unknown[] } })
          .review
      : undefined;
  if (review?.status !== "review") throw new Error(`no review: ${describeOutcome(outcome)}`);
  return review;
}

/** Until a connection to the test database waits for a lock that another one holds. */
async function waitUntilABackendWaitsForALock(): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const { rows } = await sql<{ waiting: number }>`
      select count(*) as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'
    `.execute(test.db);
    if (Number(rows[0]?.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("no connection ever waited for the held row");
}
