// `npm run bench`: submissions per second through HTTP against the built server, the same
// writes straight into better-sqlite3 as a baseline, the page weight of the questionnaire, the
// sign-in timing, reports: computing them (demo and a generated cycle, in-process) and
// serving a stored one (scripts/bench/reports.ts), and running a round at municipality scale
// in-process: people import, nomination requests, invitations, HR dashboard, reminders
// (scripts/bench/cycles.ts), and team profiles of a generated municipality: every team figure
// of a cycle in-process and the team pages through HTTP (scripts/bench/team-profiles.ts), and
// the preview of the worst 2 MB people imports (scripts/bench/import-limits.ts), and a round
// over 40 function profiles next to the same on one: start collecting, the release, a team
// comparison (scripts/bench/profile-mix.ts).
// The http, reports and teams sections run on SQLite and on PostgreSQL (BENCH_DATABASES) and
// print each figure next to the other, and at the end the figures with a target side by side
// (submissions per second with one app instance, and on PostgreSQL with two sharing the
// database; the release of BENCH_REPORT_PARTICIPANTS; the comparison of all teams). PostgreSQL
// is the tests' embedded server (tests/support/postgres/server.ts, durability off as there),
// started once per run; every measure gets a fresh database on it, filled as the SQLite one:
// the same fixtures through Kysely (multi-row inserts), or the generated cycle's SQLite file
// copied as it is (scripts/bench/copy-to-postgres.ts), then ANALYZE. The other sections run on
// SQLite only. Quick PostgreSQL trial: BENCH_ONLY=http BENCH_DATABASES=postgres npm run bench.
// Prints figures and asserts nothing (exit code 0 unless the harness itself fails).
//
// Environment (all optional):
//   BENCH_ONLY=cycles      only these sections, comma-separated: http (submissions, baseline,
//                          link timing, page weight), sign-in, reports, cycles (also "rounds",
//                          its old name), teams, import, profile-mix; default all
//   BENCH_DATABASES=sqlite,postgres  the databases of the http, reports and teams sections,
//                          comma-separated; default both. With postgres: ANSWER_SEAL_KEY is
//                          made up for the run unless set, and a build that predates
//                          PostgreSQL support is rebuilt. Submissions come through a trusted
//                          proxy (TRUST_PROXY=1) with a forwarded address per rater: from one
//                          address the body limits would refuse all but 8 at a time
//   BENCH_SECONDS=10       measured autocannon run
//   BENCH_CONNECTIONS=50   concurrent connections (pipelining 1)
//   BENCH_INVITATIONS=30000  open invitations prepared for each HTTP run (on PostgreSQL: one
//                          app instance, then two on a fresh database of their own)
//   BENCH_BASELINE=20000   submissions in the better-sqlite3 baseline (also bounded to 5 s)
//   BENCH_CPU_PROF=<dir>   run the server with --cpu-prof and keep the profile in <dir>
//                          (summarise it with: tsx scripts/bench/profile-summary.ts <file>)
//   BENCH_SERVER_SCRIPT=server.js  another server entry to compare (e.g. a variant without
//                          compression), relative to the repo root
//   BENCH_SIGN_IN_ROUNDS=150  POST /inloggen requests of each kind in the sign-in timing
//   BENCH_REPORT_PARTICIPANTS=5000  participants (× 10 raters) of the generated cycle whose
//                          reports computeCycleReports computes; lower it for quick trials
//   BENCH_REPORT_REQUESTS=200  GET /rapporten/<id> one at a time (the first 10% are warm-up)
//   BENCH_REPORT_SECONDS=5 autocannon run on the report page (10 connections); 0 skips it
//   BENCH_ROUNDS_PEOPLE=5000  people in the generated import (300 teams under 15 departments
//                          at 5,000) who all take part in the round; lower it for quick trials
//   BENCH_TEAMS_PEOPLE=5000  people of the team-profiles municipality (300 teams under 20
//                          departments at 5,000); BENCH_TEAMS_RUNS=7 in-process runs per measure;
//                          BENCH_TEAMS_PAGES=30 team profile pages loaded (spread over all teams);
//                          BENCH_TEAMS_HTTP=0 skips its pages (they need a build with the routes)
//   BENCH_IMPORT_RUNS=3    previews of each worst-case import file
//   BENCH_MIX_PROFILES=40  profiles in the library of the profile-mix section; its sizes are
//                          those of the reports, cycles and teams sections (above); the
//                          one-profile figures of the first two it takes from them when they ran
//                          too (alone, it measures them itself: about twice its time)
import { cpus } from "node:os";
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { createDatabase } from "#db/database";
import { newId } from "#db/ids";
import { openSealedAnswers } from "~/rater/sealed-answers.server";
import { hashToken } from "~/utils/tokens.server";
import {
  afterBulkFill,
  type BenchDatabase,
  type Column,
  DATABASE_LABEL,
  DATABASES,
  dropFreshDatabase,
  freshDatabase,
  postgresCpuSeconds,
  postgresSettings,
  sideBySide,
  stopPostgres,
  transactionCounts,
} from "./databases";
import {
  cpuSeconds,
  ensureBuild,
  fmt,
  freePort,
  makeTempDir,
  median,
  prepareDatabase,
  prepareDatabaseAt,
  ServerProcess,
  sleep,
  submissionBody,
  table,
  watchdog,
  type PreparedAt,
  type PreparedDatabase,
} from "./harness";
import {
  importLimitsBench,
  importLimitsBenchBudgetSeconds,
  printImportLimitsBench,
} from "./import-limits";
import {
  printReportBench,
  reportBench,
  reportBenchBudgetSeconds,
  type ReportBench,
} from "./reports";
import { cyclesBench, cyclesBenchBudgetSeconds, printCyclesBench } from "./cycles";
import {
  GOAL_COMPARISON_MS,
  GOAL_RELEASE_SECONDS,
  printProfileMixBench,
  profileMixBench,
  profileMixBenchBudgetSeconds,
} from "./profile-mix";
import { printSignInTiming, signInTiming } from "./sign-in";
import {
  printTeamsBench,
  teamsBench,
  teamsBenchBudgetSeconds,
  type TeamsBench,
} from "./team-profiles";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const INVITATIONS = Number(process.env.BENCH_INVITATIONS ?? 30_000);
const BASELINE_N = Number(process.env.BENCH_BASELINE ?? 20_000);
const BASELINE_MAX_SECONDS = 5;
const WARMUP_SECONDS = 2;
const GOAL_SUBMISSIONS_PER_SECOND = 300;
const GOAL_JS_GZIP_BYTES = 150 * 1024;

