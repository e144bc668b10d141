import type { DailyPoint } from "./types";

export interface PanelRow {
  date: string;
  commodity: string;
  province: string;
  price: number | null;
}

/**
 * Badan Pangan's Panel Harga export: `Tanggal` (dd/mm/yyyy), `Komoditas`, `Provinsi`, `Harga` (empty where no
 * price was published). Names here have no commas, so a line split is enough; a malformed line is an error.
 */
export function parsePanelHargaCsv(text: string): PanelRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0]?.split(",").map((h) => h.trim());
  if (header?.join(",") !== "Tanggal,Komoditas,Provinsi,Harga") {
    throw new Error(`Unexpected header: ${lines[0]}`);
  }
  return lines.slice(1).map((line, i) => {
    const [d, commodity, province, harga] = line.split(",");
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(d ?? "");
    if (!m || !commodity || !province) throw new Error(`Line ${i + 2} is malformed: ${line}`);
    const price = harga?.trim() ? Number(harga) : null;
    if (price !== null && !(Number.isFinite(price) && price > 0))
      throw new Error(`Line ${i + 2}: bad price ${harga}`);
    return { date: `${m[3]}-${m[2]}-${m[1]}`, commodity, province, price };
  });
}

/** One sorted daily series per province (days without a price are simply absent). */
export function seriesByProvince(rows: readonly PanelRow[]): Map<string, DailyPoint[]> {
  const out = new Map<string, DailyPoint[]>();
  for (const r of rows) {
    const list = out.get(r.province) ?? [];
    if (r.price !== null) list.push({ date: r.date, price: r.price });
    out.set(r.province, list);
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
  return out;
}
