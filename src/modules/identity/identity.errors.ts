import { defineErrors } from "../../http/errors";

export const IdentityErrors = defineErrors({
  "auth.invalid_credentials": {
    status: 401,
    title: { id: "Email/nomor HP atau kata sandi salah", en: "Wrong email/phone or password" },
  },
  "auth.invalid_client": {
    status: 401,
    title: {
      id: "Klien mitra tidak dikenal atau rahasia salah",
      en: "Unknown partner client or wrong secret",
    },
  },
  "auth.unsupported_grant_type": {
    status: 400,
    title: { id: "Jenis grant tidak didukung", en: "Unsupported grant type" },
  },
  "auth.invalid_scope": { status: 400, title: { id: "Scope tidak diizinkan", en: "Scope not allowed" } },
  "identity.prefix_overlaps_platform": {
    status: 409,
    title: {
      id: "Prefiks GS1 bertumpang tindih dengan prefiks platform",
      en: "GS1 prefix overlaps the platform prefix",
    },
  },
  "identity.already_registered": {
    status: 409,
    title: { id: "Email atau nomor HP sudah terdaftar", en: "That email or phone is already registered" },
  },
  "identity.organisation_exists": {
    status: 409,
    title: { id: "Nama organisasi sudah dipakai", en: "An organisation with that name exists" },
  },
  "identity.organisation_not_found": {
    status: 404,
    title: { id: "Organisasi tidak ditemukan", en: "Organisation not found" },
  },
  "identity.already_member": {
    status: 409,
    title: { id: "Pengguna sudah menjadi anggota", en: "The user is already a member" },
  },
});
