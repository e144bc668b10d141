import { addDays, dayNumber } from "../../lib/dates";
import { jakartaDate } from "../../lib/time";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";
import type { ShipmentsService } from "../shipments";
import { ceilingFor, type StabilityService } from "../stability";
import type { Holding, SupplyPosition, SupplyService } from "../supply";
import { assignLines, type Pick, pickFefo, type SourceHolding, splitByWeight } from "./domain/allocate";
import {
  expectedPriceChangePct,
  kgToReach,
  meanPrice,
  type PriceResponse,
  responseFromElasticity,
  supplySharePct,
} from "./domain/effect";
import { type Bilingual, mass, num, pct, rupiah, say, sentence } from "./domain/text";
import type { RecommendationKind } from "./interventions.tables";

/** A market operation runs a week: the period the released kilograms are spread over. */
export const RELEASE_DAYS = 7;
/** Below this a shipment is not worth a truck. */
export const MIN_ACTION_KG = 100;
/** Prices older than this are not "now". */
const FRESH_DAYS = 14;
/** "Back to last month's level" when the commodity has no HET/HAP. */
const NORM_LAG_DAYS = 28;

export type Alert = Awaited<ReturnType<StabilityService["listAlerts"]>>["items"][number];

export interface WatchedSeries {
  commodityCode: string;
  regionCode: string;
  marketId: string | null;
  level: "producer" | "wholesale" | "retail";
}

/** One shipment approval would create. */
export interface PlannedShipment {
  shipperOrganisationId: string;
  shipperName: string;
  /** Null: the shipper's farm (lots bought at harvest). */
  originSiteCode: string | null;
  originName: string;
  receiverOrganisationId: string;
  receiverName: string;
  destinationSiteCode: string;
  destinationName: string;
  route: "direct" | "roro";
  /** yyyy-mm-dd (WIB) the goods leave. */
  departureDate: string;
  kg: number;
  lines: { epc: string; kg: number }[];
}

export interface Draft {
  kind: RecommendationKind;
  commodityCode: string;
  regionCode: string;
  quantityKg: number;
  startDate: string;
  endDate: string;
  plan: {
    shipments: PlannedShipment[];
    markets: {
      siteCode: string;
      name: string;
      marketId: string | null;
      kg: number;
      priceNow: number | null;
    }[];
    /** Planned inbound shipments whose shippers could be asked to leave earlier. */
    advise: { number: string; plannedDeparture: string | null; kg: number }[];
    /** What buying at harvest would buy from. */
    sources: { declaredLotsKg: number; expectedKg: number };
  };
  costRp: number;
  cost: { method: Bilingual; perKgRp: number | null };
  expectedEffect: {
    pct: number | null;
    supplySharePct: number;
    days: number;
    response: PriceResponse;
    method: Bilingual;
  };
  reasons: Bilingual[];
  basis: {
    alertIds: string[];
    priceNow: number | null;
    priceTarget: number | null;
    targetKind: string | null;
    neededKg: number;
    coverDays: number | null;
    targetCoverDays: number | null;
    watch: WatchedSeries[];
  };
}

export interface RecommendDeps {
  reference: ReferenceService;
  prices: Pick2<PricesService, "series" | "listMarkets">;
  supply: Pick2<SupplyService, "position">;
  shipments: Pick2<ShipmentsService, "plannedOutbound">;
  /** Rupiah per kg to move goods on a route, when the corridor spread module knows it. */
  freightRpPerKg?: (route: "roro" | "ferry") => Promise<number | null>;
  /** Measured response of past interventions for a commodity (the ledger), or null. */
  ledgerResponse: (commodityCode: string) => Promise<PriceResponse | null>;
}

type Pick2<T, K extends keyof T> = { [P in K]: T[P] };
type Market = Awaited<ReturnType<PricesService["listMarkets"]>>[number];

interface MarketPrice {
  marketId: string;
  code: string;
  name: string;
  regionCode: string;
  level: "producer" | "wholesale" | "retail";
  latest: { date: string; price: number } | null;
  earlier: number | null;
}

