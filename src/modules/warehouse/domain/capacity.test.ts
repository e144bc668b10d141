import { describe, expect, it } from "vitest";
import {
  addDays,
  checkBooking,
  dailyLoad,
  dayRanges,
  daysOf,
  overbookedDays,
  rangeText,
  spanDays,
} from "./capacity";

const zone = { capacityKg: 200_000, palletPlaces: 80 };
const booking = (fromDate: string, toDate: string, kg: number, pallets = 0) => ({
  fromDate,
  toDate,
  kg,
  pallets,
});

describe("capacity bookings", () => {
  it("counts days with both ends included, across month ends", () => {
    expect(daysOf({ fromDate: "2025-01-30", toDate: "2025-02-02" })).toEqual([
      "2025-01-30",
      "2025-01-31",
      "2025-02-01",
      "2025-02-02",
    ]);
    expect(spanDays({ fromDate: "2024-02-28", toDate: "2024-03-01" })).toBe(3);
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(daysOf({ fromDate: "2025-01-02", toDate: "2025-01-01" })).toEqual([]);
  });

  it("sums the bookings covering each day", () => {
    const load = dailyLoad(
      [booking("2025-05-01", "2025-05-03", 100, 1), booking("2025-05-03", "2025-05-09", 50, 2)],
      {
        fromDate: "2025-05-02",
        toDate: "2025-05-04",
      },
    );
    expect([...load]).toEqual([
      ["2025-05-02", { kg: 100, pallets: 1 }],
      ["2025-05-03", { kg: 150, pallets: 3 }],
      ["2025-05-04", { kg: 50, pallets: 2 }],
    ]);
  });

  it("accepts a booking that fits every day, up to the capacity exactly", () => {
    const existing = [booking("2025-05-01", "2025-05-05", 150_000, 50)];
    expect(checkBooking(zone, existing, booking("2025-05-03", "2025-05-08", 50_000, 30))).toEqual({
      ok: true,
    });
  });

  it("refuses one that overfills any day, naming those days and the least room left on them", () => {
    const existing = [
      booking("2025-05-01", "2025-05-05", 150_000, 50),
      booking("2025-05-05", "2025-05-05", 20_000, 0),
    ];
    expect(checkBooking(zone, existing, booking("2025-05-04", "2025-05-08", 60_000, 10))).toEqual({
      ok: false,
      days: [{ fromDate: "2025-05-04", toDate: "2025-05-05" }],
      freeKg: 30_000,
      freePallets: 30,
    });
    // Pallet places alone can refuse.
    const byPallets = checkBooking(zone, existing, booking("2025-05-01", "2025-05-01", 1, 31));
    expect(byPallets).toMatchObject({ ok: false, freePallets: 30 });
  });

  it("folds days into ranges for people to read", () => {
    const ranges = dayRanges(["2025-05-05", "2025-05-01", "2025-05-02", "2025-05-03", "2025-06-01"]);
    expect(rangeText(ranges)).toBe("2025-05-01–2025-05-03, 2025-05-05, 2025-06-01");
  });

  it("finds days a lowered capacity would overbook", () => {
    const existing = [booking("2025-05-01", "2025-05-02", 150_000, 10)];
    expect(
      overbookedDays({ capacityKg: 100_000, palletPlaces: 80 }, existing, {
        fromDate: "2025-05-01",
        toDate: "2025-05-03",
      }),
    ).toEqual(["2025-05-01", "2025-05-02"]);
  });
});
