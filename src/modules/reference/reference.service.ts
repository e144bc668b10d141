import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";
import type { Database, DbOrTx } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { jakartaDate } from "../../lib/time";
import "./reference.errors";
import { COMMODITIES, CORRIDOR_PROVINCES, REFERENCE_PRICES, SITES } from "./reference.data";
import {
  commodities,
  type RegionLevel,
  referencePrices,
  regions,
  type SiteKind,
  sites,
} from "./reference.tables";

const BATCH = 500;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function insertBatched<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Kemendagri lists from idn-area-data: every province; regencies down to villages for Lampung and DKI. */
async function officialRegions() {
  const inCorridor = (code: string) => CORRIDOR_PROVINCES.some((p) => code === p || code.startsWith(`${p}.`));
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const rows: (typeof regions.$inferInsert)[] = [
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: "province" as const, parentCode: null })),
    ...regencies
      .filter((r) => inCorridor(r.code))
      .map((r) => ({ code: r.code, name: r.name, level: "regency" as const, parentCode: r.province_code })),
    ...districts
      .filter((d) => inCorridor(d.code))
      .map((d) => ({ code: d.code, name: d.name, level: "district" as const, parentCode: d.regency_code })),
    ...villages
      .filter((v) => inCorridor(v.code))
      .map((v) => ({ code: v.code, name: v.name, level: "village" as const, parentCode: v.district_code })),
  ];
  return rows;
}

export function referencePriceId(p: {
  commodityCode: string;
  kind: string;
  level: string;
  zone: string | null;
  effectiveFrom: string;
}) {
  return `rp_${p.commodityCode}_${p.kind}_${p.level}_${p.zone ?? "national"}_${p.effectiveFrom}`;
}

/**
 * Loads reference data; safe to run at every start: existing rows are updated in place,
 * nothing is duplicated, and rows added by admins are left alone.
 */
