/**
 * Sends this account's waiting entries one per request, so each gets its own answer (the API counts a
 * batch as a whole). Sending twice is harmless: the API is idempotent per market, commodity, level and
 * day. A run stops at the first failure that is not about the entry itself and leaves the rest waiting.
 */
import { ApiError, request } from "../../lib/api.ts";
import { answer, isRetryable, type QueuedEntry, stateOfCounts, waitingOf } from "./model.ts";
import { getQueue, updateQueue } from "./store.ts";

interface Counts {
  inserted: number;
  unchanged: number;
  updated: number;
  held: number;
}

export type SyncOutcome =
  | { kind: "done"; sent: number }
  | { kind: "offline" }
  | { kind: "signedOut" }
  | { kind: "forbidden" }
  | { kind: "serverBusy" };

function send(entry: QueuedEntry): Promise<Counts> {
  return request<Counts>("POST", "/api/v1/prices/observations", {
    observations: [
      {
        commodityCode: entry.commodityCode,
        marketCode: entry.marketCode,
        date: entry.date,
        price: entry.price,
      },
    ],
  });
}

function reasonOf(error: ApiError): string {
  const fields = Object.values(error.fieldErrors);
  return [error.title, ...fields].filter(Boolean).join(": ");
}

let running: Promise<SyncOutcome> | null = null;

async function run(owner: string): Promise<SyncOutcome> {
  let sent = 0;
  for (const entry of waitingOf(getQueue(), owner)) {
    try {
      const counts = await send(entry);
      updateQueue((q) => answer(q, entry.key, stateOfCounts(counts), new Date().toISOString()));
      sent += 1;
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (isRetryable(status)) {
        if (status === 0) return { kind: "offline" };
        if (status === 401) return { kind: "signedOut" };
        if (status === 403) return { kind: "forbidden" };
        return { kind: "serverBusy" };
      }
      const reason = error instanceof ApiError ? reasonOf(error) : String(error);
      updateQueue((q) => answer(q, entry.key, "rejected", new Date().toISOString(), reason));
      sent += 1;
    }
  }
  return { kind: "done", sent };
}

/** One run at a time: the online event, the page load and the save button may all ask at once. */
export function sendWaiting(owner: string): Promise<SyncOutcome> {
  running ??= run(owner).finally(() => {
    running = null;
  });
  return running;
}
