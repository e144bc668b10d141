import { defineErrors } from "../../http/errors";

/** Early warning: filters and subscriptions that name something Lumbung does not know. */
export const StabilityErrors = defineErrors({
  "stability.unknown_commodity": {
    status: 400,
    title: { id: "Komoditas tidak dikenal", en: "Unknown commodity" },
  },
  "stability.unknown_region": {
    status: 400,
    title: { id: "Wilayah tidak dikenal", en: "Unknown region" },
  },
  "stability.subscription_not_found": {
    status: 404,
    title: { id: "Langganan peringatan tidak ditemukan", en: "Alert subscription not found" },
  },
});
