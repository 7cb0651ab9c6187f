import { sql, SqliteAdapter, type CreateTableBuilder, type Kysely } from "kysely";

// Frozen: never edit a migration that has landed; add a new one instead.
// Only Kysely's schema builder, so the same schema runs on SQLite and PostgreSQL.
// Ids are application-generated random strings; timestamps are ISO-8601 text (UTC);
// flags are integers 0/1; dates (days) are 'YYYY-MM-DD' text.

/**
 * On SQLite, tables of answers are stored WITHOUT ROWID: an ordinary table's hidden rowid
 * would record the order in which answers arrived, which could help link them to raters.
 */
function withoutRowid<T extends string, C extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return isSqlite ? table.modifyEnd(sql`without rowid`) : table;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("default_locale", "text", (c) => c.notNull().defaultTo("nl"))
    .addColumn("retention_months", "integer", (c) => c.notNull().defaultTo(24))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo_seed", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("team")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_team_id", "text", (c) => c.references("team.id").onDelete("set null"))
    .addColumn("lead_person_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("team_name_unique", ["organisation_id", "name"])
    .execute();

  await db.schema
    .createTable("person")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("employee_number", "text")
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("nl"))
    .addColumn("job_title", "text")
    .addColumn("team_id", "text", (c) => c.references("team.id").onDelete("set null"))
    .addColumn("is_hr_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("person_email_unique", ["organisation_id", "email"])
    .addUniqueConstraint("person_employee_number_unique", ["organisation_id", "employee_number"])
    .execute();
  await db.schema.createIndex("person_team_idx").on("person").column("team_id").execute();

  // Profile snapshots: a cycle's profile frozen at launch. `key` columns are the stable ids
  // from surveys/ (compare across cycles by key); the row ids are what answers refer to.
  await db.schema
    .createTable("profile_snapshot")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("profile_key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("not_applicable_label", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("profile_snapshot_content_unique", [
      "organisation_id",
      "profile_key",
      "content_hash",
    ])
    .execute();

  await db.schema
    .createTable("profile_scale_point")
    .addColumn("snapshot_id", "text", (c) =>
      c.notNull().references("profile_snapshot.id").onDelete("cascade"),
    )
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("profile_scale_point_pk", ["snapshot_id", "value"])
    .execute();

  await db.schema
    .createTable("profile_cluster")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("snapshot_id", "text", (c) =>
      c.notNull().references("profile_snapshot.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("profile_cluster_key_unique", ["snapshot_id", "key"])
    .execute();

  await db.schema
    .createTable("profile_competency")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("snapshot_id", "text", (c) =>
      c.notNull().references("profile_snapshot.id").onDelete("cascade"),
    )
    .addColumn("cluster_id", "text", (c) =>
      c.notNull().references("profile_cluster.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("is_organisation_wide", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("profile_competency_key_unique", ["snapshot_id", "key"])
    .execute();

  await db.schema
    .createTable("profile_indicator")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("snapshot_id", "text", (c) =>
      c.notNull().references("profile_snapshot.id").onDelete("cascade"),
    )
    .addColumn("competency_id", "text", (c) =>
      c.notNull().references("profile_competency.id").onDelete("cascade"),
    )
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("profile_indicator_key_unique", ["snapshot_id", "key"])
    .execute();

  await db.schema
    .createTable("cycle")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisation.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("profile_key", "text", (c) => c.notNull())
    .addColumn("profile_snapshot_id", "text", (c) => c.references("profile_snapshot.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("nomination_deadline", "text")
    .addColumn("answer_deadline", "text")
    .addColumn("min_group_size", "integer", (c) => c.notNull().defaultTo(3))
    .addColumn("manager_identifiable", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("lead_access", "text", (c) => c.notNull().defaultTo("with_consent"))
    .addColumn("include_reports_group", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("colleague_min", "integer", (c) => c.notNull().defaultTo(3))
    .addColumn("colleague_max", "integer", (c) => c.notNull().defaultTo(8))
    .addColumn("customer_min", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("customer_max", "integer", (c) => c.notNull().defaultTo(5))
    .addColumn("report_min", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("report_max", "integer", (c) => c.notNull().defaultTo(8))
    .addColumn("reminder_days", "text", (c) => c.notNull().defaultTo("7,2"))
    .addColumn("mail_locale", "text")
    .addColumn("thresholds_locked_at", "text")
    .addColumn("launched_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("released_at", "text")
    .addColumn("created_by_person_id", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("participant")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id"))
    .addColumn("manager_person_id", "text", (c) => c.references("person.id"))
    .addColumn("nomination_status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("nominations_submitted_at", "text")
    .addColumn("nominations_approved_at", "text")
    .addColumn("nominations_approved_by_person_id", "text", (c) => c.references("person.id"))
    .addColumn("shared_with_lead_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("participant_unique", ["cycle_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("participant_person_idx")
    .on("participant")
    .column("person_id")
    .execute();

  // A proposed rater, before the lead approves and an invitation is sent.
  await db.schema
    .createTable("nomination")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("participant_id", "text", (c) =>
      c.notNull().references("participant.id").onDelete("cascade"),
    )
    .addColumn("relationship", "text", (c) => c.notNull())
    .addColumn("rater_person_id", "text", (c) => c.references("person.id"))
    .addColumn("rater_name", "text", (c) => c.notNull())
    .addColumn("rater_email", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("proposed"))
    .addColumn("proposed_by_person_id", "text", (c) => c.references("person.id"))
    .addColumn("decided_by_person_id", "text", (c) => c.references("person.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .execute();
  await db.schema
    .createIndex("nomination_participant_idx")
    .on("nomination")
    .column("participant_id")
    .execute();

  // No submission or opening time here on purpose: with one, a response's day could be
  // matched to the invitation that produced it (docs/anonymity.md). For the same reason the
  // reminder bookkeeping is cleared when an invitation is submitted.
  await db.schema
    .createTable("invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
    .addColumn("participant_id", "text", (c) =>
      c.notNull().references("participant.id").onDelete("cascade"),
    )
    .addColumn("relationship", "text", (c) => c.notNull())
    .addColumn("rater_person_id", "text", (c) => c.references("person.id"))
    .addColumn("rater_name", "text", (c) => c.notNull())
    .addColumn("rater_email", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("nl"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("sent_at", "text")
    .addColumn("reminder_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_reminded_at", "text")
    .addColumn("declined_at", "text")
    .addColumn("decline_reason", "text")
    .addColumn("revoked_at", "text")
    .addColumn("expires_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("invitation_participant_idx")
    .on("invitation")
    .column("participant_id")
    .execute();
  await db.schema
    .createIndex("invitation_rater_email_idx")
    .on("invitation")
    .column("rater_email")
    .execute();

  // Linked to its invitation only until submission; deleted in the submitting transaction.
  await db.schema
    .createTable("draft")
    .addColumn("invitation_id", "text", (c) =>
      c.primaryKey().references("invitation.id").onDelete("cascade"),
    )
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // Anonymous: random id, no invitation or rater, submission day only.
  await withoutRowid(
    db,
    db.schema
      .createTable("response")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
      .addColumn("participant_id", "text", (c) =>
        c.notNull().references("participant.id").onDelete("cascade"),
      )
      .addColumn("relationship", "text", (c) => c.notNull())
      .addColumn("submitted_on", "text", (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex("response_participant_idx")
    .on("response")
    .columns(["participant_id", "relationship"])
    .execute();

  // score NULL = "kan ik niet beoordelen": stored as no rating, excluded from every mean.
  await withoutRowid(
    db,
    db.schema
      .createTable("rating")
      .addColumn("response_id", "text", (c) =>
        c.notNull().references("response.id").onDelete("cascade"),
      )
      .addColumn("indicator_id", "text", (c) => c.notNull().references("profile_indicator.id"))
      .addColumn("score", "integer")
      .addPrimaryKeyConstraint("rating_pk", ["response_id", "indicator_id"]),
  ).execute();

  // competency_id NULL = a general question (question = 'went_well' | 'could_improve').
  await withoutRowid(
    db,
    db.schema
      .createTable("comment")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("response_id", "text", (c) =>
        c.notNull().references("response.id").onDelete("cascade"),
      )
      .addColumn("question", "text", (c) => c.notNull())
      .addColumn("competency_id", "text", (c) => c.references("profile_competency.id"))
      .addColumn("text", "text", (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex("comment_response_idx").on("comment").column("response_id").execute();

  // Computed once at release and never recomputed (docs/domain.md: released reports never change).
  await db.schema
    .createTable("report")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cycle_id", "text", (c) => c.notNull().references("cycle.id").onDelete("cascade"))
    .addColumn("participant_id", "text", (c) =>
      c.notNull().unique().references("participant.id").onDelete("cascade"),
    )
    .addColumn("format_version", "integer", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_person_idx").on("session").column("person_id").execute();

  await db.schema
    .createTable("sign_in_token")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("person.id").onDelete("cascade"))
    .addColumn("link_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_pk", ["key", "window_start"])
    .execute();

  await db.schema
    .createTable("email_outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("to_name", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema
    .createIndex("email_outbox_due_idx")
    .on("email_outbox")
    .columns(["status", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.references("organisation.id"))
    .addColumn("actor_person_id", "text", (c) => c.references("person.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("details", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_log_created_idx")
    .on("audit_log")
    .columns(["organisation_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    "audit_log",
    "email_outbox",
    "rate_limit",
    "sign_in_token",
    "session",
    "report",
    "comment",
    "rating",
    "response",
    "draft",
    "invitation",
    "nomination",
    "participant",
    "cycle",
    "profile_indicator",
    "profile_competency",
    "profile_cluster",
    "profile_scale_point",
    "profile_snapshot",
    "person",
    "team",
    "organisation",
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
