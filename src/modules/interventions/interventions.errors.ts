import { defineErrors } from "../../http/errors";

/** Recommendations and the intervention ledger. */
export const InterventionsErrors = defineErrors({
  "interventions.not_found": {
    status: 404,
    title: {
      id: "Rekomendasi atau intervensi tidak ditemukan",
      en: "Recommendation or intervention not found",
    },
  },
  "interventions.not_open": {
    status: 409,
    title: { id: "Rekomendasi ini sudah diputuskan", en: "This recommendation has already been decided" },
  },
  "interventions.stale": {
    status: 409,
    title: {
      id: "Stok berubah sejak rekomendasi dibuat; perbarui rekomendasi",
      en: "Stock changed since the recommendation was made; refresh it",
    },
  },
  "interventions.not_yours": {
    status: 403,
    title: {
      id: "Hanya Dinas atau BUMD yang memegang atau menerima barang ini yang dapat memutuskan",
      en: "Only the Dinas or a BUMD that holds or receives these goods can decide",
    },
  },
  "interventions.cannot_create": {
    status: 409,
    title: {
      id: "Pengiriman untuk intervensi ini tidak dapat dibuat",
      en: "The shipments for this intervention could not be created",
    },
  },
  "interventions.invalid": {
    status: 400,
    title: { id: "Data yang dikirim tidak valid", en: "The request is not valid" },
  },
});
