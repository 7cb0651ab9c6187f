import { randomBytes } from "node:crypto";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { truncateWal } from "#db/wal";
import { closeCycle } from "~/cycles/lifecycle.server";
import {
  cleanAnswers,
  findInvitationByToken,
  saveDraft,
  submitResponse,
  type CleanAnswers,
} from "~/rater/invitation.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { createCycleFixture, type FixtureInvitation } from "../../support/fixtures/cycle";
import { createTestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";
import {
  addedRows,
  copyDatabaseFiles,
  readableForms,
  replayCommits,
  type DatabaseCopy,
} from "./database-copy";

// The attack of issue 13 ("the write-ahead log links answers to raters"): a backup or
// replication tool keeps a read transaction open, so the log is never truncated after a
// submission; a copy of the database files then holds every commit, and the commit that
// turned an invitation 'submitted' could carry that rater's answer. The test plays the one
// who has such a copy, and tries every way it knows to pair an invitation with an answer.
// A copy of SQLite's files, read with SQLite: PostgreSQL has no such log of its own to copy
// beside the database; what its files and system columns tell is the subject of
// rater/anonymity-at-rest-postgres.test.ts.

const ctx = await createTestDatabase();
afterAll(() => ctx.cleanup());

interface Rater {
  index: number;
  invitation: FixtureInvitation;
  /** In the draft and the submitted comment: where this text turns up, so did the answer. */
  marker: string;
  ratings: Record<string, number>;
  answers: CleanAnswers;
}

interface Attempt {
  /** "invitation id → rater index" for every answer the attacker could attribute. */
  pairs: string[];
  /** Per submission commit: the sizes of the rows it added, as a size-matching attack sees. */
  submissionSizes: string[];
  /** The sizes of every draft row written. */
  draftSizes: number[];
}

function attemptPairing(copy: DatabaseCopy, raters: readonly Rater[]): Attempt {
  const states = replayCommits(copy);
  const invitationOf = new Map(raters.map((rater) => [rater.invitation.id, rater.invitation]));
  const pairs: string[] = [];
  const submissionSizes: string[] = [];
  const draftSizes: number[] = [];
  let pending: string[] = []; // invitations turned 'submitted' since the last commit with answers

  for (let i = 1; i < states.length; i++) {
    const added = addedRows(states[i - 1]!, states[i]!);
    const submittedBefore = new Set(
      [...(states[i - 1]!.get("invitation") ?? [])]
        .map((row) => JSON.parse(row) as { id: string; status: string })
        .filter((row) => row.status === "submitted")
        .map((row) => row.id),
    );
    const flipped = (added.get("invitation") ?? [])
      .map((row) => JSON.parse(row) as { id: string; status: string })
      .filter((row) => row.status === "submitted" && !submittedBefore.has(row.id))
      .map((row) => row.id);
    pending.push(...flipped);

    // Answer content this commit added, recognised by its marker in any readable form.
    const found = new Set<number>();
    for (const [table, rows] of added) {
      if (table === "invitation") continue;
      for (const row of rows) {
        const forms = readableForms(row);
        for (const rater of raters) {
          if (!forms.some((form) => form.includes(rater.marker))) continue;
          found.add(rater.index);
          // A draft names its invitation: readable content there pairs by itself.
          if (table === "draft") {
            const { invitation_id } = JSON.parse(row) as { invitation_id: string };
            pairs.push(`${invitation_id} → ${rater.index} (draft)`);
          }
        }
      }
    }
    // … or by its distinctive ratings.
    const ratingsByResponse = new Map<string, Map<string, number | null>>();
    for (const row of added.get("rating") ?? []) {
      const rating = JSON.parse(row) as {
        response_id: string;
        indicator_id: string;
        score: number | null;
      };
      const scores = ratingsByResponse.get(rating.response_id) ?? new Map();
      scores.set(rating.indicator_id, rating.score);
      ratingsByResponse.set(rating.response_id, scores);
    }
    for (const scores of ratingsByResponse.values()) {
      for (const rater of raters) {
        const same = Object.entries(rater.ratings).every(([id, score]) => scores.get(id) === score);
        if (same) found.add(rater.index);
      }
    }

    // Pair each answer with the invitations of its group (participant and relationship,
    // which a published response states) that turned 'submitted' since answers last came in.
    for (const index of found) {
      const rater = raters[index]!;
      const candidates = pending.filter((id) => {
        const invitation = invitationOf.get(id);
        return (
          invitation?.participantId === rater.invitation.participantId &&
          invitation.relationship === rater.invitation.relationship
        );
      });
      if (candidates.length === 1) pairs.push(`${candidates[0]} → ${index} (same commits)`);
    }
    if (found.size > 0) pending = [];

    if (flipped.length > 0) {
      const sizes = [...added]
        .filter(([table]) => table !== "invitation" && table !== "cycle")
        .flatMap(([, rows]) => rows.map((row) => Buffer.byteLength(row)))
        .sort((a, b) => a - b);
      submissionSizes.push(sizes.join(","));
    }
    for (const row of added.get("draft") ?? []) draftSizes.push(Buffer.byteLength(row));
  }
  // Only attributions that are right count as a leak; report them by rater for the message.
  const right = pairs.filter((pair) => {
    const [invitationId, rest] = pair.split(" → ");
    return raters[Number(rest!.split(" ")[0])]?.invitation.id === invitationId;
  });
  return { pairs: right, submissionSizes, draftSizes };
}

function rawFilesHold(copy: DatabaseCopy, marker: string): boolean {
  return [copy.main, copy.wal].some((bytes) => bytes.includes(Buffer.from(marker)));
}

it.skipIf(onPostgres)(
  "a copy of the database files taken under a long read transaction pairs no answer with its invitation",
  async () => {
    const fixture = await createCycleFixture(ctx.db, { invitations: 12 });
    const questionnaire = await loadQuestionnaire(ctx.db, fixture.snapshotId);
    const indicatorIds = questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id));
    const [firstCompetency, secondCompetency] = questionnaire.competencies;
    // Six colleagues, three per participant: one only starts (a draft), five answer, so each
    // participant's colleague group has at least two answers.
    const colleagues = fixture.invitations.filter((i) => i.relationship === "colleague");
    const [unanswered, ...answering] = colleagues;
    const raters: Rater[] = answering.map((invitation, index) => {
      const marker = `merkteken-${index}-${randomBytes(6).toString("hex")}`;
      const ratings = Object.fromEntries(
        indicatorIds.map((id, j) => [id, ((j * (index + 2) + index) % 5) + 1]),
      );
      // Comments of very different lengths, as real ones are.
      const long = "Werkt nauwkeurig en denkt mee. ".repeat(index * 12);
      const answers = cleanAnswers({
        ratings: Object.fromEntries(Object.entries(ratings).map(([id, s]) => [id, String(s)])),
        comments: { [firstCompetency!.id]: `${marker} ${long}` },
        general: { went_well: `Samen het project ${marker} afgerond.` },
      });
      return { index, invitation, marker, ratings, answers };
    });
    const unansweredMarker = `onaf-${randomBytes(6).toString("hex")}`;

    // Start from an empty log, then a reader that never lets go, as a replication tool would.
    await truncateWal(ctx.db);
    const reader = new SQLite(ctx.file);
    try {
      reader.exec("BEGIN");
      reader.prepare("SELECT count(*) FROM invitation").get();

      await saveDraft(
        ctx.db,
        unanswered!.id,
        cleanAnswers({ comments: { [secondCompetency!.id]: unansweredMarker } }),
      );
      for (const rater of raters) {
        // Half-way first (a draft with the same comment), then the whole questionnaire.
        await saveDraft(ctx.db, rater.invitation.id, {
          ...rater.answers,
          ratings: Object.fromEntries(Object.entries(rater.answers.ratings).slice(0, 10)),
        });
        const view = await findInvitationByToken(ctx.db, rater.invitation.token);
        expect(await submitResponse(ctx.db, view!, rater.answers)).toBe("submitted");
        // What the app schedules after a submission; the reader makes it fail.
        await truncateWal(ctx.db);
      }

      // A copy while the round collects answers.
      const during = copyDatabaseFiles(ctx.file, path.join(path.dirname(ctx.file), "during"));
      for (const rater of raters) {
        expect
          .soft(rawFilesHold(during, rater.marker), `answer ${rater.index} in plain text`)
          .toBe(false);
      }
      expect.soft(rawFilesHold(during, unansweredMarker), "a draft in plain text").toBe(false);
      const whileCollecting = attemptPairing(during, raters);
      expect.soft(whileCollecting.pairs, "paired while collecting").toEqual([]);
      expect(whileCollecting.submissionSizes).toHaveLength(raters.length);
      expect
        .soft(new Set(whileCollecting.submissionSizes).size, "submissions differ in size")
        .toBe(1);
      expect.soft(new Set(whileCollecting.draftSizes).size, "drafts differ in size").toBe(1);

      // The round closes (the reader still holds): the answers are published, in one batch.
      const closed = await closeCycle(ctx.db, {
        organisationId: fixture.organisationId,
        cycleId: fixture.cycleId,
        actorPersonId: null,
        confirmation: "close_before_deadline",
      });
      expect(closed.status).toBe("done");
      await truncateWal(ctx.db);

      const after = copyDatabaseFiles(ctx.file, path.join(path.dirname(ctx.file), "after"));
      const afterClose = attemptPairing(after, raters);
      expect.soft(afterClose.pairs, "paired after the close").toEqual([]);
      // The copy holds every answer now, published apart from the invitations that gave them…
      for (const rater of raters) expect(rawFilesHold(after, rater.marker)).toBe(true);
      const published = await ctx.db
        .selectFrom("response")
        .select(["id", "relationship"])
        .where("cycle_id", "=", fixture.cycleId)
        .execute();
      expect(published).toHaveLength(raters.length);
      // … and the unanswered draft is gone, not published.
      const drafts = await ctx.db.selectFrom("draft").selectAll().execute();
      expect(drafts).toEqual([]);
      const comments = await ctx.db.selectFrom("comment").select("text").execute();
      expect(comments.some((comment) => comment.text.includes(unansweredMarker))).toBe(false);
    } finally {
      reader.close();
    }
  },
);
