import { defineErrors } from "../../http/errors";

/** News: articles that do not exist for the caller, images without alt text, edits in the wrong state. */
export const NewsErrors = defineErrors({
  "news.not_found": {
    status: 404,
    title: { id: "Berita tidak ditemukan", en: "Article not found" },
  },
  "news.image_not_found": {
    status: 404,
    title: { id: "Gambar tidak ditemukan", en: "Image not found" },
  },
  "news.image_alt_required": {
    status: 400,
    title: { id: "Teks alternatif gambar wajib diisi", en: "The image needs alternative text" },
  },
  "news.invalid_image": {
    status: 400,
    title: { id: "Gambar tidak dapat dipakai", en: "The image cannot be used" },
  },
  "news.unknown_regency": {
    status: 400,
    title: { id: "Kabupaten/kota bukan wilayah Lampung", en: "Not a regency of Lampung" },
  },
  "news.organisation_required": {
    status: 400,
    title: {
      id: "Pilih organisasi penerbit berita",
      en: "Choose the organisation that publishes the article",
    },
  },
  "news.not_an_author": {
    status: 403,
    title: {
      id: "Hanya anggota dinas atau admin yang dapat menulis berita",
      en: "Only agency members or administrators can write news",
    },
  },
  "news.invalid_state": {
    status: 409,
    title: {
      id: "Tindakan tidak dapat dilakukan pada status ini",
      en: "Not possible in the article's status",
    },
  },
});
