/**
 * Rice HET zones by province (Perbadan 7/2023, kept by 5/2024 and Kepbadan 299/2025): zone I Jawa,
 * Lampung, Sumatera Selatan, Bali, NTB and Sulawesi; zone III Maluku and Papua (the 2022 Papua
 * provinces included); zone II everywhere else (the rest of Sumatera, NTT, Kalimantan). Keyed by the
 * two-digit province code that starts every Kemendagri region code.
 */
const ZONE_I = new Set([
  "16",
  "18",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "51",
  "52",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
]);
const ZONE_III = new Set(["81", "82", "91", "92", "93", "94", "95", "96", "97"]);

export function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2);
}

export function hetZoneOf(regionCode: string): "I" | "II" | "III" {
  const p = provinceOf(regionCode);
  if (ZONE_I.has(p)) return "I";
  if (ZONE_III.has(p)) return "III";
  return "II";
}
