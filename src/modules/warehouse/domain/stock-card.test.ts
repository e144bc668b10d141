import { describe, expect, it } from "vitest";
import { type CardMovement, stockCard, stockCardCsv, wibText } from "./stock-card";

const lot = "urn:epc:class:lgtin:8990000.000001.L20250414-001";
const move = (
  at: string,
  kind: CardMovement["kind"],
  location: string,
  deltaGrams: number,
  reason: string | null = null,
): CardMovement => ({
  at: new Date(at),
  kind,
  epc: lot,
  location,
  state: "available",
  reason,
  deltaGrams,
  eventId: `ni:///sha-256;${kind}${location}`,
});

describe("stock cards", () => {
  const movements = [
    move("2025-04-15T01:00:00Z", "receipt", "dock", 1_000_000),
    move("2025-04-15T02:00:00Z", "putaway", "dock", -600_000),
    move("2025-04-15T02:00:00Z", "putaway", "kering-a", 600_000),
    move("2025-04-16T03:30:00Z", "adjustment", "dock", -1_500, 'tumpah, "basah"'),
  ];

  it("runs the balance from the opening balance through every movement", () => {
    const card = stockCard(250_000, movements);
    expect(card.rows.map((r) => [r.inGrams, r.outGrams, r.balanceGrams])).toEqual([
      [1_000_000, 0, 1_250_000],
      [0, 600_000, 650_000],
      [600_000, 0, 1_250_000],
      [0, 1_500, 1_248_500],
    ]);
    expect(card.closingGrams).toBe(1_248_500);
  });

  it("prints WIB times", () => {
    expect(wibText(new Date("2025-04-15T17:30:00Z"))).toBe("2025-04-16 00:30");
  });

  it("writes CSV with headers in the reader's language, no BOM, CRLF, quoted where needed", () => {
    const csv = stockCardCsv(stockCard(0, movements), "id", new Date("2025-04-14T17:00:00Z"));
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Tanggal (WIB),Jenis,Lot,Lokasi,Status,Keterangan,Masuk (kg),Keluar (kg),Saldo (kg),ID peristiwa",
    );
    expect(lines[1]).toBe("2025-04-15 00:00,Saldo awal,,,,,,,0,");
    expect(lines[2]).toBe(
      `2025-04-15 08:00,Penerimaan,L20250414-001,dock,tersedia,,1000,,1000,ni:///sha-256;receiptdock`,
    );
    expect(lines[5]).toBe(
      `2025-04-16 10:30,Penyesuaian,L20250414-001,dock,tersedia,"tumpah, ""basah""",,1.5,998.5,ni:///sha-256;adjustmentdock`,
    );
    expect(lines.at(-1)).toBe("");
    const en = stockCardCsv(stockCard(0, movements), "en", null).split("\r\n");
    expect(en[0]).toBe("Date (WIB),Kind,Lot,Location,State,Reason,In (kg),Out (kg),Balance (kg),Event ID");
    expect(en[1]).toBe(",Opening balance,,,,,,,0,");
    expect(en[3]).toContain(",Put-away,");
  });
});
