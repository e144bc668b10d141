/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with "marketSeller.". */
export const id = {
  "marketSeller.nav": "Toko saya",
  "marketSeller.navAdmin": "Verifikasi penjual",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "marketSeller.nav": "My shop",
  "marketSeller.navAdmin": "Seller verification",
};
