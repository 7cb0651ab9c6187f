import { inTransaction } from "#db/transaction";
// Running a round at municipality scale, in-process on a fresh SQLite file: importing
// BENCH_ROUNDS_PEOPLE people from a generated CSV (all new, then the same file again), a round
// for everyone (nomination requests, then the invitations with one grouped mail per rater
// address), the HR dashboard and progress CSV of that round, and the scheduled reminders.
// No server and no network: mails stay in the outbox table of the temporary database.
// roundStartBench runs the same round from the same import with the people's function
// profiles spread over a family of profiles (scripts/bench/profile-mix.ts compares the two).
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sql, type RawBuilder } from "kysely";
import { createDatabase, type DB } from "#db/database";
import { newId } from "#db/ids";
import { migrateToLatest } from "#db/migrate";
import type { Cycle } from "#db/schema";
import { emailLocalPart, FIRST_NAMES, LAST_NAMES } from "#db/seed/demo-names";
import { createRandom, type Random } from "#db/seed/random";
import { runCycleClock } from "~/cycles/cycle-clock.server";
import {
  addDays,
  DEFAULT_CYCLE_SETTINGS,
  SUGGESTED_ANSWER_DAYS,
  SUGGESTED_NOMINATION_DAYS,
} from "~/cycles/cycle-schema";
import { createCycle } from "~/cycles/cycles.server";
import { loadCycleDashboard, loadCycleProgress } from "~/cycles/dashboard.server";
import { runTransition, type TransitionOutcome } from "~/cycles/lifecycle.server";
import { addTeams } from "~/cycles/participants.server";
import { progressCsv, type ProgressCsvLabels } from "~/cycles/progress-csv";
import { translator } from "~/i18n/messages";
import { sendDueReminders } from "~/invitations/reminders.server";
import { createOrganisation } from "~/organisation/create-organisation.server";
import { decodeCsvBytes, parseCsv } from "~/people/csv";
import {
  applyImport,
  loadImportContext,
  previewImport,
  stageImport,
  type ApplyImportResult,
} from "~/people/import.server";
import { buildImportPlan, type ImportPlan } from "~/people/import-plan";
import { MAX_IMPORT_BYTES } from "~/people/import-upload-schema";
import type { Actor } from "~/people/person-store.server";
import type { Profile } from "~/profiles/schema";
import { dayInOrganisation } from "~/utils/dates";
import { fmt, makeTempDir, median, repeat, sleep, table } from "./harness";
import { FAMILY_BASE_KEY, familyBase, profilePicker, storeFamily } from "./profile-family";

const PEOPLE = Number(process.env.BENCH_ROUNDS_PEOPLE ?? 5000);
/** At 5,000 people: 300 teams under 15 departments; fewer people, proportionally fewer. */
const TEAMS = Math.max(1, Math.round((PEOPLE * 300) / 5000));
const DEPARTMENTS = Math.max(1, Math.min(15, Math.round(TEAMS / 20)));
/** The round's profile: in the organisation's library, as a round can only start on one there. */
const PROFILE_KEY = FAMILY_BASE_KEY;
const NOMINATIONS_PER_PARTICIPANT = 8;
/** Participants whose lead has not approved their nominations when collecting starts. */
const UNAPPROVED_SHARE = 0.1;
/** Invitations answered (and declined) by the reminder day, set directly. */
const ANSWERED_SHARE = 0.45;
const DECLINED_SHARE = 0.02;
const PLAN_RUNS = 3;
const PAGE_RUNS = 5;
const EMAIL_DOMAIN = "rondhoven.example";

export interface CyclesBench {
  people: number;
  teams: number;
  departments: number;
  imports: ImportFigures;
  cycle: CycleFigures;
  pages: PageFigures;
  databaseBytes: number;
  maxRssBytes: number;
}

export interface Timed<T> {
  value: T;
  seconds: number;
  cpuSeconds: number;
  /** The longest the event loop was blocked meanwhile: a server would answer nothing then. */
  stallSeconds: number;
}

interface ImportFigures {
  rows: number;
  fileBytes: number;
  decodeMs: number[];
  parseMs: number[];
  firstPlanMs: number[];
  firstPlan: ImportPlan["counts"];
  planJsonBytes: number;
  firstPreview: Timed<unknown>;
  firstApply: Timed<ApplyImportResult>;
  secondPlanMs: number[];
  secondPlan: ImportPlan["counts"];
  secondPreview: Timed<unknown>;
  secondApply: Timed<ApplyImportResult>;
  stored: { people: number; teams: number; teamsWithLead: number };
}

export interface CycleFigures {
  addTeams: Timed<number>;
  nominating: Timed<TransitionOutcome>;
  nominationMails: number;
  nominations: { rows: number; seconds: number; unapprovedParticipants: number };
  collecting: Timed<TransitionOutcome>;
  invitations: number;
  invitationMails: number;
  linksPerMail: { mean: number; max: number };
  raterAddresses: number;
}

