import { defineErrors } from "../../http/errors";

/** Payments: intents that cannot be paid, callbacks that cannot be trusted, journals that do not balance. */
export const PaymentsErrors = defineErrors({
  "payments.intent_not_found": {
    status: 404,
    title: { id: "Tagihan pembayaran tidak ditemukan", en: "Payment not found" },
  },
  "payments.already_paid": {
    status: 409,
    title: { id: "Tagihan ini sudah dibayar", en: "This payment has already been made" },
  },
  "payments.intent_expired": {
    status: 409,
    title: { id: "Kode QRIS ini sudah kedaluwarsa", en: "This QRIS code has expired" },
  },
  "payments.intent_cancelled": {
    status: 409,
    title: { id: "Tagihan ini sudah dibatalkan", en: "This payment was cancelled" },
  },
  "payments.intent_refunded": {
    status: 409,
    title: { id: "Pembayaran ini sudah dikembalikan", en: "This payment has been refunded" },
  },
  "payments.pending_exists": {
    status: 409,
    title: {
      id: "Masih ada tagihan yang menunggu pembayaran untuk transaksi ini",
      en: "A payment is already waiting for this transaction",
    },
  },
  "payments.not_paid": {
    status: 409,
    title: { id: "Tagihan ini belum dibayar", en: "This payment has not been made" },
  },
  "payments.refund_exceeds_paid": {
    status: 409,
    title: {
      id: "Pengembalian melebihi jumlah yang dibayar",
      en: "The refund is more than what was paid",
    },
  },
  "payments.invalid_amount": {
    status: 400,
    title: { id: "Jumlah uang tidak valid", en: "Invalid amount" },
  },
  "payments.invalid_qris": {
    status: 400,
    title: { id: "Kode QRIS tidak valid", en: "Invalid QRIS code" },
  },
  "payments.payload_mismatch": {
    status: 400,
    title: {
      id: "Kode QRIS tidak sama dengan yang diterbitkan",
      en: "The QRIS code differs from the one issued",
    },
  },
  "payments.amount_mismatch": {
    status: 422,
    title: {
      id: "Jumlah yang dibayar tidak sama dengan tagihan",
      en: "The amount paid differs from the amount due",
    },
  },
  "payments.not_sandbox": {
    status: 409,
    title: {
      id: "Tagihan ini tidak dapat dibayar dengan simulator",
      en: "This payment cannot be made with the simulator",
    },
  },
  "payments.invalid_signature": {
    status: 401,
    title: { id: "Tanda tangan callback tidak valid", en: "Invalid callback signature" },
  },
  "payments.invalid_callback": {
    status: 400,
    title: { id: "Isi callback tidak dapat dibaca", en: "Unreadable callback" },
  },
  "payments.unknown_provider": {
    status: 404,
    title: { id: "Penyedia pembayaran tidak dikenal", en: "Unknown payment provider" },
  },
  "payments.provider_unavailable": {
    status: 502,
    title: { id: "Penyedia pembayaran tidak menjawab", en: "The payment provider did not answer" },
  },
  "payments.unbalanced_journal": {
    status: 422,
    title: { id: "Jurnal tidak seimbang", en: "The journal does not balance" },
  },
});

export const PaymentsInputErrors = defineErrors({
  "payments.invalid_expiry": {
    status: 400,
    title: {
      id: "Batas waktu pembayaran harus di masa depan",
      en: "The payment deadline must be in the future",
    },
  },
  "payments.invalid_account": {
    status: 400,
    title: { id: "Nama akun buku besar tidak valid", en: "Invalid ledger account name" },
  },
});
