import { defineErrors } from "../../http/errors";

/** Price observations: well-formed requests naming something the observatory cannot accept. */
export const PriceErrors = defineErrors({
  "prices.invalid_rows": {
    status: 422,
    title: {
      id: "Sebagian baris harga tidak dapat dibaca atau dipetakan",
      en: "Some price rows cannot be read or mapped",
    },
  },
  "prices.unknown_market": { status: 400, title: { id: "Pasar tidak dikenal", en: "Unknown market" } },
  "prices.unknown_commodity": {
    status: 400,
    title: { id: "Komoditas tidak dikenal", en: "Unknown commodity" },
  },
  "prices.unknown_region": { status: 400, title: { id: "Wilayah tidak dikenal", en: "Unknown region" } },
  "prices.invalid_range": {
    status: 400,
    title: { id: "Rentang tanggal tidak valid", en: "Invalid date range" },
  },
  "prices.observation_not_found": {
    status: 404,
    title: { id: "Observasi harga tidak ditemukan", en: "Price observation not found" },
  },
  "prices.not_held": {
    status: 409,
    title: {
      id: "Observasi ini tidak sedang ditahan untuk ditinjau",
      en: "This observation is not held for review",
    },
  },
});
