import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Clock } from "../../lib/clock";
import { notificationOutbox } from "../notifications/notifications.tables";

export type OutboxRow = typeof notificationOutbox.$inferSelect;

/**
 * A delivery channel. Alerts are written to the outbox inside the recompute transaction; adapters send
 * them afterwards and report which rows they delivered, so a failing channel never loses or blocks an alert.
 */
export interface NotificationAdapter {
  readonly channel: string;
  deliver(rows: readonly OutboxRow[]): Promise<string[]>;
}

/** In-app: the outbox row itself is the inbox entry, so delivery only makes it visible. */
export const inAppAdapter: NotificationAdapter = {
  channel: "in_app",
  async deliver(rows) {
    return rows.map((r) => r.id);
  },
};

export async function deliverPending(db: Database, clock: Clock, adapters: readonly NotificationAdapter[]) {
  let delivered = 0;
  for (const adapter of adapters) {
    const pending = await db
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.channel, adapter.channel), isNull(notificationOutbox.deliveredAt)))
      .orderBy(asc(notificationOutbox.createdAt))
      .limit(1000);
    if (pending.length === 0) continue;
    const ids = await adapter.deliver(pending);
    if (ids.length === 0) continue;
    await db
      .update(notificationOutbox)
      .set({ deliveredAt: clock.now() })
      .where(inArray(notificationOutbox.id, ids));
    delivered += ids.length;
  }
  return delivered;
}
