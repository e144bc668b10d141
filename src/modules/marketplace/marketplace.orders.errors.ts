import { defineErrors } from "../../http/errors";

/** Marketplace orders: what a buyer, a seller or a partner can get wrong, in both languages. */
export const MarketOrderErrors = defineErrors({
  "market.order_not_found": {
    status: 404,
    title: { id: "Pesanan tidak ditemukan", en: "Order not found" },
  },
  "market.out_of_stock": {
    status: 409,
    title: { id: "Stok tidak mencukupi", en: "Not enough stock" },
  },
  "market.mixed_sellers": {
    status: 400,
    title: {
      id: "Satu pesanan hanya untuk produk dari satu penjual",
      en: "One order holds products of one seller only",
    },
  },
  "market.invalid_item": {
    status: 400,
    title: { id: "Produk tidak tersedia untuk dipesan", en: "The product cannot be ordered" },
  },
  "market.seller_unavailable": {
    status: 409,
    title: { id: "Toko sedang tidak menerima pesanan", en: "The shop is not taking orders" },
  },
  "market.invalid_region": {
    status: 400,
    title: { id: "Kode wilayah tujuan tidak dikenal", en: "Unknown destination region code" },
  },
  "market.idempotency_mismatch": {
    status: 422,
    title: {
      id: "Kunci idempotensi sudah dipakai untuk pesanan lain",
      en: "The idempotency key was used for another order",
    },
  },
  "market.invalid_transition": {
    status: 409,
    title: {
      id: "Tindakan ini tidak dapat dilakukan pada status pesanan sekarang",
      en: "This action is not possible in the order's current status",
    },
  },
  "market.reason_required": {
    status: 400,
    title: { id: "Alasan wajib diisi", en: "A reason is required" },
  },
  "market.return_window_closed": {
    status: 409,
    title: {
      id: "Batas waktu pengembalian (2 hari setelah diterima) sudah lewat",
      en: "The return period (2 days after delivery) has passed",
    },
  },
  "market.return_pending": {
    status: 409,
    title: {
      id: "Permintaan pengembalian masih menunggu jawaban penjual",
      en: "A return request is waiting for the seller's answer",
    },
  },
  "market.review_not_allowed": {
    status: 409,
    title: {
      id: "Ulasan hanya dapat diberikan setelah pesanan diterima",
      en: "A review can only be given after the order is delivered",
    },
  },
  "market.already_reviewed": {
    status: 409,
    title: { id: "Pesanan ini sudah diulas", en: "The order has already been reviewed" },
  },
  "market.fulfilment_invalid": {
    status: 400,
    title: { id: "Data pengiriman tidak lengkap", en: "The shipping details are incomplete" },
  },
  "market.shipment_not_found": {
    status: 400,
    title: {
      id: "Pengiriman koridor tidak ditemukan atau bukan kiriman toko Anda",
      en: "The corridor shipment was not found or is not sent by your shop",
    },
  },
  "market.not_a_seller": {
    status: 403,
    title: { id: "Organisasi Anda belum membuka toko", en: "Your organisation has no shop" },
  },
});
