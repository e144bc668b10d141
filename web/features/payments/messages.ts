/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with "payments.". */
export const id = {
  "payments.nav": "Keuangan & pembayaran",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "payments.nav": "Finance & payments",
};
