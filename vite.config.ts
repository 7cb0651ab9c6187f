/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isVitest = Boolean(process.env.VITEST);

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
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: [
            "tests/unit/**/*.test.ts",
            "tests/integration/**/*.test.ts",
            "tests/security/integration/**/*.test.ts",
          ],
          globalSetup: ["tests/support/setup/global-setup.ts"],
        },
      },
      {
        // The integration tests again, on a real PostgreSQL server the run starts itself.
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts", "tests/security/integration/**/*.test.ts"],
          env: { RONDOM_TEST_DATABASE: "postgres" },
          globalSetup: ["tests/support/setup/postgres-global-setup.ts"],
        },
      },
    ],
  },
});