const SECTIONS = [
  "http",
  "sign-in",
  "reports",
  "cycles",
  "teams",
  "import",
  "profile-mix",
] as const;
type Section = (typeof SECTIONS)[number];
/** Old section names still accepted, so a saved command line keeps working. */
const SECTION_ALIASES: Record<string, Section> = { rounds: "cycles" };

function chosenSections(value: string | undefined): Set<Section> {
  const names = (value ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => SECTION_ALIASES[name] ?? name);
  if (names.length === 0) return new Set(SECTIONS);
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY: unknown section ${unknown.join(", ")} (${SECTIONS.join(", ")})`);
  }
  return new Set(names as Section[]);
}

const ONLY = chosenSections(process.env.BENCH_ONLY);

/** The runs of the HTTP submissions: one app instance on each database, two on PostgreSQL. */
const HTTP_RUNS = DATABASES.flatMap((database): { database: BenchDatabase; instances: number }[] =>
  database === "sqlite"
    ? [{ database, instances: 1 }]
    : [
        { database, instances: 1 },
        { database, instances: 2 },
      ],
);

watchdog(
  30 +
    (DATABASES.includes("postgres") ? 30 : 0) +
    (ONLY.has("http") ? 20 + HTTP_RUNS.length * (60 + SECONDS * 2) : 0) +
    (ONLY.has("sign-in") ? 30 : 0) +
    (ONLY.has("reports") ? reportBenchBudgetSeconds() : 0) +
    (ONLY.has("cycles") ? cyclesBenchBudgetSeconds() : 0) +
    (ONLY.has("teams") ? teamsBenchBudgetSeconds() : 0) +
    (ONLY.has("import") ? importLimitsBenchBudgetSeconds() : 0) +
    (ONLY.has("profile-mix")
      ? profileMixBenchBudgetSeconds({
          cycles: ONLY.has("cycles"),
          reports: ONLY.has("reports") && DATABASES.includes("sqlite"),
        })
      : 0),
);

interface StoredCheck {
  /** Answers in the database: sealed (until the close) and published. */
  responses: number;
  submitted: number;
  /** Acknowledged submissions whose invitation is 'submitted'. */
  ackedStored: number;
  ratingsOk: boolean;
  /** (participant, relationship) groups with more answers than submitted invitations. */
  groupsOver: number;
  /** … and with fewer. */
  groupsUnder: number;
}

interface HttpResult {
  requestsPerSecond: number;
  successPerSecond: number;
  /** Acknowledged submissions per second of each app instance. */
  successPerInstance: number[];
  /** With several instances: the highest of theirs (the mean: over all requests). */
  latency: { p50: number; p97_5: number; p99: number; mean: number };
  acknowledged: number;
  errors: number;
  otherRedirects: number;
  statusCodes: Record<string, number>;
  totalAcknowledged: number;
  issued: number;
  responded: number;
  db: StoredCheck;
  /** Server CPU seconds (user + system, all instances) during the measured run, from /proc. */
  serverCpuSeconds: number | null;
  /** PostgreSQL's CPU seconds meanwhile (SQLite's work is in the servers' own). */
  databaseCpuSeconds: number | null;
  /** PostgreSQL's transactions during warm-up and measured run (null on SQLite). */
  transactions: { committed: number; rolledBack: number } | null;
}

interface HttpRun {
  database: BenchDatabase;
  instances: number;
  preparedSeconds: number;
  indicators: number;
  startMs: number[];
  result: HttpResult;
}

interface LinkTimingRow {
  kind: string;
  status: number;
  p50: number;
  p90: number;
}

function httpRunName({ database, instances }: { database: BenchDatabase; instances: number }) {
  return `${DATABASE_LABEL[database]} ×${instances}`;
}

/** The build must open PostgreSQL for the servers on it (builds before that cannot). */
function buildLacksPostgres(source: string): string | null {
  return source.includes("PostgresDialect") ? null : "it predates PostgreSQL support";
}

async function main() {
  const load = (await import("node:os"))
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  console.log(
    `Rondom bench (load average before start: ${load}; other work on this machine skews figures; ` +
      `databases: ${DATABASES.map((database) => DATABASE_LABEL[database]).join(", ")})\n`,
  );
  if (ONLY.has("http") || ONLY.has("sign-in") || ONLY.has("reports") || ONLY.has("teams")) {
    ensureBuild(DATABASES.includes("postgres") ? buildLacksPostgres : undefined);
  }

  const http = ONLY.has("http") ? await httpSections() : null;
  const signIn = ONLY.has("sign-in") ? await signInTiming() : null;
  const reports = ONLY.has("reports") ? await reportBench() : null;
  const cycles = ONLY.has("cycles") ? await cyclesBench() : null;
  const teams = ONLY.has("teams") ? await teamsBench() : null;
  const imports = ONLY.has("import") ? await importLimitsBench() : null;
  // Profile mix compares profiles, on SQLite: it takes the reports section's SQLite figures.
  const mix = ONLY.has("profile-mix")
    ? await profileMixBench({
        cycles,
        reports: reports?.find((bench) => bench.database === "sqlite") ?? null,
      })
    : null;
  const onPostgres = DATABASES.includes("postgres") && Boolean(http || reports || teams);
  const postgres = onPostgres ? await postgresSettings() : null;
  await stopPostgres();

  if (http) printHttpSections(http);
  if (signIn) printSignInTiming(signIn);
  if (reports) printReportBench(reports);
  if (cycles) printCyclesBench(cycles);
  if (teams) printTeamsBench(teams);
  if (imports) printImportLimitsBench(imports);
  if (mix) printProfileMixBench(mix);
  if (http || reports || teams) printDatabaseComparison({ http, reports, teams, postgres });
  console.log("\nBench asserts nothing.");
}

/**
 * Submissions through HTTP on each database (on PostgreSQL also with two app instances sharing
 * it), each on a fresh database; link timing on each with one instance; the page weight once;
 * the better-sqlite3 baseline when SQLite is among the databases.
 */
async function httpSections() {
  const profDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
  const runs: HttpRun[] = [];
  const timings: { database: BenchDatabase; rows: LinkTimingRow[] }[] = [];
  let weight: Awaited<ReturnType<typeof pageWeight>> | null = null;
  for (const { database, instances } of HTTP_RUNS) {
    const name = httpRunName({ database, instances });
    const fresh = await freshDatabase(database, instances === 1 ? "http" : `http_${instances}`);
    const prepared = await prepareDatabaseAt(fresh.url, INVITATIONS);
    const db = createDatabase(fresh.url);
    await afterBulkFill(db, database).finally(() => db.destroy());
    console.log(
      `HTTP ${name}: prepared ${fmt(INVITATIONS)} open invitations in ` +
        `${prepared.seconds.toFixed(1)} s (${prepared.indicatorIds.length} indicators).`,
    );
    // Two invitations become a revoked and an expired link for the timing comparison.
    const revoked = prepared.invitations.at(-2)!;
    const expired = prepared.invitations.at(-3)!;
    if (instances === 1) await markLinksUnusable(prepared.url, revoked.id, expired.id);
    const servers: ServerProcess[] = [];
    for (let i = 0; i < instances; i++) {
      servers.push(
        new ServerProcess({
          databaseUrl: prepared.url,
          port: await freePort(),
          label: instances === 1 ? `server (${database})` : `server ${i + 1} (${database})`,
          nodeArgs: profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
          script: process.env.BENCH_SERVER_SCRIPT,
          // Behind a proxy, as in production: the raters' own addresses (raterAddress).
          extraEnv: { TRUST_PROXY: "1" },
        }),
      );
    }
    try {
      const startMs: number[] = [];
      // One after the other: each migrates (nothing left to do) and checks the seal key.
      for (const server of servers) {
        startMs.push(await server.start());
        console.log(`HTTP ${name}: server up on ${server.baseUrl} in ${fmt(startMs.at(-1)!)} ms.`);
      }
      // The page weight uses the last token; the submissions use the others, in order.
      const pageToken = prepared.invitations.at(-1)!.token;
      if (runs.length === 0) {
        weight = await pageWeight(servers[0]!.baseUrl, pageToken).catch((error: unknown) => {
          console.log(`Page weight not measured: ${String(error)}`);
          return null;
        });
      }
      if (instances === 1) {
        const rows = await linkTiming(servers[0]!.baseUrl, {
          "open invitation": pageToken,
          "unknown token": "A".repeat(43),
          "malformed token": "nope",
          "revoked invitation": revoked.token,
          "expired invitation": expired.token,
        });
        timings.push({ database, rows });
      }
      const result = await httpBench(
        name,
        database,
        servers,
        prepared,
        prepared.invitations.length - 3,
      );
      runs.push({
        database,
        instances,
        preparedSeconds: prepared.seconds,
        indicators: prepared.indicatorIds.length,
        startMs,
        result,
      });
    } finally {
      for (const server of servers) await server.stop();
    }
    await dropFreshDatabase(fresh);
  }
  if (profDir) console.log(`CPU profiles written to ${profDir}`);

  // -------------------------------------------------------------------- baseline
  const baseline = DATABASES.includes("sqlite") ? await baselineBench() : null;

  return { runs, baseline, timings, weight };
}

/** Every acknowledged answer stored, none twice, each complete (see the check's table). */
function storedOk(http: HttpResult): boolean {
  const inFlight = http.issued - http.responded;
  return (
    http.db.responses === http.db.submitted &&
    http.db.ackedStored === http.totalAcknowledged &&
    http.db.submitted >= http.totalAcknowledged &&
    http.db.submitted <= http.totalAcknowledged + inFlight &&
    http.db.groupsOver === 0 &&
    http.db.groupsUnder === 0 &&
    http.db.ratingsOk
  );
}

function printHttpSections({
  runs,
  baseline,
  timings,
  weight,
}: Awaited<ReturnType<typeof httpSections>>) {
  const columns = (rows: (run: HttpRun) => (string | number)[][]): Column[] =>
    runs.map((run) => ({ name: httpRunName(run), rows: rows(run) }));
  console.log(
    `\n== Submissions through HTTP (autocannon, ${SECONDS} s, ${CONNECTIONS} connections, ` +
      "pipelining 1; ×2: two app instances on one database, the connections split between them)",
  );
  console.log(
    sideBySide(
      columns(({ result: http, preparedSeconds, startMs }) => [
        [`preparing ${fmt(INVITATIONS)} open invitations`, `${preparedSeconds.toFixed(1)} s`],
        ["server start", startMs.map((ms) => `${fmt(ms)} ms`).join(" / ")],
        ["requests/s (mean)", fmt(http.requestsPerSecond, 1)],
        ["acknowledged submissions/s (302 → /bedankt)", fmt(http.successPerSecond, 1)],
        ["  … per app instance", http.successPerInstance.map((n) => fmt(n, 1)).join(" + ")],
        ["latency mean", `${fmt(http.latency.mean, 1)} ms`],
        ["latency p50", `${fmt(http.latency.p50)} ms`],
        ["latency p97.5", `${fmt(http.latency.p97_5)} ms`],
        ["latency p99", `${fmt(http.latency.p99)} ms`],
        ["acknowledged (measured run)", fmt(http.acknowledged)],
        ...(http.serverCpuSeconds !== null && http.acknowledged > 0
          ? [
              [
                "server CPU per submission (user+sys)",
                `${fmt((http.serverCpuSeconds * 1000) / http.acknowledged, 2)} ms`,
              ],
              [
                "server CPU used (of the run's wall time; 100 % = one core)",
                `${((http.serverCpuSeconds / SECONDS) * 100).toFixed(0)} %`,
              ],
            ]
          : []),
        ...(http.databaseCpuSeconds !== null && http.acknowledged > 0
          ? [
              [
                "PostgreSQL CPU per submission (all its processes)",
                `${fmt((http.databaseCpuSeconds * 1000) / http.acknowledged, 2)} ms`,
              ],
              [
                "PostgreSQL CPU used (of the run's wall time)",
                `${((http.databaseCpuSeconds / SECONDS) * 100).toFixed(0)} %`,
              ],
            ]
          : []),
        ...(http.transactions
          ? [
              [
                "PostgreSQL transactions committed / rolled back (warm-up + run)",
                `${fmt(http.transactions.committed)} / ${fmt(http.transactions.rolledBack)}`,
              ],
            ]
          : []),
        ["errors (non-3xx, connection errors, timeouts)", fmt(http.errors)],
        ["other redirects (not /bedankt)", fmt(http.otherRedirects)],
        [
          "status codes",
          Object.entries(http.statusCodes)
            .map(([k, v]) => `${k}×${v}`)
            .join(" "),
        ],
      ]),
      ["measure", "value"],
    ),
  );
  console.log(
    "  (server CPU: the app instances' (SQLite works inside them), PostgreSQL's apart; latency " +
      `with two instances: the higher of their percentiles; this machine has ${cpus().length} ` +
      "cores for the servers, PostgreSQL and autocannon together)",
  );
  console.log(`\n== Database check after each HTTP run (warm-up ${WARMUP_SECONDS} s included)`);
  console.log(
    sideBySide(
      columns(({ result: http, indicators }) => [
        ["acknowledged submissions (warm-up + measured)", fmt(http.totalAcknowledged)],
        ["… of which the invitation is 'submitted'", fmt(http.db.ackedStored)],
        ["invitations with status 'submitted'", fmt(http.db.submitted)],
        ["answers stored (sealed until the close, or published)", fmt(http.db.responses)],
        [
          "participant × relationship with more answers than submitted (stored twice)",
          fmt(http.db.groupsOver),
        ],
        ["… with fewer answers than submitted (lost)", fmt(http.db.groupsUnder)],
        [`every answer has ${indicators} ratings`, http.db.ratingsOk ? "yes" : "NO"],
        ["requests in flight when autocannon stopped", fmt(http.issued - http.responded)],
        ["result", storedOk(http) ? "OK" : "MISMATCH"],
      ]),
      ["check", "value"],
    ),
  );
  console.log(
    "  (OK: answers = submitted invitations = acknowledged + some of those in flight, in every " +
      "participant's group of each relationship too)",
  );

  const sqliteRun = runs.find((run) => run.database === "sqlite");
  if (baseline && sqliteRun) {
    console.log(`\n== Baseline: the same writes directly with better-sqlite3 (no HTTP, no Kysely)`);
    console.log(
      table(
        [
          ["submissions", fmt(baseline.count)],
          ["time", `${baseline.seconds.toFixed(2)} s`],
          ["submissions/s", fmt(baseline.perSecond, 0)],
          ["CPU per submission (user+sys)", `${fmt(baseline.cpuMsEach, 3)} ms`],
          [
            "ratio HTTP (SQLite) / baseline",
            `${((sqliteRun.result.successPerSecond / baseline.perSecond) * 100).toFixed(1)} %`,
          ],
        ],
        ["measure", "value"],
      ),
    );
  }

  console.log(
    `\n== Time to answer GET /uitnodiging/<token> (${LINK_TIMING_ROUNDS} interleaved rounds, one request at a time)`,
  );
  console.log(
    sideBySide(
      timings.map(({ database, rows }) => ({
        name: DATABASE_LABEL[database],
        rows: rows.map((row) => [row.kind, String(row.status), fmt(row.p50, 2), fmt(row.p90, 2)]),
      })),
      ["link", "status", "p50 ms", "p90 ms"],
    ),
  );
  console.log(
    "  (unknown, malformed, revoked and expired links should look alike: same status, similar time)",
  );

  const goals = runs.map((run) => [
    `submissions/s through HTTP (${httpRunName(run)})`,
    `≥ ${GOAL_SUBMISSIONS_PER_SECOND}`,
    fmt(run.result.successPerSecond, 1),
    run.result.successPerSecond >= GOAL_SUBMISSIONS_PER_SECOND ? "PASS" : "MISS",
  ]);
  if (weight) {
    console.log(
      `\n== Page weight of /uitnodiging/<token>/vragenlijst (gzip: zlib level 9, per file)`,
    );
    console.log(
      table(
        [...weight.rows.map((r) => [r.kind, String(r.files), fmt(r.raw), fmt(r.gzip)])],
        ["kind", "files", "raw bytes", "gzip bytes"],
      ),
    );
    console.log("\n  JS files:");
    console.log(
      table(
        weight.jsFiles.map((f) => [f.url, fmt(f.raw), fmt(f.gzip)]),
        ["url", "raw", "gzip"],
      ),
    );
    const js = weight.rows.find((r) => r.kind === "JS total")!;
    goals.push([
      "JS on the questionnaire page (gzip)",
      `< ${GOAL_JS_GZIP_BYTES / 1024} KB`,
      `${(js.gzip / 1024).toFixed(1)} KB`,
      js.gzip < GOAL_JS_GZIP_BYTES ? "PASS" : "MISS",
    ]);
  }
  console.log(`\n== Goals (from the issue)`);
  console.log(table(goals, ["goal", "target", "measured", ""]));
  const js = weight?.rows.find((r) => r.kind === "JS total");
  if (js) console.log(`\n(${fmt(js.gzip)} gzip bytes of JS; KB = 1024 bytes.)`);
}

// -------------------------------------------------------------------------------------------
// Link timing: a bad link must not be told apart from another bad link by its answer or time

const LINK_TIMING_ROUNDS = 200;

async function markLinksUnusable(databaseUrl: string, revokedId: string, expiredId: string) {
  const db = createDatabase(databaseUrl);
  await db
    .updateTable("invitation")
    .set({ status: "revoked" })
    .where("id", "=", revokedId)
    .execute();
  await db
    .updateTable("invitation")
    .set({ expires_at: "2000-01-01T00:00:00.000Z" })
    .where("id", "=", expiredId)
    .execute();
  await db.destroy();
}

async function linkTiming(baseUrl: string, tokens: Record<string, string>) {
  const samples = new Map<string, { status: number; ms: number[] }>();
  for (let round = 0; round < LINK_TIMING_ROUNDS; round++) {
    for (const [kind, token] of Object.entries(tokens)) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/uitnodiging/${token}`, { redirect: "manual" });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      const entry = samples.get(kind) ?? { status: response.status, ms: [] };
      entry.ms.push(ms);
      samples.set(kind, entry);
    }
  }
  return [...samples.entries()].map(([kind, { status, ms }]) => {
    const sorted = ms.slice(LINK_TIMING_ROUNDS / 10).sort((a, b) => a - b); // skip warm-up
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    return { kind, status, p50: at(0.5), p90: at(0.9) };
  });
}

