import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import type { Database } from "../db/client";
import type { Principal } from "../http/access";
import { identityRepository, personaFor } from "../modules/identity";
import { DEMO_PASSWORD } from "./demo";

/**
 * Demo mode only: SYNTHETIC shops and products for the UMKM marketplace, recorded through the services.
 * The demo UMKM (Kopi Robusta Tanggamus, umkm@lumbung.test) and four more Lampung UMKM apply, are
 * verified by the demo admin, and list about twenty products with variants and drawn photos (SVG
 * rendered by sharp: no downloads). One coffee is linked to a robusta harvest lot the demo Gapoktan
 * declares, so its page links to the public trace. Idempotent: a shop that already has products is
 * left as it is.
 */

type Services = FastifyInstance["services"];
type Picture = "bag" | "chips" | "jar" | "sack" | "bottle" | "cloth" | "box";

interface DemoProduct {
  name: string;
  description: string;
  category: string;
  origin: string;
  picture: Picture;
  colour: string;
  variants: { name: string; price: number; stock: number; weightGrams: number }[];
  /** Linked to the demo robusta lot. */
  traced?: boolean;
}

interface DemoShop {
  email: string | null;
  owner: string;
  organisation: string;
  regionCode: string;
  displayName: string;
  description: string;
  nib: string;
  halalNumber: string | null;
  pirtNumber: string | null;
  bank: { name: string; accountNumber: string; accountName: string };
  pickupAddress: string;
  /** Left waiting in the Dinas verification queue (the console has an application to show). */
  pending?: boolean;
  products: DemoProduct[];
}

