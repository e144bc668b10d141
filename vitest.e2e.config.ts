import { defineConfig } from "vitest/config";

/**
 * End-to-end tests: the real server (started by test/e2e/global-setup.ts on a free
 * port with a fresh data directory) driven by the system Chromium through
 * playwright-core. `npm run test:e2e` builds the web app first.
 */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.e2e.test.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    environment: "node",
    pool: "forks",
    // One server, one browser: files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    env: { TZ: "UTC" },
  },
});
