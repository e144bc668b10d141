/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. Keys start with the feature's name. */
export const id = {} as const;

export const en: { readonly [K in keyof typeof id]: string } = {} as const;
