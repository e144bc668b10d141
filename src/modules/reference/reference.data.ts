import type { SiteKind } from "./reference.tables";

/**
 * Reference facts Lumbung ships with. Figures come from ../shared/reference/corridor.md and the
 * regulations named in `source`; admins add newer reference prices through the API as they change.
 */
export interface CommoditySeed {
  code: string;
  name: string;
  nameEn: string;
  category: "pangan_pokok" | "hortikultura" | "protein" | "olahan" | "perkebunan" | "buah";
  unit: "kg" | "liter";
}

export const COMMODITIES: CommoditySeed[] = [
  { code: "beras-medium", name: "Beras medium", nameEn: "Medium rice", category: "pangan_pokok", unit: "kg" },
  {
    code: "beras-premium",
    name: "Beras premium",
    nameEn: "Premium rice",
    category: "pangan_pokok",
    unit: "kg",
  },
  {
    code: "gabah-kering-panen",
    name: "Gabah kering panen (GKP)",
    nameEn: "Harvested paddy (GKP)",
    category: "pangan_pokok",
    unit: "kg",
  },
  {
    code: "gabah-kering-giling",
    name: "Gabah kering giling (GKG)",
    nameEn: "Dried paddy (GKG)",
    category: "pangan_pokok",
    unit: "kg",
  },
  {
    code: "jagung",
    name: "Jagung pipilan kering",
    nameEn: "Dried shelled maize",
    category: "pangan_pokok",
    unit: "kg",
  },
  { code: "kedelai", name: "Kedelai", nameEn: "Soybeans", category: "pangan_pokok", unit: "kg" },
  {
    code: "cabai-rawit",
    name: "Cabai rawit merah",
    nameEn: "Red bird's-eye chili",
    category: "hortikultura",
    unit: "kg",
  },
  {
    code: "cabai-merah-keriting",
    name: "Cabai merah keriting",
    nameEn: "Curly red chili",
    category: "hortikultura",
    unit: "kg",
  },
  {
    code: "cabai-merah-besar",
    name: "Cabai merah besar",
    nameEn: "Large red chili",
    category: "hortikultura",
    unit: "kg",
  },
  { code: "bawang-merah", name: "Bawang merah", nameEn: "Shallots", category: "hortikultura", unit: "kg" },
  {
    code: "bawang-putih",
    name: "Bawang putih bonggol",
    nameEn: "Garlic",
    category: "hortikultura",
    unit: "kg",
  },
  {
    code: "gula-pasir",
    name: "Gula pasir konsumsi",
    nameEn: "Granulated sugar",
    category: "pangan_pokok",
    unit: "kg",
  },
  {
    code: "minyak-goreng",
    name: "Minyak goreng kemasan rakyat (MinyaKita)",
    nameEn: "Cooking oil (MinyaKita)",
    category: "pangan_pokok",
    unit: "liter",
  },
  { code: "telur-ayam", name: "Telur ayam ras", nameEn: "Chicken eggs", category: "protein", unit: "kg" },
  { code: "daging-ayam", name: "Daging ayam ras", nameEn: "Chicken meat", category: "protein", unit: "kg" },
  { code: "daging-sapi", name: "Daging sapi murni", nameEn: "Beef", category: "protein", unit: "kg" },
  { code: "singkong", name: "Singkong (ubi kayu)", nameEn: "Cassava", category: "pangan_pokok", unit: "kg" },
  { code: "tapioka", name: "Tepung tapioka", nameEn: "Tapioca starch", category: "olahan", unit: "kg" },
  {
    code: "kopi-gelondong",
    name: "Kopi gelondong merah (ceri)",
    nameEn: "Coffee cherry",
    category: "perkebunan",
    unit: "kg",
  },
  {
    code: "kopi-robusta",
    name: "Kopi robusta (biji hijau)",
    nameEn: "Robusta coffee (green bean)",
    category: "perkebunan",
    unit: "kg",
  },
  { code: "pisang", name: "Pisang", nameEn: "Bananas", category: "buah", unit: "kg" },
  { code: "nanas", name: "Nanas", nameEn: "Pineapple", category: "buah", unit: "kg" },
];

export interface ReferencePriceSeed {
  commodityCode: string;
  kind: "HET" | "HAP" | "HPP";
  level: "consumer" | "producer";
  zone: string | null;
  min: number | null;
  max: number;
  unit: "kg" | "liter";
  effectiveFrom: string;
  source: string;
}

const HAP_2022 = "Perbadan 11/2022 (HAP produsen & konsumen), diumumkan 28 Des 2022";