interface PageFigures {
  answeredSetup: { submitted: number; declined: number; open: number };
  dashboardMs: number[];
  dashboardParticipants: number;
  dashboardJsonBytes: number;
  atRisk: number;
  csvMs: number[];
  csvBytes: number;
  reminders: Timed<number>;
  remindedInvitations: number;
  clockTickMs: number[];
}

/** Seconds the rounds section may take at most (for the watchdog in run.ts), generously. */
export function cyclesBenchBudgetSeconds(): number {
  return 120 + Math.ceil(PEOPLE * 0.1);
}

export async function cyclesBench(): Promise<CyclesBench> {
  const dir = makeTempDir("bench-cycles");
  const file = path.join(dir, "cycles.sqlite");
  const db = createDatabase(`file:${file}`);
  try {
    const now = new Date();
    const random = createRandom("rondom-bench-rounds");
    const actor = await createMunicipality(db, [familyBase()], now);
    const imports = await importFigures(db, actor, random, now);
    const cycle = await cycleFigures(db, actor, random, now);
    const pages = await pageFigures(db, actor, random, now);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    return {
      people: PEOPLE,
      teams: TEAMS,
      departments: DEPARTMENTS,
      imports,
      cycle,
      pages,
      databaseBytes: databaseBytes(file),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await db.destroy();
  }
}

/** A round over several profiles: the round's figures and how its participants are rated. */
export interface RoundStartBench {
  people: number;
  profiles: number;
  /** Profile versions the round's participants are rated on, once it has started. */
  versionsInRound: number;
  /** Participants rated on a function profile of their own (not the round's). */
  ownProfileParticipants: number;
  cycle: CycleFigures;
}

/** Seconds roundStartBench may take at most (for the watchdog in run.ts), generously. */
export function roundStartBenchBudgetSeconds(): number {
  return 60 + Math.ceil(PEOPLE * 0.04);
}

/**
 * The round of cyclesBench (the same generated import, nominations and steps), in an
 * organisation whose library holds `family` (its first profile the round's), with each person's
 * function profile picked from it. Only the round's steps are timed; the import is setup here.
 */
export async function roundStartBench(family: readonly Profile[]): Promise<RoundStartBench> {
  const dir = makeTempDir("bench-cycles-profiles");
  const db = createDatabase(`file:${path.join(dir, "cycles.sqlite")}`);
  try {
    const now = new Date();
    const random = createRandom("rondom-bench-rounds");
    const actor = await createMunicipality(db, family, now);
    console.log(
      `Rounds over ${family.length} profile${family.length === 1 ? "" : "s"}: importing ` +
        `${fmt(PEOPLE)} people (setup, not timed) …`,
    );
    const text = decodeCsvBytes(generateImportFile(random)).text;
    const imported = await applyPreviewed(
      db,
      actor,
      await stageAndPreview(db, actor, text, now),
      now,
    );
    if (imported.status !== "applied") throw new Error(`the import was not applied`);
    await giveFunctionProfiles(db, actor, family);
    const cycle = await cycleFigures(db, actor, random, now);
    const rated = await sql<{ versions: number; own: number }>`
      SELECT count(DISTINCT coalesce(p.profile_snapshot_id, c.profile_snapshot_id)) AS versions,
             count(p.profile_key) AS own
      FROM participant p JOIN cycle c ON c.id = p.cycle_id
      WHERE c.organisation_id = ${actor.organisationId}`.execute(db);
    return {
      people: PEOPLE,
      profiles: family.length,
      versionsInRound: Number(rated.rows[0]?.versions ?? 0),
      ownProfileParticipants: Number(rated.rows[0]?.own ?? 0),
      cycle,
    };
  } finally {
    await db.destroy();
  }
}

/** A fresh organisation with its HR admin, and `family` in its library (a round needs it). */
async function createMunicipality(db: DB, family: readonly Profile[], now: Date): Promise<Actor> {
  await migrateToLatest(db);
  const hr = await createOrganisation(
    db,
    {
      name: "Gemeente Rondhoven",
      hrFirstName: "Hanna",
      hrLastName: "Roos",
      hrEmail: `hr@${EMAIL_DOMAIN}`,
    },
    now,
  );
  const actor: Actor = { id: hr.personId, organisationId: hr.organisationId };
  await storeFamily(db, actor.organisationId, family, { personId: actor.id, now });
  return actor;
}

/**
 * Each imported person's function profile, picked from the family (its own random stream, so
 * the nominations draw what they draw in cyclesBench). Set directly rather than through the
 * import's profile column, so the import file stays the one cyclesBench times. Participants then
 * take it when they are added, as HR's round does.
 */
async function giveFunctionProfiles(db: DB, actor: Actor, family: readonly Profile[]) {
  const pick = profilePicker(family, createRandom("rondom-bench-rounds-profiles"));
  const people = await db
    .selectFrom("person")
    .select("id")
    .where("organisation_id", "=", actor.organisationId)
    .where("employee_number", "is not", null)
    .orderBy("employee_number")
    .execute();
  const byKey = new Map<string, string[]>();
  for (const person of people) {
    const key = pick().id;
    const ids = byKey.get(key) ?? [];
    ids.push(person.id);
    byKey.set(key, ids);
  }
  await inTransaction(db, async (trx) => {
    for (const [key, ids] of byKey) {
      for (let start = 0; start < ids.length; start += 500) {
        await trx
          .updateTable("person")
          .set({ profile_key: key })
          .where("id", "in", ids.slice(start, start + 500))
          .execute();
      }
    }
  });
}

// -------------------------------------------------------------------------------------------
// 1. The people import: a personnel-system export, first into an empty organisation, then again

async function importFigures(
  db: DB,
  actor: Actor,
  random: Random,
  now: Date,
): Promise<ImportFigures> {
  const bytes = generateImportFile(random);
  console.log(
    `Rounds: importing ${fmt(PEOPLE)} people in ${fmt(TEAMS)} teams under ${DEPARTMENTS} ` +
      `department${DEPARTMENTS === 1 ? "" : "s"} (${fmt(bytes.length / 1024)} KiB of CSV) …`,
  );
  const decodeMs = await repeat(PLAN_RUNS, () => decodeCsvBytes(bytes));
  const text = decodeCsvBytes(bytes).text;
  const parseMs = await repeat(PLAN_RUNS, () => parseCsv(text));
  const csv = parseCsv(text);
  const rows = csv.ok ? csv.rows.length : 0;

  const emptyContext = await loadImportContext(db, actor, csv);
  const firstPlanMs = await repeat(PLAN_RUNS, () => buildImportPlan(csv, emptyContext));
  const firstPlan = buildImportPlan(csv, emptyContext);
  if (firstPlan.problems.length > 0 || firstPlan.counts.errors > 0) {
    const problem = firstPlan.problems[0] ?? firstPlan.rows.find((row) => row.kind === "error");
    throw new Error(`the generated import file has problems: ${JSON.stringify(problem)}`);
  }
  const planJsonBytes = Buffer.byteLength(JSON.stringify(firstPlan));

  const firstPreview = await timed(() => stageAndPreview(db, actor, text, now));
  const firstApply = await timed(() => applyPreviewed(db, actor, firstPreview.value, now));
  if (firstApply.value.status !== "applied") {
    throw new Error(`the first import was not applied: ${firstApply.value.status}`);
  }

  console.log("Rounds: importing the same file again …");
  const fullContext = await loadImportContext(db, actor, csv);
  const secondPlanMs = await repeat(PLAN_RUNS, () => buildImportPlan(csv, fullContext));
  const secondPlan = buildImportPlan(csv, fullContext);
  const secondPreview = await timed(() => stageAndPreview(db, actor, text, now));
  const secondApply = await timed(() => applyPreviewed(db, actor, secondPreview.value, now));

  const count = async (query: RawBuilder<{ n: number }>) =>
    Number((await query.execute(db)).rows[0]?.n ?? 0);
  return {
    rows,
    fileBytes: bytes.length,
    decodeMs,
    parseMs,
    firstPlanMs,
    firstPlan: firstPlan.counts,
    planJsonBytes,
    firstPreview,
    firstApply,
    secondPlanMs,
    secondPlan: secondPlan.counts,
    secondPreview,
    secondApply,
    stored: {
      people: await count(
        sql<{ n: number }>`SELECT count(*) AS n FROM person WHERE employee_number IS NOT NULL`,
      ),
      teams: await count(sql<{ n: number }>`SELECT count(*) AS n FROM team`),
      teamsWithLead: await count(
        sql<{ n: number }>`SELECT count(*) AS n FROM team WHERE lead_person_id IS NOT NULL`,
      ),
    },
  };
}

/** What the upload and the preview page do: stage the text, then plan it against the data. */
async function stageAndPreview(db: DB, actor: Actor, content: string, now: Date) {
  const importId = await stageImport(db, actor, { fileName: "medewerkers.csv", content }, now);
  const preview = await previewImport(db, actor, importId, now);
  if (!preview) throw new Error("the staged import was not found");
  return { importId, planHash: preview.planHash };
}

function applyPreviewed(
  db: DB,
  actor: Actor,
  preview: { importId: string; planHash: string },
  now: Date,
): Promise<ApplyImportResult> {
  return applyImport(db, actor, { ...preview, deactivatePersonIds: [] }, now);
}

const DEPARTMENT_NAMES = [
  "Sociaal Domein",
  "Ruimtelijke Ontwikkeling",
  "Publiekszaken",
  "Bedrijfsvoering",
  "Financiën",
  "Openbare Ruimte",
  "Veiligheid en Handhaving",
  "Economie en Cultuur",
  "Wonen",
  "Vergunningen",
  "Informatievoorziening",
  "Personeel en Organisatie",
  "Communicatie",
  "Onderwijs en Jeugd",
  "Duurzaamheid",
];
const TEAM_TOPICS = [
  "Beleid",
  "Uitvoering",
  "Advies",
  "Projecten",
  "Backoffice",
  "Frontoffice",
  "Regie",
  "Kwaliteit",
  "Toezicht",
  "Ondersteuning",
  "Planning",
  "Analyse",
  "Contractbeheer",
  "Inkoop",
  "Data",
  "Klantcontact",
  "Wijkteam Noord",
  "Wijkteam Zuid",
  "Wijkteam Oost",
  "Wijkteam West",
];
const JOB_TITLES = [
  "Beleidsadviseur",
  "Medewerker",
  "Senior medewerker",
  "Specialist",
  "Projectleider",
  "Adviseur",
  "Coördinator",
  "Consulent",
];

/**
 * A personnel-system export as Excel saves it: UTF-8 with a byte order mark, ";" between
 * fields, CRLF. Department heads are in their department ("Afdeling"), everyone else in a team
 * under it ("Afdeling > Team"); the lead column names the lead of the row's team by employee
 * number (a lead names themselves). Rows in employee-number order, so some people come before
 * their lead. A column the import does not know (Functie) and ~3% English speakers.
 */
function generateImportFile(random: Random): Buffer {
  const departments = Array.from({ length: DEPARTMENTS }, (_, d) =>
    d < DEPARTMENT_NAMES.length ? DEPARTMENT_NAMES[d]! : `Afdeling ${d + 1}`,
  );
  const teams = Array.from({ length: TEAMS }, (_, t) => {
    const department = departments[t % DEPARTMENTS]!;
    const index = Math.floor(t / DEPARTMENTS);
    const topic = TEAM_TOPICS[index % TEAM_TOPICS.length]!;
    const round = Math.floor(index / TEAM_TOPICS.length);
    return `${department} > ${topic} ${department}${round > 0 ? ` ${round + 1}` : ""}`;
  });
  // Department heads, then one lead per team, then the others spread unevenly over the teams.
  const heads = Math.min(DEPARTMENTS, PEOPLE);
  const weights = teams.map(() => 0.4 + random.next() * 1.2);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const placements: { team: string; lead: boolean }[] = [];
  for (let d = 0; d < heads; d++) placements.push({ team: departments[d]!, lead: true });
  for (let t = 0; t < TEAMS && placements.length < PEOPLE; t++) {
    placements.push({ team: teams[t]!, lead: true });
  }
  while (placements.length < PEOPLE) {
    let pick = random.next() * totalWeight;
    let t = 0;
    while (pick >= weights[t]! && t < TEAMS - 1) pick -= weights[t++]!;
    placements.push({ team: teams[t]!, lead: false });
  }

  const numbers = random.shuffle(placements.map((_, i) => String(100_001 + i)));
  const leadOf = new Map<string, string>();
  placements.forEach((placement, i) => {
    if (placement.lead) leadOf.set(placement.team, numbers[i]!);
  });
  const usedEmails = new Set<string>();
  const rows = placements.map((placement, i) => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const local = emailLocalPart(firstName, lastName);
    let email = `${local}@${EMAIL_DOMAIN}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${EMAIL_DOMAIN}`;
    usedEmails.add(email);
    const language = random.chance(0.03) ? "en" : random.chance(0.5) ? "nl" : "";
    const title = placement.lead
      ? placement.team.includes(">")
        ? "Teamleider"
        : "Afdelingshoofd"
      : random.pick(JOB_TITLES);
    return {
      number: numbers[i]!,
      fields: [
        numbers[i]!,
        firstName,
        lastName,
        // Some systems export addresses as people typed them.
        random.chance(0.05) ? email.replace(/^./, (c) => c.toUpperCase()) : email,
        placement.team,
        leadOf.get(placement.team) ?? "",
        language,
        title,
      ],
    };
  });
  rows.sort((a, b) => Number(a.number) - Number(b.number));
  const header = [
    "Personeelsnummer",
    "Voornaam",
    "Achternaam",
    "E-mailadres",
    "Afdeling",
    "Leidinggevende",
    "Taal",
    "Functie",
  ];
  const text = [header, ...rows.map((row) => row.fields)]
    .map((fields) => fields.join(";"))
    .join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}

