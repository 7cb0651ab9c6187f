import { inTransaction } from "#db/transaction";
// Team profiles at municipality scale, on a fresh database of each of BENCH_DATABASES
// (scripts/bench/databases.ts; the family bench below on SQLite): BENCH_TEAMS_PEOPLE people
// (5,000: 20 departments of 15 teams each, uneven team sizes, some teams under k) in two released
// cycles of the real profile (surveys/toepassing-beleid.md). The frozen inputs of team profiles
// (participant_team, competency_score) are inserted directly, as computeCycleReports would have
// written them; reports are not computed, except for the people the measured team lead and
// department head rated themselves (as their manager: a submitted invitation each): those get a
// real report (buildReport, with the lead view), whose "all others" n the team figures read to
// count the viewer's own ratings as known (issue 13). Then timed, several runs each:
//   1. in-process: loadCycleFigures (every team figure of a cycle, thresholds applied) for HR
//      (an organisation-wide comparison of all teams), a department head and a team lead with
//      the previous cycle for the trend; its parts (reads, engine) on their own;
//   2. the page loaders in-process, signed in as HR: loadTeamProfile for BENCH_TEAMS_PAGES
//      teams spread over all of them, loadTeamComparison of all teams at once and of the two
//      biggest teams;
//   3. the same pages through HTTP against the built app (server.js on 127.0.0.1), when the
//      build has the team routes (otherwise it says so and skips them).
// teamsFamilyBench makes the same municipality with its people's function profiles spread over
// a family of profiles and times 1 and the two-team comparison (scripts/bench/profile-mix.ts).
import fs from "node:fs";
import path from "node:path";
import type { Insertable } from "kysely";
import { createDatabase, type DB } from "#db/database";
import { newId } from "#db/ids";
import { migrateToLatest } from "#db/migrate";
import type { Database } from "#db/schema";
import { FIRST_NAMES, LAST_NAMES } from "#db/seed/demo-names";
import { createRandom, type Random } from "#db/seed/random";
import { getCurrentUser, type CurrentUser } from "~/auth/guards.server";
import { createSession, sessionCookieName } from "~/auth/session.server";
import type { Profile } from "~/profiles/schema";
import { GENERAL_QUESTIONS, type Questionnaire } from "~/rater/questionnaire";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import {
  buildLeadView,
  buildReport,
  NORM_MIN_PARTICIPANTS,
  type ReportContent,
} from "~/reports/report-content";
import { hashToken } from "~/utils/tokens.server";
import {
  knownParticipantIds,
  loadCycleFigures,
  loadCycleMembers,
  loadCycleProfile,
  loadViewerKnowledge,
} from "~/team-profiles/cycle-figures.server";
import {
  loadTeamComparison,
  readComparisonQuery,
  type TeamComparison,
} from "~/team-profiles/comparison.server";
import { computeTeamFigures } from "~/team-profiles/engine/team-figures";
import { loadTeamProfile } from "~/team-profiles/team-profile.server";
import {
  afterBulkFill,
  type BenchDatabase,
  databaseColumns,
  DATABASES,
  dropFreshDatabase,
  freshMigratedDatabase,
  sideBySide,
} from "./databases";
import {
  fmt,
  freePort,
  makeTempDir,
  median,
  quantile,
  repeat,
  repeatWithCpu,
  ROOT,
  ServerProcess,
} from "./harness";
import { FAMILY_BASE_KEY, familyBase, profilePicker, storeFamily } from "./profile-family";

const PEOPLE = Number(process.env.BENCH_TEAMS_PEOPLE ?? 5000);
/** In-process runs of each measure (the median and the minimum are printed). */
const RUNS = Math.max(1, Number(process.env.BENCH_TEAMS_RUNS ?? 7));
/**
 * Teams whose profile page is loaded (in-process and through HTTP), spread evenly over all
 * teams; each load computes the figures of the whole cycle, so all 300 would take minutes.
 */
const PAGE_TEAMS = Math.max(1, Number(process.env.BENCH_TEAMS_PAGES ?? 30));
/** BENCH_TEAMS_HTTP=0 skips the pages (they need a build with the team routes). */
const HTTP = process.env.BENCH_TEAMS_HTTP !== "0";
/** At 5,000 people: 20 departments of 15 teams; fewer people, proportionally fewer teams. */
const TEAMS_PER_DEPARTMENT = 15;
const DEPARTMENTS = Math.max(1, Math.round((PEOPLE * 20) / 5000));
const TEAMS = DEPARTMENTS * TEAMS_PER_DEPARTMENT;
const K = 3;
const PROFILE_KEY = FAMILY_BASE_KEY;
/** Every SMALL_TEAM_EVERY-th team has 1 or 2 members: under k, withheld. */
const SMALL_TEAM_EVERY = 23;
const PREVIOUS_CYCLE_SHARE = 0.85;
const MISSING_SCORE_SHARE = 0.05;
const SHARED_WITH_LEAD_SHARE = 0.45;
const COMPARISON_RUNS = 3;
const EMAIL_DOMAIN = "rondwijk.example";
const BATCH = 500;

