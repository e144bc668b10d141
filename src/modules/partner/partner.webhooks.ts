import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, inArray, isNull, lte, type SQL } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { signPayload } from "../payments";
import { MAX_ATTEMPTS, retryDelayMs } from "./domain/backoff";
import "./partner.errors";
import {
  partnerWebhookAttempts as attemptsT,
  type DeliveryStatus,
  partnerWebhookDeliveries as deliveriesT,
  partnerWebhookEndpoints as endpointsT,
  type WebhookEventType,
} from "./partner.tables";

export interface WebhookDeps {
  db: Database;
  clock: Clock;
  /** How long a partner has to answer one delivery. */
  timeoutMs?: number;
  /** In [0, 1): the jitter of retries (tests fix it). */
  random?: () => number;
  /** Delay of the dispatch that follows a commit which wrote deliveries; 0 turns the kick off. */
  kickDelayMs?: number;
}

export const MAX_ENDPOINTS_PER_CLIENT = 10;
const BATCH = 25;
// Longer than the send timeout: a claimed delivery is not taken by another dispatcher while it is in
// flight, and one whose dispatcher died comes back after this.
const LEASE_MS = 60_000;
const RESPONSE_KEEP_CHARS = 1000;

export type EndpointRow = typeof endpointsT.$inferSelect;
export type DeliveryRow = typeof deliveriesT.$inferSelect;

function endpointView(e: EndpointRow) {
  return {
    id: e.id,
    clientId: e.clientId,
    url: e.url,
    events: e.events,
    description: e.description,
    createdAt: e.createdAt.toISOString(),
    deletedAt: e.deletedAt?.toISOString() ?? null,
  };
}

function deliveryView(d: DeliveryRow & { url: string | null }) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    clientId: d.clientId,
    endpointId: d.endpointId,
    url: d.url,
    orderId: d.orderId,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    replayOf: d.replayOf,
    createdAt: d.createdAt.toISOString(),
  };
}

