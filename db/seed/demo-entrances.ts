import { fullName } from "../../app/people/full-name";
import { compareByName, compareDutchNames, inDutchOrder } from "../../app/people/dutch-order";
import { invitationTokenSigner } from "../../app/rater/invitation-token.server";
import { hashToken } from "../../app/utils/tokens.server";
import type { DB } from "../database";
import type { Locale, Relationship } from "../schema";

export interface DemoEntrancePerson {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
  jobTitle: string | null;
  locale: Locale;
}

/** Why an employee is worth signing in as in the demo. */
export type DemoHighlight =
  | "released_report"
  | "blind_spot"
  | "hidden_strength"
  | "few_raters"
  | "shared_with_lead"
  | "in_collecting_cycle";

export interface DemoEmployeeEntrance extends DemoEntrancePerson {
  highlights: DemoHighlight[];
}

export interface DemoInvitationEntrance {
  token: string;
  raterName: string;
  relationship: Relationship;
  participantName: string;
  cycleName: string;
  hasDraft: boolean;
  locale: Locale;
}

export interface DemoEntrances {
  organisationName: string;
  people: {
    hrAdmins: DemoEntrancePerson[];
    departmentHeads: DemoEntrancePerson[];
    teamLeads: DemoEntrancePerson[];
    employees: DemoEmployeeEntrance[];
    /** Every other active employee, so that anyone in the demo can be signed in as. */
    otherEmployees: DemoEntrancePerson[];
  };
  invitations: DemoInvitationEntrance[];
}

const EMPLOYEE_COUNT = 6;
// One self, one manager, two colleague and two customer invitations.
const INVITATION_SLOTS: Relationship[] = [
  "self",
  "manager",
  "colleague",
  "customer",
  "colleague",
  "customer",
];
// Show an employee for each of these, in this order, before any others.
const WANTED_HIGHLIGHTS: DemoHighlight[] = [
  "blind_spot",
  "hidden_strength",
  "few_raters",
  "in_collecting_cycle",
  "shared_with_lead",
];

/**
 * Ways into the demo: people to sign in as, and open invitations with their tokens. Null
 * unless the (single) organisation is the seeded demo.
 */
export async function getDemoEntrances(db: DB): Promise<DemoEntrances | null> {
  const organisation = await db
    .selectFrom("organisation")
    .select(["id", "name", "is_demo"])
    .orderBy("created_at")
    .executeTakeFirst();
  if (!organisation || organisation.is_demo !== 1) return null;

  const people = inDutchOrder(
    await db
      .selectFrom("person")
      .leftJoin("team", "team.id", "person.team_id")
      .where("person.organisation_id", "=", organisation.id)
      .where("person.is_active", "=", 1)
      .select([
        "person.id",
        "person.first_name",
        "person.last_name",
        "person.email",
        "person.locale",
        "person.job_title",
        "person.is_hr_admin",
        "team.name as teamName",
      ])
      .execute(),
  );
  const teams = await db
    .selectFrom("team")
    .where("organisation_id", "=", organisation.id)
    .select(["id", "parent_team_id", "lead_person_id"])
    .execute();
  const parentTeamIds = new Set(teams.map((team) => team.parent_team_id).filter(Boolean));
  const departmentHeadIds = new Set(
    teams.filter((team) => parentTeamIds.has(team.id)).map((team) => team.lead_person_id),
  );
  const teamLeadIds = new Set(
    teams.filter((team) => !parentTeamIds.has(team.id)).map((team) => team.lead_person_id),
  );

  const toEntrance = (person: (typeof people)[number]): DemoEntrancePerson => ({
    id: person.id,
    name: fullName(person),
    email: person.email,
    teamName: person.teamName,
    jobTitle: person.job_title,
    locale: person.locale,
  });
  const employees = people.filter(
    (person) =>
      person.is_hr_admin === 0 && !departmentHeadIds.has(person.id) && !teamLeadIds.has(person.id),
  );
  const highlights = await findHighlights(db, organisation.id);

  const chosenEmployees = chooseEmployees(employees.map(toEntrance), highlights);
  return {
    organisationName: organisation.name,
    people: {
      hrAdmins: people.filter((person) => person.is_hr_admin === 1).map(toEntrance),
      departmentHeads: people.filter((person) => departmentHeadIds.has(person.id)).map(toEntrance),
      teamLeads: people.filter((person) => teamLeadIds.has(person.id)).map(toEntrance),
      employees: chosenEmployees,
      otherEmployees: employees
        .map(toEntrance)
        .filter((person) => !chosenEmployees.some((chosen) => chosen.id === person.id)),
    },
    invitations: await findOpenInvitations(db, organisation.id),
  };
}

