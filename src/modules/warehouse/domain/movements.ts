/**
 * How an EPCIS event moves stock in a shared warehouse (../shared/design/corridor-events.md): which
 * movement the event means (`intentOf`) and how it changes a tenant's balances of one lot
 * (`plan*`). Pure: the projector reads the balances, asks here, and writes what comes back.
 */
import { fefoCompare } from "./fefo";
import { DOCK, SITE_ITSELF, STAGING } from "./locations";

export type StockState = "available" | "held";

/** Receiving with these dispositions accepts the goods into stock; non_conformant or damaged does not. */
export const ACCEPTING_DISPOSITIONS: readonly string[] = [
  "sellable_not_accessible",
  "sellable_accessible",
  "in_progress",
];

/** Holding with these dispositions makes stock unavailable for picking and issue. */
const HOLDING_DISPOSITIONS: readonly string[] = ["sellable_not_accessible", "recalled"];
const RELEASING_DISPOSITIONS: readonly string[] = ["sellable_accessible"];

/** Business steps that leave a warehouse when their bizLocation or a source location is in it. */
export const OUTBOUND_STEPS: readonly string[] = ["shipping", "departing"];

/** The event as the projector sees it relative to one warehouse site: extensions of places in it. */
export interface EventFacts {
  bizStep: string | null;
  disposition: string | null;
  action: string | null;
  /** The extension of the bizLocation when it is in the site, else null. */
  at: string | null;
  /** Extensions of source locations (sourceList type location) in the site, in event order. */
  sources: string[];
  /** Whether the event is a booked adjustment (carries `lb:adjustmentKg`) rather than a physical count. */
  adjustment: boolean;
}

export type Intent =
  | { kind: "receipt"; into: string }
  | { kind: "transfer"; from: string; to: string }
  | { kind: "pick"; from: string | null }
  | { kind: "issue" }
  | { kind: "state"; to: StockState; at: string | null }
  | { kind: "count"; at: string; adjustment: boolean }
  | { kind: "destroy"; at: string | null }
  | { kind: "none" };

const isPlace = (ext: string | null): ext is string => ext !== null && ext !== SITE_ITSELF;

/**
 * What the event means for the warehouse's stock. `isZone` says which extensions are zones of the
 * site. Steps a warehouse does not book (arriving, inspecting, sensor readings) mean nothing.
 */
export function intentOf(e: EventFacts, isZone: (ext: string) => boolean): Intent {
  const observed = e.action === "OBSERVE" || e.action === "ADD";
  switch (e.bizStep) {
    case "receiving":
      if (!observed || e.at === null || !ACCEPTING_DISPOSITIONS.includes(e.disposition ?? "")) {
        return { kind: "none" };
      }
      return { kind: "receipt", into: isZone(e.at) ? e.at : DOCK };
    case "storing": {
      if (!observed || e.at === null) return { kind: "none" };
      const from = e.sources.find(isPlace) ?? DOCK;
      return from === e.at ? { kind: "none" } : { kind: "transfer", from, to: e.at };
    }
    case "picking": {
      if (!observed || e.at === null) return { kind: "none" };
      const from = e.sources.find(isPlace) ?? (isZone(e.at) ? e.at : null);
      return { kind: "pick", from };
    }
    case "shipping":
    case "departing":
      return observed && (e.at !== null || e.sources.length > 0) ? { kind: "issue" } : { kind: "none" };
    case "holding": {
      if (!observed || e.at === null) return { kind: "none" };
      const d = e.disposition ?? "";
      const to = HOLDING_DISPOSITIONS.includes(d)
        ? "held"
        : RELEASING_DISPOSITIONS.includes(d)
          ? "available"
          : null;
      return to ? { kind: "state", to, at: isPlace(e.at) ? e.at : null } : { kind: "none" };
    }
    case "cycle_counting":
      if (!observed || e.at === null) return { kind: "none" };
      return { kind: "count", at: e.at, adjustment: e.adjustment };
    case "destroying":
      if (e.action !== "DELETE" || e.at === null) return { kind: "none" };
      return { kind: "destroy", at: isPlace(e.at) ? e.at : null };
    default:
      return { kind: "none" };
  }
}

