// Report figures: computing reports in-process (buildReport per participant and
// computeCycleReports per cycle) on a fresh demo database and on a generated cycle of
// BENCH_REPORT_PARTICIPANTS participants, and serving a stored report page through the built
// server (one request at a time, then a short autocannon run). Everything stays on 127.0.0.1.
// generatedFigures also releases such a cycle whose participants are rated on profiles of a
// family (scripts/bench/profile-mix.ts compares it with the one-profile cycle).
// Each part runs on every database of BENCH_DATABASES (scripts/bench/databases.ts); the
// generated cycle is written once into a SQLite file and copied as it is into PostgreSQL.
import { createHash } from "node:crypto";
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import SQLite from "better-sqlite3";
import { sql, type RawBuilder } from "kysely";
import { createDatabase, type DB } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import type { Relationship } from "#db/schema";
import { seedDemo } from "#db/seed/demo";
import { createRandom } from "#db/seed/random";
import { getProfile } from "~/profiles/load.server";
import type { Profile } from "~/profiles/schema";
import { GENERAL_QUESTIONS, type Questionnaire } from "~/rater/questionnaire";
import { readQuestionnaire } from "~/rater/questionnaire.server";
import { computeCycleReports, loadReportInputs } from "~/reports/release.server";
import { buildReport, organisationNorm, type ReportInput } from "~/reports/report-content";
import { copySqliteToPostgres } from "./copy-to-postgres";
import {
  afterBulkFill,
  type BenchDatabase,
  databaseBytes,
  databaseColumns,
  DATABASES,
  dropFreshDatabase,
  type FreshDatabase,
  freshDatabase,
  freshMigratedDatabase,
  sideBySide,
} from "./databases";
import { fmt, freePort, quantile, ServerProcess, sleep } from "./harness";
import { familyBase, profilePicker, storeFamily } from "./profile-family";

const REPORT_PARTICIPANTS = Number(process.env.BENCH_REPORT_PARTICIPANTS ?? 5000);
const REQUESTS = Number(process.env.BENCH_REPORT_REQUESTS ?? 200);
const AUTOCANNON_SECONDS = Number(process.env.BENCH_REPORT_SECONDS ?? 5);
const AUTOCANNON_CONNECTIONS = 10;
const DEMO_PROFILE_ID = "toepassing-beleid";
/** Rounds of buildReport per demo participant (after one warm-up round). */
const BUILD_ROUNDS = 5;
const CYCLE_REPEATS = 3;
const PROGRESS_EVERY_MS = 10_000;
/** Generated participants whose buildReport is timed on its own. */
const BUILD_SAMPLE = 250;

/** Who rates each generated participant: 1 self, 1 manager, 5 colleagues, 3 customers. */
const RATERS: Relationship[] = [
  "self",
  "manager",
  ...Array<Relationship>(5).fill("colleague"),
  ...Array<Relationship>(3).fill("customer"),
];
const NOT_APPLICABLE_CHANCE = 0.1;

export interface ReportBench {
  database: BenchDatabase;
  demo: DemoFigures;
  generated: GeneratedFigures;
  serving: ServingFigures | null;
}

interface DemoFigures {
  seedSeconds: number;
  participants: number;
  responses: number;
  ratings: number;
  comments: number;
  build: { p50: number; p90: number; mean: number; max: number };
  normMs: number;
  cycleMs: number[];
  /** CPU time (user + system) of the bench process during each run. */
  cycleCpuMs: number[];
  written: number;
  reportBytes: number;
}

export interface GeneratedFigures {
  database: BenchDatabase;
  participants: number;
  /** Profile versions the participants are rated on. */
  profiles: number;
  /** Indicators per participant (the mean, where the profiles differ). */
  indicators: number;
  /** Competencies of all those profiles together, each key once. */
  competencies: number;
  rows: {
    people: number;
    invitations: number;
    responses: number;
    ratings: number;
    comments: number;
  };
  /** The rows written into a SQLite file (with better-sqlite3, one transaction). */
  generationSeconds: number;
  /** On PostgreSQL: that file copied into a fresh database (and ANALYZE). */
  copySeconds: number | null;
  bytesBefore: number;
  bytesAfter: number;
  /** The reads of computeCycleReports, repeated on their own beforehand. */
  readSeconds: number;
  /** buildReport on a sample of the participants (one call each, after a warm-up). */
  build: { sample: number; p50: number; p90: number; mean: number };
  cycleSeconds: number;
  cycleCpuSeconds: number;
  /** From the call until the first report row is written: reading, building and the norm. */
  buildPhaseSeconds: number;
  /** The longest the event loop was blocked during computeCycleReports. */
  longestStallSeconds: number;
  written: number;
  reportBytes: number;
  maxRssBytes: number;
}

