/**
 * Rice HET zones by province (Perbadan 7/2023, kept by 5/2024 and Kepbadan 299/2025):
 * I Jawa, Lampung, Sumatera Selatan, Bali, NTB, Sulawesi; III Maluku and Papua; II everywhere else
 * (the rest of Sumatera, NTT, Kalimantan).
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
const ZONE_III = new Set(["81", "82", "91", "92", "93", "94", "95", "96"]);

export function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2);
}

export function hetZoneOf(regionCode: string): "I" | "II" | "III" {
  const p = provinceOf(regionCode);
  if (ZONE_I.has(p)) return "I";
  if (ZONE_III.has(p)) return "III";
  return "II";
}

/** Which side of the market a reference price speaks to: consumer references for retail, producer for farm gates. */
export function referenceLevelFor(
  level: "producer" | "wholesale" | "retail",
): "consumer" | "producer" | null {
  if (level === "retail") return "consumer";
  if (level === "producer") return "producer";
  return null;
}
