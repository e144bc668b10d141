import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A partner's Idempotency-Key and the order it made. Written inside the checkout transaction, so a key
 * exists exactly when its order does; the request hash tells a retry from a different order reusing a key.
 */
export const partnerIdempotencyKeys = pgTable(
  "partner_idempotency_keys",
  {
    clientId: text("client_id").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the request body in canonical JSON (keys sorted). */
    requestHash: text("request_hash").notNull(),
    orderId: text("order_id").notNull(),
    externalUserId: text("external_user_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.key] }), index("partner_idem_order_idx").on(t.orderId)],
);

export const WEBHOOK_EVENT_TYPES = [
  "order.created",
  "order.paid",
  "payment.succeeded",
  "order.packed",
  "order.shipped",
  "order.delivered",
  "order.completed",
  "order.cancelled",
  "order.refunded",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Where a partner wants to hear about its users' orders. Deleting one keeps the row (deliveries name it). */
export const partnerWebhookEndpoints = pgTable(
  "partner_webhook_endpoints",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id").notNull(),
    url: text("url").notNull(),
    /** Event types sent here; `*` for all. */
    events: text("events").array().notNull(),
    description: text("description"),
    /**
     * The HMAC key both sides hold. Kept as is (not hashed) because every delivery is signed with it;
     * answered to the partner only when the endpoint is created.
     */
    secret: text("secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("partner_webhook_endpoints_client_idx").on(t.clientId)],
);

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The outbox: one row per event and endpoint, written in the transaction that changed the order. The
 * dispatcher sends those due, records every attempt and moves `nextAttemptAt` along the backoff.
 */
export const partnerWebhookDeliveries = pgTable(
  "partner_webhook_deliveries",
  {
    id: text("id").primaryKey(),
    /** `Lumbung-Event-Id`: the same for every endpoint and every replay of one event. */
    eventId: text("event_id").notNull(),
    eventType: text("event_type").$type<WebhookEventType>().notNull(),
    endpointId: text("endpoint_id").notNull(),
    clientId: text("client_id").notNull(),
    orderId: text("order_id"),
    /** The exact JSON sent, fixed when the event happened (a replay sends the same bytes, newly signed). */
    body: text("body").notNull(),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When to try next; while one dispatcher sends it, a lease pushes this ahead so no other takes it. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** A replay is a new delivery of the same event; this names the one it repeats. */
    replayOf: text("replay_of"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("partner_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("partner_deliveries_client_idx").on(t.clientId, t.createdAt),
    index("partner_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

/** Every attempt to send a delivery: what came back (or why nothing did) and how long it took. */
export const partnerWebhookAttempts = pgTable(
  "partner_webhook_attempts",
  {
    id: text("id").primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => partnerWebhookDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    /** The first 1,000 characters of the partner's answer, for support. */
    responseBody: text("response_body"),
  },
  (t) => [index("partner_webhook_attempts_delivery_idx").on(t.deliveryId, t.at)],
);

/** Embed tokens issued; `usedAt` makes each single-use. */
export const partnerEmbedTokens = pgTable("partner_embed_tokens", {
  jti: text("jti").primaryKey(),
  clientId: text("client_id").notNull(),
  externalUserId: text("external_user_id").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  /** The Lumbung account the token opened, once used. */
  userId: text("user_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
