import { defineErrors } from "../../http/errors";

/** Procurement: offers, contracts, purchase orders, invoices and farm-gate payments. */
export const ProcurementErrors = defineErrors({
  "procurement.invalid": {
    status: 400,
    title: { id: "Data pengadaan tidak valid", en: "The procurement request is not valid" },
  },
  "procurement.no_organisation": {
    status: 400,
    title: { id: "Pilih organisasi aktif terlebih dahulu", en: "Switch to an organisation first" },
  },
  "procurement.not_a_supplier": {
    status: 403,
    title: {
      id: "Hanya koperasi, gapoktan, petani, atau BUMD Lampung yang dapat menawarkan pasokan",
      en: "Only Lampung koperasi, gapoktan, farmers or BUMDs offer supply",
    },
  },
  "procurement.not_a_buyer": {
    status: 403,
    title: { id: "Hanya BUMD yang dapat membeli", en: "Only BUMDs buy" },
  },
  "procurement.not_a_koperasi": {
    status: 403,
    title: {
      id: "Hanya koperasi atau gapoktan yang mencatat pembayaran ke petani",
      en: "Only a koperasi or gapoktan records payments to farmers",
    },
  },
  "procurement.forbidden": {
    status: 403,
    title: { id: "Tindakan ini untuk pihak lain", en: "This is for the other party" },
  },
  "procurement.offer_not_found": {
    status: 404,
    title: { id: "Penawaran tidak ditemukan", en: "Offer not found" },
  },
  "procurement.contract_not_found": {
    status: 404,
    title: { id: "Kontrak tidak ditemukan", en: "Contract not found" },
  },
  "procurement.order_not_found": {
    status: 404,
    title: { id: "Pesanan pembelian tidak ditemukan", en: "Purchase order not found" },
  },
  "procurement.invoice_not_found": {
    status: 404,
    title: { id: "Faktur tidak ditemukan", en: "Invoice not found" },
  },
  "procurement.invalid_state": {
    status: 409,
    title: { id: "Tidak dapat dilakukan pada status ini", en: "Not possible in this status" },
  },
  "procurement.offer_exhausted": {
    status: 409,
    title: { id: "Sisa penawaran tidak mencukupi", en: "Not enough left on the offer" },
  },
  "procurement.price_unknown": {
    status: 409,
    title: {
      id: "Harga kontrak belum dapat dihitung untuk tanggal ini",
      en: "The contract's price cannot be worked out for this date",
    },
  },
  "procurement.nothing_to_invoice": {
    status: 409,
    title: { id: "Belum ada yang diterima untuk ditagih", en: "Nothing accepted to invoice yet" },
  },
  "procurement.already_invoiced": {
    status: 409,
    title: { id: "Pesanan ini sudah ditagih", en: "This order was invoiced already" },
  },
  "procurement.already_paid": {
    status: 409,
    title: { id: "Faktur sudah dibayar", en: "The invoice is paid already" },
  },
});
