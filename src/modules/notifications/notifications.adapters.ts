import { newId } from "../../lib/ids";
import { shortText } from "./domain/address";
import type { notificationOutbox } from "./notifications.tables";

export type OutboxRow = typeof notificationOutbox.$inferSelect;

/**
 * One delivery channel behind one interface. The outbox row is written in the caller's transaction;
 * the dispatcher hands it to the channel's adapter afterwards, so a failing gateway never loses or
 * blocks a notification. A real SMS, WhatsApp Business or e-mail gateway implements this interface
 * (call the provider, return its message id, throw on failure) and replaces the simulated one.
 */
export interface NotificationAdapter {
  readonly channel: string;
  /** Recorded with every delivery, e.g. "simulated-sms" or a real provider's name. */
  readonly provider: string;
  /** What the recipient would read, as the provider would be given it. */
  render(row: OutboxRow): string;
  /** Sends one notification to `address`; throws when the provider refuses or cannot be reached. */
  deliver(row: OutboxRow, address: string): Promise<{ providerMessageId: string | null }>;
}

/** In-app: the outbox row is the inbox entry; it is delivered as it is written. */
export const inAppAdapter: NotificationAdapter = {
  channel: "in_app",
  provider: "in_app",
  render: (row) => `${row.titleId}: ${row.bodyId}`,
  async deliver() {
    return { providerMessageId: null };
  },
};

function link(row: OutboxRow): string {
  const l = (row.payload as Record<string, unknown>).link;
  return typeof l === "string" ? ` ${l}` : "";
}

/**
 * A stand-in for a paid gateway: it sends nothing and returns a message id of its own, so the
 * dispatcher records in notification_deliveries exactly what would have gone out (channel, provider,
 * address, time); GET /api/v1/notifications/deliveries shows it with the rendered text.
 */
function simulated(channel: "sms" | "whatsapp" | "email", render: (row: OutboxRow) => string) {
  const adapter: NotificationAdapter = {
    channel,
    provider: `simulated-${channel}`,
    render,
    async deliver() {
      return { providerMessageId: newId(`sim${channel.slice(0, 2)}`) };
    },
  };
  return adapter;
}

export const simulatedSmsAdapter = simulated(
  "sms",
  (row) => shortText(row.titleId, row.bodyId, 160) + link(row),
);
export const simulatedWhatsappAdapter = simulated(
  "whatsapp",
  (row) => `*${row.titleId}*\n${row.bodyId}${link(row)}\n\n_${row.titleEn}_`,
);
export const simulatedEmailAdapter = simulated(
  "email",
  (row) =>
    `Subject: ${row.titleId} / ${row.titleEn}\n\n${row.bodyId}\n\n${row.bodyEn}${link(row) ? `\n\n${link(row).trim()}` : ""}`,
);

export const DEFAULT_ADAPTERS: readonly NotificationAdapter[] = [
  inAppAdapter,
  simulatedSmsAdapter,
  simulatedWhatsappAdapter,
  simulatedEmailAdapter,
];
