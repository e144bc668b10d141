import { boolean, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Groups of the services directory (Kependudukan, Kesehatan, …), in display order. */
export const serviceGroups = pgTable("service_groups", {
  code: text("code").primaryKey(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
  icon: text("icon").notNull(),
  sort: integer("sort").notNull().default(0),
});

export type Bilingual = { id: string; en: string };

/**
 * The services registry (mini-apps): Lumbung's own modules (`internal`, a path in the app) and other
 * government services (`external`, a link) with the agency, opening hours and requirements.
 */
export const serviceEntries = pgTable(
  "service_entries",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    groupCode: text("group_code")
      .notNull()
      .references(() => serviceGroups.code),
    kind: text("kind").$type<"internal" | "external">().notNull(),
    nameId: text("name_id").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionId: text("description_id").notNull(),
    descriptionEn: text("description_en").notNull(),
    /** internal: a path in the web app (`/lapor`); external: an https URL. */
    url: text("url").notNull(),
    agency: text("agency").notNull(),
    openingHours: jsonb("opening_hours").$type<Bilingual>().notNull(),
    requirements: jsonb("requirements").$type<Bilingual[]>().notNull(),
    keywords: text("keywords").array().notNull(),
    /** Regencies it serves (Kemendagri codes); empty: the whole province. */
    regencyCodes: text("regency_codes").array().notNull(),
    sort: integer("sort").notNull().default(0),
    active: boolean("active").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("service_entries_group_idx").on(t.groupCode, t.sort)],
);
