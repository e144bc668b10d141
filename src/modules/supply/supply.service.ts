import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import type { IdentityService } from "../identity";
import type { LotsService } from "../lots";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";
import type { WarehouseService } from "../warehouse";
import { addDays, coverDays, leanGapOf, projectOutlook, roundKg } from "./domain/outlook";
import { supplyRepository as repo, type StockReportRow, type SupplyPlanRow } from "./supply.repository";
import "./supply.errors";

export interface SupplyDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  identity: IdentityService;
  lots: LotsService;
  warehouse: WarehouseService;
  shipments: ShipmentsService;
}

/** One lot (or container) of a holding, FEFO order: what a release would pick. */
export interface HoldingLot {
  epc: string;
  kg: number;
  expiryDate: string | null;
}

/** Stock one organisation holds in one place. */
export interface Holding {
  source: "warehouse" | "report";
  /** Shared warehouse site code; null for reported stock held elsewhere. */
  siteCode: string | null;
  siteName: string;
  organisationId: string;
  organisationName: string;
  kg: number;
  /** Date of the balance (today for the ledger) or of the report. */
  asOf: string;
  /** Ledger stock only (available, not on hold), FEFO order. Empty for reported stock. */
  lots: HoldingLot[];
}

export interface InboundShipment {
  id: string;
  number: string;
  status: string;
  shipperOrganisationId: string;
  originName: string;
  destinationName: string;
  /** ISO timestamp; null when unknown. */
  eta: string | null;
  plannedDeparture: string | null;
  kg: number;
}

export interface OutlookWeek {
  /** Monday (WIB) of the week, yyyy-mm-dd. */
  weekStart: string;
  arrivalsKg: number;
  /** (inflow index − 1) × demand × 7: what the market adds to (or takes from) the buffer that week. */
  marketBalanceKg: number;
  /** Lampung partners' supply that week by the harvest profile (available to buy, not counted in stock). */
  lampungSupplyKg: number;
  /** Projected stock at the end of the week. */
  stockKg: number;
  coverDays: number;
  /** Kilograms short of the target cover at the end of the week (0 when at or above it). */
  gapKg: number;
  /** In the lean season: the market brings in less than demand that month (inflow index < 1). */
  lean: boolean;
}

export interface SupplyPlanView {
  commodityCode: string;
  regionCode: string;
  dailyDemandKg: number;
  targetCoverDays: number;
  inflowIndex: number[];
  lampungSupplyKg: number[];
  demandElasticity: number;
  source: string;
  updatedAt: string;
}

export interface SupplyPosition {
  commodityCode: string;
  commodityName: string;
  /** Province code. */
  regionCode: string;
  regionName: string;
  asOf: string;
  plan: SupplyPlanView | null;
  stock: { totalKg: number; holdings: Holding[] };
  inTransit: { totalKg: number; shipments: InboundShipment[] };
  lampung: {
    /** Harvest lots declared in the last 30 days that no shipment carries yet. */
    declaredLotsKg: number;
    declaredLots: number;
    /** Those lots, oldest declaration first, with what is left of each at the farm. */
    lots: {
      lgtin: string;
      organisationId: string;
      organisationName: string;
      harvestDate: string;
      kg: number;
    }[];
    /** Available stock of the commodity in Lampung's shared warehouse(s). */
    warehouseKg: number;
    /** Sum of the harvest profile over the outlook's 16 weeks. */
    expectedKg: number;
  };
  /** Stock now ÷ daily demand; null (with `notes`) when no demand is configured. */
  coverDays: number | null;
  outlook: OutlookWeek[];
  /** The weeks below target cover, when any. */
  leanGap: { firstWeek: string; weeks: number; maxGapKg: number } | null;
  /** Why a figure is missing, bilingual. */
  notes: { id: string; en: string }[];
}

export interface SupplyPlanInput {
  dailyDemandKg: number;
  targetCoverDays: number;
  inflowIndex: number[];
  lampungSupplyKg: number[];
  demandElasticity: number;
  source: string;
}

export interface StockReportInput {
  commodityCode: string;
  regionCode: string;
  kg: number;
  asOf: string;
  note?: string | null | undefined;
}

export interface StockReportView {
  id: string;
  organisationId: string;
  organisationName: string;
  commodityCode: string;
  regionCode: string;
  kg: number;
  asOf: string;
  note: string | null;
  /** The organisation's latest report up to today: the one the position counts. */
  counted: boolean;
  createdAt: string;
}

