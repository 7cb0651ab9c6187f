import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerSealKey, SEAL_KEY_ENV, sealKeyFileFor } from "#db/answer-seal";
import { createDatabase } from "#db/database";
import { truncateWal } from "#db/wal";
import { closeCycle, closeOverdueCycles } from "~/cycles/lifecycle.server";
import { revokeInvitation } from "~/invitations/revoke.server";
import {
  cleanAnswers,
  findInvitationByToken,
  loadDraft,
  saveDraft,
  submitResponse,
} from "~/rater/invitation.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { countSealedAnswers } from "~/rater/sealed-answers.server";
import { createCycleFixture, type FixtureInvitation } from "../../support/fixtures/cycle";
import { createTestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";

const ctx = await createTestDatabase();
afterAll(() => ctx.cleanup());

function filesHold(text: string): boolean {
  return [ctx.file, `${ctx.file}-wal`].some(
    (file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text)),
  );
}

/**
 * Checks that none of `texts` is left in the SQLite files once the write-ahead log is
 * truncated. On PostgreSQL the test has no files of its own to read: what the server's files
 * keep is the subject of anonymity-at-rest-postgres.test.ts.
 */
async function expectGoneFromFiles(texts: readonly string[]): Promise<void> {
  if (onPostgres) return;
  await truncateWal(ctx.db);
  for (const text of texts) expect(filesHold(text)).toBe(false);
}

async function draftsOf(invitations: readonly FixtureInvitation[]) {
  return ctx.db
    .selectFrom("draft")
    .select(["invitation_id", "answers"])
    .where(
      "invitation_id",
      "in",
      invitations.map((invitation) => invitation.id),
    )
    .execute();
}

/** A collecting round with a draft on every invitation, and one of them submitted. */
async function cycleWithDrafts(marker: string) {
  const fixture = await createCycleFixture(ctx.db, { invitations: 6 });
  const questionnaire = await loadQuestionnaire(ctx.db, fixture.snapshotId);
  const ratings = Object.fromEntries(
    questionnaire.competencies.flatMap((c) => c.indicators.map((i) => [i.id, "3"])),
  );
  for (const invitation of fixture.invitations) {
    const saved = await saveDraft(
      ctx.db,
      invitation.id,
      cleanAnswers({ general: { could_improve: `${marker} ${invitation.id}` } }),
    );
    expect(saved).toBe(true);
  }
  const [answering] = fixture.invitations;
  const view = await findInvitationByToken(ctx.db, answering!.token);
  expect(await submitResponse(ctx.db, view!, cleanAnswers({ ratings }))).toBe("submitted");
  return { fixture, unanswered: fixture.invitations.slice(1) };
}

