import { defineErrors } from "../../http/errors";

/** Cold chain. An excursion is never an error: the reading is stored and the excursion recorded. */
export const ColdchainErrors = defineErrors({
  "coldchain.invalid_readings": {
    status: 400,
    title: { id: "Data pembacaan sensor tidak dapat diterima", en: "The sensor readings cannot be accepted" },
  },
  "coldchain.invalid_threshold": {
    status: 400,
    title: { id: "Ambang batas tidak valid", en: "The threshold is not valid" },
  },
  "coldchain.unknown_commodity": {
    status: 404,
    title: { id: "Komoditas tidak ditemukan", en: "Commodity not found" },
  },
  "coldchain.capture_unavailable": {
    status: 503,
    title: {
      id: "Pencatatan pembacaan sensor belum tersambung",
      en: "Recording sensor readings is not connected",
    },
  },
});
