import { Migrator, sql } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import type { DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { migrationProvider } from "#db/migrations";
import type { Database } from "#db/schema";
import { FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from "../../support/constraint-errors";
import { createEmptyDatabase, createTestDatabase } from "../../support/database";
import { onPostgres } from "../../support/dialect";

// Written out so the type checker holds this list to db/schema.ts: a missing or extra table
// or column is a compile error, a difference with the migrations a test failure.
const COLUMNS: { [Table in keyof Database]: Record<keyof Database[Table], true> } = {
  organisation: {
    id: true,
    name: true,
    default_locale: true,
    retention_months: true,
    is_demo: true,
    demo_seed: true,
    created_at: true,
  },
  team: {
    id: true,
    organisation_id: true,
    name: true,
    parent_team_id: true,
    lead_person_id: true,
    created_at: true,
  },
  person: {
    id: true,
    organisation_id: true,
    employee_number: true,
    first_name: true,
    last_name: true,
    email: true,
    locale: true,
    job_title: true,
    team_id: true,
    profile_key: true,
    is_hr_admin: true,
    is_active: true,
    created_at: true,
    updated_at: true,
  },
  profile_snapshot: {
    id: true,
    organisation_id: true,
    profile_key: true,
    name: true,
    language: true,
    content_hash: true,
    not_applicable_label: true,
    created_at: true,
    version: true,
    description: true,
    created_by_person_id: true,
  },
  profile: {
    id: true,
    organisation_id: true,
    key: true,
    name: true,
    current_snapshot_id: true,
    retired_at: true,
    created_at: true,
    updated_at: true,
  },
  staged_profile_import: {
    id: true,
    organisation_id: true,
    created_by_person_id: true,
    file_name: true,
    name: true,
    content: true,
    created_at: true,
  },
  profile_scale_point: { snapshot_id: true, value: true, label: true },
  profile_cluster: { id: true, snapshot_id: true, key: true, name: true, position: true },
  profile_competency: {
    id: true,
    snapshot_id: true,
    cluster_id: true,
    key: true,
    name: true,
    description: true,
    is_organisation_wide: true,
    position: true,
  },
  profile_indicator: {
    id: true,
    snapshot_id: true,
    competency_id: true,
    key: true,
    text: true,
    position: true,
  },
  cycle: {
    id: true,
    organisation_id: true,
    name: true,
    profile_key: true,
    profile_snapshot_id: true,
    status: true,
    nomination_deadline: true,
    answer_deadline: true,
    min_group_size: true,
    manager_identifiable: true,
    lead_access: true,
    include_reports_group: true,
    colleague_min: true,
    colleague_max: true,
    customer_min: true,
    customer_max: true,
    report_min: true,
    report_max: true,
    reminder_days: true,
    mail_locale: true,
    thresholds_locked_at: true,
    launched_at: true,
    closed_at: true,
    released_at: true,
    created_by_person_id: true,
    created_at: true,
    updated_at: true,
  },
  participant: {
    id: true,
    cycle_id: true,
    person_id: true,
    manager_person_id: true,
    nomination_status: true,
    nominations_submitted_at: true,
    nominations_approved_at: true,
    nominations_approved_by_person_id: true,
    shared_with_lead_at: true,
    nomination_requested_at: true,
    report_notified_at: true,
    profile_key: true,
    profile_snapshot_id: true,
    created_at: true,
  },
  competency_score: {
    participant_id: true,
    cycle_id: true,
    competency_key: true,
    others_mean: true,
  },
  participant_team: { participant_id: true, cycle_id: true, team_id: true, depth: true },
  nomination: {
    id: true,
    participant_id: true,
    relationship: true,
    rater_person_id: true,
    rater_name: true,
    rater_email: true,
    status: true,
    proposed_by_person_id: true,
    decided_by_person_id: true,
    created_at: true,
    decided_at: true,
    legacy_duplicate: true,
  },
  invitation: {
    id: true,
    cycle_id: true,
    participant_id: true,
    relationship: true,
    rater_person_id: true,
    rater_name: true,
    rater_email: true,
    locale: true,
    token_hash: true,
    status: true,
    sent_at: true,
    reminder_count: true,
    last_reminded_at: true,
    declined_at: true,
    decline_reason: true,
    revoked_at: true,
    expires_at: true,
    created_at: true,
    legacy_duplicate: true,
  },
  draft: { invitation_id: true, answers: true, updated_at: true },
  sealed_answer: { id: true, cycle_id: true, sealed: true },
  response: {
    id: true,
    cycle_id: true,
    participant_id: true,
    relationship: true,
    submitted_on: true,
  },
  rating: { response_id: true, indicator_id: true, score: true },
  comment: { id: true, response_id: true, question: true, competency_id: true, text: true },
  report: {
    id: true,
    cycle_id: true,
    participant_id: true,
    format_version: true,
    content: true,
    computed_at: true,
  },
  session: { id: true, person_id: true, created_at: true, expires_at: true, last_seen_at: true },
  address_change: {
    id: true,
    organisation_id: true,
    person_id: true,
    old_email: true,
    new_email: true,
    token_hash: true,
    requested_by_person_id: true,
    requested_at: true,
    expires_at: true,
    confirmed_at: true,
    cancelled_at: true,
  },
  sign_in_token: {
    id: true,
    person_id: true,
    link_token_hash: true,
    code_hash: true,
    failed_attempts: true,
    created_at: true,
    expires_at: true,
    used_at: true,
    browser_hash: true,
  },
  rate_limit: { key: true, window_start: true, count: true },
  instance_secret: { name: true, value: true, created_at: true },
  email_outbox: {
    id: true,
    organisation_id: true,
    kind: true,
    to_address: true,
    to_name: true,
    locale: true,
    subject: true,
    text_body: true,
    html_body: true,
    status: true,
    attempts: true,
    next_attempt_at: true,
    last_error: true,
    created_at: true,
    sent_at: true,
    reference: true,
  },
  email_outbox_invitation: { outbox_id: true, invitation_id: true },
  audit_log: {
    id: true,
    organisation_id: true,
    actor_person_id: true,
    action: true,
    subject_type: true,
    subject_id: true,
    details: true,
    created_at: true,
  },
  staged_import: {
    id: true,
    organisation_id: true,
    created_by_person_id: true,
    file_name: true,
    content: true,
    created_at: true,
  },
};

async function migratedDatabase(): Promise<DB> {
  const { db, cleanup } = await createTestDatabase();
  onTestFinished(cleanup);
  return db;
}

/** The tables `table`'s foreign keys point to. */
async function referencedTables(db: DB, table: string): Promise<string[]> {
  const { rows } = onPostgres
    ? await sql<{ table: string }>`select confrelid::regclass::text as "table" from pg_constraint
        where contype = 'f' and conrelid = ${table}::regclass`.execute(db)
    : await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(
        db,
      );
  return rows.map((row) => row.table).sort();
}

async function tableColumns(db: DB): Promise<Map<string, string[]>> {
  const tables = await db.introspection.getTables();
  return new Map(
    tables.map((table) => [table.name, table.columns.map((column) => column.name).sort()]),
  );
}

describe("migrations", () => {
  it("create every table of db/schema.ts with exactly its columns, starting from empty", async () => {
    const db = await createEmptyDatabase();
    expect(await tableColumns(db)).toEqual(new Map());

    const applied = await migrateToLatest(db);

    expect(applied).toEqual([
      "0001-initial",
      "0002-accounts",
      "0003-report-indexes",
      "0004-rounds",
      "0005-team-profiles",
      "0006-one-voice",
      "0007-mail-references",
      "0009-sealed-answers",
      "0010-address-changes",
      "0011-sign-in-binding",
      "0012-address-index",
      "0013-profile-library",
      "0014-profiles-per-person",
      "0015-postgres-precision",
    ]);
    const expected = new Map(
      Object.entries(COLUMNS).map(([table, columns]) => [table, Object.keys(columns).sort()]),
    );
    expect(await tableColumns(db)).toEqual(expected);
  });

  // SQLite's settings of each connection; PostgreSQL always enforces foreign keys (the test
  // of an orphan row below) and has no journal mode to choose.
  it.skipIf(onPostgres)("turn on foreign keys and write-ahead logging", async () => {
    const db = await migratedDatabase();

    const foreignKeys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    const journal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db);

    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
    expect(journal.rows[0]?.journal_mode).toBe("wal");
  });

  it("do nothing when run a second time", async () => {
    const db = await migratedDatabase();
    const before = await tableColumns(db);

    const applied = await migrateToLatest(db);

    expect(applied).toEqual([]);
    expect(await tableColumns(db)).toEqual(before);
  });

  it("store responses without anything that links them to an invitation or rater", async () => {
    const db = await migratedDatabase();

    const columns = (await tableColumns(db)).get("response");

    expect(columns).toEqual(["cycle_id", "id", "participant_id", "relationship", "submitted_on"]);
    expect(await referencedTables(db, "response")).toEqual(["cycle", "participant"]);
  });

  it("refuse a row whose foreign key points nowhere", async () => {
    const db = await migratedDatabase();

    const insertOrphan = db
      .insertInto("team")
      .values({
        id: "team-1",
        organisation_id: "no-such-organisation",
        name: "Zwevend team",
        created_at: new Date().toISOString(),
      })
      .execute();

    await expect(insertOrphan).rejects.toThrow(FOREIGN_KEY_VIOLATION);
    expect(await db.selectFrom("team").selectAll().execute()).toEqual([]);
  });
});

// A rowid is SQLite's: PostgreSQL tables have none (where rows lie in PostgreSQL's own files
// is a question of its at-rest test, not of the schema).
describe.skipIf(onPostgres)("answer tables", () => {
  it("are stored WITHOUT ROWID on SQLite, so no hidden column records the arrival order", async () => {
    const { db, cleanup } = await createTestDatabase();
    try {
      const { rows } = await sql<{ name: string; wr: number }>`pragma table_list`.execute(db);
      const withoutRowid = rows.filter((row) => row.wr === 1).map((row) => row.name);
      expect(withoutRowid.sort()).toEqual(["comment", "rating", "response", "sealed_answer"]);
    } finally {
      await cleanup();
    }
  });
});

describe("migration 0005-team-profiles", () => {
  it("fills competency_score and participant_team for the reports released before it", async () => {
    const db = await createEmptyDatabase();
    const migrator = new Migrator({ db, provider: migrationProvider });
    const before = await migrator.migrateTo("0004-rounds");
    expect(before.error).toBeUndefined();
    const at = "2030-01-01T00:00:00.000Z";
    await db
      .insertInto("organisation")
      .values({ id: "org", name: "Gemeente", created_at: at })
      .execute();
    const team = (id: string, parent: string | null) => ({
      id,
      organisation_id: "org",
      name: id,
      parent_team_id: parent,
      created_at: at,
    });
    await db
      .insertInto("team")
      .values([
        team("department", null),
        team("team", "department"),
        team("loop-a", null),
        team("loop-b", "loop-a"),
      ])
      .execute();
    // A loop in the parent links: loop-a → loop-b → loop-a.
    await db
      .updateTable("team")
      .set({ parent_team_id: "loop-b" })
      .where("id", "=", "loop-a")
      .execute();
    const person = (id: string, teamId: string | null) => ({
      id,
      organisation_id: "org",
      first_name: id,
      last_name: "Test",
      email: `${id}@example.test`,
      team_id: teamId,
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto("person")
      .values([
        person("in-team", "team"),
        person("in-loop", "loop-a"),
        person("no-team", null),
        person("no-report", "team"),
      ])
      .execute();
    await db
      .insertInto("cycle")
      .values([
        {
          id: "released",
          organisation_id: "org",
          name: "Voorjaar",
          profile_key: "p",
          status: "released",
          released_at: at,
          created_at: at,
          updated_at: at,
        },
      ])
      .execute();
    await db
      .insertInto("participant")
      .values(
        ["in-team", "in-loop", "no-team", "no-report"].map((personId) => ({
          id: `p-${personId}`,
          cycle_id: "released",
          person_id: personId,
          created_at: at,
        })),
      )
      .execute();
    const content = (means: Record<string, number | null>) =>
      JSON.stringify({
        competencies: Object.entries(means).map(([key, mean]) => ({
          key,
          figures: { others: mean === null ? null : { mean, raters: 4 } },
        })),
      });
    await db
      .insertInto("report")
      .values(
        [
          ["in-team", content({ a: 3.25, b: null, c: 4 })],
          ["in-loop", content({ a: 2.5 })],
          ["no-team", content({ a: null, b: 1.75 })],
        ].map(([personId, json]) => ({
          id: `r-${personId}`,
          cycle_id: "released",
          participant_id: `p-${personId}`,
          format_version: 1,
          content: json!,
          computed_at: at,
        })),
      )
      .execute();

    const after = await migrator.migrateToLatest();
    expect(after.error).toBeUndefined();
    // 0005 first; the migrations after it (whatever they are) follow.
    expect(after.results?.[0]?.migrationName).toBe("0005-team-profiles");

    const scores = await db
      .selectFrom("competency_score")
      .selectAll()
      .orderBy("participant_id")
      .orderBy("competency_key")
      .execute();
    expect(scores).toEqual([
      { participant_id: "p-in-loop", cycle_id: "released", competency_key: "a", others_mean: 2.5 },
      { participant_id: "p-in-team", cycle_id: "released", competency_key: "a", others_mean: 3.25 },
      { participant_id: "p-in-team", cycle_id: "released", competency_key: "c", others_mean: 4 },
      { participant_id: "p-no-team", cycle_id: "released", competency_key: "b", others_mean: 1.75 },
    ]);
    const memberships = await db
      .selectFrom("participant_team")
      .selectAll()
      .orderBy("participant_id")
      .orderBy("depth")
      .execute();
    expect(memberships).toEqual([
      { participant_id: "p-in-loop", cycle_id: "released", team_id: "loop-a", depth: 0 },
      { participant_id: "p-in-loop", cycle_id: "released", team_id: "loop-b", depth: 1 },
      { participant_id: "p-in-team", cycle_id: "released", team_id: "team", depth: 0 },
      { participant_id: "p-in-team", cycle_id: "released", team_id: "department", depth: 1 },
    ]);

    // down() removes both tables again (with every later migration undone before it); up()
    // then backfills the same rows.
    const down = await migrator.migrateTo("0004-rounds");
    expect(down.error).toBeUndefined();
    const tables = await tableColumns(db);
    expect(tables.has("competency_score")).toBe(false);
    expect(tables.has("participant_team")).toBe(false);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await db.selectFrom("competency_score").selectAll().execute()).toHaveLength(4);
    expect(await db.selectFrom("participant_team").selectAll().execute()).toHaveLength(4);
  });

  it("refuse a second score for the same competency, and drop the rows with their participant", async () => {
    const db = await migratedDatabase();
    const at = "2030-01-01T00:00:00.000Z";
    await db.insertInto("organisation").values({ id: "org", name: "G", created_at: at }).execute();
    await db
      .insertInto("team")
      .values({ id: "t", organisation_id: "org", name: "T", created_at: at })
      .execute();
    await db
      .insertInto("person")
      .values({
        id: "x",
        organisation_id: "org",
        first_name: "X",
        last_name: "Y",
        email: "x@example.test",
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto("cycle")
      .values({
        id: "c",
        organisation_id: "org",
        name: "C",
        profile_key: "p",
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto("participant")
      .values({ id: "p", cycle_id: "c", person_id: "x", created_at: at })
      .execute();
    await db
      .insertInto("competency_score")
      .values({ participant_id: "p", cycle_id: "c", competency_key: "a", others_mean: 3 })
      .execute();
    await db
      .insertInto("participant_team")
      .values({ participant_id: "p", cycle_id: "c", team_id: "t", depth: 0 })
      .execute();
    const duplicate = db
      .insertInto("competency_score")
      .values({ participant_id: "p", cycle_id: "c", competency_key: "a", others_mean: 4 })
      .execute();
    await expect(duplicate).rejects.toThrow(UNIQUE_VIOLATION);

    await db.deleteFrom("participant").execute();

    expect(await db.selectFrom("competency_score").selectAll().execute()).toEqual([]);
    expect(await db.selectFrom("participant_team").selectAll().execute()).toEqual([]);
  });
});