export interface TeamsBench {
  database: BenchDatabase;
  people: number;
  departments: number;
  teams: number;
  smallTeams: number;
  competencies: number;
  participants: { current: number; previous: number };
  rows: { competencyScores: number; participantTeams: number };
  /** Participants the measured lead and head rated themselves (both cycles). */
  ratedByViewers: number;
  generationSeconds: number;
  inProcess: InProcessMeasure[];
  shown: { hrTeamsShown: number; hrTeamsWithheld: number; headTeamsShown: number };
  loaders: LoaderFigures;
  http: HttpFigures | { skipped: string };
}

interface LoaderFigures {
  profileMs: number[];
  profilesShown: number;
  comparisonMs: number[];
  comparedTeams: number;
  twoTeams: TwoTeamsFigures;
}

/** loadTeamComparison of the two biggest teams, signed in as HR. */
export interface TwoTeamsFigures {
  members: [number, number];
  ms: number[];
  cpuMs: number[];
  /** The comparison's competency axes (the cycle's profiles together). */
  axes: number;
  /** Cells of the two teams that show a figure (of 2 × axes). */
  shownCells: number;
}

/** The same municipality with a family of profiles: team figures and the two-team comparison. */
export interface TeamsFamilyBench {
  people: number;
  teams: number;
  profiles: number;
  /** Profile versions the current cycle's participants are rated on. */
  versionsInCycle: number;
  competencies: number;
  generationSeconds: number;
  inProcess: InProcessMeasure[];
  twoTeams: TwoTeamsFigures;
}

export interface InProcessMeasure {
  /** What scripts/bench/profile-mix.ts picks it by. */
  id: string;
  label: string;
  ms: number[];
  /** CPU milliseconds of this process during each run. */
  cpuMs: number[];
  note: string;
}

interface HttpFigures {
  startMs: number;
  profileStatuses: string;
  profileMs: number[];
  profileBytes: number;
  comparisonStatuses: string;
  comparisonMs: number[];
  comparisonBytes: number;
}

/** Seconds the teams section may take at most (for the watchdog in run.ts), generously. */
export function teamsBenchBudgetSeconds(): number {
  return (90 + Math.ceil(PEOPLE * 0.03)) * DATABASES.length;
}

interface World {
  organisationId: string;
  hrPersonId: string;
  departmentHeadId: string;
  teamLeadId: string;
  leadTeamId: string;
  teamIds: string[];
  /** The two teams with the most members, and their sizes. */
  bigTeams: { id: string; members: number }[];
  /** Profile versions the current cycle's participants are rated on. */
  versionsInCycle: number;
  smallTeams: number;
  currentCycleId: string;
  previousCycleId: string;
  competencyKeys: string[];
  participants: { current: number; previous: number };
  rows: { competencyScores: number; participantTeams: number };
  ratedByViewers: number;
}

/** Seconds teamsFamiliesBench may take at most (for the watchdog in run.ts), generously. */
export function teamsFamiliesBenchBudgetSeconds(families: number): number {
  return 30 + families * (30 + Math.ceil(PEOPLE * 0.015));
}

/**
 * The municipality of teamsBench (the same teams, sizes and scores' spread) once per family,
 * with each person's function profile picked from it (its first profile the cycles' own); then
 * the team figures in-process (1) and the comparison of the two biggest teams, each measure's
 * runs on the municipalities in turn (the order swapped every run), so that what else the
 * machine or this process is doing meanwhile weighs on all of them alike.
 */
export async function teamsFamiliesBench(
  families: readonly (readonly Profile[])[],
): Promise<TeamsFamilyBench[]> {
  const sides: {
    family: readonly Profile[];
    db: DB;
    world: World;
    generationSeconds: number;
    definitions: MeasureDefinition[];
    comparison: ReturnType<typeof twoTeamsComparisonWork>;
  }[] = [];
  try {
    for (const family of families) {
      const db = createDatabase(
        `file:${path.join(makeTempDir("bench-teams-profiles"), "t.sqlite")}`,
      );
      await migrateToLatest(db);
      console.log(
        `Teams over ${family.length} profile${family.length === 1 ? "" : "s"}: generating ` +
          `${fmt(PEOPLE)} people in ${fmt(TEAMS)} teams, two released cycles …`,
      );
      const started = performance.now();
      const world = await generate(db, createRandom("rondom-bench-teams"), family);
      const generationSeconds = (performance.now() - started) / 1000;
      sides.push({
        family,
        db,
        world,
        generationSeconds,
        definitions: await inProcessDefinitions(db, world),
        comparison: twoTeamsComparisonWork(db, world, await hrUser(db, world)),
      });
    }
    console.log(
      `Teams: timing the team figures and the two-team comparison, ${RUNS} runs of each on ` +
        `the ${sides.length} municipalities in turn …`,
    );
    const works = sides.map((side) => [
      ...side.definitions.map((definition) => definition.work),
      side.comparison.work,
    ]);
    const runs = works.map((list) =>
      list.map(() => ({ ms: [] as number[], cpuMs: [] as number[] })),
    );
    for (const list of works) for (const work of list) await work(); // warm-up
    for (let run = 0; run < RUNS; run++) {
      for (let m = 0; m < works[0]!.length; m++) {
        const order = sides.map((_, i) => (run % 2 === 0 ? i : sides.length - 1 - i));
        for (const i of order) {
          const { ms, cpuMs } = await repeatWithCpu(1, works[i]![m]!);
          runs[i]![m]!.ms.push(...ms);
          runs[i]![m]!.cpuMs.push(...cpuMs);
        }
      }
    }
    return sides.map((side, i) => ({
      people: PEOPLE,
      teams: TEAMS,
      profiles: side.family.length,
      versionsInCycle: side.world.versionsInCycle,
      competencies: side.world.competencyKeys.length,
      generationSeconds: side.generationSeconds,
      inProcess: side.definitions.map(({ work: _work, ...definition }, m) => ({
        ...definition,
        ...runs[i]![m]!,
      })),
      twoTeams: side.comparison.figures(runs[i]!.at(-1)!),
    }));
  } finally {
    for (const side of sides) await side.db.destroy();
  }
}

