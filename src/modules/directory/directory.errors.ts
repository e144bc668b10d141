import { defineErrors } from "../../http/errors";

/** Services registry: unknown entries and groups, slugs taken, addresses that do not suit the kind. */
export const DirectoryErrors = defineErrors({
  "directory.not_found": {
    status: 404,
    title: { id: "Layanan tidak ditemukan", en: "Service not found" },
  },
  "directory.unknown_group": {
    status: 400,
    title: { id: "Kelompok layanan tidak dikenal", en: "Unknown service group" },
  },
  "directory.slug_taken": {
    status: 409,
    title: { id: "Slug layanan sudah dipakai", en: "The service slug is taken" },
  },
  "directory.invalid_url": {
    status: 400,
    title: { id: "Alamat layanan tidak valid", en: "Invalid service address" },
  },
  "directory.admin_only": {
    status: 403,
    title: {
      id: "Hanya admin yang dapat melihat layanan nonaktif",
      en: "Only administrators can see inactive services",
    },
  },
});
