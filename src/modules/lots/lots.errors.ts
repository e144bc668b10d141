import { defineErrors } from "../../http/errors";

/**
 * Harvest lots and GS1 identifiers. Malformed requests (a quantity that is not a number, a missing
 * field) are `request.validation` from the schema; these codes are for requests that are well formed
 * but name something Lumbung cannot accept.
 */
export const LotErrors = defineErrors({
  "lots.invalid_declaration": {
    status: 400,
    title: {
      id: "Data lot panen tidak dapat diterima",
      en: "The harvest lot declaration cannot be accepted",
    },
  },
  "lots.organisation_required": {
    status: 400,
    title: {
      id: "Sebutkan organisasi pemilik lot",
      en: "Name the organisation that owns the lot",
    },
  },
  "lots.not_a_producer": {
    status: 400,
    title: {
      id: "Hanya koperasi, gapoktan atau petani yang dapat mendaftarkan lot panen",
      en: "Only a koperasi, gapoktan or farmer can declare a harvest lot",
    },
  },
  "lots.not_found": { status: 404, title: { id: "Lot tidak ditemukan", en: "Lot not found" } },
  "lots.idempotency_key_reused": {
    status: 422,
    title: {
      id: "Idempotency-Key ini sudah dipakai untuk lot yang berbeda",
      en: "This Idempotency-Key was used for a different lot",
    },
  },
  "lots.invalid_company_prefix": {
    status: 409,
    title: {
      id: "Prefiks perusahaan GS1 organisasi tidak valid",
      en: "The organisation's GS1 company prefix is not valid",
    },
  },
  "lots.numbers_exhausted": {
    status: 409,
    title: {
      id: "Nomor GS1 di bawah prefiks ini sudah habis",
      en: "No GS1 numbers are left under this company prefix",
    },
  },
});
