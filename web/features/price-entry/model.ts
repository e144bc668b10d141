/**
 * The enumerator form's rules, pure: reading a typed rupiah amount, today's date in WIB, the queue of
 * entries kept on the device until the server has answered, and what each answer means.
 */

/** The API's ceiling for one price (src/modules/prices/domain/rows.ts MAX_PRICE). */
export const MAX_PRICE = 100_000_000;
/** Answered entries stay visible this long, then leave the device. */
export const KEEP_ANSWERED_DAYS = 7;

export interface Market {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  level: "producer" | "wholesale" | "retail";
  operator: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ReferencePrice {
  kind: string;
  level: "consumer" | "producer";
  zone: string | null;
  min: number | null;
  max: number;
}

export interface Commodity {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  referencePrices: ReferencePrice[];
}

export type EntryState = "waiting" | "inserted" | "unchanged" | "updated" | "held" | "rejected";

export interface QueuedEntry {
  /** One price per account, market, commodity and day: the API's idempotency key plus the recorder. */
  key: string;
  /** The user id of whoever typed it: only their session sends it. */
  owner: string;
  marketCode: string;
  marketName: string;
  commodityCode: string;
  commodityName: string;
  commodityNameEn: string;
  unit: string;
  date: string;
  price: number;
  queuedAt: string;
  state: EntryState;
  answeredAt?: string;
  /** Why the server refused it, as it said. */
  reason?: string;
}

export interface DeviceQueue {
  version: 1;
  /** The account that last used the form here, so it can keep recording while the session cannot be checked. */
  lastOwner: string | null;
  entries: QueuedEntry[];
}

export const EMPTY_QUEUE: DeviceQueue = { version: 1, lastOwner: null, entries: [] };

/** "14.500", "Rp 14 500" or "14500" → 14500; anything else (decimals, letters, zero) → null. */
export function parseRupiah(text: string): number | null {
  const cleaned = text.replace(/^\s*rp\.?\s*/i, "").replace(/[\s.]/g, "");
  if (!/^\d{1,9}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 1 && value <= MAX_PRICE ? value : null;
}

/** Today in Jakarta, as YYYY-MM-DD. */
export function todayWIB(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
}

export function entryKey(owner: string, marketCode: string, commodityCode: string, date: string): string {
  return `${owner}|${marketCode}|${commodityCode}|${date}`;
}

/** Adds entries; a newer price for the same market, commodity and day replaces the older one. */
export function enqueue(queue: DeviceQueue, owner: string, entries: QueuedEntry[]): DeviceQueue {
  const fresh = new Set(entries.map((e) => e.key));
  return {
    version: 1,
    lastOwner: owner,
    entries: [...queue.entries.filter((e) => !fresh.has(e.key)), ...entries],
  };
}

export function waitingOf(queue: DeviceQueue, owner: string | null): QueuedEntry[] {
  return queue.entries.filter((e) => e.state === "waiting" && e.owner === owner);
}

export function answer(
  queue: DeviceQueue,
  key: string,
  state: EntryState,
  at: string,
  reason?: string,
): DeviceQueue {
  return {
    ...queue,
    entries: queue.entries.map((e) =>
      e.key === key && e.state === "waiting"
        ? { ...e, state, answeredAt: at, ...(reason ? { reason } : {}) }
        : e,
    ),
  };
}

export function removeEntry(queue: DeviceQueue, key: string): DeviceQueue {
  return { ...queue, entries: queue.entries.filter((e) => e.key !== key) };
}

/** Clears this account's answered entries (the server has them, or refused them). */
export function clearAnswered(queue: DeviceQueue, owner: string): DeviceQueue {
  return { ...queue, entries: queue.entries.filter((e) => e.owner !== owner || e.state === "waiting") };
}

/** Drops answered entries older than KEEP_ANSWERED_DAYS; waiting ones stay until sent. */
export function prune(queue: DeviceQueue, now: Date): DeviceQueue {
  const cutoff = now.getTime() - KEEP_ANSWERED_DAYS * 86_400_000;
  return {
    ...queue,
    entries: queue.entries.filter(
      (e) => e.state === "waiting" || !e.answeredAt || Date.parse(e.answeredAt) >= cutoff,
    ),
  };
}

/** The API's counts for a batch of one, as that entry's answer. */
export function stateOfCounts(counts: {
  inserted: number;
  unchanged: number;
  updated: number;
  held: number;
}): EntryState {
  if (counts.held > 0) return "held";
  if (counts.updated > 0) return "updated";
  if (counts.unchanged > 0) return "unchanged";
  return "inserted";
}

/**
 * Whether a failed send should stop the run and leave the entry waiting (no network, signed out,
 * server trouble) rather than mark it refused: only the entry's own content can get it refused.
 */
export function isRetryable(status: number): boolean {
  return (
    status === 0 || status === 401 || status === 403 || status === 408 || status === 429 || status >= 500
  );
}

/** The reference price a market's enumerator compares against: zone I covers Lampung and Jakarta. */
export function referenceFor(commodity: Commodity, market: Market | undefined): ReferencePrice | null {
  const level = market?.level === "producer" ? "producer" : "consumer";
  return (
    commodity.referencePrices.find(
      (r) => r.level === level && (r.zone === null || r.zone === "I") && r.kind !== "HPP",
    ) ??
    commodity.referencePrices.find((r) => r.level === level && (r.zone === null || r.zone === "I")) ??
    null
  );
}

/** A price ×3 above or ⅓ below the reference is probably a slip; the server would hold it for review. */
export function looksLikeSlip(price: number, reference: ReferencePrice | null): boolean {
  if (!reference) return false;
  const mid = reference.min ? (reference.min + reference.max) / 2 : reference.max;
  return price >= mid * 3 || price <= mid / 3;
}

/** Jakarta (31) and Lampung (18) markets, Lampung first, each by name. */
export function marketsByProvince(markets: Market[]): { province: "18" | "31"; markets: Market[] }[] {
  return (["18", "31"] as const).map((province) => ({
    province,
    markets: markets
      .filter((m) => m.regionCode.startsWith(`${province}.`) || m.regionCode === province)
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
