import type { Database } from "../../db/client";
import { newId } from "../../lib/ids";
import { identityRepository } from "../identity";
import { newsArticles } from "./news.tables";

const DEMO_ORGANISATION = "Dinas Ketahanan Pangan Provinsi Lampung";
const DEMO_AUTHOR = "dinas@lumbung.test";

const HOUR = 3_600_000;

/** Demo announcements of the demo dinas (demo mode only); `ageHours` before the seeding time. */
const ARTICLES: {
  slug: string;
  kind: "news" | "announcement";
  title: string;
  summary: string;
  body: string;
  regencyCodes: string[];
  status: "draft" | "published";
  ageHours: number;
}[] = [
  {
    slug: "gerakan-pangan-murah-di-seluruh-kabupaten-kota-lampung",
    kind: "announcement",
    title: "Gerakan Pangan Murah di seluruh kabupaten/kota Lampung",
    summary:
      "Beras SPHP, minyak goreng, gula, dan telur dijual di bawah harga pasar. Cek jadwal dan lokasi di kabupaten/kota Anda.",
    body: [
      "Dinas Ketahanan Pangan Provinsi Lampung bersama Perum Bulog dan pelaku usaha pangan menggelar Gerakan Pangan Murah (GPM) untuk menjaga keterjangkauan harga bahan pokok.",
      "## Yang dijual",
      "- Beras SPHP kemasan 5 kg",
      "- Minyak goreng, gula pasir, dan telur ayam ras",
      "- Bawang merah dan cabai dari petani Lampung",
      "## Cara membeli",
      "Datang ke lokasi GPM di kantor kecamatan terdekat. Pembelian dibatasi agar semua warga kebagian; bawa tas belanja sendiri.",
      "Jadwal lengkap per kecamatan diumumkan oleh dinas pangan kabupaten/kota masing-masing.",
    ]
      .join("\n\n")
      .replace(/\n\n- /g, "\n- "),
    regencyCodes: [],
    status: "published",
    ageHours: 5,
  },
  {
    slug: "operasi-pasar-beras-sphp-di-kota-bandar-lampung",
    kind: "announcement",
    title: "Operasi pasar beras SPHP di Kota Bandar Lampung",
    summary:
      "Beras SPHP dijual sesuai HET di Pasar Tugu, Pasar Way Halim, dan Pasar Kangkung selama satu pekan.",
    body: [
      "Untuk menahan kenaikan harga beras medium, operasi pasar beras Stabilisasi Pasokan dan Harga Pangan (SPHP) digelar di tiga pasar Kota Bandar Lampung.",
      "## Lokasi",
      "- Pasar Tugu, Tanjungkarang Timur",
      "- Pasar Way Halim",
      "- Pasar Kangkung, Telukbetung Selatan",
      "Penjualan dibuka pukul 08.00 sampai stok hari itu habis. Harga mengikuti HET beras medium zona Sumatera.",
    ]
      .join("\n\n")
      .replace(/\n\n- /g, "\n- "),
    regencyCodes: ["18.71"],
    status: "published",
    ageHours: 30,
  },
  {
    slug: "cara-membaca-papan-harga-pangan-di-lumbung",
    kind: "news",
    title: "Cara membaca papan harga pangan di Lumbung",
    summary:
      "Papan harga menampilkan harga harian di pasar-pasar Lampung dan membandingkannya dengan HET dan HAP.",
    body: [
      "Harga pangan di pasar-pasar Lampung dicatat setiap hari oleh petugas enumerator dan ditampilkan di menu Harga.",
      "## Arti tanda pada papan",
      "- Merah: harga di atas Harga Eceran Tertinggi (HET)",
      "- Kuning: harga mendekati batas",
      "- Hijau: harga wajar",
      "Bila menemukan harga yang jauh di atas HET, laporkan lewat menu Lapor dengan kategori pelayanan publik.",
    ]
      .join("\n\n")
      .replace(/\n\n- /g, "\n- "),
    regencyCodes: [],
    status: "published",
    ageHours: 72,
  },
  {
    slug: "pasar-tani-kota-metro-setiap-sabtu",
    kind: "announcement",
    title: "Pasar tani Kota Metro setiap Sabtu",
    summary: "Petani dan kelompok wanita tani menjual hasil panen langsung kepada warga di Lapangan Samber.",
    body: "Draf: jadwal dan daftar pelapak menunggu konfirmasi Dinas Pertanian Kota Metro.",
    regencyCodes: ["18.72"],
    status: "draft",
    ageHours: 2,
  },
];

/**
 * Demo news of the demo dinas organisation. Idempotent (by slug): an article already there, edited
 * or archived, is left as it is. Call only in demo mode, after the demo organisations exist.
 */
export async function seedNewsDemo(db: Database, now: Date = new Date()): Promise<void> {
  const organisation = await identityRepository.findOrganisationByName(db, DEMO_ORGANISATION);
  if (!organisation) return;
  const author = await identityRepository.findUserByEmail(db, DEMO_AUTHOR);
  await db
    .insert(newsArticles)
    .values(
      ARTICLES.map((a) => {
        const at = new Date(now.getTime() - a.ageHours * HOUR);
        return {
          id: newId("nws", at.getTime()),
          slug: a.slug,
          organisationId: organisation.id,
          authorUserId: author?.id ?? null,
          kind: a.kind,
          title: a.title,
          summary: a.summary,
          body: a.body,
          imageMediaId: null,
          imageAlt: null,
          regencyCodes: a.regencyCodes,
          status: a.status,
          publishedAt: a.status === "published" ? at : null,
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .onConflictDoNothing({ target: newsArticles.slug });
}
