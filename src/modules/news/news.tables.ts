import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organisations, users } from "../identity/identity.tables";
import { mediaFiles } from "../media/media.tables";

/** News and announcements written by agencies; `regencyCodes` empty means the whole province. */
export const newsArticles = pgTable(
  "news_articles",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<"news" | "announcement">().notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Plain text with blank-line paragraphs, `## ` headings and `- ` lists; rendered without HTML. */
    body: text("body").notNull(),
    imageMediaId: text("image_media_id").references(() => mediaFiles.id, { onDelete: "set null" }),
    imageAlt: text("image_alt"),
    regencyCodes: text("regency_codes").array().notNull(),
    status: text("status").$type<"draft" | "published" | "archived">().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("news_articles_published_idx").on(t.status, t.publishedAt)],
);
