import type { Bilingual } from "./directory.tables";

/** The registry as Lumbung ships it: groups and services of Lampung, loaded at every start. */

export interface GroupDefault {
  code: string;
  name: Bilingual;
  icon: string;
  sort: number;
}

export interface EntryDefault {
  slug: string;
  groupCode: string;
  kind: "internal" | "external";
  name: Bilingual;
  description: Bilingual;
  url: string;
  agency: string;
  openingHours: Bilingual;
  requirements: Bilingual[];
  keywords: string[];
  regencyCodes: string[];
  sort: number;
}

export const GROUPS: GroupDefault[] = [
  {
    code: "kependudukan",
    name: { id: "Kependudukan", en: "Civil registration" },
    icon: "building",
    sort: 10,
  },
  { code: "kesehatan", name: { id: "Kesehatan", en: "Health" }, icon: "check", sort: 20 },
  { code: "pendidikan", name: { id: "Pendidikan", en: "Education" }, icon: "list", sort: 30 },
  {
    code: "perizinan",
    name: { id: "Perizinan & Usaha", en: "Permits & business" },
    icon: "market",
    sort: 40,
  },
  { code: "pajak", name: { id: "Pajak & Kendaraan", en: "Tax & vehicles" }, icon: "services", sort: 50 },
  { code: "sosial", name: { id: "Sosial", en: "Social welfare" }, icon: "home", sort: 60 },
  { code: "pangan", name: { id: "Pangan & Pertanian", en: "Food & agriculture" }, icon: "prices", sort: 70 },
  { code: "pengaduan", name: { id: "Pengaduan", en: "Complaints" }, icon: "report", sort: 80 },
  { code: "informasi", name: { id: "Informasi", en: "Information" }, icon: "news", sort: 90 },
];

const h24: Bilingual = { id: "24 jam (daring)", en: "24 hours (online)" };
const officeHours: Bilingual = {
  id: "Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–16.30 WIB",
  en: "Mon–Thu 07:30–16:00 WIB, Fri 07:30–16:30 WIB",
};
const KTP: Bilingual = { id: "KTP elektronik (NIK)", en: "Electronic ID card (NIK)" };
const KK: Bilingual = { id: "Kartu Keluarga (KK)", en: "Family card (KK)" };
const PHONE: Bilingual = { id: "Nomor HP aktif", en: "An active mobile number" };
const EMAIL: Bilingual = { id: "Alamat email aktif", en: "An active email address" };

