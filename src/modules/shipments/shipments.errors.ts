import { defineErrors } from "../../http/errors";

/**
 * Shipments, hubs and packing. Malformed requests are `request.validation` from the route schemas;
 * these codes are for well-formed requests Lumbung cannot carry out.
 */
export const ShipmentErrors = defineErrors({
  "shipments.invalid": {
    status: 400,
    title: { id: "Data pengiriman tidak dapat diterima", en: "The shipment cannot be accepted" },
  },
  "shipments.invalid_packing": {
    status: 400,
    title: { id: "Pengemasan tidak dapat diterima", en: "The packing cannot be accepted" },
  },
  "shipments.invalid_receipt": {
    status: 400,
    title: { id: "Tanda terima tidak dapat diterima", en: "The proof of delivery cannot be accepted" },
  },
  "shipments.invalid_inspection": {
    status: 400,
    title: { id: "Hasil pemeriksaan tidak dapat diterima", en: "The inspection cannot be accepted" },
  },
  "shipments.bad_code": {
    status: 400,
    title: { id: "Kode tidak dikenali", en: "The code is not recognised" },
  },
  "shipments.no_organisation": {
    status: 409,
    title: { id: "Pilih organisasi aktif terlebih dahulu", en: "Act for an organisation first" },
  },
  "shipments.not_found": {
    status: 404,
    title: { id: "Pengiriman tidak ditemukan", en: "Shipment not found" },
  },
  "shipments.unknown_hub": { status: 404, title: { id: "Hub tidak ditemukan", en: "Hub not found" } },
  "shipments.leg_not_found": {
    status: 404,
    title: { id: "Ruas perjalanan tidak ditemukan", en: "Leg not found" },
  },
  "shipments.scan_no_match": {
    status: 404,
    title: {
      id: "Tidak ada pengiriman menuju hub ini dengan kode tersebut",
      en: "No shipment heading for this hub carries that code",
    },
  },
  "shipments.invalid_state": {
    status: 409,
    title: {
      id: "Pengiriman tidak dalam keadaan yang memungkinkan tindakan ini",
      en: "The shipment is not in a state that allows this",
    },
  },
  "shipments.held": {
    status: 409,
    title: {
      id: "Pengiriman sedang ditahan; lepaskan dahulu",
      en: "The shipment is held; release it first",
    },
  },
  "shipments.cancelled": {
    status: 409,
    title: { id: "Pengiriman sudah dibatalkan", en: "The shipment was cancelled" },
  },
  "shipments.already_dispatched": {
    status: 409,
    title: { id: "Pengiriman sudah diberangkatkan", en: "The shipment was already dispatched" },
  },
  "shipments.not_dispatched": {
    status: 409,
    title: { id: "Pengiriman belum diberangkatkan", en: "The shipment has not been dispatched" },
  },
  "shipments.already_received": {
    status: 409,
    title: { id: "Pengiriman sudah diterima", en: "The shipment was already received" },
  },
  "shipments.not_receiver": {
    status: 409,
    title: {
      id: "Hanya penerima yang mencatat penerimaan pengiriman",
      en: "Only the receiver records the receipt of a shipment",
    },
  },
  "shipments.over_received": {
    status: 409,
    title: {
      id: "Jumlah diterima dan ditolak melebihi jumlah dikirim",
      en: "More received and rejected than was shipped",
    },
  },
  "shipments.not_at_hub": {
    status: 409,
    title: { id: "Pengiriman tidak sedang berada di hub ini", en: "The shipment is not at this hub" },
  },
});
