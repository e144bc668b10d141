import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { newId } from "../../lib/ids";
import { addDays, checkOutlier, OUTLIER_WINDOW_DAYS } from "./domain/outlier";
import type { ParsedRow } from "./domain/rows";
import { priceObservationChanges, priceObservations } from "./prices.tables";

export interface IngestCounts {
  inserted: number;
  unchanged: number;
  updated: number;
  held: number;
}

export interface IngestContext {
  source: string;
  actor: string | null;
  organisationId: string | null;
  now: Date;
  /** Called after each chunk is written: rows written so far, rows to write. */
  onProgress?: (done: number, total: number) => void;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

interface Existing {
  id: string;
  date: string;
  price: number;
  status: string;
}

const CHUNK = 5000;

function seriesKeyOf(r: {
  commodityCode: string;
  regionCode: string;
  marketId: string | null;
  level: string;
}) {
  return `${r.commodityCode}|${r.regionCode}|${r.marketId ?? ""}|${r.level}`;
}

/**
 * Stores observations idempotently: a row equal to the stored one changes nothing, a different price
 * replaces it (the change is kept in price_observation_changes), and a price far from the recent median
 * of its series is held for review. Rows are decided in date order per series so a file's own earlier
 * days count as history for its later ones.
 */
export async function ingest(tx: DbOrTx, rows: ParsedRow[], ctx: IngestContext): Promise<IngestCounts> {
  const counts: IngestCounts = { inserted: 0, unchanged: 0, updated: 0, held: 0 };
  if (!rows.length) return counts;
  const bySeries = new Map<string, ParsedRow[]>();
  let minDate = rows[0]?.date as string;
  let maxDate = minDate;
  for (const r of rows) {
    const k = seriesKeyOf(r);
    const list = bySeries.get(k);
    if (list) list.push(r);
    else bySeries.set(k, [r]);
    if (r.date < minDate) minDate = r.date;
    if (r.date > maxDate) maxDate = r.date;
  }
  const keys = [...bySeries.values()].map((list) => {
    const r = list[0] as ParsedRow;
    return { c: r.commodityCode, r: r.regionCode, m: r.marketId ?? "", l: r.level };
  });
  const found = await tx.execute(sql`
    select o.id, o.commodity_code, o.region_code, o.market_id, o.level, o.date::text as date, o.price, o.status
    from ${priceObservations} o
    join json_to_recordset(${JSON.stringify(keys)}::json) as k(c text, r text, m text, l text)
      on o.commodity_code = k.c and o.region_code = k.r and coalesce(o.market_id, '') = k.m and o.level = k.l
    where o.date between ${addDays(minDate, -OUTLIER_WINDOW_DAYS)}::date and ${maxDate}::date`);
  const existing = new Map<string, Map<number, Existing>>();
  for (const e of (found as unknown as { rows: Record<string, unknown>[] }).rows) {
    const k = seriesKeyOf({
      commodityCode: e.commodity_code as string,
      regionCode: e.region_code as string,
      marketId: (e.market_id as string | null) ?? null,
      level: e.level as string,
    });
    const m = existing.get(k) ?? new Map<number, Existing>();
    existing.set(k, m);
    m.set(dayNumber(e.date as string), {
      id: e.id as string,
      date: e.date as string,
      price: Number(e.price),
      status: e.status as string,
    });
  }

  const writes: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const at = ctx.now.toISOString();
  for (const [k, list] of bySeries) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const stored = existing.get(k) ?? new Map<number, Existing>();
    for (const row of list) {
      const day = dayNumber(row.date);
      const before = stored.get(day);
      if (before && before.price === row.price) {
        counts.unchanged++;
        continue;
      }
      const recent: number[] = [];
      for (let d = 1; d <= OUTLIER_WINDOW_DAYS; d++) {
        const p = stored.get(day - d);
        if (p && p.status === "accepted") recent.push(p.price);
      }
      const verdict = checkOutlier(row.price, recent);
      const status = verdict.held ? "held" : "accepted";
      if (verdict.held) counts.held++;
      const id = before?.id ?? newId("pob");
      writes.push({
        id,
        c: row.commodityCode,
        r: row.regionCode,
        m: row.marketId,
        l: row.level,
        d: row.date,
        p: row.price,
        s: status,
        h: verdict.held ? { median: verdict.median, ratio: verdict.ratio, points: verdict.points } : null,
      });
      if (before) {
        counts.updated++;
        changes.push({
          id: newId("poc"),
          o: id,
          op: before.price,
          np: row.price,
          os: before.status,
          ns: status,
          line: row.line,
        });
      } else counts.inserted++;
      stored.set(day, { id, date: row.date, price: row.price, status });
      existing.set(k, stored);
    }
  }

  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ${priceObservations} (id, commodity_code, region_code, market_id, level, date, price, status,
        hold_reason, source, recorded_by, organisation_id, recorded_at)
      select x.id, x.c, x.r, x.m, x.l, x.d, x.p, x.s, x.h, ${ctx.source}, ${ctx.actor}, ${ctx.organisationId},
        ${at}::timestamptz
      from json_to_recordset(${JSON.stringify(chunk)}::json)
        as x(id text, c text, r text, m text, l text, d date, p integer, s text, h jsonb)
      on conflict on constraint price_observations_series_date_key do update set
        price = excluded.price, status = excluded.status, hold_reason = excluded.hold_reason,
        source = excluded.source, recorded_by = excluded.recorded_by,
        organisation_id = excluded.organisation_id, recorded_at = excluded.recorded_at,
        reviewed_by = null, reviewed_at = null`);
    ctx.onProgress?.(Math.min(i + CHUNK, writes.length), writes.length);
  }
  for (let i = 0; i < changes.length; i += CHUNK) {
    const chunk = changes.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ${priceObservationChanges} (id, observation_id, at, actor, action, old_price, new_price,
        old_status, new_status, details)
      select x.id, x.o, ${at}::timestamptz, ${ctx.actor}, 'update', x.op, x.np, x.os, x.ns,
        jsonb_build_object('source', ${ctx.source}::text, 'line', x.line)
      from json_to_recordset(${JSON.stringify(chunk)}::json)
        as x(id text, o text, op integer, np integer, os text, ns text, line integer)`);
  }
  return counts;
}
