/**
 * A tiny typed dictionary i18n. Bahasa Indonesia is the source language;
 * the English dictionary must have exactly the same keys (enforced by the
 * `Messages` type: a missing or extra key is a compile error).
 *
 * Placeholders are written `{name}` and filled by `translate()`.
 */

const id = {
  "app.name": "Lumbung",
  "app.tagline": "Layanan publik & koridor pangan Lampung–DKI Jakarta",
  "app.loading": "Memuat…",
  "skip.toMain": "Langsung ke konten utama",

  "header.a11y": "Teks besar / kontras tinggi",
  "header.langButton": "EN",
  "header.langButtonLabel": "EN – switch to English",
  "header.signOut": "Keluar",
  "header.signedInAs": "Masuk sebagai {name}",
  "header.utility": "Kerja sama Provinsi Lampung dan DKI Jakarta",

  "signIn.title": "Masuk",
  "signIn.welcome": "Selamat datang di Lumbung",
  "signIn.intro":
    "Lumbung menghubungkan warga Lampung dengan layanan publik, dan petani Lampung dengan pasar Jakarta melalui koridor pangan yang tercatat di setiap langkah.",
  "signIn.point.services": "Satu aplikasi untuk layanan, laporan warga, harga pangan, dan berita.",
  "signIn.point.corridor":
    "Koridor pangan digital dari petani Lampung ke konsumen Jakarta, terlacak di setiap langkah.",
  "signIn.point.hubs": "Hub distribusi Pelabuhan Panjang dan Tanjung Priok serta gudang bersama.",
  "signIn.identifier": "Email atau nomor HP",
  "signIn.identifierHint": "Contoh: nama@contoh.id atau +6281234567890",
  "signIn.password": "Kata sandi",
  "signIn.showPassword": "Tampilkan kata sandi",
  "signIn.submit": "Masuk",
  "signIn.submitting": "Sedang masuk…",
  "signIn.noAccount": "Belum punya akun warga?",
  "signIn.registerLink": "Daftar sekarang",
  "signIn.demoHint":
    "Ini lingkungan demo. Akun demo (warga, koperasi, admin, dan lainnya) tercantum di README.",
  "signIn.signedOut": "Anda telah keluar.",

  "register.title": "Daftar akun warga",
  "register.intro": "Akun warga untuk layanan publik, laporan, dan harga pangan.",
  "register.name": "Nama lengkap",
  "register.contact": "Email atau nomor HP",
  "register.contactHint": "Nomor HP diawali +62 (atau 08…), misalnya +6281234567890",
  "register.password": "Kata sandi",
  "register.passwordHint": "Minimal 10 karakter",
  "register.submit": "Daftar",
  "register.submitting": "Sedang mendaftar…",
  "register.haveAccount": "Sudah punya akun?",
  "register.signInLink": "Masuk",

  "validation.required": "Wajib diisi.",
  "validation.identifier": "Masukkan email atau nomor HP yang diawali +62 atau 08.",
  "validation.passwordLength": "Kata sandi minimal 10 karakter.",
  "validation.summary": "Periksa kembali isian yang ditandai.",

  "error.title": "Terjadi kesalahan",
  "error.network": "Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.",
  "error.unknown": "Terjadi kesalahan yang tidak terduga. Silakan coba lagi.",
  "error.retry": "Coba lagi",
  "error.auth.invalid_credentials": "Email/nomor HP atau kata sandi salah.",
  "error.auth.unauthenticated": "Sesi Anda telah berakhir. Silakan masuk kembali.",
  "error.auth.forbidden": "Anda tidak memiliki akses ke data ini.",
  "error.identity.already_registered": "Email atau nomor HP ini sudah terdaftar. Silakan masuk.",
  "error.request.rate_limited": "Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.",
  "error.request.validation": "Ada isian yang belum benar. Periksa kembali isian yang ditandai.",
  "error.service.starting": "Layanan sedang dipersiapkan. Coba lagi sebentar lagi.",

  "greeting.morning": "Selamat pagi, {name}",
  "greeting.afternoon": "Selamat siang, {name}",
  "greeting.evening": "Selamat sore, {name}",
  "greeting.night": "Selamat malam, {name}",
  "citizen.lead": "Apa yang Anda perlukan hari ini?",
  "citizen.servicesTitle": "Layanan",
  "citizen.comingSoon": "Segera hadir",
  "tile.services": "Layanan",
  "tile.services.desc": "Direktori layanan publik",
  "tile.report": "Lapor",
  "tile.report.desc": "Laporkan masalah di sekitar Anda",
  "tile.prices": "Harga Pangan",
  "tile.prices.desc": "Harga harian di pasar",
  "tile.news": "Berita",
  "tile.news.desc": "Kabar dari pemerintah daerah",
  "tile.market": "Pasar UMKM",
  "tile.market.desc": "Produk UMKM dan hasil tani Lampung",

  "prices.title": "Harga acuan pemerintah",
  "prices.intro": "Batas harga yang berlaku hari ini menurut Badan Pangan Nasional.",
  "prices.empty": "Belum ada harga acuan yang berlaku.",
  "prices.unpriced": "Belum ada harga acuan yang berlaku untuk: {list}.",
  "prices.commodity": "Komoditas",
  "prices.kind": "Jenis",
  "prices.levelZone": "Tingkat / zona",
  "prices.price": "Harga",
  "prices.zone": "Zona",
  "prices.effective": "Berlaku sejak",
  "prices.source": "Sumber",
  "prices.perUnit": "per {unit}",
  "prices.max": "maks. {price}",
  "prices.loadedAt": "Data dimuat {time}",
  "prices.level.consumer": "Konsumen",
  "prices.level.producer": "Produsen",
  "prices.kind.HET": "Harga Eceran Tertinggi",
  "prices.kind.HAP": "Harga Acuan Penjualan/Pembelian",
  "prices.kind.HPP": "Harga Pembelian Pemerintah",
  "prices.allZones": "Semua zona",

  "console.nav": "Menu konsol",
  "console.overview": "Ringkasan",
  "console.sites": "Lokasi koridor",
  "console.prices": "Harga acuan",
  "console.audit": "Audit log",
  "console.organisations": "Organisasi",
  "console.comingSoonTitle": "Segera hadir",
  "console.soon.lots": "Lot panen",
  "console.soon.shipments": "Pengiriman",
  "console.soon.stock": "Stok gudang",
  "console.soon.orders": "Pesanan",
  "console.title": "Konsol {org}",
  "console.titleNoOrg": "Konsol Lumbung",
  "console.you": "Akun Anda",
  "console.organisation": "Organisasi",
  "console.kind": "Jenis organisasi",
  "console.role": "Peran",
  "console.noOrg": "Tidak terikat organisasi",
  "console.noRole": "—",
  "console.admin": "Administrator platform",

  "sites.title": "Lokasi koridor",
  "sites.intro": "Hub distribusi dan gudang bersama di koridor Lampung–DKI Jakarta.",
  "sites.name": "Nama",
  "sites.kind": "Jenis",
  "sites.region": "Wilayah",
  "sites.address": "Alamat",
  "sites.coordinates": "Koordinat",
  "sites.kind.hub": "Hub distribusi",
  "sites.kind.warehouse": "Gudang bersama",
  "sites.empty": "Belum ada lokasi.",

  "audit.title": "Audit log",
  "audit.intro": "50 aktivitas terakhir yang tercatat.",
  "audit.time": "Waktu (WIB)",
  "audit.actor": "Aktor",
  "audit.action": "Aksi",
  "audit.status": "Status",
  "audit.empty": "Belum ada aktivitas tercatat.",
  "audit.anonymous": "Anonim",

  "orgs.title": "Organisasi",
  "orgs.intro": "Organisasi yang terdaftar di Lumbung.",
  "orgs.name": "Nama",
  "orgs.kind": "Jenis",
  "orgs.region": "Kode wilayah",
  "orgs.empty": "Belum ada organisasi.",

  "kind.koperasi": "Koperasi / Gapoktan",
  "kind.farmer": "Petani",
  "kind.umkm": "UMKM",
  "kind.bumd": "BUMD",
  "kind.hub_operator": "Operator hub",
  "kind.warehouse_operator": "Operator gudang",
  "kind.carrier": "Pengangkut",
  "kind.processor": "Pengolah (hilirisasi)",
  "kind.dinas": "Dinas / instansi pemerintah",
  "kind.partner_platform": "Platform mitra (JAKI)",

  "role.org_admin": "Admin organisasi",
  "role.member": "Anggota",

  "notFound.title": "Halaman tidak ditemukan",
  "notFound.body": "Alamat yang Anda buka tidak ada.",
  "notFound.home": "Kembali ke beranda",

  "footer.note": "Lumbung · Provinsi Lampung & DKI Jakarta",
  "footer.tz": "Semua waktu dalam WIB (Asia/Jakarta).",
} as const;

