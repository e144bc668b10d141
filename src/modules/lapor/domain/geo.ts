/** Distances, duplicates and the nearest Lampung regency seat. Pure. */

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (haversine). */
export function haversineM(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Indonesia's bounding box (Sabang/Rote to Merauke, Miangas), generous by a few tenths of a degree. */
export const INDONESIA_BBOX = { minLat: -11.2, maxLat: 6.2, minLng: 94.7, maxLng: 141.2 } as const;

export function inIndonesia(p: Point): boolean {
  return (
    p.latitude >= INDONESIA_BBOX.minLat &&
    p.latitude <= INDONESIA_BBOX.maxLat &&
    p.longitude >= INDONESIA_BBOX.minLng &&
    p.longitude <= INDONESIA_BBOX.maxLng
  );
}

/**
 * The seats (ibu kota) of Lampung's 13 regencies and 2 cities with their Kemendagri codes.
 * Approximate seat coordinates (town centres, to ~1 km), enough to suggest a regency, never to decide one.
 */
export const LAMPUNG_SEATS: readonly {
  code: string;
  name: string;
  seat: string;
  latitude: number;
  longitude: number;
}[] = [
  {
    code: "18.01",
    name: "Kabupaten Lampung Selatan",
    seat: "Kalianda",
    latitude: -5.7367,
    longitude: 105.5914,
  },
  {
    code: "18.02",
    name: "Kabupaten Lampung Tengah",
    seat: "Gunung Sugih",
    latitude: -4.9727,
    longitude: 105.2503,
  },
  {
    code: "18.03",
    name: "Kabupaten Lampung Utara",
    seat: "Kotabumi",
    latitude: -4.8333,
    longitude: 104.8833,
  },
  { code: "18.04", name: "Kabupaten Lampung Barat", seat: "Liwa", latitude: -5.0333, longitude: 104.0667 },
  {
    code: "18.05",
    name: "Kabupaten Tulang Bawang",
    seat: "Menggala",
    latitude: -4.4744,
    longitude: 105.2433,
  },
  { code: "18.06", name: "Kabupaten Tanggamus", seat: "Kota Agung", latitude: -5.4967, longitude: 104.6258 },
  { code: "18.07", name: "Kabupaten Lampung Timur", seat: "Sukadana", latitude: -5.0667, longitude: 105.55 },
  {
    code: "18.08",
    name: "Kabupaten Way Kanan",
    seat: "Blambangan Umpu",
    latitude: -4.4667,
    longitude: 104.55,
  },
  {
    code: "18.09",
    name: "Kabupaten Pesawaran",
    seat: "Gedong Tataan",
    latitude: -5.3889,
    longitude: 105.0842,
  },
  { code: "18.10", name: "Kabupaten Pringsewu", seat: "Pringsewu", latitude: -5.3571, longitude: 104.9747 },
  { code: "18.11", name: "Kabupaten Mesuji", seat: "Mesuji", latitude: -4.0167, longitude: 105.4 },
  {
    code: "18.12",
    name: "Kabupaten Tulang Bawang Barat",
    seat: "Panaragan",
    latitude: -4.5333,
    longitude: 105.0833,
  },
  { code: "18.13", name: "Kabupaten Pesisir Barat", seat: "Krui", latitude: -5.1905, longitude: 103.933 },
  {
    code: "18.71",
    name: "Kota Bandar Lampung",
    seat: "Bandar Lampung",
    latitude: -5.4292,
    longitude: 105.261,
  },
  { code: "18.72", name: "Kota Metro", seat: "Metro", latitude: -5.1131, longitude: 105.3067 },
];

/** Beyond this from every seat the point is taken to be outside Lampung. */
export const LOCATE_MAX_KM = 60;

/** The nearest Lampung regency seat; regency null when it is more than 60 km away from all of them. */
export function nearestRegency(p: Point): {
  regency: { code: string; name: string } | null;
  distanceKm: number;
} {
  let best = LAMPUNG_SEATS[0];
  let bestM = Number.POSITIVE_INFINITY;
  for (const s of LAMPUNG_SEATS) {
    const d = haversineM(p, s);
    if (d < bestM) {
      bestM = d;
      best = s;
    }
  }
  const distanceKm = Math.round(bestM / 100) / 10;
  if (!best || distanceKm > LOCATE_MAX_KM) return { regency: null, distanceKm };
  return { regency: { code: best.code, name: best.name }, distanceKm };
}

export interface DuplicateCandidate extends Point {
  id: string;
  categoryCode: string;
  state: string;
  createdAt: Date;
  mergedIntoId: string | null;
}

const OPEN = new Set([
  "menunggu",
  "koordinasi",
  "disposisi",
  "proses",
  "dibuka_kembali",
  "menunggu_validasi",
]);

/**
 * Possible duplicates of a new report: same category, still open, not merged, filed within the category's
 * window before `now` and within its radius. Nearest first, with the distance in whole metres.
 */
export function duplicateCandidates<T extends DuplicateCandidate>(
  at: Point & { categoryCode: string },
  candidates: readonly T[],
  rule: { radiusM: number; windowHours: number },
  now: Date,
): (T & { distanceM: number })[] {
  const since = now.getTime() - rule.windowHours * 3_600_000;
  return candidates
    .filter(
      (c) =>
        c.categoryCode === at.categoryCode &&
        OPEN.has(c.state) &&
        c.mergedIntoId === null &&
        c.createdAt.getTime() >= since,
    )
    .map((c) => ({ ...c, distanceM: Math.round(haversineM(at, c)) }))
    .filter((c) => c.distanceM <= rule.radiusM)
    .sort((a, b) => a.distanceM - b.distanceM);
}

/** A lat/lng box around `p` of at least `metres` each way, for a coarse SQL pre-filter. */
export function boxAround(p: Point, metres: number) {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.max(0.01, Math.cos(rad(p.latitude))));
  return {
    minLat: p.latitude - dLat,
    maxLat: p.latitude + dLat,
    minLng: p.longitude - dLng,
    maxLng: p.longitude + dLng,
  };
}