/** One balance of a tenant's lot at the site: a location and a state. */
export interface Balance {
  location: string;
  state: StockState;
  grams: number;
  expiryDate: string | null;
  firstReceivedAt: Date;
}

/** A change to one balance; the projector writes it as a ledger row. */
export interface Change {
  location: string;
  state: StockState;
  delta: number;
  /** For the receiving side of a transfer: the expiry and first receipt the stock carries along. */
  expiryDate: string | null;
  firstReceivedAt: Date | null;
}

/** What could not be taken: where (null: anywhere in the site), how much there was, how much was asked. */
export interface Shortfall {
  location: string | null;
  state: StockState | null;
  onHandGrams: number;
  requestedGrams: number | null;
}

export type Plan = { ok: true; changes: Change[] } | { ok: false; shortfall: Shortfall };

/** `grams` (null: all of it) from `sources`, in the order given; a shortfall when they hold less. */
function take(
  sources: Balance[],
  grams: number | null,
  where: { location: string | null; state: StockState | null },
): { ok: true; taken: { from: Balance; grams: number }[] } | { ok: false; shortfall: Shortfall } {
  const onHand = sources.reduce((sum, b) => sum + b.grams, 0);
  if ((grams === null && onHand === 0) || (grams !== null && onHand < grams)) {
    return { ok: false, shortfall: { ...where, onHandGrams: onHand, requestedGrams: grams } };
  }
  let left = grams ?? onHand;
  const taken: { from: Balance; grams: number }[] = [];
  for (const b of sources) {
    if (left === 0) break;
    const g = Math.min(b.grams, left);
    if (g > 0) taken.push({ from: b, grams: g });
    left -= g;
  }
  return { ok: true, taken };
}

const fefo = (a: Balance, b: Balance) => fefoCompare({ ...a, epc: "" }, { ...b, epc: "" });

const out = (b: Balance, grams: number): Change => ({
  location: b.location,
  state: b.state,
  delta: -grams,
  expiryDate: null,
  firstReceivedAt: null,
});

export function planReceipt(into: string, grams: number, expiryDate: string | null, at: Date): Plan {
  return {
    ok: true,
    changes: [{ location: into, state: "available", delta: grams, expiryDate, firstReceivedAt: at }],
  };
}

/**
 * Moves stock between two places in the site, as it is: available first, then held, each FEFO. The
 * stock keeps its state, expiry (unless `expiryDate` sets one) and first receipt.
 */
export function planTransfer(
  balances: Balance[],
  from: string,
  to: string,
  grams: number | null,
  expiryDate: string | null,
): Plan {
  const sources = balances
    .filter((b) => b.location === from && b.grams > 0)
    .sort((a, b) => (a.state === b.state ? fefo(a, b) : a.state === "available" ? -1 : 1));
  const t = take(sources, grams, { location: from, state: null });
  if (!t.ok) return t;
  return {
    ok: true,
    changes: t.taken.flatMap(({ from: b, grams: g }) => [
      out(b, g),
      {
        location: to,
        state: b.state,
        delta: g,
        expiryDate: expiryDate ?? b.expiryDate,
        firstReceivedAt: b.firstReceivedAt,
      },
    ]),
  };
}

const isZoneLocation = (location: string) => location !== DOCK && location !== STAGING;

/** Picks available stock from a zone (or the zones, FEFO) into staging. Held stock is never picked. */
export function planPick(balances: Balance[], from: string | null, grams: number | null): Plan {
  const sources = balances
    .filter(
      (b) =>
        b.state === "available" &&
        b.grams > 0 &&
        (from === null ? isZoneLocation(b.location) : b.location === from),
    )
    .sort(fefo);
  const t = take(sources, grams, { location: from, state: "available" });
  if (!t.ok) return t;
  return {
    ok: true,
    changes: t.taken.flatMap(({ from: b, grams: g }) => [
      out(b, g),
      {
        location: STAGING,
        state: "available",
        delta: g,
        expiryDate: b.expiryDate,
        firstReceivedAt: b.firstReceivedAt,
      },
    ]),
  };
}

