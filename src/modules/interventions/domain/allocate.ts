/**
 * Which lots a release takes and which market gets how much. Pure; kilograms are whole numbers.
 */

export interface SourceLot {
  epc: string;
  kg: number;
  expiryDate: string | null;
}

export interface SourceHolding {
  siteCode: string;
  siteName: string;
  organisationId: string;
  organisationName: string;
  /** FEFO order, as the warehouse ledger gives them. */
  lots: SourceLot[];
}

export interface PickedLine {
  epc: string;
  kg: number;
}

export interface Pick {
  siteCode: string;
  siteName: string;
  organisationId: string;
  organisationName: string;
  kg: number;
  lines: PickedLine[];
}

const isContainer = (epc: string) => epc.startsWith("urn:epc:id:sscc:");

/**
 * Takes up to `wantedKg` from the holdings, largest holding first and lots in FEFO order inside it. A
 * sack or pallet (SSCC) leaves whole or not at all; a lot (LGTIN) can be split.
 */
export function pickFefo(holdings: readonly SourceHolding[], wantedKg: number): Pick[] {
  let left = Math.floor(wantedKg);
  const ordered = [...holdings].sort((a, b) => total(b) - total(a) || a.siteCode.localeCompare(b.siteCode));
  const picks: Pick[] = [];
  for (const h of ordered) {
    if (left <= 0) break;
    const lines: PickedLine[] = [];
    for (const lot of h.lots) {
      if (left <= 0) break;
      const whole = Math.floor(lot.kg);
      if (whole <= 0) continue;
      if (isContainer(lot.epc)) {
        if (whole > left) continue;
        lines.push({ epc: lot.epc, kg: whole });
        left -= whole;
      } else {
        const take = Math.min(whole, left);
        lines.push({ epc: lot.epc, kg: take });
        left -= take;
      }
    }
    const kg = lines.reduce((s, l) => s + l.kg, 0);
    if (kg > 0) {
      picks.push({
        siteCode: h.siteCode,
        siteName: h.siteName,
        organisationId: h.organisationId,
        organisationName: h.organisationName,
        kg,
        lines,
      });
    }
  }
  return picks;
}

function total(h: SourceHolding): number {
  return h.lots.reduce((s, l) => s + Math.floor(l.kg), 0);
}

/**
 * Splits `kg` over markets in proportion to their weights (how far each is above its target), the
 * remainder to the heaviest first, so the parts add up exactly. Equal weights when none is positive.
 */
export function splitByWeight<T extends { weight: number }>(
  items: readonly T[],
  kg: number,
): (T & { kg: number })[] {
  if (items.length === 0) return [];
  const total = Math.floor(kg);
  const positive = items.some((i) => i.weight > 0);
  const weights = items.map((i) => (positive ? Math.max(0, i.weight) : 1));
  const sum = weights.reduce((s, w) => s + w, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length) {
    const idx = order[k]?.i as number;
    if ((weights[idx] as number) > 0) {
      parts[idx] = (parts[idx] as number) + 1;
      rest -= 1;
    }
  }
  return items.map((item, i) => ({ ...item, kg: parts[i] as number })).filter((p) => p.kg > 0);
}

/**
 * Assigns picked lines to destinations: each destination gets its kg from the picks in order, splitting a
 * lot line where needed (containers are never split: a destination takes a whole container or none).
 */
export function assignLines<D extends { kg: number }>(
  picks: readonly Pick[],
  destinations: readonly D[],
): { destination: D; from: Pick; lines: PickedLine[] }[] {
  const pool = picks.flatMap((p) => p.lines.map((l) => ({ pick: p, epc: l.epc, kg: l.kg })));
  const out: { destination: D; from: Pick; lines: PickedLine[] }[] = [];
  for (const d of destinations) {
    let want = d.kg;
    const byPick = new Map<Pick, PickedLine[]>();
    for (const item of pool) {
      if (want <= 0) break;
      if (item.kg <= 0) continue;
      if (isContainer(item.epc) && item.kg > want) continue;
      const take = Math.min(item.kg, want);
      item.kg -= take;
      want -= take;
      const lines = byPick.get(item.pick) ?? [];
      const same = lines.find((l) => l.epc === item.epc);
      if (same) same.kg += take;
      else lines.push({ epc: item.epc, kg: take });
      byPick.set(item.pick, lines);
    }
    for (const [from, lines] of byPick) out.push({ destination: d, from, lines });
  }
  return out;
}
