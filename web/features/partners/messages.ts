/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with "partners.". */
export const id = {
  "partners.nav": "Mitra & webhook",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "partners.nav": "Partners & webhooks",
};