const SHOPS: DemoShop[] = [
  {
    email: "umkm@lumbung.test",
    owner: "Made Wirawan",
    organisation: "Kopi Robusta Tanggamus",
    regionCode: "18.06",
    displayName: "Kopi Robusta Tanggamus",
    description:
      "Kopi robusta petik merah dari kebun rakyat di lereng Gunung Tanggamus, disangrai sendiri di Kota Agung.",
    nib: "9120301234567",
    halalNumber: "ID18110000123450123",
    pirtNumber: "206180601012325",
    bank: { name: "Bank Lampung", accountNumber: "3800102345678", accountName: "Made Wirawan" },
    pickupAddress: "Jl. Samudra No. 12, Kota Agung, Kabupaten Tanggamus",
    products: [
      {
        name: "Kopi Robusta Tanggamus Petik Merah",
        description:
          "Biji kopi robusta petik merah, sangrai medium. Lot panen tercatat di Lumbung: telusuri dari kebun sampai kemasan.",
        category: "kopi",
        origin: "18.06",
        picture: "bag",
        colour: "#6b3f1f",
        traced: true,
        variants: [
          { name: "250 g biji", price: 55_000, stock: 40, weightGrams: 280 },
          { name: "250 g bubuk", price: 55_000, stock: 35, weightGrams: 280 },
          { name: "1 kg biji", price: 195_000, stock: 12, weightGrams: 1050 },
        ],
      },
      {
        name: "Kopi Bubuk Robusta Tubruk",
        description: "Bubuk kopi robusta giling halus untuk kopi tubruk, aroma cokelat dan rempah.",
        category: "kopi",
        origin: "18.06",
        picture: "bag",
        colour: "#3e2a1e",
        variants: [
          { name: "200 g", price: 35_000, stock: 60, weightGrams: 220 },
          { name: "500 g", price: 80_000, stock: 25, weightGrams: 530 },
        ],
      },
      {
        name: "Kopi Luwak Liwa Éksklusif",
        description: "Kopi luwak dari Liwa, Lampung Barat, diproses kering dan disangrai ringan.",
        category: "kopi",
        origin: "18.04",
        picture: "box",
        colour: "#1f3b2d",
        variants: [{ name: "100 g", price: 250_000, stock: 8, weightGrams: 150 }],
      },
      {
        name: "Kopi Robusta Green Bean Grade 1",
        description: "Biji kopi mentah (green bean) robusta grade 1 untuk roastery, kadar air 12%.",
        category: "kopi",
        origin: "18.06",
        picture: "sack",
        colour: "#7a8b3c",
        variants: [
          { name: "1 kg", price: 85_000, stock: 100, weightGrams: 1020 },
          { name: "5 kg", price: 400_000, stock: 20, weightGrams: 5100 },
        ],
      },
    ],
  },
  {
    email: "wati@keripik.lumbung.test",
    owner: "Wati Susanti",
    organisation: "Keripik Pisang Mbok Wati",
    regionCode: "18.71",
    displayName: "Keripik Pisang Mbok Wati",
    description: "Oleh-oleh khas Bandar Lampung: keripik pisang kepok aneka rasa, digoreng setiap hari.",
    nib: "9120305550101",
    halalNumber: "ID18110000555010101",
    pirtNumber: "206187101055525",
    bank: { name: "BRI", accountNumber: "012301000555303", accountName: "Wati Susanti" },
    pickupAddress: "Jl. Pagar Alam No. 88, Kedaton, Bandar Lampung",
    products: [
      {
        name: "Keripik Pisang Cokelat Lumer",
        description: "Keripik pisang kepok dengan balutan cokelat lumer, renyah dan manis.",
        category: "keripik",
        origin: "18.71",
        picture: "chips",
        colour: "#8b4a2b",
        variants: [
          { name: "250 g", price: 25_000, stock: 80, weightGrams: 270 },
          { name: "500 g", price: 45_000, stock: 40, weightGrams: 520 },
        ],
      },
      {
        name: "Keripik Pisang Original Manis",
        description: "Keripik pisang kepok rasa original, sedikit manis, tanpa pengawet.",
        category: "keripik",
        origin: "18.71",
        picture: "chips",
        colour: "#d9a400",
        variants: [
          { name: "250 g", price: 20_000, stock: 100, weightGrams: 270 },
          { name: "500 g", price: 36_000, stock: 50, weightGrams: 520 },
        ],
      },
      {
        name: "Keripik Pisang Balado Pedas",
        description: "Keripik pisang dengan bumbu balado cabai merah, pedas manis.",
        category: "keripik",
        origin: "18.71",
        picture: "chips",
        colour: "#c0392b",
        variants: [{ name: "250 g", price: 22_000, stock: 70, weightGrams: 270 }],
      },
      {
        name: "Kemplang Ikan Tenggiri Panggang",
        description: "Kerupuk kemplang ikan tenggiri dipanggang, khas pesisir Lampung.",
        category: "olahan-laut",
        origin: "18.71",
        picture: "chips",
        colour: "#b58b5a",
        variants: [{ name: "200 g", price: 30_000, stock: 45, weightGrams: 230 }],
      },
    ],
  },
  {
    email: "madu@waykambas.lumbung.test",
    owner: "Suparman",
    organisation: "Madu Hutan Way Kambas",
    regionCode: "18.07",
    displayName: "Madu Hutan Way Kambas",
    description: "Madu hutan dan madu kelulut dari peternak lebah di penyangga Taman Nasional Way Kambas.",
    nib: "9120307770202",
    halalNumber: "ID18110000777020202",
    pirtNumber: "206180702077725",
    bank: { name: "BNI", accountNumber: "0987654321", accountName: "Suparman" },
    pickupAddress: "Desa Labuhan Ratu VI, Labuhan Ratu, Lampung Timur",
    products: [
      {
        name: "Madu Hutan Murni Way Kambas",
        description: "Madu hutan murni dari lebah liar (Apis dorsata), dipanen lestari.",
        category: "madu",
        origin: "18.07",
        picture: "jar",
        colour: "#e0a526",
        variants: [
          { name: "250 ml", price: 65_000, stock: 30, weightGrams: 420 },
          { name: "500 ml", price: 120_000, stock: 20, weightGrams: 800 },
        ],
      },
      {
        name: "Madu Kelulut Asli",
        description: "Madu lebah kelulut (trigona) yang asam segar, kaya propolis.",
        category: "madu",
        origin: "18.07",
        picture: "jar",
        colour: "#b8741a",
        variants: [{ name: "250 ml", price: 95_000, stock: 15, weightGrams: 420 }],
      },
      {
        name: "Sirup Jahe Merah Madu",
        description: "Sirup jahe merah dengan madu hutan, penghangat badan.",
        category: "minuman",
        origin: "18.07",
        picture: "bottle",
        colour: "#a6402a",
        variants: [{ name: "350 ml", price: 40_000, stock: 25, weightGrams: 520 }],
      },
    ],
  },
  {
    email: "tapioka@tengah.lumbung.test",
    owner: "Rahmat Hidayat",
    organisation: "Olahan Singkong Sumber Rejeki",
    regionCode: "18.02",
    displayName: "Olahan Singkong Sumber Rejeki",
    description: "Tepung tapioka, mocaf dan olahan singkong dari petani Lampung Tengah.",
    nib: "9120302220303",
    halalNumber: null,
    pirtNumber: "206180202022225",
    bank: { name: "Bank Syariah Indonesia", accountNumber: "7123456789", accountName: "Rahmat Hidayat" },
    pickupAddress: "Jl. Raya Terbanggi Besar No. 5, Lampung Tengah",
    products: [
      {
        name: "Tepung Tapioka Lampung Tengah",
        description: "Tepung tapioka putih halus untuk kerupuk, pempek dan kue.",
        category: "olahan-singkong",
        origin: "18.02",
        picture: "sack",
        colour: "#f2efe6",
        variants: [
          { name: "1 kg", price: 14_000, stock: 200, weightGrams: 1020 },
          { name: "5 kg", price: 65_000, stock: 60, weightGrams: 5050 },
        ],
      },
      {
        name: "Tepung Mocaf Singkong",
        description: "Tepung singkong termodifikasi (mocaf), bebas gluten, untuk roti dan kue.",
        category: "olahan-singkong",
        origin: "18.02",
        picture: "sack",
        colour: "#e8dcc0",
        variants: [{ name: "1 kg", price: 22_000, stock: 80, weightGrams: 1020 }],
      },
      {
        name: "Tiwul Instan Gula Merah",
        description: "Tiwul singkong instan dengan gula merah, tinggal dikukus.",
        category: "olahan-singkong",
        origin: "18.02",
        picture: "box",
        colour: "#8a5a2b",
        variants: [{ name: "500 g", price: 18_000, stock: 50, weightGrams: 520 }],
      },
      {
        name: "Beras Organik Pandan Wangi",
        description: "Beras organik pandan wangi dari sawah Lampung Tengah, pulen dan wangi.",
        category: "beras",
        origin: "18.02",
        picture: "sack",
        colour: "#6f9a4a",
        variants: [
          { name: "5 kg", price: 90_000, stock: 40, weightGrams: 5050 },
          { name: "10 kg", price: 175_000, stock: 20, weightGrams: 10_100 },
        ],
      },
    ],
  },
  {
    email: "tapis@pesawaran.lumbung.test",
    owner: "Siti Aminah",
    organisation: "Sambal & Tapis Bu Siti",
    regionCode: "18.09",
    displayName: "Sambal & Tapis Bu Siti",
    description: "Sambal lingkung dan seruit khas Lampung, serta kain tapis tenun tangan dari Pesawaran.",
    nib: "9120309990404",
    halalNumber: "ID18110000999040404",
    pirtNumber: "206180909099925",
    bank: { name: "Bank Mandiri", accountNumber: "1140009990404", accountName: "Siti Aminah" },
    pickupAddress: "Jl. Raya Kedondong No. 21, Pesawaran",
    products: [
      {
        name: "Sambal Lingkung Ikan Tenggiri",
        description: "Abon ikan tenggiri berbumbu pedas khas Lampung, cocok dengan nasi hangat.",
        category: "bumbu",
        origin: "18.09",
        picture: "jar",
        colour: "#b03a2e",
        variants: [{ name: "200 g", price: 45_000, stock: 30, weightGrams: 320 }],
      },
      {
        name: "Sambal Seruit Terasi",
        description: "Sambal seruit dengan terasi bakar dan tempoyak, untuk ikan bakar.",
        category: "bumbu",
        origin: "18.09",
        picture: "jar",
        colour: "#8e2d1f",
        variants: [{ name: "150 g", price: 28_000, stock: 40, weightGrams: 260 }],
      },
      {
        name: "Kain Tapis Lampung Motif Siger",
        description: "Kain tapis tenun tangan dengan sulaman benang emas motif siger, 60 × 180 cm.",
        category: "kerajinan",
        origin: "18.09",
        picture: "cloth",
        colour: "#7b1e3a",
        variants: [{ name: "Selembar", price: 850_000, stock: 3, weightGrams: 600 }],
      },
      {
        name: "Dodol Durian Lampung",
        description: "Dodol durian legit dari durian lokal, dibungkus daun jagung.",
        category: "kue",
        origin: "18.09",
        picture: "box",
        colour: "#c9a227",
        variants: [{ name: "250 g", price: 30_000, stock: 35, weightGrams: 280 }],
      },
    ],
  },
  {
    email: "kemplang@pesisir.lumbung.test",
    owner: "Yusuf Effendi",
    organisation: "Kemplang Pesisir Krui",
    regionCode: "18.13",
    displayName: "Kemplang Pesisir Krui",
    description: "Kerupuk kemplang dan ikan asin olahan nelayan pesisir Krui, Pesisir Barat.",
    nib: "9120304440505",
    halalNumber: null,
    pirtNumber: "206181301044425",
    bank: { name: "Bank Lampung", accountNumber: "3800104440505", accountName: "Yusuf Effendi" },
    pickupAddress: "Jl. Pantai Labuhan Jukung No. 3, Krui, Pesisir Barat",
    pending: true,
    products: [],
  },
];

