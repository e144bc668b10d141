import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hetZoneOf } from "../../reference";
import { alps } from "./alps";
import { priceChange, referenceGap, seasonalZ } from "./daily";
import { addDays } from "./dates";
import { evaluateSeries } from "./evaluate";
import { ipa } from "./ipa";
import { monthlyMeans } from "./monthly";
import type { DailyPoint } from "./types";

/** Deterministic pseudo-random numbers so a failing case can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function yearLength(date: string): number {
  const y = Number(date.slice(0, 4));
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
}

function dailySeries(opts: {
  start?: string;
  days: number;
  base?: number;
  seasonal?: number;
  noise?: number;
  seed?: number;
}): DailyPoint[] {
  const { start = "2020-01-01", days, base = 12_000, seasonal = 0, noise = 0, seed = 1 } = opts;
  const r = rng(seed);
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(start, i);
    const doy =
      (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
    return {
      date,
      // Phase by the share of the calendar year gone, so every year repeats exactly (leap years included).
      price:
        base * (1 + seasonal * Math.sin((2 * Math.PI * doy) / yearLength(date))) + noise * base * (r() - 0.5),
    };
  });
}

const ctx = (today: string) => ({
  commodityCode: "cabai-rawit",
  commodityName: { id: "cabai rawit", en: "bird's eye chilli" },
  placeName: "Jakarta Timur",
  today,
  reference: null,
});

describe("monthly aggregation", () => {
  it("averages observed days and marks thin months missing", () => {
    const daily = [
      ...Array.from({ length: 10 }, (_, i) => ({
        date: `2024-01-${String(i + 1).padStart(2, "0")}`,
        price: 100 + i,
      })),
      { date: "2024-02-03", price: 500 },
      { date: "2024-04-01", price: 100 },
    ];
    const m = monthlyMeans(daily);
    expect(m.map((x) => x.month)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04"]);
    expect(m[0]?.price).toBeCloseTo(104.5);
    expect(m[1]?.price).toBeNull();
    expect(m[2]?.days).toBe(0);
  });
});

describe("ALPS", () => {
  it("says a two-year series is too short instead of giving a number", () => {
    const m = monthlyMeans(dailySeries({ days: 730, noise: 0.05 }));
    const r = alps(m, "2021-12");
    expect(r.eligible).toBe(false);
    if (!r.eligible) expect(r.reason.en).toMatch(/too short/);
  });

  it("refuses a stale series and a sparse one", () => {
    const m = monthlyMeans(dailySeries({ days: 365 * 4, noise: 0.05 }));
    const stale = alps(m, "2024-09");
    expect(stale.eligible).toBe(false);
    if (!stale.eligible) expect(stale.reason.en).toMatch(/last 6 months/);
    const sparse = m.map((x, i) => (i % 2 ? { ...x, price: null } : x));
    const r = alps(sparse, "2023-12");
    expect(r.eligible).toBe(false);
    if (!r.eligible) expect(r.reason.en).toMatch(/missing months/);
  });

  it("scores a month out of sample and finds a spike", () => {
    const daily = dailySeries({ days: 365 * 4, seasonal: 0.1, noise: 0.1, seed: 3 });
    const spiked = daily.map((p) => (p.date >= "2023-12-01" ? { ...p, price: p.price * 1.3 } : p));
    const r = alps(monthlyMeans(spiked), "2023-12");
    expect(r.eligible && r.month).toBe("2023-12");
    expect(r.eligible && r.phase).toBe("crisis");
    expect(r.eligible && r.fitMonths).toBe(47);
  });
});

describe("IPA", () => {
  it("needs two earlier years of the same month", () => {
    expect(ipa(monthlyMeans(dailySeries({ days: 700 })), "2021-11").eligible).toBe(false);
  });
  it("raises an alert on a sharp rise and nothing on a seasonal series", () => {
    const seasonal = dailySeries({ days: 365 * 5, seasonal: 0.2 });
    const calm = ipa(monthlyMeans(seasonal), "2024-12");
    expect(calm.eligible && calm.phase).toBe("normal");
    const noisy = dailySeries({ days: 365 * 5, seasonal: 0.2, noise: 0.04, seed: 9 });
    const rising = noisy.map((p) => (p.date >= "2024-10-01" ? { ...p, price: p.price * 1.4 } : p));
    const r = ipa(monthlyMeans(rising), "2024-12");
    expect(r.eligible && r.phase).toBe("alert");
  });
});

describe("daily indicators", () => {
  it("computes 7- and 28-day changes against the right base", () => {
    const d = [
      { date: "2024-01-01", price: 100 },
      { date: "2024-01-25", price: 102 },
      { date: "2024-02-01", price: 110 },
    ];
    const c7 = priceChange(d, 7);
    expect(c7.eligible && c7.from).toBe("2024-01-25");
    const c28 = priceChange(d, 28);
    expect(c28.eligible && c28.change).toBeCloseTo(0.1);
    expect(priceChange(d.slice(1), 28).eligible).toBe(false);
  });

  it("measures the gap to the ceiling or says none applies", () => {
    const g = referenceGap(18_400, {
      kind: "HAP",
      max: 10_000,
      min: 8_000,
      source: "x",
      effectiveFrom: "2022-12-28",
    });
    expect(g.eligible && g.gap).toBeCloseTo(0.84);
    expect(referenceGap(100, null).eligible).toBe(false);
  });

  it("needs the same weeks of an earlier year for a seasonal z-score", () => {
    const r = seasonalZ(dailySeries({ days: 300, noise: 0.1 }));
    expect(r.eligible).toBe(false);
  });

  it("maps provinces to HET zones", () => {
    expect(hetZoneOf("31.75")).toBe("I");
    expect(hetZoneOf("18")).toBe("I");
    expect(hetZoneOf("11")).toBe("II");
    expect(hetZoneOf("94")).toBe("III");
  });
});

describe("levels and reasons", () => {
  it("writes the reason in both languages with the numbers that raised it", () => {
    const daily = dailySeries({ days: 365 * 3, base: 30_000, noise: 0.05, seed: 5 });
    const last = daily[daily.length - 1] as DailyPoint;
    daily[daily.length - 1] = { ...last, price: 73_600 };
    const e = evaluateSeries(daily, {
      ...ctx(last.date),
      reference: {
        kind: "HAP",
        max: 40_000,
        min: 25_000,
        source: "Perbadan 11/2022",
        effectiveFrom: "2022-12-28",
      },
    });
    expect(e.level).toBe("krisis");
    expect(e.reason.en).toMatch(
      /^bird's eye chilli in Jakarta Timur is 84% above HAP, > 10 σ above its seasonal norm, rose 148% in 7 days and rose 149% in 28 days \(as of 2022-12-30\)$/,
    );
    expect(e.reason.id).toMatch(
      /^cabai rawit di Jakarta Timur 84% di atas HAP, > 10 σ di atas norma musimannya, naik 148% dalam 7 hari dan/,
    );
    // The month in progress is not scored by the monthly methods.
    expect(e.indicators.alps.eligible && e.indicators.alps.month).toBe("2022-11");
  });
});

describe("properties", () => {
  const years = fc.integer({ min: 3, max: 5 });
  it("a constant series raises nothing", () => {
    fc.assert(
      fc.property(years, fc.integer({ min: 1_000, max: 200_000 }), (y, base) => {
        const d = dailySeries({ days: 365 * y, base });
        const e = evaluateSeries(d, ctx((d[d.length - 1] as DailyPoint).date));
        expect(e.level).toBe("normal");
        expect(e.findings).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  // The 7/28-day change rule is deliberately not seasonal (Kemendag acts on any rice rise above 5%), so a
  // seasonal upswing may trip it; the anomaly methods must stay quiet.
  it("a purely seasonal series raises no anomaly", () => {
    fc.assert(
      fc.property(
        years,
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        fc.integer({ min: 0, max: 364 }),
        (y, amp, offset) => {
          const d = dailySeries({ days: 365 * y + offset, seasonal: amp, start: "2019-01-01" });
          const e = evaluateSeries(d, ctx((d[d.length - 1] as DailyPoint).date));
          const anomalies = e.findings.filter((f) => !f.indicator.startsWith("change_"));
          expect(anomalies).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("an injected spike is found", () => {
    fc.assert(
      fc.property(
        years,
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 1.3, max: 3, noNaN: true }),
        (y, seed, factor) => {
          const d = dailySeries({ days: 365 * y, seasonal: 0.1, noise: 0.06, seed });
          const last = d[d.length - 1] as DailyPoint;
          d[d.length - 1] = { ...last, price: last.price * factor };
          const e = evaluateSeries(d, ctx(last.date));
          expect(e.findings.map((f) => f.indicator)).toContain("seasonal_z");
          expect(e.level).not.toBe("normal");
        },
      ),
      { numRuns: 25 },
    );
  });

  it("shifting or scaling prices leaves the z-scores unchanged", () => {
    fc.assert(
      fc.property(
        years,
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        fc.double({ min: -5_000, max: 20_000, noNaN: true }),
        (y, seed, scale, shift) => {
          const d = dailySeries({ days: 365 * y + 40, seasonal: 0.1, noise: 0.5, seed });
          const today = (d[d.length - 1] as DailyPoint).date;
          const base = evaluateSeries(d, ctx(today)).indicators;
          for (const f of [(p: number) => p * scale, (p: number) => p + shift]) {
            const other = evaluateSeries(
              d.map((p) => ({ ...p, price: f(p.price) })),
              ctx(today),
            ).indicators;
            expect(other.seasonalZ.eligible && base.seasonalZ.eligible).toBe(true);
            if (other.seasonalZ.eligible && base.seasonalZ.eligible) {
              expect(other.seasonalZ.z).toBeCloseTo(base.seasonalZ.z, 6);
            }
            expect(other.alps.eligible && base.alps.eligible).toBe(true);
            if (other.alps.eligible && base.alps.eligible)
              expect(other.alps.score).toBeCloseTo(base.alps.score, 6);
          }
          const scaled = evaluateSeries(
            d.map((p) => ({ ...p, price: p.price * scale })),
            ctx(today),
          ).indicators.ipa;
          if (scaled.eligible && base.ipa.eligible) expect(scaled.ipa).toBeCloseTo(base.ipa.ipa, 6);
        },
      ),
      { numRuns: 20 },
    );
  });
});
