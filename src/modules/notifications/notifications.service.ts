import { and, count, desc, eq, inArray, isNotNull, isNull, max, ne } from "drizzle-orm";
import { bulkInsert } from "../../db/bulk-insert";
import type { Database, DbOrTx } from "../../db/client";
import { AppError, bilingual } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import type { IdentityService } from "../identity";
import { backoffMs, type ExternalChannel, normaliseAddress } from "./domain/address";
import {
  DEFAULT_ADAPTERS,
  inAppAdapter,
  type NotificationAdapter,
  type OutboxRow,
} from "./notifications.adapters";
import "./notifications.errors";
import { notificationDeliveries, notificationOutbox, notificationPreferences } from "./notifications.tables";

export interface NotificationsDeps {
  db: Database;
  clock: Clock;
  /** Delivery channels; in-app and the simulated SMS, WhatsApp and e-mail gateways by default. */
  adapters?: readonly NotificationAdapter[];
  /** When given, the notifications and preferences join the person's data download and account deletion. */
  identity?: Pick<IdentityService, "registerPersonalDataSource">;
  /** Failed attempts before a notification is given up (failedAt set). */
  maxAttempts?: number;
  /** First retry wait; doubles with every failure (see domain/address.ts backoffMs). */
  retryBaseMs?: number;
}

export type Bilingual = { id: string; en: string };

export interface NotificationItem {
  recipientUserId: string;
  kind: string;
  title: Bilingual;
  body: Bilingual;
  /** `{ link: "/lapor/<id>" }` makes the inbox entry a link. */
  payload: Record<string, unknown>;
}

const BATCH = 200;

