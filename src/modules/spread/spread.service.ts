import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { jakartaDate } from "../../lib/time";
import type { PriceLevel, PricesService, SeriesKey } from "../prices";
import type { ReferenceService } from "../reference";
import { type FreightBreakdown, type FreightComponent, freightPerKg } from "./domain/freight";
import { addDays, latestDate, type PlaceSeries, type SideFigure, sideFigure } from "./domain/side";
import {
  type Bilingual,
  computeSpread,
  DEFAULT_MAX_AGE_DAYS,
  DEFAULT_THRESHOLD_PCT,
  missingReason,
} from "./domain/spread";
import "./spread.errors";
import { type FreightRow, spreadRepository } from "./spread.repository";

export interface SpreadDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  prices: PricesService;
  /** Flag threshold, % of the Lampung price (default 15). */
  thresholdPct?: number;
  /** How old a price may be, in days before the as-of date (default 14). */
  maxAgeDays?: number;
}

const LAMPUNG = "18";
const JAKARTA = "31";
/** Where the Lampung price is read, in order: the first level with a recent price is used. */
const LAMPUNG_LEVELS: PriceLevel[] = ["producer", "wholesale", "retail"];

export interface SideView extends SideFigure {
  level: PriceLevel;
}

export interface SpreadItem {
  commodityCode: string;
  commodityName: string;
  commodityNameEn: string;
  status: "computed" | "missing";
  lampung: SideView | null;
  jakarta: SideView | null;
  /** Freight in whole rupiah per kg by route. */
  freight: { roro: number | null; ferry: number | null; cheapestRoute: string | null };
  netByRoute: Record<string, number> | null;
  netSpreadRp: number | null;
  netSpreadPct: number | null;
  flagged: boolean;
  reason: Bilingual;
}

function inProvince(regionCode: string, province: string) {
  return regionCode === province || regionCode.startsWith(`${province}.`);
}

export interface FreightUpdate {
  name?: string | undefined;
  payloadKg: number;
  components: FreightComponent[];
}

