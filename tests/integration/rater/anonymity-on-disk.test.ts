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
import { createCollectingCycle } from "../../fixtures/collecting-cycle";
import { createTestDatabase } from "../../setup/test-database";

const ctx = await createTestDatabase();
afterAll(() => ctx.cleanup());

function fileHolds(marker: string): boolean {
  return [ctx.file, `${ctx.file}-wal`].some(
    (file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(marker)),
  );
}

it("leaves no readable trace of a submitted draft, or its invitation link, in the database files", async () => {
  const fixture = await createCollectingCycle(ctx.db, { invitations: 6 });
  const [first, second] = fixture.invitations;
  const questionnaire = await loadQuestionnaire(ctx.db, fixture.snapshotId);
  const ratings = Object.fromEntries(
    questionnaire.competencies.flatMap((c) => c.indicators.map((i) => [i.id, "4"])),
  );

  const draftMarker = "conceptmarkering-9f3a2c";
  const submitted = await findInvitationByToken(ctx.db, first!.token);
  await saveDraft(ctx.db, first!.id, cleanAnswers({ general: { went_well: draftMarker } }));
  await truncateWal(ctx.db);
  expect(fileHolds(draftMarker)).toBe(true); // the probe finds a draft while it exists

  await submitResponse(ctx.db, submitted!, cleanAnswers({ ratings }));
  await truncateWal(ctx.db);
  expect(fileHolds(draftMarker)).toBe(false);

  const declineMarker = "afzegmarkering-41b7e0";
  await saveDraft(ctx.db, second!.id, cleanAnswers({ general: { went_well: declineMarker } }));
  await declineInvitation(ctx.db, second!.id, null);
  await truncateWal(ctx.db);
  expect(fileHolds(declineMarker)).toBe(false);
});