async function hrUser(db: DB, world: World): Promise<CurrentUser> {
  const cookie = await sessionCookieOf(db, world.hrPersonId);
  const hr = await getCurrentUser(new Request("http://localhost/", { headers: { cookie } }), db);
  if (!hr?.isHrAdmin) throw new Error("the HR session did not sign in");
  return hr;
}

/** The teams section on each database of BENCH_DATABASES, in its order. */
export async function teamsBench(): Promise<TeamsBench[]> {
  const benches: TeamsBench[] = [];
  for (const database of DATABASES) benches.push(await teamsBenchOn(database));
  return benches;
}

/**
 * The municipality on a fresh database (through Kysely, BATCH rows to an insert on either
 * database), then every measure on it.
 */
async function teamsBenchOn(database: BenchDatabase): Promise<TeamsBench> {
  const fresh = await freshMigratedDatabase(database, "teams");
  const databaseUrl = fresh.url;
  const db = createDatabase(databaseUrl);
  const label = `Teams (${database})`;
  try {
    console.log(
      `${label}: generating ${fmt(PEOPLE)} people in ${fmt(TEAMS)} teams under ` +
        `${DEPARTMENTS} departments, two released cycles …`,
    );
    const started = performance.now();
    const world = await generate(db, createRandom("rondom-bench-teams"), [familyBase()]);
    await afterBulkFill(db, database);
    const generationSeconds = (performance.now() - started) / 1000;

    console.log(`${label}: timing loadCycleFigures (${RUNS} runs each) …`);
    const { measures, shown } = await inProcessFigures(db, world);
    console.log(
      `${label}: page loaders in-process, signed in as HR (${fmt(Math.min(PAGE_TEAMS, TEAMS))} ` +
        `team profiles, the comparison of all ${fmt(TEAMS)} teams and of the two biggest) …`,
    );
    const loaders = await loaderFigures(db, world, await hrUser(db, world));
    const http = HTTP
      ? await httpFigures(db, databaseUrl, world, label)
      : { skipped: "BENCH_TEAMS_HTTP=0" };
    return {
      database,
      people: PEOPLE,
      departments: DEPARTMENTS,
      teams: TEAMS,
      smallTeams: world.smallTeams,
      competencies: world.competencyKeys.length,
      participants: world.participants,
      rows: world.rows,
      ratedByViewers: world.ratedByViewers,
      generationSeconds,
      inProcess: measures,
      shown,
      loaders,
      http,
    };
  } finally {
    await db.destroy();
    await dropFreshDatabase(fresh);
  }
}

// -------------------------------------------------------------------------------------------
// Generated municipality (setup, not timed)

async function insertBatched<T extends keyof Database & string>(
  db: DB,
  tableName: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    // The table is chosen at run time: Kysely cannot tie the rows' type to it here.
    await db
      .insertInto(tableName)
      .values(rows.slice(start, start + BATCH) as never)
      .execute();
  }
}

/** Team sizes: uneven (log-normal weights), every SMALL_TEAM_EVERY-th team under k. */
function teamSizes(random: Random, members: number): number[] {
  const small = new Set(
    Array.from({ length: TEAMS }, (_, i) => i).filter(
      (i) => i % SMALL_TEAM_EVERY === SMALL_TEAM_EVERY - 1,
    ),
  );
  const sizes = Array.from({ length: TEAMS }, (_, i) => (small.has(i) ? random.int(1, K - 1) : 0));
  const rest = members - sizes.reduce((a, b) => a + b, 0);
  const weights = sizes.map((size) => (size > 0 ? 0 : Math.exp(random.normal(0, 0.55))));
  const total = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  weights.forEach((weight, i) => {
    if (weight === 0) return;
    sizes[i] = Math.max(K, Math.floor((weight / total) * rest));
    given += sizes[i]!;
  });
  // Hand out (or take back) the rounding difference one member at a time.
  const large = sizes.map((_, i) => i).filter((i) => !small.has(i));
  for (let i = 0; given !== rest; i++) {
    const index = large[i % large.length]!;
    if (given < rest) {
      sizes[index]!++;
      given++;
    } else if (sizes[index]! > K) {
      sizes[index]!--;
      given--;
    }
  }
  return sizes;
}

