import type { Insertable } from "kysely";
import type {
  CommentTable,
  CycleStatus,
  CycleTable,
  DraftTable,
  InvitationTable,
  NominationTable,
  ParticipantTable,
  RatingTable,
  ResponseTable,
} from "../schema";
import {
  rateCompetencies,
  writeComments,
  type PersonLatent,
  type Rater,
  type SnapshotCompetency,
} from "./demo-answers";
import type { Calendar } from "./demo-calendar";
import { DECLINE_REASONS } from "./demo-comments";
import type { DemoOrganisation, DemoPerson } from "./demo-organisation";
import {
  managerOf,
  pickColleagues,
  planInvitations,
  type InvitationPlan,
  type RaterRules,
} from "./demo-raters";
import type { Random } from "./random";

export interface CycleRows {
  cycle: Insertable<CycleTable>[];
  participant: Insertable<ParticipantTable>[];
  nomination: Insertable<NominationTable>[];
  invitation: Insertable<InvitationTable>[];
  draft: Insertable<DraftTable>[];
  response: Insertable<ResponseTable>[];
  rating: Insertable<RatingTable>[];
  comment: Insertable<CommentTable>[];
}

export function emptyCycleRows(): CycleRows {
  return {
    cycle: [],
    participant: [],
    nomination: [],
    invitation: [],
    draft: [],
    response: [],
    rating: [],
    comment: [],
  };
}

/** A profile of the library as the seed rates it: its version 1 and that version's items. */
export interface DemoProfile {
  key: string;
  snapshotId: string;
  competencies: SnapshotCompetency[];
}

export interface DemoWorld {
  random: Random;
  createId: () => string;
  calendar: Calendar;
  organisation: DemoOrganisation;
  hrAdminId: string;
  /** The rounds' profile and its version. */
  snapshotId: string;
  profileKey: string;
  /** Every profile of the library by key, the rounds' among them. */
  profiles: ReadonlyMap<string, DemoProfile>;
  /** Every competency of those profiles, each key once: what people have a level on. */
  competencies: SnapshotCompetency[];
  itemOffsets: ReadonlyMap<string, number>;
  /** How mild or strict each person rates, the same in every cycle. */
  leniency: ReadonlyMap<string, number>;
}

export interface CycleSpec extends RaterRules {
  name: string;
  status: Extract<CycleStatus, "collecting" | "released">;
  /** Day offsets relative to today. */
  days: {
    created: number;
    nominationDeadline: number;
    launch: number;
    answerDeadline: number;
    /** The last day on which answers came in. */
    lastAnswer: number;
    closed?: number;
    released?: number;
  };
  participants: DemoPerson[];
  latentOf: (personId: string) => PersonLatent;
  /** Days on which reminders went out, and the share of participants whose raters got them. */
  reminders: { days: number[]; reach: number };
  /** Share of participants who shared their report with their lead. */
  sharedWithLead: number;
  /** Number of half-filled drafts to leave on open invitations. */
  drafts: number;
}

interface CycleContext {
  world: DemoWorld;
  spec: CycleSpec;
  cycleId: string;
  rows: CycleRows;
  sharing: Sharing;
}

/** Per team, its participants; per manager and team, whose report the manager knows so far. */
interface Sharing {
  teamSize: Map<string, number>;
  known: Map<string, number>;
}

// Every cycle's threshold k (cycleRow).
const MIN_GROUP_SIZE = 3;
/**
 * Members of a team whose report its manager does not know: shares stop before a manager
 * knows so many of a team that its profile withholds every figure from them (the app's
 * sharing guard refuses such a share once the manager has looked at the team).
 */
const UNKNOWN_TO_MANAGER = MIN_GROUP_SIZE + 1;

interface OpenInvitation {
  invitation: Insertable<InvitationTable>;
  plan: InvitationPlan;
  participant: DemoPerson;
}

