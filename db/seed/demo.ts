import { inTransaction } from "#db/transaction";
import type { Transaction } from "kysely";
import type { Profile } from "../../app/profiles/schema";
import { snapshotProfile } from "../../app/profiles/snapshot.server";
import { computeCycleReports } from "../../app/reports/release.server";
import { invitationTokenSigner } from "../../app/rater/invitation-token.server";
import { hashToken } from "../../app/utils/tokens.server";
import type { DB } from "../database";
import type { Database } from "../schema";
import {
  createItemOffsets,
  createLatent,
  earlierLatent,
  growLatent,
  type PersonLatent,
  type SnapshotCompetency,
} from "./demo-answers";
import { createCalendar, type Calendar } from "./demo-calendar";
import {
  emptyCycleRows,
  planCycle,
  type CycleRows,
  type DemoProfile,
  type DemoWorld,
} from "./demo-cycles";
import { planOrganisation, type DemoPerson } from "./demo-organisation";
import type { ForcedOutcomes } from "./demo-raters";
import { insertCycleRows, insertRows, loadSnapshotCompetencies } from "./demo-store";
import { createRandom, type Random } from "./random";

export const DEFAULT_DEMO_SEED = "rondom-demo";

export interface SeedDemoOptions {
  /** The profile the demo's rounds are on, version 1 in the demo organisation's library. */
  profile: Profile;
  /**
   * More profiles for the library (the built-ins of surveys/), each stored as version 1.
   * `profile` itself may be among them. People whose team function (TEAMS) has one of them
   * hold it as their function profile and are rated on it in every round; without them,
   * everyone holds `profile`.
   */
  libraryProfiles?: readonly Profile[];
  seed?: string;
  /** Dates are relative to this day; defaults to now. */
  today?: Date;
}

export interface DemoSummary {
  organisationName: string;
  seed: string;
  people: number;
  teams: number;
  cycles: number;
  participants: number;
  invitations: number;
  responses: number;
  ratings: number;
  comments: number;
  drafts: number;
}

const RELEASED_DAYS = {
  created: -200,
  nominationDeadline: -186,
  launch: -182,
  answerDeadline: -161,
  lastAnswer: -161,
  closed: -160,
  released: -155,
};

const COLLECTING_DAYS = {
  created: -24,
  nominationDeadline: -12,
  launch: -10,
  answerDeadline: 14,
  lastAnswer: -1,
};

const COLLECTING_TEAMS = ["publiekszaken", "communicatie"];

// A round a year before the spring one, for two teams: their spring reports show a trend.
const EARLIER_DAYS = {
  created: -420,
  nominationDeadline: -406,
  launch: -402,
  answerDeadline: -381,
  lastAnswer: -381,
  closed: -380,
  released: -375,
};
const EARLIER_TEAMS = ["communicatie", "financien"];

/**
 * Adds the demo municipality Gemeente Rondedam, in one transaction. It does not look at what
 * is there already: use seedIfEmpty, or the CLI's --reset, on a database that may hold data.
 */
export async function seedDemo(db: DB, options: SeedDemoOptions): Promise<DemoSummary> {
  return inTransaction(db, (trx) => insertDemo(trx, options));
}

/** Seeds the demo only into a database without any organisation. Returns whether it seeded. */
export async function seedIfEmpty(
  db: DB,
  profile: Profile,
  options: Omit<SeedDemoOptions, "profile"> = {},
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom("organisation").select("id").limit(1).executeTakeFirst();
    if (existing) return false;
    await insertDemo(trx, { ...options, profile });
    return true;
  });
}

