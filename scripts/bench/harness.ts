// Shared by `npm run bench` and `npm run test:load`: a fresh database with a collecting cycle,
// the production server (server.js) as a child process on 127.0.0.1, and cleanup that kills
// every child server and removes every temp dir on exit, also on error or Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase } from "#db/database";
import { migrateToLatest } from "#db/migrate";
import { loadQuestionnaire } from "~/rater/questionnaire.server";
import { createCycleFixture, type FixtureInvitation } from "../../tests/support/fixtures/cycle";

// Production outside the demo starts only with secrets of its own (the benches' organisations
// are not the demo). Made up per run, and set in this process too, so the invitation links the
// fixtures make here are the ones the server (which inherits this environment) accepts.
process.env.SESSION_SECRETS ||= randomBytes(48).toString("base64url");
process.env.INVITATION_SECRET ||= randomBytes(48).toString("base64url");

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
process.chdir(ROOT); // the fixture and server.js resolve surveys/ and build/ from the cwd

// ---------------------------------------------------------------------------------------------
// Cleanup

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const cleanups: (() => void)[] = [];

function cleanupSync() {
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  children.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

process.on("exit", cleanupSync);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping servers`);
    cleanupSync();
    process.exit(130);
  });
}
process.on("uncaughtException", (error) => {
  console.error(error);
  cleanupSync();
  process.exit(1);
});
process.on("unhandledRejection", (error) => {
  console.error(error);
  cleanupSync();
  process.exit(1);
});

export function onCleanup(fn: () => void) {
  cleanups.push(fn);
}

/** Kills everything and exits if the script runs longer than it may. */
export function watchdog(seconds: number) {
  const timer = setTimeout(() => {
    console.error(`\nWatchdog: still running after ${seconds} s, giving up.`);
    cleanupSync();
    process.exit(1);
  }, seconds * 1000);
  timer.unref();
}

export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rondom-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * Builds the app when build/server/index.js is missing, or when `stale` finds a reason in it
 * (a build older than something the run needs).
 */
export function ensureBuild(stale?: (source: string) => string | null) {
  const entry = path.join(ROOT, "build/server/index.js");
  if (fs.existsSync(entry)) {
    const reason = stale?.(fs.readFileSync(entry, "utf8")) ?? null;
    if (!reason) {
      console.log("Using the existing build (build/server/index.js).");
      return;
    }
    console.log(`build/server/index.js is stale (${reason}): running \`npm run build\` first.`);
  } else {
    console.log("build/server/index.js is missing: running `npm run build` first.");
  }
  const result = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error("npm run build failed");
}

// ---------------------------------------------------------------------------------------------
// Database

/** A prepared database on either SQLite or PostgreSQL (prepareDatabaseAt). */
export interface PreparedAt {
  url: string;
  cycleId: string;
  snapshotId: string;
  invitations: FixtureInvitation[];
  indicatorIds: string[];
  competencyIds: string[];
  seconds: number;
}

export interface PreparedDatabase extends PreparedAt {
  file: string;
}

/** A fresh, migrated SQLite file with one collecting cycle and `invitations` open invitations. */
export async function prepareDatabase(dir: string, invitations: number): Promise<PreparedDatabase> {
  const file = path.join(dir, "rondom.sqlite");
  return { file, ...(await prepareDatabaseAt(`file:${file}`, invitations)) };
}

/**
 * prepareDatabase on the empty database `url` names (a SQLite file or a PostgreSQL database):
 * the same rows, through Kysely (the fixture inserts its invitations 500 to a statement).
 */
export async function prepareDatabaseAt(url: string, invitations: number): Promise<PreparedAt> {
  const started = performance.now();
  const db = createDatabase(url);
  try {
    await migrateToLatest(db);
    const fixture = await createCycleFixture(db, { invitations });
    const questionnaire = await loadQuestionnaire(db, fixture.snapshotId);
    const indicatorIds = questionnaire.competencies.flatMap((c) => c.indicators.map((i) => i.id));
    const competencyIds = questionnaire.competencies.map((c) => c.id);
    return {
      url,
      cycleId: fixture.cycleId,
      snapshotId: fixture.snapshotId,
      invitations: fixture.invitations,
      indicatorIds,
      competencyIds,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await db.destroy();
  }
}

/** The urlencoded body of a complete submission, with some "na" and (optionally) comments. */
export function submissionBody(
  prepared: Pick<PreparedAt, "indicatorIds" | "competencyIds">,
  seed: number,
  withComments = false,
): string {
  const params = new URLSearchParams();
  params.set("intent", "submit");
  prepared.indicatorIds.forEach((id, index) => {
    const n = (seed * 7 + index * 13) % 23;
    params.set(`ratings.${id}`, n === 0 ? "na" : String((n % 5) + 1));
  });
  if (withComments) {
    const competencyId = prepared.competencyIds[seed % prepared.competencyIds.length]!;
    params.set(`comments.${competencyId}`, `Opmerking ${seed}: werkt zorgvuldig en open.`);
    params.set("general.went_well", "De samenwerking in het project.");
    params.set("general.could_improve", "");
  }
  return params.toString();
}

// ---------------------------------------------------------------------------------------------
// Server

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  label?: string;
  extraEnv?: Record<string, string>;
  nodeArgs?: string[];
  /** The server entry, relative to the repo root (default server.js). */
  script?: string;
}