export async function loadReferenceData(
  db: Database,
): Promise<{ regions: number; commodities: number; prices: number; sites: number }> {
  const regionRows = await officialRegions();
  await db.transaction(async (tx) => {
    await insertBatched(regionRows, (chunk) =>
      tx
        .insert(regions)
        .values(chunk)
        .onConflictDoUpdate({
          target: regions.code,
          set: {
            name: sql`excluded.name`,
            level: sql`excluded.level`,
            parentCode: sql`excluded.parent_code`,
          },
        }),
    );
    await tx
      .insert(commodities)
      .values(COMMODITIES.map((c, i) => ({ ...c, sortOrder: i })))
      .onConflictDoUpdate({
        target: commodities.code,
        set: {
          name: sql`excluded.name`,
          nameEn: sql`excluded.name_en`,
          category: sql`excluded.category`,
          unit: sql`excluded.unit`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    await tx
      .insert(referencePrices)
      .values(
        REFERENCE_PRICES.map((p) => ({
          id: referencePriceId(p),
          commodityCode: p.commodityCode,
          kind: p.kind,
          level: p.level,
          zone: p.zone,
          minPrice: p.min,
          maxPrice: p.max,
          unit: p.unit,
          effectiveFrom: p.effectiveFrom,
          source: p.source,
        })),
      )
      .onConflictDoUpdate({
        target: referencePrices.id,
        set: {
          minPrice: sql`excluded.min_price`,
          maxPrice: sql`excluded.max_price`,
          source: sql`excluded.source`,
        },
      });
    for (const s of SITES) {
      await tx
        .insert(sites)
        .values({
          id: `site_${s.code}`,
          code: s.code,
          name: s.name,
          kind: s.kind,
          regionCode: s.regionCode,
          address: s.address,
          latitude: s.latitude,
          longitude: s.longitude,
          source: s.source,
        })
        .onConflictDoUpdate({
          target: sites.code,
          set: {
            source: s.source,
            name: s.name,
            kind: s.kind,
            regionCode: s.regionCode,
            address: s.address,
            latitude: s.latitude,
            longitude: s.longitude,
          },
        });
    }
  });
  return {
    regions: regionRows.length,
    commodities: COMMODITIES.length,
    prices: REFERENCE_PRICES.length,
    sites: SITES.length,
  };
}

type PriceRow = typeof referencePrices.$inferSelect;

/** For each (commodity, kind, level, zone), the row with the latest effective date on or before `day`. */
export function pricesInForce(rows: PriceRow[], day: string): PriceRow[] {
  const latest = new Map<string, PriceRow>();
  for (const r of rows) {
    if (r.effectiveFrom > day) continue;
    const key = JSON.stringify([r.commodityCode, r.kind, r.level, r.zone]);
    const seen = latest.get(key);
    if (!seen || seen.effectiveFrom < r.effectiveFrom) latest.set(key, r);
  }
  return [...latest.values()];
}

export function createReferenceService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const priceView = (r: PriceRow) => ({
    id: r.id,
    kind: r.kind,
    level: r.level,
    zone: r.zone,
    min: r.minPrice,
    max: r.maxPrice,
    unit: r.unit,
    effectiveFrom: r.effectiveFrom,
    source: r.source,
  });

  return {
    async listRegions(q: { level?: RegionLevel; parent?: string; q?: string }) {
      const conditions = [];
      if (q.level) conditions.push(eq(regions.level, q.level));
      if (q.parent) conditions.push(eq(regions.parentCode, q.parent));
      if (q.q) conditions.push(sql`${regions.name} ilike ${`%${escapeLike(q.q)}%`} escape '\\'`);
      return db
        .select()
        .from(regions)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(regions.code))
        .limit(5000);
    },

    async getRegion(code: string) {
      const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
      if (!row) throw new AppError("reference.unknown_region", `No region with code ${code}`);
      return row;
    },

    async regionExists(code: string) {
      const [row] = await db
        .select({ code: regions.code })
        .from(regions)
        .where(eq(regions.code, code))
        .limit(1);
      return Boolean(row);
    },

    /** Commodities with the reference prices in force on `day` (default: today in WIB). */
    async listCommodities(day: string = jakartaDate(clock.now())) {
      const [rows, prices] = await Promise.all([
        db.select().from(commodities).orderBy(asc(commodities.sortOrder)),
        db.select().from(referencePrices).where(lte(referencePrices.effectiveFrom, day)),
      ]);
      const inForce = pricesInForce(prices, day);
      return rows.map((c) => ({
        ...c,
        referencePrices: inForce.filter((p) => p.commodityCode === c.code).map(priceView),
      }));
    },

    async getCommodity(code: string) {
      const [row] = await db.select().from(commodities).where(eq(commodities.code, code)).limit(1);
      if (!row) throw new AppError("reference.unknown_commodity", `No commodity with code ${code}`);
      const history = await db
        .select()
        .from(referencePrices)
        .where(eq(referencePrices.commodityCode, code))
        .orderBy(asc(referencePrices.effectiveFrom));
      const today = jakartaDate(clock.now());
      return {
        ...row,
        referencePrices: pricesInForce(history, today).map(priceView),
        referencePriceHistory: history.map(priceView),
      };
    },

    async addReferencePrice(input: {
      commodityCode: string;
      kind: "HET" | "HAP" | "HPP";
      level: "consumer" | "producer";
      zone: string | null;
      min: number | null;
      max: number;
      effectiveFrom: string;
      source: string;
    }) {
      const commodity = await this.getCommodity(input.commodityCode);
      if (input.min !== null && input.min > input.max) {
        throw new AppError("request.validation", "min must not exceed max", {
          errors: [
            { field: "body/min", message: "must not exceed max", messageId: "tidak boleh melebihi max" },
          ],
        });
      }
      const row = {
        id: referencePriceId(input),
        commodityCode: input.commodityCode,
        kind: input.kind,
        level: input.level,
        zone: input.zone,
        minPrice: input.min,
        maxPrice: input.max,
        unit: commodity.unit,
        effectiveFrom: input.effectiveFrom,
        source: input.source,
      };
      const [inserted] = await db.insert(referencePrices).values(row).onConflictDoNothing().returning();
      if (!inserted) {
        throw new AppError(
          "reference.price_exists",
          "A reference price with that commodity, kind, level, zone and date exists",
        );
      }
      return priceView(inserted);
    },

    async listSites(q: { kind?: SiteKind; regionCode?: string }) {
      const conditions = [];
      if (q.kind) conditions.push(eq(sites.kind, q.kind));
      if (q.regionCode) conditions.push(sql`${sites.regionCode} like ${`${q.regionCode}%`}`);
      const rows = await db
        .select({ site: sites, regionName: regions.name })
        .from(sites)
        .leftJoin(regions, eq(regions.code, sites.regionCode))
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(sites.kind), asc(sites.name));
      return rows.map((r) => ({ ...r.site, regionName: r.regionName ?? "" }));
    },

    async getSite(code: string) {
      const [row] = await db.select().from(sites).where(eq(sites.code, code)).limit(1);
      if (!row) throw new AppError("reference.unknown_site", `No site ${code}`);
      return row;
    },

    /**
     * Sites by the GLN key (`<company prefix>.<location reference>`) of any SGLN naming them, dock and
     * zone extensions included; inside the caller's transaction when given one.
     */
    async sitesByGlnKeys(keys: string[], tx: DbOrTx = db) {
      if (!keys.length) return [];
      const sglns = keys.map((k) => `urn:epc:id:sgln:${k}.0`);
      return tx.select().from(sites).where(inArray(sites.sgln, sglns));
    },

    /** Sites Lumbung has not yet given a GLN. */
    async sitesWithoutGln() {
      return db.select().from(sites).where(isNull(sites.gln)).orderBy(asc(sites.code));
    },

    async setSiteGln(code: string, gln: string, sgln: string) {
      await db
        .update(sites)
        .set({ gln, sgln })
        .where(and(eq(sites.code, code), isNull(sites.gln)));
    },

    async assignSiteOperators(assignments: { siteCode: string; organisationId: string }[]) {
      for (const a of assignments) {
        await db
          .update(sites)
          .set({ operatorOrganisationId: a.organisationId })
          .where(eq(sites.code, a.siteCode));
      }
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
