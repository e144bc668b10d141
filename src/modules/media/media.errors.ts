import { defineErrors } from "../../http/errors";

/** Uploaded images that cannot be kept. */
export const MediaErrors = defineErrors({
  "media.unsupported_type": {
    status: 415,
    title: {
      id: "Jenis berkas tidak didukung: kirim JPEG, PNG atau WebP",
      en: "Unsupported file type: send JPEG, PNG or WebP",
    },
  },
  "media.too_large": {
    status: 413,
    title: { id: "Berkas terlalu besar (maksimal 5 MB)", en: "File too large (at most 5 MB)" },
  },
  "media.unreadable": {
    status: 400,
    title: { id: "Gambar tidak dapat dibaca", en: "The image cannot be read" },
  },
});
