import { describe, expect, it } from "vitest";
import {
  boxAround,
  duplicateCandidates,
  haversineM,
  inIndonesia,
  LAMPUNG_SEATS,
  nearestRegency,
} from "./geo";

const now = new Date("2026-03-01T00:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe("lapor geo", () => {
  it("haversine: Bandar Lampung to Metro is about 40 km", () => {
    const bl = { latitude: -5.4292, longitude: 105.261 };
    const metro = { latitude: -5.1131, longitude: 105.3067 };
    expect(haversineM(bl, metro) / 1000).toBeGreaterThan(34);
    expect(haversineM(bl, metro) / 1000).toBeLessThan(38);
    expect(haversineM(bl, bl)).toBe(0);
    // 0.001° of latitude ≈ 111 m
    expect(Math.round(haversineM(bl, { latitude: -5.4282, longitude: 105.261 }))).toBe(111);
  });

  it("knows the 15 Lampung seats and their codes", () => {
    expect(LAMPUNG_SEATS).toHaveLength(15);
    expect(new Set(LAMPUNG_SEATS.map((s) => s.code)).size).toBe(15);
    for (const s of LAMPUNG_SEATS) expect(s.code).toMatch(/^18\.(0[1-9]|1[0-3]|7[12])$/);
  });

  it("locates the nearest regency seat, null outside Lampung", () => {
    expect(nearestRegency({ latitude: -5.42, longitude: 105.25 }).regency?.code).toBe("18.71");
    expect(nearestRegency({ latitude: -5.74, longitude: 105.6 }).regency?.code).toBe("18.01");
    const jakarta = nearestRegency({ latitude: -6.2, longitude: 106.85 });
    expect(jakarta.regency).toBeNull();
    expect(jakarta.distanceKm).toBeGreaterThan(60);
  });

  it("Indonesia bbox", () => {
    expect(inIndonesia({ latitude: -5.4, longitude: 105.26 })).toBe(true);
    expect(inIndonesia({ latitude: 5.9, longitude: 95.3 })).toBe(true); // Sabang
    expect(inIndonesia({ latitude: -8.5, longitude: 140.4 })).toBe(true); // Merauke
    expect(inIndonesia({ latitude: 1.35, longitude: 103.82 })).toBe(true); // bbox only: Singapore is inside
    expect(inIndonesia({ latitude: 51.5, longitude: -0.1 })).toBe(false);
    expect(inIndonesia({ latitude: -20, longitude: 120 })).toBe(false);
  });

  it("duplicate candidates: same category, open, within radius and window, nearest first", () => {
    const at = { latitude: -5.4292, longitude: 105.261, categoryCode: "jalan-rusak" };
    const base = {
      categoryCode: "jalan-rusak",
      state: "menunggu",
      mergedIntoId: null,
      createdAt: hoursAgo(1),
    };
    const c = [
      { ...base, id: "near", latitude: -5.4296, longitude: 105.261 }, // ≈ 44 m
      { ...base, id: "nearer", latitude: -5.4293, longitude: 105.261 }, // ≈ 11 m
      { ...base, id: "far", latitude: -5.44, longitude: 105.261 }, // ≈ 1.2 km
      { ...base, id: "other", categoryCode: "sampah", latitude: -5.4292, longitude: 105.261 },
      { ...base, id: "closed", state: "selesai", latitude: -5.4292, longitude: 105.261 },
      { ...base, id: "merged", mergedIntoId: "x", latitude: -5.4292, longitude: 105.261 },
      { ...base, id: "old", createdAt: hoursAgo(100), latitude: -5.4292, longitude: 105.261 },
    ];
    const found = duplicateCandidates(at, c, { radiusM: 100, windowHours: 72 }, now);
    expect(found.map((f) => f.id)).toEqual(["nearer", "near"]);
    expect(found[0]?.distanceM).toBe(11);
  });

  it("boxAround contains the radius", () => {
    const p = { latitude: -5.4, longitude: 105.2 };
    const b = boxAround(p, 200);
    expect(haversineM(p, { latitude: b.maxLat, longitude: p.longitude })).toBeGreaterThanOrEqual(199);
    expect(haversineM(p, { latitude: p.latitude, longitude: b.maxLng })).toBeGreaterThanOrEqual(199);
  });
});
