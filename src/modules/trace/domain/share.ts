/**
 * The farmer's share: how much of the retail price of a kilogram of food reached the farm gate.
 *
 *   share = farm-gate value of the harvest in 1 kg of what is sold ÷ retail price of 1 kg
 *
 * Unprocessed food carries its own harvest's kilogram; processing changes that: 1 kg of tapioca takes
 * ≈ 4 kg of cassava, so its farm-gate value is 4 × the cassava's farm-gate price. The value per kg is
 * followed through the genealogy: a harvest lot is worth its farm-gate price (ilmd
 * `lb:farmGatePrice`, rupiah/kg); a TransformationEvent's outputs carry the value of its inputs over
 * their total mass (mass allocation); a container carries the mass-weighted value of what was packed
 * into it. Anything not weighed in kilograms (or tonnes, grams) leaves the share unknown. Pure.
 */

type Json = Record<string, unknown>;

export interface ShareEvent {
  body: Json;
  /** Lumbung extension fields of the event (top level), by local name. */
  extensions: Record<string, unknown>;
  /** Lumbung ilmd fields, by local name. */
  ilmd: Record<string, unknown>;
  erroneous: boolean;
}

export interface FarmersShare {
  /** Percent of the retail price, one decimal. */
  percent: number;
  /** Rupiah: the farm-gate value of the harvest in one kilogram of what was sold. */
  farmGateValuePerKg: number;
  /** Rupiah per kilogram paid at retail. */
  retailPricePerKg: number;
  /** Kilograms harvested per kilogram sold (1 when the food was not processed). */
  harvestKgPerKg: number;
  /** What the retail price was recorded on: a retail_selling event, or the lot's own master data. */
  source: "retail_selling" | "lot";
  /** The lot or container the retail price is for. */
  item: string;
  eventTime: string | null;
  place: string | null;
}

const KG_PER_UNIT: Readonly<Record<string, number>> = { KGM: 1, TNE: 1000, GRM: 0.001 };

function kilograms(q: Json): number | null {
  const factor = typeof q.uom === "string" ? KG_PER_UNIT[q.uom] : undefined;
  return factor !== undefined && typeof q.quantity === "number" && q.quantity > 0
    ? q.quantity * factor
    : null;
}

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** A positive whole number of rupiah, or null. */
export function rupiah(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null;
}

/** The farm-gate price of a harvest lot's facts (`lb:farmGatePrice`; `lb:farmGatePricePerKg` is read too). */
export function farmGatePriceOf(facts: Record<string, unknown>): number | null {
  return rupiah(facts.farmGatePrice) ?? rupiah(facts.farmGatePricePerKg);
}

interface Part {
  epc: string;
  /** Kilograms of the part, null when only counted (a sack in a pallet): weighed by its own mass. */
  kg: number | null;
}

/**
 * Builds the value and mass of each identifier from the events. `origins` gives each harvest lot's
 * farm-gate price (null: unknown).
 */
export function valuer(events: readonly ShareEvent[], origins: ReadonlyMap<string, number | null>) {
  const made = new Map<string, { inputs: Part[]; outputKg: number } | null>();
  const packed = new Map<string, Part[]>();
  for (const e of events) {
    if (e.erroneous) continue;
    const b = e.body;
    if (b.type === "TransformationEvent") {
      const ins = (b.inputQuantityList as Json[] | undefined) ?? [];
      const outs = (b.outputQuantityList as Json[] | undefined) ?? [];
      const counted =
        (b.inputEPCList as unknown[] | undefined)?.length ||
        (b.outputEPCList as unknown[] | undefined)?.length;
      const inputs = ins.map((q) => ({ epc: str(q.epcClass) ?? "", kg: kilograms(q) }));
      const outKgs = outs.map(kilograms);
      const weighed =
        !counted && inputs.every((p) => p.kg !== null && p.epc) && outKgs.every((k) => k !== null);
      const outputKg = outKgs.reduce<number>((s, k) => s + (k ?? 0), 0);
      for (const q of outs) {
        const epc = str(q.epcClass);
        if (epc) made.set(epc, weighed && outputKg > 0 && inputs.length ? { inputs, outputKg } : null);
      }
    } else if (b.type === "AggregationEvent" && (b.action === "ADD" || b.action === "OBSERVE")) {
      const parent = str(b.parentID);
      if (!parent) continue;
      const list = packed.get(parent) ?? [];
      for (const q of (b.childQuantityList as Json[] | undefined) ?? []) {
        const epc = str(q.epcClass);
        if (epc) list.push({ epc, kg: kilograms(q) ?? Number.NaN });
      }
      for (const c of (b.childEPCs as unknown[] | undefined) ?? []) {
        if (typeof c === "string") list.push({ epc: c, kg: null });
      }
      packed.set(parent, list);
    }
  }

  const massMemo = new Map<string, number | null>();
  function mass(epc: string, depth = 0): number | null {
    if (massMemo.has(epc)) return massMemo.get(epc) ?? null;
    const parts = packed.get(epc);
    let m: number | null = null;
    if (parts && depth < 64) {
      massMemo.set(epc, null); // a container inside itself weighs nothing we can tell
      let sum = 0;
      for (const p of parts) {
        const kg = p.kg ?? mass(p.epc, depth + 1);
        if (kg === null || Number.isNaN(kg)) {
          sum = Number.NaN;
          break;
        }
        sum += kg;
      }
      m = Number.isNaN(sum) || sum <= 0 ? null : sum;
    }
    massMemo.set(epc, m);
    return m;
  }

  /** [farm-gate value, harvest kg] in one kilogram of `epc`, or null. */
  const memo = new Map<string, [number, number] | null>();
  function perKg(epc: string, depth = 0): [number, number] | null {
    if (memo.has(epc)) return memo.get(epc) ?? null;
    memo.set(epc, null); // cycles and repeats resolve to "unknown" until computed
    let out: [number, number] | null = null;
    if (depth < 64) {
      if (origins.has(epc)) {
        const price = origins.get(epc) ?? null;
        out = price === null ? null : [price, 1];
      } else if (made.has(epc)) {
        const how = made.get(epc);
        if (how)
          out = weighted(
            how.inputs.map((p) => ({ part: p.epc, kg: p.kg })),
            how.outputKg,
            depth,
          );
      } else if (packed.has(epc)) {
        const parts = (packed.get(epc) ?? []).map((p) => ({
          part: p.epc,
          kg: p.kg ?? mass(p.epc, depth + 1),
        }));
        const total = parts.reduce((s, p) => s + (p.kg ?? Number.NaN), 0);
        out = Number.isNaN(total) || total <= 0 ? null : weighted(parts, total, depth);
      }
    }
    memo.set(epc, out);
    return out;
  }

  function weighted(parts: { part: string; kg: number | null }[], totalKg: number, depth: number) {
    let value = 0;
    let harvest = 0;
    for (const p of parts) {
      const each = perKg(p.part, depth + 1);
      if (!each || p.kg === null || Number.isNaN(p.kg)) return null;
      value += each[0] * p.kg;
      harvest += each[1] * p.kg;
    }
    return [value / totalKg, harvest / totalKg] as [number, number];
  }

  return { perKg };
}

