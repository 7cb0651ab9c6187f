import fs from "node:fs";
import { afterAll, expect, it } from "vitest";
import { truncateWal } from "#db/wal";
import {
  cleanAnswers,
  declineInvitation,
  findInvitationByToken,
  saveDraft,
  submitResponse,
} from "~/rater/invitation.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { createCycleFixture } from "../../support/fixtures/cycle";
import { createTestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";

// SQLite's files (the database and its write-ahead log), read as bytes. PostgreSQL keeps its
// own files in its own way: rater/anonymity-at-rest-postgres.test.ts is their counterpart.
const ctx = await createTestDatabase();
afterAll(() => ctx.cleanup());

function fileHolds(text: string): boolean {
  return [ctx.file, `${ctx.file}-wal`].some(
    (file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text)),
  );
}

/** The start of a stored draft (a long one spans pages, so only its start is contiguous). */
async function storedDraft(invitationId: string): Promise<string> {
  const row = await ctx.db
    .selectFrom("draft")
    .select("answers")
    .where("invitation_id", "=", invitationId)
    .executeTakeFirstOrThrow();
  return row.answers.slice(0, 64);
}

it.skipIf(onPostgres)(
  "keeps drafts unreadable in the database files, and leaves no trace of them once submitted or declined",
  async () => {
    const fixture = await createCycleFixture(ctx.db, { invitations: 6 });
    const [first, second] = fixture.invitations;
    const questionnaire = await loadQuestionnaire(ctx.db, fixture.snapshotId);
    const ratings = Object.fromEntries(
      questionnaire.competencies.flatMap((c) => c.indicators.map((i) => [i.id, "4"])),
    );

    const draftMarker = "conceptmarkering-9f3a2c";
    const submitted = await findInvitationByToken(ctx.db, first!.token);
    await saveDraft(ctx.db, first!.id, cleanAnswers({ general: { went_well: draftMarker } }));
    await truncateWal(ctx.db);
    // The draft is on disk, sealed: the probe finds the stored text, not the answer in it.
    const sealedDraft = await storedDraft(first!.id);
    expect(fileHolds(sealedDraft)).toBe(true);
    expect(fileHolds(draftMarker)).toBe(false);

    await submitResponse(ctx.db, submitted!, cleanAnswers({ ratings }));
    await truncateWal(ctx.db);
    expect(fileHolds(sealedDraft)).toBe(false);
    expect(fileHolds(draftMarker)).toBe(false);

    const declineMarker = "afzegmarkering-41b7e0";
    await saveDraft(ctx.db, second!.id, cleanAnswers({ general: { went_well: declineMarker } }));
    const declinedDraft = await storedDraft(second!.id);
    await declineInvitation(ctx.db, second!.id, null);
    await truncateWal(ctx.db);
    expect(fileHolds(declinedDraft)).toBe(false);
    expect(fileHolds(declineMarker)).toBe(false);
  },
);