/** Latest price of each market of a level under a region, within FRESH_DAYS of today. */
async function marketPrices(
  deps: RecommendDeps,
  allMarkets: Market[],
  commodityCode: string,
  regionPrefix: string,
  level: "producer" | "wholesale" | "retail",
  today: string,
): Promise<MarketPrice[]> {
  const markets = allMarkets.filter(
    (m) =>
      m.level === level && (m.regionCode === regionPrefix || m.regionCode.startsWith(`${regionPrefix}.`)),
  );
  const from = addDays(today, -(FRESH_DAYS + NORM_LAG_DAYS + 7));
  return Promise.all(
    markets.map(async (m) => {
      const points = await deps.prices.series({
        commodityCode,
        regionCode: m.regionCode,
        marketId: m.id,
        level,
        from,
        to: today,
      });
      const last = points.at(-1);
      const fresh = last && dayNumber(today) - dayNumber(last.date) <= FRESH_DAYS ? last : null;
      const lagDay = fresh ? addDays(fresh.date, -NORM_LAG_DAYS) : null;
      const before = lagDay ? points.filter((p) => p.date <= lagDay).at(-1) : undefined;
      return {
        marketId: m.id,
        code: m.code,
        name: m.name,
        regionCode: m.regionCode,
        level,
        latest: fresh ?? null,
        earlier: before?.price ?? null,
      };
    }),
  );
}

/**
 * Ledger stock a plan may count on: warehouse holdings with their lots, less what planned shipments from
 * the same site and holder already promised (the ledger only lets go of stock at dispatch).
 */
export async function availableHoldings(
  deps: RecommendDeps,
  holdings: readonly Holding[],
): Promise<SourceHolding[]> {
  const fromLedger = holdings.filter((h) => h.source === "warehouse" && h.siteCode && h.lots.length > 0);
  const sglns = new Map<string, string>();
  for (const code of new Set(fromLedger.map((h) => h.siteCode as string))) {
    const site = await deps.reference.getSite(code).catch(() => null);
    if (site?.sgln) sglns.set(code, site.sgln);
  }
  const promised = new Map<string, number>();
  for (const p of await deps.shipments.plannedOutbound([...sglns.values()])) {
    const key = `${p.originSgln}|${p.shipperOrganisationId}|${p.epc}`;
    promised.set(key, (promised.get(key) ?? 0) + p.grams / 1000);
  }
  return fromLedger.map((h) => ({
    siteCode: h.siteCode as string,
    siteName: h.siteName,
    organisationId: h.organisationId,
    organisationName: h.organisationName,
    lots: h.lots.map((lot) => {
      const key = `${sglns.get(h.siteCode as string)}|${h.organisationId}|${lot.epc}`;
      return { ...lot, kg: Math.max(0, lot.kg - (promised.get(key) ?? 0)) };
    }),
  }));
}

const pickedKg = (picks: readonly Pick[]) => picks.reduce((s, p) => s + p.kg, 0);

function response(position: SupplyPosition, fromLedger: PriceResponse | null): PriceResponse | null {
  if (fromLedger) return fromLedger;
  return position.plan ? responseFromElasticity(position.plan.demandElasticity) : null;
}

function effectMethod(r: PriceResponse): Bilingual {
  return r.method === "ledger"
    ? {
        id: `median ${r.measured} intervensi terukur: ${r.pctPerSupplyPct.toFixed(2)}% harga per 1% pasokan`,
        en: `median of ${r.measured} measured interventions: ${r.pctPerSupplyPct.toFixed(2)}% price per 1% supply`,
      }
    : {
        id: `elastisitas permintaan ${r.elasticity}: perubahan harga = tambahan pasokan ÷ elastisitas`,
        en: `demand elasticity ${r.elasticity}: price change = supply added ÷ elasticity`,
      };
}

/**
 * The actions Lumbung proposes for one commodity in one province, from its open alerts (siaga or worse)
 * and its supply position. Each says how much, when, where, at what cost and with what expected effect,
 * and why. Returns nothing it cannot size: without a configured demand there is no "how much".
 */
