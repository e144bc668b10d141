import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/http/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    env: { TZ: "UTC" },
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: "forks",
  },
});