export const REFERENCE_PRICES: ReferencePriceSeed[] = [
  // Rice HET, zone I (Jawa, Lampung, Sumatera Selatan, Bali, NTB).
  {
    commodityCode: "beras-medium",
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 10_900,
    unit: "kg",
    effectiveFrom: "2023-03-31",
    source: "Perbadan 7/2023",
  },
  {
    commodityCode: "beras-premium",
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 13_900,
    unit: "kg",
    effectiveFrom: "2023-03-31",
    source: "Perbadan 7/2023",
  },
  {
    commodityCode: "beras-medium",
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 12_500,
    unit: "kg",
    effectiveFrom: "2024-06-01",
    source: "Perbadan 5/2024",
  },
  {
    commodityCode: "beras-premium",
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 14_900,
    unit: "kg",
    effectiveFrom: "2024-06-01",
    source: "Perbadan 5/2024",
  },
  {
    commodityCode: "beras-medium",
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 13_500,
    unit: "kg",
    effectiveFrom: "2025-08-22",
    source: "Kepbadan 299/2025",
  },
  {
    commodityCode: "beras-premium",
    kind: "HET",
    level: "consumer",
    zone: "I",
    min: null,
    max: 14_900,
    unit: "kg",
    effectiveFrom: "2025-08-22",
    source: "Kepbadan 299/2025",
  },
  // Government purchase price of harvested paddy at the farm gate.
  {
    commodityCode: "gabah-kering-panen",
    kind: "HPP",
    level: "producer",
    zone: null,
    min: null,
    max: 6_500,
    unit: "kg",
    effectiveFrom: "2025-01-15",
    source: "Kepbadan 2/2025 (HPP GKP Rp6.500/kg)",
  },
  // HAP ranges, consumer and producer.
  {
    commodityCode: "cabai-rawit",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: 40_000,
    max: 57_000,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "cabai-rawit",
    kind: "HAP",
    level: "producer",
    zone: null,
    min: 25_000,
    max: 31_500,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "cabai-merah-keriting",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: 37_000,
    max: 55_000,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "cabai-merah-keriting",
    kind: "HAP",
    level: "producer",
    zone: null,
    min: 22_000,
    max: 29_600,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "bawang-merah",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: 36_500,
    max: 41_500,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "bawang-merah",
    kind: "HAP",
    level: "producer",
    zone: null,
    min: 25_000,
    max: 30_000,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "kedelai",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: null,
    max: 11_400,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  {
    commodityCode: "kedelai",
    kind: "HAP",
    level: "producer",
    zone: null,
    min: null,
    max: 10_775,
    unit: "kg",
    effectiveFrom: "2022-12-28",
    source: HAP_2022,
  },
  // Consumer HAP/HET figures listed in reference/corridor.md (Bapanas relaxations and Permendag 18/2024).
  {
    commodityCode: "daging-ayam",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: null,
    max: 40_000,
    unit: "kg",
    effectiveFrom: "2024-01-01",
    source: "Bapanas HAP konsumen (reference/corridor.md)",
  },
  {
    commodityCode: "telur-ayam",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: null,
    max: 30_000,
    unit: "kg",
    effectiveFrom: "2024-01-01",
    source: "Bapanas HAP konsumen (reference/corridor.md)",
  },
  {
    commodityCode: "gula-pasir",
    kind: "HAP",
    level: "consumer",
    zone: null,
    min: null,
    max: 17_500,
    unit: "kg",
    effectiveFrom: "2024-01-01",
    source: "Bapanas HAP konsumen (reference/corridor.md)",
  },
  {
    commodityCode: "minyak-goreng",
    kind: "HET",
    level: "consumer",
    zone: null,
    min: null,
    max: 15_700,
    unit: "liter",
    effectiveFrom: "2024-08-14",
    source: "Permendag 18/2024 (HET MinyaKita Rp15.700/L)",
  },
];

export interface SiteSeed {
  code: string;
  name: string;
  kind: SiteKind;
  regionCode: string;
  address: string;
  latitude: number;
  longitude: number;
  operatorOrganisation: string | null;
  source: string;
}

/**
 * The corridor's two hubs and a shared warehouse (gudang bersama) in each province; the ferry ports
 * of the Bakauheni–Merak crossing; the Jakarta wholesale markets the corridor feeds; the tapioca mill.
 */
export const SITES: SiteSeed[] = [
  {
    code: "hub-panjang",
    name: "Hub Pelabuhan Panjang",
    kind: "hub",
    regionCode: "18.71",
    address: "Jl. Yos Sudarso No. 337, Panjang, Kota Bandar Lampung",
    latitude: -5.4697,
    longitude: 105.3196,
    operatorOrganisation: "Operator Hub Pelabuhan Panjang",
    source: "reference/corridor.md: container, dry bulk, ro-ro and general cargo berths",
  },
  {
    code: "hub-priok",
    name: "Hub Pelabuhan Tanjung Priok",
    kind: "hub",
    regionCode: "31.72",
    address: "Jl. Raya Pelabuhan No. 9, Tanjung Priok, Jakarta Utara",
    latitude: -6.1045,
    longitude: 106.8826,
    operatorOrganisation: "Operator Hub Tanjung Priok",
    source: "reference/corridor.md: 76 berths",
  },
  {
    code: "gudang-bersama-lampung",
    name: "Gudang Bersama Lampung (Panjang)",
    kind: "warehouse",
    regionCode: "18.71",
    address: "Kawasan Pergudangan Srengsem, Panjang, Kota Bandar Lampung",
    latitude: -5.4905,
    longitude: 105.3253,
    operatorOrganisation: "Gudang Bersama Lampung",
    source: "Kerja sama Lampung–DKI 15 Apr 2025: gudang logistik bersama",
  },
  {
    code: "gudang-bersama-jakarta",
    name: "Gudang Bersama Jakarta (Cipinang)",
    kind: "warehouse",
    regionCode: "31.75",
    address: "Pasar Induk Beras Cipinang, Jl. Pisangan Lama Selatan, Jakarta Timur",
    latitude: -6.2136,
    longitude: 106.8843,
    operatorOrganisation: "PT Food Station Tjipinang Jaya",
    source: "reference/corridor.md: PIBC, 104 warehouses",
  },
  {
    code: "pelabuhan-bakauheni",
    name: "Pelabuhan Penyeberangan Bakauheni",
    kind: "port",
    regionCode: "18.01",
    address: "Jl. Lintas Sumatera, Bakauheni, Kabupaten Lampung Selatan",
    latitude: -5.8702,
    longitude: 105.7531,
    operatorOrganisation: null,
    source: "reference/corridor.md: ferry Bakauheni–Merak ≈ 2 h",
  },
  {
    code: "pelabuhan-merak",
    name: "Pelabuhan Penyeberangan Merak",
    kind: "port",
    regionCode: "36",
    address: "Jl. Raya Pelabuhan Merak, Pulomerak, Kota Cilegon, Banten",
    latitude: -5.9297,
    longitude: 105.9963,
    operatorOrganisation: null,
    source: "reference/corridor.md: Merak → Jakarta ≈ 100 km toll road",
  },
  {
    code: "pasar-induk-kramat-jati",
    name: "Pasar Induk Kramat Jati",
    kind: "market",
    regionCode: "31.75",
    address: "Jl. Raya Bogor Km 17, Kramat Jati, Jakarta Timur",
    latitude: -6.2786,
    longitude: 106.8669,
    operatorOrganisation: "Perumda Pasar Jaya",
    source: "reference/corridor.md: PIKJ 14.7 ha, 4,428 stalls",
  },
  {
    code: "pasar-induk-beras-cipinang",
    name: "Pasar Induk Beras Cipinang",
    kind: "market",
    regionCode: "31.75",
    address: "Jl. Pisangan Lama Selatan, Pisangan Timur, Jakarta Timur",
    latitude: -6.2125,
    longitude: 106.8838,
    operatorOrganisation: "PT Food Station Tjipinang Jaya",
    source: "reference/corridor.md: PIBC, 3.0–3.5 kt rice a day",
  },
  // Pasar Jaya's retail markets where a market operation (SPHP-style stock release) sells, one per city.
  ...[
    ["pasar-senen", "Pasar Senen", "31.71", "Jl. Pasar Senen, Senen, Jakarta Pusat", -6.1737, 106.8433],
    ["pasar-koja-baru", "Pasar Koja Baru", "31.72", "Jl. Mangga, Koja, Jakarta Utara", -6.1157, 106.9017],
    [
      "pasar-grogol",
      "Pasar Grogol",
      "31.73",
      "Jl. Prof. Dr. Latumenten, Grogol Petamburan, Jakarta Barat",
      -6.1636,
      106.7891,
    ],
    [
      "pasar-minggu",
      "Pasar Minggu",
      "31.74",
      "Jl. Raya Ragunan, Pasar Minggu, Jakarta Selatan",
      -6.2847,
      106.8437,
    ],
    [
      "pasar-kramat-jati",
      "Pasar Kramat Jati",
      "31.75",
      "Jl. Raya Bogor, Kramat Jati, Jakarta Timur",
      -6.271,
      106.866,
    ],
  ].map(
    ([code, name, regionCode, address, latitude, longitude]): SiteSeed => ({
      code: code as string,
      name: name as string,
      kind: "market",
      regionCode: regionCode as string,
      address: address as string,
      latitude: latitude as number,
      longitude: longitude as number,
      operatorOrganisation: "Perumda Pasar Jaya",
      source: "reference/corridor.md: Perumda Pasar Jaya runs 148 markets",
    }),
  ),
  {
    code: "pabrik-tapioka-lampung-tengah",
    name: "Pabrik Tapioka Lampung Tengah",
    kind: "mill",
    regionCode: "18.02",
    address: "Jl. Lintas Sumatera, Terbanggi Besar, Kabupaten Lampung Tengah",
    latitude: -4.8686,
    longitude: 105.2221,
    operatorOrganisation: "Pabrik Tapioka Lampung Tengah",
    source: "reference/corridor.md: cassava → tapioca starch ≈ 20–30%",
  },
];

/** Provinces whose regencies, districts and villages Lumbung loads in full. */
export const CORRIDOR_PROVINCES = ["18", "31"] as const;
