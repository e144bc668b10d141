import { describe, expect, it } from "vitest";
import { fefoOrder, suggestPicks } from "./fefo";

const item = (
  epc: string,
  expiryDate: string | null,
  received: number,
  grams = 100,
  location = "kering-a",
) => ({
  epc,
  expiryDate,
  firstReceivedAt: new Date(Date.UTC(2025, 0, received)),
  grams,
  location,
});

describe("first expiry, first out", () => {
  it("orders by expiry, then oldest receipt; stock without a date goes last", () => {
    const order = fefoOrder([
      item("undated-old", null, 1),
      item("late", "2026-01-01", 2),
      item("early-new", "2025-06-01", 9),
      item("early-old", "2025-06-01", 3),
      item("undated-new", null, 5),
    ]).map((i) => i.epc);
    expect(order).toEqual(["early-old", "early-new", "late", "undated-old", "undated-new"]);
  });

  it("suggests whole balances first-expiring first and a part of the last; reports what is short", () => {
    const s = suggestPicks(
      [item("b", "2025-08-01", 1, 100), item("a", "2025-07-01", 1, 100), item("c", null, 1, 100)],
      250,
    );
    expect(s.lines.map((l) => [l.epc, l.takeGrams])).toEqual([
      ["a", 100],
      ["b", 100],
      ["c", 50],
    ]);
    expect(s.shortGrams).toBe(0);
    const short = suggestPicks([item("a", null, 1, 40), item("empty", "2025-01-01", 1, 0)], 100);
    expect(short.lines.map((l) => l.epc)).toEqual(["a"]);
    expect(short.shortGrams).toBe(60);
  });

  it("breaks ties the same way every time", () => {
    const items = [item("x", null, 1, 1, "kering-b"), item("x", null, 1, 1, "kering-a")];
    expect(fefoOrder(items).map((i) => i.location)).toEqual(["kering-a", "kering-b"]);
    expect(fefoOrder([...items].reverse()).map((i) => i.location)).toEqual(["kering-a", "kering-b"]);
  });
});
