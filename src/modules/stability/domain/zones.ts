/**
 * Rice HET zones (Perbadan 7/2023): zone I Java, Lampung, Sumatera Selatan, Bali, NTB and Sulawesi; zone III
 * Maluku and Papua; zone II the rest of Sumatra, NTT and Kalimantan. Keyed by the two-digit province code
 * that starts every Kemendagri region code.
 */
const ZONE_I = [
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "18",
  "16",
  "51",
  "52",
  "71",
  "72",
  "73",
  "74",
  "75",
  "76",
];
const ZONE_III = ["81", "82", "91", "92", "93", "94", "95", "96", "97"];

export function hetZone(regionCode: string): "I" | "II" | "III" {
  const province = regionCode.slice(0, 2);
  if (ZONE_I.includes(province)) return "I";
  if (ZONE_III.includes(province)) return "III";
  return "II";
}
