import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3117);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh database per run: the app migrates it and seeds the demo at start.
// The config is evaluated again in every worker; the environment carries the first choice.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "rondom-e2e-"));
const dataDir = process.env.E2E_DATA_DIR;
export const e2eDatabaseFile = path.join(dataDir, "e2e.sqlite");
/** Where the SMTP sink (tests/e2e/support/smtp-sink.ts) writes every mail the app sends. */
export const e2eMailDir = path.join(dataDir, "mail");
export const e2eBaseURL = baseURL;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2587);

// A second app with the demo switched off: an organisation made with `npm run org:create`,
// so a whole round can run from a CSV import to released reports without demo data.
const realPort = Number(process.env.E2E_REAL_PORT ?? 3118);
export const e2eRealBaseURL = `http://127.0.0.1:${realPort}`;
export const e2eRealDatabaseFile = path.join(dataDir, "real.sqlite");
export const e2eRealHrAdmin = { email: "hr@voorbeeldstad.test", name: "Hanna de Vries" };

export default defineConfig({
  testDir: "tests",
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  // One retry, so that a rare timing flake on a heavily loaded machine does not fail the
  // whole run; a test that needed it is listed as "flaky" in the output.
  retries: 1,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    locale: "nl-NL",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", testDir: "tests/e2e", use: { browserName: "chromium", headless: true } },
    // The attacker's suite against the built server (tests/security/README.md).
    {
      name: "security",
      testDir: "tests/security/http",
      use: { browserName: "chromium", headless: true },
    },
  ],
  webServer: [
    {
      // A real SMTP server on loopback; the app sends its mail there (see e2e/support/mail.ts).
      command: "npx tsx tests/e2e/support/smtp-sink.ts",
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      env: { E2E_DATA_DIR: dataDir, E2E_SMTP_PORT: String(smtpPort) },
    },
    {
      command: "node server.js",
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      env: {
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${e2eDatabaseFile}`,
        INSECURE_COOKIES: "1",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        EMAIL_SEND_INTERVAL_MS: "200",
        APP_URL: baseURL,
      },
    },
    {
      command:
        "npx tsx db/cli/create-organisation.ts --name 'Gemeente Voorbeeldstad' " +
        `--hr-email ${e2eRealHrAdmin.email} --hr-first-name Hanna --hr-last-name 'de Vries' ` +
        "&& node server.js",
      url: `${e2eRealBaseURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      env: {
        NODE_ENV: "production",
        PORT: String(realPort),
        HOST: "127.0.0.1",
        DATABASE_URL: `file:${e2eRealDatabaseFile}`,
        DEMO_MODE: "off",
        INSECURE_COOKIES: "1",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        EMAIL_SEND_INTERVAL_MS: "200",
        APP_URL: e2eRealBaseURL,
        INVITATION_SECRET: "e2e-invitation-secret-that-is-long-enough-0123456789",
        SESSION_SECRETS: "e2e-session-secret-that-is-long-enough-0123456789",
      },
    },
  ],
});
