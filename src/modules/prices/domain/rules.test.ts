import { describe, expect, it } from "vitest";
import { hetZoneOf } from "../../reference";
import { readCsv } from "./csv";
import { checkOutlier, median } from "./outlier";
import { type Lookups, normaliseName, parsePanelDate, parsePrice, parseRows } from "./rows";

describe("outlier check", () => {
  it("holds ×10 and ÷10 slips against the recent median, not ordinary moves", () => {
    const recent = [14_000, 14_200, 60_000, 14_100];
    expect(median(recent)).toBe(14_150);
    expect(checkOutlier(141_000, recent)).toMatchObject({ held: true, median: 14_150 });
    expect(checkOutlier(1_410, recent)).toMatchObject({ held: true });
    expect(checkOutlier(20_000, recent)).toEqual({ held: false });
    expect(checkOutlier(141_000, [14_000, 14_200])).toEqual({ held: false });
  });
});

describe("zones", () => {
  it("puts Lampung and Jakarta in zone I, Aceh in II, Papua in III", () => {
    expect(hetZoneOf("18.71")).toBe("I");
    expect(hetZoneOf("31")).toBe("I");
    expect(hetZoneOf("11")).toBe("II");
    expect(hetZoneOf("91")).toBe("III");
  });
});

describe("row parsing", () => {
  it("reads Panel Harga dates, prices and names", () => {
    expect(parsePanelDate("19/05/2022")).toBe("2022-05-19");
    expect(parsePanelDate("05/2022")).toBe("2022-05-01");
    expect(parsePanelDate("31/02/2022")).toBeNull();
    expect(parsePrice("10600.0")).toBe(10_600);
    expect(parsePrice("13.500")).toBe(13_500);
    expect(parsePrice("-5")).toBeNull();
    expect(normaliseName("D.I Yogyakarta")).toBe(normaliseName("Daerah Istimewa Yogyakarta"));
  });

  it("lists every unmappable row with its line and column", () => {
    const lookups: Lookups = {
      commodity: (t) => (normaliseName(t) === "beraspremium" ? "beras-premium" : null),
      region: (t) => (t === "Lampung" ? "18" : null),
      market: () => null,
    };
    const csv =
      "Tanggal,Komoditas,Provinsi,Harga\n01/01/2024,Beras Premium,Lampung,1\n01/01/2024,Beras X,Mars,\n1/13/2024,Beras Premium,Lampung,2\n";
    const out = parseRows(readCsv(csv), lookups);
    expect(out.rows).toHaveLength(1);
    expect(out.noPrice).toBe(1);
    expect(out.errors).toEqual([
      { line: 4, column: "Tanggal", reason: 'not a date (dd/mm/yyyy or mm/yyyy): "1/13/2024"' },
    ]);
  });
});
