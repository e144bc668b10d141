/** The few prices the home shows: one figure per province for a handful of staple commodities. */
import type { Board, BoardEntry } from "../prices-board/model.ts";
import { PROVINCES } from "../prices-board/model.ts";

/** Staples first, in the order a household reads them; others fill in when these have no data. */
const PREFERRED = [
  "beras-medium",
  "cabai-rawit",
  "bawang-merah",
  "cabai-merah-keriting",
  "minyak-goreng",
  "gula-pasir",
  "telur-ayam",
  "daging-ayam",
  "bawang-putih",
  "beras-premium",
];

export interface PriceCell {
  price: number;
  /** Change on the day before, in percent (null when unknown). */
  day: number | null;
}

export interface PriceLine {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  /** Lampung, then DKI Jakarta. */
  cells: (PriceCell | null)[];
}

const LEVEL_RANK: Record<BoardEntry["level"], number> = { retail: 0, wholesale: 1, producer: 2 };

/** The figure that stands for a province: its retail median, else a region figure, else a market. */
export function provinceFigure(entries: BoardEntry[]): BoardEntry | null {
  const ranked = [...entries].sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      Number(b.aggregate) - Number(a.aggregate) ||
      Number(a.market !== null) - Number(b.market !== null),
  );
  return ranked[0] ?? null;
}

export function priceLines(board: Board, max = 6): PriceLine[] {
  const byCommodity = new Map<string, BoardEntry[]>();
  for (const entry of board.entries) {
    const list = byCommodity.get(entry.commodityCode) ?? [];
    list.push(entry);
    byCommodity.set(entry.commodityCode, list);
  }
  const rank = (code: string) => {
    const i = PREFERRED.indexOf(code);
    return i === -1 ? PREFERRED.length : i;
  };
  return board.commodities
    .filter((c) => byCommodity.has(c.code))
    .map((c, index) => ({ c, index }))
    .sort((a, b) => rank(a.c.code) - rank(b.c.code) || a.index - b.index)
    .slice(0, max)
    .map(({ c }) => {
      const entries = byCommodity.get(c.code) ?? [];
      return {
        code: c.code,
        name: c.name,
        nameEn: c.nameEn,
        unit: c.unit,
        cells: PROVINCES.map((p) => {
          const figure = provinceFigure(entries.filter((e) => e.provinceCode === p));
          return figure ? { price: figure.price, day: figure.change.day } : null;
        }),
      };
    });
}
