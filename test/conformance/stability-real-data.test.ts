import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getProvinces } from "idn-area-data";
import { beforeAll, describe, expect, it } from "vitest";
import { hetZoneOf as hetZone } from "../../src/modules/reference";
import { REFERENCE_PRICES } from "../../src/modules/reference/reference.data";
import { parsePanelHargaCsv, seriesByProvince } from "../../src/modules/stability/domain/csv";
import { priceChange, seasonalZ } from "../../src/modules/stability/domain/daily";
import { type Evaluation, evaluateSeries } from "../../src/modules/stability/domain/evaluate";
import { ceilingFor } from "../../src/modules/stability/domain/reference";
import type { DailyPoint } from "../../src/modules/stability/domain/types";

/**
 * Badan Pangan's daily premium-rice panel, 19 May 2022 – 16 May 2023, read in place. Each assertion is a fact
 * of this data that the early-warning engine must reproduce (figures checked against the CSV by hand):
 * - 38 provinces; the four Papua provinces created in 2022 have no price at all.
 * - One year of data: ALPS (3 years) and the IPA (same month in 2 earlier years) must say "too short".
 * - Rice rose through Dec 2022 – Mar 2023 (Jakarta Rp12,067 in early December, Rp12,933 on 3 January): 21 provinces had a 28-day rise above 5% in that stretch, while
 *   the calm mid-2022 stretch (16 Jun – 15 Aug 2022) had none.
 * - By 16 May 2023 premium rice was dearer than in May 2022 almost everywhere (Riau the exception).
 * - Every zone I province was at or under the premium HET of Rp13,900 (Perbadan 7/2023) on 16 May 2023.
 */
const CSV = join(__dirname, "../../../shared/data/prices/beras-premium-harian-2022-2023.csv");
const LAST_DAY = "2023-05-16";
const NEW_PAPUA = ["Papua Tengah", "Papua Barat Daya", "Papua Selatan", "Papua Pegunungan"];

let series: Map<string, DailyPoint[]>;
let codeOf: (name: string) => string;
const evaluations = new Map<string, Evaluation>();

function evaluateAt(province: string, day: string): Evaluation {
  const daily = (series.get(province) ?? []).filter((p) => p.date <= day);
  const regionCode = codeOf(province);
  return evaluateSeries(daily, {
    commodityCode: "beras-premium",
    commodityName: { id: "beras premium", en: "premium rice" },
    placeName: province,
    today: day,
    reference: ceilingFor(REFERENCE_PRICES, {
      commodityCode: "beras-premium",
      regionCode,
      level: "retail",
      day,
    }),
  });
}

/** Provinces with a rise above `threshold` over `days` on some day in [from, to]. */
function risingProvinces(from: string, to: string, days: number, threshold: number): Set<string> {
  const out = new Set<string>();
  for (const [province, daily] of series) {
    for (const p of daily) {
      if (p.date < from || p.date > to) continue;
      const c = priceChange(daily, days, p.date);
      if (c.eligible && c.change > threshold) out.add(province);
    }
  }
  return out;
}

beforeAll(async () => {
  const rows = parsePanelHargaCsv(readFileSync(CSV, "utf8"));
  series = seriesByProvince(rows);
  const official = await getProvinces();
  const normalise = (n: string) =>
    n
      .toUpperCase()
      .replace(/^D\.I\.? /, "DAERAH ISTIMEWA ")
      .replace(/^DKI /, "DAERAH KHUSUS IBUKOTA ");
  const byName = new Map(official.map((p) => [normalise(p.name), p.code]));
  codeOf = (name) => {
    const code = byName.get(normalise(name));
    if (!code) throw new Error(`No Kemendagri code for ${name}`);
    return code;
  };
  for (const province of series.keys()) evaluations.set(province, evaluateAt(province, LAST_DAY));
});

