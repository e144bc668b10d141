import { customType, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../identity/identity.tables";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const MEDIA_PURPOSES = ["report_photo", "news_image", "market_photo"] as const;
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];

/**
 * Uploaded images, re-encoded on arrival (metadata such as EXIF location and camera data is gone) and
 * kept in the database so a backup holds everything. The owning module decides who may read each file.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    id: text("id").primaryKey(),
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    purpose: text("purpose").$type<MediaPurpose>().notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("media_files_owner_idx").on(t.ownerUserId)],
);
