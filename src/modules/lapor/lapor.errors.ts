import { defineErrors } from "../../http/errors";

/** Citizen reports (Lapor): what a caller can get wrong, in both languages. */
export const LaporErrors = defineErrors({
  "lapor.not_found": { status: 404, title: { id: "Laporan tidak ditemukan", en: "Report not found" } },
  "lapor.photo_not_found": { status: 404, title: { id: "Foto tidak ditemukan", en: "Photo not found" } },
  "lapor.forbidden": {
    status: 403,
    title: { id: "Anda tidak berhak melakukan tindakan ini", en: "You may not take this action" },
  },
  "lapor.invalid_transition": {
    status: 409,
    title: {
      id: "Tindakan ini tidak dapat dilakukan pada status laporan sekarang",
      en: "This action is not possible in the report's current state",
    },
  },
  "lapor.note_required": { status: 400, title: { id: "Catatan wajib diisi", en: "A note is required" } },
  "lapor.photo_required": {
    status: 422,
    title: { id: "Foto wajib dilampirkan", en: "A photo is required" },
  },
  "lapor.invalid_photo": {
    status: 400,
    title: {
      id: "Foto tidak dapat dipakai untuk laporan ini",
      en: "The photo cannot be used for this report",
    },
  },
  "lapor.too_many_photos": {
    status: 400,
    title: { id: "Paling banyak 3 foto", en: "At most 3 photos" },
  },
  "lapor.unknown_category": {
    status: 400,
    title: { id: "Kategori laporan tidak dikenal", en: "Unknown report category" },
  },
  "lapor.category_not_found": {
    status: 404,
    title: { id: "Kategori laporan tidak ditemukan", en: "Report category not found" },
  },
  "lapor.category_exists": {
    status: 409,
    title: { id: "Kode kategori sudah dipakai", en: "The category code is already in use" },
  },
  "lapor.unknown_agency": {
    status: 400,
    title: { id: "Instansi tidak dikenal", en: "Unknown agency" },
  },
  "lapor.invalid_target_agency": {
    status: 400,
    title: {
      id: "Laporan tidak dapat didisposisikan ke instansi itu",
      en: "The report cannot be disposed to that agency",
    },
  },
  "lapor.invalid_assignee": {
    status: 400,
    title: { id: "Petugas bukan anggota instansi ini", en: "The assignee is not a member of this agency" },
  },
  "lapor.invalid_region": {
    status: 400,
    title: { id: "Kode wilayah tidak valid", en: "Invalid region code" },
  },
  "lapor.invalid_location": {
    status: 400,
    title: { id: "Lokasi di luar wilayah Indonesia", en: "The location is outside Indonesia" },
  },
  "lapor.invalid_attributes": {
    status: 400,
    title: { id: "Isian tambahan tidak valid", en: "Invalid additional answers" },
  },
  "lapor.reopen_window_closed": {
    status: 409,
    title: {
      id: "Batas waktu untuk membuka kembali laporan sudah lewat",
      en: "The time to reopen the report has passed",
    },
  },
  "lapor.already_rated": {
    status: 409,
    title: { id: "Laporan ini sudah dinilai", en: "The report has already been rated" },
  },
  "lapor.rating_required": {
    status: 400,
    title: { id: "Nilai 1–5 wajib diisi", en: "A rating from 1 to 5 is required" },
  },
  "lapor.own_report": {
    status: 409,
    title: { id: "Anda pelapor laporan ini", en: "You filed this report yourself" },
  },
  "lapor.invalid_merge": {
    status: 409,
    title: { id: "Laporan tidak dapat digabungkan", en: "The reports cannot be merged" },
  },
  "lapor.not_agency_staff": {
    status: 403,
    title: { id: "Anda bukan petugas instansi Lapor", en: "You are not staff of a Lapor agency" },
  },
});
