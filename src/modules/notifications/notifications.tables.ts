import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables";

export const NOTIFICATION_CHANNELS = ["in_app", "sms", "whatsapp", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Notifications to send, one row per recipient and channel; each channel's adapter marks what it delivered. */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: text("id").primaryKey(),
    recipientUserId: text("recipient_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    titleId: text("title_id").notNull(),
    titleEn: text("title_en").notNull(),
    bodyId: text("body_id").notNull(),
    bodyEn: text("body_en").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** In-app only: when the recipient opened it (read state is kept on the server, across devices). */
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Delivery attempts that failed; the dispatcher backs off and gives up after a limit. */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [
    index("notification_outbox_recipient_idx").on(t.recipientUserId, t.createdAt),
    index("notification_outbox_pending_idx").on(t.channel).where(sql`${t.deliveredAt} is null`),
  ],
);

/** Where a user wants notifications beyond the app: a phone for SMS/WhatsApp, an address for e-mail. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    address: text("address").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);

/** What each adapter handed to its provider (the simulated SMS/WhatsApp/e-mail gateways included). */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    outboxId: text("outbox_id")
      .notNull()
      .references(() => notificationOutbox.id, { onDelete: "cascade" }),
    channel: text("channel").notNull(),
    provider: text("provider").notNull(),
    address: text("address").notNull(),
    providerMessageId: text("provider_message_id"),
    status: text("status").$type<"sent" | "failed">().notNull(),
    error: text("error"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("notification_deliveries_outbox_idx").on(t.outboxId)],
);
