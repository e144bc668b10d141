import { defineErrors } from "../../http/errors";

/** Supply position and plans: requests naming what Lumbung does not know, or figures out of range. */
export const SupplyErrors = defineErrors({
  "supply.unknown_commodity": {
    status: 400,
    title: { id: "Komoditas tidak dikenal", en: "Unknown commodity" },
  },
  "supply.unknown_region": {
    status: 400,
    title: { id: "Wilayah tidak dikenal", en: "Unknown region" },
  },
  "supply.not_a_province": {
    status: 400,
    title: {
      id: "Posisi pasokan dihitung per provinsi: gunakan kode provinsi",
      en: "Supply positions are per province: use a province code",
    },
  },
  "supply.invalid_report": {
    status: 400,
    title: { id: "Laporan stok tidak valid", en: "Invalid stock report" },
  },
  "supply.no_organisation": {
    status: 403,
    title: {
      id: "Laporan stok dibuat atas nama organisasi Anda; akun ini tidak memiliki organisasi",
      en: "Stock is reported for your organisation; this account has none",
    },
  },
});
