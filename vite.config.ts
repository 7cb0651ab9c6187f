import fs from "node:fs";
import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import type { TestProjectInlineConfiguration } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

const UNIT = "tests/unit";
const INTEGRATION = ["tests/integration", "tests/security/integration"];

// A test file that replaces modules (vi.mock) or changes process.env for itself needs a module
// registry of its own. Every other file shares its worker's modules with the files before it
// (isolate: false): importing the app again for each of some 300 files was most of the run.
const NEEDS_OWN_MODULES =
  /\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|process\.env\.[A-Z_]+\s*=[^=]|delete process\.env\./;

function testFilesIn(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => path.posix.join(folder, file.split(path.sep).join("/")));
}

/**
 * The sqlite projects run every Vitest test on SQLite files; the postgres projects run the
 * integration tests again on a real PostgreSQL server the run starts itself. Each comes in two:
 * files that share modules, and the few that need their own (see NEEDS_OWN_MODULES).
 */
function testProjects(): TestProjectInlineConfiguration[] {
  const own = new Set(
    [UNIT, ...INTEGRATION]
      .flatMap(testFilesIn)
      .filter((file) => NEEDS_OWN_MODULES.test(fs.readFileSync(file, "utf8"))),
  );
  const sqliteFiles = [UNIT, ...INTEGRATION].map((folder) => `${folder}/**/*.test.ts`);
  const postgresFiles = INTEGRATION.map((folder) => `${folder}/**/*.test.ts`);
  const sqlite = { globalSetup: ["tests/support/setup/global-setup.ts"] };
  const postgres = {
    env: { RONDOM_TEST_DATABASE: "postgres" },
    globalSetup: ["tests/support/setup/postgres-global-setup.ts"],
  };
  const inFolders = (folders: string[]) =>
    [...own].filter((file) => folders.some((folder) => file.startsWith(`${folder}/`)));
  return [
    {
      extends: true,
      test: {
        name: "sqlite",
        include: sqliteFiles,
        exclude: [...own],
        poolOptions: { forks: { isolate: false } },
        ...sqlite,
      },
    },
    {
      extends: true,
      test: {
        name: "sqlite-own-modules",
        include: inFolders([UNIT, ...INTEGRATION]),
        poolOptions: { forks: { isolate: true } },
        ...sqlite,
      },
    },
    {
      extends: true,
      test: {
        name: "postgres",
        include: postgresFiles,
        exclude: [...own],
        poolOptions: { forks: { isolate: false } },
        ...postgres,
      },
    },
    {
      extends: true,
      test: {
        name: "postgres-own-modules",
        include: inFolders(INTEGRATION),
        poolOptions: { forks: { isolate: true } },
        ...postgres,
      },
    },
  ];
}

export default defineConfig({
  server: { port: 3000, host: "127.0.0.1" },
  build: { target: "es2022" },
  plugins: [
    !isVitest &&
      remix({
        ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    tsconfigPaths(),
  ],
  test: {
    setupFiles: ["tests/support/setup/vitest.setup.ts"],
    pool: "forks",
    // Worker processes are reused between files; whether a file gets fresh modules is each
    // project's choice (testProjects).
    poolOptions: { forks: { isolate: false } },
    testTimeout: 20_000,
    projects: isVitest ? testProjects() : [],
  },
});
