/** Messages of this feature, merged into the app's dictionaries by lib/i18n.ts. */
export const id = {
  "pricesImport.nav": "Impor harga",
  "pricesImport.title": "Impor harga dari CSV",
  "pricesImport.intro":
    "Format Lumbung (date,commodity,region,market,level,price) atau format panjang Panel Harga (Tanggal, Komoditas, Provinsi, Kabupaten/Kota, Pasar, Harga). Mengimpor ulang berkas yang sama tidak mengubah apa pun.",
  "pricesImport.file": "Berkas CSV",
  "pricesImport.fileHint": "Harian atau bulanan; nama komoditas dan wilayah dipetakan ke kode.",
  "pricesImport.skipInvalid": "Lewati baris yang tidak dapat dibaca (tanpa ini, seluruh berkas ditolak)",
  "pricesImport.submit": "Impor",
  "pricesImport.running": "Mengimpor…",
  "pricesImport.refused": "Berkas ditolak; tidak ada yang disimpan",
  "pricesImport.done": "{rows} baris dibaca ({format})",
  "pricesImport.count.inserted": "Baru",
  "pricesImport.count.updated": "Diperbarui",
  "pricesImport.count.unchanged": "Tidak berubah",
  "pricesImport.count.held": "Ditahan untuk ditinjau",
  "pricesImport.count.skipped": "Dilewati",
  "pricesImport.count.noPrice": "Tanpa harga",
  "pricesImport.line": "baris {line}, kolom {column}",
  "pricesImport.toAlerts": "Lihat peringatan dan rekomendasi",
} as const;

export const en: { readonly [K in keyof typeof id]: string } = {
  "pricesImport.nav": "Import prices",
  "pricesImport.title": "Import prices from CSV",
  "pricesImport.intro":
    "Lumbung's format (date,commodity,region,market,level,price) or Panel Harga's long format (Tanggal, Komoditas, Provinsi, Kabupaten/Kota, Pasar, Harga). Importing the same file again changes nothing.",
  "pricesImport.file": "CSV file",
  "pricesImport.fileHint": "Daily or monthly; commodity and region names are mapped to codes.",
  "pricesImport.skipInvalid": "Skip rows that cannot be read (otherwise the whole file is refused)",
  "pricesImport.submit": "Import",
  "pricesImport.running": "Importing…",
  "pricesImport.refused": "The file was refused; nothing was stored",
  "pricesImport.done": "{rows} rows read ({format})",
  "pricesImport.count.inserted": "New",
  "pricesImport.count.updated": "Updated",
  "pricesImport.count.unchanged": "Unchanged",
  "pricesImport.count.held": "Held for review",
  "pricesImport.count.skipped": "Skipped",
  "pricesImport.count.noPrice": "No price",
  "pricesImport.line": "line {line}, column {column}",
  "pricesImport.toAlerts": "See alerts and recommendations",
};
