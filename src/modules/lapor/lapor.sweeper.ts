import type { LaporService } from "./lapor.service";

/**
 * Runs `lapor.sweep()` (escalation of overdue reports, auto-close after the confirm window) every
 * `intervalMs`; returns the stop function. A sweep never overlaps the previous one; failures are logged
 * and the next tick tries again.
 */
export function startLaporSweeper(
  lapor: Pick<LaporService, "sweep">,
  opts: {
    intervalMs: number;
    onError?: (err: unknown) => void;
    onSwept?: (r: { escalated: number; autoClosed: number }) => void;
  },
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    lapor
      .sweep()
      .then((r) => opts.onSwept?.(r))
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
