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
// Prints figures and asserts nothing (exit code 0 unless the harness itself fails).
//
// Environment (all optional):
//   BENCH_ONLY=cycles      only these sections, comma-separated: http (submissions, baseline,
//                          link timing, page weight), sign-in, reports, cycles (also "rounds",
//                          its old name), teams, import, profile-mix; default all
//   BENCH_SECONDS=10       measured autocannon run
//   BENCH_CONNECTIONS=50   concurrent connections (pipelining 1)
//   BENCH_INVITATIONS=30000
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
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import SQLite from "better-sqlite3";
import { createDatabase } from "#db/database";
import { newId } from "#db/ids";
import { openSealedAnswers } from "~/rater/sealed-answers.server";
import { hashToken } from "~/utils/tokens.server";
import {
  cpuSeconds,
  ensureBuild,
  fmt,
  freePort,
  makeTempDir,
  prepareDatabase,
  ServerProcess,
  sleep,
  submissionBody,
  table,
  watchdog,
  type PreparedDatabase,
} from "./harness";
import {
  importLimitsBench,
  importLimitsBenchBudgetSeconds,
  printImportLimitsBench,
} from "./import-limits";
import { printReportBench, reportBench, reportBenchBudgetSeconds } from "./reports";
import { cyclesBench, cyclesBenchBudgetSeconds, printCyclesBench } from "./cycles";
import { printProfileMixBench, profileMixBench, profileMixBenchBudgetSeconds } from "./profile-mix";
import { printSignInTiming, signInTiming } from "./sign-in";
import { printTeamsBench, teamsBench, teamsBenchBudgetSeconds } from "./team-profiles";

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

watchdog(
  30 +
    (ONLY.has("http") ? 80 + SECONDS * 2 : 0) +
    (ONLY.has("sign-in") ? 30 : 0) +
    (ONLY.has("reports") ? reportBenchBudgetSeconds() : 0) +
    (ONLY.has("cycles") ? cyclesBenchBudgetSeconds() : 0) +
    (ONLY.has("teams") ? teamsBenchBudgetSeconds() : 0) +
    (ONLY.has("import") ? importLimitsBenchBudgetSeconds() : 0) +
    (ONLY.has("profile-mix")
      ? profileMixBenchBudgetSeconds({
          cycles: ONLY.has("cycles"),
          reports: ONLY.has("reports"),
        })
      : 0),
);

interface HttpResult {
  requestsPerSecond: number;
  successPerSecond: number;
  latency: { p50: number; p97_5: number; p99: number; mean: number };
  acknowledged: number;
  errors: number;
  otherRedirects: number;
  statusCodes: Record<string, number>;
  totalAcknowledged: number;
  issued: number;
  responded: number;
  db: { responses: number; submitted: number; ackedStored: number; ratingsOk: boolean };
  /** Server CPU seconds (user + system) during the measured run, when /proc is there. */
  serverCpuSeconds: number | null;
}

async function main() {
  const load = (await import("node:os"))
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
  console.log(
    `Rondom bench (load average before start: ${load}; other work on this machine skews figures)\n`,
  );
  if (ONLY.has("http") || ONLY.has("sign-in") || ONLY.has("reports")) ensureBuild();

  const http = ONLY.has("http") ? await httpSections() : null;
  const signIn = ONLY.has("sign-in") ? await signInTiming() : null;
  const reports = ONLY.has("reports") ? await reportBench() : null;
  const cycles = ONLY.has("cycles") ? await cyclesBench() : null;
  const teams = ONLY.has("teams") ? await teamsBench() : null;
  const imports = ONLY.has("import") ? await importLimitsBench() : null;
  const mix = ONLY.has("profile-mix") ? await profileMixBench({ cycles, reports }) : null;

  if (http) printHttpSections(http);
  if (signIn) printSignInTiming(signIn);
  if (reports) printReportBench(reports);
  if (cycles) printCyclesBench(cycles);
  if (teams) printTeamsBench(teams);
  if (imports) printImportLimitsBench(imports);
  if (mix) printProfileMixBench(mix);
  console.log("\nBench asserts nothing.");
}