export class ServerProcess {
  child: ChildProcess | null = null;
  /** When the current process printed that it listens (Date.now()), or null before that. */
  listeningAt: number | null = null;
  private stderrLines = 0;
  constructor(private readonly options: ServerOptions) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Spawns `node server.js` and waits until GET / answers (any HTTP status). */
  async start(timeoutMs = 60_000): Promise<number> {
    const started = performance.now();
    const label = this.options.label ?? "server";
    const child = spawn(
      process.execPath,
      [...(this.options.nodeArgs ?? []), this.options.script ?? "server.js"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(this.options.port),
          HOST: "127.0.0.1",
          DATABASE_URL: this.options.databaseUrl,
          ACCESS_LOG: "off",
          ...this.options.extraEnv,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.listeningAt = null;
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      // server.js logs "Rondom luistert op http://…" once app.listen() is done.
      if (this.listeningAt === null && chunk.includes("luistert op")) this.listeningAt = Date.now();
    });
    children.add(child);
    this.child = child;
    child.once("exit", () => children.delete(child));
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.trim()) continue;
        if (++this.stderrLines <= 40) console.error(`  [${label} stderr] ${line}`);
        else if (this.stderrLines === 41)
          console.error(`  [${label} stderr] ... (more suppressed)`);
      }
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${label} exited during start-up (code ${child.exitCode})`);
      }
      if (Date.now() > deadline) throw new Error(`${label} did not answer within ${timeoutMs} ms`);
      try {
        const response = await fetch(`${this.baseUrl}/`, {
          redirect: "manual",
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        return performance.now() - started;
      } catch {
        await sleep(50);
      }
    }
  }

  /** SIGKILL, as in a crash; resolves once the process is gone. */
  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** SIGTERM (graceful), then SIGKILL after `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/**
 * CPU seconds of a process and its children: its own, those of children it has reaped, and
 * those of children still running (PostgreSQL's backends, under its postmaster); null
 * without /proc.
 */
export function treeCpuSeconds(pid: number): number | null {
  try {
    const fieldsOf = (of: number | string) => {
      const stat = fs.readFileSync(`/proc/${of}/stat`, "utf8");
      // fields[0] is field 3 (state); ppid is field 4, utime to cstime fields 14 to 17.
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    };
    const own = fieldsOf(pid);
    let ticks = [11, 12, 13, 14].reduce((sum, field) => sum + Number(own[field]), 0);
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = fieldsOf(entry);
        if (Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // gone meanwhile
      }
    }
    return ticks / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = (() => {
  const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(result.stdout?.trim()) || 100;
})();

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A plain text table, first column left-aligned, the others right-aligned. */
export function table(rows: (string | number)[][], header?: string[]): string {
  const all = (header ? [header, ...rows] : rows).map((row) => row.map(String));
  const widths = all[0]!.map((_, col) => Math.max(...all.map((row) => (row[col] ?? "").length)));
  const line = (row: string[]) =>
    "  " +
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!)))
      .join("  ");
  const out = all.map(line);
  if (header) out.splice(1, 0, "  " + widths.map((w) => "-".repeat(w)).join("  "));
  return out.join("\n");
}

/**
 * Milliseconds of each of `runs` calls, one after the other; with `warmUp`, after one call
 * that is not measured.
 */
export async function repeat(
  runs: number,
  work: () => unknown,
  options: { warmUp?: boolean } = {},
): Promise<number[]> {
  return (await repeatWithCpu(runs, work, options)).ms;
}

/**
 * As repeat, with the CPU milliseconds (user + system) of this process during each call too:
 * on a machine shared with other work the wall time also counts the waiting for a core.
 */
export async function repeatWithCpu(
  runs: number,
  work: () => unknown,
  options: { warmUp?: boolean } = {},
): Promise<{ ms: number[]; cpuMs: number[] }> {
  if (options.warmUp) await work();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  return { ms, cpuMs };
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** The lower median (the middle value, or the lower of the two middle ones). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}