export function createSpreadService(deps: SpreadDeps) {
  const { db, clock, reference, prices } = deps;
  const defaultThreshold = deps.thresholdPct ?? DEFAULT_THRESHOLD_PCT;
  const maxAgeDays = deps.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;

  const rateView = (row: FreightRow) => ({
    ...freightPerKg(row),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
  });

  /** Names for the places a series is read at: markets by id, regions by code. */
  async function placeNames() {
    const [markets, provinces, lampung, jakarta] = await Promise.all([
      prices.listMarkets(),
      reference.listRegions({ level: "province" }),
      reference.listRegions({ parent: LAMPUNG }),
      reference.listRegions({ parent: JAKARTA }),
    ]);
    const marketName = new Map(markets.map((m) => [m.id, m.name]));
    const regionName = new Map([...provinces, ...lampung, ...jakarta].map((r) => [r.code, r.name]));
    return (key: SeriesKey) =>
      (key.marketId ? marketName.get(key.marketId) : regionName.get(key.regionCode)) ??
      key.marketId ??
      key.regionCode;
  }

  async function readSeries(
    keys: SeriesKey[],
    name: (k: SeriesKey) => string,
    from: string | undefined,
    to: string,
  ) {
    const out: PlaceSeries[] = [];
    for (const key of keys) {
      const points = await prices.series({ ...key, ...(from ? { from } : {}), to });
      out.push({
        name: name(key),
        provinceWide: key.marketId === null && !key.regionCode.includes("."),
        points,
      });
    }
    return out;
  }

  const service = {
    async listFreight() {
      return (await spreadRepository.listRates(db)).map(rateView);
    },

    async updateFreight(principal: Principal, route: string, body: FreightUpdate) {
      const existing = await spreadRepository.getRate(db, route);
      if (!existing) {
        throw new AppError("spread.unknown_route", `No freight route ${route}`);
      }
      const components = body.components.map((c) => ({
        label: c.label,
        rp: c.rp,
        per: c.per,
        ...(c.per === "tonne_km" ? { km: c.km } : {}),
        source: c.source,
      }));
      const row = await spreadRepository.updateRate(db, route, {
        name: body.name ?? existing.name,
        payloadKg: body.payloadKg,
        components,
        updatedBy:
          principal.type === "user"
            ? principal.userId
            : principal.type === "client"
              ? principal.clientId
              : null,
        updatedAt: clock.now(),
      });
      if (!row) throw new AppError("spread.unknown_route", `No freight route ${route}`);
      return rateView(row);
    },

    /**
     * The corridor spread on `date` (default today, WIB) for every commodity with prices in Lampung or
     * Jakarta: Lampung price (first level with a recent price: producer, wholesale, retail), Jakarta
     * retail, freight per kg per route and the net spread over the cheapest route.
     */
    async spread(q: { date?: string | undefined; thresholdPct?: number | undefined }) {
      const today = jakartaDate(clock.now());
      const asOf = q.date ?? today;
      if (asOf > today) {
        throw new AppError("spread.invalid_date", `date ${asOf} is after today (${today})`, {
          errors: [{ field: "querystring/date", message: "must not be after today" }],
        });
      }
      const thresholdPct = q.thresholdPct ?? defaultThreshold;
      const from = addDays(asOf, -maxAgeDays);
      const [rates, keys, commodities, name] = await Promise.all([
        spreadRepository.listRates(db),
        prices.seriesKeys(),
        reference.listCommodities(asOf),
        placeNames(),
      ]);
      const routes: FreightBreakdown[] = rates.map((r) => freightPerKg(r));
      const freightByRoute: Record<string, number> = Object.fromEntries(
        routes.map((r) => [r.route, r.rpPerKg]),
      );
      const cheapest = routes.length ? routes.reduce((a, b) => (b.rpPerKg < a.rpPerKg ? b : a)).route : null;

      const relevant = keys.filter(
        (k) =>
          (inProvince(k.regionCode, LAMPUNG) && LAMPUNG_LEVELS.includes(k.level)) ||
          (inProvince(k.regionCode, JAKARTA) && k.level === "retail"),
      );
      const byCommodity = new Map<string, SeriesKey[]>();
      for (const k of relevant)
        byCommodity.set(k.commodityCode, [...(byCommodity.get(k.commodityCode) ?? []), k]);

      const items: SpreadItem[] = [];
      for (const c of commodities) {
        const ks = byCommodity.get(c.code);
        if (!ks) continue;
        const base = {
          commodityCode: c.code,
          commodityName: c.name,
          commodityNameEn: c.nameEn,
          freight: {
            roro: freightByRoute.roro ?? null,
            ferry: freightByRoute.ferry ?? null,
            cheapestRoute: cheapest,
          },
        };
        const missing = (
          reason: Bilingual,
          lampung: SideView | null,
          jakarta: SideView | null,
        ): SpreadItem => ({
          ...base,
          status: "missing",
          lampung,
          jakarta,
          netByRoute: null,
          netSpreadRp: null,
          netSpreadPct: null,
          flagged: false,
          reason,
        });

        let lampung: SideView | null = null;
        for (const level of LAMPUNG_LEVELS) {
          const levelKeys = ks.filter((k) => inProvince(k.regionCode, LAMPUNG) && k.level === level);
          if (!levelKeys.length) continue;
          const fig = sideFigure(await readSeries(levelKeys, name, from, asOf), asOf, maxAgeDays);
          if (fig) {
            lampung = { level, ...fig };
            break;
          }
        }
        const jakartaKeys = ks.filter((k) => inProvince(k.regionCode, JAKARTA));
        const jakartaFig = jakartaKeys.length
          ? sideFigure(await readSeries(jakartaKeys, name, from, asOf), asOf, maxAgeDays)
          : null;
        const jakarta: SideView | null = jakartaFig ? { level: "retail", ...jakartaFig } : null;

        if (!lampung || !jakarta) {
          // Only now read whole histories, to say how old the data is.
          const lampungKeys = ks.filter((k) => inProvince(k.regionCode, LAMPUNG));
          const latest = async (side: SeriesKey[]) =>
            latestDate(await readSeries(side, name, undefined, asOf), asOf);
          items.push(
            missing(
              missingReason({
                lampung: lampung ? null : { latest: await latest(lampungKeys) },
                jakarta: jakarta ? null : { latest: await latest(jakartaKeys) },
                asOf,
                maxAgeDays,
              }),
              lampung,
              jakarta,
            ),
          );
          continue;
        }
        if (c.unit !== "kg") {
          items.push(
            missing(
              {
                id: `Selisih tidak dihitung: ongkos angkut dihitung per kg, sedangkan harga ${c.name} per ${c.unit}.`,
                en: `No spread computed: freight is priced per kg, and ${c.nameEn} is priced per ${c.unit}.`,
              },
              lampung,
              jakarta,
            ),
          );
          continue;
        }
        const result = computeSpread({
          lampungPrice: lampung.price,
          jakartaPrice: jakarta.price,
          freight: routes,
          thresholdPct,
        });
        if (!result) {
          items.push(
            missing(
              {
                id: "Selisih tidak dihitung: belum ada rute angkutan yang ditetapkan.",
                en: "No spread computed: no freight route is configured.",
              },
              lampung,
              jakarta,
            ),
          );
          continue;
        }
        items.push({
          ...base,
          status: "computed",
          lampung,
          jakarta,
          netByRoute: result.netByRoute,
          netSpreadRp: result.netSpreadRp,
          netSpreadPct: result.netSpreadPct,
          flagged: result.flagged,
          reason: result.reason,
        });
      }
      return {
        asOf,
        thresholdPct,
        maxAgeDays,
        routes: rates.map(rateView),
        items,
      };
    },
  };
  return service;
}

export type SpreadService = ReturnType<typeof createSpreadService>;
