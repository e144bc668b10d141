import { createHash } from "node:crypto";
import { and, asc, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { jakartaDate } from "../../lib/time";
import type { ReferenceService } from "../reference";
import { hetZoneOf, provinceOf } from "../reference";
import { readCsv } from "./domain/csv";
import { MARKETS, marketId } from "./domain/markets";
import { addDays, median } from "./domain/outlier";
import { referenceLevelFor } from "./domain/reference-level";
import { type Lookups, normaliseName, type ParsedRow, parseRows, type RowError } from "./domain/rows";
import "./prices.errors";
import { type IngestCounts, ingest } from "./prices.ingest";
import { type PriceLevel, priceMarkets, priceObservationChanges, priceObservations } from "./prices.tables";

export interface PricesDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
}

export interface SeriesQuery {
  commodityCode: string;
  regionCode: string;
  marketId?: string | null;
  level: PriceLevel;
  from?: string;
  to?: string;
}

export interface SeriesKey {
  commodityCode: string;
  regionCode: string;
  marketId: string | null;
  level: PriceLevel;
}

/** Loads the observatory's markets; safe to run at every start (rows are updated in place). */
export async function loadMarkets(db: Database): Promise<{ markets: number }> {
  for (const mk of MARKETS) {
    const row = {
      id: marketId(mk.code),
      code: mk.code,
      name: mk.name,
      regionCode: mk.regionCode,
      level: mk.level,
      operator: mk.operator,
      latitude: mk.latitude,
      longitude: mk.longitude,
    };
    await db
      .insert(priceMarkets)
      .values(row)
      .onConflictDoUpdate({ target: priceMarkets.id, set: { ...row, id: undefined } });
  }
  return { markets: MARKETS.length };
}

/** Names Panel Harga and market reports use for Lumbung's commodities. */
const COMMODITY_ALIASES: Record<string, string> = {
  berasmediumpremium: "beras-medium",
  cabairawit: "cabai-rawit",
  cabairawitmerah: "cabai-rawit",
  cabaimerah: "cabai-merah-besar",
  bawangputih: "bawang-putih",
  gula: "gula-pasir",
  gulakonsumsi: "gula-pasir",
  gulapasir: "gula-pasir",
  minyakita: "minyak-goreng",
  minyakgoreng: "minyak-goreng",
  minyakgorengkemasan: "minyak-goreng",
  jagung: "jagung",
  jagungtkpeternak: "jagung",
  jagungpipilankering: "jagung",
  kedelaibijikeringimpor: "kedelai",
  telurayam: "telur-ayam",
  dagingayam: "daging-ayam",
  dagingsapi: "daging-sapi",
  gkp: "gabah-kering-panen",
  gabahkeringpanen: "gabah-kering-panen",
  gkg: "gabah-kering-giling",
  gabahkeringgiling: "gabah-kering-giling",
  singkong: "singkong",
  ubikayu: "singkong",
};

const BOARD_CACHE_MS = 30_000;

export function actorOf(principal: Principal): { actor: string | null; organisationId: string | null } {
  if (principal.type === "user") return { actor: principal.userId, organisationId: principal.organisationId };
  if (principal.type === "client")
    return { actor: principal.clientId, organisationId: principal.organisationId };
  return { actor: null, organisationId: null };
}