/** Submissions through HTTP, the better-sqlite3 baseline, link timing and page weight. */
async function httpSections() {
  // -------------------------------------------------------------------- HTTP
  const dir = makeTempDir("bench");
  const prepared = await prepareDatabase(dir, INVITATIONS);
  console.log(
    `Prepared ${fmt(INVITATIONS)} open invitations in ${prepared.seconds.toFixed(1)} s ` +
      `(${prepared.indicatorIds.length} indicators).`,
  );
  // Two invitations become a revoked and an expired link for the timing comparison.
  const revoked = prepared.invitations.at(-2)!;
  const expired = prepared.invitations.at(-3)!;
  await markLinksUnusable(prepared.url, revoked.id, expired.id);
  const port = await freePort();
  const profDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
  const server = new ServerProcess({
    databaseUrl: prepared.url,
    port,
    nodeArgs: profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
    script: process.env.BENCH_SERVER_SCRIPT,
  });
  const startMs = await server.start();
  console.log(`Server up on ${server.baseUrl} in ${fmt(startMs)} ms.\n`);

  // The page weight uses the last token; the submissions use the others, in order.
  const pageToken = prepared.invitations.at(-1)!.token;
  const weight = await pageWeight(server.baseUrl, pageToken).catch((error: unknown) => {
    console.log(`Page weight not measured: ${String(error)}`);
    return null;
  });

  const timing = await linkTiming(server.baseUrl, {
    "open invitation": pageToken,
    "unknown token": "A".repeat(43),
    "malformed token": "nope",
    "revoked invitation": revoked.token,
    "expired invitation": expired.token,
  });

  const http = await httpBench(server, prepared, prepared.invitations.length - 3);
  await server.stop();
  if (profDir) console.log(`CPU profile written to ${profDir}`);

  // -------------------------------------------------------------------- baseline
  const baseline = await baselineBench();

  return { http, baseline, timing, weight };
}