/** The demo's inserts, for callers that run them inside a transaction of their own. */
export async function insertDemo(
  trx: Transaction<Database>,
  options: SeedDemoOptions,
): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const random = createRandom(seed);
  const idSource = createRandom(`${seed}:ids`);
  const createId = () => idSource.id();
  const calendar = createCalendar(options.today ?? new Date());

  const libraryProfiles = [
    options.profile,
    ...(options.libraryProfiles ?? [])
      .filter((profile) => profile.id !== options.profile.id)
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  ];
  const organisation = planOrganisation(random, createId, calendar, seed, {
    defaultProfileKey: options.profile.id,
    libraryKeys: new Set(libraryProfiles.map((profile) => profile.id)),
    random: createRandom(`${seed}:functions`),
  });
  await insertRows(trx, "organisation", [organisation.organisationRow]);
  await insertRows(trx, "team", organisation.teamRows);
  await insertRows(trx, "person", organisation.personRows);

  const snapshotId = await snapshotProfile(trx, organisation.organisationRow.id, options.profile, {
    createId,
    now: calendar.at(RELEASED_DAYS.created, 9),
  });
  const library = await insertLibrary(trx, {
    seed,
    organisationId: organisation.organisationRow.id,
    now: calendar.at(RELEASED_DAYS.created, 9),
    demo: { profile: options.profile, snapshotId },
    others: libraryProfiles.slice(1),
  });
  const profiles = new Map<string, DemoProfile>();
  for (const { profile, snapshotId: version } of library) {
    profiles.set(profile.id, {
      key: profile.id,
      snapshotId: version,
      competencies: await loadSnapshotCompetencies(trx, version),
    });
  }
  // Everyone has a level on every competency of the family, whichever profile they hold.
  const competencies = familyCompetencies([...profiles.values()]);
  const world: DemoWorld = {
    random,
    createId,
    calendar,
    organisation,
    hrAdminId: requirePerson(organisation.people.find((person) => person.role === "hr_admin")).id,
    snapshotId,
    profileKey: options.profile.id,
    profiles,
    competencies,
    itemOffsets: createItemOffsets(random, competencies),
    leniency: new Map(organisation.people.map((person) => [person.id, random.normal(0.1, 0.3)])),
  };

  const rows = emptyCycleRows();
  planDemoCycles(world, rows, seed);
  // Links are derived with the instance's invitation key like every other link, not from the
  // (public) seed: the seed makes the same people and answers again, never the same keys.
  const sign = await invitationTokenSigner(trx);
  for (const invitation of rows.invitation) {
    invitation.token_hash = hashToken(sign(invitation.id));
  }
  await insertCycleRows(trx, rows);
  // Released cycles get their reports as a real release would, computed once and stored,
  // oldest first (a report's trend looks at the person's earlier reports).
  const released = rows.cycle
    .filter((row) => row.status === "released")
    .sort((a, b) => String(a.released_at).localeCompare(String(b.released_at)));
  for (const cycle of released) {
    await computeCycleReports(trx, cycle.id, new Date(String(cycle.released_at)), createId);
  }

  return {
    organisationName: organisation.organisationRow.name,
    seed,
    people: organisation.personRows.length,
    teams: organisation.teamRows.length,
    cycles: rows.cycle.length,
    participants: rows.participant.length,
    invitations: rows.invitation.length,
    responses: rows.response.length,
    ratings: rows.rating.length,
    comments: rows.comment.length,
    drafts: rows.draft.length,
  };
}

/**
 * A released spring cycle for everyone who worked here then, and an autumn cycle that is
 * collecting answers now for two teams.
 */
