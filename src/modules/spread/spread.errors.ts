import { defineErrors } from "../../http/errors";

/** Corridor spread: freight routes that do not exist, dates that make no sense. */
export const SpreadErrors = defineErrors({
  "spread.unknown_route": {
    status: 404,
    title: { id: "Rute angkutan tidak ditemukan", en: "Freight route not found" },
  },
  "spread.invalid_date": {
    status: 400,
    title: { id: "Tanggal tidak valid", en: "Invalid date" },
  },
});
