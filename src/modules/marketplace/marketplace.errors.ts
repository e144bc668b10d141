import { defineErrors } from "../../http/errors";

/**
 * The marketplace catalogue: shops, their verification, products and photos. The orders side keeps its
 * codes in `marketplace.orders.errors.ts`.
 */
export const MarketplaceErrors = defineErrors({
  // The route admits UMKM members and admins; an admin acts for no shop, so the request cannot apply (409).
  "market.umkm_required": {
    status: 409,
    title: {
      id: "Hanya anggota organisasi UMKM yang dapat berjualan",
      en: "Only members of a UMKM organisation can sell",
    },
  },
  "market.seller_not_found": {
    status: 404,
    title: { id: "Toko tidak ditemukan", en: "Shop not found" },
  },
  "market.seller_exists": {
    status: 409,
    title: { id: "Organisasi ini sudah memiliki toko", en: "This organisation already has a shop" },
  },
  "market.invalid_seller": {
    status: 400,
    title: { id: "Data usaha tidak valid", en: "The business details are not valid" },
  },
  "market.unknown_region": {
    status: 400,
    title: { id: "Kabupaten/kota bukan wilayah Lampung", en: "Not a regency or city of Lampung" },
  },
  "market.seller_invalid_state": {
    status: 409,
    title: {
      id: "Tindakan tidak dapat dilakukan pada status toko ini",
      en: "Not possible in the shop's status",
    },
  },
  "market.product_not_found": {
    status: 404,
    title: { id: "Produk tidak ditemukan", en: "Product not found" },
  },
  "market.product_archived": {
    status: 409,
    title: { id: "Produk sudah diarsipkan", en: "The product is archived" },
  },
  "market.invalid_variants": {
    status: 400,
    title: { id: "Varian produk tidak valid", en: "The product variants are not valid" },
  },
  "market.unknown_lot": {
    status: 400,
    title: { id: "Lot tidak dikenal Lumbung", en: "Lumbung does not know this lot" },
  },
  "market.invalid_photo": {
    status: 400,
    title: { id: "Foto tidak dapat dipakai", en: "The photo cannot be used" },
  },
  "market.photo_not_found": {
    status: 404,
    title: { id: "Foto tidak ditemukan", en: "Photo not found" },
  },
});