/** The items of an event a price can be for: the classes it counts and the identifiers it lists. */
function itemsOf(body: Json): string[] {
  const classes = ((body.quantityList as Json[] | undefined) ?? []).flatMap((q) =>
    typeof q.epcClass === "string" ? [q.epcClass] : [],
  );
  const epcs = ((body.epcList as unknown[] | undefined) ?? []).filter(
    (e): e is string => typeof e === "string",
  );
  return [...classes, ...epcs];
}

/**
 * The identifiers holding the same food as `epc`: itself, what it was packed with into containers and
 * what those containers held, following aggregations both ways but never a transformation (after
 * which the food is another).
 */
export function sameFood(epc: string, events: readonly ShareEvent[]): Set<string> {
  const links = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    links.set(a, (links.get(a) ?? new Set()).add(b));
    links.set(b, (links.get(b) ?? new Set()).add(a));
  };
  for (const e of events) {
    if (e.erroneous || e.body.type !== "AggregationEvent") continue;
    const parent = str(e.body.parentID);
    if (!parent) continue;
    for (const q of (e.body.childQuantityList as Json[] | undefined) ?? []) {
      if (typeof q.epcClass === "string") link(parent, q.epcClass);
    }
    for (const c of (e.body.childEPCs as unknown[] | undefined) ?? [])
      if (typeof c === "string") link(parent, c);
  }
  const seen = new Set([epc]);
  const queue = [epc];
  while (queue.length) {
    for (const next of links.get(queue.shift() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * The farmer's share of the latest retail price the trace knows, looked for in `tiers` of items in
 * order (the same food first, then what was made from it): a retail_selling event with
 * `lb:retailPrice` (rupiah/kg) naming an item of the tier, latest first; else `lb:retailPrice` in the
 * master data (ilmd) of a lot of the tier. Null when no retail price or no farm-gate value can be
 * worked out.
 */
export function farmersShare(
  events: readonly ShareEvent[],
  origins: ReadonlyMap<string, number | null>,
  tiers: readonly (readonly string[])[],
): FarmersShare | null {
  const { perKg } = valuer(events, origins);
  const result = (
    item: string,
    retail: number,
    source: FarmersShare["source"],
    body: Json | null,
  ): FarmersShare | null => {
    const each = perKg(item);
    if (!each) return null;
    const [value, harvest] = each;
    return {
      percent: Math.round((1000 * value) / retail) / 10,
      farmGateValuePerKg: Math.round(value),
      retailPricePerKg: retail,
      harvestKgPerKg: Math.round(harvest * 100) / 100,
      source,
      item,
      eventTime: body ? str(body.eventTime) : null,
      place: body
        ? (str((body.bizLocation as Json | undefined)?.id) ?? str((body.readPoint as Json | undefined)?.id))
        : null,
    };
  };

  for (const tier of tiers) {
    const wanted = new Set(tier);
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i] as ShareEvent;
      const retail = rupiah(e.extensions.retailPrice);
      if (e.erroneous || retail === null || !/retail_selling$/.test(String(e.body.bizStep ?? ""))) continue;
      for (const item of itemsOf(e.body).filter((x) => wanted.has(x))) {
        const share = result(item, retail, "retail_selling", e.body);
        if (share) return share;
      }
    }
    for (const lot of tier) {
      for (const e of events) {
        const retail = rupiah(e.ilmd.retailPrice);
        if (e.erroneous || retail === null) continue;
        const creates =
          ((e.body.quantityList as Json[] | undefined) ?? []).some((q) => q.epcClass === lot) ||
          ((e.body.outputQuantityList as Json[] | undefined) ?? []).some((q) => q.epcClass === lot);
        if (!creates) continue;
        const share = result(lot, retail, "lot", null);
        if (share) return share;
      }
    }
  }
  return null;
}