describe("premium rice panel 2022–2023 (real data)", () => {
  it("has 38 provinces, four of them without any price", () => {
    expect(series.size).toBe(38);
    const empty = [...series].filter(([, d]) => d.length === 0).map(([p]) => p);
    expect(empty.sort()).toEqual([...NEW_PAPUA].sort());
    for (const province of series.keys()) expect(() => codeOf(province)).not.toThrow();
  });

  it("gives every series a number or a stated reason for every indicator", () => {
    for (const [province, e] of evaluations) {
      for (const [name, r] of Object.entries(e.indicators)) {
        if (r.eligible) continue;
        expect(r.reason.id, `${province} ${name}`).not.toBe("");
        expect(r.reason.en, `${province} ${name}`).not.toBe("");
      }
      expect(e.reason.en).toContain(province);
      if (NEW_PAPUA.includes(province)) {
        expect(e.level).toBe("normal");
        expect(e.asOf).toBeNull();
        expect(e.indicators.seasonalZ.eligible).toBe(false);
      }
    }
  });

  it("says ALPS and the IPA are too short for one year of data", () => {
    for (const [province, e] of evaluations) {
      if (NEW_PAPUA.includes(province)) continue;
      const { alps, ipa } = e.indicators;
      expect(alps.eligible).toBe(false);
      if (!alps.eligible) expect(alps.reason.en).toMatch(/Series too short: 13 months/);
      expect(ipa.eligible).toBe(false);
      if (!ipa.eligible) expect(ipa.reason.en).toMatch(/too short for the IPA/);
    }
  });

  it("computes finite seasonal z-scores wherever an earlier year covers the same weeks", () => {
    let eligibleDays = 0;
    for (const [, daily] of series) {
      for (const p of daily) {
        const z = seasonalZ(daily, p.date);
        if (!z.eligible) continue;
        eligibleDays += 1;
        expect(Number.isFinite(z.z)).toBe(true);
        // The panel begins 19 May 2022: only the last fortnight of data can reach back a year.
        expect(p.date >= "2023-05-01").toBe(true);
      }
    }
    expect(eligibleDays).toBeGreaterThan(60);
  });

  it("finds rice dearer in May 2023 than in May 2022 almost everywhere", () => {
    const priced = [...evaluations].filter(([p]) => !NEW_PAPUA.includes(p));
    const zs = priced.map(([p, e]) => [p, e.indicators.seasonalZ] as const);
    const above = zs.filter(([, z]) => z.eligible && z.z >= 2).map(([p]) => p);
    expect(above.length).toBeGreaterThanOrEqual(30);
    const riau = evaluations.get("Riau")?.indicators.seasonalZ;
    expect(riau?.eligible && riau.z).toBeLessThan(0);
    const lampung = evaluations.get("Lampung");
    expect(lampung?.findings.map((f) => f.indicator)).toContain("seasonal_z");
    expect(lampung?.reason.en).toMatch(/^premium rice in Lampung is [\d.]+ σ above its seasonal norm/);
  });

  it("flags the Dec 2022 – Mar 2023 rise by the 5% 28-day rule and leaves mid-2022 calm", () => {
    const rising = risingProvinces("2022-12-01", "2023-03-15", 28, 0.05);
    expect(rising.size).toBeGreaterThanOrEqual(18);
    expect(rising.has("DKI Jakarta")).toBe(true);
    expect(risingProvinces("2022-06-16", "2022-08-15", 28, 0.05).size).toBe(0);
    // A fast rise (7 days) is rarer than a sustained one.
    expect(risingProvinces("2022-12-01", "2023-03-15", 7, 0.05).size).toBeLessThan(rising.size);
  });

  it("raises the rise to an alert level at the time it happened", () => {
    const jakarta = evaluateAt("DKI Jakarta", "2023-01-03");
    expect(jakarta.level).not.toBe("normal");
    expect(jakarta.findings.map((f) => f.indicator)).toContain("change_28d");
    expect(evaluateAt("DKI Jakarta", "2022-07-15").level).toBe("normal");
  });

  it("holds zone I provinces to the premium HET from 31 March 2023 and says when none applies", () => {
    for (const [province, e] of evaluations) {
      if (NEW_PAPUA.includes(province)) continue;
      const gap = e.indicators.referenceGap;
      if (hetZone(codeOf(province)) === "I") {
        expect(gap.eligible && gap.ceiling, province).toBe(13_900);
        expect(gap.eligible && gap.gap, province).toBeLessThanOrEqual(0);
      } else {
        expect(gap.eligible, province).toBe(false);
        if (!gap.eligible) expect(gap.reason.en).toMatch(/No HET\/HAP applies/);
      }
    }
    const before = evaluateAt("Lampung", "2023-03-30").indicators.referenceGap;
    expect(before.eligible).toBe(false);
  });
});
