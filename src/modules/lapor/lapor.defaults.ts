import type { Database } from "../../db/client";
import { newId } from "../../lib/ids";
import { identityRepository } from "../identity";
import type { AgencyLevel, CategoryAttribute, StageHours } from "./domain/types";
import { laporAgencies, laporCategories } from "./lapor.tables";

export interface AgencyDefault {
  code: string;
  name: string;
  level: AgencyLevel;
  regionCode: string;
  parent: string | null;
}

/**
 * Real Lampung government units that answer reports. Each is an organisation of kind `dinas`.
 * Region codes are Kemendagri (idn-area-data): 18.71.06 Tanjungkarang Pusat, 18.71.06.1005 Palapa.
 */
export const DEFAULT_AGENCIES: AgencyDefault[] = [
  {
    code: "pemprov-lampung",
    name: "Pemerintah Provinsi Lampung",
    level: "provinsi",
    regionCode: "18",
    parent: null,
  },
  {
    code: "pemkot-bandar-lampung",
    name: "Pemerintah Kota Bandar Lampung",
    level: "kabupaten",
    regionCode: "18.71",
    parent: "pemprov-lampung",
  },
  {
    code: "dpu-bandar-lampung",
    name: "Dinas Pekerjaan Umum Kota Bandar Lampung",
    level: "kabupaten",
    regionCode: "18.71",
    parent: "pemkot-bandar-lampung",
  },
  {
    code: "dlh-bandar-lampung",
    name: "Dinas Lingkungan Hidup Kota Bandar Lampung",
    level: "kabupaten",
    regionCode: "18.71",
    parent: "pemkot-bandar-lampung",
  },
  {
    code: "dishub-bandar-lampung",
    name: "Dinas Perhubungan Kota Bandar Lampung",
    level: "kabupaten",
    regionCode: "18.71",
    parent: "pemkot-bandar-lampung",
  },
  {
    code: "kec-tanjungkarang-pusat",
    name: "Kecamatan Tanjungkarang Pusat",
    level: "kecamatan",
    regionCode: "18.71.06",
    parent: "pemkot-bandar-lampung",
  },
  {
    code: "kel-palapa",
    name: "Kelurahan Palapa, Tanjungkarang Pusat",
    level: "kelurahan",
    regionCode: "18.71.06.1005",
    parent: "kec-tanjungkarang-pusat",
  },
  {
    code: "pemkab-lampung-selatan",
    name: "Pemerintah Kabupaten Lampung Selatan",
    level: "kabupaten",
    regionCode: "18.01",
    parent: "pemprov-lampung",
  },
  {
    code: "dpu-lampung-selatan",
    name: "Dinas Pekerjaan Umum Kabupaten Lampung Selatan",
    level: "kabupaten",
    regionCode: "18.01",
    parent: "pemkab-lampung-selatan",
  },
];

const hours = (h: Partial<StageHours> = {}): StageHours => ({
  menunggu: 24,
  koordinasi: 24,
  disposisi: 48,
  proses: 72,
  dibuka_kembali: 48,
  ...h,
});

export interface CategoryDefault {
  code: string;
  group: string;
  name: { id: string; en: string };
  description: { id: string; en: string };
  keywords: string[];
  agency: string;
  stageHours: StageHours;
  attributes: CategoryAttribute[];
  photoRequired: boolean;
  duplicateRadiusM: number;
  duplicateWindowHours: number;
}