/**
 * The municipality; `family` is the organisation's library, its first profile the cycles' own.
 * Each person has a function profile picked from it (its own random stream: the rest draws the
 * same numbers whatever the family) and is rated on it in both cycles.
 */
async function generate(db: DB, random: Random, family: readonly Profile[]): Promise<World> {
  const now = new Date();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  const organisationId = newId();
  const pickProfile = profilePicker(family, createRandom("rondom-bench-teams-profiles"));

  const teams: Insertable<Database["team"]>[] = [];
  const people: Insertable<Database["person"]>[] = [];
  let personNumber = 0;
  const person = (teamId: string | null, hr = false): string => {
    const id = newId();
    personNumber++;
    const first = FIRST_NAMES[personNumber % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(personNumber / FIRST_NAMES.length) % LAST_NAMES.length]!;
    people.push({
      id,
      organisation_id: organisationId,
      employee_number: String(100000 + personNumber),
      first_name: first,
      last_name: last,
      email: `p${personNumber}@${EMAIL_DOMAIN}`,
      team_id: teamId,
      is_hr_admin: hr ? 1 : 0,
      created_at: at(400),
      updated_at: at(400),
    });
    return id;
  };

  await db
    .insertInto("organisation")
    .values({ id: organisationId, name: "Gemeente Rondwijk", created_at: at(400) })
    .execute();
  const hrPersonId = person(null, true);

  // Departments with a head (a member of the department team itself, not a participant),
  // teams with a lead (a member and a participant, managed by the department head).
  const sizes = teamSizes(random, PEOPLE - 1 - DEPARTMENTS);
  const members: { personId: string; teamId: string; departmentId: string; managerId: string }[] =
    [];
  const teamIds: string[] = [];
  let departmentHeadId = "";
  let teamLeadId = "";
  let leadTeamId = "";
  for (let d = 0; d < DEPARTMENTS; d++) {
    const departmentId = newId();
    const headId = person(departmentId);
    departmentHeadId ||= headId;
    teams.push({
      id: departmentId,
      organisation_id: organisationId,
      name: `Afdeling ${d + 1}`,
      parent_team_id: null,
      lead_person_id: headId,
      created_at: at(400),
    });
    for (let t = 0; t < TEAMS_PER_DEPARTMENT; t++) {
      const index = d * TEAMS_PER_DEPARTMENT + t;
      const teamId = newId();
      teamIds.push(teamId);
      const memberIds = Array.from({ length: sizes[index]! }, () => person(teamId));
      const leadId = memberIds[0]!;
      if (!teamLeadId && memberIds.length >= 10) {
        teamLeadId = leadId;
        leadTeamId = teamId;
      }
      teams.push({
        id: teamId,
        organisation_id: organisationId,
        name: `Team ${d + 1}.${t + 1}`,
        parent_team_id: departmentId,
        lead_person_id: leadId,
        created_at: at(400),
      });
      for (const memberId of memberIds) {
        members.push({
          personId: memberId,
          teamId,
          departmentId,
          managerId: memberId === leadId ? headId : leadId,
        });
      }
    }
  }
  await insertBatched(db, "team", teams);
  await insertBatched(db, "person", people);

  const versionOf = await storeFamily(db, organisationId, family, { now: new Date(at(200)) });
  const snapshotId = versionOf.get(PROFILE_KEY)!;
  const questionnaireOf = new Map<string, Questionnaire>();
  for (const [key, version] of versionOf) {
    questionnaireOf.set(key, await readQuestionnaire(db, version));
  }
  const profileOf = new Map(members.map((member) => [member.personId, pickProfile().id]));

  const cycle = (name: string, releasedDaysAgo: number): Insertable<Database["cycle"]> => ({
    id: newId(),
    organisation_id: organisationId,
    name,
    profile_key: PROFILE_KEY,
    profile_snapshot_id: snapshotId,
    status: "released",
    min_group_size: K,
    lead_access: "with_consent",
    launched_at: at(releasedDaysAgo + 40),
    closed_at: at(releasedDaysAgo + 2),
    released_at: at(releasedDaysAgo),
    created_by_person_id: hrPersonId,
    created_at: at(releasedDaysAgo + 60),
    updated_at: at(releasedDaysAgo),
  });
  const previous = cycle("Ronde najaar", 180);
  const current = cycle("Ronde voorjaar", 5);
  await insertBatched(db, "cycle", [previous, current]);

  const participants: Insertable<Database["participant"]>[] = [];
  // A report row per participant so the server's clock finds no release to finish (it would
  // compute every report): empty, except for the participants the measured lead and head
  // rated, whose report the team figures read.
  const reports: Insertable<Database["report"]>[] = [];
  const invitations: Insertable<Database["invitation"]>[] = [];
  let ratedByViewers = 0;
  const memberships: Insertable<Database["participant_team"]>[] = [];
  const scores: Insertable<Database["competency_score"]>[] = [];
  const counts = { current: 0, previous: 0 };
  for (const [cycleRow, share] of [
    [previous, PREVIOUS_CYCLE_SHARE],
    [current, 1],
  ] as const) {
    for (const member of members) {
      if (!random.chance(share)) continue;
      const participantId = newId();
      counts[cycleRow === current ? "current" : "previous"]++;
      // Rated on the cycles' profile: no profile of their own (null), as HR's rounds store it.
      const profileKey = profileOf.get(member.personId)!;
      const own = profileKey === PROFILE_KEY ? null : profileKey;
      const questionnaire = questionnaireOf.get(profileKey)!;
      participants.push({
        id: participantId,
        cycle_id: cycleRow.id,
        person_id: member.personId,
        manager_person_id: member.managerId,
        profile_key: own,
        profile_snapshot_id: own === null ? null : versionOf.get(own)!,
        nomination_status: "approved",
        shared_with_lead_at: random.chance(SHARED_WITH_LEAD_SHARE) ? cycleRow.released_at : null,
        report_notified_at: cycleRow.released_at,
        created_at: cycleRow.created_at,
      });
      // The measured lead rated their team as its manager, the head their team leads.
      const ratedBy =
        member.managerId === teamLeadId || member.managerId === departmentHeadId
          ? member.managerId
          : null;
      const content = ratedBy
        ? JSON.stringify(benchReport(random, questionnaire, participantId, cycleRow.name))
        : "{}";
      if (ratedBy) {
        ratedByViewers++;
        invitations.push({
          id: newId(),
          cycle_id: cycleRow.id,
          participant_id: participantId,
          relationship: "manager",
          rater_person_id: ratedBy,
          rater_name: "Manager",
          rater_email: `manager-${participantId}@${EMAIL_DOMAIN}`,
          token_hash: hashToken(participantId),
          status: "submitted",
          sent_at: cycleRow.launched_at,
          created_at: cycleRow.launched_at!,
        });
      }
      reports.push({
        id: newId(),
        cycle_id: cycleRow.id,
        participant_id: participantId,
        format_version: 1,
        content,
        computed_at: cycleRow.released_at!,
      });
      [member.teamId, member.departmentId].forEach((teamId, depth) =>
        memberships.push({
          participant_id: participantId,
          cycle_id: cycleRow.id,
          team_id: teamId,
          depth,
        }),
      );
      const leniency = random.normal(0, 0.35);
      for (const { key } of questionnaire.competencies) {
        if (random.chance(MISSING_SCORE_SHARE)) continue;
        const score = Math.min(5, Math.max(1, random.normal(3.6 + leniency, 0.45)));
        scores.push({
          participant_id: participantId,
          cycle_id: cycleRow.id,
          competency_key: key,
          others_mean: Math.round(score * 100) / 100,
        });
      }
    }
  }
  await inTransaction(db, async (trx) => {
    await insertBatched(trx, "participant", participants);
    await insertBatched(trx, "report", reports);
    await insertBatched(trx, "participant_team", memberships);
    await insertBatched(trx, "competency_score", scores);
    await insertBatched(trx, "invitation", invitations);
  });
  // The axes of the team figures: every competency of the profiles the cycle's participants
  // are rated on, as the pages read them.
  const competencyKeys = (await loadCycleProfile(db, current.id)).competencies.map(
    (competency) => competency.key,
  );
  const versionsInCycle = new Set(
    participants
      .filter((participant) => participant.cycle_id === current.id)
      .map((participant) => participant.profile_snapshot_id ?? snapshotId),
  ).size;
  const bigTeams = teamIds
    .map((id, index) => ({ id, members: sizes[index]! }))
    .sort((a, b) => b.members - a.members || (a.id < b.id ? -1 : 1))
    .slice(0, 2);

  return {
    organisationId,
    hrPersonId,
    departmentHeadId,
    teamLeadId,
    leadTeamId,
    teamIds,
    bigTeams,
    versionsInCycle,
    smallTeams: sizes.filter((size) => size < K).length,
    currentCycleId: current.id,
    previousCycleId: previous.id,
    competencyKeys,
    participants: counts,
    rows: { competencyScores: scores.length, participantTeams: memberships.length },
    ratedByViewers,
  };
}