describe("drafts at rest", () => {
  it("are deleted, unpublished, when HR closes the round; the answers are published", async () => {
    const { fixture, unanswered } = await cycleWithDrafts("handsluiting");
    expect(await draftsOf(unanswered)).toHaveLength(5);
    const stored = (await draftsOf(unanswered)).map((row) => row.answers.slice(0, 64));

    const outcome = await closeCycle(ctx.db, {
      organisationId: fixture.organisationId,
      cycleId: fixture.cycleId,
      actorPersonId: null,
      confirmation: "close_before_deadline",
    });
    expect(outcome.status).toBe("done");
    expect(await draftsOf(unanswered)).toEqual([]);
    await expectGoneFromFiles(stored);

    expect(await countSealedAnswers(ctx.db, fixture.cycleId)).toBe(0);
    const responses = await ctx.db
      .selectFrom("response")
      .select("id")
      .where("cycle_id", "=", fixture.cycleId)
      .execute();
    expect(responses).toHaveLength(1);
    const comments = await ctx.db.selectFrom("comment").select("text").execute();
    expect(comments.filter((comment) => comment.text.includes("handsluiting"))).toEqual([]);

    // An autosave that arrives after the close brings no draft back.
    const late = unanswered[0]!;
    expect(await saveDraft(ctx.db, late.id, cleanAnswers({ general: { went_well: "laat" } }))).toBe(
      false,
    );
    expect(await draftsOf([late])).toEqual([]);
  });

  it("are deleted, and the answers published, when the clock closes the round after its deadline", async () => {
    const { fixture, unanswered } = await cycleWithDrafts("klok");
    const cycle = await ctx.db
      .selectFrom("cycle")
      .select("answer_deadline")
      .where("id", "=", fixture.cycleId)
      .executeTakeFirstOrThrow();
    const dayAfterDeadline = new Date(`${cycle.answer_deadline}T12:00:00.000Z`);
    dayAfterDeadline.setUTCDate(dayAfterDeadline.getUTCDate() + 1);

    expect(await closeOverdueCycles(ctx.db, dayAfterDeadline)).toBeGreaterThanOrEqual(1);
    expect(await draftsOf(unanswered)).toEqual([]);
    expect(await countSealedAnswers(ctx.db, fixture.cycleId)).toBe(0);
    const responses = await ctx.db
      .selectFrom("response")
      .select(["id", "submitted_on"])
      .where("cycle_id", "=", fixture.cycleId)
      .execute();
    // The only date a published answer keeps is the day the round closed.
    expect(responses).toEqual([
      { id: expect.any(String), submitted_on: dayAfterDeadline.toISOString().slice(0, 10) },
    ]);
  });

  it("is deleted when HR withdraws the invitation", async () => {
    const fixture = await createCycleFixture(ctx.db, { invitations: 6 });
    const [invitation] = fixture.invitations;
    await saveDraft(
      ctx.db,
      invitation!.id,
      cleanAnswers({ general: { went_well: "ingetrokken" } }),
    );
    const stored = (await draftsOf([invitation!]))[0]!.answers.slice(0, 64);
    const hr = await ctx.db
      .insertInto("person")
      .values({
        id: `hr-${invitation!.id}`,
        organisation_id: fixture.organisationId,
        first_name: "Hanna",
        last_name: "Rens",
        email: `hr-${invitation!.id}@testdam.example`,
        is_hr_admin: 1,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    const revoked = await revokeInvitation(ctx.db, {
      organisationId: fixture.organisationId,
      cycleId: fixture.cycleId,
      participantId: invitation!.participantId,
      invitationId: invitation!.id,
      actorPersonId: hr.id,
    });
    expect(revoked).toBe(true);
    expect(await draftsOf([invitation!])).toEqual([]);
    await expectGoneFromFiles([stored]);
  });

  it("opens only for its own invitation: a sealed draft moved to another invitation reads as none", async () => {
    const fixture = await createCycleFixture(ctx.db, { invitations: 6 });
    const [a, b] = fixture.invitations;
    await saveDraft(ctx.db, a!.id, cleanAnswers({ general: { went_well: "van a" } }));
    expect((await loadDraft(ctx.db, a!.id))?.general).toEqual({ went_well: "van a" });
    const [sealed] = await draftsOf([a!]);
    await ctx.db
      .insertInto("draft")
      .values({ invitation_id: b!.id, answers: sealed!.answers, updated_at: "2030-01-01" })
      .execute();
    expect(await loadDraft(ctx.db, b!.id)).toBeNull();
  });

  it("still reads a draft saved as plain JSON before sealing, and seals it at the next save", async () => {
    const fixture = await createCycleFixture(ctx.db, { invitations: 6 });
    const [invitation] = fixture.invitations;
    const legacy = JSON.stringify({ ratings: {}, comments: {}, general: { went_well: "oud" } });
    await ctx.db
      .insertInto("draft")
      .values({ invitation_id: invitation!.id, answers: legacy, updated_at: "2030-01-01" })
      .execute();
    expect((await loadDraft(ctx.db, invitation!.id))?.general).toEqual({ went_well: "oud" });
    await saveDraft(ctx.db, invitation!.id, cleanAnswers({ general: { went_well: "nieuw" } }));
    const [stored] = await draftsOf([invitation!]);
    expect(stored!.answers).not.toContain("nieuw");
    expect((await loadDraft(ctx.db, invitation!.id))?.general).toEqual({ went_well: "nieuw" });
  });
});

describe("the seal key", () => {
  // A key file is SQLite's: on PostgreSQL the key only ever comes from configuration.
  it.skipIf(onPostgres)(
    "lives next to the database in a file only its owner may read, never in the database files",
    async () => {
      const key = await answerSealKey(ctx.db, {});
      const keyFile = sealKeyFileFor(ctx.file);
      expect(path.dirname(keyFile)).toBe(path.dirname(ctx.file));
      expect(keyFile.startsWith(ctx.file)).toBe(false);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(Buffer.from(fs.readFileSync(keyFile, "utf8").trim(), "base64")).toEqual(key);
      await truncateWal(ctx.db);
      for (const encoding of ["base64", "base64url", "hex"] as const) {
        expect(filesHold(key.toString(encoding))).toBe(false);
      }
      expect(filesHold(key.toString("latin1"))).toBe(false);
    },
  );

  it("is refused when it does not belong to the database, instead of sealing with a new one", async () => {
    // The database has sealed drafts and answers with its key by now (its key file's on
    // SQLite, the configured one on PostgreSQL).
    const otherKey = Buffer.alloc(32, 8);
    expect(await answerSealKey(ctx.db)).not.toEqual(otherKey);
    const other = { [SEAL_KEY_ENV]: otherKey.toString("base64") };
    await expect(answerSealKey(ctx.db, other)).rejects.toThrow(/hoort niet bij deze database/);
    await expect(answerSealKey(ctx.db, { [SEAL_KEY_ENV]: "te-kort" })).rejects.toThrow(
      /geen geldige sleutel/,
    );
  });

  it("comes from ANSWER_SEAL_KEY when set, for a database that has not sealed anything yet; another key is refused then", async () => {
    const { db, cleanup } = await createTestDatabase();
    try {
      const configured = Buffer.alloc(32, 9);
      expect(await answerSealKey(db, { [SEAL_KEY_ENV]: configured.toString("hex") })).toEqual(
        configured,
      );
      const another = { [SEAL_KEY_ENV]: Buffer.alloc(32, 10).toString("hex") };
      await expect(answerSealKey(db, another)).rejects.toThrow(/hoort niet bij deze database/);
    } finally {
      await cleanup();
    }
  });

  // The key file next to the database is SQLite's (see above).
  it.skipIf(onPostgres)(
    "comes from ANSWER_SEAL_KEY without making a key file, which is refused afterwards",
    async () => {
      const { db, file, cleanup } = await createTestDatabase();
      try {
        const configured = Buffer.alloc(32, 9);
        const env = { [SEAL_KEY_ENV]: configured.toString("hex") };
        expect(await answerSealKey(db, env)).toEqual(configured);
        expect(fs.existsSync(sealKeyFileFor(file))).toBe(false);
        // The same database opened again, with the key file now created by default: refused.
        const again = createDatabase(`file:${file}`);
        try {
          await expect(answerSealKey(again, {})).rejects.toThrow(/hoort niet bij deze database/);
        } finally {
          await again.destroy();
        }
      } finally {
        await cleanup();
      }
    },
  );
});