export async function draftRecommendations(
  deps: RecommendDeps,
  input: { commodityCode: string; provinceCode: string; alerts: Alert[]; now: Date },
): Promise<Draft[]> {
  const { commodityCode, provinceCode, alerts } = input;
  const today = jakartaDate(input.now);
  const tomorrow = addDays(today, 1);
  const [position, commodity, fromLedger, allMarkets] = await Promise.all([
    deps.supply.position(commodityCode, provinceCode),
    deps.reference.getCommodity(commodityCode),
    deps.ledgerResponse(commodityCode),
    deps.prices.listMarkets(),
  ]);
  const plan = position.plan;
  const r = response(position, fromLedger);
  if (!plan || !r) return [];
  const name = { id: commodity.name.toLowerCase(), en: commodity.nameEn.toLowerCase() };
  const place = position.regionName;

  const retail = await marketPrices(deps, allMarkets, commodityCode, provinceCode, "retail", today);
  const priced = retail.filter((m) => m.latest);
  const priceNow = meanPrice(priced.map((m) => (m.latest as { price: number }).price));
  const refs = commodity.referencePriceHistory.map((row) => ({ ...row, commodityCode }));
  const ceiling = ceilingFor(refs, { commodityCode, regionCode: provinceCode, level: "retail", day: today });
  const earlier = meanPrice(priced.flatMap((m) => (m.earlier === null ? [] : [m.earlier])));
  let target: number | null = null;
  let targetKind: string | null = null;
  if (priceNow !== null && ceiling && priceNow > ceiling.max) {
    target = ceiling.max;
    targetKind = ceiling.kind;
  } else if (priceNow !== null && !ceiling && earlier !== null && priceNow > earlier) {
    target = earlier;
    targetKind = "28d";
  }
  const neededKg =
    priceNow !== null && target !== null
      ? kgToReach(priceNow, target, plan.dailyDemandKg, RELEASE_DAYS, r)
      : 0;

  // The effect is measured where consumers pay: the retail series on alert, else the wholesale ones.
  const onAlert = (level: string) => alerts.filter((a) => a.priceLevel === level);
  const watched = onAlert("retail").length ? onAlert("retail") : onAlert("wholesale");
  const watch: WatchedSeries[] = watched.map((a) => ({
    commodityCode,
    regionCode: a.regionCode,
    marketId: a.marketId,
    level: a.priceLevel,
  }));
  if (watch.length === 0) {
    for (const m of priced)
      watch.push({ commodityCode, regionCode: m.regionCode, marketId: m.marketId, level: "retail" });
  }
  const alertIds = alerts.map((a) => a.id);
  const topAlert = alerts[0];
  const basis = {
    alertIds,
    priceNow,
    priceTarget: target,
    targetKind,
    neededKg,
    coverDays: position.coverDays,
    targetCoverDays: plan.targetCoverDays,
    watch,
  };
  const priceReason = (): Bilingual | null => {
    if (priceNow === null || target === null) return null;
    const above = ((priceNow - target) / target) * 100;
    return targetKind === "28d"
      ? sentence(
          say`Harga eceran rata-rata ${name.id} di ${place} ${rupiah(priceNow)}/kg, ${pct(above)} di atas harga 28 hari sebelumnya (${rupiah(target)}/kg); belum ada HET/HAP.`,
          say`The average retail price of ${name.en} in ${place} is ${rupiah(priceNow)}/kg, ${pct(above)} above its level 28 days earlier (${rupiah(target)}/kg); there is no HET/HAP.`,
        )
      : sentence(
          say`Harga eceran rata-rata ${name.id} di ${place} ${rupiah(priceNow)}/kg, ${pct(above)} di atas ${targetKind ?? ""} ${rupiah(target)}/kg.`,
          say`The average retail price of ${name.en} in ${place} is ${rupiah(priceNow)}/kg, ${pct(above)} above the ${targetKind ?? ""} of ${rupiah(target)}/kg.`,
        );
  };
  const coverReason = (): Bilingual =>
    position.coverDays === null
      ? { id: "Tutupan stok tidak dihitung.", en: "Stock cover is not computed." }
      : sentence(
          say`Stok di ${place} ${mass(position.stock.totalKg)} menutup ${num(position.coverDays)} hari kebutuhan (target ${plan.targetCoverDays} hari).`,
          say`Stock in ${place} of ${mass(position.stock.totalKg)} covers ${num(position.coverDays)} days of demand (target ${plan.targetCoverDays} days).`,
        );
  const effect = (kg: number) => ({
    pct: Math.round(expectedPriceChangePct(kg, plan.dailyDemandKg, RELEASE_DAYS, r) * 10) / 10,
    supplySharePct: Math.round(supplySharePct(kg, plan.dailyDemandKg, RELEASE_DAYS) * 100) / 100,
    days: RELEASE_DAYS,
    response: r,
    method: effectMethod(r),
  });
  const effectReason = (kg: number): Bilingual => {
    const e = effect(kg);
    return sentence(
      say`${mass(kg)} selama ${RELEASE_DAYS} hari menambah ${pct(e.supplySharePct)} pasokan (kebutuhan ${mass(plan.dailyDemandKg)}/hari); harga diperkirakan berubah ${pct(e.pct)} (${e.method.id}).`,
      say`${mass(kg)} over ${RELEASE_DAYS} days adds ${pct(e.supplySharePct)} to supply (demand ${mass(plan.dailyDemandKg)}/day); prices are expected to change by ${pct(e.pct)} (${e.method.en}).`,
    );
  };
  const drafts: Draft[] = [];
  const emptyPlan = { shipments: [], markets: [], advise: [], sources: { declaredLotsKg: 0, expectedKg: 0 } };

  // 1. Release stock held in the province to its markets (an SPHP-style market operation).
  let released = 0;
  if (neededKg >= MIN_ACTION_KG && alerts.length > 0) {
    const holdings = await availableHoldings(deps, position.stock.holdings);
    const picks = pickFefo(holdings, neededKg);
    const marketSites = (await deps.reference.listSites({ kind: "market", regionCode: provinceCode })).filter(
      (s) => s.operatorOrganisationId,
    );
    const pricesByCode = new Map(retail.map((m) => [m.code, m]));
    const alerted = new Set(alerts.map((a) => a.marketId).filter(Boolean));
    const weighted = marketSites.map((s) => {
      const m = pricesByCode.get(s.code);
      const over = m?.latest && target !== null ? m.latest.price - target : 0;
      // A market whose own series is on alert comes first even when the average hides it.
      return {
        site: s,
        market: m ?? null,
        weight: Math.max(0, over) * (m && alerted.has(m.marketId) ? 2 : 1),
      };
    });
    const kg = pickedKg(picks);
    if (kg >= MIN_ACTION_KG && weighted.length > 0) {
      const split = splitByWeight(weighted, kg);
      const assigned = assignLines(picks, split);
      const shipments: PlannedShipment[] = assigned.map((a) => ({
        shipperOrganisationId: a.from.organisationId,
        shipperName: a.from.organisationName,
        originSiteCode: a.from.siteCode,
        originName: a.from.siteName,
        receiverOrganisationId: a.destination.site.operatorOrganisationId as string,
        receiverName: a.destination.site.name,
        destinationSiteCode: a.destination.site.code,
        destinationName: a.destination.site.name,
        route: "direct",
        departureDate: tomorrow,
        kg: a.lines.reduce((s, l) => s + l.kg, 0),
        lines: a.lines,
      }));
      const shippedKg = shipments.reduce((s, x) => s + x.kg, 0);
      if (shippedKg >= MIN_ACTION_KG) {
        released = shippedKg;
        const wholesale = await marketPrices(
          deps,
          allMarkets,
          commodityCode,
          provinceCode,
          "wholesale",
          today,
        );
        const replacement = meanPrice(wholesale.flatMap((m) => (m.latest ? [m.latest.price] : [])));
        const releasePrice = target as number;
        const perKg = replacement === null ? null : Math.max(0, Math.round(replacement - releasePrice));
        const reasons = [
          topAlert?.reason,
          priceReason(),
          coverReason(),
          effectReason(shippedKg),
          shippedKg < neededKg
            ? sentence(
                say`Stok yang ada hanya ${mass(shippedKg)} dari ${mass(neededKg)} yang dibutuhkan untuk kembali ke ${rupiah(releasePrice)}/kg.`,
                say`The stock at hand is only ${mass(shippedKg)} of the ${mass(neededKg)} needed to get back to ${rupiah(releasePrice)}/kg.`,
              )
            : null,
        ].filter((x): x is Bilingual => Boolean(x));
        drafts.push({
          kind: "release_stock",
          commodityCode,
          regionCode: provinceCode,
          quantityKg: shippedKg,
          startDate: tomorrow,
          endDate: addDays(tomorrow, RELEASE_DAYS - 1),
          plan: {
            ...emptyPlan,
            shipments,
            markets: split.map((s) => ({
              siteCode: s.site.code,
              name: s.site.name,
              marketId: s.market?.marketId ?? null,
              kg: shipments
                .filter((x) => x.destinationSiteCode === s.site.code)
                .reduce((t, x) => t + x.kg, 0),
              priceNow: s.market?.latest?.price ?? null,
            })),
          },
          costRp: perKg === null ? 0 : perKg * shippedKg,
          cost: {
            perKgRp: perKg,
            method:
              perKg === null
                ? {
                    id: "Tanpa harga grosir terkini di provinsi ini, selisih subsidi tidak dapat dihitung.",
                    en: "Without a recent wholesale price in this province the subsidy cannot be computed.",
                  }
                : sentence(
                    say`Subsidi = (harga grosir ${rupiah(replacement as number)} − harga jual operasi pasar ${rupiah(releasePrice)}) × jumlah.`,
                    say`Subsidy = (wholesale price ${rupiah(replacement as number)} − market-operation price ${rupiah(releasePrice)}) × quantity.`,
                  ),
          },
          expectedEffect: effect(shippedKg),
          reasons,
          basis,
        });
      }
    }
  }

  // 2. Bring Lampung supply forward: ship what Lampung's shared warehouses hold now (ro-ro to the
  //    province's shared warehouse), for what the release could not cover.
  const remaining = neededKg - released;
  if (remaining >= MIN_ACTION_KG && alerts.length > 0 && provinceCode !== "18") {
    const lampung = await deps.supply.position(commodityCode, "18");
    const lampungStock = await availableHoldings(deps, lampung.stock.holdings);
    const picks = pickFefo(lampungStock, remaining);
    const warehouses = (
      await deps.reference.listSites({ kind: "warehouse", regionCode: provinceCode })
    ).filter((s) => s.operatorOrganisationId);
    const destination = warehouses[0];
    const kg = pickedKg(picks);
    if (destination && kg >= MIN_ACTION_KG) {
      const shipments: PlannedShipment[] = picks.map((p) => ({
        shipperOrganisationId: p.organisationId,
        shipperName: p.organisationName,
        originSiteCode: p.siteCode,
        originName: p.siteName,
        receiverOrganisationId: destination.operatorOrganisationId as string,
        receiverName: destination.name,
        destinationSiteCode: destination.code,
        destinationName: destination.name,
        route: "roro",
        departureDate: tomorrow,
        kg: p.kg,
        lines: p.lines,
      }));
      const freight = deps.freightRpPerKg ? await deps.freightRpPerKg("roro") : null;
      const advise = position.inTransit.shipments
        .filter((s) => s.status === "planned")
        .map((s) => ({ number: s.number, plannedDeparture: s.plannedDeparture, kg: s.kg }));
      drafts.push({
        kind: "ship_forward",
        commodityCode,
        regionCode: provinceCode,
        quantityKg: kg,
        startDate: tomorrow,
        // Ro-ro Panjang → Priok is 8–10 h at sea; the goods can be on sale within two days.
        endDate: addDays(tomorrow, 1 + RELEASE_DAYS),
        plan: { ...emptyPlan, shipments, advise },
        costRp: freight === null ? 0 : Math.round(freight) * kg,
        cost: {
          perKgRp: freight === null ? null : Math.round(freight),
          method:
            freight === null
              ? { id: "Tarif angkut ro-ro belum diatur.", en: "No ro-ro freight rate is configured." }
              : sentence(
                  say`Ongkos angkut ro-ro ${rupiah(freight)}/kg × jumlah (tarif koridor).`,
                  say`Ro-ro freight ${rupiah(freight)}/kg × quantity (corridor rates).`,
                ),
        },
        expectedEffect: effect(kg),
        reasons: [
          topAlert?.reason,
          priceReason(),
          sentence(
            say`Gudang bersama Lampung menyimpan ${mass(pickedKg(pickFefo(lampungStock, Number.MAX_SAFE_INTEGER)))} ${name.id}; kirim ${mass(kg)} dengan ro-ro Panjang–Tanjung Priok besok.`,
            say`Lampung's shared warehouse holds ${mass(pickedKg(pickFefo(lampungStock, Number.MAX_SAFE_INTEGER)))} of ${name.en}; ship ${mass(kg)} on the Panjang–Tanjung Priok ro-ro tomorrow.`,
          ),
          effectReason(kg),
          ...(advise.length
            ? [
                sentence(
                  say`${advise.length} pengiriman terencana (${advise.map((a) => a.number).join(", ")}) dapat diminta berangkat lebih awal.`,
                  say`${advise.length} planned shipments (${advise.map((a) => a.number).join(", ")}) could be asked to leave earlier.`,
                ),
              ]
            : []),
        ].filter((x): x is Bilingual => Boolean(x)),
        basis,
      });
    }
  }

  // 3. Buy in Lampung at harvest to build stock before the lean-season gap.
  if (position.leanGap && position.leanGap.maxGapKg >= MIN_ACTION_KG) {
    const lampung = position.lampung;
    const available = lampung.declaredLotsKg + lampung.expectedKg;
    const kg = Math.min(position.leanGap.maxGapKg, available);
    if (kg >= MIN_ACTION_KG) {
      const producers = await marketPrices(deps, allMarkets, commodityCode, "18", "producer", today);
      const buyPrice = meanPrice(producers.flatMap((m) => (m.latest ? [m.latest.price] : [])));
      const freight = deps.freightRpPerKg ? await deps.freightRpPerKg("roro") : null;
      const perKg = buyPrice === null ? null : Math.round(buyPrice + (freight ?? 0));
      const gap = position.leanGap;
      // What is declared can be bought now: one ro-ro load per koperasi from its farm to the province's
      // shared warehouse; what is still to be harvested stays an intention until it is declared.
      const warehouse = (
        await deps.reference.listSites({ kind: "warehouse", regionCode: provinceCode })
      ).find((s) => s.operatorOrganisationId);
      const shipments: PlannedShipment[] = [];
      let left = Math.floor(kg);
      if (warehouse && provinceCode !== "18") {
        const byOrg = new Map<string, PlannedShipment>();
        for (const lot of lampung.lots) {
          if (left <= 0) break;
          const take = Math.min(Math.floor(lot.kg), left);
          if (take <= 0) continue;
          left -= take;
          const s = byOrg.get(lot.organisationId) ?? {
            shipperOrganisationId: lot.organisationId,
            shipperName: lot.organisationName,
            originSiteCode: null,
            originName: `Kebun ${lot.organisationName}`,
            receiverOrganisationId: warehouse.operatorOrganisationId as string,
            receiverName: warehouse.name,
            destinationSiteCode: warehouse.code,
            destinationName: warehouse.name,
            route: "roro" as const,
            departureDate: tomorrow,
            kg: 0,
            lines: [],
          };
          s.kg += take;
          s.lines.push({ epc: lot.lgtin, kg: take });
          byOrg.set(lot.organisationId, s);
        }
        shipments.push(...byOrg.values());
      }
      drafts.push({
        kind: "buy_at_harvest",
        commodityCode,
        regionCode: provinceCode,
        quantityKg: Math.floor(kg),
        startDate: today,
        endDate: gap.firstWeek > today ? addDays(gap.firstWeek, -1) : addDays(today, 13),
        plan: {
          ...emptyPlan,
          shipments,
          sources: { declaredLotsKg: lampung.declaredLotsKg, expectedKg: lampung.expectedKg },
        },
        costRp: perKg === null ? 0 : perKg * Math.floor(kg),
        cost: {
          perKgRp: perKg,
          method:
            buyPrice === null
              ? {
                  id: "Belum ada harga tingkat petani Lampung terkini.",
                  en: "No recent Lampung farm-gate price.",
                }
              : sentence(
                  say`Harga tingkat petani Lampung ${rupiah(buyPrice)}/kg${freight === null ? "" : ` + ongkos ro-ro ${rupiah(freight).id}/kg`} × jumlah.`,
                  say`Lampung farm-gate price ${rupiah(buyPrice)}/kg${freight === null ? "" : ` + ro-ro freight ${rupiah(freight).en}/kg`} × quantity.`,
                ),
        },
        expectedEffect: { ...effect(0), pct: null },
        reasons: [
          sentence(
            say`Proyeksi stok ${name.id} di ${place} di bawah target ${plan.targetCoverDays} hari selama ${gap.weeks} minggu mulai ${gap.firstWeek}; kekurangan terbesar ${mass(gap.maxGapKg)}.`,
            say`Projected ${name.en} stock in ${place} falls below the ${plan.targetCoverDays}-day target for ${gap.weeks} weeks from ${gap.firstWeek}; the largest shortfall is ${mass(gap.maxGapKg)}.`,
          ),
          sentence(
            say`Lampung: lot panen terdaftar ${mass(lampung.declaredLotsKg)}, perkiraan panen 16 minggu ${mass(lampung.expectedKg)}.`,
            say`Lampung: declared harvest lots ${mass(lampung.declaredLotsKg)}, expected harvest over 16 weeks ${mass(lampung.expectedKg)}.`,
          ),
          coverReason(),
        ],
        basis,
      });
    }
  }
  return drafts;
}
