// `npm run test:load`: many raters submitting at once, then the same while the server is
// killed (SIGKILL) and restarted. Exits 1 unless every acknowledged submission is stored
// exactly once (sealed while the round collects, then published once by closing the round) and
// no request failed except those cut by the kill.
//
// Environment (all optional):
//   LOAD_SECONDS=60   duration of each run
//   LOAD_RATERS=200   concurrent rater loops
//   LOAD_RUNS=1,2     which runs (1 = load, 2 = load + kill/restart)
//   LOAD_TIMEOUT_SECONDS=60  a request unanswered this long counts as a failure
import http from "node:http";
import SQLite from "better-sqlite3";
import { createDatabase } from "#db/database";
import { closeCycle } from "~/cycles/lifecycle.server";
import { countSealedAnswers } from "~/rater/sealed-answers.server";
import { hashToken } from "~/utils/tokens.server";
import {
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
} from "../bench/harness";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const RATERS = Number(process.env.LOAD_RATERS ?? 200);
const RUNS = (process.env.LOAD_RUNS ?? "1,2").split(",").map((s) => s.trim());
// A rater's browser waits long; a request still unanswered after this counts as failed.
const REQUEST_TIMEOUT_MS = Number(process.env.LOAD_TIMEOUT_SECONDS ?? 60) * 1000;
// Far more than the server can take in the time; running out is reported as a failure.
const INVITATIONS = Math.max(3000, Math.ceil(SECONDS * 250));
const PAGE_END = "window.__remixContext.streamController.close()";
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ECONNABORTED"]);

if (!Number.isFinite(SECONDS) || SECONDS <= 0 || SECONDS > 600) {
  throw new Error("LOAD_SECONDS must be a number of seconds between 0 and 600");
}
watchdog(RUNS.length * (SECONDS + 30) + (2 * REQUEST_TIMEOUT_MS) / 1000 + 60);

interface Call {
  ok: boolean;
  status?: number;
  location?: string;
  complete?: boolean; // GET: the streamed page reached its end
  detail?: string; // network errors: when it happened
  code?: string; // network error code
  started: number;
  ended: number;
}

interface Failure {
  phase: "GET" | "POST";
  token: string;
  status?: number;
  code?: string;
  detail?: string;
  started: number;
  ended: number;
}

type Outcome = "acknowledged" | "failed-get" | "failed-post";

interface RunResult {
  name: string;
  passed: boolean;
  rows: (string | number)[][];
  problems: string[];
}

