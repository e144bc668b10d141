/**
 * Runs `task` every `intervalMs` and returns the stop function. A run never overlaps the previous one;
 * failures go to `onError` and the next tick tries again. The timer does not keep the process alive.
 */
export function every(
  task: () => Promise<unknown>,
  opts: { intervalMs: number; onError?: (err: unknown) => void },
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
