import type { Database } from "../db/client";
import { newId } from "../lib/ids";
import {
  hashPassword,
  hashToken,
  identityRepository as identity,
  type OrganisationKind,
} from "../modules/identity";
import { seedLaporDemo } from "../modules/lapor";
import { seedNewsDemo } from "../modules/news";
import type { ReferenceService } from "../modules/reference";
import { seedSupplyDemo } from "../modules/supply";
import { seedWarehouseDemo } from "../modules/warehouse";

export const DEMO_PASSWORD = "lumbung-demo";
export const DEMO_PARTNER = { clientId: "jaki-demo", clientSecret: "jaki-demo-secret" } as const;

interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  regionCode: string;
}

// Region codes are Kemendagri (idn-area-data): 31.71 Jakarta Pusat, 31.72 Jakarta Utara, 31.75 Jakarta Timur.
// (../shared/reference/corridor.md lists BPS codes for Jakarta, which number the kota differently.)

/** One organisation per kind that has a demo user, plus the BUMDs and partners the journeys need. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { name: "Gapoktan Sari Makmur", kind: "koperasi", regionCode: "18.72" },
  { name: "Kopi Robusta Tanggamus", kind: "umkm", regionCode: "18.06" },
  { name: "PT Food Station Tjipinang Jaya", kind: "bumd", regionCode: "31.75" },
  { name: "Perumda Pasar Jaya", kind: "bumd", regionCode: "31.71" },
  { name: "Perumda Dharma Jaya", kind: "bumd", regionCode: "31.75" },
  { name: "PT Wahana Raharja", kind: "bumd", regionCode: "18.71" },
  { name: "Operator Hub Pelabuhan Panjang", kind: "hub_operator", regionCode: "18.71" },
  { name: "Operator Hub Tanjung Priok", kind: "hub_operator", regionCode: "31.72" },
  { name: "Gudang Bersama Lampung", kind: "warehouse_operator", regionCode: "18.71" },
  { name: "PT Angkutan Sumatera Jawa", kind: "carrier", regionCode: "18.71" },
  { name: "Pabrik Tapioka Lampung Tengah", kind: "processor", regionCode: "18.02" },
  { name: "Dinas Ketahanan Pangan Provinsi Lampung", kind: "dinas", regionCode: "18" },
  { name: "JAKI — Diskominfotik DKI Jakarta", kind: "partner_platform", regionCode: "31" },
];

/** The demo accounts the README lists: one per persona, all with the password `lumbung-demo`. */
export const DEMO_USERS: { email: string; name: string; organisation: string | null; admin?: boolean }[] = [
  { email: "admin@lumbung.test", name: "Admin Lumbung", organisation: null, admin: true },
  {
    email: "koperasi@lumbung.test",
    name: "Siti Rahayu (Gapoktan Sari Makmur)",
    organisation: "Gapoktan Sari Makmur",
  },
  {
    email: "umkm@lumbung.test",
    name: "Made Wirawan (Kopi Robusta Tanggamus)",
    organisation: "Kopi Robusta Tanggamus",
  },
  {
    email: "bumd@lumbung.test",
    name: "Rina Hartono (Food Station)",
    organisation: "PT Food Station Tjipinang Jaya",
  },
  {
    email: "hub@lumbung.test",
    name: "Agus Saputra (Hub Panjang)",
    organisation: "Operator Hub Pelabuhan Panjang",
  },
  {
    email: "gudang@lumbung.test",
    name: "Dewi Lestari (Gudang Bersama)",
    organisation: "Gudang Bersama Lampung",
  },
  {
    email: "kurir@lumbung.test",
    name: "Joko Prasetyo (Angkutan Sumatera Jawa)",
    organisation: "PT Angkutan Sumatera Jawa",
  },
  {
    email: "dinas@lumbung.test",
    name: "Bambang Sutrisno (DKP Lampung)",
    organisation: "Dinas Ketahanan Pangan Provinsi Lampung",
  },
  {
    email: "priok@lumbung.test",
    name: "Yusuf Hidayat (Hub Priok)",
    organisation: "Operator Hub Tanjung Priok",
  },
  {
    email: "olah@lumbung.test",
    name: "Wayan Sudarma (Pabrik Tapioka)",
    organisation: "Pabrik Tapioka Lampung Tengah",
  },
  {
    email: "pasar@lumbung.test",
    name: "Hendra Gunawan (Pasar Jaya)",
    organisation: "Perumda Pasar Jaya",
  },
  { email: "warga@lumbung.test", name: "Nur Aini", organisation: null },
];

const SITE_OPERATORS: Record<string, string> = {
  "hub-panjang": "Operator Hub Pelabuhan Panjang",
  "hub-priok": "Operator Hub Tanjung Priok",
  "gudang-bersama-lampung": "Gudang Bersama Lampung",
  "gudang-bersama-jakarta": "PT Food Station Tjipinang Jaya",
  "pasar-induk-kramat-jati": "Perumda Pasar Jaya",
  "pasar-induk-beras-cipinang": "PT Food Station Tjipinang Jaya",
  "pasar-senen": "Perumda Pasar Jaya",
  "pasar-koja-baru": "Perumda Pasar Jaya",
  "pasar-grogol": "Perumda Pasar Jaya",
  "pasar-minggu": "Perumda Pasar Jaya",
  "pasar-kramat-jati": "Perumda Pasar Jaya",
  "pabrik-tapioka-lampung-tengah": "Pabrik Tapioka Lampung Tengah",
};

/** Idempotent: run at every start in demo mode; existing rows are kept as they are. */
export async function seedDemo(db: Database, reference: ReferenceService): Promise<void> {
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS) {
    const existing = await identity.findOrganisationByName(db, o.name);
    const row = existing ?? (await identity.insertOrganisation(db, { id: newId("org"), ...o }));
    if (row) orgIds.set(o.name, row.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const user =
      (await identity.findUserByEmail(db, u.email)) ??
      (await identity.insertUser(db, {
        id: newId("usr"),
        name: u.name,
        email: u.email,
        passwordHash,
        isAdmin: u.admin ?? false,
      }));
    const orgId = u.organisation ? orgIds.get(u.organisation) : undefined;
    if (user && orgId) await identity.insertMembership(db, user.id, orgId, "org_admin");
  }
  const jaki = orgIds.get("JAKI — Diskominfotik DKI Jakarta");
  if (jaki && !(await identity.findClient(db, DEMO_PARTNER.clientId))) {
    await identity.upsertClient(db, {
      id: newId("cli"),
      clientId: DEMO_PARTNER.clientId,
      secretHash: hashToken(DEMO_PARTNER.clientSecret),
      name: "JAKI (demo)",
      organisationId: jaki,
      scopes: ["products:read", "orders:read", "orders:write"],
    });
  }
  await reference.assignSiteOperators(
    Object.entries(SITE_OPERATORS).flatMap(([siteCode, org]) => {
      const organisationId = orgIds.get(org);
      return organisationId ? [{ siteCode, organisationId }] : [];
    }),
  );
  await seedWarehouseDemo(db, reference, orgIds);
  await seedSupplyDemo(db, orgIds);
  await seedLaporDemo(db, DEMO_PASSWORD);
  await seedNewsDemo(db);
}