function planDemoCycles(world: DemoWorld, rows: CycleRows, seed: string): void {
  const { random, calendar, organisation, competencies } = world;
  const teamMembers = organisation.people.filter(
    (person) => person.role === "employee" || person.role === "team_lead",
  );
  const teamOffsets = new Map(
    organisation.teams.map((team) => [
      team.definition.key,
      new Map(competencies.map((competency) => [competency.key, random.normal(0, 0.2)])),
    ]),
  );
  const springLatents = new Map<string, PersonLatent>();
  for (const person of teamMembers) {
    const offsets = teamOffsets.get(person.teamKey ?? "") ?? new Map<string, number>();
    springLatents.set(person.id, createLatent(random, competencies, offsets));
  }
  const autumnLatents = new Map(
    [...springLatents].map(([id, latent]) => [id, growLatent(random, latent)]),
  );
  const latentFrom = (latents: Map<string, PersonLatent>) => (personId: string) => {
    const latent = latents.get(personId);
    if (!latent) throw new Error(`Geen antwoordmodel voor persoon ${personId}`);
    return latent;
  };

  const springParticipants = teamMembers.filter((person) => person.isActive && !person.isNewcomer);
  planCycle(
    world,
    {
      name: cycleName(calendar, RELEASED_DAYS.launch),
      status: "released",
      days: RELEASED_DAYS,
      participants: springParticipants,
      latentOf: latentFrom(springLatents),
      canRate: (person) => person.isActive && !person.isNewcomer,
      outcomeChances: {
        self: { submitted: 1, declined: 0 },
        manager: { submitted: 1, declined: 0 },
        colleague: { submitted: 0.84, declined: 0.05 },
        customer: { submitted: 0.68, declined: 0.1 },
        report: { submitted: 0.8, declined: 0.05 },
      },
      forced: springEdgeCases(random, springParticipants),
      reminders: {
        days: [RELEASED_DAYS.answerDeadline - 7, RELEASED_DAYS.answerDeadline - 2],
        reach: 1,
      },
      sharedWithLead: 0.45,
      drafts: 0,
    },
    rows,
  );

  const autumnParticipants = teamMembers.filter(
    (person) => person.isActive && COLLECTING_TEAMS.includes(person.teamKey ?? ""),
  );
  planCycle(
    world,
    {
      name: cycleName(calendar, COLLECTING_DAYS.launch),
      status: "collecting",
      days: COLLECTING_DAYS,
      participants: autumnParticipants,
      latentOf: latentFrom(autumnLatents),
      canRate: (person) => person.isActive,
      outcomeChances: {
        self: { submitted: 0.6, declined: 0 },
        manager: { submitted: 0.35, declined: 0 },
        colleague: { submitted: 0.38, declined: 0 },
        customer: { submitted: 0.3, declined: 0 },
        report: { submitted: 0.4, declined: 0 },
      },
      forced: autumnDeclines(random, autumnParticipants),
      // No automatic reminder is due yet; HR sent a manual round to some participants' raters.
      reminders: { days: [-3], reach: 0.5 },
      sharedWithLead: 0,
      drafts: 2,
    },
    rows,
  );

  // Planned last, with a random stream of its own, so the two rounds above stay as they were.
  const earlierWorld: DemoWorld = { ...world, random: createRandom(`${seed}:earlier`) };
  const earlierLatents = new Map(
    [...springLatents].map(([id, latent]) => [id, earlierLatent(earlierWorld.random, latent)]),
  );
  planCycle(
    earlierWorld,
    {
      name: cycleName(calendar, EARLIER_DAYS.launch),
      status: "released",
      days: EARLIER_DAYS,
      participants: springParticipants.filter((person) =>
        EARLIER_TEAMS.includes(person.teamKey ?? ""),
      ),
      latentOf: latentFrom(earlierLatents),
      canRate: (person) => person.isActive && !person.isNewcomer,
      outcomeChances: {
        self: { submitted: 1, declined: 0 },
        manager: { submitted: 1, declined: 0 },
        colleague: { submitted: 0.8, declined: 0.05 },
        customer: { submitted: 0.6, declined: 0.1 },
        report: { submitted: 0.8, declined: 0.05 },
      },
      forced: new Map(),
      reminders: {
        days: [EARLIER_DAYS.answerDeadline - 7, EARLIER_DAYS.answerDeadline - 2],
        reach: 1,
      },
      sharedWithLead: 0.3,
      drafts: 0,
    },
    rows,
  );
}

