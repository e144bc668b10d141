/**
 * Where an identifier is now and who holds it, from its journey: a lot packed into a sack, the sack
 * onto a pallet, travels with them, so the last step naming any container it is still inside tells
 * where it is; custody passes to the receiver at an accepted receiving, and to a carrier that takes
 * possession (a `possessing_party`). Pure: the events come in time order.
 */
import type { JourneyStep } from "./journey";

type Json = Record<string, unknown>;

export interface CustodyEvent {
  step: JourneyStep;
  body: Json;
  /** The organisation that captured the event. */
  capturer: string | null;
}

/** `child` was inside `parent` from event `from` until event `to` (Infinity: still is). */
export interface Packing {
  child: string;
  parent: string;
  from: number;
  to: number;
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

function childrenOf(body: Json): string[] {
  const epcs = Array.isArray(body.childEPCs)
    ? (body.childEPCs as unknown[]).filter((c) => typeof c === "string")
    : [];
  const classes = Array.isArray(body.childQuantityList)
    ? (body.childQuantityList as Json[]).flatMap((q) => (typeof q?.epcClass === "string" ? [q.epcClass] : []))
    : [];
  return [...(epcs as string[]), ...classes];
}

/** Every stay of a child in a container, from AggregationEvents (ADD/OBSERVE opens, DELETE closes). */
export function packings(events: readonly CustodyEvent[]): Packing[] {
  const open = new Map<string, Packing>();
  const closed: Packing[] = [];
  const keyOf = (child: string, parent: string) => `${child}\u0000${parent}`;
  events.forEach((e, i) => {
    if (e.step.erroneous || e.body.type !== "AggregationEvent") return;
    const parent = str(e.body.parentID);
    if (!parent) return;
    const children = childrenOf(e.body);
    if (e.body.action === "ADD" || e.body.action === "OBSERVE") {
      for (const child of children) {
        const key = keyOf(child, parent);
        if (!open.has(key)) open.set(key, { child, parent, from: i, to: Number.POSITIVE_INFINITY });
      }
    } else if (e.body.action === "DELETE") {
      // A DELETE naming no children empties the container (EPCIS 2.0 §7.3.5).
      for (const [key, p] of open) {
        if (p.parent === parent && (children.length === 0 || children.includes(p.child))) {
          closed.push({ ...p, to: i });
          open.delete(key);
        }
      }
    }
  });
  return [...closed, ...open.values()];
}

const MAX_NESTING = 32;

/**
 * The events that concern `epc`: those naming it, and those naming a container while it was inside
 * (through every level of nesting), as indices in time order.
 */
export function concerning(
  epc: string,
  events: readonly CustodyEvent[],
  stays: readonly Packing[] = packings(events),
): number[] {
  const naming = new Map<string, number[]>();
  events.forEach((e, i) => {
    for (const item of new Set(e.step.items.map((it) => it.epc))) {
      const list = naming.get(item) ?? [];
      list.push(i);
      naming.set(item, list);
    }
  });
  const out = new Set<number>();
  const visit = (id: string, from: number, to: number, depth: number) => {
    for (const i of naming.get(id) ?? []) if (i >= from && i <= to) out.add(i);
    if (depth >= MAX_NESTING) return;
    for (const s of stays) {
      if (s.child !== id || s.to < from || s.from > to) continue;
      visit(s.parent, Math.max(from, s.from), Math.min(to, s.to), depth + 1);
    }
  };
  visit(epc, 0, Number.POSITIVE_INFINITY, 0);
  return [...out].sort((a, b) => a - b);
}

/** The containers holding `epc` now, innermost first. */
export function containersNow(epc: string, stays: readonly Packing[]): string[] {
  const out: string[] = [];
  let current = epc;
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const stay = stays
      .filter((s) => s.child === current && s.to === Number.POSITIVE_INFINITY)
      .sort((a, b) => b.from - a.from)[0];
    if (!stay || out.includes(stay.parent) || stay.parent === epc) break;
    out.push(stay.parent);
    current = stay.parent;
  }
  return out;
}

/** Why the holder holds it: it made or declared it, received it, or carries it. */
export type CustodyBasis = "declared" | "received" | "carrier" | "possession";

export interface Holder {
  basis: CustodyBasis;
  since: string;
  /** The party (PGLN) the event names as receiver or possessor, when it names one. */
  party: string | null;
  /** Where custody changed hands (to find the site's operator when the party is not a member). */
  location: string | null;
  /** Who recorded the change (the receiver records a receiving). */
  capturer: string | null;
}

/** Receiving with these dispositions refuses the goods: custody stays with the sender. */
const REFUSED = new Set(["non_conformant", "damaged", "rejected", "returned"]);

function party(list: JourneyStep["sources"], type: string): string | null {
  return list.find((p) => p.type === type)?.id ?? null;
}

export interface Current {
  /** The latest step concerning the identifier (naming it, or a container it is inside). */
  step: JourneyStep;
  /** The last place recorded for it (a later step may name none, e.g. a sensor reading). */
  location: string | null;
  /** The last owning party any step concerning it named. */
  owner: string | null;
  holder: Holder | null;
  containers: string[];
}

/** Where `epc` is now, who holds and who owns it; null when no valid step concerns it. */
export function currentOf(epc: string, events: readonly CustodyEvent[]): Current | null {
  const stays = packings(events);
  const indices = concerning(epc, events, stays).filter((i) => !events[i]?.step.erroneous);
  if (!indices.length) return null;
  let location: string | null = null;
  let owner: string | null = null;
  let holder: Holder | null = null;
  for (const i of indices) {
    const { step, capturer } = events[i] as CustodyEvent;
    location = step.bizLocation ?? step.readPoint ?? location;
    owner = party(step.destinations, "owning_party") ?? owner;
    const where = step.bizLocation ?? step.readPoint;
    if (step.bizStep === "receiving" && !REFUSED.has(step.disposition ?? "")) {
      const receiver =
        party(step.destinations, "possessing_party") ?? party(step.destinations, "owning_party");
      holder = { basis: "received", since: step.eventTime, party: receiver, location: where, capturer };
      continue;
    }
    const possessor = party(step.destinations, "possessing_party");
    if (possessor) {
      holder = { basis: "possession", since: step.eventTime, party: possessor, location: where, capturer };
      continue;
    }
    const carrier = party(step.sources, "possessing_party");
    if (carrier && (step.bizStep === "loading" || step.bizStep === "departing")) {
      holder = { basis: "carrier", since: step.eventTime, party: carrier, location: where, capturer };
      continue;
    }
    // Until something hands it over, the food is with whoever brought it into being.
    holder ??= { basis: "declared", since: step.eventTime, party: null, location: where, capturer };
  }
  return {
    step: (events[indices.at(-1) as number] as CustodyEvent).step,
    location,
    owner,
    holder,
    containers: containersNow(epc, stays),
  };
}
