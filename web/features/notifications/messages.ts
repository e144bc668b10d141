/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. */
export const id = {
  "notifications.nav": "Notifikasi",
  "notifications.navUnread": "Notifikasi, {n} belum dibaca",
  "notifications.title": "Notifikasi",
  "notifications.intro": "Peringatan harga dari langganan Anda di Stabilitas harga, terbaru di atas.",
  "notifications.empty":
    "Belum ada notifikasi. Berlangganan peringatan di halaman Stabilitas harga untuk menerimanya.",
  "notifications.new": "Baru",
  "notifications.open": "Lihat di Stabilitas harga",
  "notifications.more": "Muat lebih banyak",
  "notifications.seenNote": 'Tanda "baru" dicatat di perangkat ini saja.',
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "notifications.nav": "Notifications",
  "notifications.navUnread": "Notifications, {n} unread",
  "notifications.title": "Notifications",
  "notifications.intro": "Price alerts from your Price stability subscriptions, newest first.",
  "notifications.empty":
    "No notifications yet. Subscribe to alerts on the Price stability page to receive them.",
  "notifications.new": "New",
  "notifications.open": "View in Price stability",
  "notifications.more": "Load more",
  "notifications.seenNote": 'What counts as "new" is remembered on this device only.',
} as const;