/**
 * The demo organisation's library: the demo's profile and every other built-in, each as its
 * first version. The other profiles take their ids from random sources of their own, so the
 * rest of the demo is the same with or without them.
 */
async function insertLibrary(
  trx: Transaction<Database>,
  input: {
    seed: string;
    organisationId: string;
    now: string;
    demo: { profile: Profile; snapshotId: string };
    /** In the order of their ids, without the demo's. */
    others: readonly Profile[];
  },
): Promise<{ profile: Profile; snapshotId: string }[]> {
  const profileIds = createRandom(`${input.seed}:profiles`);
  const libraryIds = createRandom(`${input.seed}:library`);
  const entries = [{ profile: input.demo.profile, snapshotId: input.demo.snapshotId }];
  for (const profile of input.others) {
    const snapshotId = await snapshotProfile(trx, input.organisationId, profile, {
      createId: () => libraryIds.id(),
      now: input.now,
    });
    entries.push({ profile, snapshotId });
  }
  await insertRows(
    trx,
    "profile",
    entries.map(({ profile, snapshotId }) => ({
      id: profileIds.id(),
      organisation_id: input.organisationId,
      key: profile.id,
      name: profile.name,
      current_snapshot_id: snapshotId,
      retired_at: null,
      created_at: input.now,
      updated_at: input.now,
    })),
  );
  return entries;
}

/**
 * The competencies of the library's profiles, each key once (a key is one competency across
 * the family's profiles): the demo's profile first, in its order, then what the others add.
 */
function familyCompetencies(profiles: readonly DemoProfile[]): SnapshotCompetency[] {
  const byKey = new Map<string, SnapshotCompetency>();
  for (const profile of profiles) {
    for (const competency of profile.competencies) {
      if (!byKey.has(competency.key)) byKey.set(competency.key, competency);
    }
  }
  return [...byKey.values()];
}

/** Participants whose reports must suppress a group: too few colleagues or customers. */
function springEdgeCases(random: Random, participants: readonly DemoPerson[]) {
  const [twoColleagues, oneCustomer, twoCustomers, noCustomers] = random.shuffle(
    participants.filter((person) => person.role === "employee"),
  );
  const forced = new Map<string, ForcedOutcomes>();
  const set = (person: DemoPerson | undefined, outcomes: ForcedOutcomes) => {
    if (person) forced.set(person.id, outcomes);
  };
  set(twoColleagues, { colleagues: ["submitted", "declined", "submitted", "open"] });
  set(oneCustomer, { customers: ["open", "submitted"] });
  set(twoCustomers, { customers: ["submitted", "declined", "submitted"] });
  set(noCustomers, { customers: [] });
  return forced;
}

/** Exactly two declined invitations, so the collecting cycle shows one or two of them. */
function autumnDeclines(random: Random, participants: readonly DemoPerson[]) {
  const forced = new Map<string, ForcedOutcomes>();
  const [first, second] = random.shuffle(participants);
  if (first) forced.set(first.id, { colleagues: ["declined", "submitted", "open", "open"] });
  if (second) forced.set(second.id, { customers: ["submitted", "declined"] });
  return forced;
}

/** "Feedbackronde najaar 2026": named after the season and year in which it was launched. */
function cycleName(calendar: Calendar, launchOffset: number): string {
  const [year = 0, month = 1] = calendar.day(launchOffset).split("-").map(Number);
  return `Feedbackronde ${seasonOf(month)} ${year}`;
}

// The two cycles launch about six months apart, so never in the same season.
function seasonOf(month: number): string {
  if (month >= 3 && month <= 5) return "voorjaar";
  if (month >= 6 && month <= 8) return "zomer";
  if (month >= 9 && month <= 11) return "najaar";
  return "winter";
}

function requirePerson(person: DemoPerson | undefined): DemoPerson {
  if (!person) throw new Error("De demo-organisatie mist een persoon");
  return person;
}