export const ENTRIES: EntryDefault[] = [
  // Kependudukan
  {
    slug: "ikd-dukcapil",
    groupCode: "kependudukan",
    kind: "external",
    name: { id: "Identitas Kependudukan Digital (IKD)", en: "Digital population identity (IKD)" },
    description: {
      id: "KTP digital di ponsel dari Ditjen Dukcapil Kemendagri. Aktivasi dibantu petugas Disdukcapil kabupaten/kota.",
      en: "The digital ID card on your phone from the Home Ministry's civil registration office. Activation is assisted at the regency or city Disdukcapil.",
    },
    url: "https://dukcapil.kemendagri.go.id",
    agency: "Ditjen Dukcapil Kemendagri",
    openingHours: h24,
    requirements: [KTP, PHONE, EMAIL],
    keywords: [
      "ktp",
      "e-ktp",
      "ektp",
      "ikd",
      "nik",
      "identitas",
      "kependudukan",
      "dukcapil",
      "kartu identitas",
    ],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "disdukcapil-bandar-lampung",
    groupCode: "kependudukan",
    kind: "external",
    name: {
      id: "Layanan Disdukcapil Kota Bandar Lampung",
      en: "Bandar Lampung civil registration services",
    },
    description: {
      id: "Perekaman dan cetak KTP-el, Kartu Keluarga, akta kelahiran dan kematian, serta pindah datang bagi warga Kota Bandar Lampung.",
      en: "Electronic ID card recording and printing, family cards, birth and death certificates, and change of address for residents of Bandar Lampung.",
    },
    url: "https://bandarlampungkota.go.id",
    agency: "Dinas Kependudukan dan Pencatatan Sipil Kota Bandar Lampung",
    openingHours: officeHours,
    requirements: [
      KTP,
      KK,
      {
        id: "Surat pengantar RT/RW atau kelurahan (untuk pindah datang)",
        en: "A letter from the RT/RW or kelurahan (for a change of address)",
      },
    ],
    keywords: [
      "ktp",
      "kk",
      "kartu keluarga",
      "akta",
      "akta kelahiran",
      "akta kematian",
      "pindah",
      "dukcapil",
      "capil",
    ],
    regencyCodes: ["18.71"],
    sort: 20,
  },
  {
    slug: "paspor-imigrasi",
    groupCode: "kependudukan",
    kind: "external",
    name: { id: "Paspor (M-Paspor) Imigrasi", en: "Passport (M-Paspor), Immigration" },
    description: {
      id: "Permohonan paspor dan jadwal wawancara lewat aplikasi M-Paspor; kantor terdekat: Kantor Imigrasi Kelas I TPI Bandar Lampung.",
      en: "Apply for a passport and book the interview with the M-Paspor app; nearest office: the Bandar Lampung Class I TPI Immigration Office.",
    },
    url: "https://www.imigrasi.go.id",
    agency: "Direktorat Jenderal Imigrasi",
    openingHours: {
      id: "Senin–Jumat 08.00–16.00 WIB (kantor); aplikasi 24 jam",
      en: "Mon–Fri 08:00–16:00 WIB (office); the app 24 hours",
    },
    requirements: [
      KTP,
      KK,
      {
        id: "Akta kelahiran, ijazah, atau surat nikah",
        en: "Birth certificate, diploma or marriage certificate",
      },
    ],
    keywords: ["paspor", "passport", "imigrasi", "m-paspor", "luar negeri"],
    regencyCodes: [],
    sort: 30,
  },
  // Kesehatan
  {
    slug: "mobile-jkn",
    groupCode: "kesehatan",
    kind: "external",
    name: { id: "Mobile JKN BPJS Kesehatan", en: "Mobile JKN (BPJS Kesehatan)" },
    description: {
      id: "Cek kepesertaan JKN-KIS, ganti faskes, antrean daring di puskesmas dan rumah sakit, serta tagihan iuran.",
      en: "Check your JKN-KIS membership, change your health facility, queue online at clinics and hospitals, and see contribution bills.",
    },
    url: "https://www.bpjs-kesehatan.go.id",
    agency: "BPJS Kesehatan",
    openingHours: h24,
    requirements: [KTP, KK, PHONE],
    keywords: ["bpjs", "jkn", "kis", "asuransi", "kesehatan", "puskesmas", "faskes", "antrean", "berobat"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "rsud-abdul-moeloek",
    groupCode: "kesehatan",
    kind: "external",
    name: { id: "RSUD Dr. H. Abdul Moeloek", en: "Dr. H. Abdul Moeloek Regional Hospital" },
    description: {
      id: "Rumah sakit rujukan milik Pemerintah Provinsi Lampung di Bandar Lampung: poliklinik, IGD 24 jam, dan informasi jadwal dokter.",
      en: "The Lampung provincial government's referral hospital in Bandar Lampung: outpatient clinics, a 24-hour emergency room and doctors' schedules.",
    },
    url: "https://rsudam.lampungprov.go.id",
    agency: "Pemerintah Provinsi Lampung",
    openingHours: {
      id: "Poliklinik Senin–Jumat 08.00–14.00 WIB; IGD 24 jam",
      en: "Outpatient clinics Mon–Fri 08:00–14:00 WIB; emergency room 24 hours",
    },
    requirements: [
      KTP,
      {
        id: "Kartu JKN-KIS dan surat rujukan (pasien BPJS)",
        en: "JKN-KIS card and a referral letter (BPJS patients)",
      },
    ],
    keywords: ["rumah sakit", "rsud", "rsudam", "moeloek", "igd", "dokter", "rujukan", "kesehatan"],
    regencyCodes: [],
    sort: 20,
  },
  {
    slug: "satusehat-mobile",
    groupCode: "kesehatan",
    kind: "external",
    name: { id: "SATUSEHAT Mobile", en: "SATUSEHAT Mobile" },
    description: {
      id: "Riwayat imunisasi, hasil pemeriksaan, dan rekam kesehatan Anda dari Kementerian Kesehatan.",
      en: "Your immunisation history, test results and health records from the Ministry of Health.",
    },
    url: "https://satusehat.kemkes.go.id",
    agency: "Kementerian Kesehatan",
    openingHours: h24,
    requirements: [KTP, PHONE],
    keywords: ["satusehat", "imunisasi", "vaksin", "rekam medis", "kemenkes", "kesehatan"],
    regencyCodes: [],
    sort: 30,
  },
  // Pendidikan
  {
    slug: "pip-kemdikbud",
    groupCode: "pendidikan",
    kind: "external",
    name: { id: "Program Indonesia Pintar (PIP)", en: "Smart Indonesia Programme (PIP)" },
    description: {
      id: "Cek penerima bantuan pendidikan PIP/KIP untuk siswa SD sampai SMA/SMK dengan NISN dan NIK.",
      en: "Check whether a pupil (primary to upper secondary) receives PIP/KIP education aid, with the NISN and NIK.",
    },
    url: "https://pip.kemdikbud.go.id",
    agency: "Kementerian Pendidikan Dasar dan Menengah",
    openingHours: h24,
    requirements: [{ id: "NISN siswa", en: "The pupil's NISN" }, KTP],
    keywords: ["pip", "kip", "beasiswa", "bantuan sekolah", "siswa", "sekolah", "pendidikan"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "kip-kuliah",
    groupCode: "pendidikan",
    kind: "external",
    name: { id: "KIP Kuliah", en: "KIP Kuliah (university aid)" },
    description: {
      id: "Pendaftaran bantuan biaya kuliah KIP Kuliah bagi lulusan SMA/SMK dari keluarga kurang mampu.",
      en: "Registration for KIP Kuliah tuition aid for upper-secondary graduates from low-income families.",
    },
    url: "https://kip-kuliah.kemdikbud.go.id",
    agency: "Kementerian Pendidikan Tinggi, Sains, dan Teknologi",
    openingHours: h24,
    requirements: [KTP, KK, { id: "NISN dan NPSN sekolah", en: "NISN and the school's NPSN" }, EMAIL],
    keywords: ["kip kuliah", "beasiswa", "kuliah", "universitas", "mahasiswa", "pendidikan"],
    regencyCodes: [],
    sort: 20,
  },
  {
    slug: "data-referensi-sekolah",
    groupCode: "pendidikan",
    kind: "external",
    name: { id: "Cari sekolah (Data Referensi)", en: "Find a school (reference data)" },
    description: {
      id: "Daftar sekolah di setiap kabupaten/kota Lampung dengan alamat, akreditasi, dan NPSN.",
      en: "Schools in every regency and city of Lampung with address, accreditation and NPSN.",
    },
    url: "https://referensi.data.kemdikbud.go.id",
    agency: "Kementerian Pendidikan Dasar dan Menengah",
    openingHours: h24,
    requirements: [],
    keywords: ["sekolah", "npsn", "ppdb", "spmb", "akreditasi", "pendidikan"],
    regencyCodes: [],
    sort: 30,
  },
  // Perizinan & Usaha
  {
    slug: "oss-rba",
    groupCode: "perizinan",
    kind: "external",
    name: { id: "OSS RBA: Nomor Induk Berusaha (NIB)", en: "OSS RBA: business identification number (NIB)" },
    description: {
      id: "Perizinan berusaha berbasis risiko: buat NIB untuk usaha mikro dan kecil secara gratis dan daring.",
      en: "Risk-based business licensing: get a business number (NIB) for micro and small enterprises online, free of charge.",
    },
    url: "https://oss.go.id",
    agency: "Kementerian Investasi dan Hilirisasi/BKPM",
    openingHours: h24,
    requirements: [KTP, EMAIL, { id: "NPWP (bila ada)", en: "Tax number, NPWP (if any)" }],
    keywords: ["oss", "nib", "izin usaha", "perizinan", "umkm", "usaha", "bkpm"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "sertifikasi-halal",
    groupCode: "perizinan",
    kind: "external",
    name: { id: "Sertifikasi halal (SIHALAL)", en: "Halal certification (SIHALAL)" },
    description: {
      id: "Pengajuan sertifikat halal, termasuk program self declare gratis bagi usaha mikro dan kecil.",
      en: "Apply for a halal certificate, including the free self-declare scheme for micro and small enterprises.",
    },
    url: "https://ptsp.halal.go.id",
    agency: "Badan Penyelenggara Jaminan Produk Halal (BPJPH)",
    openingHours: h24,
    requirements: [
      { id: "NIB dari OSS", en: "NIB from OSS" },
      KTP,
      { id: "Daftar bahan dan proses produk", en: "List of ingredients and production process" },
    ],
    keywords: ["halal", "sertifikat halal", "bpjph", "umkm", "pangan olahan"],
    regencyCodes: [],
    sort: 20,
  },
  {
    slug: "cek-bpom",
    groupCode: "perizinan",
    kind: "external",
    name: { id: "Cek produk BPOM", en: "Check a BPOM registration" },
    description: {
      id: "Periksa nomor izin edar obat, makanan, dan kosmetik sebelum membeli.",
      en: "Check the marketing authorisation number of medicines, food and cosmetics before you buy.",
    },
    url: "https://cekbpom.pom.go.id",
    agency: "Badan Pengawas Obat dan Makanan (BPOM)",
    openingHours: h24,
    requirements: [],
    keywords: ["bpom", "izin edar", "obat", "makanan", "kosmetik", "cek produk"],
    regencyCodes: [],
    sort: 30,
  },
  // Pajak & Kendaraan
  {
    slug: "bapenda-lampung-samsat",
    groupCode: "pajak",
    kind: "external",
    name: { id: "Pajak kendaraan (Samsat) Bapenda Lampung", en: "Vehicle tax (Samsat), Bapenda Lampung" },
    description: {
      id: "Informasi pajak kendaraan bermotor, e-Samsat, dan lokasi Samsat di kabupaten/kota se-Provinsi Lampung.",
      en: "Motor vehicle tax information, e-Samsat and Samsat offices in every regency and city of Lampung.",
    },
    url: "https://bapenda.lampungprov.go.id",
    agency: "Badan Pendapatan Daerah Provinsi Lampung",
    openingHours: {
      id: "Kantor Samsat Senin–Jumat 08.00–14.00 WIB, Sabtu 08.00–11.00 WIB",
      en: "Samsat offices Mon–Fri 08:00–14:00 WIB, Sat 08:00–11:00 WIB",
    },
    requirements: [
      KTP,
      { id: "STNK asli", en: "Original vehicle registration (STNK)" },
      {
        id: "BPKB (untuk ganti plat lima tahunan)",
        en: "Ownership book BPKB (for the five-yearly plate renewal)",
      },
    ],
    keywords: ["samsat", "e-samsat", "pajak kendaraan", "pkb", "stnk", "motor", "mobil", "bapenda", "plat"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "djp-online",
    groupCode: "pajak",
    kind: "external",
    name: { id: "DJP Online: lapor SPT", en: "DJP Online: file your tax return" },
    description: {
      id: "Pelaporan SPT Tahunan, pembuatan kode billing, dan layanan NPWP dari Direktorat Jenderal Pajak.",
      en: "Annual tax return filing, billing codes and tax-number services from the Directorate General of Taxes.",
    },
    url: "https://djponline.pajak.go.id",
    agency: "Direktorat Jenderal Pajak",
    openingHours: h24,
    requirements: [KTP, { id: "NPWP/NIK dan EFIN", en: "NPWP/NIK and EFIN" }],
    keywords: ["pajak", "spt", "npwp", "efin", "djp", "pajak penghasilan", "coretax"],
    regencyCodes: [],
    sort: 20,
  },
  // Sosial
  {
    slug: "cek-bansos",
    groupCode: "sosial",
    kind: "external",
    name: { id: "Cek Bansos Kemensos", en: "Social aid check (Kemensos)" },
    description: {
      id: "Cek apakah Anda terdaftar sebagai penerima PKH, BPNT/Sembako, atau PBI JK berdasarkan wilayah dan nama.",
      en: "Check whether you are registered for PKH, BPNT/Sembako or PBI JK social aid by area and name.",
    },
    url: "https://cekbansos.kemensos.go.id",
    agency: "Kementerian Sosial",
    openingHours: h24,
    requirements: [
      {
        id: "Nama sesuai KTP dan alamat (provinsi sampai desa)",
        en: "Name as on the ID card and address (province to village)",
      },
    ],
    keywords: ["bansos", "pkh", "bpnt", "sembako", "dtks", "bantuan sosial", "kemensos", "pbi"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "bpjs-ketenagakerjaan",
    groupCode: "sosial",
    kind: "external",
    name: { id: "BPJS Ketenagakerjaan", en: "BPJS Ketenagakerjaan (employment insurance)" },
    description: {
      id: "Jaminan kecelakaan kerja, kematian, dan hari tua, juga untuk pekerja mandiri seperti petani, nelayan, dan pedagang.",
      en: "Work accident, death and old-age protection, also for self-employed workers such as farmers, fishers and traders.",
    },
    url: "https://www.bpjsketenagakerjaan.go.id",
    agency: "BPJS Ketenagakerjaan",
    openingHours: h24,
    requirements: [KTP, PHONE],
    keywords: ["bpjs", "ketenagakerjaan", "jht", "jkk", "pekerja", "jaminan sosial"],
    regencyCodes: [],
    sort: 20,
  },
  {
    slug: "kartu-prakerja",
    groupCode: "sosial",
    kind: "external",
    name: { id: "Kartu Prakerja", en: "Kartu Prakerja (job training)" },
    description: {
      id: "Pelatihan kerja bersubsidi bagi pencari kerja dan pekerja yang ingin meningkatkan keterampilan.",
      en: "Subsidised job training for job seekers and workers who want to improve their skills.",
    },
    url: "https://www.prakerja.go.id",
    agency: "Manajemen Pelaksana Program Kartu Prakerja",
    openingHours: h24,
    requirements: [KTP, EMAIL, PHONE],
    keywords: ["prakerja", "pelatihan", "kerja", "keterampilan"],
    regencyCodes: [],
    sort: 30,
  },
  // Pangan & Pertanian
  {
    slug: "harga-pangan-lumbung",
    groupCode: "pangan",
    kind: "internal",
    name: { id: "Harga pangan hari ini", en: "Today's food prices" },
    description: {
      id: "Harga beras, cabai, bawang, dan bahan pokok lain di pasar-pasar Lampung, dibandingkan dengan HET.",
      en: "Prices of rice, chilli, shallots and other staples at Lampung's markets, compared with the ceiling price (HET).",
    },
    url: "/harga",
    agency: "Dinas Ketahanan Pangan Provinsi Lampung",
    openingHours: h24,
    requirements: [],
    keywords: ["harga", "pangan", "beras", "cabai", "bawang", "het", "pasar", "sembako"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "lacak-produk-lumbung",
    groupCode: "pangan",
    kind: "internal",
    name: { id: "Lacak asal produk", en: "Trace a product's origin" },
    description: {
      id: "Pindai atau ketik kode QR pada kemasan untuk melihat asal panen dan perjalanan produk pangan Lampung.",
      en: "Scan or type the QR code on a package to see the harvest origin and journey of Lampung food.",
    },
    url: "/lacak",
    agency: "Lumbung",
    openingHours: h24,
    requirements: [],
    keywords: ["lacak", "qr", "asal", "produk", "ketertelusuran", "trace", "petani"],
    regencyCodes: [],
    sort: 20,
  },
  {
    slug: "panel-harga-bapanas",
    groupCode: "pangan",
    kind: "external",
    name: { id: "Panel Harga Pangan Nasional", en: "National food price panel" },
    description: {
      id: "Harga pangan harian tingkat produsen dan konsumen di seluruh provinsi dari Badan Pangan Nasional.",
      en: "Daily producer and consumer food prices for every province from the National Food Agency.",
    },
    url: "https://panelharga.badanpangan.go.id",
    agency: "Badan Pangan Nasional",
    openingHours: h24,
    requirements: [],
    keywords: ["harga", "pangan", "bapanas", "nasional", "panel harga"],
    regencyCodes: [],
    sort: 30,
  },
  {
    slug: "pupuk-bersubsidi",
    groupCode: "pangan",
    kind: "external",
    name: { id: "Pupuk bersubsidi (Pupuk Indonesia)", en: "Subsidised fertiliser (Pupuk Indonesia)" },
    description: {
      id: "Informasi penebusan pupuk bersubsidi dengan KTP di kios resmi bagi petani yang terdaftar dalam e-RDKK.",
      en: "How farmers registered in e-RDKK redeem subsidised fertiliser with their ID card at official kiosks.",
    },
    url: "https://www.pupuk-indonesia.com",
    agency: "PT Pupuk Indonesia (Persero)",
    openingHours: officeHours,
    requirements: [
      KTP,
      { id: "Terdaftar dalam e-RDKK kelompok tani", en: "Registered in the farmer group's e-RDKK" },
    ],
    keywords: ["pupuk", "subsidi", "petani", "kartu tani", "rdkk", "e-rdkk", "pertanian"],
    regencyCodes: [],
    sort: 40,
  },
  // Pengaduan
  {
    slug: "lapor-lumbung",
    groupCode: "pengaduan",
    kind: "internal",
    name: {
      id: "Lapor: jalan rusak, sampah, lampu jalan",
      en: "Report: damaged roads, rubbish, street lights",
    },
    description: {
      id: "Laporkan masalah di sekitar Anda dengan foto dan lokasi; dinas terkait menindaklanjuti dan Anda bisa memantau prosesnya.",
      en: "Report a problem near you with a photo and location; the responsible agency follows up and you can track it.",
    },
    url: "/lapor",
    agency: "Pemerintah Provinsi Lampung",
    openingHours: h24,
    requirements: [
      { id: "Akun Lumbung", en: "A Lumbung account" },
      { id: "Foto dan lokasi masalah", en: "A photo and the location of the problem" },
    ],
    keywords: ["lapor", "pengaduan", "aduan", "jalan rusak", "sampah", "drainase", "lampu jalan", "keluhan"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "lapor-sp4n",
    groupCode: "pengaduan",
    kind: "external",
    name: { id: "LAPOR! SP4N", en: "LAPOR! SP4N (national complaints)" },
    description: {
      id: "Sistem pengelolaan pengaduan pelayanan publik nasional: aspirasi dan pengaduan ke kementerian, lembaga, dan pemerintah daerah.",
      en: "The national public service complaints system: aspirations and complaints to ministries, agencies and local governments.",
    },
    url: "https://www.lapor.go.id",
    agency: "Kementerian PANRB, KSP, dan Ombudsman RI",
    openingHours: h24,
    requirements: [{ id: "Akun LAPOR! atau laporan anonim", en: "A LAPOR! account, or an anonymous report" }],
    keywords: ["lapor", "sp4n", "pengaduan", "aduan", "ombudsman", "aspirasi"],
    regencyCodes: [],
    sort: 20,
  },
  // Informasi
  {
    slug: "berita-lumbung",
    groupCode: "informasi",
    kind: "internal",
    name: { id: "Berita & pengumuman dinas", en: "Agency news & announcements" },
    description: {
      id: "Kabar dan pengumuman resmi dari dinas di Lampung: operasi pasar, jadwal layanan, dan informasi penting lainnya.",
      en: "Official news and announcements from Lampung's agencies: market operations, service schedules and other important information.",
    },
    url: "/berita",
    agency: "Dinas di Provinsi Lampung",
    openingHours: h24,
    requirements: [],
    keywords: ["berita", "pengumuman", "informasi", "dinas", "kabar"],
    regencyCodes: [],
    sort: 10,
  },
  {
    slug: "portal-pemprov-lampung",
    groupCode: "informasi",
    kind: "external",
    name: { id: "Portal Pemerintah Provinsi Lampung", en: "Lampung Provincial Government portal" },
    description: {
      id: "Situs resmi Pemerintah Provinsi Lampung: profil daerah, organisasi perangkat daerah, dan informasi publik.",
      en: "The official site of the Lampung Provincial Government: regional profile, government agencies and public information.",
    },
    url: "https://lampungprov.go.id",
    agency: "Pemerintah Provinsi Lampung",
    openingHours: h24,
    requirements: [],
    keywords: ["pemprov", "provinsi", "lampung", "pemerintah", "ppid", "informasi publik"],
    regencyCodes: [],
    sort: 20,
  },
];
