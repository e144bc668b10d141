import type { Database } from "../../db/client";
import { newId } from "../../lib/ids";
import { hashPassword, identityRepository } from "../identity";
import { DEFAULT_AGENCIES } from "./lapor.defaults";

/** Demo staff of the Lapor agencies (demo mode only), password `lumbung-demo` like every demo account. */
export const LAPOR_DEMO_USERS: { email: string; name: string; agency: string }[] = [
  { email: "pu@lumbung.test", name: "Rudi Hartawan (Dinas PU Bandar Lampung)", agency: "dpu-bandar-lampung" },
  { email: "dlh@lumbung.test", name: "Sri Wahyuni (DLH Bandar Lampung)", agency: "dlh-bandar-lampung" },
  {
    email: "kecamatan@lumbung.test",
    name: "Andi Saputra (Kecamatan Tanjungkarang Pusat)",
    agency: "kec-tanjungkarang-pusat",
  },
  {
    email: "pemkot@lumbung.test",
    name: "Yuliana Putri (Pemkot Bandar Lampung)",
    agency: "pemkot-bandar-lampung",
  },
];

/** Idempotent: creates the demo staff users and their memberships in the agencies' organisations. */
export async function seedLaporDemo(db: Database, password = "lumbung-demo"): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const u of LAPOR_DEMO_USERS) {
    const agency = DEFAULT_AGENCIES.find((a) => a.code === u.agency);
    if (!agency) continue;
    const org = await identityRepository.findOrganisationByName(db, agency.name);
    if (!org) continue;
    const user =
      (await identityRepository.findUserByEmail(db, u.email)) ??
      (await identityRepository.insertUser(db, {
        id: newId("usr"),
        name: u.name,
        email: u.email,
        passwordHash,
        isAdmin: false,
      }));
    if (user) await identityRepository.insertMembership(db, user.id, org.id, "org_admin");
  }
}