/**
 * A real report (with its lead view) of a participant rated by 3 to 10 others, the manager
 * among them: the size and shape the team figures read for the people a viewer rated.
 */
function benchReport(
  random: Random,
  questionnaire: Awaited<ReturnType<typeof readQuestionnaire>>,
  participantId: string,
  cycleName: string,
): ReportContent {
  const relationships = ["manager", "colleague", "colleague", "colleague", "customer"] as const;
  const raters = Array.from({ length: random.int(K, 10) }, (_, i) => ({
    id: `${participantId}-${i}`,
    relationship: i === 0 ? ("manager" as const) : relationships[random.int(1, 4)]!,
    ratings: Object.fromEntries(
      questionnaire.competencies.flatMap((competency) =>
        competency.indicators.map((indicator) => [
          indicator.id,
          random.chance(0.05) ? null : random.int(1, 5),
        ]),
      ),
    ),
  }));
  const input = {
    participantFirstName: "Bench",
    participantName: "Bench Deelnemer",
    cycleName,
    participantId,
    questionnaire,
    settings: { k: K, managerIdentifiable: false },
    raters,
    comments: [],
    invited: { manager: 1, colleague: raters.length - 1 },
    generalQuestions: GENERAL_QUESTIONS,
  };
  return { ...buildReport(input), leadView: buildLeadView(input) };
}

