/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with "marketOrders.". */
export const id = {
  "marketOrders.nav": "Pesanan toko",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "marketOrders.nav": "Shop orders",
};
