import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "#db/database";
import { cleanUpAnswersAtRest } from "#db/postgres-at-rest";
import {
  cleanAnswers,
  declineInvitation,
  findInvitationByToken,
  saveDraft,
  submitResponse,
} from "~/rater/invitation.server";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { createCycleFixture, type CycleFixture } from "../../support/fixtures/cycle";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";
import { closeBeforeDeadline } from "./helpers";

// The PostgreSQL counterpart of anonymity-on-disk.test.ts and copy-under-a-reader.test.ts:
// what the server's files and a reader of its tables (system columns included) can tell about
// answers. It plays the one with a base backup: it reads the database's files on disk after a
// checkpoint, and every row's xmin (the transaction that wrote it) and ctid (its place).

describe.skipIf(!onPostgres)("answers at rest on PostgreSQL", () => {
  let ctx: TestDatabase;
  beforeAll(async () => {
    ctx = await createTestDatabase();
  });
  afterAll(() => ctx.cleanup());

  /** Every file of this database on disk (tables, their TOAST, indexes), after a checkpoint. */
  async function databaseFiles(db: DB): Promise<string[]> {
    await sql`checkpoint`.execute(db);
    const { rows } = await sql<{ dir: string; oid: number }>`
      select current_setting('data_directory') as dir, oid from pg_database
      where datname = current_database()
    `.execute(db);
    const folder = path.join(rows[0]!.dir, "base", String(rows[0]!.oid));
    return fs.readdirSync(folder).map((name) => path.join(folder, name));
  }

  async function filesHold(db: DB, text: string): Promise<boolean> {
    const needle = Buffer.from(text);
    return (await databaseFiles(db)).some((file) => fs.readFileSync(file).includes(needle));
  }

  async function storedDraft(db: DB, invitationId: string): Promise<string> {
    const row = await db
      .selectFrom("draft")
      .select("answers")
      .where("invitation_id", "=", invitationId)
      .executeTakeFirstOrThrow();
    // A sealed draft is stored out of line (TOAST) in chunks of about 2 kB: its start is
    // contiguous on disk.
    return row.answers.slice(0, 64);
  }

  async function ratingsFor(fixture: CycleFixture) {
    const questionnaire = await loadQuestionnaire(ctx.db, fixture.snapshotId);
    return Object.fromEntries(
      questionnaire.competencies.flatMap((c) => c.indicators.map((i) => [i.id, "4"])),
    );
  }

  type Versioned = { id: string; xmin: string; ctid: string };

  async function sealedRows(db: DB, cycleId: string): Promise<Versioned[]> {
    const { rows } = await sql<Versioned>`
      select id, xmin::text as xmin, ctid::text as ctid from sealed_answer
      where cycle_id = ${cycleId} order by ctid
    `.execute(db);
    return rows;
  }

  async function invitationXmins(db: DB, ids: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await sql<{ id: string; xmin: string }>`
      select id, xmin::text as xmin from invitation where id in (${sql.join(ids)})
    `.execute(db);
    return new Map(rows.map((row) => [row.id, row.xmin]));
  }

  it("keeps drafts sealed in the files, and leaves no trace of them once submitted or declined", async () => {
    const { db } = ctx;
    const fixture = await createCycleFixture(db, { invitations: 6 });
    const [first, second, third] = fixture.invitations;
    const draftMarker = "conceptmarkering-pg-9f3a2c";
    await saveDraft(db, first!.id, cleanAnswers({ general: { went_well: draftMarker } }));
    const sealedDraft = await storedDraft(db, first!.id);
    // A draft saved later and kept: the deleted ones' pages are then not at the end of the
    // table, where a plain vacuum would cut them off.
    await saveDraft(db, third!.id, cleanAnswers({ general: { went_well: "blijft" } }));
    // The probe finds the stored (sealed) text, never the answer in it.
    expect(await filesHold(db, sealedDraft)).toBe(true);
    expect(await filesHold(db, draftMarker)).toBe(false);

    const invitation = await findInvitationByToken(db, first!.token);
    await submitResponse(db, invitation!, cleanAnswers({ ratings: await ratingsFor(fixture) }));
    // Deleted, but the row version is still in the table's pages until the cleanup.
    expect(await filesHold(db, sealedDraft)).toBe(true);
    await cleanUpAnswersAtRest(db, { force: true });
    expect(await filesHold(db, sealedDraft)).toBe(false);

    const declineMarker = "afzegmarkering-pg-41b7e0";
    await saveDraft(db, second!.id, cleanAnswers({ general: { went_well: declineMarker } }));
    const declinedDraft = await storedDraft(db, second!.id);
    await saveDraft(db, third!.id, cleanAnswers({ general: { went_well: "blijft nog" } }));
    await declineInvitation(db, second!.id, null);
    await cleanUpAnswersAtRest(db, { force: true });
    expect(await filesHold(db, declinedDraft)).toBe(false);
    expect(await filesHold(db, declineMarker)).toBe(false);
  });

  it("pairs no waiting answer with its invitation through transaction ids, and keeps no arrival order", async () => {
    const { db } = ctx;
    const fixture = await createCycleFixture(db, { invitations: 12 });
    const ratings = await ratingsFor(fixture);
    const raters = fixture.invitations.slice(0, 8);
    for (const rater of raters) {
      const invitation = await findInvitationByToken(db, rater.token);
      await submitResponse(db, invitation!, cleanAnswers({ ratings }));
    }
    const invitationIds = raters.map((rater) => rater.id);

    // The attack, before the cleanup: each sealed answer shares its xmin with exactly one
    // submitted invitation, and the table's order is the order of arrival.
    const before = await sealedRows(db, fixture.cycleId);
    const submittedIn = await invitationXmins(db, invitationIds);
    expect(before).toHaveLength(8);
    const paired = before.map((row) =>
      invitationIds.find((id) => submittedIn.get(id) === row.xmin),
    );
    expect(paired).toEqual(invitationIds);

    const cleanup = await cleanUpAnswersAtRest(db);
    expect(cleanup).toMatchObject({ ran: true, moved: 8, vacuumed: true });

    const after = await sealedRows(db, fixture.cycleId);
    expect(after).toHaveLength(8);
    // One transaction wrote them all, and it is none of the submissions.
    expect(new Set(after.map((row) => row.xmin)).size).toBe(1);
    expect([...submittedIn.values()]).not.toContain(after[0]!.xmin);
    // New ids: nothing from before the move points at them.
    const oldIds = new Set(before.map((row) => row.id));
    expect(after.filter((row) => oldIds.has(row.id))).toEqual([]);
    // Nothing left to do until another answer comes in.
    expect(await cleanUpAnswersAtRest(db)).toMatchObject({ ran: true, moved: 0 });

    // At the close, the published responses share one transaction too.
    await closeBeforeDeadline(db, fixture);
    const { rows: published } = await sql<{ xmin: string }>`
      select distinct xmin::text as xmin from response where cycle_id = ${fixture.cycleId}
    `.execute(db);
    expect(published).toHaveLength(1);
    expect(await sealedRows(db, fixture.cycleId)).toEqual([]);
  });

  it("lets only one instance clean up at a time", async () => {
    const { db } = ctx;
    const [a, b] = await Promise.all([
      cleanUpAnswersAtRest(db, { force: true }),
      cleanUpAnswersAtRest(db, { force: true }),
    ]);
    expect([a.ran, b.ran].filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const fixture = await createCycleFixture(db, { invitations: 6 });
    for (const rater of fixture.invitations.slice(0, 2)) {
      const invitation = await findInvitationByToken(db, rater.token);
      await submitResponse(db, invitation!, cleanAnswers({ ratings: await ratingsFor(fixture) }));
    }
    const [c, d] = await Promise.all([cleanUpAnswersAtRest(db), cleanUpAnswersAtRest(db)]);
    // Whichever ran moved both answers; the other found nothing to do or did not run.
    expect(c.moved + d.moved).toBe(2);
  });
});