// -------------------------------------------------------------------------------------------
// HTTP submissions with autocannon

/**
 * The address the proxy saw submission `index` come from: every rater their own, as in a
 * round. From one address the body limits (app/security/body-limit.js: 8 bodies in flight per
 * client) answer 503 to all but 8 at a time: on PostgreSQL, where a request waits for the
 * database without holding the event loop, a load of 50 connections has more than 8 in flight.
 */
function raterAddress(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

/** `total` split over `parts` as evenly as it goes; part `index`'s share, at least 1. */
function shareOf(total: number, parts: number, index: number): number {
  return Math.max(1, Math.floor(total / parts) + (index < total % parts ? 1 : 0));
}

/**
 * Submissions against every server at once (one autocannon run each, the connections split
 * between them), all drawing from one list of tokens: each invitation is submitted once.
 */
async function httpBench(
  name: string,
  database: BenchDatabase,
  servers: ServerProcess[],
  prepared: PreparedAt,
  usable: number,
): Promise<HttpResult> {
  const tokens = prepared.invitations.slice(0, usable).map((i) => i.token);
  const bodies = Array.from({ length: 23 }, (_, seed) => submissionBody(prepared, seed));
  let next = 0;
  let issued = 0;
  let responded = 0;
  let exhausted = false;
  const acknowledgedTokens: string[] = [];
  const freshCounts = () => ({
    acknowledged: servers.map(() => 0),
    otherRedirects: 0,
  });
  let counting = freshCounts();

  const runOne = (server: ServerProcess, instance: number, seconds: number, connections: number) =>
    autocannon({
      url: server.baseUrl,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: "POST",
          setupRequest: (request, context) => {
            const index = next++;
            if (index >= tokens.length) exhausted = true;
            const token = tokens[index % tokens.length]!;
            (context as { token?: string }).token = token;
            issued++;
            return {
              ...request,
              method: "POST",
              path: `/uitnodiging/${token}/vragenlijst`,
              headers: {
                "content-type": "application/x-www-form-urlencoded",
                "x-forwarded-for": raterAddress(index),
              },
              body: bodies[index % bodies.length]!,
            };
          },
          onResponse: (status, _body, context, headers) => {
            responded++;
            const token = (context as { token?: string }).token!;
            const location = headerValue(headers as Record<string, string>, "location");
            if (status === 302 && location === `/uitnodiging/${token}/bedankt`) {
              counting.acknowledged[instance]!++;
              acknowledgedTokens.push(token);
            } else if (status >= 300 && status < 400) counting.otherRedirects++;
          },
        },
      ],
    });
  const run = (seconds: number, connections: number) =>
    Promise.all(
      servers.map((server, i) =>
        runOne(server, i, seconds, shareOf(connections, servers.length, i)),
      ),
    );

  const transactionsBefore = await transactionCounts({ database, url: prepared.url });
  console.log(`HTTP ${name}: warm-up, ${WARMUP_SECONDS} s, 10 connections …`);
  await run(WARMUP_SECONDS, 10);
  await sleep(300);
  counting = freshCounts();
  console.log(`HTTP ${name}: measuring, ${SECONDS} s, ${CONNECTIONS} connections …`);
  const databaseCpu = () => (database === "postgres" ? postgresCpuSeconds() : null);
  const cpuBefore = servers.map((server) => cpuSeconds(server.child?.pid));
  const databaseCpuBefore = databaseCpu();
  const results = await run(SECONDS, CONNECTIONS);
  const cpuAfter = servers.map((server) => cpuSeconds(server.child?.pid));
  const databaseCpuAfter = databaseCpu();
  await sleep(1000); // let the servers finish requests cut off when autocannon stopped
  if (exhausted) console.log("WARNING: ran out of tokens; raise BENCH_INVITATIONS.");

  const statusCodes: Record<string, number> = {};
  for (const result of results) {
    for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
      statusCodes[code] = (statusCodes[code] ?? 0) + (stat as { count: number }).count;
    }
  }
  const non3xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith("3"))
    .reduce((sum, [, n]) => sum + n, 0);
  // Seconds, as measured by autocannon; the runs start together, the longest counts.
  const durationSeconds = Math.max(...results.map((result) => result.duration));
  const acknowledged = counting.acknowledged.reduce((a, b) => a + b, 0);
  const requests = results.reduce((sum, result) => sum + result.requests.total, 0);
  const highest = (pick: (result: (typeof results)[number]) => number) =>
    Math.max(...results.map(pick));
  // The servers' backends report their counts within about a second of going idle.
  await sleep(1000);
  const transactionsAfter = await transactionCounts({ database, url: prepared.url });
  const serverCpu = cpuBefore.map((before, i) =>
    before !== null && cpuAfter[i] !== null ? cpuAfter[i]! - before : null,
  );

  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requests.average, 0),
    successPerSecond: acknowledged / durationSeconds,
    successPerInstance: counting.acknowledged.map((n) => n / durationSeconds),
    latency: {
      p50: highest((result) => result.latency.p50),
      p97_5: highest((result) => result.latency.p97_5),
      p99: highest((result) => result.latency.p99),
      mean:
        results.reduce((sum, result) => sum + result.latency.average * result.requests.total, 0) /
        Math.max(1, requests),
    },
    acknowledged,
    errors: results.reduce((sum, result) => sum + result.errors, 0) + non3xx,
    otherRedirects: counting.otherRedirects,
    statusCodes,
    totalAcknowledged: acknowledgedTokens.length,
    issued,
    responded,
    // The servers are still up: on SQLite, WAL lets this process read alongside.
    db: await checkStored(prepared, acknowledgedTokens),
    serverCpuSeconds: serverCpu.includes(null)
      ? null
      : serverCpu.reduce((sum, seconds) => sum! + seconds!, 0),
    databaseCpuSeconds:
      databaseCpuBefore !== null && databaseCpuAfter !== null
        ? databaseCpuAfter - databaseCpuBefore
        : null,
    transactions:
      transactionsBefore && transactionsAfter
        ? {
            committed: transactionsAfter.committed - transactionsBefore.committed,
            rolledBack: transactionsAfter.rolledBack - transactionsBefore.rolledBack,
          }
        : null,
  };
}