/** Issues available stock out of the site: staging first, then the zones FEFO, then the dock. */
export function planIssue(balances: Balance[], grams: number | null): Plan {
  const rank = (b: Balance) => (b.location === STAGING ? 0 : b.location === DOCK ? 2 : 1);
  const sources = balances
    .filter((b) => b.state === "available" && b.grams > 0)
    .sort((a, b) => rank(a) - rank(b) || fefo(a, b));
  const t = take(sources, grams, { location: null, state: "available" });
  if (!t.ok) return t;
  return { ok: true, changes: t.taken.map(({ from: b, grams: g }) => out(b, g)) };
}

/** Holds (or releases) stock where it lies: at `at`, or wherever it is in the site (FEFO). */
export function planState(
  balances: Balance[],
  at: string | null,
  to: StockState,
  grams: number | null,
): Plan {
  const fromState: StockState = to === "held" ? "available" : "held";
  const sources = balances
    .filter((b) => b.state === fromState && b.grams > 0 && (at === null || b.location === at))
    .sort(fefo);
  const t = take(sources, grams, { location: at, state: fromState });
  if (!t.ok) return t;
  return {
    ok: true,
    changes: t.taken.flatMap(({ from: b, grams: g }) => [
      out(b, g),
      {
        location: b.location,
        state: to,
        delta: g,
        expiryDate: b.expiryDate,
        firstReceivedAt: b.firstReceivedAt,
      },
    ]),
  };
}

/**
 * A count at one place: the difference between what was counted and what the books say. Found
 * stock is available; missing stock comes off available first, then held. A count that agrees is a
 * zero change (the card shows the count happened), when the lot was there at all.
 */
export function planCount(balances: Balance[], at: string, countedGrams: number, now: Date): Plan {
  const here = balances.filter((b) => b.location === at);
  const onHand = here.reduce((sum, b) => sum + b.grams, 0);
  const diff = countedGrams - onHand;
  if (diff > 0) {
    const available = here.find((b) => b.state === "available");
    return {
      ok: true,
      changes: [
        {
          location: at,
          state: "available",
          delta: diff,
          expiryDate: available?.expiryDate ?? here[0]?.expiryDate ?? null,
          firstReceivedAt: available?.firstReceivedAt ?? here[0]?.firstReceivedAt ?? now,
        },
      ],
    };
  }
  if (diff === 0) {
    const any = here.find((b) => b.state === "available") ?? here[0];
    return { ok: true, changes: any ? [{ ...out(any, 0), delta: 0 }] : [] };
  }
  const sources = here
    .filter((b) => b.grams > 0)
    .sort((a, b) => (a.state === b.state ? 0 : a.state === "available" ? -1 : 1));
  const t = take(sources, -diff, { location: at, state: null });
  if (!t.ok) return t; // unreachable: the difference never exceeds what is on hand
  return { ok: true, changes: t.taken.map(({ from: b, grams: g }) => out(b, g)) };
}

/** Destroys stock at `at` (or anywhere in the site): held stock first (the damaged, the recalled), FEFO. */
export function planDestroy(balances: Balance[], at: string | null, grams: number | null): Plan {
  const sources = balances
    .filter((b) => b.grams > 0 && (at === null || b.location === at))
    .sort((a, b) => (a.state === b.state ? fefo(a, b) : a.state === "held" ? -1 : 1));
  const t = take(sources, grams, { location: at, state: null });
  if (!t.ok) return t;
  return { ok: true, changes: t.taken.map(({ from: b, grams: g }) => out(b, g)) };
}
