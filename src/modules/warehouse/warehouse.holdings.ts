import { and, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { fefoOrder } from "./domain/fefo";
import { stockBalances } from "./warehouse.tables";

/** One tenant's available stock of a commodity at one shared warehouse, lots first-expiring first. */
export interface WarehouseHolding {
  siteCode: string;
  tenantOrganisationId: string;
  grams: number;
  lots: { epc: string; grams: number; expiryDate: string | null }[];
}

/**
 * Available (not held) stock of a commodity at these sites, per site and tenant, every location
 * included (dock, zones, staging): for supply figures that read across tenants, not for a tenant's
 * own stock view. A lot in two zones is one line with both balances added.
 */
export async function availableHoldings(
  db: DbOrTx,
  q: { siteCodes: string[]; commodityCode: string },
): Promise<WarehouseHolding[]> {
  if (!q.siteCodes.length) return [];
  const rows = await db
    .select()
    .from(stockBalances)
    .where(
      and(
        inArray(stockBalances.siteCode, q.siteCodes),
        eq(stockBalances.commodityCode, q.commodityCode),
        eq(stockBalances.state, "available"),
        gt(stockBalances.grams, 0),
      ),
    );
  const holdings = new Map<string, WarehouseHolding>();
  for (const row of fefoOrder(rows)) {
    const key = `${row.siteCode}\u0000${row.tenantOrganisationId}`;
    const h = holdings.get(key) ?? {
      siteCode: row.siteCode,
      tenantOrganisationId: row.tenantOrganisationId,
      grams: 0,
      lots: [],
    };
    h.grams += row.grams;
    const lot = h.lots.find((l) => l.epc === row.epc);
    if (lot) lot.grams += row.grams;
    else h.lots.push({ epc: row.epc, grams: row.grams, expiryDate: row.expiryDate });
    holdings.set(key, h);
  }
  return [...holdings.values()].sort(
    (a, b) =>
      b.grams - a.grams ||
      a.siteCode.localeCompare(b.siteCode) ||
      a.tenantOrganisationId.localeCompare(b.tenantOrganisationId),
  );
}