/** Plans one cycle with its participants, invitations and anonymous responses into `rows`. */
export function planCycle(world: DemoWorld, spec: CycleSpec, rows: CycleRows): void {
  const sharing: Sharing = { teamSize: new Map(), known: new Map() };
  for (const participant of spec.participants) {
    const team = participant.teamKey ?? "";
    sharing.teamSize.set(team, (sharing.teamSize.get(team) ?? 0) + 1);
    // A lead taking part knows their own report.
    if (participant.role === "team_lead") sharing.known.set(`${participant.id}:${team}`, 1);
  }
  const context: CycleContext = { world, spec, cycleId: world.createId(), rows, sharing };
  const responses: Insertable<ResponseTable>[] = [];
  const open: OpenInvitation[] = [];

  for (const participant of spec.participants) {
    const { participantId, nominationDays } = planParticipant(context, participant);
    const plans = planInvitations(world.random, world.organisation, spec, participant);
    planNominations(context, participantId, participant, plans, nominationDays);

    const remindersReachThem = world.random.chance(spec.reminders.reach);
    const usedComments = new Set<string>();
    for (const plan of plans) {
      const { invitation, actionDay } = planInvitation(
        context,
        participantId,
        participant,
        plan,
        remindersReachThem,
      );
      rows.invitation.push(invitation);
      if (plan.outcome === "open") open.push({ invitation, plan, participant });
      if (plan.outcome === "submitted") {
        responses.push(
          planResponse(context, participantId, participant, plan, actionDay, usedComments),
        );
      }
    }
  }

  addDrafts(context, open);
  // Stored in random order: the order of rows must not hint at which invitation answered.
  rows.response.push(...world.random.shuffle(responses));
  const firstAnswer = responses.map((response) => response.submitted_on).sort()[0];
  rows.cycle.push(cycleRow(context, firstAnswer));
}

interface NominationDays {
  submitted: number;
  approved: number;
}

/**
 * The profile a participant is rated on: their function profile, as HR's participants page
 * gives it (app/cycles/participants.server.ts). The round's own stands in where it is the same.
 */
function profileOf(world: DemoWorld, person: DemoPerson): DemoProfile {
  const profile = world.profiles.get(person.profileKey) ?? world.profiles.get(world.profileKey);
  if (!profile) throw new Error(`Profiel ${person.profileKey} staat niet in de bibliotheek`);
  return profile;
}

function planParticipant(
  context: CycleContext,
  person: DemoPerson,
): { participantId: string; nominationDays: NominationDays } {
  const { world, spec, cycleId, rows } = context;
  const { random, calendar } = world;
  const { days } = spec;
  const id = world.createId();
  const profile = profileOf(world, person);
  const ownProfile = profile.key === world.profileKey ? null : profile;
  const manager = managerOf(world.organisation, person);
  const submitted = days.nominationDeadline - random.int(1, 8);
  const approved = Math.min(days.launch - 1, submitted + random.int(0, 3));
  const shared =
    days.released !== undefined &&
    random.chance(spec.sharedWithLead) &&
    mayShareWith(context.sharing, manager.id, person.teamKey ?? "");
  const sometime = (day: number) => calendar.at(day, random.int(8, 16), random.int(0, 59));
  rows.participant.push({
    id,
    cycle_id: cycleId,
    person_id: person.id,
    manager_person_id: manager.id,
    nomination_status: "approved",
    nominations_submitted_at: sometime(submitted),
    nominations_approved_at: sometime(approved),
    nominations_approved_by_person_id: manager.id,
    shared_with_lead_at: shared ? sometime((days.released ?? 0) + random.int(1, 30)) : null,
    // Set without random draws, so the rest of the demo stays as it was.
    nomination_requested_at: calendar.at(days.created, 11),
    report_notified_at: days.released === undefined ? null : calendar.at(days.released, 12),
    // Null: the round's profile, as for anyone HR gave no other.
    profile_key: ownProfile?.key ?? null,
    profile_snapshot_id: ownProfile?.snapshotId ?? null,
    created_at: calendar.at(days.created, 10),
  });
  return { participantId: id, nominationDays: { submitted, approved } };
}

/** Whether a member of this team may share with this manager; counts the share if so. */
function mayShareWith(sharing: Sharing, managerId: string, team: string): boolean {
  const key = `${managerId}:${team}`;
  const known = sharing.known.get(key) ?? 0;
  if ((sharing.teamSize.get(team) ?? 0) - (known + 1) < UNKNOWN_TO_MANAGER) return false;
  sharing.known.set(key, known + 1);
  return true;
}

