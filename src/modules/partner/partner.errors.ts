import { defineErrors } from "../../http/errors";

/** The partner API (JAKI): idempotency, webhook endpoints and deliveries, embed tokens. */
export const PartnerErrors = defineErrors({
  "partner.idempotency_key_required": {
    status: 400,
    title: {
      id: "Header Idempotency-Key wajib dikirim",
      en: "The Idempotency-Key header is required",
    },
  },
  "partner.idempotency_mismatch": {
    status: 422,
    title: {
      id: "Idempotency-Key ini sudah dipakai untuk pesanan lain",
      en: "This Idempotency-Key was used for a different request",
    },
  },
  "partner.product_not_found": {
    status: 404,
    title: { id: "Produk tidak ditemukan", en: "Product not found" },
  },
  "partner.webhook_not_found": {
    status: 404,
    title: { id: "Endpoint webhook tidak ditemukan", en: "Webhook endpoint not found" },
  },
  "partner.webhook_limit": {
    status: 409,
    title: {
      id: "Batas jumlah endpoint webhook tercapai",
      en: "Too many webhook endpoints for this client",
    },
  },
  "partner.delivery_not_found": {
    status: 404,
    title: { id: "Pengiriman webhook tidak ditemukan", en: "Webhook delivery not found" },
  },
  "partner.endpoint_deleted": {
    status: 409,
    title: {
      id: "Endpoint webhook sudah dihapus",
      en: "The webhook endpoint has been deleted",
    },
  },
  "partner.embed_token_invalid": {
    status: 401,
    title: {
      id: "Token embed tidak valid atau kedaluwarsa",
      en: "The embed token is invalid or expired",
    },
  },
  "partner.user_not_found": {
    status: 404,
    title: {
      id: "Pengguna mitra ini tidak punya akun di Lumbung",
      en: "This partner user has no account in Lumbung",
    },
  },
  "partner.embed_token_used": {
    status: 409,
    title: { id: "Token embed sudah dipakai", en: "The embed token has already been used" },
  },
});
