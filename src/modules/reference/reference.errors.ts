import { defineErrors } from "../../http/errors";

export const ReferenceErrors = defineErrors({
  "reference.unknown_region": {
    status: 404,
    title: { id: "Kode wilayah tidak dikenal", en: "Unknown region code" },
  },
  "reference.unknown_commodity": {
    status: 404,
    title: { id: "Komoditas tidak dikenal", en: "Unknown commodity" },
  },
  "reference.unknown_site": {
    status: 404,
    title: { id: "Lokasi tidak dikenal", en: "Unknown site" },
  },
  "reference.price_exists": {
    status: 409,
    title: { id: "Harga acuan untuk tanggal itu sudah ada", en: "That reference price already exists" },
  },
});