interface ServingFigures {
  startMs: number;
  participantId: string;
  statuses: string;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  rawBytes: number;
  gzipBytes: number;
  sentGzipBytes: number | null;
  autocannon: {
    requestsPerSecond: number;
    p50: number;
    p99: number;
    non2xx: number;
    errors: number;
  } | null;
}

/** Seconds the report sections may take at most (for the watchdog in run.ts), generously. */
export function reportBenchBudgetSeconds(): number {
  return (
    (120 + AUTOCANNON_SECONDS) * DATABASES.length +
    generatedBenchBudgetSeconds(DATABASES.includes("postgres") ? 2 : 1)
  );
}

/**
 * Seconds one generated cycle (generation, reads, release) may take at most, generously; with
 * `releases` 2, also its copy to PostgreSQL and the release there.
 */
export function generatedBenchBudgetSeconds(releases = 1): number {
  return 60 + Math.ceil(REPORT_PARTICIPANTS * 0.05) * releases;
}

/** The report figures on each database of BENCH_DATABASES, in its order. */
export async function reportBench(): Promise<ReportBench[]> {
  const generated = await generatedFiguresOn([familyBase()], DATABASES);
  const benches: ReportBench[] = [];
  for (const database of DATABASES) {
    const demo = await demoFigures(database);
    const serving = await servingFigures(database).catch((error: unknown) => {
      console.log(`Report page not measured: ${String(error)}`);
      return null;
    });
    benches.push({ database, demo, generated: generated.get(database)!, serving });
  }
  return benches;
}

// -------------------------------------------------------------------------------------------
// 1. The demo: buildReport per participant, computeCycleReports for the released cycle

async function demoFigures(database: BenchDatabase): Promise<DemoFigures> {
  const profile = getProfile(DEMO_PROFILE_ID);
  if (!profile) throw new Error(`surveys/${DEMO_PROFILE_ID}.md is missing`);
  const fresh = await freshDatabase(database, "reports_demo");
  const db = createDatabase(fresh.url);
  try {
    await migrateToLatest(db);
    console.log(`Reports (${database}): seeding a fresh demo database …`);
    const seedStarted = performance.now();
    await seedDemo(db, { profile });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const cycle = await db
      .selectFrom("cycle")
      .select("id")
      .where("status", "=", "released")
      .executeTakeFirstOrThrow();

    // buildReport alone, on the inputs computeCycleReports gives it.
    const inputs = await reportInputs(db, cycle.id);
    for (const input of inputs) buildReport(input); // warm-up
    const perParticipant: number[] = [];
    const contents = [];
    for (const input of inputs) {
      const samples: number[] = [];
      for (let round = 0; round < BUILD_ROUNDS; round++) {
        const started = performance.now();
        const content = buildReport(input);
        samples.push(performance.now() - started);
        if (round === 0) contents.push(content);
      }
      perParticipant.push(quantile(samples, 0.5));
    }
    const normSamples: number[] = [];
    for (let round = 0; round < BUILD_ROUNDS; round++) {
      const started = performance.now();
      organisationNorm(contents);
      normSamples.push(performance.now() - started);
    }

    // The whole cycle as at release: the reports are removed first, then computed anew.
    const cycleMs: number[] = [];
    const cycleCpuMs: number[] = [];
    let written = 0;
    for (let repeat = 0; repeat < CYCLE_REPEATS; repeat++) {
      await db.deleteFrom("report").where("cycle_id", "=", cycle.id).execute();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      written = await computeCycleReports(db, cycle.id);
      cycleMs.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuBefore);
      cycleCpuMs.push((cpu.user + cpu.system) / 1000);
    }
    const reportBytes = await reportContentBytes(db, cycle.id);
    const counts = await cycleCounts(db, cycle.id);
    return {
      seedSeconds,
      participants: inputs.length,
      ...counts,
      build: {
        p50: quantile(perParticipant, 0.5),
        p90: quantile(perParticipant, 0.9),
        mean: perParticipant.reduce((a, b) => a + b, 0) / perParticipant.length,
        max: Math.max(...perParticipant),
      },
      normMs: quantile(normSamples, 0.5),
      cycleMs,
      cycleCpuMs,
      written,
      reportBytes,
    };
  } finally {
    await db.destroy();
    await dropFreshDatabase(fresh);
  }
}

