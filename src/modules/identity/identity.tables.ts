import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const ORGANISATION_KINDS = [
  "koperasi",
  "farmer",
  "umkm",
  "bumd",
  "hub_operator",
  "warehouse_operator",
  "carrier",
  "processor",
  "dinas",
  "partner_platform",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const MEMBERSHIP_ROLES = ["org_admin", "member"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const organisations = pgTable(
  "organisations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").$type<OrganisationKind>().notNull(),
    regionCode: text("region_code"),
    /** GS1 company prefix when the organisation has its own; otherwise the platform prefix is used. */
    gs1CompanyPrefix: text("gs1_company_prefix"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_name_key").on(sql`lower(${t.name})`),
    index("organisations_kind_idx").on(t.kind),
  ],
);

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    passwordHash: text("password_hash").notNull(),
    isAdmin: boolean("is_admin").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), uniqueIndex("users_phone_key").on(t.phone)],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role").$type<MembershipRole>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index("memberships_org_idx").on(t.organisationId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the bearer/cookie token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [uniqueIndex("sessions_token_hash_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

export const oauthClients = pgTable("oauth_clients", {
  id: text("id").primaryKey(),
  /** The public client_id, e.g. `jaki-demo`. */
  clientId: text("client_id").notNull().unique(),
  secretHash: text("secret_hash").notNull(),
  name: text("name").notNull(),
  organisationId: text("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  scopes: text("scopes").array().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * A citizen's optional profile: the NIK is kept encrypted (AES-256-GCM under a key derived from
 * LUMBUNG_SECRET), with a keyed hash so one NIK cannot be claimed twice, and a masked form for display.
 */
export const userProfiles = pgTable("user_profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  nikCiphertext: text("nik_ciphertext"),
  nikHash: text("nik_hash").unique(),
  nikMasked: text("nik_masked"),
  /** Home regency (Kemendagri code), for news aimed at it and for pre-filling reports. */
  regencyCode: text("regency_code"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Consent given or withdrawn (UU 27/2022): every change is a new row; the latest per purpose holds. */
export const consents = pgTable(
  "consents",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    version: text("version").notNull(),
    granted: boolean("granted").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("consents_user_idx").on(t.userId, t.purpose, t.at)],
);

/**
 * A partner platform's own user (JAKI's account id) linked to the Lumbung citizen account made for them on
 * their first embedded visit. That account has no password and no contact on `users`, so it can only be
 * entered through a partner's embed token; orders it places belong to the partner too.
 */
export const partnerAccounts = pgTable(
  "partner_accounts",
  {
    id: text("id").primaryKey(),
    /** The OAuth client_id of the partner platform (`jaki-demo`). */
    clientId: text("client_id").notNull(),
    /** The partner's identifier for its user; opaque to Lumbung. */
    externalUserId: text("external_user_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** As the partner last sent it; kept here, not on `users`, so it cannot be used to sign in. */
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_accounts_client_external_key").on(t.clientId, t.externalUserId),
    uniqueIndex("partner_accounts_user_key").on(t.userId),
  ],
);