/** The proposals behind the colleague and customer invitations; now and then one was removed. */
function planNominations(
  context: CycleContext,
  participantId: string,
  person: DemoPerson,
  plans: readonly InvitationPlan[],
  days: NominationDays,
): void {
  const { world, spec, rows } = context;
  const { random, calendar, organisation } = world;
  const manager = managerOf(organisation, person);
  const nominated = plans.filter(
    (plan) => plan.relationship === "colleague" || plan.relationship === "customer",
  );
  const removed = random.chance(0.1)
    ? pickColleagues(random, organisation, spec, person, 1, plans)
    : [];
  for (const [index, plan] of [...nominated, ...removed].entries()) {
    rows.nomination.push({
      id: world.createId(),
      participant_id: participantId,
      relationship: plan.relationship,
      rater_person_id: plan.raterPersonId,
      rater_name: plan.raterName,
      rater_email: plan.raterEmail,
      status: index < nominated.length ? "approved" : "removed",
      proposed_by_person_id: person.id,
      decided_by_person_id: manager.id,
      created_at: calendar.at(days.submitted, 8, random.int(0, 59)),
      decided_at: calendar.at(days.approved, 17, random.int(0, 59)),
    });
  }
}

function planInvitation(
  context: CycleContext,
  participantId: string,
  participant: DemoPerson,
  plan: InvitationPlan,
  remindersReachThem: boolean,
): { invitation: Insertable<InvitationTable>; actionDay: number } {
  const { world, spec, cycleId } = context;
  const { random, calendar } = world;
  const { days } = spec;
  // The day the rater answered or declined; an open invitation was never acted on.
  const actionDay =
    plan.outcome === "open"
      ? Number.POSITIVE_INFINITY
      : answerDay(random, days.launch, days.lastAnswer);
  const invitation: Insertable<InvitationTable> = {
    id: world.createId(),
    cycle_id: cycleId,
    participant_id: participantId,
    relationship: plan.relationship,
    rater_person_id: plan.raterPersonId,
    rater_name: plan.raterName,
    rater_email: plan.raterEmail,
    locale: plan.locale,
    // Set by the caller, with the instance's invitation key (see invitationTokenSigner).
    token_hash: "",
    status: plan.outcome,
    sent_at: calendar.at(days.launch, 8, random.int(0, 30)),
    reminder_count: 0,
    last_reminded_at: null,
    declined_at: null,
    decline_reason: null,
    revoked_at: null,
    // After the deadline the link still says "gesloten" for a while, then stops working.
    expires_at: calendar.at(days.answerDeadline + 60, 23, 59),
    created_at: calendar.at(days.launch, 7, 55),
  };

  // Submitting clears the reminder bookkeeping (it would bound the submission time).
  const reminded =
    remindersReachThem && plan.outcome !== "submitted"
      ? spec.reminders.days.filter((day) => day > days.launch && day < actionDay)
      : [];
  const lastReminder = reminded[reminded.length - 1];
  if (lastReminder !== undefined) {
    invitation.reminder_count = reminded.length;
    invitation.last_reminded_at = calendar.at(lastReminder, 7, 30);
  }
  if (plan.outcome === "declined") {
    const reasons = DECLINE_REASONS[plan.relationship === "customer" ? "customer" : "colleague"];
    invitation.declined_at = calendar.at(actionDay, random.int(15, 21), random.int(0, 59));
    invitation.decline_reason = random.pick(reasons).replaceAll("{naam}", participant.firstName);
  }
  return { invitation, actionDay };
}

/** Most answers come in during the first days and just before the deadline. */
function answerDay(random: Random, firstDay: number, lastDay: number): number {
  const span = lastDay - firstDay;
  const early = Math.floor(span * random.next() ** 2);
  return random.chance(0.75) ? firstDay + early : lastDay - Math.floor(span * random.next() ** 3);
}

/** The anonymous response: no invitation or rater, only participant, group and day. */
function planResponse(
  context: CycleContext,
  participantId: string,
  participant: DemoPerson,
  plan: InvitationPlan,
  day: number,
  usedComments: Set<string>,
): Insertable<ResponseTable> {
  const { world, spec, cycleId, rows } = context;
  const { random } = world;
  const id = world.createId();
  const rated = rateCompetencies(
    random,
    profileOf(world, participant).competencies,
    spec.latentOf(participant.id),
    raterOf(world, plan),
    world.itemOffsets,
  );
  for (const item of rated.items) {
    rows.rating.push({ response_id: id, indicator_id: item.indicatorId, score: item.score });
  }
  const comments = writeComments(
    random,
    plan.relationship,
    rated.competencies,
    participant.firstName,
    usedComments,
  );
  for (const comment of comments) {
    rows.comment.push({
      id: world.createId(),
      response_id: id,
      question: comment.question,
      competency_id: comment.competencyId,
      text: comment.text,
    });
  }
  return {
    id,
    cycle_id: cycleId,
    participant_id: participantId,
    relationship: plan.relationship,
    submitted_on: world.calendar.day(day),
  };
}