export function createPricesService(deps: PricesDeps) {
  const { db, clock, reference } = deps;
  /** Bumped on every write from this process so cached boards never outlive a change made here. */
  let version = 0;
  /** Told, after commit, which series new accepted prices touched (early warning recomputes them). */
  const seriesListeners: ((keys: SeriesKey[]) => Promise<void>)[] = [];
  async function seriesChanged(rows: SeriesKey[]) {
    const keys = new Map<string, SeriesKey>();
    for (const r of rows) {
      const key = {
        commodityCode: r.commodityCode,
        regionCode: r.regionCode,
        marketId: r.marketId,
        level: r.level,
      };
      keys.set(`${key.commodityCode}|${key.regionCode}|${key.marketId ?? ""}|${key.level}`, key);
    }
    if (!keys.size) return;
    for (const listener of seriesListeners) await listener([...keys.values()]);
  }
  /**
   * The day the board opens on when none is asked for: today, unless nothing was recorded in the last
   * week — then the latest day with prices, so the board shows the latest prices rather than nothing
   * (each price says its date). Remembered like the boards: 30 s, or until a write from this process.
   */
  let dayCache: { at: number; version: number; day: Promise<string> } | null = null;
  function defaultDay(): Promise<string> {
    const today = jakartaDate(clock.now());
    if (dayCache && dayCache.version === version && Date.now() - dayCache.at < 30_000) return dayCache.day;
    const day = db
      .select({ latest: sql<string | null>`max(${priceObservations.date})` })
      .from(priceObservations)
      .where(and(eq(priceObservations.status, "accepted"), lte(priceObservations.date, today)))
      .then(([row]) => (row?.latest && row.latest < addDays(today, -7) ? row.latest : today));
    dayCache = { at: Date.now(), version, day };
    day.catch(() => {
      dayCache = null;
    });
    return day;
  }
  const boardCache = new Map<
    string,
    { at: number; version: number; pending: Promise<{ value: Board; json: string; etag: string }> }
  >();

  /** Concurrent requests for the same day share one build; a failed build is not cached. */
  function cachedBoard(day: string) {
    const hit = boardCache.get(day);
    if (hit && hit.version === version && Date.now() - hit.at < BOARD_CACHE_MS) return hit.pending;
    if (boardCache.size > 100) boardCache.clear();
    const pending = buildBoard(day).then((value) => {
      const json = JSON.stringify(value);
      return { value, json, etag: `"${createHash("sha1").update(json).digest("base64url").slice(0, 27)}"` };
    });
    boardCache.set(day, { at: Date.now(), version, pending });
    pending.catch(() => {
      if (boardCache.get(day)?.pending === pending) boardCache.delete(day);
    });
    return pending;
  }

  /** Provinces and regencies Lumbung knows (the reference module's), for names and name matching. */
  async function regionNames() {
    const [provinces, regencies] = await Promise.all([
      reference.listRegions({ level: "province" }),
      reference.listRegions({ level: "regency" }),
    ]);
    return [...provinces, ...regencies].map((r) => ({ code: r.code, name: r.name, level: r.level }));
  }

  async function lookups(): Promise<Lookups & { markets: Map<string, typeof priceMarkets.$inferSelect> }> {
    const [cs, rs, ms] = await Promise.all([
      reference.listCommodities(),
      regionNames(),
      db.select().from(priceMarkets),
    ]);
    const commodityByName = new Map<string, string>();
    for (const [alias, code] of Object.entries(COMMODITY_ALIASES)) commodityByName.set(alias, code);
    for (const c of cs) {
      commodityByName.set(normaliseName(c.code), c.code);
      commodityByName.set(normaliseName(c.name), c.code);
      commodityByName.set(normaliseName(c.nameEn), c.code);
      // "Gabah kering panen (GKP)" is also written without the bracket.
      commodityByName.set(normaliseName(c.name.replace(/\(.*\)/, "")), c.code);
    }
    const regionCodes = new Set(rs.map((r) => r.code));
    const provinceByName = new Map<string, string>();
    const regencyByName = new Map<string, string>();
    for (const r of rs) {
      const n = normaliseName(r.name);
      if (r.level === "province") provinceByName.set(n, r.code);
      else {
        regencyByName.set(`${provinceOf(r.code)}|${n}`, r.code);
        // "Kota Administrasi Jakarta Timur" is usually written "Jakarta Timur"; "Kabupaten X" as "X".
        const short = normaliseName(
          r.name.replace(/^(kota administrasi|kabupaten administrasi|kabupaten|kota)\s+/i, ""),
        );
        const shortKey = `${provinceOf(r.code)}|${short}`;
        if (!regencyByName.has(shortKey)) regencyByName.set(shortKey, r.code);
      }
    }
    // Panel Harga's short province names.
    provinceByName.set(normaliseName("DKI Jakarta"), "31");
    provinceByName.set(normaliseName("Jakarta"), "31");
    provinceByName.set(normaliseName("D.I Yogyakarta"), "34");
    provinceByName.set(normaliseName("Yogyakarta"), "34");
    provinceByName.set(normaliseName("Bangka Belitung"), "19");
    const markets = new Map(ms.map((m) => [m.id, m]));
    const marketByName = new Map<string, (typeof ms)[number]>();
    for (const m of ms) {
      marketByName.set(normaliseName(m.code), m);
      marketByName.set(normaliseName(m.name), m);
    }
    return {
      markets,
      commodity: (text) => commodityByName.get(normaliseName(text)) ?? null,
      region: (text, province) => {
        const t = text.trim();
        if (regionCodes.has(t) && (!province || t.startsWith(`${province}.`))) return t;
        const n = normaliseName(t);
        if (province) return regencyByName.get(`${province}|${n}`) ?? null;
        return provinceByName.get(n) ?? null;
      },
      market: (text) => {
        const m = marketByName.get(normaliseName(text));
        return m ? { id: m.id, regionCode: m.regionCode, level: m.level } : null;
      },
    };
  }

  /** The same key twice in one batch with different prices is ambiguous; the same price twice is harmless. */
  function dedupe(rows: ParsedRow[], errors: RowError[]): ParsedRow[] {
    const seen = new Map<string, ParsedRow>();
    const out: ParsedRow[] = [];
    for (const r of rows) {
      const k = `${r.commodityCode}|${r.regionCode}|${r.marketId ?? ""}|${r.level}|${r.date}`;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, r);
        out.push(r);
      } else if (first.price !== r.price) {
        errors.push({
          line: r.line,
          column: "price",
          reason: `same market, commodity, level and date as line ${first.line} with a different price`,
        });
      }
    }
    return out;
  }

  function refuseRows(errors: RowError[], noun: string): never {
    errors.sort((a, b) => a.line - b.line);
    throw new AppError(
      "prices.invalid_rows",
      `${errors.length} ${noun} cannot be read or mapped; nothing was stored`,
      {
        errors: errors.slice(0, 500).map((e) => ({
          field: `${noun === "rows" ? "line" : "observations"} ${e.line}/${e.column}`,
          message: e.reason,
        })),
        rows: errors.slice(0, 500),
        invalidCount: errors.length,
      },
    );
  }

  async function store(
    principal: Principal,
    rows: ParsedRow[],
    source: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<IngestCounts> {
    const counts = await db.transaction((tx) =>
      ingest(tx, rows, { source, ...actorOf(principal), now: clock.now(), onProgress }),
    );
    version++;
    if (counts.inserted + counts.updated > 0) await seriesChanged(rows);
    return counts;
  }

  type ObsRow = typeof priceObservations.$inferSelect;
  const observationView = (o: ObsRow, marketCode: string | null) => ({
    id: o.id,
    commodityCode: o.commodityCode,
    regionCode: o.regionCode,
    marketId: o.marketId,
    marketCode,
    level: o.level,
    date: o.date,
    price: o.price,
    status: o.status,
    holdReason: o.holdReason ?? null,
    source: o.source,
    recordedAt: o.recordedAt.toISOString(),
  });

  async function marketCodes() {
    const ms = await db.select({ id: priceMarkets.id, code: priceMarkets.code }).from(priceMarkets);
    return new Map(ms.map((m) => [m.id, m.code]));
  }

  async function review(principal: Principal, id: string, decision: "accepted" | "rejected") {
    const { actor } = actorOf(principal);
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const [o] = await tx.select().from(priceObservations).where(eq(priceObservations.id, id)).for("update");
      if (!o) throw new AppError("prices.observation_not_found", `No price observation ${id}`);
      if (o.status !== "held") throw new AppError("prices.not_held", `Observation ${id} is ${o.status}`);
      const [updated] = await tx
        .update(priceObservations)
        .set({ status: decision, reviewedBy: actor, reviewedAt: now })
        .where(eq(priceObservations.id, id))
        .returning();
      await tx.insert(priceObservationChanges).values({
        id: `poc_${id}_${now.getTime()}`,
        observationId: id,
        at: now,
        actor,
        action: decision === "accepted" ? "accept" : "reject",
        oldPrice: o.price,
        newPrice: o.price,
        oldStatus: o.status,
        newStatus: decision,
        details: null,
      });
      return updated as ObsRow;
    });
    version++;
    if (decision === "accepted") await seriesChanged([row]);
    const codes = await marketCodes();
    return observationView(row, row.marketId ? (codes.get(row.marketId) ?? null) : null);
  }

  function checkRange(from?: string, to?: string) {
    if (from && to && from > to) {
      throw new AppError("prices.invalid_range", "from must not be after to", {
        errors: [{ field: "querystring/from", message: "must not be after to" }],
      });
    }
  }

  async function resolveMarket(code: string | undefined) {
    if (!code) return undefined;
    const [m] = await db.select().from(priceMarkets).where(eq(priceMarkets.code, code)).limit(1);
    if (!m) {
      throw new AppError("prices.unknown_market", `No market ${code}`, {
        errors: [{ field: "querystring/market", message: `unknown market ${code}` }],
      });
    }
    return m;
  }

  const service = {
    /** Calls `listener` after each write that changed accepted prices, with the series it touched. */
    onSeriesChanged(listener: (keys: SeriesKey[]) => Promise<void>) {
      seriesListeners.push(listener);
    },

    async listMarkets() {
      return db.select().from(priceMarkets).orderBy(asc(priceMarkets.regionCode), asc(priceMarkets.name));
    },

    /** Observations from a form or a partner system, as structured JSON. All or nothing. */
    async record(
      principal: Principal,
      items: {
        commodityCode: string;
        marketCode?: string;
        regionCode?: string;
        level?: PriceLevel;
        date: string;
        price: number;
      }[],
    ) {
      const lk = await lookups();
      const errors: RowError[] = [];
      const rows: ParsedRow[] = [];
      items.forEach((it, i) => {
        const line = i;
        let ok = true;
        const bad = (column: string, reason: string) => {
          ok = false;
          errors.push({ line, column, reason });
        };
        const commodityCode = lk.commodity(it.commodityCode) === it.commodityCode ? it.commodityCode : null;
        if (!commodityCode) bad("commodityCode", `unknown commodity ${it.commodityCode}`);
        const market = it.marketCode ? lk.market(it.marketCode) : null;
        if (it.marketCode && !market) bad("marketCode", `unknown market ${it.marketCode}`);
        let regionCode = market?.regionCode ?? null;
        if (it.regionCode) {
          const known =
            lk.region(it.regionCode) ??
            (/\./.test(it.regionCode) ? lk.region(it.regionCode, provinceOf(it.regionCode)) : null);
          if (known !== it.regionCode) bad("regionCode", `unknown region ${it.regionCode}`);
          else if (market && !market.regionCode.startsWith(it.regionCode)) {
            bad("regionCode", `market ${it.marketCode} is not in region ${it.regionCode}`);
          } else if (!market) regionCode = it.regionCode;
        } else if (!it.marketCode) bad("marketCode", "give a marketCode or a regionCode");
        const level = it.level ?? market?.level ?? "retail";
        if (ok && commodityCode && regionCode) {
          rows.push({
            line,
            commodityCode,
            regionCode,
            marketId: market?.id ?? null,
            level,
            date: it.date,
            price: it.price,
          });
        }
      });
      const unique = dedupe(rows, errors);
      if (errors.length) refuseRows(errors, "observations");
      return store(principal, unique, "api");
    },

    /** A CSV file in Lumbung's format or Panel Harga's long format. */
    async importCsv(
      principal: Principal,
      text: string,
      opts: { skipInvalid: boolean; source?: string; onProgress?: (done: number, total: number) => void },
    ) {
      const lk = await lookups();
      const parsed = parseRows(readCsv(text), lk);
      const errors = parsed.errors;
      const rows = dedupe(parsed.rows, errors);
      const headerBroken = errors.some((e) => e.column === "header");
      if (headerBroken || (errors.length && !opts.skipInvalid)) refuseRows(errors, "rows");
      const counts = await store(principal, rows, opts.source ?? `csv:${parsed.format}`, opts.onProgress);
      errors.sort((a, b) => a.line - b.line);
      return {
        format: parsed.format as string,
        rows: rows.length + errors.length + parsed.noPrice,
        ...counts,
        skipped: errors.length,
        noPrice: parsed.noPrice,
        skippedRows: errors.slice(0, 500),
      };
    },

    async list(q: {
      commodity?: string;
      region?: string;
      market?: string;
      level?: PriceLevel;
      status?: "accepted" | "held" | "rejected";
      from?: string;
      to?: string;
      limit: number;
      offset: number;
    }) {
      checkRange(q.from, q.to);
      const market = await resolveMarket(q.market);
      const conds = [];
      if (q.commodity) conds.push(eq(priceObservations.commodityCode, q.commodity));
      if (q.region)
        conds.push(
          sql`(${priceObservations.regionCode} = ${q.region} or ${priceObservations.regionCode} like ${`${q.region}.%`})`,
        );
      if (market) conds.push(eq(priceObservations.marketId, market.id));
      if (q.level) conds.push(eq(priceObservations.level, q.level));
      if (q.status) conds.push(eq(priceObservations.status, q.status));
      if (q.from) conds.push(gte(priceObservations.date, q.from));
      if (q.to) conds.push(lte(priceObservations.date, q.to));
      const rows = await db
        .select()
        .from(priceObservations)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(
          desc(priceObservations.date),
          asc(priceObservations.commodityCode),
          asc(priceObservations.id),
        )
        .limit(q.limit + 1)
        .offset(q.offset);
      const codes = await marketCodes();
      return {
        items: rows
          .slice(0, q.limit)
          .map((o) => observationView(o, o.marketId ? (codes.get(o.marketId) ?? null) : null)),
        nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
      };
    },

    async reviewQueue() {
      const rows = await db
        .select()
        .from(priceObservations)
        .where(eq(priceObservations.status, "held"))
        .orderBy(asc(priceObservations.date), asc(priceObservations.id))
        .limit(500);
      const codes = await marketCodes();
      return rows.map((o) => observationView(o, o.marketId ? (codes.get(o.marketId) ?? null) : null));
    },

    accept: (principal: Principal, id: string) => review(principal, id, "accepted"),
    reject: (principal: Principal, id: string) => review(principal, id, "rejected"),

    /** Accepted prices of one series, ascending dates: what charts and the stability indicators read. */
    async series(q: SeriesQuery): Promise<{ date: string; price: number }[]> {
      const conds = [
        eq(priceObservations.commodityCode, q.commodityCode),
        eq(priceObservations.regionCode, q.regionCode),
        q.marketId ? eq(priceObservations.marketId, q.marketId) : isNull(priceObservations.marketId),
        eq(priceObservations.level, q.level),
        eq(priceObservations.status, "accepted"),
      ];
      if (q.from) conds.push(gte(priceObservations.date, q.from));
      if (q.to) conds.push(lte(priceObservations.date, q.to));
      return db
        .select({ date: priceObservations.date, price: priceObservations.price })
        .from(priceObservations)
        .where(and(...conds))
        .orderBy(asc(priceObservations.date));
    },

    /** Every series with at least one accepted observation. */
    async seriesKeys(): Promise<SeriesKey[]> {
      return db
        .selectDistinct({
          commodityCode: priceObservations.commodityCode,
          regionCode: priceObservations.regionCode,
          marketId: priceObservations.marketId,
          level: priceObservations.level,
        })
        .from(priceObservations)
        .where(eq(priceObservations.status, "accepted"))
        .orderBy(
          asc(priceObservations.commodityCode),
          asc(priceObservations.regionCode),
          asc(priceObservations.marketId),
          asc(priceObservations.level),
        );
    },

    /** Chart data: the series and the reference prices (HET/HAP/HPP) that applied over its span. */
    async publicSeries(q: {
      commodity: string;
      region: string;
      market?: string;
      level: PriceLevel;
      from?: string;
      to?: string;
    }) {
      checkRange(q.from, q.to);
      const market = await resolveMarket(q.market);
      const commodity = await reference.getCommodity(q.commodity).catch(() => {
        throw new AppError("prices.unknown_commodity", `No commodity ${q.commodity}`, {
          errors: [{ field: "querystring/commodity", message: `unknown commodity ${q.commodity}` }],
        });
      });
      if (!(await reference.regionExists(q.region))) {
        throw new AppError("prices.unknown_region", `No region ${q.region}`, {
          errors: [{ field: "querystring/region", message: `unknown region ${q.region}` }],
        });
      }
      const points = await service.series({
        commodityCode: q.commodity,
        regionCode: market?.regionCode ?? q.region,
        marketId: market?.id ?? null,
        level: q.level,
        from: q.from,
        to: q.to,
      });
      const zone = hetZoneOf(q.region);
      const refLevel = referenceLevelFor(q.level);
      return {
        commodity: { code: commodity.code, name: commodity.name, unit: commodity.unit },
        regionCode: market?.regionCode ?? q.region,
        market: market ? { code: market.code, name: market.name } : null,
        level: q.level,
        zone,
        points,
        references: commodity.referencePriceHistory
          .filter((r) => r.level === refLevel && (r.zone === null || r.zone === zone))
          .map((r) => ({
            kind: r.kind,
            min: r.min,
            max: r.max,
            effectiveFrom: r.effectiveFrom,
            source: r.source,
          })),
      };
    },

    /**
     * Today's board: each series' latest accepted price within a week of `date`, its change against
     * the day before, a week and a month before, and the gap to the reference price in force for its zone;
     * plus per-province medians of the markets. One indexed range query, cached briefly.
     */
    async board(date?: string): Promise<Board> {
      return (await cachedBoard(date ?? (await defaultDay()))).value;
    },

    /** The board already serialised with its ETag, so a cached answer costs no work at all. */
    async boardJson(date?: string): Promise<{ json: string; etag: string }> {
      const { json, etag } = await cachedBoard(date ?? (await defaultDay()));
      return { json, etag };
    },

    /** Open data: accepted observations with their market and region names. */
    async openData(q: {
      commodity?: string;
      region?: string;
      market?: string;
      level?: PriceLevel;
      from?: string;
      to?: string;
      limit: number;
    }) {
      checkRange(q.from, q.to);
      const market = await resolveMarket(q.market);
      const conds = [eq(priceObservations.status, "accepted")];
      if (q.commodity) conds.push(eq(priceObservations.commodityCode, q.commodity));
      if (q.region)
        conds.push(
          sql`(${priceObservations.regionCode} = ${q.region} or ${priceObservations.regionCode} like ${`${q.region}.%`})`,
        );
      if (market) conds.push(eq(priceObservations.marketId, market.id));
      if (q.level) conds.push(eq(priceObservations.level, q.level));
      if (q.from) conds.push(gte(priceObservations.date, q.from));
      if (q.to) conds.push(lte(priceObservations.date, q.to));
      const [rows, regionList, commodityList] = await Promise.all([
        db
          .select({
            date: priceObservations.date,
            commodityCode: priceObservations.commodityCode,
            regionCode: priceObservations.regionCode,
            marketCode: priceMarkets.code,
            marketName: priceMarkets.name,
            level: priceObservations.level,
            price: priceObservations.price,
          })
          .from(priceObservations)
          .leftJoin(priceMarkets, eq(priceMarkets.id, priceObservations.marketId))
          .where(and(...conds))
          .orderBy(
            asc(priceObservations.date),
            asc(priceObservations.commodityCode),
            asc(priceObservations.regionCode),
            asc(priceMarkets.code),
            asc(priceObservations.level),
          )
          .limit(q.limit),
        regionNames(),
        reference.listCommodities(),
      ]);
      const regionName = new Map(regionList.map((r) => [r.code, r.name]));
      const unit = new Map(commodityList.map((c) => [c.code, c.unit]));
      return rows.map((r) => ({
        date: r.date,
        commodityCode: r.commodityCode,
        regionCode: r.regionCode,
        regionName: regionName.get(r.regionCode) ?? "",
        marketCode: r.marketCode ?? null,
        marketName: r.marketName ?? null,
        level: r.level,
        price: r.price,
        unit: unit.get(r.commodityCode) ?? "kg",
      }));
    },
  };

  async function buildBoard(day: string): Promise<Board> {
    const from = addDays(day, -37);
    const [obs, commodityList, ms, provinces] = await Promise.all([
      db
        .select({
          commodityCode: priceObservations.commodityCode,
          regionCode: priceObservations.regionCode,
          marketId: priceObservations.marketId,
          level: priceObservations.level,
          date: priceObservations.date,
          price: priceObservations.price,
        })
        .from(priceObservations)
        .where(
          and(
            gte(priceObservations.date, from),
            lte(priceObservations.date, day),
            eq(priceObservations.status, "accepted"),
          ),
        )
        .orderBy(asc(priceObservations.date)),
      reference.listCommodities(day),
      db.select().from(priceMarkets),
      reference.listRegions({ level: "province" }),
    ]);
    const marketsById = new Map(ms.map((m) => [m.id, m]));
    const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
    const series = new Map<string, { key: SeriesKey; points: { date: string; price: number }[] }>();
    for (const o of obs) {
      const k = `${o.commodityCode}|${o.regionCode}|${o.marketId ?? ""}|${o.level}`;
      const s = series.get(k) ?? {
        key: {
          commodityCode: o.commodityCode,
          regionCode: o.regionCode,
          marketId: o.marketId,
          level: o.level,
        },
        points: [],
      };
      series.set(k, s);
      s.points.push({ date: o.date, price: o.price });
    }
    const latestOnOrBefore = (points: { date: string; price: number }[], d: string) => {
      let found: { date: string; price: number } | null = null;
      for (const p of points) {
        if (p.date > d) break;
        found = p;
      }
      return found;
    };
    const figures = (points: { date: string; price: number }[]) => {
      const now = latestOnOrBefore(points, day);
      if (!now || now.date < addDays(day, -7)) return null;
      const then = (days: number) => latestOnOrBefore(points, addDays(now.date, -days))?.price ?? null;
      return { date: now.date, price: now.price, yesterday: then(1), lastWeek: then(7), lastMonth: then(30) };
    };
    const refsFor = (commodityCode: string, regionCode: string, level: PriceLevel) => {
      const c = commodityList.find((x) => x.code === commodityCode);
      const refLevel = referenceLevelFor(level);
      const zone = hetZoneOf(regionCode);
      const candidates = (c?.referencePrices ?? []).filter(
        (r) => r.level === refLevel && (r.zone === null || r.zone === zone),
      );
      // A zone's own figure wins over a national one of the same kind.
      candidates.sort((a, b) => (a.zone === null ? 1 : 0) - (b.zone === null ? 1 : 0));
      const r = candidates[0];
      return r
        ? {
            kind: r.kind,
            min: r.min,
            max: r.max,
            zone: r.zone,
            effectiveFrom: r.effectiveFrom,
            source: r.source,
          }
        : null;
    };
    const entry = (
      key: SeriesKey,
      f: NonNullable<ReturnType<typeof figures>>,
      extra: { aggregate: boolean; markets: number },
    ): BoardEntry => {
      const ref = refsFor(key.commodityCode, key.regionCode, key.level);
      const market = key.marketId ? marketsById.get(key.marketId) : undefined;
      return {
        commodityCode: key.commodityCode,
        regionCode: key.regionCode,
        provinceCode: provinceOf(key.regionCode),
        provinceName: provinceNames.get(provinceOf(key.regionCode)) ?? "",
        market: market ? { code: market.code, name: market.name } : null,
        level: key.level,
        aggregate: extra.aggregate,
        marketsCount: extra.markets,
        date: f.date,
        price: f.price,
        change: {
          day: pct(f.price, f.yesterday),
          week: pct(f.price, f.lastWeek),
          month: pct(f.price, f.lastMonth),
        },
        previous: { day: f.yesterday, week: f.lastWeek, month: f.lastMonth },
        reference: ref,
        referenceGapPct: ref ? pct(f.price, ref.max) : null,
      };
    };
    const entries: BoardEntry[] = [];
    const byProvince = new Map<string, { key: SeriesKey; figs: NonNullable<ReturnType<typeof figures>>[] }>();
    for (const s of series.values()) {
      const f = figures(s.points);
      if (!f) continue;
      entries.push(entry(s.key, f, { aggregate: false, markets: s.key.marketId ? 1 : 0 }));
      if (!s.key.marketId) continue;
      const pk = `${s.key.commodityCode}|${provinceOf(s.key.regionCode)}|${s.key.level}`;
      const agg = byProvince.get(pk) ?? {
        key: { ...s.key, regionCode: provinceOf(s.key.regionCode), marketId: null },
        figs: [],
      };
      byProvince.set(pk, agg);
      agg.figs.push(f);
    }
    const med = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? Math.round(median(v)) : null;
    };
    for (const { key, figs } of byProvince.values()) {
      const latest = figs.reduce((a, b) => (a.date > b.date ? a : b)).date;
      entries.push(
        entry(
          key,
          {
            date: latest,
            price: med(figs.map((f) => f.price)) as number,
            yesterday: med(figs.map((f) => f.yesterday)),
            lastWeek: med(figs.map((f) => f.lastWeek)),
            lastMonth: med(figs.map((f) => f.lastMonth)),
          },
          { aggregate: true, markets: figs.length },
        ),
      );
    }
    const order = new Map(commodityList.map((c, i) => [c.code, i]));
    entries.sort(
      (a, b) =>
        (order.get(a.commodityCode) ?? 999) - (order.get(b.commodityCode) ?? 999) ||
        a.regionCode.localeCompare(b.regionCode) ||
        Number(b.aggregate) - Number(a.aggregate) ||
        (a.market?.code ?? "").localeCompare(b.market?.code ?? "") ||
        a.level.localeCompare(b.level),
    );
    const used = new Set(entries.map((e) => e.commodityCode));
    return {
      date: day,
      commodities: commodityList
        .filter((c) => used.has(c.code))
        .map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, unit: c.unit })),
      entries,
    };
  }

  return service;
}

function pct(now: number, then: number | null): number | null {
  if (then === null || then === 0) return null;
  return Math.round(((now - then) / then) * 1000) / 10;
}

export interface BoardEntry {
  commodityCode: string;
  regionCode: string;
  provinceCode: string;
  provinceName: string;
  market: { code: string; name: string } | null;
  level: PriceLevel;
  aggregate: boolean;
  marketsCount: number;
  date: string;
  price: number;
  change: { day: number | null; week: number | null; month: number | null };
  previous: { day: number | null; week: number | null; month: number | null };
  reference: {
    kind: string;
    min: number | null;
    max: number;
    zone: string | null;
    effectiveFrom: string;
    source: string;
  } | null;
  referenceGapPct: number | null;
}

export interface Board {
  date: string;
  commodities: { code: string; name: string; nameEn: string; unit: string }[];
  entries: BoardEntry[];
}

export type PricesService = ReturnType<typeof createPricesService>;