/** What computeCycleReports passes to buildReport, read by the same function. */
async function reportInputs(db: DB, cycleId: string): Promise<ReportInput[]> {
  const { participants } = await loadReportInputs(db, cycleId);
  return participants.map((participant) => participant.input);
}

async function cycleCounts(db: DB, cycleId: string) {
  const count = async (query: RawBuilder<{ n: number }>) =>
    Number((await query.execute(db)).rows[0]?.n ?? 0);
  return {
    responses: await count(
      sql<{ n: number }>`SELECT count(*) AS n FROM response WHERE cycle_id = ${cycleId}`,
    ),
    ratings: await count(
      sql<{
        n: number;
      }>`SELECT count(*) AS n FROM rating JOIN response r ON r.id = rating.response_id
          WHERE r.cycle_id = ${cycleId}`,
    ),
    comments: await count(
      sql<{
        n: number;
      }>`SELECT count(*) AS n FROM comment JOIN response r ON r.id = comment.response_id
          WHERE r.cycle_id = ${cycleId}`,
    ),
  };
}

async function reportContentBytes(db: DB, cycleId: string): Promise<number> {
  // octet_length: bytes of the UTF-8 text on both databases (SQLite has it since 3.43).
  const result = await sql<{ bytes: number | null }>`
    SELECT sum(octet_length(content)) AS bytes FROM report WHERE cycle_id = ${cycleId}`.execute(db);
  return Number(result.rows[0]?.bytes ?? 0);
}

// -------------------------------------------------------------------------------------------
// 2. A generated cycle: BENCH_REPORT_PARTICIPANTS × 10 raters on the demo profile (or on the
// profiles of a family), then one release

/** generatedFiguresOn on SQLite alone. */
export async function generatedFigures(family: readonly Profile[]): Promise<GeneratedFigures> {
  return (await generatedFiguresOn(family, ["sqlite"])).get("sqlite")!;
}

/**
 * The generated cycle, released on each of `databases`: written once into a SQLite file, which
 * is copied as it is into a fresh PostgreSQL database before anything is released, so that both
 * release the very same rows.
 */
export async function generatedFiguresOn(
  family: readonly Profile[],
  databases: readonly BenchDatabase[],
): Promise<Map<BenchDatabase, GeneratedFigures>> {
  const participants = REPORT_PARTICIPANTS;
  const source = await freshDatabase("sqlite", "generated");
  const now = new Date();
  console.log(
    `Reports: generating a released cycle of ${fmt(participants)} participants × ` +
      `${RATERS.length} raters on ${family.length} profile${family.length === 1 ? "" : "s"} …`,
  );
  const generationStarted = performance.now();
  const generated = await generateCycle(source.file!, participants, now, family);
  const generationSeconds = (performance.now() - generationStarted) / 1000;
  console.log(
    `Reports: generated ${fmt(generated.rows.ratings)} ratings in ` +
      `${generationSeconds.toFixed(1)} s.`,
  );
  const targets: { fresh: FreshDatabase; copySeconds: number | null }[] = [];
  for (const database of databases) {
    if (database === "sqlite") {
      targets.push({ fresh: source, copySeconds: null });
      continue;
    }
    const fresh = await freshMigratedDatabase(database, "reports_generated");
    console.log(`Reports: copying the generated cycle into ${database} …`);
    const copyStarted = performance.now();
    const copy = await copySqliteToPostgres(source.file!, fresh.url);
    const db = createDatabase(fresh.url);
    await afterBulkFill(db, database).finally(() => db.destroy());
    const copySeconds = (performance.now() - copyStarted) / 1000;
    console.log(`Reports: copied ${fmt(copy.rows)} rows in ${copySeconds.toFixed(1)} s.`);
    targets.push({ fresh, copySeconds });
  }
  const figures = new Map<BenchDatabase, GeneratedFigures>();
  for (const { fresh, copySeconds } of targets) {
    figures.set(fresh.database, {
      ...(await releaseGenerated(fresh, generated, now)),
      generationSeconds,
      copySeconds,
    });
    await dropFreshDatabase(fresh);
  }
  return figures;
}