// -------------------------------------------------------------------------------------------
// 1. In-process

interface MeasureDefinition {
  id: string;
  label: string;
  note: string;
  work: () => unknown;
}

/** The in-process measures of section 1, to run. */
async function inProcessDefinitions(db: DB, world: World): Promise<MeasureDefinition[]> {
  const members = await loadCycleMembers(db, world.currentCycleId);
  return [
    {
      id: "hr-figures",
      label: "loadCycleFigures, HR (all teams of the organisation)",
      note: "reads + engine",
      work: () => loadCycleFigures(db, world.currentCycleId, world.hrPersonId),
    },
    {
      id: "head-figures",
      label: "loadCycleFigures, department head",
      note: "reads + engine, known members",
      work: () => loadCycleFigures(db, world.currentCycleId, world.departmentHeadId),
    },
    {
      id: "lead-trend",
      label: "team lead: current + previous cycle (trend)",
      note: "two calls",
      work: async () => {
        await loadCycleFigures(db, world.currentCycleId, world.teamLeadId);
        await loadCycleFigures(db, world.previousCycleId, world.teamLeadId);
      },
    },
    {
      id: "members",
      label: "loadCycleMembers alone (the reads)",
      note: `${fmt(members.length)} members`,
      work: () => loadCycleMembers(db, world.currentCycleId),
    },
    {
      id: "cycle-profile",
      label: "loadCycleProfile alone",
      note: `${world.competencyKeys.length} competencies, ${world.versionsInCycle} versions`,
      work: () => loadCycleProfile(db, world.currentCycleId),
    },
    {
      id: "known-ids",
      label: "knownParticipantIds alone, department head",
      note: "participant + audit_log",
      work: () => knownParticipantIds(db, world.departmentHeadId, world.currentCycleId),
    },
    {
      id: "viewer-knowledge",
      label: "loadViewerKnowledge alone, team lead",
      note: "invitations + reports of those rated",
      work: () =>
        loadViewerKnowledge(db, world.teamLeadId, world.currentCycleId, world.competencyKeys),
    },
    {
      id: "engine",
      label: "computeTeamFigures alone (the engine, HR)",
      note: "pure, no database",
      work: () =>
        computeTeamFigures({
          competencyKeys: world.competencyKeys,
          members,
          k: K,
          knownParticipantIds: new Set(),
          normMinParticipants: NORM_MIN_PARTICIPANTS,
        }),
    },
  ];
}

/**
 * Milliseconds (wall and CPU) of RUNS runs of each measure after one warm-up, and how many
 * teams HR and the department head see a figure of.
 */
async function inProcessFigures(db: DB, world: World) {
  const hr = await loadCycleFigures(db, world.currentCycleId, world.hrPersonId);
  const head = await loadCycleFigures(db, world.currentCycleId, world.departmentHeadId);
  const countShown = (figures: typeof hr.figures) =>
    [...figures.teams.values()].filter((team) => team.anyShown).length;
  const shown = {
    hrTeamsShown: countShown(hr.figures),
    hrTeamsWithheld: hr.figures.teams.size - countShown(hr.figures),
    headTeamsShown: countShown(head.figures),
  };
  const measures: InProcessMeasure[] = [];
  for (const { work, ...definition } of await inProcessDefinitions(db, world)) {
    measures.push({ ...definition, ...(await repeatWithCpu(RUNS, work, { warmUp: true })) });
  }
  return { measures, shown };
}

/** The teams whose profile page is loaded: PAGE_TEAMS of them, spread evenly. */
function pageTeams(world: World): string[] {
  const count = Math.min(PAGE_TEAMS, world.teamIds.length);
  return Array.from(
    { length: count },
    (_, i) => world.teamIds[Math.floor((i * world.teamIds.length) / count)]!,
  );
}

function comparisonQuery(world: World): string {
  return (
    `ronde=${encodeURIComponent(world.currentCycleId)}&` +
    world.teamIds.map((id) => `team=${encodeURIComponent(id)}`).join("&")
  );
}

async function sessionCookieOf(db: DB, personId: string): Promise<string> {
  const cookie = (await createSession(db, personId)).split(";")[0]!;
  if (!cookie.startsWith(`${sessionCookieName()}=`)) throw new Error("no session cookie");
  return cookie;
}

/** What the page loaders do before rendering (without their audit entry). */
async function loaderFigures(db: DB, world: World, hr: CurrentUser): Promise<LoaderFigures> {
  const teams = pageTeams(world);
  await loadTeamProfile(db, hr, teams[0]!, world.currentCycleId); // warm-up
  const profileMs: number[] = [];
  let profilesShown = 0;
  for (const teamId of teams) {
    const started = performance.now();
    const profile = await loadTeamProfile(db, hr, teamId, world.currentCycleId);
    profileMs.push(performance.now() - started);
    if (!profile) throw new Error(`no team profile for team ${teamId}`);
    if (profile.status !== "no_cycle") profilesShown++;
  }
  const url = new URL(`http://localhost/teams/vergelijken?${comparisonQuery(world)}`);
  let comparedTeams = 0;
  const comparisonMs = await repeat(
    COMPARISON_RUNS,
    async () => {
      const page = await loadTeamComparison(db, hr, readComparisonQuery(url));
      comparedTeams = page?.page.comparison?.teams.length ?? 0;
    },
    { warmUp: true },
  );
  const twoTeams = await twoTeamsComparison(db, world, hr);
  return { profileMs, profilesShown, comparisonMs, comparedTeams, twoTeams };
}