/**
 * What the database holds after the run, through Kysely on either database: each acknowledged
 * submission's invitation 'submitted', and as many answers as submitted invitations in every
 * participant's group of each relationship (an answer stored twice makes a group go over, a
 * lost one under). Answers wait sealed until the round closes (app/rater/sealed-answers.server.ts);
 * they are opened here with the seal key to count them and their ratings.
 */
async function checkStored(
  prepared: PreparedAt,
  acknowledgedTokens: readonly string[],
): Promise<StoredCheck> {
  const db = createDatabase(prepared.url, { poolSize: 2 });
  try {
    const sealed = await openSealedAnswers(db, prepared.cycleId);
    const published = await db
      .selectFrom("response")
      .select(["participant_id", "relationship"])
      .where("cycle_id", "=", prepared.cycleId)
      .execute();
    const submitted = await db
      .selectFrom("invitation")
      .select(["participant_id", "relationship", "token_hash"])
      .where("cycle_id", "=", prepared.cycleId)
      .where("status", "=", "submitted")
      .execute();
    const submittedHashes = new Set(submitted.map((row) => row.token_hash));
    const ackedStored = acknowledgedTokens.filter((token) =>
      submittedHashes.has(hashToken(token)),
    ).length;

    const balance = new Map<string, number>();
    const add = (participantId: string, relationship: string, n: number) => {
      const key = `${participantId}\u0000${relationship}`;
      balance.set(key, (balance.get(key) ?? 0) + n);
    };
    for (const row of submitted) add(row.participant_id, row.relationship, 1);
    for (const answer of sealed) add(answer.participantId, answer.relationship, -1);
    for (const row of published) add(row.participant_id, row.relationship, -1);
    const balances = [...balance.values()];

    const indicators = prepared.indicatorIds.length;
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM response r
      WHERE r.cycle_id = ${prepared.cycleId}
        AND (SELECT count(*) FROM rating g WHERE g.response_id = r.id) <> ${indicators}`.execute(
      db,
    );
    const badRatings =
      Number(rows[0]?.n ?? 0) +
      sealed.filter((answer) => Object.keys(answer.ratings).length !== indicators).length;
    return {
      responses: sealed.length + published.length,
      submitted: submitted.length,
      ackedStored,
      ratingsOk: badRatings === 0,
      groupsOver: balances.filter((n) => n < 0).length,
      groupsUnder: balances.filter((n) => n > 0).length,
    };
  } finally {
    await db.destroy();
  }
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}

// -------------------------------------------------------------------------------------------
// SQLite and PostgreSQL side by side

/** The figures the brief asks of PostgreSQL, next to SQLite's, with their targets. */
function printDatabaseComparison({
  http,
  reports,
  teams,
  postgres,
}: {
  http: Awaited<ReturnType<typeof httpSections>> | null;
  reports: ReportBench[] | null;
  teams: TeamsBench[] | null;
  postgres: string | null;
}) {
  type Cell = { figure: string; met: boolean | null } | null;
  const cells = (cell: (database: BenchDatabase) => Cell) =>
    DATABASES.flatMap((database) => {
      const value = cell(database);
      if (!value) return ["—", ""];
      return [value.figure, value.met === null ? "" : value.met ? "PASS" : "MISS"];
    });
  const rows: string[][] = [];
  if (http) {
    for (const instances of [1, 2]) {
      rows.push([
        `submissions/s through HTTP, ${instances === 1 ? "one app instance" : "two app instances on one database"}`,
        `≥ ${GOAL_SUBMISSIONS_PER_SECOND}`,
        ...cells((database) => {
          const run = http.runs.find((r) => r.database === database && r.instances === instances);
          if (!run) return null;
          const rate = run.result.successPerSecond;
          return { figure: fmt(rate, 1), met: rate >= GOAL_SUBMISSIONS_PER_SECOND };
        }),
      ]);
    }
    rows.push([
      "  … each answer stored once, none acknowledged lost",
      "every run OK",
      ...cells((database) => {
        const runs = http.runs.filter((run) => run.database === database);
        if (runs.length === 0) return null;
        const ok = runs.map((run) => storedOk(run.result));
        return {
          figure: ok.map((o) => (o ? "OK" : "MISMATCH")).join(" / "),
          met: !ok.includes(false),
        };
      }),
    ]);
  }
  if (reports) {
    const participants = reports[0]?.generated.participants ?? 0;
    rows.push([
      `release of ${fmt(participants)} participants (computeCycleReports)`,
      `≤ ${GOAL_RELEASE_SECONDS} s`,
      ...cells((database) => {
        const bench = reports.find((r) => r.database === database);
        if (!bench) return null;
        const seconds = bench.generated.cycleSeconds;
        return { figure: `${seconds.toFixed(1)} s`, met: seconds <= GOAL_RELEASE_SECONDS };
      }),
    ]);
  }
  if (teams) {
    const count = teams[0]?.teams ?? 0;
    rows.push([
      `team comparison of all ${fmt(count)} teams (loadTeamComparison, median)`,
      `≤ ${fmt(GOAL_COMPARISON_MS)} ms`,
      ...cells((database) => {
        const bench = teams.find((t) => t.database === database);
        if (!bench) return null;
        const ms = median(bench.loaders.comparisonMs);
        return { figure: `${fmt(ms)} ms`, met: ms <= GOAL_COMPARISON_MS };
      }),
    ]);
    rows.push([
      `  … the page, GET /teams/vergelijken (median, no target)`,
      "",
      ...cells((database) => {
        const bench = teams.find((t) => t.database === database);
        if (!bench || "skipped" in bench.http) return null;
        return { figure: `${fmt(median(bench.http.comparisonMs))} ms`, met: null };
      }),
    ]);
  }
  console.log(
    `\n== The figures with a target on ${DATABASES.map((database) => DATABASE_LABEL[database]).join(" and ")}`,
  );
  console.log(
    table(rows, [
      "measure",
      "target",
      ...DATABASES.flatMap((database) => [DATABASE_LABEL[database], ""]),
    ]),
  );
  console.log(
    "  (— : not measured; two app instances on one database are a PostgreSQL setup, SQLite has " +
      "one app process per file. Targets: run.ts (submissions), profile-mix.ts (release, " +
      "comparison). Each measure on a fresh database filled the same way.)",
  );
  if (postgres) console.log(`  ${postgres}`);
}

// -------------------------------------------------------------------------------------------
// Baseline with better-sqlite3

async function baselineBench() {
  const dir = makeTempDir("baseline");
  const prepared = await prepareDatabase(dir, BASELINE_N);
  const sqlite = new SQLite(prepared.file);
  // The pragmas of db/database.ts.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");

  const claim = sqlite.prepare(
    `UPDATE invitation SET status = 'submitted', reminder_count = 0, last_reminded_at = NULL
     WHERE id = ? AND status = 'open'`,
  );
  const insertResponse = sqlite.prepare(
    `INSERT INTO response (id, cycle_id, participant_id, relationship, submitted_on)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const insertRating = sqlite.prepare(
    "INSERT INTO rating (response_id, indicator_id, score) VALUES (?, ?, ?)",
  );
  const deleteDraft = sqlite.prepare("DELETE FROM draft WHERE invitation_id = ?");
  const day = new Date().toISOString().slice(0, 10);
  const indicatorIds = prepared.indicatorIds;
  const submit = sqlite.transaction(
    (invitation: PreparedDatabase["invitations"][number], seed: number) => {
      if (claim.run(invitation.id).changes !== 1) return false;
      const responseId = newId();
      insertResponse.run(
        responseId,
        prepared.cycleId,
        invitation.participantId,
        invitation.relationship,
        day,
      );
      for (let i = 0; i < indicatorIds.length; i++) {
        const n = (seed * 7 + i * 13) % 23;
        insertRating.run(responseId, indicatorIds[i], n === 0 ? null : (n % 5) + 1);
      }
      deleteDraft.run(invitation.id);
      return true;
    },
  );

  console.log(`Baseline: up to ${fmt(BASELINE_N)} submissions or ${BASELINE_MAX_SECONDS} s …`);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const limit = started + BASELINE_MAX_SECONDS * 1000;
  let count = 0;
  for (const invitation of prepared.invitations) {
    if (submit(invitation, count)) count++;
    if ((count & 255) === 0 && performance.now() > limit) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  sqlite.close();
  return {
    count,
    seconds,
    perSecond: count / seconds,
    cpuMsEach: (cpu.user + cpu.system) / 1000 / count,
  };
}

// -------------------------------------------------------------------------------------------
// Page weight

interface WeightRow {
  kind: string;
  files: number;
  raw: number;
  gzip: number;
}

async function pageWeight(baseUrl: string, token: string) {
  const get = async (url: string) => {
    const response = await fetch(new URL(url, baseUrl), {
      headers: { "accept-encoding": "identity" },
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
    return body;
  };
  const gz = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;

  const html = await get(`/uitnodiging/${token}/vragenlijst`);
  const text = html.toString("utf8");
  const css = new Set<string>();
  const js = new Set<string>();
  for (const [tag] of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, "rel")?.toLowerCase();
    const href = attr(tag, "href");
    if (!href) continue;
    if (rel === "stylesheet") css.add(href);
    if (rel === "modulepreload") js.add(href);
  }
  for (const [, attrs, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (attr(`<x ${attrs}>`, "type") !== "module") continue;
    const src = attr(`<x ${attrs}>`, "src");
    if (src) js.add(src);
    for (const match of body!.matchAll(
      /\bimport\s*(?:\(\s*|[\w*{}\s,$]+\s+from\s*|\s*)["']([^"']+\.js)["']/g,
    )) {
      js.add(match[1]!);
    }
  }

  const fetchAll = async (urls: Set<string>) =>
    Promise.all(
      [...urls].map(async (url) => {
        const body = await get(url);
        return { url, raw: body.length, gzip: gz(body) };
      }),
    );
  const cssFiles = await fetchAll(css);
  const jsFiles = (await fetchAll(js)).sort((a, b) => b.gzip - a.gzip);
  const sum = (files: { raw: number; gzip: number }[], kind: string): WeightRow => ({
    kind,
    files: files.length,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  });
  const htmlRow = { kind: "HTML", files: 1, raw: html.length, gzip: gz(html) };
  const cssRow = sum(cssFiles, "CSS");
  const jsRow = sum(jsFiles, "JS total");
  const rows: WeightRow[] = [
    htmlRow,
    cssRow,
    jsRow,
    {
      kind: "all",
      files: 1 + cssRow.files + jsRow.files,
      raw: htmlRow.raw + cssRow.raw + jsRow.raw,
      gzip: htmlRow.gzip + cssRow.gzip + jsRow.gzip,
    },
  ];
  return { rows, jsFiles };
}

function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

await main();
process.exit(0);
