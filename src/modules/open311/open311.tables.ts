import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables";

/** Open311 API keys (the spec's `api_key`): stored only as SHA-256; a revoked key is refused. */
export const open311ApiKeys = pgTable("open311_api_keys", {
  id: text("id").primaryKey(),
  keyHash: text("key_hash").notNull().unique(),
  name: text("name").notNull(),
  /** The account requests are filed as when the caller names no reporter (may be null). */
  createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
