import { describe, expect, it } from "vitest";
import { REFERENCE_PRICES } from "../../reference/reference.data";
import { parsePanelHargaCsv, seriesByProvince } from "./csv";
import { ceilingFor } from "./reference";

describe("reference ceiling", () => {
  const q = { commodityCode: "beras-premium", regionCode: "18.71", level: "retail" as const };
  it("takes the zone's HET in force on the day", () => {
    expect(ceilingFor(REFERENCE_PRICES, { ...q, day: "2023-03-30" })).toBeNull();
    expect(ceilingFor(REFERENCE_PRICES, { ...q, day: "2023-03-31" })?.max).toBe(13_900);
    expect(ceilingFor(REFERENCE_PRICES, { ...q, day: "2024-06-01" })?.max).toBe(14_900);
    // Only zone I is seeded: Aceh (zone II) has no HET.
    expect(ceilingFor(REFERENCE_PRICES, { ...q, regionCode: "11", day: "2024-06-01" })).toBeNull();
  });
  it("uses the consumer HAP top for retail and the producer HAP for farm-gate prices", () => {
    const day = "2023-06-01";
    const retail = ceilingFor(REFERENCE_PRICES, { ...q, commodityCode: "cabai-rawit", day });
    expect(retail).toMatchObject({ kind: "HAP", max: 57_000 });
    const producer = ceilingFor(REFERENCE_PRICES, {
      ...q,
      commodityCode: "cabai-rawit",
      level: "producer",
      day,
    });
    expect(producer).toMatchObject({ kind: "HAP", max: 31_500 });
  });
  it("never treats the HPP floor as a ceiling", () => {
    const r = ceilingFor(REFERENCE_PRICES, {
      ...q,
      commodityCode: "gabah-kering-panen",
      level: "producer",
      day: "2025-06-01",
    });
    expect(r).toBeNull();
  });
});

describe("Panel Harga CSV", () => {
  it("reads dd/mm/yyyy dates and empty prices, and refuses malformed lines", () => {
    const rows = parsePanelHargaCsv(
      "Tanggal,Komoditas,Provinsi,Harga\n19/05/2022,Beras Premium,Lampung,12308.0\n20/05/2022,Beras Premium,Lampung,\n",
    );
    expect(rows).toEqual([
      { date: "2022-05-19", commodity: "Beras Premium", province: "Lampung", price: 12_308 },
      { date: "2022-05-20", commodity: "Beras Premium", province: "Lampung", price: null },
    ]);
    expect(seriesByProvince(rows).get("Lampung")).toEqual([{ date: "2022-05-19", price: 12_308 }]);
    expect(() =>
      parsePanelHargaCsv("Tanggal,Komoditas,Provinsi,Harga\n2022-05-19,Beras,Lampung,1\n"),
    ).toThrow(/Line 2/);
    expect(() => parsePanelHargaCsv("date,price\n")).toThrow(/header/);
  });
});