/** The comparison page's loader for the two biggest teams (RUNS runs after one warm-up). */
async function twoTeamsComparison(db: DB, world: World, hr: CurrentUser): Promise<TwoTeamsFigures> {
  const comparison = twoTeamsComparisonWork(db, world, hr);
  return comparison.figures(await repeatWithCpu(RUNS, comparison.work, { warmUp: true }));
}

/** One load of the two-team comparison, and its figures from the runs' times. */
function twoTeamsComparisonWork(db: DB, world: World, hr: CurrentUser) {
  const [first, second] = world.bigTeams;
  if (!first || !second) throw new Error("the municipality has fewer than two teams");
  const url = new URL(
    `http://localhost/teams/vergelijken?ronde=${encodeURIComponent(world.currentCycleId)}` +
      `&team=${encodeURIComponent(first.id)}&team=${encodeURIComponent(second.id)}`,
  );
  let comparison: TeamComparison | null = null;
  return {
    work: async () => {
      const loaded = await loadTeamComparison(db, hr, readComparisonQuery(url));
      comparison = loaded?.page.comparison ?? null;
    },
    figures: (runs: { ms: number[]; cpuMs: number[] }): TwoTeamsFigures => {
      // Assigned by work(): TypeScript cannot see that, so it is named again here.
      const compared = comparison as TeamComparison | null;
      if (!compared || compared.teams.length !== 2) {
        throw new Error("the two teams were not compared");
      }
      return {
        members: [first.members, second.members],
        ...runs,
        axes: compared.axes.length,
        shownCells: compared.teams.reduce(
          (sum, team) => sum + Object.values(team.cells).filter((cell) => cell.shown).length,
          0,
        ),
      };
    },
  };
}

// -------------------------------------------------------------------------------------------
// 2. HTTP against the built app

function buildHasTeamRoutes(): string | null {
  const entry = path.join(ROOT, "build/server/index.js");
  if (!fs.existsSync(entry)) return "build/server/index.js is missing (run `npm run build`)";
  const source = fs.readFileSync(entry, "utf8");
  const missing = ["routes/teams.$teamId.profiel", "routes/teams.vergelijken"].filter(
    (route) => !source.includes(route),
  );
  return missing.length > 0
    ? `the build predates ${missing.join(" and ")} (run \`npm run build\`)`
    : null;
}