export const DEFAULT_CATEGORIES: CategoryDefault[] = [
  {
    code: "jalan-rusak",
    group: "Infrastruktur",
    name: { id: "Jalan rusak", en: "Damaged road" },
    description: {
      id: "Jalan berlubang, retak, atau amblas di jalan kota.",
      en: "Potholes, cracks or subsidence on city roads.",
    },
    keywords: ["jalan", "lubang", "aspal", "pothole", "road"],
    agency: "dpu-bandar-lampung",
    stageHours: hours({ proses: 120 }),
    attributes: [
      {
        code: "ukuran",
        datatype: "singlevaluelist",
        required: false,
        description: { id: "Perkiraan ukuran kerusakan", en: "Estimated size of the damage" },
        order: 1,
        values: [
          { key: "kecil", name: { id: "Kecil (< 1 m)", en: "Small (< 1 m)" } },
          { key: "sedang", name: { id: "Sedang (1–3 m)", en: "Medium (1–3 m)" } },
          { key: "besar", name: { id: "Besar (> 3 m)", en: "Large (> 3 m)" } },
        ],
      },
    ],
    photoRequired: true,
    duplicateRadiusM: 100,
    duplicateWindowHours: 168,
  },
  {
    code: "drainase",
    group: "Infrastruktur",
    name: { id: "Drainase tersumbat", en: "Blocked drainage" },
    description: {
      id: "Selokan atau gorong-gorong tersumbat, genangan air.",
      en: "Blocked gutters or culverts, standing water.",
    },
    keywords: ["selokan", "got", "banjir", "genangan", "drain"],
    agency: "dpu-bandar-lampung",
    stageHours: hours(),
    attributes: [],
    photoRequired: false,
    duplicateRadiusM: 150,
    duplicateWindowHours: 120,
  },
  {
    code: "sampah",
    group: "Lingkungan",
    name: { id: "Sampah menumpuk", en: "Uncollected rubbish" },
    description: {
      id: "Sampah tidak diangkut atau tempat pembuangan liar.",
      en: "Rubbish not collected, or illegal dumping.",
    },
    keywords: ["sampah", "tps", "bau", "rubbish", "waste"],
    agency: "dlh-bandar-lampung",
    stageHours: hours({ proses: 48 }),
    attributes: [],
    photoRequired: false,
    duplicateRadiusM: 75,
    duplicateWindowHours: 72,
  },
  {
    code: "lampu-jalan",
    group: "Infrastruktur",
    name: { id: "Lampu jalan mati", en: "Street light out" },
    description: { id: "Penerangan jalan umum mati atau rusak.", en: "Street lighting off or broken." },
    keywords: ["lampu", "pju", "gelap", "light"],
    agency: "dishub-bandar-lampung",
    stageHours: hours(),
    attributes: [],
    photoRequired: false,
    duplicateRadiusM: 50,
    duplicateWindowHours: 168,
  },
  {
    code: "pohon-tumbang",
    group: "Lingkungan",
    name: { id: "Pohon tumbang", en: "Fallen tree" },
    description: {
      id: "Pohon tumbang atau dahan rawan patah di jalan/ruang publik.",
      en: "A fallen tree or a branch about to fall on a road or public space.",
    },
    keywords: ["pohon", "dahan", "tumbang", "tree"],
    agency: "dlh-bandar-lampung",
    stageHours: hours({ menunggu: 6, koordinasi: 6, disposisi: 12, proses: 24 }),
    attributes: [],
    photoRequired: false,
    duplicateRadiusM: 100,
    duplicateWindowHours: 72,
  },
  {
    code: "pelayanan-publik",
    group: "Layanan publik",
    name: { id: "Pelayanan publik", en: "Public service" },
    description: {
      id: "Keluhan atas pelayanan kantor pemerintah kota, kecamatan, atau kelurahan.",
      en: "Complaints about services at city, district or village offices.",
    },
    keywords: ["pelayanan", "kantor", "pungli", "antrian", "service"],
    agency: "pemkot-bandar-lampung",
    stageHours: hours({ proses: 120 }),
    attributes: [],
    photoRequired: false,
    duplicateRadiusM: 50,
    duplicateWindowHours: 72,
  },
  {
    code: "harga-pangan",
    group: "Pangan",
    name: { id: "Harga pangan tidak wajar", en: "Unusual food prices" },
    description: {
      id: "Harga bahan pokok di atas HET/HAP atau barang langka di pasar. Lihat juga papan harga.",
      en: "Staple prices above the ceiling, or goods missing at a market. See also the price board.",
    },
    keywords: ["harga", "beras", "minyak", "cabai", "het", "price"],
    agency: "pemprov-lampung",
    stageHours: hours({ proses: 48 }),
    attributes: [
      {
        code: "komoditas",
        datatype: "string",
        required: false,
        description: { id: "Komoditas (mis. beras medium)", en: "Commodity (e.g. medium rice)" },
        order: 1,
      },
      {
        code: "harga",
        datatype: "number",
        required: false,
        description: { id: "Harga yang dilihat (Rp/kg)", en: "Price seen (Rp/kg)" },
        order: 2,
      },
    ],
    photoRequired: false,
    duplicateRadiusM: 200,
    duplicateWindowHours: 72,
  },
  {
    code: "bencana",
    group: "Kebencanaan",
    name: { id: "Bencana dan keadaan darurat", en: "Disaster and emergency" },
    description: {
      id: "Banjir, longsor, kebakaran. Untuk keadaan darurat hubungi 112.",
      en: "Floods, landslides, fires. In an emergency call 112.",
    },
    keywords: ["banjir", "longsor", "kebakaran", "bencana", "flood"],
    agency: "pemprov-lampung",
    stageHours: { menunggu: 2, koordinasi: 4, disposisi: 6, proses: 24, dibuka_kembali: 12 },
    attributes: [],
    photoRequired: false,
    duplicateRadiusM: 200,
    duplicateWindowHours: 72,
  },
];

/**
 * Agencies (with their `dinas` organisations) and categories, at every start. Agencies are upserted by code;
 * categories are inserted when missing and otherwise left as an admin may have edited them.
 */
export async function loadLaporDefaults(db: Database): Promise<void> {
  const now = new Date();
  const ids = new Map<string, string>();
  for (const a of DEFAULT_AGENCIES) {
    const org =
      (await identityRepository.findOrganisationByName(db, a.name)) ??
      (await identityRepository.insertOrganisation(db, {
        id: newId("org"),
        name: a.name,
        kind: "dinas",
        regionCode: a.regionCode,
      })) ??
      (await identityRepository.findOrganisationByName(db, a.name));
    if (!org) throw new Error(`Could not create the organisation of ${a.name}`);
    const parentId = a.parent ? (ids.get(a.parent) ?? null) : null;
    const [row] = await db
      .insert(laporAgencies)
      .values({
        id: newId("lag"),
        code: a.code,
        organisationId: org.id,
        name: a.name,
        level: a.level,
        regionCode: a.regionCode,
        parentId,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: laporAgencies.code,
        set: { name: a.name, level: a.level, regionCode: a.regionCode, parentId },
      })
      .returning({ id: laporAgencies.id });
    if (row) ids.set(a.code, row.id);
  }
  let sort = 0;
  for (const c of DEFAULT_CATEGORIES) {
    const agencyId = ids.get(c.agency);
    if (!agencyId) throw new Error(`Unknown agency ${c.agency}`);
    sort += 10;
    await db
      .insert(laporCategories)
      .values({
        code: c.code,
        group: c.group,
        nameId: c.name.id,
        nameEn: c.name.en,
        descriptionId: c.description.id,
        descriptionEn: c.description.en,
        keywords: c.keywords,
        agencyId,
        stageHours: c.stageHours,
        attributes: c.attributes,
        photoRequired: c.photoRequired,
        duplicateRadiusM: c.duplicateRadiusM,
        duplicateWindowHours: c.duplicateWindowHours,
        active: true,
        sort,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: laporCategories.code });
  }
}
