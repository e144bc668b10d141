/**
 * The board map's geometry and colours, pure. The coastlines and projection are the trace map's
 * (web/features/trace/geo.ts); each panel is a window onto them, Lampung and Jakarta side by side,
 * because Jakarta's markets would be one dot at the scale of the whole corridor.
 */
import { type Point, project } from "../trace/geo.ts";
import type { BoardEntry } from "./model.ts";

export interface Panel {
  province: "18" | "31";
  west: number;
  east: number;
  north: number;
  south: number;
}

export const PANELS: readonly Panel[] = [
  { province: "18", west: 103.55, east: 106.05, north: -3.6, south: -6.1 },
  { province: "31", west: 106.68, east: 107.0, north: -6.06, south: -6.38 },
];

/** Waters named on each panel, so the shapes read as a map ([longitude, latitude], label key). */
export const WATERS: Record<Panel["province"], readonly { at: [number, number]; name: WaterName }[]> = {
  "18": [
    { at: [105.33, -5.72], name: "lampungBay" },
    { at: [105.62, -6.0], name: "sundaStrait" },
  ],
  "31": [{ at: [106.8, -6.078], name: "jakartaBay" }],
};
export type WaterName = "lampungBay" | "sundaStrait" | "jakartaBay";

export function viewBoxOf(panel: Panel): { x: number; y: number; width: number; height: number } {
  const nw = project(panel.west, panel.north);
  const se = project(panel.east, panel.south);
  return { x: nw.x, y: nw.y, width: se.x - nw.x, height: se.y - nw.y };
}

/** Dot size in the panel's units: the same on screen in both panels, big enough to tap. */
export function dotRadius(panel: Panel): number {
  return viewBoxOf(panel).width / 40;
}

export type Measure = "gap" | "week";
export type Tone = "ok" | "warn" | "high" | "none";

/** How worrying a market's price is: above the HET/HAP (or below the HPP), or rising over the week. */
export function toneOf(entry: BoardEntry, measure: Measure): Tone {
  if (measure === "week") {
    const pct = entry.change.week;
    if (pct === null) return "none";
    return pct > 10 ? "high" : pct > 2 ? "warn" : "ok";
  }
  const pct = entry.referenceGapPct;
  if (!entry.reference || pct === null) return "none";
  // The HPP is a floor for farmers: below it is the worry, not above.
  if (entry.reference.kind === "HPP") return pct < -10 ? "high" : pct < 0 ? "warn" : "ok";
  return pct > 10 ? "high" : pct > 0 ? "warn" : "ok";
}

export interface MarketPoint {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export interface MapDot extends Point {
  entry: BoardEntry;
  name: string;
  /** Where the market really is, when the dot was moved aside so it does not hide another. */
  true: Point | null;
}

/**
 * The panel's dots for one commodity: each market's own price (not the province medians), placed at
 * its coordinates, and nudged around that spot when it would cover a dot already placed.
 */
export function dotsOf(
  entries: BoardEntry[],
  markets: MarketPoint[],
  panel: Panel,
  radius: number,
): MapDot[] {
  const byCode = new Map(markets.map((m) => [m.code, m]));
  const dots: MapDot[] = [];
  const sorted = entries
    .filter((e) => !e.aggregate && e.market && e.provinceCode === panel.province)
    .map((e) => ({ e, m: byCode.get(e.market?.code ?? "") }))
    .filter(
      (x): x is { e: BoardEntry; m: MarketPoint & { latitude: number; longitude: number } } =>
        x.m?.latitude != null && x.m?.longitude != null,
    )
    .sort((a, b) => b.m.latitude - a.m.latitude || a.m.longitude - b.m.longitude);
  const clear = (p: Point) => dots.every((d) => Math.hypot(d.x - p.x, d.y - p.y) >= radius * 2.1);
  for (const { e, m } of sorted) {
    const at = project(m.longitude, m.latitude);
    let placed: Point = at;
    for (let ring = 1; !clear(placed) && ring <= 4; ring++) {
      const d = radius * 2.3 * ring;
      const options = Array.from({ length: 8 }, (_, k) => {
        const angle = (k * Math.PI) / 4;
        return { x: at.x + d * Math.cos(angle), y: at.y + d * Math.sin(angle) };
      });
      placed = options.find(clear) ?? placed;
    }
    dots.push({
      x: placed.x,
      y: placed.y,
      entry: e,
      name: m.name,
      true: placed === at ? null : at,
    });
  }
  return dots;
}

/** The commodity shown first: the one with the most market prices on the board. */
export function defaultCommodity(entries: BoardEntry[], codes: string[]): string | null {
  let best: string | null = null;
  let most = 0;
  for (const code of codes) {
    const n = entries.filter((e) => e.commodityCode === code && !e.aggregate && e.market).length;
    if (n > most) {
      best = code;
      most = n;
    }
  }
  return best ?? codes[0] ?? null;
}