function call(
  agent: http.Agent,
  port: number,
  method: "GET" | "POST",
  path: string,
  body?: string,
  checkComplete = false,
): Promise<Call> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    let answered = false; // response headers arrived
    const finish = (result: Omit<Call, "started" | "ended">) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, started, ended: Date.now() });
    };
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent,
        headers: body
          ? {
              "content-type": "application/x-www-form-urlencoded",
              "content-length": Buffer.byteLength(body),
            }
          : {},
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        answered = true;
        // A page whose render was aborted still answers 200, but lacks the closing script.
        let tail = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (checkComplete) tail = (tail + chunk).slice(-400);
        });
        response.on("error", (error: NodeJS.ErrnoException) =>
          finish({ ok: false, code: error.code ?? error.message, detail: "mid-body" }),
        );
        response.on("aborted", () => finish({ ok: false, code: "ECONNRESET", detail: "mid-body" }));
        response.on("end", () =>
          finish({
            ok: true,
            status: response.statusCode,
            location: response.headers.location,
            complete: checkComplete ? tail.includes(PAGE_END) : undefined,
          }),
        );
      },
    );
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        code: error.code ?? error.message,
        detail: answered
          ? "mid-body"
          : request.reusedSocket
            ? "reused keep-alive socket"
            : "new socket",
      }),
    );
    request.end(body);
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function loadRun(name: string, withKill: boolean): Promise<RunResult> {
  console.log(
    `\n== ${name}: ${RATERS} raters for ${SECONDS} s${withKill ? ", SIGKILL + restart midway" : ""}`,
  );
  const dir = makeTempDir("load");
  const prepared = await prepareDatabase(dir, INVITATIONS);
  console.log(
    `  prepared ${fmt(INVITATIONS)} open invitations in ${prepared.seconds.toFixed(1)} s`,
  );
  const port = await freePort();
  const server = new ServerProcess({ databaseUrl: prepared.url, port, label: name });
  await server.start();

  const bodies = Array.from({ length: 23 }, (_, seed) =>
    submissionBody(prepared, seed, seed % 3 === 0),
  );
  const pool = prepared.invitations.map((i) => i.token).reverse();
  const outcomes = new Map<string, Outcome>();
  const failures: Failure[] = [];
  const getLatency: number[] = [];
  const postLatency: number[] = [];
  let exhausted = false;
  const agent = new http.Agent({ keepAlive: true, maxSockets: RATERS });

  const started = Date.now();
  const endAt = started + SECONDS * 1000;
  let killAt = Number.POSITIVE_INFINITY;
  let listeningAt = Number.POSITIVE_INFINITY; // the restarted server accepts connections
  let readyAt = Number.POSITIVE_INFINITY; // … and has answered GET /
  let downMs = 0;

  const rater = async (index: number) => {
    let seed = index;
    let unsent: string | undefined; // a token whose page could not be fetched: nothing was sent
    while (Date.now() < endAt) {
      const token = unsent ?? pool.pop();
      unsent = undefined;
      if (!token) {
        exhausted = true;
        return;
      }
      const page = `/uitnodiging/${token}/vragenlijst`;
      const get = await call(agent, port, "GET", page, undefined, true);
      if (!get.ok || get.status !== 200 || !get.complete) {
        const code = get.code ?? (get.ok && get.status === 200 ? "truncated page" : undefined);
        failures.push({
          phase: "GET",
          token,
          status: get.status,
          code,
          detail: get.detail,
          started: get.started,
          ended: get.ended,
        });
        if (!get.ok) {
          unsent = token; // try the same rater again once the server answers
          await sleep(100); // server down: do not spin
        } else outcomes.set(token, "failed-get");
        continue;
      }
      getLatency.push(get.ended - get.started);
      const post = await call(agent, port, "POST", page, bodies[seed++ % bodies.length]);
      if (post.ok && post.status === 302 && post.location === `/uitnodiging/${token}/bedankt`) {
        outcomes.set(token, "acknowledged");
        postLatency.push(post.ended - post.started);
      } else {
        outcomes.set(token, "failed-post");
        failures.push({
          phase: "POST",
          token,
          status: post.status,
          code:
            post.code ??
            (post.location ? `→ ${post.location.replace(token, "<token>")}` : undefined),
          detail: post.detail,
          started: post.started,
          ended: post.ended,
        });
        if (!post.ok) await sleep(100);
      }
    }
  };

  const killer = async () => {
    if (!withKill) return;
    const fraction = 0.4 + Math.random() * 0.2;
    await sleep(SECONDS * 1000 * fraction);
    console.log(
      `  SIGKILL at ${((Date.now() - started) / 1000).toFixed(1)} s (${(fraction * 100).toFixed(0)} %)`,
    );
    killAt = Date.now();
    await server.kill("SIGKILL");
    await server.start(120_000);
    readyAt = Date.now();
    listeningAt = server.listeningAt ?? readyAt;
    downMs = listeningAt - killAt;
    console.log(
      `  restarted on the same database: listening again after ${fmt(downMs)} ms, ` +
        `answered GET / after ${fmt(readyAt - killAt)} ms`,
    );
  };

  const progress = setInterval(() => {
    const acked = [...outcomes.values()].filter((o) => o === "acknowledged").length;
    console.log(
      `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${fmt(acked)} acknowledged, ${failures.length} failed`,
    );
  }, 10_000);
  try {
    await Promise.all([killer(), ...Array.from({ length: RATERS }, (_, i) => rater(i))]);
  } finally {
    clearInterval(progress);
  }
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  await server.stop();

  // Which failures were cut by the kill: network errors between the kill and the moment the
  // restarted server listens again (after that, every request must be answered).
  const isCut = (f: Failure) =>
    f.code !== undefined &&
    NETWORK_CODES.has(f.code) &&
    f.ended >= killAt &&
    f.ended <= listeningAt;
  const cut = failures.filter(isCut);
  const realFailures = failures.filter((f) => !isCut(f));
  const beforeKill = realFailures.filter((f) => f.ended < killAt);
  const afterRestart = realFailures.filter((f) => f.ended >= killAt);

  // Answers wait sealed until the round closes; closing publishes them (in one batch), after
  // which every check below reads the published responses.
  const closing = await closeCycleTimed(prepared);
  const checks = verify(
    prepared,
    outcomes,
    new Set(cut.filter((f) => f.phase === "POST").map((f) => f.token)),
  );

  const acknowledged = [...outcomes.values()].filter((o) => o === "acknowledged").length;

  const problems: string[] = [...checks.problems];
  if (closing.sealed !== checks.submitted) {
    problems.push(`${closing.sealed} sealed answers for ${checks.submitted} submitted invitations`);
  }
  if (closing.leftSealed !== 0) problems.push(`${closing.leftSealed} answer(s) still sealed`);
  if (exhausted) problems.push(`ran out of the ${fmt(INVITATIONS)} prepared invitations`);
  if (realFailures.length > 0) {
    const kinds = new Map<string, number>();
    for (const f of realFailures) {
      const key = `${f.phase} ${f.status ?? ""} ${f.code ?? ""} ${f.detail ? `(${f.detail})` : ""}`
        .replace(/\s+/g, " ")
        .trim();
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    problems.push(
      `${realFailures.length} request(s) failed outside the kill window: ` +
        [...kinds].map(([k, n]) => `${k} ×${n}`).join(", "),
    );
  }

  const rows: (string | number)[][] = [
    ["elapsed", `${elapsed.toFixed(1)} s`],
    ["page GETs answered 200", fmt(getLatency.length)],
    [
      "GET latency p50 / p99",
      `${fmt(percentile(getLatency, 50))} / ${fmt(percentile(getLatency, 99))} ms`,
    ],
    [
      "POST latency p50 / p99",
      `${fmt(percentile(postLatency, 50))} / ${fmt(percentile(postLatency, 99))} ms`,
    ],
    ["acknowledged submissions (302 → /bedankt)", fmt(acknowledged)],
    ["acknowledged per second", fmt(acknowledged / elapsed, 1)],
    ["acknowledged and stored (invitation 'submitted')", fmt(checks.ackedStored)],
    [
      withKill ? "failures before the kill" : "failures",
      fmt(withKill ? beforeKill.length : realFailures.length),
    ],
  ];
  if (withKill) {
    rows.push(
      ["server down (kill → listening again)", `${fmt(downMs)} ms`],
      ["kill → first answer to GET /", `${fmt(readyAt - killAt)} ms`],
      [
        "requests cut by the kill (GET / POST)",
        `${cut.filter((f) => f.phase === "GET").length} / ${cut.filter((f) => f.phase === "POST").length}`,
      ],
      ["cut POSTs stored / not stored", `${checks.cutStored} / ${checks.cutNotStored}`],
      ["failures after the kill, not cut", fmt(afterRestart.length)],
    );
  }
  rows.push(
    ["answers sealed until the close", fmt(closing.sealed)],
    ["closing the round (publishing them in one batch)", `${fmt(closing.ms)} ms`],
    [
      "invitations 'submitted' / response rows",
      `${fmt(checks.submitted)} / ${fmt(checks.responses)}`,
    ],
    ["(participant, relationship) groups checked", fmt(checks.groups)],
    ["responses without exactly 37 ratings", fmt(checks.badRatings)],
  );
  for (const f of realFailures.slice(0, 5)) {
    const at = (t: number) => `${((t - started) / 1000).toFixed(1)} s`;
    problems.push(
      `  e.g. ${f.phase} ${f.status ?? ""} ${f.code ?? ""} ${f.detail ?? ""}, sent at ${at(f.started)}, failed at ${at(f.ended)}`,
    );
  }
  if (withKill && problems.length > 0) {
    problems.push(
      `  (kill at ${((killAt - started) / 1000).toFixed(1)} s, listening again at ` +
        `${((listeningAt - started) / 1000).toFixed(1)} s, GET / answered at ${((readyAt - started) / 1000).toFixed(1)} s)`,
    );
  }
  return { name, passed: problems.length === 0, rows, problems };
}

/**
 * Closes the round as HR would: its sealed answers (one per acknowledged submission, stored
 * with the invitation's status change) are published as responses in one transaction.
 */
async function closeCycleTimed(prepared: PreparedDatabase) {
  const db = createDatabase(prepared.url);
  try {
    const sealed = await countSealedAnswers(db, prepared.cycleId);
    const cycle = await db
      .selectFrom("cycle")
      .select("organisation_id")
      .where("id", "=", prepared.cycleId)
      .executeTakeFirstOrThrow();
    const started = performance.now();
    const outcome = await closeCycle(db, {
      organisationId: cycle.organisation_id,
      cycleId: prepared.cycleId,
      actorPersonId: null,
      confirmation: "close_before_deadline",
    });
    const ms = performance.now() - started;
    if (outcome.status !== "done") throw new Error(`closing the round: ${outcome.status}`);
    return { sealed, ms, leftSealed: await countSealedAnswers(db, prepared.cycleId) };
  } finally {
    await db.destroy();
  }
}

function verify(
  prepared: PreparedDatabase,
  outcomes: Map<string, Outcome>,
  cutTokens: Set<string>,
) {
  const problems: string[] = [];
  const sqlite = new SQLite(prepared.file, { readonly: true });
  try {
    const statusOf = sqlite.prepare("SELECT status FROM invitation WHERE token_hash = ?");
    let ackedStored = 0;
    let cutStored = 0;
    let cutNotStored = 0;
    let unexpected = 0;
    let failedStored = 0;
    for (const invitation of prepared.invitations) {
      const outcome = outcomes.get(invitation.token);
      const status = (statusOf.get(hashToken(invitation.token)) as { status: string } | undefined)
        ?.status;
      if (outcome === "acknowledged") {
        if (status === "submitted") ackedStored++;
      } else if (cutTokens.has(invitation.token)) {
        if (status === "submitted") cutStored++;
        else if (status === "open") cutNotStored++;
        else unexpected++;
      } else if (outcome !== undefined) {
        // A failure not cut by the kill (already reported as a failure); note if it was stored.
        if (status === "submitted") failedStored++;
      } else if (status !== "open") {
        unexpected++; // never used, yet not open
      }
    }
    const acknowledged = [...outcomes.values()].filter((o) => o === "acknowledged").length;
    if (ackedStored !== acknowledged) {
      problems.push(`${acknowledged - ackedStored} acknowledged submission(s) not stored`);
    }
    if (unexpected > 0) problems.push(`${unexpected} invitation(s) in an unexpected state`);
    if (failedStored > 0)
      problems.push(`${failedStored} failed (not acknowledged) submission(s) were stored anyway`);

    const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    const submitted = count("SELECT count(*) AS n FROM invitation WHERE status = 'submitted'");
    const responses = count("SELECT count(*) AS n FROM response");
    if (submitted !== responses) {
      problems.push(`${responses} responses for ${submitted} submitted invitations`);
    }
    if (submitted !== ackedStored + cutStored + failedStored) {
      problems.push(
        `${submitted} submitted invitations, expected ${ackedStored + cutStored + failedStored}`,
      );
    }

    const perGroup = (sql: string) =>
      new Map(
        (sqlite.prepare(sql).all() as { k: string; n: number }[]).map((row) => [row.k, row.n]),
      );
    const invitationGroups = perGroup(
      `SELECT participant_id || '/' || relationship AS k, count(*) AS n
       FROM invitation WHERE status = 'submitted' GROUP BY participant_id, relationship`,
    );
    const responseGroups = perGroup(
      `SELECT participant_id || '/' || relationship AS k, count(*) AS n
       FROM response GROUP BY participant_id, relationship`,
    );
    let groupMismatches = 0;
    for (const key of new Set([...invitationGroups.keys(), ...responseGroups.keys()])) {
      if ((invitationGroups.get(key) ?? 0) !== (responseGroups.get(key) ?? 0)) groupMismatches++;
    }
    if (groupMismatches > 0) {
      problems.push(
        `${groupMismatches} (participant, relationship) group(s) with responses ≠ submitted invitations`,
      );
    }
    const badRatings = (
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM response r
           WHERE (SELECT count(*) FROM rating g WHERE g.response_id = r.id) <> ?`,
        )
        .get(prepared.indicatorIds.length) as { n: number }
    ).n;
    if (badRatings > 0)
      problems.push(
        `${badRatings} response(s) without exactly ${prepared.indicatorIds.length} ratings`,
      );
    return {
      problems,
      ackedStored,
      cutStored,
      cutNotStored,
      submitted,
      responses,
      groups: invitationGroups.size,
      badRatings,
    };
  } finally {
    sqlite.close();
  }
}

async function main() {
  console.log(`Rondom load test (${RATERS} raters, ${SECONDS} s per run)`);
  ensureBuild();
  const results: RunResult[] = [];
  if (RUNS.includes("1")) results.push(await loadRun("Run 1 (load)", false));
  if (RUNS.includes("2")) results.push(await loadRun("Run 2 (load + SIGKILL/restart)", true));

  let passed = results.length > 0;
  for (const result of results) {
    console.log(`\n== ${result.name}: ${result.passed ? "PASS" : "FAIL"}`);
    console.log(table(result.rows, ["measure", "value"]));
    for (const problem of result.problems) console.log(`  ✗ ${problem}`);
    passed &&= result.passed;
  }
  console.log(`\n${passed ? "PASS" : "FAIL"}: load test`);
  process.exit(passed ? 0 : 1);
}

await main();
