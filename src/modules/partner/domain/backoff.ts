/**
 * When a failed webhook delivery is tried again: a fixed, growing schedule (10 s, 30 s, 2 min, 10 min,
 * 1 h, 3 h, 6 h) rather than pure doubling, so an endpoint that is down for a deploy hears again within
 * minutes while one that is down for a day is not hammered. Each wait is spread ±20 % (jitter) so that
 * deliveries which failed together do not all come back in the same second.
 */
export const RETRY_SCHEDULE_MS = [
  10_000, 30_000, 120_000, 600_000, 3_600_000, 10_800_000, 21_600_000,
] as const;

/** Attempts in all (the first one and the retries) before a delivery is marked failed. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

export const JITTER = 0.2;

/**
 * The wait after the `attempts`-th failed attempt (1-based), or null when that was the last allowed.
 * `random` is in [0, 1); tests pass a fixed value.
 */
export function retryDelayMs(attempts: number, random: number = Math.random()): number | null {
  if (attempts < 1 || attempts >= MAX_ATTEMPTS) return null;
  const base: number = RETRY_SCHEDULE_MS[attempts - 1] ?? RETRY_SCHEDULE_MS[0];
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}
