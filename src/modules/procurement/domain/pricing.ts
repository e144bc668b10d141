/**
 * Contract price rules and the price they give on a day. Pure: the service gathers the reference
 * prices (HET/HAP/HPP with their effective dates) and the index series, and asks here.
 */

export type ReferenceKind = "HET" | "HAP" | "HPP";

export type PriceRule =
  | { kind: "fixed"; pricePerKg: number }
  | {
      /** A government reference price in force on the day, plus a margin (HPP + 5 %, HET − Rp 500 …). */
      kind: "reference";
      reference: ReferenceKind;
      /** The commodity whose reference applies; defaults to the contract's (rice bought on GKP's HPP). */
      commodityCode?: string | undefined;
      marginPercent?: number | undefined;
      marginPerKg?: number | undefined;
    }
  | {
      /** A market price series of the prices module, e.g. the Jakarta wholesale median, within a floor and a cap. */
      kind: "indexed";
      level: "producer" | "wholesale" | "retail";
      /** Province whose markets' median is the index: 31 (DKI Jakarta) or 18 (Lampung). */
      province: string;
      commodityCode?: string | undefined;
      percent?: number | undefined;
      offsetPerKg?: number | undefined;
      floorPerKg?: number | null | undefined;
      capPerKg?: number | null | undefined;
    };

export interface ReferencePricePoint {
  kind: string;
  level: string;
  zone: string | null;
  min: number | null;
  max: number;
  effectiveFrom: string;
  source: string;
}

/** One market's observations, ascending dates. */
export interface MarketSeries {
  market: string;
  points: { date: string; price: number }[];
}

export interface IndexValue {
  price: number;
  date: string;
  markets: number;
}

export type PriceResult =
  | { ok: true; pricePerKg: number; basis: string }
  | { ok: false; reason: "no_reference_price" | "no_index_price" };

/** Days an index observation stays current: a market not observed for a week no longer counts. */
export const INDEX_WINDOW_DAYS = 7;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/**
 * The median over markets of each market's latest price in the `windowDays` ending on `day`
 * (observations after `day` are not known yet on that day). Null when no market has one.
 */
export function indexOn(
  series: MarketSeries[],
  day: string,
  windowDays = INDEX_WINDOW_DAYS,
): IndexValue | null {
  const from = addDays(day, -(windowDays - 1));
  const latest: { date: string; price: number }[] = [];
  for (const s of series) {
    let best: { date: string; price: number } | null = null;
    for (const p of s.points) if (p.date >= from && p.date <= day && (!best || p.date > best.date)) best = p;
    if (best) latest.push(best);
  }
  if (!latest.length) return null;
  return {
    price: Math.round(median(latest.map((p) => p.price))),
    date: latest.reduce((a, b) => (a.date > b.date ? a : b)).date,
    markets: latest.length,
  };
}

/**
 * The reference price of a kind in force on `day`: the latest effective on or before it. Where
 * several zones are recorded (HET), zone I applies — Lampung's, where the contracts' goods come from.
 */
export function referenceOn(
  prices: ReferencePricePoint[],
  kind: ReferenceKind,
  day: string,
): ReferencePricePoint | null {
  const candidates = prices.filter(
    (p) => p.kind === kind && p.effectiveFrom <= day && (p.zone === null || p.zone === "I"),
  );
  // HPP is a producer price; HET/HAP consumer prices unless only producer ones exist.
  const preferredLevel = kind === "HPP" ? "producer" : "consumer";
  const levelled = candidates.some((p) => p.level === preferredLevel)
    ? candidates.filter((p) => p.level === preferredLevel)
    : candidates;
  let best: ReferencePricePoint | null = null;
  for (const p of levelled) if (!best || p.effectiveFrom > best.effectiveFrom) best = p;
  return best;
}

const rupiah = (n: number) => `Rp${n.toLocaleString("id-ID")}`;

/** The price per kg a rule gives on `day`, with how it was reached; whole rupiah, rounded half up. */
export function effectivePrice(
  rule: PriceRule,
  day: string,
  inputs: { referencePrices?: ReferencePricePoint[]; index?: IndexValue | null },
): PriceResult {
  switch (rule.kind) {
    case "fixed":
      return { ok: true, pricePerKg: rule.pricePerKg, basis: `harga tetap ${rupiah(rule.pricePerKg)}/kg` };
    case "reference": {
      const ref = referenceOn(inputs.referencePrices ?? [], rule.reference, day);
      if (!ref) return { ok: false, reason: "no_reference_price" };
      const pct = rule.marginPercent ?? 0;
      const add = rule.marginPerKg ?? 0;
      const price = Math.max(0, Math.round(ref.max * (1 + pct / 100)) + add);
      const margin = [
        pct ? `${pct > 0 ? "+" : ""}${pct}%` : "",
        add ? `${add > 0 ? "+" : "−"}${rupiah(Math.abs(add))}` : "",
      ]
        .filter(Boolean)
        .join(" ");
      return {
        ok: true,
        pricePerKg: price,
        basis: `${rule.reference} ${rupiah(ref.max)} (${ref.source}, berlaku ${ref.effectiveFrom})${margin ? ` ${margin}` : ""}`,
      };
    }
    case "indexed": {
      const idx = inputs.index ?? null;
      if (!idx) return { ok: false, reason: "no_index_price" };
      const pct = rule.percent ?? 100;
      let price = Math.round((idx.price * pct) / 100) + (rule.offsetPerKg ?? 0);
      let clamp = "";
      if (rule.floorPerKg != null && price < rule.floorPerKg) {
        price = rule.floorPerKg;
        clamp = " (batas bawah)";
      }
      if (rule.capPerKg != null && price > rule.capPerKg) {
        price = rule.capPerKg;
        clamp = " (batas atas)";
      }
      return {
        ok: true,
        pricePerKg: Math.max(0, price),
        basis: `median ${rule.level} prov. ${rule.province} ${rupiah(idx.price)} (${idx.date}, ${idx.markets} pasar) × ${pct}%${rule.offsetPerKg ? ` ${rule.offsetPerKg > 0 ? "+" : "−"}${rupiah(Math.abs(rule.offsetPerKg))}` : ""}${clamp}`,
      };
    }
  }
}

/** Problems with a rule as given, for the form: [field, en, id]. */
export function ruleProblems(rule: PriceRule): [string, string, string][] {
  const out: [string, string, string][] = [];
  if (
    rule.kind === "indexed" &&
    rule.floorPerKg != null &&
    rule.capPerKg != null &&
    rule.floorPerKg > rule.capPerKg
  )
    out.push(["priceRule/floorPerKg", "the floor is above the cap", "batas bawah di atas batas atas"]);
  return out;
}
