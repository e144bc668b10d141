/**
 * The Lapor outbox: every report a citizen files is written here, in IndexedDB on the phone (photos as
 * Blobs), BEFORE any network call. A sync loop then sends it — photos first, then the report with the
 * clientRequestId it got when it was created, so a retry after a lost answer gets the same report back
 * (the server is idempotent per user and clientRequestId) and a report is filed exactly once.
 *
 * - An item leaves the outbox only after a 200/201 for the report.
 * - A 4xx answer (validation, a photo refused) marks it "attention" with the server's message; the
 *   citizen can retry or delete it.
 * - Network errors, 5xx and 429 retry with backoff, on the `online` event and when the page regains focus.
 */
import { useSyncExternalStore } from "react";
import { ApiError } from "../../lib/api.ts";
import { type Bilingual, laporApi, type NewReportBody, type Report } from "./api.ts";
import { idbStore } from "./idb.ts";
import { backoffMs, isRetryable } from "./model.ts";

export interface OutboxPhoto {
  blob: Blob;
  name: string;
  /** The server's media id once uploaded (a retry does not upload it again). */
  uploadedId: string | null;
}

export interface OutboxItem {
  clientRequestId: string;
  ownerUserId: string;
  createdAt: string;
  status: "waiting" | "attention";
  attempts: number;
  nextAttemptAt: string | null;
  /** The server's message when it refused the report (status "attention"). */
  problem: string | null;
  categoryName: Bilingual;
  body: Omit<NewReportBody, "photoIds" | "clientRequestId">;
  photos: OutboxPhoto[];
}

export interface SentReport {
  clientRequestId: string;
  id: string;
  number: string;
}

const store = idbStore<OutboxItem>("lumbung-lapor", "outbox", "clientRequestId");
/** Used when the browser refuses IndexedDB (some private modes): the report lives as long as the tab. */
const memory = new Map<string, OutboxItem>();
let memoryOnly = false;

let items: OutboxItem[] = [];
let loaded = false;
let loading: Promise<void> | null = null;
let sent: SentReport[] = [];
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

async function reload(): Promise<void> {
  try {
    items = memoryOnly ? [...memory.values()] : await store.all();
  } catch {
    memoryOnly = true;
    items = [...memory.values()];
  }
  items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  loaded = true;
  emit();
}

function ensureLoaded(): Promise<void> {
  if (loaded) return Promise.resolve();
  loading ??= reload();
  return loading;
}

async function write(item: OutboxItem): Promise<void> {
  if (!memoryOnly) {
    try {
      await store.put(item);
    } catch {
      memoryOnly = true;
    }
  }
  if (memoryOnly) memory.set(item.clientRequestId, item);
  await reload();
}

async function remove(key: string): Promise<void> {
  memory.delete(key);
  if (!memoryOnly) {
    try {
      await store.delete(key);
    } catch {
      // Gone already.
    }
  }
  await reload();
}

/** True when the outbox lives only in memory (the browser refused IndexedDB). */
export function outboxIsVolatile(): boolean {
  return memoryOnly;
}

/** Puts a new report in the outbox; resolves once it is stored on the device. */
export async function addToOutbox(
  item: Omit<OutboxItem, "createdAt" | "status" | "attempts" | "nextAttemptAt" | "problem">,
): Promise<void> {
  await ensureLoaded();
  await write({
    ...item,
    createdAt: new Date().toISOString(),
    status: "waiting",
    attempts: 0,
    nextAttemptAt: null,
    problem: null,
  });
}

export async function deleteFromOutbox(key: string): Promise<void> {
  await remove(key);
}

/** Back to "waiting", to be sent at once (the retry button). */
export async function retryOutboxItem(key: string): Promise<void> {
  await ensureLoaded();
  const item = items.find((i) => i.clientRequestId === key);
  if (!item) return;
  await write({ ...item, status: "waiting", nextAttemptAt: null, problem: null });
}

function problemText(error: ApiError): string {
  const fields = Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`);
  return [error.detail ?? error.title, ...fields].filter(Boolean).join(" — ");
}

type Outcome = "sent" | "retry" | "attention" | "signedOut";

async function sendOne(item: OutboxItem): Promise<Outcome> {
  try {
    const photos = [...item.photos];
    for (let i = 0; i < photos.length; i++) {
      const photo = photos[i] as OutboxPhoto;
      if (photo.uploadedId) continue;
      const uploaded = await laporApi.uploadPhoto(photo.blob);
      photos[i] = { ...photo, uploadedId: uploaded.id };
      // Remember it at once: the next attempt will not upload it again.
      await write({ ...item, photos });
    }
    const report: Report = await laporApi.create({
      ...item.body,
      clientRequestId: item.clientRequestId,
      photoIds: photos.map((p) => p.uploadedId as string),
    });
    sent = [...sent, { clientRequestId: item.clientRequestId, id: report.id, number: report.number }];
    await remove(item.clientRequestId);
    return "sent";
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 0;
    const current = items.find((i) => i.clientRequestId === item.clientRequestId) ?? item;
    if (status === 401) return "signedOut";
    if (isRetryable(status)) {
      const attempts = current.attempts + 1;
      await write({
        ...current,
        attempts,
        nextAttemptAt: new Date(Date.now() + backoffMs(attempts)).toISOString(),
      });
      return "retry";
    }
    await write({
      ...current,
      status: "attention",
      attempts: current.attempts + 1,
      nextAttemptAt: null,
      problem: error instanceof ApiError ? problemText(error) : String(error),
    });
    return "attention";
  }
}

let running: Promise<void> | null = null;
let again: { owner: string; force: boolean } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

async function run(owner: string, force: boolean): Promise<void> {
  await ensureLoaded();
  await reload();
  const now = Date.now();
  for (const item of items.filter((i) => i.ownerUserId === owner && i.status === "waiting")) {
    if (!force && item.nextAttemptAt && Date.parse(item.nextAttemptAt) > now) continue;
    const outcome = await sendOne(item);
    // Offline or the server is down: the next items would fail the same way.
    if (outcome === "retry" || outcome === "signedOut") break;
  }
  schedule(owner);
}

function schedule(owner: string): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const next = items
    .filter((i) => i.ownerUserId === owner && i.status === "waiting" && i.nextAttemptAt)
    .map((i) => Date.parse(i.nextAttemptAt as string))
    .sort((a, b) => a - b)[0];
  if (next === undefined) return;
  timer = setTimeout(() => void syncOutbox(owner), Math.max(1_000, next - Date.now()));
}

/** Sends this account's waiting reports; one run at a time. `force` ignores the backoff. */
export function syncOutbox(owner: string, force = false): Promise<void> {
  if (running) {
    // Asked while a run is on (a report added, the phone back online): run once more after it.
    again = { owner, force: force || (again?.force ?? false) };
    return running;
  }
  running = run(owner, force).finally(() => {
    running = null;
    const next = again;
    again = null;
    if (next) void syncOutbox(next.owner, next.force);
  });
  return running;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void ensureLoaded();
  return () => listeners.delete(listener);
}

const snapshot = () => items;
const sentSnapshot = () => sent;

/** The outbox as it is now (every account's items; filter by owner). */
export function useOutbox(): OutboxItem[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Reports sent from this tab since it opened (to say "sent as number …"). */
export function useSentReports(): SentReport[] {
  return useSyncExternalStore(subscribe, sentSnapshot, sentSnapshot);
}