/** Endpoints, the outbox of deliveries, and the dispatcher that sends, signs, records and retries them. */
export function createWebhooks(deps: WebhookDeps) {
  const { db, clock } = deps;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const random = deps.random ?? Math.random;
  const kickDelayMs = deps.kickDelayMs ?? 25;

  // One dispatch at a time in this process; others (the timer, kicks, an admin's replay) queue behind it.
  let chain: Promise<unknown> = Promise.resolve();
  function dispatch() {
    const run = chain.then(dispatchOnce);
    chain = run.catch(() => undefined);
    return run;
  }

  // A kick follows a transaction that wrote deliveries. The listener runs inside that transaction and
  // cannot see its commit, so the dispatcher looks a few times over the next second and a half.
  let kickTimer: NodeJS.Timeout | null = null;
  let lastKick = 0;
  function kick() {
    if (kickDelayMs <= 0) return;
    lastKick = Date.now();
    if (!kickTimer) schedule(kickDelayMs);
  }
  function schedule(ms: number) {
    kickTimer = setTimeout(() => {
      kickTimer = null;
      dispatch()
        .catch(() => undefined) // the timer in main.ts logs failures; a kick is only an early start
        .finally(() => {
          if (!kickTimer && Date.now() - lastKick < 1500) schedule(250);
        });
    }, ms);
    kickTimer.unref();
  }

  async function dispatchOnce() {
    const now = clock.now();
    // Claim in one statement: the due rows are locked (skipping rows another dispatcher is claiming) and
    // pushed a lease ahead, so each goes out from one process only.
    const due = db
      .select({ id: deliveriesT.id })
      .from(deliveriesT)
      .where(and(eq(deliveriesT.status, "pending"), lte(deliveriesT.nextAttemptAt, now)))
      .orderBy(asc(deliveriesT.nextAttemptAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    const claimed = await db
      .update(deliveriesT)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(deliveriesT.id, due))
      .returning();
    if (!claimed.length) return { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
    const endpoints = new Map(
      (
        await db
          .select()
          .from(endpointsT)
          .where(inArray(endpointsT.id, [...new Set(claimed.map((d) => d.endpointId))]))
      ).map((e) => [e.id, e]),
    );
    const results = await Promise.all(claimed.map((d) => send(d, endpoints.get(d.endpointId))));
    const tally = { attempted: claimed.length, delivered: 0, retrying: 0, failed: 0 };
    for (const r of results) tally[r]++;
    return tally;
  }

  async function send(
    d: DeliveryRow,
    endpoint: EndpointRow | undefined,
  ): Promise<"delivered" | "retrying" | "failed"> {
    const startedAt = clock.now();
    if (!endpoint || endpoint.deletedAt) {
      await record(
        d,
        startedAt,
        { statusCode: null, error: "endpoint deleted", durationMs: 0, body: null },
        true,
      );
      return "failed";
    }
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    let body: string | null = null;
    try {
      const res = await fetch(endpoint.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Lumbung-Webhooks/1",
          "lumbung-signature": signPayload(endpoint.secret, d.body, startedAt),
          "lumbung-event-id": d.eventId,
          "lumbung-event-type": d.eventType,
          "lumbung-delivery-id": d.id,
          "lumbung-delivery-attempt": String(d.attempts + 1),
        },
        body: d.body,
      });
      statusCode = res.status;
      body = (await res.text()).slice(0, RESPONSE_KEEP_CHARS);
      if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      error =
        e.name === "TimeoutError"
          ? `no answer within ${timeoutMs} ms`
          : (e.cause?.code ?? e.cause?.message ?? e.message).slice(0, 300);
    }
    const durationMs = Math.round(performance.now() - started);
    await record(d, startedAt, { statusCode, error, durationMs, body }, false);
    if (!error) return "delivered";
    return d.attempts + 1 >= MAX_ATTEMPTS ? "failed" : "retrying";
  }

  async function record(
    d: DeliveryRow,
    at: Date,
    r: { statusCode: number | null; error: string | null; durationMs: number; body: string | null },
    giveUp: boolean,
  ) {
    const attempts = d.attempts + 1;
    const wait = r.error && !giveUp ? retryDelayMs(attempts, random()) : null;
    const status: DeliveryStatus = !r.error ? "delivered" : wait === null ? "failed" : "pending";
    await db.transaction(async (tx) => {
      await tx.insert(attemptsT).values({
        id: newId("wha", at.getTime()),
        deliveryId: d.id,
        at,
        statusCode: r.statusCode,
        error: r.error,
        durationMs: r.durationMs,
        responseBody: r.body,
      });
      await tx
        .update(deliveriesT)
        .set({
          status,
          attempts,
          lastStatusCode: r.statusCode,
          lastError: r.error,
          lastAttemptAt: at,
          deliveredAt: status === "delivered" ? at : null,
          nextAttemptAt:
            status === "pending" && wait !== null ? new Date(clock.now().getTime() + wait) : null,
        })
        .where(eq(deliveriesT.id, d.id));
    });
  }

  async function findEndpoint(tx: DbOrTx, id: string, clientId: string | null) {
    const [row] = await tx
      .select()
      .from(endpointsT)
      .where(and(eq(endpointsT.id, id), ...(clientId ? [eq(endpointsT.clientId, clientId)] : [])))
      .limit(1);
    return row;
  }

  return {
    dispatch,
    kick,

    async listEndpoints(filter: { clientId?: string; includeDeleted?: boolean }) {
      const conditions: SQL[] = [];
      if (filter.clientId) conditions.push(eq(endpointsT.clientId, filter.clientId));
      if (!filter.includeDeleted) conditions.push(isNull(endpointsT.deletedAt));
      const rows = await db
        .select()
        .from(endpointsT)
        .where(and(...conditions))
        .orderBy(asc(endpointsT.clientId), asc(endpointsT.createdAt));
      return rows.map(endpointView);
    },

    /** The secret is answered here and never again: the partner stores it to verify signatures. */
    async createEndpoint(
      clientId: string,
      input: { url: string; events: readonly (WebhookEventType | "*")[]; description?: string | null },
    ) {
      const [{ n } = { n: 0 }] = await db
        .select({ n: count() })
        .from(endpointsT)
        .where(and(eq(endpointsT.clientId, clientId), isNull(endpointsT.deletedAt)));
      if (n >= MAX_ENDPOINTS_PER_CLIENT) {
        throw new AppError(
          "partner.webhook_limit",
          `At most ${MAX_ENDPOINTS_PER_CLIENT} endpoints per client`,
        );
      }
      const events = input.events.includes("*") || !input.events.length ? ["*"] : [...new Set(input.events)];
      const [row] = await db
        .insert(endpointsT)
        .values({
          id: newId("whe"),
          clientId,
          url: input.url,
          events,
          description: input.description ?? null,
          secret: `whsec_${randomBytes(24).toString("base64url")}`,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      return { ...endpointView(row), secret: row.secret };
    },

    async deleteEndpoint(clientId: string, id: string) {
      const row = await findEndpoint(db, id, clientId);
      if (!row || row.deletedAt) throw new AppError("partner.webhook_not_found", `No webhook endpoint ${id}`);
      await db.update(endpointsT).set({ deletedAt: clock.now() }).where(eq(endpointsT.id, id));
    },

    /**
     * Writes one delivery per endpoint of `clientId` that wants this event type. Runs in the caller's
     * transaction (the one changing the order), so the partner hears of exactly what was committed.
     */
    async enqueue(
      tx: DbOrTx,
      event: { clientId: string; type: WebhookEventType; orderId: string | null; at: Date; data: unknown },
    ): Promise<number> {
      const endpoints = (
        await tx
          .select({ id: endpointsT.id, events: endpointsT.events })
          .from(endpointsT)
          .where(and(eq(endpointsT.clientId, event.clientId), isNull(endpointsT.deletedAt)))
      ).filter((e) => e.events.includes("*") || e.events.includes(event.type));
      if (!endpoints.length) return 0;
      const eventId = newId("evt", event.at.getTime());
      const body = JSON.stringify({
        id: eventId,
        type: event.type,
        createdAt: event.at.toISOString(),
        data: event.data,
      });
      const now = clock.now();
      await tx.insert(deliveriesT).values(
        endpoints.map((e) => ({
          id: newId("whd", now.getTime()),
          eventId,
          eventType: event.type,
          endpointId: e.id,
          clientId: event.clientId,
          orderId: event.orderId,
          body,
          status: "pending" as const,
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
        })),
      );
      return endpoints.length;
    },

    async listDeliveries(filter: {
      clientId?: string;
      endpointId?: string;
      status?: DeliveryStatus;
      orderId?: string;
      limit: number;
      offset: number;
    }) {
      const conditions: SQL[] = [];
      if (filter.clientId) conditions.push(eq(deliveriesT.clientId, filter.clientId));
      if (filter.endpointId) conditions.push(eq(deliveriesT.endpointId, filter.endpointId));
      if (filter.status) conditions.push(eq(deliveriesT.status, filter.status));
      if (filter.orderId) conditions.push(eq(deliveriesT.orderId, filter.orderId));
      const where = and(...conditions);
      const [rows, [{ n } = { n: 0 }]] = await Promise.all([
        db
          .select({ d: deliveriesT, url: endpointsT.url })
          .from(deliveriesT)
          .leftJoin(endpointsT, eq(endpointsT.id, deliveriesT.endpointId))
          .where(where)
          .orderBy(desc(deliveriesT.createdAt), desc(deliveriesT.id))
          .limit(filter.limit)
          .offset(filter.offset),
        db.select({ n: count() }).from(deliveriesT).where(where),
      ]);
      return { items: rows.map((r) => deliveryView({ ...r.d, url: r.url })), total: n };
    },

    /** One delivery with its payload and every attempt; a partner sees only its own. */
    async getDelivery(id: string, clientId: string | null = null) {
      const [row] = await db
        .select({ d: deliveriesT, url: endpointsT.url })
        .from(deliveriesT)
        .leftJoin(endpointsT, eq(endpointsT.id, deliveriesT.endpointId))
        .where(and(eq(deliveriesT.id, id), ...(clientId ? [eq(deliveriesT.clientId, clientId)] : [])))
        .limit(1);
      if (!row) throw new AppError("partner.delivery_not_found", `No webhook delivery ${id}`);
      const attempts = await db
        .select()
        .from(attemptsT)
        .where(eq(attemptsT.deliveryId, id))
        .orderBy(asc(attemptsT.at), asc(attemptsT.id));
      return {
        ...deliveryView({ ...row.d, url: row.url }),
        payload: JSON.parse(row.d.body) as unknown,
        attemptLog: attempts.map((a) => ({
          at: a.at.toISOString(),
          statusCode: a.statusCode,
          error: a.error,
          durationMs: a.durationMs,
          responseBody: a.responseBody,
        })),
      };
    },

    /**
     * Sends an event again as a new delivery (same event id and body, signed afresh), keeping the
     * original's record as it was; the partner deduplicates by `Lumbung-Event-Id`.
     */
    async replay(id: string, clientId: string | null = null) {
      const original = await this.getDelivery(id, clientId);
      const endpoint = await findEndpoint(db, original.endpointId, null);
      if (!endpoint || endpoint.deletedAt) {
        throw new AppError("partner.endpoint_deleted", `The endpoint of ${id} has been deleted`);
      }
      const [source] = await db.select().from(deliveriesT).where(eq(deliveriesT.id, id));
      if (!source) throw new AppError("partner.delivery_not_found");
      const now = clock.now();
      const newDeliveryId = newId("whd", now.getTime());
      await db.insert(deliveriesT).values({
        id: newDeliveryId,
        eventId: source.eventId,
        eventType: source.eventType,
        endpointId: source.endpointId,
        clientId: source.clientId,
        orderId: source.orderId,
        body: source.body,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        replayOf: source.id,
        createdAt: now,
      });
      kick();
      return this.getDelivery(newDeliveryId);
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