async function httpFigures(
  db: DB,
  databaseUrl: string,
  world: World,
  label: string,
): Promise<HttpFigures | { skipped: string }> {
  const problem = buildHasTeamRoutes();
  if (problem) {
    console.log(`${label}: pages not measured: ${problem}.`);
    return { skipped: problem };
  }
  const cookie = await sessionCookieOf(db, world.hrPersonId);

  // Over plain HTTP the server names its session cookie as this process does (without the
  // __Host- prefix that Secure cookies get), so the cookie made here is the one it reads.
  const server = new ServerProcess({
    databaseUrl,
    port: await freePort(),
    label: `${label} server`,
    extraEnv: { INSECURE_COOKIES: "1" },
  });
  console.log(`${label}: starting the server …`);
  const startMs = await server.start();
  try {
    const get = async (pathAndQuery: string) => {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${pathAndQuery}`, {
        headers: { cookie, "accept-encoding": "identity" },
        redirect: "manual",
      });
      const body = await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started, bytes: body.byteLength };
    };
    const statusText = (statuses: number[]) => {
      const counts = new Map<number, number>();
      for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
      return [...counts.entries()].map(([status, n]) => `${status}×${n}`).join(" ");
    };

    const teams = pageTeams(world);
    console.log(`${label}: GET /teams/<id>/profiel for ${fmt(teams.length)} teams …`);
    const ronde = `ronde=${encodeURIComponent(world.currentCycleId)}`;
    await get(`/teams/${teams[0]}/profiel?${ronde}`); // warm-up
    const profiles = [];
    for (const teamId of teams) profiles.push(await get(`/teams/${teamId}/profiel?${ronde}`));

    console.log(`${label}: GET /teams/vergelijken with all ${fmt(TEAMS)} teams …`);
    const comparisonUrl = `/teams/vergelijken?${comparisonQuery(world)}`;
    await get(comparisonUrl); // warm-up
    const comparisons = [];
    for (let run = 0; run < COMPARISON_RUNS; run++) comparisons.push(await get(comparisonUrl));

    return {
      startMs,
      profileStatuses: statusText(profiles.map((p) => p.status)),
      profileMs: profiles.map((p) => p.ms),
      profileBytes: median(profiles.map((p) => p.bytes)),
      comparisonStatuses: statusText(comparisons.map((c) => c.status)),
      comparisonMs: comparisons.map((c) => c.ms),
      comparisonBytes: comparisons[0]!.bytes,
    };
  } finally {
    await server.stop();
  }
}

// -------------------------------------------------------------------------------------------
// Measuring and printing

export function printTeamsBench(benches: readonly TeamsBench[]) {
  const bench = benches[0];
  if (!bench) return;
  const columns = (rows: (bench: TeamsBench) => (string | number)[][]) =>
    databaseColumns(
      benches.map((figures) => ({ database: figures.database, figures })),
      rows,
    );
  const spread = (ms: number[]) =>
    `${fmt(median(ms), 1)} / ${fmt(Math.min(...ms), 1)} / ${fmt(Math.max(...ms), 1)} ms`;

  console.log(
    `\n== Teams 1: the municipality (${fmt(bench.people)} people, ${fmt(bench.teams)} teams under ` +
      `${bench.departments} departments, profile ${PROFILE_KEY}, k = ${K}; setup, not timed)`,
  );
  console.log(
    sideBySide(
      columns((bench) => [
        ["competencies in the profile", fmt(bench.competencies)],
        ["teams under k (1–2 members)", fmt(bench.smallTeams)],
        [
          "participants, current / previous cycle",
          `${fmt(bench.participants.current)} / ${fmt(bench.participants.previous)}`,
        ],
        ["competency_score rows (≈5% missing)", fmt(bench.rows.competencyScores)],
        ["participant_team rows", fmt(bench.rows.participantTeams)],
        [
          "participants the measured lead and head rated (real reports, both cycles)",
          fmt(bench.ratedByViewers),
        ],
        ["generation (Kysely, 500 rows to an insert)", `${bench.generationSeconds.toFixed(1)} s`],
        [
          "teams + departments with a figure shown to HR / withheld entirely",
          `${fmt(bench.shown.hrTeamsShown)} / ${fmt(bench.shown.hrTeamsWithheld)}`,
        ],
        [
          "teams + departments with a figure shown to the department head",
          fmt(bench.shown.headTeamsShown),
        ],
      ]),
      ["measure", "value"],
    ),
  );

  console.log(`\n== Teams 2: team figures in-process (${RUNS} runs after one warm-up)`);
  console.log(
    sideBySide(
      columns((bench) =>
        bench.inProcess.map((m) => [
          m.label,
          fmt(median(m.ms), 1),
          fmt(Math.min(...m.ms), 1),
          m.note,
        ]),
      ),
      ["measure", "median ms", "min ms", "note"],
      { shared: 1 },
    ),
  );

  console.log(
    `\n== Teams 3: page loaders in-process, signed in as HR (no rendering, no audit entry)`,
  );
  const l = bench.loaders;
  console.log(
    sideBySide(
      columns(({ loaders }) => [
        [
          `loadTeamProfile, ${fmt(loaders.profileMs.length)} teams (${fmt(loaders.profilesShown)} with a profile)`,
          spread(loaders.profileMs),
        ],
        [
          `  … all ${fmt(bench.teams)} teams one after the other (estimated)`,
          `${((median(loaders.profileMs) * bench.teams) / 1000).toFixed(1)} s`,
        ],
        [
          `loadTeamComparison, all ${fmt(bench.teams)} teams (${fmt(loaders.comparedTeams)} compared)`,
          spread(loaders.comparisonMs),
        ],
        [
          `loadTeamComparison, the two biggest teams (${l.twoTeams.members.join(" and ")} members)`,
          spread(loaders.twoTeams.ms),
        ],
      ]),
      ["measure (median / min / max)", "value"],
    ),
  );

  console.log(`\n== Teams 4: pages through HTTP (signed in as HR, one request at a time)`);
  for (const { database, http } of benches) {
    if ("skipped" in http) console.log(`  not measured (${database}): ${http.skipped}`);
  }
  const measured = benches.filter(
    (bench): bench is TeamsBench & { http: HttpFigures } => !("skipped" in bench.http),
  );
  if (measured.length === 0) return;
  console.log(
    sideBySide(
      databaseColumns(
        measured.map((figures) => ({ database: figures.database, figures: figures.http })),
        (h) => [
          ["server start", `${fmt(h.startMs)} ms`],
          [`GET /teams/<id>/profiel, ${fmt(h.profileMs.length)} teams`, h.profileStatuses],
          [
            "  … median / p90 / max",
            `${fmt(median(h.profileMs), 1)} / ${fmt(quantile(h.profileMs, 0.9), 1)} / ${fmt(Math.max(...h.profileMs), 1)} ms`,
          ],
          ["  … min", `${fmt(Math.min(...h.profileMs), 1)} ms`],
          [
            `  … all ${fmt(bench.teams)} teams one after the other (estimated)`,
            `${((median(h.profileMs) * bench.teams) / 1000).toFixed(1)} s`,
          ],
          ["  … HTML (median)", `${fmt(h.profileBytes)} bytes`],
          [`GET /teams/vergelijken, all ${fmt(bench.teams)} teams`, h.comparisonStatuses],
          [
            "  … median / min",
            `${fmt(median(h.comparisonMs), 1)} / ${fmt(Math.min(...h.comparisonMs), 1)} ms (${h.comparisonMs.length} runs)`,
          ],
          ["  … HTML", `${fmt(h.comparisonBytes)} bytes`],
        ],
      ),
      ["measure", "value"],
    ),
  );
}
