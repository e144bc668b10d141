import { and, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database, DbOrTx } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { jakartaDate } from "../../lib/time";
import { createNotificationsService, type NotificationsService } from "../notifications";
import type { PricesService } from "../prices";
import type { ReferenceService } from "../reference";
import { evaluateSeries } from "./domain/evaluate";
import { ceilingFor, type ReferencePriceRow } from "./domain/reference";
import { levelRank, STABILITY_LEVELS, type StabilityLevel } from "./domain/types";
import "./stability.errors";
import {
  stabilityAlerts,
  stabilityDeliveries,
  stabilityIndicators,
  stabilitySubscriptions,
} from "./stability.tables";

export interface StabilityPriceSource {
  series: PricesService["series"];
  seriesKeys: PricesService["seriesKeys"];
  listMarkets(): Promise<{ id: string; name: string }[]>;
}

export interface StabilityDeps {
  db: Database;
  clock: Clock;
  reference: ReferenceService;
  /** Only what the indicators read, so a benchmark or a replay can feed series from elsewhere. */
  prices: StabilityPriceSource;
  /**
   * Writes alerts to the notifications outbox in the recompute transaction and dispatches them after
   * the commit; a service of its own on the same database when not given (benchmarks, replays).
   */
  notifications?: Pick<NotificationsService, "enqueue" | "dispatchPending">;
}

export type PriceLevel = "producer" | "wholesale" | "retail";

export interface SeriesKey {
  commodityCode: string;
  regionCode: string;
  marketId: string | null;
  level: PriceLevel;
}

function seriesWhere(
  t: { commodityCode: AnyPgColumn; regionCode: AnyPgColumn; marketId: AnyPgColumn; priceLevel: AnyPgColumn },
  key: SeriesKey,
): SQL | undefined {
  return and(
    eq(t.commodityCode, key.commodityCode),
    eq(t.regionCode, key.regionCode),
    key.marketId === null ? isNull(t.marketId) : eq(t.marketId, key.marketId),
    eq(t.priceLevel, key.level),
  );
}

/** A region filter covers the regions below it: "31" matches "31.75" but not "3175". */
function regionCovers(filter: string, code: string): boolean {
  return code === filter || code.startsWith(`${filter}.`);
}

function userOf(principal: Principal): string {
  if (principal.type !== "user")
    throw new AppError("auth.forbidden", "Only a signed-in person has subscriptions");
  return principal.userId;
}

