import { defineErrors } from "../../http/errors";

/** Errors of the Open311 key administration (the GeoReport endpoints answer in the spec's own shape). */
export const Open311Errors = defineErrors({
  "open311.key_not_found": {
    status: 404,
    title: { id: "Kunci API Open311 tidak ditemukan", en: "Open311 API key not found" },
  },
  "open311.invalid_api_key": {
    status: 403,
    title: {
      id: "api_key tidak ada, tidak dikenal, atau sudah dicabut",
      en: "Missing, unknown or revoked api_key",
    },
  },
  "open311.unknown_service": {
    status: 404,
    title: { id: "service_code tidak dikenal", en: "Unknown service_code" },
  },
  "open311.unknown_request": {
    status: 404,
    title: { id: "Laporan tidak ditemukan", en: "Service request not found" },
  },
});
