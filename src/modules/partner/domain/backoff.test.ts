import { describe, expect, it } from "vitest";
import { JITTER, MAX_ATTEMPTS, RETRY_SCHEDULE_MS, retryDelayMs } from "./backoff";

describe("webhook retry backoff", () => {
  it("grows along the schedule and stops after the last attempt", () => {
    const mid = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1, 0.5));
    expect(mid.slice(0, -1)).toEqual([...RETRY_SCHEDULE_MS]);
    expect(mid.at(-1)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(8);
    expect(retryDelayMs(0)).toBeNull();
  });

  it("spreads each wait by at most the jitter either side", () => {
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const base = RETRY_SCHEDULE_MS[attempt - 1] as number;
      expect(retryDelayMs(attempt, 0)).toBe(Math.round(base * (1 - JITTER)));
      expect(retryDelayMs(attempt, 0.999999)).toBeLessThanOrEqual(Math.round(base * (1 + JITTER)));
      expect(retryDelayMs(attempt, 0.999999)).toBeGreaterThan(base);
    }
  });
});