function printHttpSections({
  http,
  baseline,
  timing,
  weight,
}: Awaited<ReturnType<typeof httpSections>>) {
  console.log(
    `\n== Submissions through HTTP (autocannon, ${SECONDS} s, ${CONNECTIONS} connections, pipelining 1)`,
  );
  console.log(
    table(
      [
        ["requests/s (mean)", fmt(http.requestsPerSecond, 1)],
        ["acknowledged submissions/s (302 → /bedankt)", fmt(http.successPerSecond, 1)],
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
                "server CPU used (of the run's wall time)",
                `${((http.serverCpuSeconds / SECONDS) * 100).toFixed(0)} %`,
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
      ],
      ["measure", "value"],
    ),
  );
  const inFlight = http.issued - http.responded;
  const dbOk =
    http.db.responses === http.db.submitted &&
    http.db.ackedStored === http.totalAcknowledged &&
    http.db.submitted >= http.totalAcknowledged &&
    http.db.submitted <= http.totalAcknowledged + inFlight &&
    http.db.ratingsOk;
  console.log(`\n== Database check after the HTTP run (warm-up ${WARMUP_SECONDS} s included)`);
  console.log(
    table(
      [
        ["acknowledged submissions (warm-up + measured)", fmt(http.totalAcknowledged)],
        ["… of which the invitation is 'submitted'", fmt(http.db.ackedStored)],
        ["invitations with status 'submitted'", fmt(http.db.submitted)],
        ["answers stored (sealed until the close, or published)", fmt(http.db.responses)],
        ["every answer has 37 ratings", http.db.ratingsOk ? "yes" : "NO"],
        ["requests in flight when autocannon stopped", fmt(inFlight)],
        ["result", dbOk ? "OK" : "MISMATCH"],
      ],
      ["check", "value"],
    ),
  );
  console.log("  (OK: answers = submitted invitations = acknowledged + some of those in flight)");

  console.log(`\n== Baseline: the same writes directly with better-sqlite3 (no HTTP, no Kysely)`);
  console.log(
    table(
      [
        ["submissions", fmt(baseline.count)],
        ["time", `${baseline.seconds.toFixed(2)} s`],
        ["submissions/s", fmt(baseline.perSecond, 0)],
        ["CPU per submission (user+sys)", `${fmt(baseline.cpuMsEach, 3)} ms`],
        [
          "ratio HTTP / baseline",
          `${((http.successPerSecond / baseline.perSecond) * 100).toFixed(1)} %`,
        ],
      ],
      ["measure", "value"],
    ),
  );

  console.log(
    `\n== Time to answer GET /uitnodiging/<token> (${LINK_TIMING_ROUNDS} interleaved rounds, one request at a time)`,
  );
  console.log(
    table(
      timing.map((row) => [row.kind, String(row.status), fmt(row.p50, 2), fmt(row.p90, 2)]),
      ["link", "status", "p50 ms", "p90 ms"],
    ),
  );
  console.log(
    "  (unknown, malformed, revoked and expired links should look alike: same status, similar time)",
  );

  if (!weight) return;
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
  console.log(`\n== Goals (from the issue)`);
  console.log(
    table(
      [
        [
          "submissions/s through HTTP",
          `≥ ${GOAL_SUBMISSIONS_PER_SECOND}`,
          fmt(http.successPerSecond, 1),
          http.successPerSecond >= GOAL_SUBMISSIONS_PER_SECOND ? "PASS" : "MISS",
        ],
        [
          "JS on the questionnaire page (gzip)",
          `< ${GOAL_JS_GZIP_BYTES / 1024} KB`,
          `${(js.gzip / 1024).toFixed(1)} KB`,
          js.gzip < GOAL_JS_GZIP_BYTES ? "PASS" : "MISS",
        ],
      ],
      ["goal", "target", "measured", ""],
    ),
  );
  console.log(`\n(${fmt(js.gzip)} gzip bytes of JS; KB = 1024 bytes.)`);
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

async function httpBench(
  server: ServerProcess,
  prepared: PreparedDatabase,
  usable: number,
): Promise<HttpResult> {
  const tokens = prepared.invitations.slice(0, usable).map((i) => i.token);
  const bodies = Array.from({ length: 23 }, (_, seed) => submissionBody(prepared, seed));
  let next = 0;
  let issued = 0;
  let responded = 0;
  let exhausted = false;
  const acknowledgedTokens: string[] = [];
  let counting = { acknowledged: 0, otherRedirects: 0 };

  const run = (seconds: number, connections: number) =>
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
              headers: { "content-type": "application/x-www-form-urlencoded" },
              body: bodies[index % bodies.length]!,
            };
          },
          onResponse: (status, _body, context, headers) => {
            responded++;
            const token = (context as { token?: string }).token!;
            const location = headerValue(headers as Record<string, string>, "location");
            if (status === 302 && location === `/uitnodiging/${token}/bedankt`) {
              counting.acknowledged++;
              acknowledgedTokens.push(token);
            } else if (status >= 300 && status < 400) counting.otherRedirects++;
          },
        },
      ],
    });

  console.log(`Warm-up: ${WARMUP_SECONDS} s, 10 connections …`);
  await run(WARMUP_SECONDS, 10);
  await sleep(300);
  counting = { acknowledged: 0, otherRedirects: 0 };
  console.log(`Measuring: ${SECONDS} s, ${CONNECTIONS} connections …`);
  const cpuBefore = cpuSeconds(server.child?.pid);
  const result = await run(SECONDS, CONNECTIONS);
  const cpuAfter = cpuSeconds(server.child?.pid);
  await sleep(1000); // let the server finish requests cut off when autocannon stopped
  if (exhausted) console.log("WARNING: ran out of tokens; raise BENCH_INVITATIONS.");

  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = (stat as { count: number }).count;
  }
  const non3xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith("3"))
    .reduce((sum, [, n]) => sum + n, 0);
  const durationSeconds = result.duration; // seconds, as measured by autocannon

  // Database check (the server is still up; WAL lets us read alongside).
  const sqlite = new SQLite(prepared.file, { readonly: true });
  // Answers wait sealed until the round closes (app/rater/sealed-answers.server.ts); they are
  // opened here with the database's seal key to count them and their ratings.
  const reader = createDatabase(prepared.url);
  const sealedAnswers = await openSealedAnswers(reader, prepared.cycleId).finally(() =>
    reader.destroy(),
  );
  const responses =
    (sqlite.prepare("SELECT count(*) AS n FROM response").get() as { n: number }).n +
    sealedAnswers.length;
  const submitted = (
    sqlite.prepare("SELECT count(*) AS n FROM invitation WHERE status = 'submitted'").get() as {
      n: number;
    }
  ).n;
  const statusOf = sqlite.prepare("SELECT status FROM invitation WHERE token_hash = ?");
  let ackedStored = 0;
  for (const token of acknowledgedTokens) {
    const row = statusOf.get(hashToken(token)) as { status: string } | undefined;
    if (row?.status === "submitted") ackedStored++;
  }
  const badRatings =
    (
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM response r
         WHERE (SELECT count(*) FROM rating g WHERE g.response_id = r.id) <> ?`,
        )
        .get(prepared.indicatorIds.length) as { n: number }
    ).n +
    sealedAnswers.filter(
      (answer) => Object.keys(answer.ratings).length !== prepared.indicatorIds.length,
    ).length;
  sqlite.close();

  return {
    requestsPerSecond: result.requests.average,
    successPerSecond: counting.acknowledged / durationSeconds,
    latency: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: result.latency.average,
    },
    acknowledged: counting.acknowledged,
    errors: result.errors + non3xx,
    otherRedirects: counting.otherRedirects,
    statusCodes,
    totalAcknowledged: acknowledgedTokens.length,
    issued,
    responded,
    db: { responses, submitted, ackedStored, ratingsOk: badRatings === 0 },
    serverCpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
  };
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
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
