/**
 * Writes that arrive together are stored together. Each caller gets a promise of its own result, settled
 * only once its batch is written (so "answered" still means "stored"); the items queued in the same turn
 * of the event loop, up to `max`, share one write. One batch is written at a time and what arrives
 * meanwhile forms the next, so under load batches grow and statements per item fall. When a batch fails,
 * its items are written one by one, so one bad item never fails the others.
 */
export function createBatcher<T, R>(
  write: (items: T[]) => Promise<R[]>,
  opts: { max: number },
): (item: T) => Promise<R> {
  type Queued = { item: T; resolve: (r: R) => void; reject: (err: unknown) => void };
  let queue: Queued[] = [];
  let running = false;

  async function settle(batch: Queued[]): Promise<void> {
    try {
      const results = await write(batch.map((q) => q.item));
      batch.forEach((q, i) => {
        q.resolve(results[i] as R);
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      for (const q of batch) await settle([q]);
    }
  }

  async function run(): Promise<void> {
    // Let what arrives in this turn of the event loop join the batch.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (queue.length) {
        const batch = queue.slice(0, opts.max);
        queue = queue.slice(opts.max);
        await settle(batch);
      }
    } finally {
      running = false;
    }
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) {
        running = true;
        void run();
      }
    });
}