/** Lampung (18): where the corridor's harvest lots and partners are. */
const LAMPUNG = "18";
/** Harvest lots declared this many days back (today included) count as Lampung's offer. */
const DECLARED_LOT_DAYS = 30;

const kgOf = (grams: number) => roundKg(grams / 1000);
const wibDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

function planView(row: SupplyPlanRow): SupplyPlanView {
  return {
    commodityCode: row.commodityCode,
    regionCode: row.regionCode,
    dailyDemandKg: row.dailyDemandKg,
    targetCoverDays: row.targetCoverDays,
    inflowIndex: row.inflowIndex,
    lampungSupplyKg: row.lampungSupplyKg,
    demandElasticity: row.demandElasticity,
    source: row.source,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The latest report of each organisation (rows come newest first). */
function latestPerOrganisation(rows: StockReportRow[]): Set<string> {
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.organisationId)) continue;
    seen.add(r.organisationId);
    ids.add(r.id);
  }
  return ids;
}

export function createSupplyService(deps: SupplyDeps) {
  const { db, clock, reference } = deps;
  const today = () => jakartaDate(clock.now());

  async function commodity(code: string, field: string) {
    try {
      return await reference.getCommodity(code);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "reference.unknown_commodity") throw err;
      throw new AppError("supply.unknown_commodity", `No commodity ${code}`, {
        errors: [
          { field, message: `unknown commodity ${code}`, messageId: `komoditas ${code} tidak dikenal` },
        ],
      });
    }
  }

  /** A province: two digits. A regency or lower is refused by name, not mapped silently. */
  async function province(code: string, field: string) {
    const known = await reference.regionExists(code);
    if (known && !/^\d{2}$/.test(code)) {
      const errors: FieldError[] = [
        {
          field,
          message: `${code} is not a province; use the province code ${code.slice(0, 2)}`,
          messageId: `${code} bukan provinsi; gunakan kode provinsi ${code.slice(0, 2)}`,
        },
      ];
      throw new AppError("supply.not_a_province", `${code} is not a province code`, { errors });
    }
    if (!known) {
      throw new AppError("supply.unknown_region", `No region ${code}`, {
        errors: [{ field, message: `unknown region ${code}`, messageId: `wilayah ${code} tidak dikenal` }],
      });
    }
    return reference.getRegion(code);
  }

  async function names(ids: string[]) {
    return deps.identity.organisationNames([...new Set(ids)]);
  }

  /** Ledger stock in the province's shared warehouses plus the latest report of each organisation. */
  async function stockOf(commodityCode: string, regionCode: string, day: string) {
    const sites = await reference.listSites({ regionCode });
    const warehouses = sites.filter((s) => s.kind === "warehouse");
    const [ledger, reports] = await Promise.all([
      deps.warehouse.availableHoldings({ siteCodes: warehouses.map((s) => s.code), commodityCode }),
      repo.reports(db, commodityCode, regionCode, day),
    ]);
    const counted = latestPerOrganisation(reports);
    // Largest first, as the ledger holdings are.
    const latest = reports.filter((r) => counted.has(r.id)).sort((a, b) => b.kg - a.kg);
    const orgNames = await names([
      ...ledger.map((h) => h.tenantOrganisationId),
      ...latest.map((r) => r.organisationId),
    ]);
    const siteName = new Map(sites.map((s) => [s.code, s.name]));
    const holdings: Holding[] = [
      ...ledger.map((h) => ({
        source: "warehouse" as const,
        siteCode: h.siteCode,
        siteName: siteName.get(h.siteCode) ?? h.siteCode,
        organisationId: h.tenantOrganisationId,
        organisationName: orgNames.get(h.tenantOrganisationId) ?? "",
        kg: kgOf(h.grams),
        asOf: day,
        lots: h.lots.map((l) => ({ epc: l.epc, kg: kgOf(l.grams), expiryDate: l.expiryDate })),
      })),
      ...latest.map((r) => ({
        source: "report" as const,
        siteCode: null,
        siteName: r.note ?? "",
        organisationId: r.organisationId,
        organisationName: orgNames.get(r.organisationId) ?? "",
        kg: r.kg,
        asOf: r.asOf,
        lots: [],
      })),
    ];
    return { sites, holdings, totalKg: roundKg(holdings.reduce((s, h) => s + h.kg, 0)) };
  }

  async function inboundTo(commodityCode: string, sites: { sgln: string | null }[]) {
    const sglns = sites.flatMap((s) => (s.sgln ? [s.sgln] : []));
    const rows = await deps.shipments.inboundShipments({
      destinationSglns: sglns,
      excludeOriginSglns: sglns,
      commodityCode,
    });
    const shipments: InboundShipment[] = rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      shipperOrganisationId: r.shipperOrganisationId,
      originName: r.originName,
      destinationName: r.destinationName,
      eta: r.eta?.toISOString() ?? null,
      plannedDeparture: r.plannedDeparture?.toISOString() ?? null,
      kg: kgOf(r.grams),
    }));
    return { totalKg: roundKg(shipments.reduce((s, x) => s + x.kg, 0)), shipments };
  }

  async function lampungOf(commodityCode: string, day: string) {
    const from = wibDayStart(addDays(day, -(DECLARED_LOT_DAYS - 1)));
    const to = wibDayStart(addDays(day, 1));
    const [lots, allWarehouses] = await Promise.all([
      deps.lots.declaredLots({ commodityCode, regionCode: LAMPUNG, from, to }),
      reference.listSites({ kind: "warehouse" }),
    ]);
    const warehouses = allWarehouses.filter((w) => w.regionCode.startsWith(LAMPUNG));
    const committed = await deps.shipments.committedLotGrams(lots.map((l) => l.lgtin));
    // A lot already in any shared warehouse is not at the farm any more, however it got there.
    const stored = new Map<string, number>();
    for (const h of await deps.warehouse.availableHoldings({
      siteCodes: allWarehouses.map((w) => w.code),
      commodityCode,
    })) {
      for (const l of h.lots) stored.set(l.epc, (stored.get(l.epc) ?? 0) + l.grams);
    }
    const open = lots
      .map((l) => ({
        lgtin: l.lgtin,
        organisationId: l.organisationId,
        organisationName: l.organisationName,
        harvestDate: l.harvestDate,
        // What left on shipments usually is what a warehouse now holds: the larger of the two, not both.
        grams: Math.max(0, l.grams - Math.max(committed.get(l.lgtin) ?? 0, stored.get(l.lgtin) ?? 0)),
      }))
      .filter((l) => l.grams > 0);
    const stock = await deps.warehouse.availableHoldings({
      siteCodes: warehouses.map((s) => s.code),
      commodityCode,
    });
    return {
      declaredLotsKg: kgOf(open.reduce((s, l) => s + l.grams, 0)),
      declaredLots: open.length,
      lots: open.map(({ grams, ...l }) => ({ ...l, kg: kgOf(grams) })),
      warehouseKg: kgOf(stock.reduce((s, h) => s + h.grams, 0)),
    };
  }

  async function build(commodityCode: string, regionCode: string): Promise<SupplyPosition> {
    const [c, region] = await Promise.all([
      commodity(commodityCode, "querystring/commodity"),
      province(regionCode, "querystring/region"),
    ]);
    const day = today();
    const planRow = await repo.plan(db, c.code, region.code);
    const stock = await stockOf(c.code, region.code, day);
    const [inTransit, lampung] = await Promise.all([inboundTo(c.code, stock.sites), lampungOf(c.code, day)]);
    const notes: SupplyPosition["notes"] = [];
    let outlook: OutlookWeek[] = [];
    let cover: number | null = null;
    if (planRow) {
      outlook = projectOutlook({
        today: day,
        stockKg: stock.totalKg,
        arrivals: inTransit.shipments.flatMap((s) =>
          s.eta ? [{ day: jakartaDate(new Date(s.eta)), kg: s.kg }] : [],
        ),
        plan: planRow,
      });
      cover = coverDays(stock.totalKg, planRow.dailyDemandKg);
      if (inTransit.shipments.some((s) => !s.eta)) {
        notes.push({
          id: "Sebagian pengiriman belum punya perkiraan tiba; tidak dihitung dalam proyeksi.",
          en: "Some shipments have no arrival estimate; the outlook leaves them out.",
        });
      }
    } else {
      notes.push({
        id: "Kebutuhan harian belum diatur untuk komoditas dan provinsi ini, sehingga hari ketahanan stok dan proyeksi 16 minggu tidak dihitung. Dinas dapat mengaturnya di rencana pasokan.",
        en: "No daily demand is configured for this commodity and province, so days of cover and the 16-week outlook are not computed. The dinas can set it in the supply plan.",
      });
    }
    return {
      commodityCode: c.code,
      commodityName: c.name,
      regionCode: region.code,
      regionName: region.name,
      asOf: day,
      plan: planRow ? planView(planRow) : null,
      stock: { totalKg: stock.totalKg, holdings: stock.holdings },
      inTransit,
      lampung: {
        ...lampung,
        expectedKg: roundKg(outlook.reduce((s, w) => s + w.lampungSupplyKg, 0)),
      },
      coverDays: cover,
      outlook,
      leanGap: leanGapOf(outlook),
      notes,
    };
  }

  function organisationOf(principal: Principal) {
    const org = principal.type === "anonymous" ? null : principal.organisationId;
    if (!org) throw new AppError("supply.no_organisation", "This account has no organisation to report for");
    return org;
  }

  async function reportViews(rows: StockReportRow[], counted: Set<string>): Promise<StockReportView[]> {
    const orgNames = await names(rows.map((r) => r.organisationId));
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      organisationName: orgNames.get(r.organisationId) ?? "",
      commodityCode: r.commodityCode,
      regionCode: r.regionCode,
      kg: r.kg,
      asOf: r.asOf,
      note: r.note,
      counted: counted.has(r.id),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  return {
    /** The supply position and 16-week outlook of a commodity in a province. */
    async position(commodityCode: string, regionCode: string): Promise<SupplyPosition> {
      return build(commodityCode, regionCode);
    },

    /** Every configured plan's position, lowest cover first (no demand, no cover: last). */
    async positions(): Promise<SupplyPosition[]> {
      const plans = await repo.plans(db);
      const out: SupplyPosition[] = [];
      for (const p of plans) out.push(await build(p.commodityCode, p.regionCode));
      const rank = (p: SupplyPosition) => p.coverDays ?? Number.POSITIVE_INFINITY;
      return out.sort((a, b) => rank(a) - rank(b) || a.commodityCode.localeCompare(b.commodityCode));
    },

    async plans(): Promise<SupplyPlanView[]> {
      return (await repo.plans(db)).map(planView);
    },

    async setPlan(
      principal: Principal,
      commodityCode: string,
      regionCode: string,
      input: SupplyPlanInput,
    ): Promise<SupplyPlanView> {
      const [c, region] = await Promise.all([
        commodity(commodityCode, "params/commodity"),
        province(regionCode, "params/region"),
      ]);
      const saved = await repo.upsertPlan(db, {
        commodityCode: c.code,
        regionCode: region.code,
        ...input,
        source: input.source.trim(),
        updatedBy: principal.type === "user" ? principal.userId : null,
        updatedAt: clock.now(),
      });
      return planView(saved);
    },

    /** The caller's organisation reports stock it holds outside the warehouses Lumbung tracks. */
    async report(principal: Principal, input: StockReportInput): Promise<StockReportView> {
      const organisationId = organisationOf(principal);
      const [c, region] = await Promise.all([
        commodity(input.commodityCode, "body/commodityCode"),
        province(input.regionCode, "body/regionCode"),
      ]);
      const day = today();
      if (input.asOf > day) {
        throw new AppError("supply.invalid_report", `asOf ${input.asOf} is after today (${day})`, {
          errors: [
            {
              field: "body/asOf",
              message: `must be today (${day}) or earlier`,
              messageId: `harus hari ini (${day}) atau sebelumnya`,
            },
          ],
        });
      }
      const row = await repo.insertReport(db, {
        id: newId("ssr"),
        organisationId,
        commodityCode: c.code,
        regionCode: region.code,
        kg: input.kg,
        asOf: input.asOf,
        note: input.note?.trim() || null,
        reportedBy: principal.type === "user" ? principal.userId : null,
        createdAt: clock.now(),
      });
      const counted = latestPerOrganisation(await repo.reports(db, c.code, region.code, day));
      const [view] = await reportViews([row], counted);
      return view as StockReportView;
    },

    async reports(q: { commodity: string; region: string }): Promise<StockReportView[]> {
      const [c, region] = await Promise.all([
        commodity(q.commodity, "querystring/commodity"),
        province(q.region, "querystring/region"),
      ]);
      const rows = await repo.reports(db, c.code, region.code, "9999-12-31");
      const counted = latestPerOrganisation(rows.filter((r) => r.asOf <= today()));
      return reportViews(rows, counted);
    },
  };
}

export type SupplyService = ReturnType<typeof createSupplyService>;