function inboxView(r: OutboxRow) {
  return {
    id: r.id,
    kind: r.kind,
    title: { id: r.titleId, en: r.titleEn },
    body: { id: r.bodyId, en: r.bodyEn },
    payload: r.payload as Record<string, unknown>,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

export function createNotificationsService(deps: NotificationsDeps) {
  const { db, clock } = deps;
  const adapters = new Map((deps.adapters ?? DEFAULT_ADAPTERS).map((a) => [a.channel, a]));
  const maxAttempts = deps.maxAttempts ?? 5;
  const retryBaseMs = deps.retryBaseMs ?? 30_000;
  let running: Promise<DispatchResult> | null = null;

  async function unreadOf(userId: string) {
    const [row] = await db
      .select({ n: count() })
      .from(notificationOutbox)
      .where(
        and(
          eq(notificationOutbox.recipientUserId, userId),
          eq(notificationOutbox.channel, inAppAdapter.channel),
          isNotNull(notificationOutbox.deliveredAt),
          isNull(notificationOutbox.readAt),
        ),
      );
    return Number(row?.n ?? 0);
  }

  /** Delivers one row (locked, so two processes never send it twice) and records the outcome. */
  async function deliverOne(id: string, now: Date): Promise<"sent" | "retry" | "failed" | "skipped"> {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(notificationOutbox)
        .where(
          and(
            eq(notificationOutbox.id, id),
            isNull(notificationOutbox.deliveredAt),
            isNull(notificationOutbox.failedAt),
          ),
        )
        .for("update", { skipLocked: true });
      if (!row) return "skipped";
      const adapter = adapters.get(row.channel);
      let address: string | null = row.recipientUserId;
      if (row.channel !== inAppAdapter.channel) {
        const [pref] = await tx
          .select()
          .from(notificationPreferences)
          .where(
            and(
              eq(notificationPreferences.userId, row.recipientUserId),
              eq(notificationPreferences.channel, row.channel as ExternalChannel),
            ),
          );
        address = pref?.enabled ? pref.address : null;
      }
      if (!adapter || !address) {
        // Nothing to retry: no gateway for the channel, or the person switched the channel off.
        await tx
          .update(notificationOutbox)
          .set({
            failedAt: now,
            lastError: adapter ? "channel switched off by the recipient" : `no adapter for ${row.channel}`,
          })
          .where(eq(notificationOutbox.id, row.id));
        return "failed";
      }
      try {
        const { providerMessageId } = await adapter.deliver(row, address);
        await tx
          .update(notificationOutbox)
          .set({ deliveredAt: now })
          .where(eq(notificationOutbox.id, row.id));
        if (row.channel !== inAppAdapter.channel) {
          await tx.insert(notificationDeliveries).values({
            id: newId("ndl"),
            outboxId: row.id,
            channel: row.channel,
            provider: adapter.provider,
            address,
            providerMessageId,
            status: "sent",
            at: now,
          });
        }
        return "sent";
      } catch (err) {
        const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
        const attempts = row.attempts + 1;
        const giveUp = attempts >= maxAttempts;
        await tx
          .update(notificationOutbox)
          .set({ attempts, lastError: message, ...(giveUp ? { failedAt: now } : {}) })
          .where(eq(notificationOutbox.id, row.id));
        await tx.insert(notificationDeliveries).values({
          id: newId("ndl"),
          outboxId: row.id,
          channel: row.channel,
          provider: adapter.provider,
          address,
          status: "failed",
          error: message,
          at: now,
        });
        return giveUp ? "failed" : "retry";
      }
    });
  }

  async function dispatch(now: Date): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retrying: 0, failed: 0, waiting: 0 };
    const pending = await db
      .select({ id: notificationOutbox.id, attempts: notificationOutbox.attempts })
      .from(notificationOutbox)
      .where(and(isNull(notificationOutbox.deliveredAt), isNull(notificationOutbox.failedAt)))
      .orderBy(notificationOutbox.createdAt, notificationOutbox.id)
      .limit(BATCH);
    if (pending.length === 0) return result;
    // Retries wait for their backoff, counted from the last failed attempt.
    const retried = pending.filter((p) => p.attempts > 0).map((p) => p.id);
    const lastTry = new Map<string, Date>();
    if (retried.length) {
      const rows = await db
        .select({ outboxId: notificationDeliveries.outboxId, at: max(notificationDeliveries.at) })
        .from(notificationDeliveries)
        .where(inArray(notificationDeliveries.outboxId, retried))
        .groupBy(notificationDeliveries.outboxId);
      for (const r of rows) if (r.at) lastTry.set(r.outboxId, new Date(r.at));
    }
    for (const p of pending) {
      const last = lastTry.get(p.id);
      if (p.attempts > 0 && last && now.getTime() - last.getTime() < backoffMs(p.attempts, retryBaseMs)) {
        result.waiting += 1;
        continue;
      }
      const outcome = await deliverOne(p.id, now);
      if (outcome === "sent") result.sent += 1;
      else if (outcome === "retry") result.retrying += 1;
      else if (outcome === "failed") result.failed += 1;
    }
    return result;
  }

  const personalData = {
    name: "notifications",
    /** Everything Lumbung keeps about a person's notifications, for their data download. */
    async export(userId: string) {
      const rows = await db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.recipientUserId, userId))
        .orderBy(notificationOutbox.createdAt);
      const ids = rows.map((r) => r.id);
      const deliveries = ids.length
        ? await db.select().from(notificationDeliveries).where(inArray(notificationDeliveries.outboxId, ids))
        : [];
      const prefs = await db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId));
      return {
        notifications: rows.map((r) => ({
          ...inboxView(r),
          channel: r.channel,
          deliveredAt: r.deliveredAt?.toISOString() ?? null,
          attempts: r.attempts,
          failedAt: r.failedAt?.toISOString() ?? null,
          deliveries: deliveries
            .filter((d) => d.outboxId === r.id)
            .map((d) => ({
              provider: d.provider,
              address: d.address,
              status: d.status,
              at: d.at.toISOString(),
            })),
        })),
        preferences: prefs.map((p) => ({
          channel: p.channel,
          address: p.address,
          enabled: p.enabled,
          updatedAt: p.updatedAt.toISOString(),
        })),
      };
    },
    /** Removes a person's notifications (and what the gateways recorded of them) and preferences. */
    async erase(userId: string, tx: DbOrTx = db) {
      await tx.delete(notificationOutbox).where(eq(notificationOutbox.recipientUserId, userId));
      await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    },
  };

  deps.identity?.registerPersonalDataSource(personalData);

  return {
    adapters: [...adapters.values()],
    personalData,

    /**
     * Writes one in-app row per item (delivered at once: the row is the inbox entry) and one pending
     * row per enabled SMS/WhatsApp/e-mail preference of its recipient, in the caller's transaction.
     * The dispatcher sends the pending rows after the commit. Returns the rows written.
     */
    async enqueue(tx: DbOrTx, items: readonly NotificationItem[]): Promise<number> {
      if (items.length === 0) return 0;
      const recipients = [...new Set(items.map((i) => i.recipientUserId))];
      const prefs = await tx
        .select()
        .from(notificationPreferences)
        .where(
          and(inArray(notificationPreferences.userId, recipients), eq(notificationPreferences.enabled, true)),
        );
      const now = clock.now();
      const rows: (typeof notificationOutbox.$inferInsert)[] = [];
      for (const item of items) {
        const base = {
          recipientUserId: item.recipientUserId,
          kind: item.kind,
          titleId: item.title.id,
          titleEn: item.title.en,
          bodyId: item.body.id,
          bodyEn: item.body.en,
          payload: item.payload,
          createdAt: now,
        };
        rows.push({ id: newId("ntf"), channel: inAppAdapter.channel, deliveredAt: now, ...base });
        for (const p of prefs) {
          if (p.userId === item.recipientUserId && adapters.has(p.channel)) {
            rows.push({ id: newId("ntf"), channel: p.channel, deliveredAt: null, ...base });
          }
        }
      }
      // One statement however many (a batch of reports notifies hundreds of people at once).
      await bulkInsert(tx, notificationOutbox, rows);
      return rows.length;
    },

    /**
     * Hands every pending row to its channel's adapter: sent rows get deliveredAt; a failure counts an
     * attempt and waits (30 s, 1 min, 2 min, …) before the next; after maxAttempts failures the row is
     * given up (failedAt). One run at a time per process; rows are locked while sent.
     */
    dispatchPending(now: Date = clock.now()): Promise<DispatchResult> {
      if (running) return running;
      running = dispatch(now).finally(() => {
        running = null;
      });
      return running;
    },

    /** The person's in-app notifications, newest first, with the count not yet read. */
    async list(userId: string, q: { limit: number; offset: number }) {
      const rows = await db
        .select()
        .from(notificationOutbox)
        .where(
          and(
            eq(notificationOutbox.recipientUserId, userId),
            eq(notificationOutbox.channel, inAppAdapter.channel),
            isNotNull(notificationOutbox.deliveredAt),
          ),
        )
        .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
        .limit(q.limit + 1)
        .offset(q.offset);
      return {
        items: rows.slice(0, q.limit).map(inboxView),
        nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
        unread: await unreadOf(userId),
      };
    },

    /** Marks the given notifications of the person read (all of them when no ids are given). */
    async markRead(userId: string, ids?: readonly string[]) {
      const conds = [
        eq(notificationOutbox.recipientUserId, userId),
        eq(notificationOutbox.channel, inAppAdapter.channel),
        isNull(notificationOutbox.readAt),
      ];
      if (ids) {
        if (ids.length === 0) return { marked: 0, unread: await unreadOf(userId) };
        conds.push(inArray(notificationOutbox.id, [...ids]));
      }
      const marked = await db
        .update(notificationOutbox)
        .set({ readAt: clock.now() })
        .where(and(...conds))
        .returning({ id: notificationOutbox.id });
      return { marked: marked.length, unread: await unreadOf(userId) };
    },

    async preferences(userId: string) {
      const rows = await db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId))
        .orderBy(notificationPreferences.channel);
      return {
        items: rows.map((p) => ({
          channel: p.channel as ExternalChannel,
          address: p.address,
          enabled: p.enabled,
          updatedAt: p.updatedAt.toISOString(),
          provider: adapters.get(p.channel)?.provider ?? null,
        })),
      };
    },

    async setPreference(
      userId: string,
      channel: ExternalChannel,
      input: { address: string; enabled: boolean },
    ) {
      const address = normaliseAddress(channel, input.address);
      if (!address) {
        const [en, id] =
          channel === "email"
            ? ["must be a valid e-mail address", "harus alamat e-mail yang valid"]
            : [
                "must be an Indonesian mobile number, e.g. +6281234567890",
                "harus nomor HP Indonesia, misalnya +6281234567890",
              ];
        throw new AppError("notifications.invalid_address", `Not a ${channel} address`, {
          errors: [{ field: "body/address", message: bilingual(en, id), messageId: id }],
        });
      }
      const now = clock.now();
      const [row] = await db
        .insert(notificationPreferences)
        .values({ userId, channel, address, enabled: input.enabled, updatedAt: now })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.channel],
          set: { address, enabled: input.enabled, updatedAt: now },
        })
        .returning();
      const p = row as typeof notificationPreferences.$inferSelect;
      return {
        channel,
        address: p.address,
        enabled: p.enabled,
        updatedAt: p.updatedAt.toISOString(),
        provider: adapters.get(channel)?.provider ?? null,
      };
    },

    /** What the gateways were given (simulated ones included), newest first: for admins and demos. */
    async deliveries(q: { limit: number; offset: number; channel?: string }) {
      const rows = await db
        .select({ d: notificationDeliveries, o: notificationOutbox })
        .from(notificationDeliveries)
        .innerJoin(notificationOutbox, eq(notificationOutbox.id, notificationDeliveries.outboxId))
        .where(
          q.channel
            ? eq(notificationDeliveries.channel, q.channel)
            : ne(notificationDeliveries.channel, inAppAdapter.channel),
        )
        .orderBy(desc(notificationDeliveries.at), desc(notificationDeliveries.id))
        .limit(q.limit + 1)
        .offset(q.offset);
      return {
        items: rows.slice(0, q.limit).map(({ d, o }) => ({
          id: d.id,
          outboxId: d.outboxId,
          recipientUserId: o.recipientUserId,
          kind: o.kind,
          channel: d.channel,
          provider: d.provider,
          address: d.address,
          providerMessageId: d.providerMessageId,
          status: d.status,
          error: d.error,
          at: d.at.toISOString(),
          text: adapters.get(d.channel)?.render(o) ?? `${o.titleId}: ${o.bodyId}`,
          attempts: o.attempts,
        })),
        nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
      };
    },
  };
}

export interface DispatchResult {
  sent: number;
  /** Failed this time, to be tried again after the backoff. */
  retrying: number;
  /** Given up (failedAt set). */
  failed: number;
  /** Still in their backoff. */
  waiting: number;
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/**
 * Runs the dispatcher every `intervalMs` (a run is skipped while the previous one is busy); returns
 * a function that stops it. Errors go to `onError` and never stop the timer.
 */
export function startNotificationDispatcher(
  service: Pick<NotificationsService, "dispatchPending">,
  opts: { intervalMs: number; onError?: (err: unknown) => void },
): () => void {
  const timer = setInterval(() => {
    service.dispatchPending().catch((err: unknown) => opts.onError?.(err));
  }, opts.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