export type MessageKey = keyof typeof id;
export type Messages = { readonly [K in MessageKey]: string };

const en: Messages = {
  "app.name": "Lumbung",
  "app.tagline": "Public services & the Lampung–DKI Jakarta food corridor",
  "app.loading": "Loading…",
  "skip.toMain": "Skip to main content",

  "header.a11y": "Large text / high contrast",
  "header.langButton": "ID",
  "header.langButtonLabel": "ID – ganti ke Bahasa Indonesia",
  "header.signOut": "Sign out",
  "header.signedInAs": "Signed in as {name}",
  "header.utility": "A Lampung Province and DKI Jakarta partnership",

  "signIn.title": "Sign in",
  "signIn.welcome": "Welcome to Lumbung",
  "signIn.intro":
    "Lumbung connects Lampung citizens with public services, and Lampung farmers with Jakarta markets through a food corridor recorded at every step.",
  "signIn.point.services": "One app for services, citizen reports, food prices and news.",
  "signIn.point.corridor":
    "A digital food corridor from Lampung farmers to Jakarta consumers, traced at every step.",
  "signIn.point.hubs": "Distribution hubs at Panjang and Tanjung Priok ports, and shared warehouses.",
  "signIn.identifier": "Email or phone number",
  "signIn.identifierHint": "For example: name@example.id or +6281234567890",
  "signIn.password": "Password",
  "signIn.showPassword": "Show password",
  "signIn.submit": "Sign in",
  "signIn.submitting": "Signing in…",
  "signIn.noAccount": "No citizen account yet?",
  "signIn.registerLink": "Register now",
  "signIn.demoHint":
    "This is a demo environment. Demo accounts (citizen, cooperative, admin and more) are listed in the README.",
  "signIn.signedOut": "You have signed out.",

  "register.title": "Register a citizen account",
  "register.intro": "A citizen account for public services, reports and food prices.",
  "register.name": "Full name",
  "register.contact": "Email or phone number",
  "register.contactHint": "Phone numbers start with +62 (or 08…), for example +6281234567890",
  "register.password": "Password",
  "register.passwordHint": "At least 10 characters",
  "register.submit": "Register",
  "register.submitting": "Registering…",
  "register.haveAccount": "Already have an account?",
  "register.signInLink": "Sign in",

  "validation.required": "Required.",
  "validation.identifier": "Enter an email or a phone number starting with +62 or 08.",
  "validation.passwordLength": "The password must have at least 10 characters.",
  "validation.summary": "Please check the highlighted fields.",

  "error.title": "Something went wrong",
  "error.network": "Cannot reach the server. Check your internet connection and try again.",
  "error.unknown": "An unexpected error occurred. Please try again.",
  "error.retry": "Try again",
  "error.auth.invalid_credentials": "Wrong email/phone number or password.",
  "error.auth.unauthenticated": "Your session has ended. Please sign in again.",
  "error.auth.forbidden": "You do not have access to this data.",
  "error.identity.already_registered": "This email or phone number is already registered. Please sign in.",
  "error.request.rate_limited": "Too many attempts. Wait a moment and try again.",
  "error.request.validation": "Some fields are not valid yet. Please check the highlighted fields.",
  "error.service.starting": "The service is starting up. Please try again in a moment.",

  "greeting.morning": "Good morning, {name}",
  "greeting.afternoon": "Good afternoon, {name}",
  "greeting.evening": "Good afternoon, {name}",
  "greeting.night": "Good evening, {name}",
  "citizen.lead": "What do you need today?",
  "citizen.servicesTitle": "Services",
  "citizen.comingSoon": "Coming soon",
  "tile.services": "Services",
  "tile.services.desc": "Public service directory",
  "tile.report": "Report",
  "tile.report.desc": "Report a problem near you",
  "tile.prices": "Food Prices",
  "tile.prices.desc": "Daily market prices",
  "tile.news": "News",
  "tile.news.desc": "News from the regional government",
  "tile.market": "UMKM Market",
  "tile.market.desc": "Lampung small-business and farm products",

  "prices.title": "Government reference prices",
  "prices.intro": "Price limits in force today, set by the National Food Agency.",
  "prices.empty": "No reference prices are in force yet.",
  "prices.unpriced": "No reference price is in force yet for: {list}.",
  "prices.commodity": "Commodity",
  "prices.kind": "Type",
  "prices.levelZone": "Level / zone",
  "prices.price": "Price",
  "prices.zone": "Zone",
  "prices.effective": "In force since",
  "prices.source": "Source",
  "prices.perUnit": "per {unit}",
  "prices.max": "max. {price}",
  "prices.loadedAt": "Data loaded {time}",
  "prices.level.consumer": "Consumer",
  "prices.level.producer": "Producer",
  "prices.kind.HET": "Highest retail price (ceiling)",
  "prices.kind.HAP": "Reference price range",
  "prices.kind.HPP": "Government purchase price",
  "prices.allZones": "All zones",

  "console.nav": "Console menu",
  "console.overview": "Overview",
  "console.sites": "Corridor sites",
  "console.prices": "Reference prices",
  "console.audit": "Audit log",
  "console.organisations": "Organisations",
  "console.comingSoonTitle": "Coming soon",
  "console.soon.lots": "Harvest lots",
  "console.soon.shipments": "Shipments",
  "console.soon.stock": "Warehouse stock",
  "console.soon.orders": "Orders",
  "console.title": "{org} console",
  "console.titleNoOrg": "Lumbung console",
  "console.you": "Your account",
  "console.organisation": "Organisation",
  "console.kind": "Organisation type",
  "console.role": "Role",
  "console.noOrg": "Not linked to an organisation",
  "console.noRole": "—",
  "console.admin": "Platform administrator",

  "sites.title": "Corridor sites",
  "sites.intro": "Distribution hubs and shared warehouses on the Lampung–DKI Jakarta corridor.",
  "sites.name": "Name",
  "sites.kind": "Type",
  "sites.region": "Region",
  "sites.address": "Address",
  "sites.coordinates": "Coordinates",
  "sites.kind.hub": "Distribution hub",
  "sites.kind.warehouse": "Shared warehouse",
  "sites.empty": "No sites yet.",

  "audit.title": "Audit log",
  "audit.intro": "The 50 most recent recorded activities.",
  "audit.time": "Time (WIB)",
  "audit.actor": "Actor",
  "audit.action": "Action",
  "audit.status": "Status",
  "audit.empty": "No activity recorded yet.",
  "audit.anonymous": "Anonymous",

  "orgs.title": "Organisations",
  "orgs.intro": "Organisations registered in Lumbung.",
  "orgs.name": "Name",
  "orgs.kind": "Type",
  "orgs.region": "Region code",
  "orgs.empty": "No organisations yet.",

  "kind.koperasi": "Cooperative / farmers' group",
  "kind.farmer": "Farmer",
  "kind.umkm": "Small business (UMKM)",
  "kind.bumd": "Regional state company (BUMD)",
  "kind.hub_operator": "Hub operator",
  "kind.warehouse_operator": "Warehouse operator",
  "kind.carrier": "Carrier",
  "kind.processor": "Processor (downstream)",
  "kind.dinas": "Government agency (dinas)",
  "kind.partner_platform": "Partner platform (JAKI)",

  "role.org_admin": "Organisation admin",
  "role.member": "Member",

  "notFound.title": "Page not found",
  "notFound.body": "The address you opened does not exist.",
  "notFound.home": "Back to home",

  "footer.note": "Lumbung · Lampung Province & DKI Jakarta",
  "footer.tz": "All times are in WIB (Asia/Jakarta).",
};

export type Lang = "id" | "en";
export const LANGS: readonly Lang[] = ["id", "en"];
export const DEFAULT_LANG: Lang = "id";

export const dictionaries: Record<Lang, Messages> = { id, en };

/** BCP 47 locale used for Intl formatting in each language. */
export const LOCALES: Record<Lang, string> = { id: "id-ID", en: "en-GB" };

export type Params = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(id, key);
}

/** Translate a key that was built at run time (e.g. `kind.${kind}`), or fall back. */
export function translateDynamic(lang: Lang, key: string, fallback: string): string {
  return isMessageKey(key) ? translate(lang, key) : fallback;
}

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}
