/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with "procurement.". */
export const id = {
  "procurement.nav": "Pengadaan BUMD",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "procurement.nav": "BUMD procurement",
};
