import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../identity/identity.tables";
import { mediaFiles } from "../media/media.tables";

export type SellerStatus = "pending" | "verified" | "rejected" | "suspended";
export type ProductStatus = "draft" | "active" | "archived";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A UMKM's shop: one per organisation, listed publicly only once a Dinas official has checked its
 * business licences (NIB, P-IRT, halal) and verified it.
 */
export const marketSellers = pgTable(
  "market_sellers",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .unique()
      .references(() => organisations.id),
    /** Who applied: the person told of the verification outcome. */
    appliedByUserId: text("applied_by_user_id").references(() => users.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    slug: text("slug").notNull().unique(),
    description: text("description").notNull(),
    nib: text("nib").notNull(),
    halalNumber: text("halal_number"),
    pirtNumber: text("pirt_number"),
    bankName: text("bank_name").notNull(),
    bankAccountNumber: text("bank_account_number").notNull(),
    bankAccountName: text("bank_account_name").notNull(),
    pickupAddress: text("pickup_address").notNull(),
    /** A Lampung regency or city (Kemendagri code such as 18.06). */
    regionCode: text("region_code").notNull(),
    /** Copied from the reference data when chosen, so views never read another module inside a transaction. */
    regionName: text("region_name").notNull(),
    status: text("status").$type<SellerStatus>().notNull(),
    statusReason: text("status_reason"),
    reviewedByUserId: text("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("market_sellers_status_idx").on(t.status, t.createdAt)],
);

/** The text search works on: lower-case, accents gone, so "Kopi Luwak Éksklusif" is found by "eksklusif". */
const folded = (column: unknown) => sql`lumbung_unaccent(lower(${column}))`;

/**
 * Products of a seller. `listed` is kept true exactly when the product is active and its seller is
 * verified, so the public search reads one table with partial indexes instead of joining sellers.
 * `price`/`priceMax` mirror the variants (the default variant's price and the dearest one).
 */
export const marketProducts = pgTable(
  "market_products",
  {
    id: text("id").primaryKey(),
    sellerId: text("seller_id")
      .notNull()
      .references(() => marketSellers.id),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    description: text("description").notNull(),
    category: text("category").notNull(),
    originRegionCode: text("origin_region_code").notNull(),
    originRegionName: text("origin_region_name").notNull(),
    /** The LGTIN (`urn:epc:class:lgtin:…`) of a lot Lumbung numbered, when the product is traceable. */
    lotEpc: text("lot_epc"),
    /** The lot's GTIN and lot number, copied when linked: the public trace page is /01/{gtin}/10/{lot}. */
    lotGtin: text("lot_gtin"),
    lotCode: text("lot_code"),
    status: text("status").$type<ProductStatus>().notNull(),
    listed: boolean("listed").notNull().default(false),
    price: integer("price").notNull().default(0),
    priceMax: integer("price_max").notNull().default(0),
    soldCount: integer("sold_count").notNull().default(0),
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    searchName: text("search_name")
      .notNull()
      .generatedAlwaysAs((): SQL => folded(marketProducts.name)),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('simple', lumbung_unaccent(lower(${marketProducts.name}))), 'A') || setweight(to_tsvector('simple', lumbung_unaccent(lower(replace(${marketProducts.category}, '-', ' ')))), 'B') || setweight(to_tsvector('simple', lumbung_unaccent(lower(${marketProducts.description}))), 'C')`,
      ),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("market_products_seller_idx").on(t.sellerId, t.updatedAt),
    index("market_products_search_idx").using("gin", t.searchVector),
    index("market_products_name_trgm_idx").using("gin", sql`${t.searchName} gin_trgm_ops`),
    // One partial index per sort, in the sort's exact order, so a page is read off the index.
    index("market_products_newest_idx")
      .on(t.publishedAt.desc().nullsLast(), t.id.desc())
      .where(sql`${t.listed}`),
    index("market_products_price_idx").on(t.price, t.id).where(sql`${t.listed}`),
    index("market_products_popular_idx")
      .on(t.soldCount.desc(), t.ratingCount.desc(), t.id)
      .where(sql`${t.listed}`),
    index("market_products_category_idx")
      .on(t.category, t.publishedAt.desc().nullsLast(), t.id.desc())
      .where(sql`${t.listed}`),
    // The storefront's filters (category, origin regency, price range): a filtered count reads the
    // index, not thousands of rows of the category only to drop most of them.
    index("market_products_filters_idx").on(t.category, t.originRegionCode, t.price).where(sql`${t.listed}`),
    index("market_products_regency_idx").on(t.originRegionCode, t.price).where(sql`${t.listed}`),
  ],
);

/**
 * Sellable forms of a product (sizes, packs). Position 0 is the default shown in lists. A variant an
 * order names is never deleted: it is retired (`active` false) when the seller removes it.
 */
export const marketVariants = pgTable(
  "market_variants",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => marketProducts.id),
    name: text("name").notNull(),
    sku: text("sku"),
    price: integer("price").notNull(),
    stock: integer("stock").notNull(),
    weightGrams: integer("weight_grams").notNull(),
    position: integer("position").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    index("market_variants_product_idx").on(t.productId, t.position),
    check("market_variants_stock_not_negative", sql`${t.stock} >= 0`),
    check("market_variants_price_positive", sql`${t.price} > 0`),
  ],
);

/** Product photos, stored by the media module; served by the marketplace for listed products. */
export const marketProductPhotos = pgTable(
  "market_product_photos",
  {
    productId: text("product_id")
      .notNull()
      .references(() => marketProducts.id),
    mediaId: text("media_id")
      .notNull()
      .references(() => mediaFiles.id),
    alt: text("alt").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.mediaId] }),
    index("market_product_photos_media_idx").on(t.mediaId),
  ],
);

/** Buyers' reviews of a product, written by the orders side once an order is delivered. */
export const marketProductReviews = pgTable(
  "market_product_reviews",
  {
    id: text("id").primaryKey(),
    productId: text("product_id")
      .notNull()
      .references(() => marketProducts.id),
    /** One review per product per order. */
    orderId: text("order_id").notNull(),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull(),
    buyerName: text("buyer_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("market_product_reviews_product_idx").on(t.productId, t.createdAt),
    index("market_product_reviews_order_idx").on(t.orderId, t.productId),
    check("market_product_reviews_rating", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * Every word of a product name, folded (lower case, no accents): the vocabulary a misspelt query word is
 * corrected against (trigram similarity on this small table, then full text with the corrections).
 * Words are added as names are written and never removed; a stale word only costs a wasted alternative.
 */
export const marketSearchWords = pgTable("market_search_words", { word: text("word").primaryKey() }, (t) => [
  index("market_search_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`),
]);
