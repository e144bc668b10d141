import { defineErrors } from "../../http/errors";

/**
 * The shared warehouse. Malformed requests are `request.validation` from the schemas; these codes are
 * for well-formed requests the warehouse cannot carry out, and for events the stock ledger refuses
 * (a refusal rolls the whole capture back: nothing is stored).
 */
export const WarehouseErrors = defineErrors({
  "warehouse.site_not_found": {
    status: 404,
    title: { id: "Gudang tidak ditemukan", en: "Warehouse not found" },
  },
  "warehouse.zone_not_found": { status: 404, title: { id: "Zona tidak ditemukan", en: "Zone not found" } },
  "warehouse.tenant_not_found": {
    status: 404,
    title: { id: "Penyewa tidak ditemukan", en: "Tenant not found" },
  },
  "warehouse.booking_not_found": {
    status: 404,
    title: { id: "Pemesanan kapasitas tidak ditemukan", en: "Capacity booking not found" },
  },
  "warehouse.lot_not_found": {
    status: 404,
    title: { id: "Lot tidak ada di gudang ini", en: "No such lot in this warehouse" },
  },
  "warehouse.organisation_not_found": {
    status: 404,
    title: { id: "Organisasi tidak ditemukan", en: "Organisation not found" },
  },
  "warehouse.operator_only": {
    status: 403,
    title: {
      id: "Hanya operator gudang yang dapat melakukan ini",
      en: "Only the warehouse operator can do this",
    },
  },
  "warehouse.invalid_request": {
    status: 400,
    title: { id: "Permintaan gudang tidak dapat diterima", en: "The warehouse request cannot be accepted" },
  },
  "warehouse.zone_exists": {
    status: 409,
    title: { id: "Kode zona sudah dipakai di gudang ini", en: "The zone code is taken at this warehouse" },
  },
  "warehouse.tenant_exists": {
    status: 409,
    title: { id: "Organisasi ini sudah menjadi penyewa", en: "The organisation is a tenant already" },
  },
  "warehouse.tenant_has_stock": {
    status: 409,
    title: {
      id: "Penyewa masih memiliki stok atau pemesanan di gudang ini",
      en: "The tenant still has stock or bookings at this warehouse",
    },
  },
  "warehouse.capacity_exceeded": {
    status: 409,
    title: { id: "Kapasitas zona tidak mencukupi", en: "The zone has not enough capacity" },
  },
  "warehouse.capacity_below_bookings": {
    status: 409,
    title: {
      id: "Kapasitas baru lebih kecil dari pemesanan yang sudah dikonfirmasi",
      en: "The new capacity is below confirmed bookings",
    },
  },
  "warehouse.booking_cancelled": {
    status: 409,
    title: { id: "Pemesanan ini sudah dibatalkan", en: "The booking is cancelled already" },
  },
  "warehouse.insufficient_stock": {
    status: 409,
    title: { id: "Stok tidak mencukupi", en: "Not enough stock" },
  },
  "warehouse.not_a_tenant": {
    status: 409,
    title: {
      id: "Pemilik barang bukan penyewa gudang ini",
      en: "The owner of the goods is not a tenant of this warehouse",
    },
  },
  "warehouse.owner_unknown": {
    status: 409,
    title: {
      id: "Pemilik barang tidak dapat ditentukan dari peristiwa",
      en: "The event does not say whose goods these are",
    },
  },
  "warehouse.unknown_location": {
    status: 409,
    title: {
      id: "Peristiwa menyebut lokasi yang tidak ada di gudang ini",
      en: "The event names a place this warehouse does not have",
    },
  },
  "warehouse.unmeasured_goods": {
    status: 409,
    title: {
      id: "Jumlah barang tidak dapat dihitung dalam kilogram",
      en: "The goods' quantity cannot be counted in kilograms",
    },
  },
  "warehouse.duplicate_event": {
    status: 409,
    title: {
      id: "Kegiatan yang sama baru saja dicatat",
      en: "The same operation was just recorded",
    },
  },
});
