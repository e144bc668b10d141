import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").$type<"user" | "client" | "anonymous" | "system">().notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    organisationId: text("organisation_id"),
    action: text("action").notNull(),
    method: text("method"),
    path: text("path"),
    status: integer("status"),
    ip: text("ip"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_actor_idx").on(t.actorId)],
);
