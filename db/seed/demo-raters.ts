import { fullName } from "../../app/people/full-name";
import type { Locale, Relationship } from "../schema";
import { FIRST_NAMES, LAST_NAMES, emailLocalPart } from "./demo-names";
import type { DemoOrganisation, DemoPerson, DemoTeam } from "./demo-organisation";
import type { Random } from "./random";

export type Outcome = "submitted" | "declined" | "open";

/** Fixed rater outcomes for one participant, to build the edge cases a demo should show. */
export interface ForcedOutcomes {
  colleagues?: Outcome[];
  customers?: Outcome[];
}

export interface RaterRules {
  /** People who worked here at the time, and so could be asked to rate. */
  canRate: (person: DemoPerson) => boolean;
  outcomeChances: Record<Relationship, { submitted: number; declined: number }>;
  forced: ReadonlyMap<string, ForcedOutcomes>;
}

/** Who is invited to give a participant feedback, and whether they did. */
export interface InvitationPlan {
  relationship: Relationship;
  raterPersonId: string | null;
  raterName: string;
  raterEmail: string;
  locale: Locale;
  /** A colleague from outside the team or a customer: less insight into internal matters. */
  distant: boolean;
  outcome: Outcome;
}

const COLLEAGUE_COUNTS = [3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 8];
const CUSTOMER_COUNTS = [0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 4, 4];

export function planInvitations(
  random: Random,
  organisation: DemoOrganisation,
  rules: RaterRules,
  participant: DemoPerson,
): InvitationPlan[] {
  const forced = rules.forced.get(participant.id);
  const draw = (relationship: Relationship) =>
    drawOutcome(random, rules.outcomeChances[relationship]);
  const manager = managerOf(organisation, participant);
  const plans: InvitationPlan[] = [
    { ...invitee("self", participant, false), outcome: draw("self") },
    { ...invitee("manager", manager, false), outcome: draw("manager") },
  ];

  const colleagueOutcomes =
    forced?.colleagues ??
    Array.from({ length: random.pick(COLLEAGUE_COUNTS) }, () => draw("colleague"));
  const colleagues = pickColleagues(
    random,
    organisation,
    rules,
    participant,
    colleagueOutcomes.length,
    plans,
  );
  colleagues.forEach((colleague, index) => {
    plans.push({ ...colleague, outcome: colleagueOutcomes[index] ?? "open" });
  });

  const customerOutcomes =
    forced?.customers ??
    Array.from({ length: random.pick(CUSTOMER_COUNTS) }, () => draw("customer"));
  const customers = pickCustomers(
    random,
    organisation,
    rules,
    participant,
    customerOutcomes.length,
    plans,
  );
  customers.forEach((customer, index) => {
    plans.push({ ...customer, outcome: customerOutcomes[index] ?? "open" });
  });
  return plans;
}

/**
 * Mostly people from the participant's own team (for a team lead: the other leads), with a
 * quarter from elsewhere in the organisation.
 */
export function pickColleagues(
  random: Random,
  organisation: DemoOrganisation,
  rules: RaterRules,
  participant: DemoPerson,
  count: number,
  alreadyInvited: readonly InvitationPlan[],
): InvitationPlan[] {
  const taken = new Set(alreadyInvited.map((plan) => plan.raterPersonId));
  const candidates = organisation.people.filter(
    (candidate) =>
      !taken.has(candidate.id) &&
      rules.canRate(candidate) &&
      (candidate.role === "employee" || candidate.role === "team_lead"),
  );
  const isNear = (candidate: DemoPerson) =>
    participant.role === "team_lead"
      ? candidate.role === "team_lead"
      : candidate.teamKey === participant.teamKey && candidate.role === "employee";
  const near = random.shuffle(candidates.filter(isNear));
  const far = random.shuffle(
    candidates.filter((c) => !isNear(c) && c.teamKey !== participant.teamKey),
  );

  const chosen: InvitationPlan[] = [];
  for (let index = 0; index < count; index++) {
    const fromFar = random.chance(0.25) || near.length === 0;
    const colleague = (fromFar ? far.pop() : near.pop()) ?? near.pop() ?? far.pop();
    if (!colleague) break;
    chosen.push({ ...invitee("colleague", colleague, !isNear(colleague)), outcome: "open" });
  }
  return chosen;
}

/** External customers by name and email; teams serving the organisation ask colleagues too. */
function pickCustomers(
  random: Random,
  organisation: DemoOrganisation,
  rules: RaterRules,
  participant: DemoPerson,
  count: number,
  alreadyInvited: readonly InvitationPlan[],
): InvitationPlan[] {
  const team = teamOf(organisation, participant);
  const taken = new Set(alreadyInvited.map((plan) => plan.raterPersonId));
  const internal = random.shuffle(
    organisation.people.filter(
      (candidate) =>
        !taken.has(candidate.id) &&
        rules.canRate(candidate) &&
        candidate.teamKey !== participant.teamKey &&
        candidate.role !== "hr_admin",
    ),
  );
  const usedEmails = new Set<string>();
  const chosen: InvitationPlan[] = [];
  while (chosen.length < count) {
    const colleague =
      team.definition.internalCustomers && random.chance(0.7) ? internal.pop() : undefined;
    if (colleague) {
      chosen.push({ ...invitee("customer", colleague, true), outcome: "open" });
      continue;
    }
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const domain = random.pick(team.definition.customerDomains);
    const email = `${emailLocalPart(firstName, lastName)}@${domain}`;
    if (usedEmails.has(email)) continue;
    usedEmails.add(email);
    chosen.push({
      relationship: "customer",
      raterPersonId: null,
      raterName: fullName({ firstName, lastName }),
      raterEmail: email,
      locale: "nl",
      distant: true,
      outcome: "open",
    });
  }
  return chosen;
}

/** A team member's manager is the team lead; a team lead's is the head of the department. */
export function managerOf(organisation: DemoOrganisation, person: DemoPerson): DemoPerson {
  const team = teamOf(organisation, person);
  const department = organisation.departments.find(
    (candidate) => candidate.key === team.definition.department,
  );
  const managerId = person.role === "team_lead" ? department?.headId : team.leadId;
  const manager = organisation.people.find((candidate) => candidate.id === managerId);
  if (!manager) throw new Error(`Geen leidinggevende gevonden voor ${person.email}`);
  return manager;
}

function teamOf(organisation: DemoOrganisation, person: DemoPerson): DemoTeam {
  const team = organisation.teams.find((candidate) => candidate.definition.key === person.teamKey);
  if (!team) throw new Error(`${person.email} hoort niet bij een demoteam`);
  return team;
}

function invitee(
  relationship: Relationship,
  person: DemoPerson,
  distant: boolean,
): Omit<InvitationPlan, "outcome"> {
  return {
    relationship,
    raterPersonId: person.id,
    raterName: fullName(person),
    raterEmail: person.email,
    locale: person.locale,
    distant,
  };
}

function drawOutcome(random: Random, chances: { submitted: number; declined: number }): Outcome {
  const roll = random.next();
  if (roll < chances.submitted) return "submitted";
  if (roll < chances.submitted + chances.declined) return "declined";
  return "open";
}
