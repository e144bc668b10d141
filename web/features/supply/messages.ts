/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. */
export const id = {};

export const en: { readonly [K in keyof typeof id]: string } = {};