export function createStabilityService(deps: StabilityDeps) {
  const { db, clock, reference, prices } = deps;
  const notifications = deps.notifications ?? createNotificationsService({ db, clock });
  const dispatch = () => notifications.dispatchPending();

  /** Names and reference prices are read once per recompute, not once per series. */
  function lookups() {
    const commodities = new Map<
      string,
      Promise<{ name: string; nameEn: string; refs: ReferencePriceRow[] }>
    >();
    const places = new Map<string, Promise<string>>();
    let markets: Promise<Map<string, string>> | null = null;
    return {
      commodity(code: string) {
        let p = commodities.get(code);
        if (!p) {
          p = reference.getCommodity(code).then((c) => ({
            name: c.name,
            nameEn: c.nameEn,
            refs: c.referencePriceHistory.map((r) => ({ ...r, commodityCode: code })),
          }));
          commodities.set(code, p);
        }
        return p;
      },
      async place(key: SeriesKey) {
        if (key.marketId) {
          markets ??= prices.listMarkets().then((ms) => new Map(ms.map((m) => [m.id, m.name])));
          const name = (await markets).get(key.marketId);
          if (name) return name;
        }
        let p = places.get(key.regionCode);
        if (!p) {
          p = reference
            .getRegion(key.regionCode)
            .then((r) => r.name)
            .catch(() => key.regionCode);
          places.set(key.regionCode, p);
        }
        return p;
      },
    };
  }

  async function evaluate(key: SeriesKey, look: ReturnType<typeof lookups>) {
    const [points, commodity, place] = await Promise.all([
      prices.series({ ...key }),
      look.commodity(key.commodityCode),
      look.place(key),
    ]);
    const last = points[points.length - 1];
    const today = jakartaDate(clock.now());
    return evaluateSeries(points, {
      commodityCode: key.commodityCode,
      commodityName: { id: commodity.name.toLowerCase(), en: commodity.nameEn.toLowerCase() },
      placeName: place,
      today,
      reference: ceilingFor(commodity.refs, { ...key, day: last?.date ?? today }),
    });
  }

  async function notifySubscribers(
    tx: DbOrTx,
    key: SeriesKey,
    level: StabilityLevel,
    reason: { id: string; en: string },
    asOf: string | null,
  ) {
    if (level === "normal") {
      await tx.delete(stabilityDeliveries).where(seriesWhere(stabilityDeliveries, key));
      return 0;
    }
    const subs = await tx.select().from(stabilitySubscriptions);
    const delivered = await tx
      .select()
      .from(stabilityDeliveries)
      .where(seriesWhere(stabilityDeliveries, key));
    const notified = new Map(delivered.map((d) => [d.subscriptionId, d.notifiedLevel]));
    let written = 0;
    for (const s of subs) {
      if (s.commodityCode && s.commodityCode !== key.commodityCode) continue;
      if (s.regionCode && !regionCovers(s.regionCode, key.regionCode)) continue;
      if (levelRank(level) < levelRank(s.minLevel)) continue;
      const before = notified.get(s.id);
      if (before && levelRank(level) <= levelRank(before)) continue;
      written += await notifications.enqueue(tx, [
        {
          recipientUserId: s.userId,
          kind: "stability.alert",
          title: {
            id: `Peringatan harga: ${level.toUpperCase()}`,
            en: `Price alert: ${level.toUpperCase()}`,
          },
          body: reason,
          payload: { ...key, alertLevel: level, asOf, subscriptionId: s.id },
        },
      ]);
      await tx
        .insert(stabilityDeliveries)
        .values({ subscriptionId: s.id, ...keyColumns(key), notifiedLevel: level })
        .onConflictDoUpdate({
          target: [
            stabilityDeliveries.subscriptionId,
            stabilityDeliveries.commodityCode,
            stabilityDeliveries.regionCode,
            stabilityDeliveries.marketId,
            stabilityDeliveries.priceLevel,
          ],
          set: { notifiedLevel: level },
        });
    }
    return written;
  }

  const keyColumns = (key: SeriesKey) => ({
    commodityCode: key.commodityCode,
    regionCode: key.regionCode,
    marketId: key.marketId,
    priceLevel: key.level,
  });

  async function store(key: SeriesKey, e: Awaited<ReturnType<typeof evaluate>>) {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const row = {
        ...keyColumns(key),
        asOf: e.asOf,
        level: e.level,
        reasonId: e.reason.id,
        reasonEn: e.reason.en,
        indicators: e.indicators,
        findings: e.findings,
        computedAt: now,
      };
      const seriesTarget = [
        stabilityIndicators.commodityCode,
        stabilityIndicators.regionCode,
        stabilityIndicators.marketId,
        stabilityIndicators.priceLevel,
      ];
      await tx
        .insert(stabilityIndicators)
        .values({ id: newId("sti"), ...row })
        .onConflictDoUpdate({ target: seriesTarget, set: row });
      const [open] = await tx
        .select()
        .from(stabilityAlerts)
        .where(seriesWhere(stabilityAlerts, key))
        .limit(1);
      const alert = {
        asOf: e.asOf,
        level: e.level,
        reasonId: e.reason.id,
        reasonEn: e.reason.en,
        findings: e.findings,
        updatedAt: now,
      };
      if (e.level !== "normal") {
        if (!open) {
          await tx
            .insert(stabilityAlerts)
            .values({ id: newId("sta"), ...keyColumns(key), ...alert, raisedAt: now });
        } else {
          await tx
            .update(stabilityAlerts)
            .set({ ...alert, ...(open.clearedAt ? { raisedAt: now, clearedAt: null } : {}) })
            .where(eq(stabilityAlerts.id, open.id));
        }
      } else if (open && !open.clearedAt) {
        await tx
          .update(stabilityAlerts)
          .set({ ...alert, clearedAt: now })
          .where(eq(stabilityAlerts.id, open.id));
      }
      return notifySubscribers(tx, key, e.level, e.reason, e.asOf);
    });
  }

  const service = {
    /**
     * Tells the officials subscribed to a commodity and region (at or below `level`) something that is not
     * a price alert, e.g. that an action awaits their decision: one outbox row per recipient and channel.
     */
    async announce(input: {
      kind: string;
      commodityCode: string;
      regionCode: string;
      level: Exclude<StabilityLevel, "normal">;
      title: { id: string; en: string };
      body: { id: string; en: string };
      payload: Record<string, unknown>;
    }) {
      const subs = await db.select().from(stabilitySubscriptions);
      const recipients = new Set(
        subs
          .filter(
            (s) =>
              (!s.commodityCode || s.commodityCode === input.commodityCode) &&
              (!s.regionCode ||
                regionCovers(s.regionCode, input.regionCode) ||
                regionCovers(input.regionCode, s.regionCode)) &&
              levelRank(input.level) >= levelRank(s.minLevel),
          )
          .map((s) => s.userId),
      );
      if (recipients.size === 0) return 0;
      const written = await notifications.enqueue(
        db,
        [...recipients].map((userId) => ({
          recipientUserId: userId,
          kind: input.kind,
          title: input.title,
          body: input.body,
          payload: { commodityCode: input.commodityCode, regionCode: input.regionCode, ...input.payload },
        })),
      );
      await dispatch();
      return written;
    },

    /** Recompute one series (called after prices for it arrive) and deliver any notifications it raised. */
    async recomputeSeries(key: SeriesKey) {
      const e = await evaluate(key, lookups());
      const notifications = await store(key, e);
      if (notifications > 0) await dispatch();
      return { level: e.level, asOf: e.asOf, reason: e.reason, notifications };
    },

    /** Recompute every series with accepted prices. */
    async recompute() {
      const started = Date.now();
      const keys = await prices.seriesKeys();
      const look = lookups();
      const counts: Record<StabilityLevel, number> = { normal: 0, waspada: 0, siaga: 0, krisis: 0 };
      let notifications = 0;
      for (const key of keys) {
        const e = await evaluate(key, look);
        notifications += await store(key, e);
        counts[e.level] += 1;
      }
      if (notifications > 0) await dispatch();
      return { series: keys.length, levels: counts, notifications, ms: Date.now() - started };
    },

    async listAlerts(q: {
      commodity?: string;
      region?: string;
      level?: StabilityLevel;
      date?: string;
      includeCleared?: boolean;
      limit: number;
      offset: number;
    }) {
      const conds: SQL[] = [];
      if (!q.includeCleared) conds.push(isNull(stabilityAlerts.clearedAt));
      if (q.commodity) conds.push(eq(stabilityAlerts.commodityCode, q.commodity));
      if (q.region) {
        conds.push(
          sql`(${stabilityAlerts.regionCode} = ${q.region} or ${stabilityAlerts.regionCode} like ${`${q.region}.%`})`,
        );
      }
      // "At least this level": an official filtering on siaga wants krisis too.
      if (q.level) {
        const levels = STABILITY_LEVELS.filter((l) => levelRank(l) >= levelRank(q.level as StabilityLevel));
        conds.push(sql`${stabilityAlerts.level} in ${levels}`);
      }
      if (q.date) conds.push(and(isNotNull(stabilityAlerts.asOf), eq(stabilityAlerts.asOf, q.date)) as SQL);
      const rows = await db
        .select()
        .from(stabilityAlerts)
        .where(conds.length ? and(...conds) : undefined)
        .orderBy(
          desc(
            sql`case ${stabilityAlerts.level} when 'krisis' then 3 when 'siaga' then 2 when 'waspada' then 1 else 0 end`,
          ),
          desc(stabilityAlerts.asOf),
          stabilityAlerts.commodityCode,
          stabilityAlerts.regionCode,
        )
        .limit(q.limit + 1)
        .offset(q.offset);
      const look = lookups();
      const page = rows.slice(0, q.limit);
      // People read names: the commodity and the market (or region) each alert is about.
      const names = await Promise.all(
        page.map(async (r) => ({
          commodityName: (await look.commodity(r.commodityCode).catch(() => null))?.name ?? r.commodityCode,
          placeName: await look.place({
            commodityCode: r.commodityCode,
            regionCode: r.regionCode,
            marketId: r.marketId,
            level: r.priceLevel,
          }),
        })),
      );
      return {
        items: page.map((r, i) => ({
          id: r.id,
          commodityCode: r.commodityCode,
          commodityName: names[i]?.commodityName ?? r.commodityCode,
          regionCode: r.regionCode,
          marketId: r.marketId,
          placeName: names[i]?.placeName ?? r.regionCode,
          priceLevel: r.priceLevel,
          level: r.level,
          asOf: r.asOf,
          reason: { id: r.reasonId, en: r.reasonEn },
          findings: r.findings as { indicator: string; level: StabilityLevel }[],
          raisedAt: r.raisedAt.toISOString(),
          clearedAt: r.clearedAt?.toISOString() ?? null,
        })),
        nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
      };
    },

    async indicators(q: { commodity: string; region: string }) {
      await reference.getCommodity(q.commodity).catch(() => {
        throw new AppError("stability.unknown_commodity", `No commodity ${q.commodity}`, {
          errors: [{ field: "querystring/commodity", message: `unknown commodity ${q.commodity}` }],
        });
      });
      if (!(await reference.regionExists(q.region))) {
        throw new AppError("stability.unknown_region", `No region ${q.region}`, {
          errors: [{ field: "querystring/region", message: `unknown region ${q.region}` }],
        });
      }
      const rows = await db
        .select()
        .from(stabilityIndicators)
        .where(
          and(
            eq(stabilityIndicators.commodityCode, q.commodity),
            eq(stabilityIndicators.regionCode, q.region),
          ),
        )
        .orderBy(stabilityIndicators.priceLevel, stabilityIndicators.marketId);
      const look = lookups();
      const placeNames = await Promise.all(
        rows.map((r) =>
          look.place({
            commodityCode: r.commodityCode,
            regionCode: r.regionCode,
            marketId: r.marketId,
            level: r.priceLevel,
          }),
        ),
      );
      return {
        items: rows.map((r, i) => ({
          commodityCode: r.commodityCode,
          regionCode: r.regionCode,
          marketId: r.marketId,
          placeName: placeNames[i] ?? r.regionCode,
          priceLevel: r.priceLevel,
          asOf: r.asOf,
          level: r.level,
          reason: { id: r.reasonId, en: r.reasonEn },
          findings: r.findings as {
            indicator: string;
            level: StabilityLevel;
            clause: { id: string; en: string };
          }[],
          indicators: r.indicators as Record<string, { eligible: boolean } & Record<string, unknown>>,
          computedAt: r.computedAt.toISOString(),
        })),
      };
    },

    async subscribe(
      principal: Principal,
      input: {
        commodityCode: string | null;
        regionCode: string | null;
        minLevel: Exclude<StabilityLevel, "normal">;
      },
    ) {
      const userId = userOf(principal);
      if (input.commodityCode) {
        await reference.getCommodity(input.commodityCode).catch(() => {
          throw new AppError("stability.unknown_commodity", `No commodity ${input.commodityCode}`, {
            errors: [{ field: "body/commodityCode", message: `unknown commodity ${input.commodityCode}` }],
          });
        });
      }
      if (input.regionCode && !(await reference.regionExists(input.regionCode))) {
        throw new AppError("stability.unknown_region", `No region ${input.regionCode}`, {
          errors: [{ field: "body/regionCode", message: `unknown region ${input.regionCode}` }],
        });
      }
      const [row] = await db
        .insert(stabilitySubscriptions)
        .values({ id: newId("sub"), userId, ...input, createdAt: clock.now() })
        .onConflictDoUpdate({
          target: [
            stabilitySubscriptions.userId,
            stabilitySubscriptions.commodityCode,
            stabilitySubscriptions.regionCode,
          ],
          set: { minLevel: input.minLevel },
        })
        .returning();
      return subscriptionView(row as typeof stabilitySubscriptions.$inferSelect);
    },

    async listSubscriptions(principal: Principal) {
      const rows = await db
        .select()
        .from(stabilitySubscriptions)
        .where(eq(stabilitySubscriptions.userId, userOf(principal)))
        .orderBy(stabilitySubscriptions.createdAt);
      return { items: rows.map(subscriptionView) };
    },

    async unsubscribe(principal: Principal, id: string) {
      const removed = await db
        .delete(stabilitySubscriptions)
        .where(and(eq(stabilitySubscriptions.id, id), eq(stabilitySubscriptions.userId, userOf(principal))))
        .returning({ id: stabilitySubscriptions.id });
      if (removed.length === 0)
        throw new AppError("stability.subscription_not_found", `No subscription ${id}`);
    },
  };
  return service;
}

function subscriptionView(r: typeof stabilitySubscriptions.$inferSelect) {
  return {
    id: r.id,
    commodityCode: r.commodityCode,
    regionCode: r.regionCode,
    minLevel: r.minLevel,
    createdAt: r.createdAt.toISOString(),
  };
}

export type StabilityService = ReturnType<typeof createStabilityService>;
