import type { Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A CSV import between its preview and its application: the file is kept here so the
  // "apply" form does not carry it back and forth, and so apply sees exactly what was previewed.
  await db.schema
    .createTable("staged_import")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("organisation.id").onDelete("cascade"),
    )
    .addColumn("created_by_person_id", "text", (c) =>
      c.references("person.id").onDelete("set null"),
    )
    .addColumn("file_name", "text")
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // When the participant was told that their report is ready (once per participation).
  await db.schema.alterTable("participant").addColumn("report_notified_at", "text").execute();
  // When the participant was asked to nominate raters (once per participation).
  await db.schema.alterTable("participant").addColumn("nomination_requested_at", "text").execute();

  await db.schema.createIndex("cycle_status_idx").on("cycle").column("status").execute();
  await db.schema
    .createIndex("invitation_cycle_status_idx")
    .on("invitation")
    .columns(["cycle_id", "status"])
    .execute();
  await db.schema.createIndex("team_parent_idx").on("team").column("parent_team_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("team_parent_idx").execute();
  await db.schema.dropIndex("invitation_cycle_status_idx").execute();
  await db.schema.dropIndex("cycle_status_idx").execute();
  await db.schema.alterTable("participant").dropColumn("nomination_requested_at").execute();
  await db.schema.alterTable("participant").dropColumn("report_notified_at").execute();
  await db.schema.dropTable("staged_import").execute();
}
