/** Lampung's regencies and cities (Kemendagri codes), the targets an article may have. */
export const LAMPUNG_REGENCIES: readonly { code: string; name: string }[] = [
  { code: "18.01", name: "Kabupaten Lampung Selatan" },
  { code: "18.02", name: "Kabupaten Lampung Tengah" },
  { code: "18.03", name: "Kabupaten Lampung Utara" },
  { code: "18.04", name: "Kabupaten Lampung Barat" },
  { code: "18.05", name: "Kabupaten Tulang Bawang" },
  { code: "18.06", name: "Kabupaten Tanggamus" },
  { code: "18.07", name: "Kabupaten Lampung Timur" },
  { code: "18.08", name: "Kabupaten Way Kanan" },
  { code: "18.09", name: "Kabupaten Pesawaran" },
  { code: "18.10", name: "Kabupaten Pringsewu" },
  { code: "18.11", name: "Kabupaten Mesuji" },
  { code: "18.12", name: "Kabupaten Tulang Bawang Barat" },
  { code: "18.13", name: "Kabupaten Pesisir Barat" },
  { code: "18.71", name: "Kota Bandar Lampung" },
  { code: "18.72", name: "Kota Metro" },
];

const CODES = new Set(LAMPUNG_REGENCIES.map((r) => r.code));

export function isLampungRegency(code: string): boolean {
  return CODES.has(code);
}
