/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with "market.". */
export const id = {
  "market.nav": "Pasar UMKM Lampung",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "market.nav": "Lampung UMKM market",
};