function chooseEmployees(
  employees: DemoEntrancePerson[],
  highlights: Map<string, Set<DemoHighlight>>,
): DemoEmployeeEntrance[] {
  const withHighlights = employees.map((person) => ({
    ...person,
    highlights: [...(highlights.get(person.id) ?? [])].sort(),
  }));
  const chosen: DemoEmployeeEntrance[] = [];
  const choose = (person: DemoEmployeeEntrance | undefined) => {
    if (person && !chosen.includes(person) && chosen.length < EMPLOYEE_COUNT) chosen.push(person);
  };
  for (const wanted of WANTED_HIGHLIGHTS) {
    const alreadyShown = chosen.some((person) => person.highlights.includes(wanted));
    if (!alreadyShown) {
      choose(withHighlights.find((p) => !chosen.includes(p) && p.highlights.includes(wanted)));
    }
  }
  choose(withHighlights.find((person) => person.locale === "en"));
  const byRichness = [...withHighlights].sort((a, b) => b.highlights.length - a.highlights.length);
  for (const person of byRichness) choose(person);
  return chosen;
}

async function findHighlights(
  db: DB,
  organisationId: string,
): Promise<Map<string, Set<DemoHighlight>>> {
  const highlights = new Map<string, Set<DemoHighlight>>();
  const add = (personId: string, highlight: DemoHighlight) => {
    const set = highlights.get(personId) ?? new Set<DemoHighlight>();
    set.add(highlight);
    highlights.set(personId, set);
  };

  const collecting = await db
    .selectFrom("participant")
    .innerJoin("cycle", "cycle.id", "participant.cycle_id")
    .where("cycle.organisation_id", "=", organisationId)
    .where("cycle.status", "=", "collecting")
    .select("participant.person_id")
    .execute();
  for (const { person_id } of collecting) add(person_id, "in_collecting_cycle");

  const released = await db
    .selectFrom("cycle")
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "released")
    .select(["id", "min_group_size", "profile_snapshot_id"])
    .orderBy("released_at", "desc")
    .executeTakeFirst();
  if (!released) return highlights;

  const participants = await db
    .selectFrom("participant")
    .where("cycle_id", "=", released.id)
    .select(["id", "person_id", "shared_with_lead_at"])
    .execute();
  const personOf = new Map(participants.map((p) => [p.id, p.person_id]));
  for (const participant of participants) {
    add(participant.person_id, "released_report");
    if (participant.shared_with_lead_at) add(participant.person_id, "shared_with_lead");
  }

  const responseCounts = await db
    .selectFrom("response")
    .where("cycle_id", "=", released.id)
    .where("relationship", "in", ["colleague", "customer"])
    .select(["participant_id", "relationship", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy(["participant_id", "relationship"])
    .execute();
  const customerCounts = new Map<string, number>();
  const colleagueCounts = new Map<string, number>();
  for (const row of responseCounts) {
    const counts = row.relationship === "customer" ? customerCounts : colleagueCounts;
    counts.set(row.participant_id, Number(row.count));
  }
  for (const participant of participants) {
    const colleagues = colleagueCounts.get(participant.id) ?? 0;
    const customers = customerCounts.get(participant.id) ?? 0;
    if (
      colleagues < released.min_group_size ||
      (customers > 0 && customers < released.min_group_size)
    ) {
      add(participant.person_id, "few_raters");
    }
  }

  const gap = await selfGapThreshold(db, released.profile_snapshot_id);
  const gaps = await selfOthersGaps(db, released.id);
  for (const [participantId, competencyGaps] of gaps) {
    const personId = personOf.get(participantId);
    if (!personId) continue;
    if (competencyGaps.some((difference) => difference >= gap)) add(personId, "blind_spot");
    if (competencyGaps.some((difference) => -difference >= gap)) add(personId, "hidden_strength");
  }
  return highlights;
}

/** A third of the scale's range (docs/domain.md: blind spots and hidden strengths). */
async function selfGapThreshold(db: DB, snapshotId: string | null): Promise<number> {
  const range = snapshotId
    ? await db
        .selectFrom("profile_scale_point")
        .where("snapshot_id", "=", snapshotId)
        .select([(eb) => eb.fn.min("value").as("min"), (eb) => eb.fn.max("value").as("max")])
        .executeTakeFirst()
    : undefined;
  const min = Number(range?.min ?? 1);
  const max = Number(range?.max ?? 5);
  return (max - min) / 3;
}

/**
 * Per participant, self minus others per competency; the others' score weighs each rater
 * equally (their mean over the items they rated), as in the reports.
 */
async function selfOthersGaps(db: DB, cycleId: string): Promise<Map<string, number[]>> {
  const ratings = await db
    .selectFrom("rating")
    .innerJoin("response", "response.id", "rating.response_id")
    .innerJoin("profile_indicator", "profile_indicator.id", "rating.indicator_id")
    .where("response.cycle_id", "=", cycleId)
    .where("rating.score", "is not", null)
    .select([
      "response.participant_id",
      "response.relationship",
      "response.id as responseId",
      "profile_indicator.competency_id",
      (eb) => eb.fn.avg<number>("rating.score").as("mean"),
    ])
    .groupBy(["response.id", "profile_indicator.competency_id"])
    .execute();

  const scores = new Map<string, { self: number | null; others: number[] }>();
  for (const row of ratings) {
    const key = `${row.participant_id}\u0000${row.competency_id}`;
    const entry = scores.get(key) ?? { self: null, others: [] };
    if (row.relationship === "self") entry.self = Number(row.mean);
    else entry.others.push(Number(row.mean));
    scores.set(key, entry);
  }
  const gaps = new Map<string, number[]>();
  for (const [key, { self, others }] of scores) {
    if (self === null || others.length === 0) continue;
    const participantId = key.split("\u0000")[0] ?? "";
    const othersMean = others.reduce((sum, value) => sum + value, 0) / others.length;
    gaps.set(participantId, [...(gaps.get(participantId) ?? []), self - othersMean]);
  }
  return gaps;
}

/**
 * Open invitations of the running round to offer as entrances, with their links: derived
 * with the instance's invitation key like every link (INVITATION_SECRET, or the key the
 * instance keeps), so knowing an invitation's id is not enough to open it, in the demo too.
 */
async function findOpenInvitations(
  db: DB,
  organisationId: string,
): Promise<DemoInvitationEntrance[]> {
  const cycle = await db
    .selectFrom("cycle")
    .where("organisation_id", "=", organisationId)
    .where("status", "=", "collecting")
    .select(["id", "name"])
    .orderBy("launched_at", "desc")
    .executeTakeFirst();
  if (!cycle) return [];

  const open = await db
    .selectFrom("invitation")
    .innerJoin("participant", "participant.id", "invitation.participant_id")
    .innerJoin("person", "person.id", "participant.person_id")
    .leftJoin("draft", "draft.invitation_id", "invitation.id")
    .where("invitation.cycle_id", "=", cycle.id)
    .where("invitation.status", "=", "open")
    .select([
      "invitation.id",
      "invitation.relationship",
      "invitation.rater_name",
      "invitation.locale",
      "invitation.token_hash",
      "invitation.participant_id",
      "person.first_name",
      "person.last_name",
      "draft.invitation_id as draftInvitationId",
    ])
    .execute();
  // By participant, then rater, in Dutch order: which entrances are chosen follows from it.
  open.sort(
    (a, b) =>
      compareDutchNames({ ...a, id: a.participant_id }, { ...b, id: b.participant_id }) ||
      compareByName({ name: a.rater_name, id: a.id }, { name: b.rater_name, id: b.id }),
  );
  // Drafts first, so the half-filled form is always among the entrances.
  const candidates = [
    ...open.filter((invitation) => invitation.draftInvitationId !== null),
    ...open.filter((invitation) => invitation.draftInvitationId === null),
  ];

  const sign = await invitationTokenSigner(db);
  const chosen: DemoInvitationEntrance[] = [];
  const usedInvitations = new Set<string>();
  const usedParticipants = new Set<string>();
  for (const relationship of INVITATION_SLOTS) {
    const ofRelationship = candidates.filter(
      (invitation) =>
        invitation.relationship === relationship && !usedInvitations.has(invitation.id),
    );
    // Prefer a participant not shown yet, so the entrances cover several people.
    const ordered = [
      ...ofRelationship.filter((invitation) => !usedParticipants.has(invitation.participant_id)),
      ...ofRelationship,
    ];
    for (const invitation of ordered) {
      const token = sign(invitation.id);
      usedInvitations.add(invitation.id);
      if (hashToken(token) !== invitation.token_hash) continue;
      usedParticipants.add(invitation.participant_id);
      chosen.push({
        token,
        raterName: invitation.rater_name,
        relationship: invitation.relationship,
        participantName: fullName(invitation),
        cycleName: cycle.name,
        hasDraft: invitation.draftInvitationId !== null,
        locale: invitation.locale,
      });
      break;
    }
  }
  return chosen;
}