async function principalOf(
  db: Database,
  email: string,
): Promise<Extract<Principal, { type: "user" }> | null> {
  const user = await identityRepository.findUserByEmail(db, email);
  if (!user) return null;
  const [m] = await identityRepository.membershipsOf(db, user.id);
  return {
    type: "user",
    userId: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
    persona: personaFor(user.isAdmin, m?.kind ?? null),
    sessionId: "demo-seed",
    organisationId: m?.organisationId ?? null,
    organisationKind: m?.kind ?? null,
    membershipRole: m?.role ?? null,
  };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The product name in two or three lines of at most ~18 characters. */
function lines(name: string): string[] {
  const out: string[] = [];
  for (const word of name.split(" ")) {
    const last = out[out.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= 18) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.slice(0, 3);
}

/** A simple drawing of the package (a coffee bag, a chips packet, a honey jar…) with the name on it. */
function illustration(p: DemoProduct): string {
  const label = lines(p.name)
    .map((l, i) => `<tspan x="400" dy="${i === 0 ? 0 : 44}">${escapeXml(l)}</tspan>`)
    .join("");
  const ink = p.colour === "#f2efe6" || p.colour === "#e8dcc0" ? "#3b3b3b" : "#ffffff";
  const shapes: Record<Picture, string> = {
    bag: `<path d="M250 170 L550 170 L590 680 L210 680 Z" fill="${p.colour}"/><rect x="250" y="140" width="300" height="50" fill="#2b1b10"/><circle cx="400" cy="560" r="48" fill="#c8102e" opacity=".85"/><path d="M385 540 q15 -25 30 0 q-15 25 -30 0" fill="#fff"/>`,
    chips: `<path d="M230 160 Q400 120 570 160 L600 660 Q400 700 200 660 Z" fill="${p.colour}"/><path d="M230 160 l20 -20 l20 20 l20 -20 l20 20 l20 -20 l20 20 l20 -20 l20 20 l20 -20 l20 20 l20 -20 l20 20 l20 -20 l20 20 l20 -20 l20 20" stroke="#fff" stroke-width="6" fill="none"/><ellipse cx="400" cy="560" rx="90" ry="40" fill="#f4d06f"/><ellipse cx="360" cy="545" rx="40" ry="18" fill="#e9b949"/>`,
    jar: `<rect x="270" y="150" width="260" height="60" rx="10" fill="#5a3a12"/><path d="M240 230 Q240 200 280 200 L520 200 Q560 200 560 230 L560 650 Q560 690 520 690 L280 690 Q240 690 240 650 Z" fill="${p.colour}"/><rect x="270" y="320" width="260" height="200" rx="14" fill="#fffbe8" opacity=".92"/>`,
    sack: `<path d="M230 190 Q400 150 570 190 L600 680 Q400 720 200 680 Z" fill="${p.colour}" stroke="#8c7b5a" stroke-width="6"/><path d="M300 190 Q400 120 500 190" stroke="#8c7b5a" stroke-width="10" fill="none"/><path d="M260 610 L540 610" stroke="#8c7b5a" stroke-width="4" stroke-dasharray="14 10"/>`,
    bottle: `<rect x="360" y="110" width="80" height="90" fill="#3b2a1a"/><path d="M340 200 L460 200 L520 290 L520 680 L280 680 L280 290 Z" fill="${p.colour}"/><rect x="290" y="360" width="220" height="190" rx="10" fill="#fff7ea" opacity=".92"/>`,
    cloth: `<rect x="180" y="170" width="440" height="520" fill="${p.colour}"/><g stroke="#e6c15a" stroke-width="8" fill="none"><path d="M180 250 H620 M180 610 H620"/><path d="M260 430 l40 -60 l40 60 l40 -60 l40 60 l40 -60 l40 60 l40 -60 l40 60"/><path d="M360 520 l40 -50 l40 50 Z"/></g>`,
    box: `<path d="M220 240 L400 170 L580 240 L580 640 L400 710 L220 640 Z" fill="${p.colour}"/><path d="M220 240 L400 310 L580 240 M400 310 L400 710" stroke="#000" stroke-opacity=".2" stroke-width="6" fill="none"/>`,
  };
  const onLabel = p.picture === "jar" || p.picture === "bottle";
  const textY = p.picture === "jar" ? 400 : p.picture === "bottle" ? 430 : p.picture === "cloth" ? 320 : 300;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <rect width="800" height="800" fill="#f6f1e7"/>
  <ellipse cx="400" cy="720" rx="260" ry="30" fill="#000" opacity=".12"/>
  ${shapes[p.picture]}
  <text x="400" y="${textY}" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="34" font-weight="700" fill="${onLabel ? "#3b2a1a" : ink}">${label}</text>
  <text x="400" y="770" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="22" fill="#6b5b45">Produk UMKM Lampung</text>
</svg>`;
}

async function photoOf(p: DemoProduct): Promise<Buffer> {
  return sharp(Buffer.from(illustration(p)))
    .jpeg({ quality: 82 })
    .toBuffer();
}

/** The umkm account of a demo shop, creating its organisation and owner when they are new. */
async function ownerOf(
  db: Database,
  services: Services,
  admin: Principal,
  shop: DemoShop,
): Promise<Extract<Principal, { type: "user" }> | null> {
  const email = shop.email as string;
  const existing = await principalOf(db, email);
  if (existing) return existing;
  const org =
    (await identityRepository.findOrganisationByName(db, shop.organisation)) ??
    (await services.identity.createOrganisation({
      name: shop.organisation,
      kind: "umkm",
      regionCode: shop.regionCode,
    }));
  await services.identity.addMember(admin, org.id, {
    email,
    name: shop.owner,
    password: DEMO_PASSWORD,
    role: "org_admin",
  });
  return principalOf(db, email);
}

/** A robusta harvest lot of the demo Gapoktan, declared once (fixed Idempotency-Key). */
async function demoCoffeeLot(db: Database, services: Services): Promise<string | null> {
  const koperasi = await principalOf(db, "koperasi@lumbung.test");
  if (!koperasi) return null;
  const { lot } = await services.lots.declare(
    koperasi,
    {
      commodityCode: "kopi-robusta",
      quantity: "1200",
      unit: "kg",
      harvestDate: "2026-06-15",
      villageCode: "18.72.01.1001",
      grade: "A",
    },
    "demo-market-robusta-lot",
  );
  return lot.lgtin;
}

export async function seedMarketDemo(db: Database, services: Services): Promise<void> {
  const admin = await principalOf(db, "admin@lumbung.test");
  if (!admin) return;
  const catalog = services.marketplace.catalog;
  let lot: string | null | undefined;
  for (const shop of SHOPS) {
    const owner = await ownerOf(db, services, admin, shop);
    if (!owner?.organisationId) continue;
    let seller = await catalog.sellerForOrganisation(owner.organisationId);
    if (!seller) {
      const applied = await catalog.apply(owner, {
        displayName: shop.displayName,
        description: shop.description,
        nib: shop.nib,
        halalNumber: shop.halalNumber,
        pirtNumber: shop.pirtNumber,
        bank: shop.bank,
        pickupAddress: shop.pickupAddress,
        regionCode: shop.regionCode,
      });
      if (!shop.pending) await catalog.verify(admin, applied.id);
      seller = await catalog.sellerForOrganisation(owner.organisationId);
    }
    if (!seller) continue;
    if ((await catalog.myProducts(owner)).length > 0) continue;
    for (const p of shop.products) {
      const photo = await catalog.uploadPhoto(owner, await photoOf(p), "image/jpeg");
      if (p.traced && lot === undefined) lot = await demoCoffeeLot(db, services).catch(() => null);
      const created = await catalog.createProduct(owner, {
        name: p.name,
        description: p.description,
        category: p.category,
        originRegionCode: p.origin,
        lot: p.traced ? lot : null,
        variants: p.variants,
        photos: [{ mediaId: photo.id, alt: `Kemasan ${p.name}` }],
      });
      await catalog.setProductStatus(owner, created.id, "active");
    }
  }
}