// -------------------------------------------------------------------------------------------
// 2. A round for everyone: participants, nomination requests, nominations, invitations

async function cycleFigures(
  db: DB,
  actor: Actor,
  random: Random,
  now: Date,
): Promise<CycleFigures> {
  const today = dayInOrganisation(now);
  const cycleId = await createCycle(
    db,
    {
      organisationId: actor.organisationId,
      actorPersonId: actor.id,
      settings: {
        ...DEFAULT_CYCLE_SETTINGS,
        reminderDays: [...DEFAULT_CYCLE_SETTINGS.reminderDays],
        name: "Rondom 360° hele organisatie",
        profileKey: PROFILE_KEY,
        nominationDeadline: addDays(today, SUGGESTED_NOMINATION_DAYS),
        answerDeadline: addDays(today, SUGGESTED_ANSWER_DAYS),
      },
    },
    now,
  );
  const teamIds = (
    await db
      .selectFrom("team")
      .select("id")
      .where("organisation_id", "=", actor.organisationId)
      .execute()
  ).map((row) => row.id);
  console.log(`Rounds: a round for everyone: adding ${fmt(teamIds.length)} teams …`);
  const added = await timed(async () => {
    const outcome = await addTeams(
      db,
      {
        organisationId: actor.organisationId,
        cycleId,
        actorPersonId: actor.id,
        teamIds,
        includeSubTeams: false,
      },
      now,
    );
    if (outcome.status !== "added") throw new Error(`addTeams: ${outcome.status}`);
    return outcome.added;
  });

  console.log("Rounds: starting nominating (a nomination request to every participant) …");
  const request = { organisationId: actor.organisationId, cycleId, actorPersonId: actor.id };
  const nominating = await timed(() =>
    runTransition(db, "start-nominating", { ...request, confirmation: null }, now),
  );
  if (nominating.value.status !== "done") {
    throw new Error(`start-nominating: ${JSON.stringify(nominating.value)}`);
  }

  console.log(
    `Rounds: inserting ${NOMINATIONS_PER_PARTICIPANT} colleague nominations per participant …`,
  );
  const started = performance.now();
  const inserted = await insertNominations(db, cycleId, actor, random, now);
  const nominations = { ...inserted, seconds: (performance.now() - started) / 1000 };

  console.log("Rounds: starting collecting (every invitation and its mail) …");
  const collecting = await timed(() =>
    runTransition(
      db,
      "start-collecting",
      { ...request, confirmation: "approve_open_nominations" },
      now,
    ),
  );
  if (collecting.value.status !== "done") {
    throw new Error(`start_collecting: ${JSON.stringify(collecting.value)}`);
  }

  const mailsOf = async (kind: string) =>
    Number(
      (
        await db
          .selectFrom("email_outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("kind", "=", kind)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const perAddress = await sql<{ links: number }>`
    SELECT count(*) AS links FROM invitation WHERE cycle_id = ${cycleId}
    GROUP BY lower(trim(rater_email))`.execute(db);
  const links = perAddress.rows.map((row) => Number(row.links));
  const invitationCount = links.reduce((a, b) => a + b, 0);
  return {
    addTeams: added,
    nominating,
    nominationMails: await mailsOf("nomination-request"),
    nominations,
    collecting,
    invitations: invitationCount,
    invitationMails: await mailsOf("invitation"),
    linksPerMail: {
      mean: invitationCount / Math.max(1, links.length),
      max: Math.max(0, ...links),
    },
    raterAddresses: links.length,
  };
}

/**
 * NOMINATIONS_PER_PARTICIPANT colleagues for each participant, as people choose them: mostly
 * their own team, then the leads of the teams under theirs and people of neighbouring teams;
 * never themselves or their manager (who is invited as manager anyway). Most participants'
 * nominations are approved by their lead; UNAPPROVED_SHARE are still waiting (submitted,
 * proposed), so starting collecting asks HR to approve them. Bulk inserts, not timed.
 */
async function insertNominations(db: DB, cycleId: string, actor: Actor, random: Random, now: Date) {
  const at = now.toISOString();
  const [people, teams, participants] = await Promise.all([
    db
      .selectFrom("person")
      .select(["id", "team_id", "first_name", "last_name", "email"])
      .where("organisation_id", "=", actor.organisationId)
      .where("is_active", "=", 1)
      .execute(),
    db
      .selectFrom("team")
      .select(["id", "parent_team_id", "lead_person_id"])
      .where("organisation_id", "=", actor.organisationId)
      .execute(),
    db
      .selectFrom("participant")
      .select(["id", "person_id", "manager_person_id"])
      .where("cycle_id", "=", cycleId)
      .orderBy("id")
      .execute(),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const membersOf = new Map<string, string[]>();
  for (const person of people) {
    if (!person.team_id) continue;
    membersOf.set(person.team_id, [...(membersOf.get(person.team_id) ?? []), person.id]);
  }
  const childrenOf = new Map<string, typeof teams>();
  for (const team of teams) {
    if (!team.parent_team_id) continue;
    childrenOf.set(team.parent_team_id, [...(childrenOf.get(team.parent_team_id) ?? []), team]);
  }
  const teamById = new Map(teams.map((team) => [team.id, team]));

  const rows: {
    id: string;
    participant_id: string;
    relationship: "colleague";
    rater_person_id: string;
    rater_name: string;
    rater_email: string;
    status: "approved" | "proposed";
    proposed_by_person_id: string;
    decided_by_person_id: string | null;
    created_at: string;
    decided_at: string | null;
  }[] = [];
  const approved: { id: string; approver: string }[] = [];
  const waiting: string[] = [];
  for (const participant of participants) {
    const teamId = personById.get(participant.person_id)?.team_id ?? null;
    const team = teamId ? teamById.get(teamId) : undefined;
    const excluded = new Set([participant.person_id, participant.manager_person_id]);
    const pools = [
      random.shuffle(membersOf.get(teamId ?? "") ?? []).slice(0, NOMINATIONS_PER_PARTICIPANT - 2),
      random.shuffle(
        (childrenOf.get(teamId ?? "") ?? []).flatMap((child) => child.lead_person_id ?? []),
      ),
      random.shuffle(
        (childrenOf.get(team?.parent_team_id ?? "") ?? [])
          .filter((sibling) => sibling.id !== teamId)
          .flatMap((sibling) => membersOf.get(sibling.id) ?? [])
          .slice(0, 200),
      ),
    ];
    const chosen: string[] = [];
    for (const pool of pools) {
      for (const id of pool) {
        if (chosen.length >= NOMINATIONS_PER_PARTICIPANT) break;
        if (!excluded.has(id) && !chosen.includes(id)) chosen.push(id);
      }
    }
    const isWaiting = random.chance(UNAPPROVED_SHARE);
    const approver = participant.manager_person_id ?? actor.id;
    for (const raterId of chosen) {
      const rater = personById.get(raterId)!;
      rows.push({
        id: newId(),
        participant_id: participant.id,
        relationship: "colleague",
        rater_person_id: rater.id,
        rater_name: `${rater.first_name} ${rater.last_name}`,
        rater_email: rater.email,
        status: isWaiting ? "proposed" : "approved",
        proposed_by_person_id: participant.person_id,
        decided_by_person_id: isWaiting ? null : approver,
        created_at: at,
        decided_at: isWaiting ? null : at,
      });
    }
    if (isWaiting) waiting.push(participant.id);
    else approved.push({ id: participant.id, approver });
  }

  await inTransaction(db, async (trx) => {
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto("nomination")
        .values(rows.slice(start, start + 500))
        .execute();
    }
    for (let start = 0; start < waiting.length; start += 500) {
      await trx
        .updateTable("participant")
        .set({ nomination_status: "submitted", nominations_submitted_at: at })
        .where("id", "in", waiting.slice(start, start + 500))
        .execute();
    }
    for (const { id, approver } of approved) {
      await trx
        .updateTable("participant")
        .set({
          nomination_status: "approved",
          nominations_submitted_at: at,
          nominations_approved_at: at,
          nominations_approved_by_person_id: approver,
        })
        .where("id", "=", id)
        .execute();
    }
  });
  return { rows: rows.length, unapprovedParticipants: waiting.length };
}

// -------------------------------------------------------------------------------------------
// 3. The HR pages of that round, and the reminders on a reminder day

async function pageFigures(db: DB, actor: Actor, random: Random, now: Date): Promise<PageFigures> {
  const cycle: Cycle = await db
    .selectFrom("cycle")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .executeTakeFirstOrThrow();
  const answeredSetup = await simulateAnswers(db, cycle.id, random);

  console.log(`Rounds: the HR dashboard and the progress CSV (${PAGE_RUNS} runs each) …`);
  let dashboard = await loadCycleDashboard(db, cycle, actor.id, now);
  const dashboardMs = await repeat(PAGE_RUNS, async () => {
    dashboard = await loadCycleDashboard(db, cycle, actor.id, now);
  });
  const t = translator("nl");
  const labels: ProgressCsvLabels = {
    participant: t("cycles.progress.participant"),
    team: t("cycles.progress.team"),
    outlook: t("cycles.progress.outlook"),
    column: (group, count) =>
      t("cycles.csv.column", {
        group: t(`relationship.group.${group}`),
        count: t(`cycles.csv.count.${count}`),
      }),
    outlookValue: {
      enough: t("cycles.outlook.enough"),
      waiting: t("cycles.outlook.waiting"),
      at_risk: t("cycles.outlook.at_risk"),
    },
  };
  let csv = "";
  // As the loader of /beheer/rondes/<id>/voortgang.csv: the progress, then the file.
  const csvMs = await repeat(PAGE_RUNS, async () => {
    csv = progressCsv(await loadCycleProgress(db, cycle), labels);
  });

  // The first scheduled reminder: 7 days before the answer deadline (settings "7,2").
  const deadline = cycle.answer_deadline!;
  const reminderDay = addDays(deadline, -DEFAULT_CYCLE_SETTINGS.reminderDays[0]);
  const reminderNow = new Date(`${reminderDay}T09:00:00+01:00`);
  console.log(`Rounds: the scheduled reminders on ${reminderDay} …`);
  const reminders = await timed(() => sendDueReminders(db, reminderNow));
  const reminded = await db
    .selectFrom("invitation")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("cycle_id", "=", cycle.id)
    .where("last_reminded_at", "=", reminderNow.toISOString())
    .executeTakeFirstOrThrow();
  // The server's clock ticks every minute; until the next reminder day nothing more is due.
  let tick = 0;
  const clockTickMs = await repeat(PAGE_RUNS, async () => {
    tick += 1;
    const outcome = await runCycleClock(db, new Date(reminderNow.getTime() + tick * 60_000));
    if (outcome.reminderMails !== 0) throw new Error("the clock sent reminders a second time");
  });

  return {
    answeredSetup,
    dashboardMs,
    dashboardParticipants: dashboard.participants.length,
    dashboardJsonBytes: Buffer.byteLength(JSON.stringify(dashboard)),
    atRisk: dashboard.atRisk.length,
    csvMs,
    csvBytes: Buffer.byteLength(csv),
    reminders,
    remindedInvitations: Number(reminded.n),
    clockTickMs,
  };
}

/** Marks ANSWERED_SHARE of the invitations submitted and DECLINED_SHARE declined (not timed). */
async function simulateAnswers(db: DB, cycleId: string, random: Random) {
  const ids = (
    await db
      .selectFrom("invitation")
      .select("id")
      .where("cycle_id", "=", cycleId)
      .orderBy("id")
      .execute()
  ).map((row) => row.id);
  const submitted: string[] = [];
  const declined: string[] = [];
  for (const id of ids) {
    const draw = random.next();
    if (draw < ANSWERED_SHARE) submitted.push(id);
    else if (draw < ANSWERED_SHARE + DECLINED_SHARE) declined.push(id);
  }
  await inTransaction(db, async (trx) => {
    for (const [status, list] of [
      ["submitted", submitted],
      ["declined", declined],
    ] as const) {
      for (let start = 0; start < list.length; start += 500) {
        await trx
          .updateTable("invitation")
          .set({ status })
          .where("id", "in", list.slice(start, start + 500))
          .execute();
      }
    }
  });
  return {
    submitted: submitted.length,
    declined: declined.length,
    open: ids.length - submitted.length - declined.length,
  };
}

// -------------------------------------------------------------------------------------------
// Measuring

async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  await sleep(30); // the histogram counts from its first tick
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await sleep(30); // a stall is recorded when the timer next runs
  stalls.disable();
  return {
    value,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    stallSeconds: stalls.max / 1e9,
  };
}

/** The database file and its WAL, in bytes. */
function databaseBytes(file: string): number {
  return [file, `${file}-wal`].reduce(
    (sum, name) => sum + (fs.existsSync(name) ? fs.statSync(name).size : 0),
    0,
  );
}

// -------------------------------------------------------------------------------------------
// Printing

const ms = (values: readonly number[], digits = 1) =>
  `${fmt(median(values), digits)} ms (${values.map((v) => fmt(v, digits)).join(" / ")})`;
/** The wall time of a step, then its CPU time and the longest event-loop stall during it. */
const timingRows = (label: string, t: Timed<unknown>): string[][] => [
  [label, `${t.seconds.toFixed(2)} s`],
  [
    "  … CPU / longest event-loop stall",
    `${t.cpuSeconds.toFixed(2)} / ${t.stallSeconds.toFixed(2)} s`,
  ],
];
const perItem = (t: Timed<unknown>, items: number) =>
  `${fmt((t.seconds * 1000) / Math.max(1, items), 2)} ms`;

function details(outcome: TransitionOutcome): Record<string, number> {
  return outcome.status === "done" ? outcome.details : {};
}

export function printCyclesBench(bench: CyclesBench) {
  const { imports: im, cycle, pages } = bench;
  const counts = (result: ApplyImportResult) =>
    result.status === "applied"
      ? `${fmt(result.counts.created)} / ${fmt(result.counts.updated)} / ` +
        `${fmt(result.counts.unchanged)}; ${fmt(result.counts.teamsCreated)} teams, ` +
        `${fmt(result.counts.leadsSet)} leads`
      : result.status;
  console.log(
    `\n== Rounds 1: people import (${fmt(bench.people)} people, ${fmt(bench.teams)} teams under ` +
      `${bench.departments} department${bench.departments === 1 ? "" : "s"}; CSV with BOM, ";", ` +
      "CRLF; in-process)",
  );
  console.log(
    table(
      [
        [
          "file: rows / size (upload limit)",
          `${fmt(im.rows)} / ${fmt(im.fileBytes / 1024)} KiB (${fmt(MAX_IMPORT_BYTES / 1024)} KiB)`,
        ],
        [`decodeCsvBytes, median of ${PLAN_RUNS}`, ms(im.decodeMs, 2)],
        [`parseCsv, median of ${PLAN_RUNS}`, ms(im.parseMs)],
        [`buildImportPlan, empty organisation, median of ${PLAN_RUNS}`, ms(im.firstPlanMs)],
        [
          "  … plan: new / errors / teams to create / leads",
          `${fmt(im.firstPlan.new)} / ${fmt(im.firstPlan.errors)} / ` +
            `${fmt(im.firstPlan.teamsToCreate)} / ${fmt(im.firstPlan.leadChanges)}`,
        ],
        ["  … plan as JSON (what hashPlan hashes)", `${fmt(im.planJsonBytes / 1024)} KiB`],
        ...timingRows("upload + preview (stageImport, previewImport)", im.firstPreview),
        ...timingRows("applyImport, all new", im.firstApply),
        ["  … per person", perItem(im.firstApply, im.rows)],
        ["  … created / updated / unchanged", counts(im.firstApply.value)],
        [
          "  … stored: people / teams / teams with a lead",
          `${fmt(im.stored.people)} / ${fmt(im.stored.teams)} / ${fmt(im.stored.teamsWithLead)}`,
        ],
        [`buildImportPlan, same file again, median of ${PLAN_RUNS}`, ms(im.secondPlanMs)],
        [
          "  … plan: unchanged / changed / new",
          `${fmt(im.secondPlan.unchanged)} / ${fmt(im.secondPlan.changed)} / ` +
            `${fmt(im.secondPlan.new)}`,
        ],
        ...timingRows("upload + preview, same file again", im.secondPreview),
        ...timingRows("applyImport, same file again", im.secondApply),
        ["  … created / updated / unchanged", counts(im.secondApply.value)],
      ],
      ["measure", "value"],
    ),
  );
  console.log(
    "  (median over the runs, each run in brackets; the preview and apply steps each rebuild " +
      "the plan from the staged text, as the pages do)",
  );

  const nominating = details(cycle.nominating.value);
  const collecting = details(cycle.collecting.value);
  console.log(
    `\n== Rounds 2: a round for everyone (profile ${PROFILE_KEY}; ${NOMINATIONS_PER_PARTICIPANT} ` +
      `colleague nominations each; ${Math.round(UNAPPROVED_SHARE * 100)}% still unapproved)`,
  );
  console.log(
    table(
      [
        ...timingRows(
          `addTeams, all ${fmt(bench.teams + bench.departments)} teams`,
          cycle.addTeams,
        ),
        ["  … participants", fmt(cycle.addTeams.value)],
        ...timingRows("start nominating (runTransition)", cycle.nominating),
        [
          "  … nomination requests (details / outbox)",
          `${fmt(nominating.nominationRequests ?? 0)} / ${fmt(cycle.nominationMails)}`,
        ],
        ["  … per mail", perItem(cycle.nominating, cycle.nominationMails)],
        [
          "nominations inserted directly (setup, not timed)",
          `${fmt(cycle.nominations.rows)} in ${cycle.nominations.seconds.toFixed(1)} s`,
        ],
        ...timingRows(
          "start collecting, approve open nominations (runTransition)",
          cycle.collecting,
        ),
        [
          "  … participants approved by HR at the start",
          fmt(collecting.approvedForParticipants ?? 0),
        ],
        [
          "  … invitations (details / stored)",
          `${fmt(collecting.invitations ?? 0)} / ${fmt(cycle.invitations)}`,
        ],
        [
          "  … invitation mails (details / outbox) / rater addresses",
          `${fmt(collecting.mails ?? 0)} / ${fmt(cycle.invitationMails)} / ` +
            `${fmt(cycle.raterAddresses)}`,
        ],
        [
          "  … links per mail: mean / max",
          `${fmt(cycle.linksPerMail.mean, 1)} / ${fmt(cycle.linksPerMail.max)}`,
        ],
        ["  … per invitation", perItem(cycle.collecting, cycle.invitations)],
      ],
      ["measure", "value"],
    ),
  );
  console.log(
    "  (each step is one transaction; the longest stall is how long a server running it would " +
      "answer no other request)",
  );

  const p = pages;
  console.log(
    `\n== Rounds 3: HR pages of that round and the reminders (answers set directly: ` +
      `${fmt(p.answeredSetup.submitted)} submitted, ${fmt(p.answeredSetup.declined)} declined, ` +
      `${fmt(p.answeredSetup.open)} open)`,
  );
  console.log(
    table(
      [
        [`loadCycleDashboard, median of ${PAGE_RUNS}`, ms(p.dashboardMs)],
        [
          "  … participants / at risk / as JSON",
          `${fmt(p.dashboardParticipants)} / ${fmt(p.atRisk)} / ` +
            `${fmt(p.dashboardJsonBytes / 1024)} KiB`,
        ],
        [`progress CSV (loadCycleProgress + progressCsv), median of ${PAGE_RUNS}`, ms(p.csvMs)],
        ["  … file size", `${fmt(p.csvBytes / 1024)} KiB`],
        ...timingRows("sendDueReminders on the first reminder day", p.reminders),
        [
          "  … reminder mails / open invitations reminded",
          `${fmt(p.reminders.value)} / ${fmt(p.remindedInvitations)}`,
        ],
        [`clock tick after it (nothing due), median of ${PAGE_RUNS}`, ms(p.clockTickMs)],
        ["database size at the end", `${fmt(bench.databaseBytes / 1_048_576, 1)} MiB`],
        ["peak RSS of the bench process so far", `${fmt(bench.maxRssBytes / 1_048_576)} MiB`],
      ],
      ["measure", "value"],
    ),
  );
  console.log(
    "  (the clock runs every minute: from the first reminder day to the deadline each tick " +
      "reads every open invitation of the round)",
  );
}