/** Colleagues keep their own mildness across participants; managers are a little stricter. */
function raterOf(world: DemoWorld, plan: InvitationPlan): Rater {
  const { relationship, distant } = plan;
  // Self-ratings follow the participant's self-image instead (see createLatent).
  if (relationship === "self") return { relationship, distant, leniency: 0 };
  const personal = plan.raterPersonId ? world.leniency.get(plan.raterPersonId) : undefined;
  const leniency = personal ?? world.random.normal(0.2, 0.35);
  return {
    relationship,
    distant,
    leniency: relationship === "manager" ? leniency - 0.15 : leniency,
  };
}

/** Half-filled answers on a few open invitations, as if the rater stopped halfway. */
function addDrafts(context: CycleContext, open: readonly OpenInvitation[]): void {
  const { world, spec, rows } = context;
  const { random, calendar } = world;
  if (spec.drafts === 0) return;
  const colleague = random.shuffle(
    open.filter(({ plan }) => plan.relationship === "colleague" && plan.locale === "nl"),
  )[0];
  const self = open.find(({ plan }) => plan.relationship === "self");
  const chosen = [colleague, self].filter((entry) => entry !== undefined).slice(0, spec.drafts);

  for (const { invitation, plan, participant } of chosen) {
    // The first half of the participant's own questionnaire.
    const { competencies } = profileOf(world, participant);
    const answeredCompetencies = competencies.slice(0, Math.ceil(competencies.length * 0.55));
    const answeredIndicators = new Set(
      answeredCompetencies.flatMap((competency) => competency.indicators.map((item) => item.id)),
    );
    const rated = rateCompetencies(
      random,
      answeredCompetencies,
      spec.latentOf(participant.id),
      raterOf(world, plan),
      world.itemOffsets,
    );
    const ratings = Object.fromEntries(
      rated.items
        .filter((item) => answeredIndicators.has(item.indicatorId))
        .map((item) => [item.indicatorId, item.score]),
    );
    const comments = writeComments(
      random,
      plan.relationship,
      rated.competencies,
      participant.firstName,
      new Set(),
    );
    const competencyComments = Object.fromEntries(
      comments.flatMap((comment) =>
        comment.competencyId ? [[comment.competencyId, comment.text]] : [],
      ),
    );
    const wentWell = comments.find((comment) => comment.question === "went_well")?.text ?? "";
    const savedDay = -random.int(1, 3);
    rows.draft.push({
      invitation_id: invitation.id,
      answers: JSON.stringify({
        ratings,
        comments: competencyComments,
        general: { went_well: wentWell, could_improve: "" },
      }),
      updated_at: calendar.at(savedDay, 19, random.int(30, 59)),
    });
  }
}

function cycleRow(context: CycleContext, firstAnswer: string | undefined): Insertable<CycleTable> {
  const { world, spec, cycleId } = context;
  const { calendar } = world;
  const { days } = spec;
  return {
    id: cycleId,
    organisation_id: world.organisation.organisationRow.id,
    name: spec.name,
    profile_key: world.profileKey,
    profile_snapshot_id: world.snapshotId,
    status: spec.status,
    nomination_deadline: calendar.day(days.nominationDeadline),
    answer_deadline: calendar.day(days.answerDeadline),
    min_group_size: MIN_GROUP_SIZE,
    manager_identifiable: 0,
    lead_access: "with_consent",
    include_reports_group: 0,
    colleague_min: 3,
    colleague_max: 8,
    customer_min: 0,
    customer_max: 5,
    report_min: 0,
    report_max: 8,
    reminder_days: "7,2",
    mail_locale: null,
    // Thresholds lock when the first answer arrives.
    thresholds_locked_at: firstAnswer ? `${firstAnswer}T21:00:00.000Z` : null,
    launched_at: calendar.at(days.launch, 7, 50),
    closed_at: days.closed === undefined ? null : calendar.at(days.closed, 0, 5),
    released_at: days.released === undefined ? null : calendar.at(days.released, 10),
    created_by_person_id: world.hrAdminId,
    created_at: calendar.at(days.created, 10),
    updated_at: calendar.at(days.released ?? days.launch, 10),
  };
}