/** The reads, buildReport on a sample, and computeCycleReports, on one database. */
async function releaseGenerated(
  fresh: FreshDatabase,
  generated: Awaited<ReturnType<typeof generateCycle>>,
  now: Date,
): Promise<Omit<GeneratedFigures, "generationSeconds" | "copySeconds">> {
  const participants = REPORT_PARTICIPANTS;
  const db = createDatabase(fresh.url);
  try {
    const bytesBefore = await databaseBytes(db, fresh);
    // The reads of computeCycleReports on their own, and buildReport for a sample.
    console.log(
      `Reports (${fresh.database}): reading the cycle's answers as computeCycleReports does …`,
    );
    let started = performance.now();
    let inputs: ReportInput[] | null = await reportInputs(db, generated.cycleId);
    const readSeconds = (performance.now() - started) / 1000;
    const sample = inputs.slice(0, BUILD_SAMPLE);
    inputs = null; // let the garbage collector have it before the real run
    for (const input of sample.slice(0, 20)) buildReport(input); // warm-up
    const buildMs = sample.map((input) => {
      const at = performance.now();
      buildReport(input);
      return performance.now() - at;
    });

    console.log(
      `Reports (${fresh.database}): computeCycleReports for ${fmt(participants)} participants ` +
        "(it reads and " +
        "builds every report in one step before the first write: no progress until then) …",
    );
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    await sleep(50); // the histogram counts from its first tick
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    let firstWriteAt: number | null = null;
    let calls = 0;
    let lastProgress = started;
    const countingId = () => {
      const at = performance.now();
      firstWriteAt ??= at;
      calls++;
      if (at - lastProgress >= PROGRESS_EVERY_MS || calls === 1) {
        lastProgress = at;
        console.log(
          `  … writing report ${fmt(calls)} / ${fmt(participants)} ` +
            `(${((at - started) / 1000).toFixed(1)} s)`,
        );
      }
      return generated.createId();
    };
    const written = await computeCycleReports(db, generated.cycleId, now, countingId);
    const cycleSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    await sleep(50); // the histogram records a stall when its timer next runs
    stalls.disable();
    const reportBytes = await reportContentBytes(db, generated.cycleId);
    return {
      database: fresh.database,
      participants,
      profiles: generated.profiles,
      indicators: generated.indicators,
      competencies: generated.competencies,
      rows: generated.rows,
      bytesBefore,
      bytesAfter: await databaseBytes(db, fresh),
      readSeconds,
      build: {
        sample: buildMs.length,
        p50: quantile(buildMs, 0.5),
        p90: quantile(buildMs, 0.9),
        mean: buildMs.reduce((a, b) => a + b, 0) / Math.max(1, buildMs.length),
      },
      cycleSeconds,
      cycleCpuSeconds: (cpu.user + cpu.system) / 1e6,
      buildPhaseSeconds: ((firstWriteAt ?? performance.now()) - started) / 1000,
      longestStallSeconds: stalls.max / 1e9,
      written,
      reportBytes,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    await db.destroy();
  }
}

/**
 * An organisation with `family` in its library and one released cycle on the family's first
 * profile: `participants` people, each rated on a profile picked from the family (the cycle's
 * own where it has one profile) by RATERS (all submitted), ~10% "kan ik niet beoordelen",
 * scores 1–5 from a seeded PRNG, a few comments. Written with better-sqlite3 in one transaction.
 */
async function generateCycle(
  file: string,
  participants: number,
  now: Date,
  family: readonly Profile[],
) {
  const profile = family[0]!;
  const random = createRandom("rondom-bench-reports");
  // Its own stream: the answers draw the same numbers whatever the family.
  const pickProfile = profilePicker(family, createRandom("rondom-bench-reports-profiles"));
  const createId = () => random.id();
  const nowIso = now.toISOString();
  const day = nowIso.slice(0, 10);

  const db = createDatabase(`file:${file}`);
  await migrateToLatest(db);
  const organisationId = createId();
  await db
    .insertInto("organisation")
    .values({ id: organisationId, name: "Gemeente Bankdam", created_at: nowIso })
    .execute();
  const versionOf = await storeFamily(db, organisationId, family, { now });
  const snapshotId = versionOf.get(profile.id)!;
  const questionnaires = new Map<string, Questionnaire>();
  for (const [key, version] of versionOf) {
    questionnaires.set(key, await readQuestionnaire(db, version));
  }
  await db.destroy();

  const sqlite = new SQLite(file);
  // The pragmas of db/database.ts.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("secure_delete = ON");
  sqlite.pragma("synchronous = NORMAL");
  const insertPerson = sqlite.prepare(
    `INSERT INTO person (id, organisation_id, employee_number, first_name, last_name, email,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = sqlite.prepare(
    `INSERT INTO participant (id, cycle_id, person_id, manager_person_id, nomination_status,
       profile_key, profile_snapshot_id, created_at) VALUES (?, ?, ?, ?, 'approved', ?, ?, ?)`,
  );
  const insertInvitation = sqlite.prepare(
    `INSERT INTO invitation (id, cycle_id, participant_id, relationship, rater_person_id,
       rater_name, rater_email, token_hash, status, sent_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)`,
  );
  const insertResponse = sqlite.prepare(
    `INSERT INTO response (id, cycle_id, participant_id, relationship, submitted_on)
     VALUES (?, ?, ?, ?, ?)`,
  );
  // All of one response's ratings in one statement (one statement per number of indicators).
  const insertRatingsStatements = new Map<number, SQLite.Statement>();
  const insertRatings = (count: number) => {
    let statement = insertRatingsStatements.get(count);
    if (!statement) {
      statement = sqlite.prepare(
        `INSERT INTO rating (response_id, indicator_id, score) VALUES ${Array<string>(count)
          .fill("(?, ?, ?)")
          .join(", ")}`,
      );
      insertRatingsStatements.set(count, statement);
    }
    return statement;
  };
  const indicatorIdsOf = new Map(
    [...questionnaires].map(([key, questionnaire]) => [
      key,
      questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id)),
    ]),
  );
  const insertComment = sqlite.prepare(
    "INSERT INTO comment (id, response_id, question, competency_id, text) VALUES (?, ?, ?, ?, ?)",
  );
  const cycleId = createId();
  const rows = { people: 0, invitations: 0, responses: 0, ratings: 0, comments: 0 };
  const usedProfiles = new Set<string>();
  const started = performance.now();
  let lastProgress = started;
  const progress = (what: string) => {
    const at = performance.now();
    if (at - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = at;
    console.log(`  … ${what} (${((at - started) / 1000).toFixed(1)} s)`);
  };

  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO cycle (id, organisation_id, name, profile_key, profile_snapshot_id, status,
           min_group_size, manager_identifiable, launched_at, closed_at, released_at,
           thresholds_locked_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'released', 3, 0, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        cycleId,
        organisationId,
        "Feedbackronde bench",
        profile.id,
        snapshotId,
        ...Array<string>(6).fill(nowIso),
      );
    const personIds: string[] = [];
    for (let p = 0; p < participants; p++) {
      const id = createId();
      personIds.push(id);
      insertPerson.run(
        id,
        organisationId,
        `B${p}`,
        `Deelnemer${p}`,
        "Bench",
        `deelnemer${p}@bankdam.example`,
        nowIso,
        nowIso,
      );
      rows.people++;
    }
    // Teams of ten: the first of each leads the other nine and has the next team's lead above.
    const managerOf = (p: number) => {
      const lead = p - (p % 10);
      const manager = p === lead ? lead + 10 : lead;
      return manager < participants && manager !== p ? manager : null;
    };
    const responses: {
      id: string;
      participantId: string;
      relationship: Relationship;
      profileKey: string;
    }[] = [];
    for (let p = 0; p < participants; p++) {
      const participantId = createId();
      const manager = managerOf(p);
      // Rated on the cycle's profile: no profile of their own (null), as HR's rounds store it.
      const own = pickProfile().id;
      const ownVersion = own === profile.id ? null : versionOf.get(own)!;
      usedProfiles.add(own);
      insertParticipant.run(
        participantId,
        cycleId,
        personIds[p],
        manager === null ? null : personIds[manager],
        ownVersion === null ? null : own,
        ownVersion,
        nowIso,
      );
      RATERS.forEach((relationship, r) => {
        const raterPerson =
          relationship === "self"
            ? personIds[p]!
            : relationship === "manager" && manager !== null
              ? personIds[manager]!
              : null;
        insertInvitation.run(
          createId(),
          cycleId,
          participantId,
          relationship,
          raterPerson,
          `Beoordelaar ${p}-${r}`,
          `beoordelaar${p}-${r}@example.org`,
          createHash("sha256").update(`bench:${p}:${r}`).digest("base64url"),
          nowIso,
          nowIso,
        );
        rows.invitations++;
        responses.push({ id: createId(), participantId, relationship, profileKey: own });
      });
      progress(`${fmt(p + 1)} participants and their invitations`);
    }
    // Rows of the WITHOUT ROWID answer tables go in in key order: far fewer page splits.
    responses.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const response of responses) {
      insertResponse.run(response.id, cycleId, response.participantId, response.relationship, day);
      const indicatorIds = indicatorIdsOf.get(response.profileKey)!;
      const values: (string | number | null)[] = new Array(indicatorIds.length * 3);
      indicatorIds.forEach((indicatorId, i) => {
        values[i * 3] = response.id;
        values[i * 3 + 1] = indicatorId;
        values[i * 3 + 2] = random.chance(NOT_APPLICABLE_CHANCE) ? null : random.int(1, 5);
      });
      insertRatings(indicatorIds.length).run(values);
      rows.responses++;
      rows.ratings += indicatorIds.length;
      if (random.chance(0.2)) {
        const competency = random.pick(questionnaires.get(response.profileKey)!.competencies);
        insertComment.run(
          createId(),
          response.id,
          "competency",
          competency.id,
          `Over ${competency.name.toLowerCase()}: ${random.pick(COMMENT_TEXTS)}`,
        );
        rows.comments++;
      }
      for (const question of GENERAL_QUESTIONS) {
        if (!random.chance(0.1)) continue;
        insertComment.run(createId(), response.id, question, null, random.pick(COMMENT_TEXTS));
        rows.comments++;
      }
      progress(`${fmt(rows.responses)} / ${fmt(responses.length)} responses with their ratings`);
    }
  })();
  sqlite.close();
  const used = [...usedProfiles].map((key) => questionnaires.get(key)!);
  return {
    cycleId,
    createId,
    rows,
    profiles: used.length,
    indicators: rows.ratings / Math.max(1, rows.responses),
    competencies: new Set(used.flatMap((q) => q.competencies.map((c) => c.key))).size,
  };
}

const COMMENT_TEXTS = [
  "Werkt zorgvuldig en houdt collega's op de hoogte.",
  "Zou vaker zelf het initiatief mogen nemen in overleggen.",
  "Denkt mee met inwoners en zoekt naar een oplossing die past.",
  "Houdt de planning goed in de gaten, ook als het druk is.",
  "Kan feedback soms scherper en concreter maken.",
  "Prettige samenwerking in het project; duidelijke afspraken.",
];

// -------------------------------------------------------------------------------------------
// 3. Serving a stored report: GET /rapporten/<participantId>, signed in as that participant

async function servingFigures(database: BenchDatabase): Promise<ServingFigures> {
  const fresh = await freshDatabase(database, "reports_serve");
  const databaseUrl = fresh.url;
  const server = new ServerProcess({
    databaseUrl,
    port: await freePort(),
    label: `report server (${database})`,
  });
  console.log(`Reports (${database}): starting a server on a fresh demo database …`);
  const startMs = await server.start();
  try {
    // The participant with the median stored report (by size) of the released cycle.
    const db = createDatabase(databaseUrl);
    const candidates = await db
      .selectFrom("report")
      .innerJoin("participant", "participant.id", "report.participant_id")
      .innerJoin("person", "person.id", "participant.person_id")
      .innerJoin("cycle", "cycle.id", "report.cycle_id")
      .select(["participant.id as participantId", "person.id as personId"])
      .select(sql<number>`length(report.content)`.as("size"))
      .where("cycle.status", "=", "released")
      .where("person.is_active", "=", 1)
      .orderBy("size")
      .orderBy("participant.id")
      .execute();
    await db.destroy();
    const chosen = candidates[Math.floor(candidates.length / 2)];
    if (!chosen) throw new Error("the demo has no released report of an active person");

    const signIn = await fetch(`${server.baseUrl}/demo/inloggen`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: server.baseUrl,
      },
      body: new URLSearchParams({ personId: chosen.personId }),
    });
    await signIn.arrayBuffer();
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0]!)
      // __Host-rondom_session over HTTPS-grade cookies (production), rondom_session otherwise.
      .find((pair) => /^(__Host-)?rondom_session=/.test(pair));
    if (signIn.status !== 302 || !cookie) {
      throw new Error(`demo sign-in answered ${signIn.status} without a session cookie`);
    }
    const reportPath = `/rapporten/${chosen.participantId}`;
    const url = `${server.baseUrl}${reportPath}`;

    const identity = await fetch(url, {
      headers: { cookie, "accept-encoding": "identity" },
      redirect: "manual",
    });
    const html = Buffer.from(await identity.arrayBuffer());
    if (identity.status !== 200) throw new Error(`GET ${reportPath}: ${identity.status}`);
    if (!html.toString("utf8").includes("<html")) throw new Error(`GET ${reportPath}: no HTML`);
    const sentGzipBytes = await compressedSize(url, cookie).catch(() => null);

    const ms: number[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      ms.push(performance.now() - started);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    const measured = ms.slice(Math.floor(REQUESTS / 10)); // skip warm-up

    let cannon: ServingFigures["autocannon"] = null;
    if (AUTOCANNON_SECONDS > 0) {
      await sleep(200);
      const result = await autocannon({
        url,
        connections: AUTOCANNON_CONNECTIONS,
        pipelining: 1,
        duration: AUTOCANNON_SECONDS,
        timeout: 30,
        headers: { cookie, "accept-encoding": "gzip" },
      });
      cannon = {
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
    }
    return {
      startMs,
      participantId: chosen.participantId,
      statuses: [...statuses.entries()].map(([status, n]) => `${status}×${n}`).join(" "),
      p50: quantile(measured, 0.5),
      p90: quantile(measured, 0.9),
      p99: quantile(measured, 0.99),
      mean: measured.reduce((a, b) => a + b, 0) / measured.length,
      rawBytes: html.length,
      gzipBytes: gzipSync(html, { level: 9 }).length,
      sentGzipBytes,
      autocannon: cannon,
    };
  } finally {
    await server.stop();
    await dropFreshDatabase(fresh);
  }
}

/** The body's size on the wire when the client accepts gzip (the server's compression). */
function compressedSize(url: string, cookie: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve(res.headers["content-encoding"] === "gzip" ? bytes : null));
      res.on("error", reject);
    });
    request.on("error", reject);
    request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
  });
}

// -------------------------------------------------------------------------------------------
// Printing

export function printReportBench(benches: readonly ReportBench[]) {
  const first = benches[0];
  if (!first) return;
  const perReport = (ms: number, reports: number) => `${fmt(ms / Math.max(1, reports), 2)} ms`;
  const columns = <T>(
    pick: (bench: ReportBench) => T,
    rows: (figures: T) => (string | number)[][],
  ) =>
    databaseColumns(
      benches.map((bench) => ({ database: bench.database, figures: pick(bench) })),
      rows,
    );

  console.log(
    `\n== Reports on the demo (${fmt(first.demo.participants)} participants of the released ` +
      "cycle, in-process)",
  );
  console.log(
    sideBySide(
      columns(
        (bench) => bench.demo,
        (demo) => {
          const cycleMedian = quantile(demo.cycleMs, 0.5);
          return [
            [
              "seeding a fresh demo database (incl. its reports)",
              `${demo.seedSeconds.toFixed(2)} s`,
            ],
            [
              "rows in the released cycle",
              `${fmt(demo.responses)} responses, ${fmt(demo.ratings)} ratings, ` +
                `${fmt(demo.comments)} comments`,
            ],
            ["buildReport for one participant, p50", `${fmt(demo.build.p50, 2)} ms`],
            ["buildReport for one participant, p90", `${fmt(demo.build.p90, 2)} ms`],
            [
              "buildReport for one participant, mean / max",
              `${fmt(demo.build.mean, 2)} / ${fmt(demo.build.max, 2)} ms`,
            ],
            ["organisationNorm over the cycle", `${fmt(demo.normMs, 3)} ms`],
            [
              `computeCycleReports, whole cycle (median of ${demo.cycleMs.length})`,
              `${fmt(cycleMedian, 1)} ms`,
            ],
            ["  … wall time of the runs", `${demo.cycleMs.map((ms) => fmt(ms, 1)).join(" / ")} ms`],
            [
              "  … CPU time of the runs",
              `${demo.cycleCpuMs.map((ms) => fmt(ms, 1)).join(" / ")} ms`,
            ],
            ["  … per report (median run)", perReport(cycleMedian, demo.written)],
            ["reports written per run", fmt(demo.written)],
            [
              "stored report JSON, mean",
              `${fmt(demo.reportBytes / Math.max(1, demo.written))} bytes`,
            ],
          ];
        },
      ),
      ["measure", "value"],
    ),
  );
  console.log(
    `  (buildReport: median of ${BUILD_ROUNDS} calls per participant after a warm-up round, ` +
      "then p50/p90 over the participants; each run of computeCycleReports first deletes the " +
      "cycle's reports; CPU time: of this process, so on PostgreSQL without the server's)",
  );

  const g = first.generated;
  console.log(
    `\n== Reports on a generated cycle (${fmt(g.participants)} participants × ${RATERS.length} ` +
      `raters: 1 self, 1 manager, 5 colleagues, 3 customers; demo profile, ${g.indicators} ` +
      `indicators, ${g.competencies} competencies; k = 3)`,
  );
  console.log(
    sideBySide(
      columns(
        (bench) => bench.generated,
        (g) => [
          [
            "people / invitations / responses",
            `${fmt(g.rows.people)} / ${fmt(g.rows.invitations)} / ${fmt(g.rows.responses)}`,
          ],
          ["ratings (~10% n/a) / comments", `${fmt(g.rows.ratings)} / ${fmt(g.rows.comments)}`],
          ["generating the rows (one SQLite transaction)", `${g.generationSeconds.toFixed(1)} s`],
          [
            "  … copied into PostgreSQL (multi-row inserts, ANALYZE)",
            g.copySeconds === null ? "—" : `${g.copySeconds.toFixed(1)} s`,
          ],
          ["database size before the reports", `${fmt(g.bytesBefore / 1_048_576, 1)} MiB`],
          ["reading the answers as computeCycleReports does", `${g.readSeconds.toFixed(1)} s`],
          [
            `buildReport, sample of ${fmt(g.build.sample)}: p50 / p90`,
            `${fmt(g.build.p50, 2)} / ${fmt(g.build.p90, 2)} ms`,
          ],
          [`buildReport, sample of ${fmt(g.build.sample)}: mean`, `${fmt(g.build.mean, 2)} ms`],
          ["computeCycleReports, whole cycle (once)", `${g.cycleSeconds.toFixed(1)} s`],
          ["  … per report (mean)", perReport(g.cycleSeconds * 1000, g.written)],
          ["  … CPU time of this process (user + system)", `${g.cycleCpuSeconds.toFixed(1)} s`],
          [
            "  … until the first write (read, build all, norm)",
            `${g.buildPhaseSeconds.toFixed(1)} s`,
          ],
          [
            "  … after it (previous-report lookups, inserts)",
            `${(g.cycleSeconds - g.buildPhaseSeconds).toFixed(1)} s`,
          ],
          ["  … longest event-loop stall", `${g.longestStallSeconds.toFixed(2)} s`],
          ["reports written", fmt(g.written)],
          ["stored report JSON, mean", `${fmt(g.reportBytes / Math.max(1, g.written))} bytes`],
          ["database size with the reports", `${fmt(g.bytesAfter / 1_048_576, 1)} MiB`],
          ["peak RSS of the bench process so far", `${fmt(g.maxRssBytes / 1_048_576)} MiB`],
        ],
      ),
      ["measure", "value"],
    ),
  );
  console.log(
    "  (sizes: the SQLite file after a WAL checkpoint, PostgreSQL's pg_database_size; MiB = " +
      "1,048,576 bytes. A server releasing such a cycle answers no request during the longest " +
      "stall.)",
  );

  const served = benches.filter((bench) => bench.serving !== null);
  if (served.length === 0) return;
  console.log(
    `\n== Serving a stored report: GET /rapporten/<participantId> as that participant ` +
      `(${REQUESTS} one at a time, the first ${Math.floor(REQUESTS / 10)} skipped)`,
  );
  console.log(
    sideBySide(
      databaseColumns(
        served.map((bench) => ({ database: bench.database, figures: bench.serving! })),
        (s) => [
          ["server start on an empty database (seeds the demo)", `${fmt(s.startMs)} ms`],
          ["answers", s.statuses],
          ["latency p50", `${fmt(s.p50, 2)} ms`],
          ["latency p90", `${fmt(s.p90, 2)} ms`],
          ["latency p99", `${fmt(s.p99, 2)} ms`],
          ["latency mean", `${fmt(s.mean, 2)} ms`],
          ["HTML raw", `${fmt(s.rawBytes)} bytes`],
          ["HTML gzip (zlib level 9)", `${fmt(s.gzipBytes)} bytes`],
          ...(s.sentGzipBytes !== null
            ? [["HTML gzip as the server sends it", `${fmt(s.sentGzipBytes)} bytes`]]
            : []),
          ...(s.autocannon
            ? [
                [
                  `autocannon ${AUTOCANNON_SECONDS} s, ${AUTOCANNON_CONNECTIONS} connections: requests/s`,
                  fmt(s.autocannon.requestsPerSecond, 1),
                ],
                ["  … latency p50 / p99", `${fmt(s.autocannon.p50)} / ${fmt(s.autocannon.p99)} ms`],
                [
                  "  … non-2xx / errors",
                  `${fmt(s.autocannon.non2xx)} / ${fmt(s.autocannon.errors)}`,
                ],
              ]
            : []),
        ],
      ),
      ["measure", "value"],
    ),
  );
  console.log(
    "  (the demo participant with the median-size stored report of the released cycle, signed " +
      "in through POST /demo/inloggen; autocannon sends accept-encoding: gzip)",
  );
}
