import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** SQLite has no boolean type; flags are stored as 0/1 on every database. */
export type Flag = 0 | 1;
/** ISO-8601 timestamp in UTC, e.g. 2026-11-28T12:00:00.000Z. */
export type Timestamp = string;
/** A calendar day, YYYY-MM-DD. */
export type Day = string;

export type Locale = "nl" | "en";
export type Relationship = "self" | "manager" | "colleague" | "customer" | "report";
export type CycleStatus = "draft" | "nominating" | "collecting" | "closed" | "released";
export type LeadAccess = "never" | "with_consent";
export type NominationStatus = "proposed" | "approved" | "removed";
export type ParticipantNominationStatus = "open" | "submitted" | "approved";
export type InvitationStatus = "open" | "declined" | "submitted" | "revoked";
export type CommentQuestion = "competency" | "went_well" | "could_improve";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export interface OrganisationTable {
  id: string;
  name: string;
  default_locale: Generated<Locale>;
  retention_months: Generated<number>;
  is_demo: Generated<Flag>;
  demo_seed: string | null;
  created_at: Timestamp;
}

export interface TeamTable {
  id: string;
  organisation_id: string;
  name: string;
  parent_team_id: string | null;
  lead_person_id: string | null;
  created_at: Timestamp;
}

export interface PersonTable {
  id: string;
  organisation_id: string;
  employee_number: string | null;
  first_name: string;
  last_name: string;
  email: string;
  locale: Generated<Locale>;
  job_title: string | null;
  team_id: string | null;
  /** The person's function profile: a key of the organisation's profile library. */
  profile_key: string | null;
  is_hr_admin: Generated<Flag>;
  is_active: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProfileSnapshotTable {
  id: string;
  organisation_id: string;
  profile_key: string;
  name: string;
  language: Locale;
  content_hash: string;
  not_applicable_label: string;
  created_at: Timestamp;
  /** 1, 2, 3, … per profile of an organisation, in the order the versions were made. */
  version: number | null;
  description: string | null;
  created_by_person_id: string | null;
}

/**
 * A competency profile in an organisation's library (one per function). Its versions are
 * profile snapshots with the same organisation and key; `current_snapshot_id` is the one new
 * rounds take. A round keeps the snapshot it started with.
 */
export interface ProfileTable {
  id: string;
  organisation_id: string;
  /** Stable across versions; the `id` of the profile's Markdown. */
  key: string;
  name: string;
  current_snapshot_id: string;
  /** Retired profiles are kept for the rounds that used them, and offered for no new one. */
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A profile text between its upload and the confirmation of its preview. */
export interface StagedProfileImportTable {
  id: string;
  organisation_id: string;
  created_by_person_id: string;
  file_name: string | null;
  /** The name HR gave a pasted text (a Markdown file names itself). */
  name: string | null;
  content: string;
  created_at: Timestamp;
}

export interface ProfileScalePointTable {
  snapshot_id: string;
  value: number;
  label: string;
}

export interface ProfileClusterTable {
  id: string;
  snapshot_id: string;
  key: string;
  name: string;
  position: number;
}

export interface ProfileCompetencyTable {
  id: string;
  snapshot_id: string;
  cluster_id: string;
  key: string;
  name: string;
  description: string;
  is_organisation_wide: Flag;
  position: number;
}

export interface ProfileIndicatorTable {
  id: string;
  snapshot_id: string;
  competency_id: string;
  key: string;
  text: string;
  position: number;
}

export interface CycleTable {
  id: string;
  organisation_id: string;
  name: string;
  profile_key: string;
  profile_snapshot_id: string | null;
  status: Generated<CycleStatus>;
  nomination_deadline: Day | null;
  answer_deadline: Day | null;
  min_group_size: Generated<number>;
  manager_identifiable: Generated<Flag>;
  lead_access: Generated<LeadAccess>;
  include_reports_group: Generated<Flag>;
  colleague_min: Generated<number>;
  colleague_max: Generated<number>;
  customer_min: Generated<number>;
  customer_max: Generated<number>;
  report_min: Generated<number>;
  report_max: Generated<number>;
  /** Days before the answer deadline on which reminders go out, comma-separated ("7,2"). */
  reminder_days: Generated<string>;
  /** Language of the mails; null = each rater's own language. */
  mail_locale: Locale | null;
  thresholds_locked_at: Timestamp | null;
  launched_at: Timestamp | null;
  closed_at: Timestamp | null;
  released_at: Timestamp | null;
  created_by_person_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ParticipantTable {
  id: string;
  cycle_id: string;
  person_id: string;
  manager_person_id: string | null;
  nomination_status: Generated<ParticipantNominationStatus>;
  nominations_submitted_at: Timestamp | null;
  nominations_approved_at: Timestamp | null;
  nominations_approved_by_person_id: string | null;
  /** Consent to show member-level results to the team lead; null = not shared. */
  shared_with_lead_at: Timestamp | null;
  /** When the participant was asked by mail to nominate raters. */
  nomination_requested_at: Timestamp | null;
  /** When the participant was told by mail that their report is ready. */
  report_notified_at: Timestamp | null;
  /** The profile (library key) the participant is rated on; null: the round's profile. */
  profile_key: string | null;
  /** Its version, taken when the round starts; null: the round's version. */
  profile_snapshot_id: string | null;
  created_at: Timestamp;
}

/**
 * A participant's "all others" score per competency, as their released report shows it
 * (absent where the report withholds it). Written with the report, never changed: the input
 * of team profiles.
 */
export interface CompetencyScoreTable {
  participant_id: string;
  cycle_id: string;
  competency_key: string;
  others_mean: number;
}

/**
 * The teams a participant belonged to when the cycle's reports were frozen: their own team
 * (depth 0) and every team above it (depth 1, 2, ...). Team profiles of a released cycle use
 * this, so a later move or reorganisation never changes them (which would let a reader
 * subtract two versions).
 */
export interface ParticipantTeamTable {
  participant_id: string;
  cycle_id: string;
  team_id: string;
  depth: number;
}

export interface NominationTable {
  id: string;
  participant_id: string;
  relationship: Relationship;
  rater_person_id: string | null;
  rater_name: string;
  rater_email: string;
  status: Generated<NominationStatus>;
  proposed_by_person_id: string | null;
  decided_by_person_id: string | null;
  created_at: Timestamp;
  decided_at: Timestamp | null;
  /** 1: a second nomination of a rater from before one voice per rater (migration 0006). */
  legacy_duplicate: Generated<number>;
}

export interface InvitationTable {
  id: string;
  cycle_id: string;
  participant_id: string;
  relationship: Relationship;
  rater_person_id: string | null;
  rater_name: string;
  rater_email: string;
  locale: Generated<Locale>;
  token_hash: string;
  status: Generated<InvitationStatus>;
  sent_at: Timestamp | null;
  reminder_count: Generated<number>;
  last_reminded_at: Timestamp | null;
  declined_at: Timestamp | null;
  decline_reason: string | null;
  revoked_at: Timestamp | null;
  expires_at: Timestamp | null;
  created_at: Timestamp;
  /** 1: a second invitation of a rater from before one voice per rater (migration 0006). */
  legacy_duplicate: Generated<number>;
}

export interface DraftTable {
  invitation_id: string;
  /**
   * The answers so far (CleanAnswers in app/rater/invitation.server.ts), sealed like a
   * submitted answer (db/answer-seal.ts); plain JSON in drafts saved before migration 0009.
   */
  answers: string;
  updated_at: Timestamp;
}

/**
 * An answer between its submission and the close of its round, sealed with a key held outside
 * the database (app/rater/sealed-answers.server.ts); published into response, rating and
 * comment when the round closes.
 */
export interface SealedAnswerTable {
  id: string;
  cycle_id: string;
  /** AES-256-GCM of the padded answer, as text (db/answer-seal.ts). */
  sealed: string;
}

export interface ResponseTable {
  id: string;
  cycle_id: string;
  participant_id: string;
  relationship: Relationship;
  submitted_on: Day;
}

export interface RatingTable {
  response_id: string;
  indicator_id: string;
  /** null = "kan ik niet beoordelen". */
  score: number | null;
}

export interface CommentTable {
  id: string;
  response_id: string;
  question: CommentQuestion;
  competency_id: string | null;
  text: string;
}

export interface ReportTable {
  id: string;
  cycle_id: string;
  participant_id: string;
  format_version: number;
  /** JSON of the frozen report. */
  content: string;
  computed_at: Timestamp;
}

export interface StagedImportTable {
  id: string;
  organisation_id: string;
  created_by_person_id: string | null;
  file_name: string | null;
  /** The uploaded CSV as text, between preview and apply. */
  content: string;
  created_at: Timestamp;
}

export interface SessionTable {
  /** The SHA-256 of the session id in the cookie: a copy of this table signs no one in. */
  id: string;
  person_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SignInTokenTable {
  id: string;
  person_id: string;
  link_token_hash: string;
  code_hash: string;
  failed_attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /**
   * Hash of the random value in the asking browser's pending sign-in cookie (migration
   * 0011); null for sign-ins made before it, which are bound to no browser.
   */
  browser_hash: string | null;
}

/** A pending (or settled) change of a person's sign-in address; see migration 0010. */
export interface AddressChangeTable {
  id: string;
  organisation_id: string;
  person_id: string;
  old_email: string;
  new_email: string;
  token_hash: string;
  requested_by_person_id: string | null;
  requested_at: Timestamp;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}

export interface InstanceSecretTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

export interface RateLimitTable {
  key: string;
  window_start: Timestamp;
  count: number;
}

export interface EmailOutboxTable {
  id: string;
  organisation_id: string | null;
  kind: string;
  to_address: string;
  to_name: string | null;
  locale: Locale;
  subject: string;
  text_body: string;
  html_body: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /**
   * JSON: what a mail with keys in it is built from when it is sent (see
   * app/email/outbox.server.ts); null when the stored body is the mail.
   */
  reference: string | null;
}

/** The invitations a rater-links mail (invitation, reminder) lists, until it is sent. */
export interface EmailOutboxInvitationTable {
  outbox_id: string;
  invitation_id: string;
}

export interface AuditLogTable {
  id: string;
  organisation_id: string | null;
  actor_person_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON with action-specific details; never answers. */
  details: string | null;
  created_at: Timestamp;
}

export interface Database {
  organisation: OrganisationTable;
  team: TeamTable;
  person: PersonTable;
  profile: ProfileTable;
  profile_snapshot: ProfileSnapshotTable;
  profile_scale_point: ProfileScalePointTable;
  profile_cluster: ProfileClusterTable;
  profile_competency: ProfileCompetencyTable;
  profile_indicator: ProfileIndicatorTable;
  cycle: CycleTable;
  participant: ParticipantTable;
  competency_score: CompetencyScoreTable;
  participant_team: ParticipantTeamTable;
  nomination: NominationTable;
  invitation: InvitationTable;
  draft: DraftTable;
  sealed_answer: SealedAnswerTable;
  response: ResponseTable;
  rating: RatingTable;
  comment: CommentTable;
  report: ReportTable;
  session: SessionTable;
  sign_in_token: SignInTokenTable;
  address_change: AddressChangeTable;
  rate_limit: RateLimitTable;
  instance_secret: InstanceSecretTable;
  email_outbox: EmailOutboxTable;
  email_outbox_invitation: EmailOutboxInvitationTable;
  audit_log: AuditLogTable;
  staged_import: StagedImportTable;
  staged_profile_import: StagedProfileImportTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type Team = Selectable<TeamTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type Cycle = Selectable<CycleTable>;
export type NewCycle = Insertable<CycleTable>;
export type Participant = Selectable<ParticipantTable>;
export type Invitation = Selectable<InvitationTable>;
export type Response = Selectable<ResponseTable>;
