import type { DB } from "#db/database";
import type { CycleStatus, Locale, ParticipantNominationStatus } from "#db/schema";
import type { CycleLimitSettings } from "./limits";
import { fullName, fullNameOrNull } from "~/people/full-name";

// One participation as the nomination pages and operations need it, and who may act on it.

export interface PersonRef {
  id: string;
  firstName: string;
  name: string;
  email: string;
  locale: Locale;
}

export interface NominationContext {
  participantId: string;
  organisationId: string;
  organisationName: string;
  cycle: {
    id: string;
    name: string;
    status: CycleStatus;
    nominationDeadline: string | null;
    mailLocale: Locale | null;
    limits: CycleLimitSettings;
  };
  person: PersonRef;
  /** The lead who approves: the participant's manager in this round (invited automatically). */
  manager: PersonRef | null;
  nominationStatus: ParticipantNominationStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
}

/** Who is acting: the signed-in person (CurrentUser has these fields). */
export interface Actor {
  id: string;
  organisationId: string;
  isHrAdmin: boolean;
}

function personRef(row: {
  id: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  locale: Locale | null;
}): PersonRef | null {
  if (!row.id || row.first_name === null || row.last_name === null || !row.email) return null;
  return {
    id: row.id,
    firstName: row.first_name,
    name: fullName({ first_name: row.first_name, last_name: row.last_name }),
    email: row.email,
    locale: row.locale ?? "nl",
  };
}

export async function loadNominationContext(
  db: DB,
  participantId: string,
): Promise<NominationContext | null> {
  const row = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .innerJoin("organisation", "organisation.id", "cycle.organisation_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .leftJoin("person as manager", "manager.id", "participant.manager_person_id")
    .leftJoin("person as approver", "approver.id", "participant.nominations_approved_by_person_id")
    .select([
      "participant.id",
      "participant.nomination_status",
      "participant.nominations_submitted_at",
      "participant.nominations_approved_at",
      "organisation.id as organisation_id",
      "organisation.name as organisation_name",
      "cycle.id as cycle_id",
      "cycle.name as cycle_name",
      "cycle.status as cycle_status",
      "cycle.nomination_deadline",
      "cycle.mail_locale",
      "cycle.colleague_min",
      "cycle.colleague_max",
      "cycle.customer_min",
      "cycle.customer_max",
      "cycle.report_min",
      "cycle.report_max",
      "cycle.include_reports_group",
      "person.id as person_id",
      "person.first_name",
      "person.last_name",
      "person.email",
      "person.locale",
      "manager.id as manager_id",
      "manager.first_name as manager_first_name",
      "manager.last_name as manager_last_name",
      "manager.email as manager_email",
      "manager.locale as manager_locale",
      "approver.first_name as approver_first_name",
      "approver.last_name as approver_last_name",
    ])
    .where("participant.id", "=", participantId)
    .executeTakeFirst();
  if (!row) return null;
  const person = personRef({
    id: row.person_id,
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    locale: row.locale,
  });
  if (!person) return null;
  return {
    participantId: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    cycle: {
      id: row.cycle_id,
      name: row.cycle_name,
      status: row.cycle_status,
      nominationDeadline: row.nomination_deadline,
      mailLocale: row.mail_locale,
      limits: {
        colleague_min: row.colleague_min,
        colleague_max: row.colleague_max,
        customer_min: row.customer_min,
        customer_max: row.customer_max,
        report_min: row.report_min,
        report_max: row.report_max,
        include_reports_group: row.include_reports_group,
      },
    },
    person,
    manager: personRef({
      id: row.manager_id,
      first_name: row.manager_first_name,
      last_name: row.manager_last_name,
      email: row.manager_email,
      locale: row.manager_locale,
    }),
    nominationStatus: row.nomination_status,
    submittedAt: row.nominations_submitted_at,
    approvedAt: row.nominations_approved_at,
    approvedByName:
      fullNameOrNull({
        first_name: row.approver_first_name,
        last_name: row.approver_last_name,
      })?.trim() ?? null,
  };
}

/** A draft round is not shown to anyone but HR's cycle pages. */
function isVisible(actor: Actor, context: NominationContext): boolean {
  return context.organisationId === actor.organisationId && context.cycle.status !== "draft";
}

/** The participant's side (/voordragen): the participant, or HR stepping in. */
export function mayActAsParticipant(actor: Actor, context: NominationContext): boolean {
  if (!isVisible(actor, context)) return false;
  return context.person.id === actor.id || actor.isHrAdmin;
}

/**
 * The lead's side (/goedkeuren): the participant's manager in this round, or HR stepping in;
 * never the participant themself, so nobody approves their own raters.
 */
export function mayActAsLead(actor: Actor, context: NominationContext): boolean {
  if (!isVisible(actor, context) || context.person.id === actor.id) return false;
  return context.manager?.id === actor.id || actor.isHrAdmin;
}

/** Nominations change only while the round is in its nominating stage. */
export function isNominationOpen(context: NominationContext): boolean {
  return context.cycle.status === "nominating";
}
