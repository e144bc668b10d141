import type { Database } from "../../db/client";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import type { ReferenceService } from "../reference";
import { locationSgln } from "./domain/locations";
import { warehouseRepository as repo } from "./warehouse.repository";
import type { ZoneKind } from "./warehouse.tables";

interface DemoZone {
  code: string;
  name: string;
  kind: ZoneKind;
  tonnes: number;
  pallets: number;
}

/** Zones and tenants of the two shared warehouses (Jakarta: PIBC's scale; Lampung: smaller). */
export const DEMO_WAREHOUSES: Record<string, { zones: DemoZone[]; tenants: string[] }> = {
  "gudang-bersama-jakarta": {
    zones: [
      { code: "kering-a", name: "Gudang kering A", kind: "dry", tonnes: 5_000, pallets: 2_000 },
      { code: "kering-b", name: "Gudang kering B", kind: "dry", tonnes: 3_000, pallets: 1_200 },
      { code: "dingin-1", name: "Ruang dingin 1", kind: "cold", tonnes: 200, pallets: 80 },
    ],
    tenants: ["PT Food Station Tjipinang Jaya", "Perumda Pasar Jaya"],
  },
  "gudang-bersama-lampung": {
    zones: [
      { code: "kering-a", name: "Gudang kering A", kind: "dry", tonnes: 2_000, pallets: 800 },
      { code: "dingin-1", name: "Ruang dingin 1", kind: "cold", tonnes: 100, pallets: 40 },
    ],
    tenants: ["Gapoktan Sari Makmur", "PT Wahana Raharja", "Kopi Robusta Tanggamus"],
  },
};

/**
 * Demo zones and tenants, idempotent: existing zones and tenancies are left as they are (an operator
 * may have changed them). Runs after the sites have GLNs and the demo organisations exist.
 */
export async function seedWarehouseDemo(
  db: Database,
  reference: Pick<ReferenceService, "getSite">,
  organisationIds: ReadonlyMap<string, string>,
): Promise<void> {
  const now = new Date();
  for (const [siteCode, demo] of Object.entries(DEMO_WAREHOUSES)) {
    const site = await reference.getSite(siteCode).catch(() => null);
    if (!site?.sgln) continue;
    for (const z of demo.zones) {
      await repo.insertZone(db, {
        id: newId("zon"),
        siteCode,
        code: z.code,
        name: z.name,
        kind: z.kind,
        capacityKg: z.tonnes * 1000,
        palletPlaces: z.pallets,
        sgln: locationSgln(site.sgln, z.code),
        createdAt: now,
      });
    }
    for (const name of demo.tenants) {
      const organisationId = organisationIds.get(name);
      if (!organisationId) continue;
      await repo.insertTenant(db, {
        id: newId("wtn"),
        siteCode,
        organisationId,
        since: jakartaDate(now),
        createdAt: now,
      });
    }
  }
}
