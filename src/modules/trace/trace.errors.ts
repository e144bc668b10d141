import { defineErrors } from "../../http/errors";

export const TraceErrors = defineErrors({
  "trace.unknown_epc": {
    status: 404,
    title: { id: "Kode ini belum tercatat di Lumbung", en: "No event names this identifier" },
  },
  "trace.bad_identifier": {
    status: 400,
    title: { id: "Kode tidak dikenali", en: "Not an EPC or GS1 Digital Link URI" },
  },
});
