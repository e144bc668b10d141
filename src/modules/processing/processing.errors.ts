import { defineErrors } from "../../http/errors";

/**
 * Processing (hilirisasi). A yield outside its range is never an error: the run is stored and
 * flagged. These codes are for requests Lumbung cannot record at all.
 */
export const ProcessingErrors = defineErrors({
  "processing.invalid_run": {
    status: 400,
    title: { id: "Data produksi tidak dapat diterima", en: "The production run cannot be accepted" },
  },
  "processing.organisation_required": {
    status: 400,
    title: { id: "Sebutkan organisasi pengolah", en: "Name the processing organisation" },
  },
  "processing.not_a_processor": {
    status: 400,
    title: {
      id: "Hanya organisasi pengolah yang dapat mencatat produksi",
      en: "Only a processing organisation can record production",
    },
  },
  "processing.invalid_range": {
    status: 400,
    title: { id: "Rentang rendemen tidak valid", en: "The yield range is not valid" },
  },
  "processing.process_not_found": {
    status: 404,
    title: { id: "Proses pengolahan tidak ditemukan", en: "Processing step not found" },
  },
  "processing.run_not_found": {
    status: 404,
    title: { id: "Catatan produksi tidak ditemukan", en: "Production run not found" },
  },
});
