import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The hardening (issue 14, point 6): a real production instance ran on secrets it made up
// itself and kept in its own database (session signing, invitation link keys), so a copy of
// the database gave them away with it. Now `node server.js` in production refuses to start
// outside the demo without SESSION_SECRETS and INVITATION_SECRET, and says how to make them;
// the demo (DEMO_MODE=auto with the seeded demo) starts without them as before.
// (tests/e2e/startup.test.ts checks the refusal of a broken profile the same way.)

const SESSION_SECRETS = "startup-session-secret-that-is-long-enough-0123456789";
const INVITATION_SECRET = "startup-invitation-secret-that-is-long-enough-0123456789";

let dataDir = "";
test.beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rondom-startup-"));
});
test.afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A port nobody listens on now (the app's configuration refuses port 0). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function baseEnv(databaseFile: string, env: Record<string, string>): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${databaseFile}`,
    ACCESS_LOG: "off",
    ...env,
  };
  for (const name of ["SESSION_SECRETS", "INVITATION_SECRET", "SMTP_URL", "DEMO_MODE"]) {
    if (!(name in env)) delete result[name];
  }
  return result;
}

/**
 * Starts `node server.js` and waits until it either exits (its code) or says it listens
 * ("listening"), then stops it. All it printed comes back too.
 */
async function startServer(
  databaseFile: string,
  env: Record<string, string>,
): Promise<{ outcome: number | "listening"; output: string }> {
  const child = spawn(process.execPath, ["server.js"], {
    // These servers are only started, never asked anything.
    env: { ...baseEnv(databaseFile, env), PORT: String(await freePort()) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const outcome = await new Promise<number | "listening">((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("luistert op")) resolve("listening");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => resolve(code ?? -1));
  });
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(killer);
  }
  return { outcome, output };
}

function expectRefusal(output: string, missing: string[]) {
  expect(output).toContain("Rondom start niet");
  expect(output).not.toContain("Ongeldige configuratie");
  for (const name of missing) expect(output).toContain(name);
  expect(output).toContain("openssl rand -base64 48");
  expect(output).toContain("randomBytes(48).toString('base64url')");
  expect(output).toMatch(/not set/);
  expect(output).not.toMatch(/\n\s+at /);
}

test.describe("production start-up without secrets of its own", () => {
  test.describe.configure({ mode: "serial", timeout: 90_000 });

  test("DEMO_MODE=off without SESSION_SECRETS and INVITATION_SECRET: refused, nothing created", async () => {
    const file = path.join(dataDir, "off.sqlite");
    const { outcome, output } = await startServer(file, { DEMO_MODE: "off" });
    expect(outcome, output).toBe(1);
    expectRefusal(output, ["SESSION_SECRETS en INVITATION_SECRET ontbreken"]);
    expect(fs.existsSync(file)).toBe(false);
  });

  test("DEMO_MODE=off with one of the two: refused, naming the other", async () => {
    const { outcome, output } = await startServer(path.join(dataDir, "half.sqlite"), {
      DEMO_MODE: "off",
      SESSION_SECRETS,
    });
    expect(outcome, output).toBe(1);
    expectRefusal(output, ["INVITATION_SECRET ontbreekt"]);
    expect(output).not.toContain("SESSION_SECRETS en");
  });

  test("a real organisation's database (npm run org:create) without DEMO_MODE=off: refused too", async () => {
    const file = path.join(dataDir, "real.sqlite");
    const created = spawnSync(
      "npx",
      [
        "tsx",
        "db/cli/create-organisation.ts",
        "--name",
        "Gemeente Echt",
        "--hr-email",
        "hr@echt.example",
        "--hr-first-name",
        "Hanna",
        "--hr-last-name",
        "Echt",
      ],
      { env: baseEnv(file, {}), encoding: "utf8" },
    );
    expect(created.status, created.stderr).toBe(0);
    const { outcome, output } = await startServer(file, {});
    expect(outcome, output).toBe(1);
    expectRefusal(output, ["SESSION_SECRETS en INVITATION_SECRET ontbreken"]);
  });

  test("DEMO_MODE=off with both secrets: starts", async () => {
    const { outcome, output } = await startServer(path.join(dataDir, "set.sqlite"), {
      DEMO_MODE: "off",
      SESSION_SECRETS,
      INVITATION_SECRET,
    });
    expect(outcome, output).toBe("listening");
  });

  test("the demo (DEMO_MODE=auto, seeded) without secrets: starts as before", async () => {
    const { outcome, output } = await startServer(path.join(dataDir, "demo.sqlite"), {
      DEMO_MODE: "auto",
    });
    expect(outcome, output).toBe("listening");
  });
});
