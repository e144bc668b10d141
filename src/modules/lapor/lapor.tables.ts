import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../identity/identity.tables";
import { mediaFiles } from "../media/media.tables";
import type { AgencyLevel, CategoryAttribute, Privacy, ReportState, StageHours } from "./domain/types";

/**
 * Agencies that answer reports. Each is an organisation (kind `dinas`) whose members act for it; `parentId`
 * is the next level up: where overdue reports escalate, and whose staff may act on a child's reports.
 * Children are the sub-agencies a report can be disposed to.
 */
export const laporAgencies = pgTable(
  "lapor_agencies",
  {
    id: text("id").primaryKey(),
    code: text("code").notNull().unique(),
    organisationId: text("organisation_id")
      .notNull()
      .unique()
      .references(() => organisations.id),
    name: text("name").notNull(),
    level: text("level").$type<AgencyLevel>().notNull(),
    regionCode: text("region_code").notNull(),
    parentId: text("parent_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("lapor_agencies_parent_idx").on(t.parentId)],
);

/** Report categories, published as Open311 service definitions. */
export const laporCategories = pgTable("lapor_categories", {
  /** The Open311 service_code. */
  code: text("code").primaryKey(),
  group: text("group").notNull(),
  nameId: text("name_id").notNull(),
  nameEn: text("name_en").notNull(),
  descriptionId: text("description_id").notNull(),
  descriptionEn: text("description_en").notNull(),
  keywords: text("keywords").array().notNull(),
  agencyId: text("agency_id")
    .notNull()
    .references(() => laporAgencies.id),
  /** Hours allowed in each agency stage before the report escalates. */
  stageHours: jsonb("stage_hours").$type<StageHours>().notNull(),
  /** Extra questions (Open311 attributes) and whether a photo is required. */
  attributes: jsonb("attributes").$type<CategoryAttribute[]>().notNull(),
  photoRequired: boolean("photo_required").notNull().default(false),
  duplicateRadiusM: integer("duplicate_radius_m").notNull(),
  duplicateWindowHours: integer("duplicate_window_hours").notNull(),
  active: boolean("active").notNull().default(true),
  sort: integer("sort").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

export const laporReports = pgTable(
  "lapor_reports",
  {
    /** `lpr_…`; also the Open311 service_request_id. */
    id: text("id").primaryKey(),
    /** Human ticket number shown to people: LPR-2026-000123. */
    number: text("number").notNull().unique(),
    /** Open311 token handed back before an id exists (tokens/{token}.json). */
    token: text("token").notNull().unique(),
    categoryCode: text("category_code")
      .notNull()
      .references(() => laporCategories.code),
    description: text("description").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    address: text("address"),
    regencyCode: text("regency_code"),
    districtCode: text("district_code"),
    villageCode: text("village_code"),
    privacy: text("privacy").$type<Privacy>().notNull(),
    /** Null for Open311 requests from another system without a Lumbung account, or after erasure. */
    reporterUserId: text("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Contact given through Open311 (first/last name, email, phone); never published. */
    contact: jsonb("contact").$type<Record<string, string>>(),
    attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull(),
    state: text("state").$type<ReportState>().notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => laporAgencies.id),
    assigneeUserId: text("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    escalationLevel: integer("escalation_level").notNull().default(0),
    stageStartedAt: timestamp("stage_started_at", { withTimezone: true }).notNull(),
    /** When the current stage must be done; null in states without an agency clock (selesai, ditolak). */
    stageDueAt: timestamp("stage_due_at", { withTimezone: true }),
    /** Set when a stage ran over; stays set (the report was late once). */
    overdueAt: timestamp("overdue_at", { withTimezone: true }),
    /** menunggu_validasi: the reporter may confirm or reopen until then; closed automatically after. */
    confirmDueAt: timestamp("confirm_due_at", { withTimezone: true }),
    mergedIntoId: text("merged_into_id"),
    followerCount: integer("follower_count").notNull().default(0),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    source: text("source").$type<"app" | "open311">().notNull(),
    /** Offline filing: the phone's id for this report; the same id never files twice. */
    clientRequestId: text("client_request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    unique("lapor_reports_client_request").on(t.reporterUserId, t.clientRequestId),
    index("lapor_reports_agency_due_idx").on(t.agencyId, t.stageDueAt),
    index("lapor_reports_state_idx").on(t.state, t.createdAt),
    index("lapor_reports_category_idx").on(t.categoryCode, t.createdAt),
    index("lapor_reports_reporter_idx").on(t.reporterUserId, t.createdAt),
    index("lapor_reports_due_idx").on(t.stageDueAt).where(sql`${t.stageDueAt} is not null`),
  ],
);

/** The report's history, in order; every transition, reply, escalation and merge. */
export const laporReportEvents = pgTable(
  "lapor_report_events",
  {
    id: text("id").primaryKey(),
    reportId: text("report_id")
      .notNull()
      .references(() => laporReports.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull(),
    action: text("action").notNull(),
    fromState: text("from_state").$type<ReportState>(),
    toState: text("to_state").$type<ReportState>(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorRole: text("actor_role").$type<"reporter" | "agency" | "admin" | "system" | "follower">().notNull(),
    /** The agency acting, or receiving a disposition or escalation. */
    agencyId: text("agency_id"),
    note: text("note"),
    /** Whether this stage's deadline was met (transitions out of an agency stage). */
    onTime: boolean("on_time"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("lapor_report_events_report_idx").on(t.reportId, t.at)],
);

export const laporReportPhotos = pgTable(
  "lapor_report_photos",
  {
    reportId: text("report_id")
      .notNull()
      .references(() => laporReports.id, { onDelete: "cascade" }),
    mediaId: text("media_id")
      .notNull()
      .references(() => mediaFiles.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"before" | "after">().notNull(),
    eventId: text("event_id"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.mediaId] })],
);

/** Citizens who said "this is the same" about a report, and reporters of reports merged into it. */
export const laporFollowers = pgTable(
  "lapor_followers",
  {
    reportId: text("report_id")
      .notNull()
      .references(() => laporReports.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.userId] })],
);

/** Yearly counters behind report numbers. */
export const laporCounters = pgTable("lapor_counters", {
  year: integer("year").primaryKey(),
  value: integer("value").notNull(),
});
