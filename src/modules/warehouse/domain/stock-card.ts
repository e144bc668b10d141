/**
 * Stock cards (kartu stok): the opening balance, every movement in order with what came in, what
 * went out and the running balance, and the closing balance; as rows for JSON and as CSV. Pure.
 */
import { stringify } from "csv-stringify/sync";
import { lotCodeOf } from "./locations";
import { kgText } from "./quantity";

export const MOVEMENT_KIND_LABELS = {
  id: {
    receipt: "Penerimaan",
    putaway: "Penyimpanan",
    move: "Pindah zona",
    pick: "Pengambilan",
    issue: "Pengeluaran",
    adjustment: "Penyesuaian",
    count: "Hitung fisik",
    hold: "Tahan",
    release: "Lepas tahan",
    destroy: "Pemusnahan",
    opening: "Saldo awal",
  },
  en: {
    receipt: "Receipt",
    putaway: "Put-away",
    move: "Zone move",
    pick: "Pick",
    issue: "Issue",
    adjustment: "Adjustment",
    count: "Count",
    hold: "Hold",
    release: "Release",
    destroy: "Destruction",
    opening: "Opening balance",
  },
} as const;

export type CardKind = Exclude<keyof (typeof MOVEMENT_KIND_LABELS)["en"], "opening">;
export type Lang = "id" | "en";

export interface CardMovement {
  at: Date;
  kind: CardKind;
  epc: string;
  location: string;
  state: "available" | "held";
  reason: string | null;
  deltaGrams: number;
  eventId: string;
}

export interface CardRow extends CardMovement {
  inGrams: number;
  outGrams: number;
  balanceGrams: number;
}

export interface StockCard {
  openingGrams: number;
  rows: CardRow[];
  closingGrams: number;
}

/** Movements after the opening balance, in the order given (event time, then capture). */
export function stockCard(openingGrams: number, movements: readonly CardMovement[]): StockCard {
  let balance = openingGrams;
  const rows = movements.map((m) => {
    balance += m.deltaGrams;
    return {
      ...m,
      inGrams: Math.max(0, m.deltaGrams),
      outGrams: Math.max(0, -m.deltaGrams),
      balanceGrams: balance,
    };
  });
  return { openingGrams, rows, closingGrams: balance };
}

const WIB_OFFSET_MS = 7 * 3600_000;

/** `2025-04-15 14:30` in WIB, sortable and unambiguous in a spreadsheet. */
export function wibText(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

const HEADERS: Record<Lang, string[]> = {
  id: [
    "Tanggal (WIB)",
    "Jenis",
    "Lot",
    "Lokasi",
    "Status",
    "Keterangan",
    "Masuk (kg)",
    "Keluar (kg)",
    "Saldo (kg)",
    "ID peristiwa",
  ],
  en: [
    "Date (WIB)",
    "Kind",
    "Lot",
    "Location",
    "State",
    "Reason",
    "In (kg)",
    "Out (kg)",
    "Balance (kg)",
    "Event ID",
  ],
};

const STATES: Record<Lang, Record<"available" | "held", string>> = {
  id: { available: "tersedia", held: "ditahan" },
  en: { available: "available", held: "held" },
};

/**
 * The card as CSV (RFC 4180, UTF-8 without a byte-order mark, CRLF line ends): a header row in the
 * reader's language, the opening balance, one row per movement. Kilograms with a dot for decimals.
 */
export function stockCardCsv(card: StockCard, lang: Lang, openedAt: Date | null): string {
  const labels = MOVEMENT_KIND_LABELS[lang];
  const rows: string[][] = [
    HEADERS[lang],
    [
      openedAt ? wibText(openedAt) : "",
      labels.opening,
      "",
      "",
      "",
      "",
      "",
      "",
      kgText(card.openingGrams),
      "",
    ],
    ...card.rows.map((r) => [
      wibText(r.at),
      labels[r.kind],
      lotCodeOf(r.epc),
      r.location,
      STATES[lang][r.state],
      r.reason ?? "",
      r.inGrams ? kgText(r.inGrams) : "",
      r.outGrams ? kgText(r.outGrams) : "",
      kgText(r.balanceGrams),
      r.eventId,
    ]),
  ];
  return stringify(rows, { bom: false, record_delimiter: "windows" });
}
