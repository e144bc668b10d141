import { defineConfig } from "vitest/config";

// Conformance tests read the official material in ../shared/conformance/ in place.
export default defineConfig({
  test: {
    include: ["test/conformance/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    env: { TZ: "UTC" },
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: "forks",
  },
});
