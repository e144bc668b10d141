import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError, type FieldError } from "../../http/errors";
import { newId } from "../../lib/ids";
import type { MediaPurpose } from "../media";
import {
  normaliseBankAccount,
  normaliseHalal,
  normaliseNib,
  normalisePirt,
  slugify,
  tracePath,
  uniqueSlug,
} from "./domain/catalog";
import { CATEGORIES, categoryOf } from "./domain/categories";
import {
  CORRECTIONS_PER_WORD,
  correctedTsQuery,
  FEW_RESULTS,
  fuzzyTokens,
  paging,
  prefixTsQuery,
  queryTokens,
  type SearchSort,
  TOTAL_CAP,
  vocabularyOf,
} from "./domain/search";
import {
  marketProductPhotos,
  marketProductReviews,
  marketProducts,
  marketSearchWords,
  marketSellers,
  marketVariants,
  type ProductStatus,
  type SellerStatus,
} from "./marketplace.catalog.tables";
import type { MarketplaceDeps } from "./marketplace.context";
import "./marketplace.errors";

/** Product photos are media files of their own purpose. */
const PHOTO_PURPOSE: MediaPurpose = "market_photo";

type SellerRow = typeof marketSellers.$inferSelect;
type ProductRow = typeof marketProducts.$inferSelect;
type VariantRow = typeof marketVariants.$inferSelect;
type PhotoRow = typeof marketProductPhotos.$inferSelect;
type User = Extract<Principal, { type: "user" }>;

export interface BankAccount {
  name: string;
  accountNumber: string;
  accountName: string;
}

export interface SellerInput {
  displayName: string;
  description: string;
  nib: string;
  halalNumber?: string | null | undefined;
  pirtNumber?: string | null | undefined;
  bank: BankAccount;
  pickupAddress: string;
  regionCode: string;
}

export interface SellerView {
  id: string;
  organisationId: string;
  slug: string;
  displayName: string;
  description: string;
  nib: string;
  halalNumber: string | null;
  pirtNumber: string | null;
  bank: BankAccount;
  pickupAddress: string;
  regionCode: string;
  regionName: string;
  status: SellerStatus;
  statusReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VariantInput {
  id?: string | undefined;
  name: string;
  sku?: string | null | undefined;
  price: number;
  stock: number;
  weightGrams: number;
}

export interface PhotoInput {
  mediaId: string;
  alt: string;
}

export interface ProductInput {
  name: string;
  description: string;
  category: string;
  originRegionCode: string;
  /** An LGTIN (`urn:epc:class:lgtin:…`) or a lot id (`lot_…`, `plot_…`); null unlinks. */
  lot?: string | null | undefined;
  variants: VariantInput[];
  photos: PhotoInput[];
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  category: { code: string; name: string };
  price: number;
  priceMax: number;
  stock: number;
  unitLabel: string;
  photo: { url: string; alt: string } | null;
  seller: { id: string; slug: string; name: string; regencyName: string };
  traceable: boolean;
  rating: { average: number | null; count: number };
  soldCount: number;
}

export interface VariantView {
  id: string;
  name: string;
  price: number;
  stock: number;
  weightGrams: number;
  sku: string | null;
}

export interface ProductDetail extends Omit<ProductSummary, "seller"> {
  description: string;
  variants: VariantView[];
  photos: { url: string; alt: string }[];
  origin: { regionCode: string; regionName: string };
  lot: { epc: string; tracePath: string } | null;
  seller: ProductSummary["seller"] & {
    nib: string;
    halalNumber: string | null;
    pirtNumber: string | null;
    verified: boolean;
  };
  reviews: { rating: number; comment: string; buyerName: string; createdAt: string }[];
}

/** What the seller sees of their own product: every status, photos with their media ids. */
export interface SellerProductView extends Omit<ProductDetail, "photos" | "reviews"> {
  status: ProductStatus;
  listed: boolean;
  photos: { mediaId: string; url: string; alt: string }[];
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SearchQuery {
  q?: string | undefined;
  category?: string | undefined;
  /** A seller id or slug. */
  seller?: string | undefined;
  /** The product's origin regency (e.g. 18.06). */
  regency?: string | undefined;
  traceable?: boolean | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  sort?: SearchSort | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface VariantForOrder {
  variantId: string;
  productId: string;
  sellerId: string;
  productName: string;
  variantName: string;
  price: number;
  weightGrams: number;
  lotEpc: string | null;
  /** The variant, its product and its seller may be sold now. */
  active: boolean;
}

export interface SellerForOrders {
  id: string;
  organisationId: string;
  name: string;
  slug: string;
  city: string;
  regionCode: string;
  pickupAddress: string;
  bank: BankAccount;
  status: SellerStatus;
}

const photoUrl = (mediaId: string) => `/api/v1/market/photos/${mediaId}`;

function field(path: string, en: string, id: string): FieldError {
  return { field: `body/${path}`, message: en, messageId: id };
}

/** A product is on sale when it is active and its seller verified; `listed` caches exactly that. */
const listedFor = (status: ProductStatus, sellerStatus: SellerStatus) =>
  status === "active" && sellerStatus === "verified";

function sellerView(r: SellerRow): SellerView {
  return {
    id: r.id,
    organisationId: r.organisationId,
    slug: r.slug,
    displayName: r.displayName,
    description: r.description,
    nib: r.nib,
    halalNumber: r.halalNumber,
    pirtNumber: r.pirtNumber,
    bank: { name: r.bankName, accountNumber: r.bankAccountNumber, accountName: r.bankAccountName },
    pickupAddress: r.pickupAddress,
    regionCode: r.regionCode,
    regionName: r.regionName,
    status: r.status,
    statusReason: r.statusReason,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The variants shown and sold: active ones by position; the first is the default. */
function liveVariants(rows: VariantRow[]): VariantRow[] {
  return rows.filter((v) => v.active).sort((a, b) => a.position - b.position);
}

function uniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "23505" || e.cause?.code === "23505";
}

export function createCatalog(deps: MarketplaceDeps) {
  const { db, clock, media, reference, lots, notifications } = deps;

  let lampungRegencies: Map<string, string> | null = null;
  /** Lampung's regencies and cities (reference data: loaded once; never inside a transaction). */
  async function regencies(): Promise<Map<string, string>> {
    if (!lampungRegencies) {
      const rows = await reference.listRegions({ level: "regency", parent: "18" });
      lampungRegencies = new Map(rows.map((r) => [r.code, r.name]));
    }
    return lampungRegencies;
  }

  async function regencyName(code: string, path: string): Promise<string> {
    const name = (await regencies()).get(code);
    if (!name) {
      throw new AppError("market.unknown_region", `${code} is not a regency or city of Lampung`, {
        errors: [
          field(
            path,
            "is not a regency or city of Lampung (e.g. 18.06)",
            "bukan kabupaten/kota di Lampung (mis. 18.06)",
          ),
        ],
      });
    }
    return name;
  }

  function sellerActor(principal: Principal): User & { organisationId: string } {
    if (principal.type !== "user" || principal.organisationKind !== "umkm" || !principal.organisationId) {
      throw new AppError("market.umkm_required", "Act for a UMKM organisation to manage a shop");
    }
    return principal as User & { organisationId: string };
  }

  async function sellerOfOrganisation(organisationId: string, tx: DbOrTx = db) {
    const [row] = await tx
      .select()
      .from(marketSellers)
      .where(eq(marketSellers.organisationId, organisationId))
      .limit(1);
    return row ?? null;
  }

  async function requireOwnSeller(principal: Principal, tx: DbOrTx = db): Promise<SellerRow> {
    const actor = sellerActor(principal);
    const row = await sellerOfOrganisation(actor.organisationId, tx);
    if (!row) throw new AppError("market.seller_not_found", "Apply for a shop first");
    return row;
  }

  function validateSeller(input: SellerInput) {
    const errors: FieldError[] = [];
    const nib = normaliseNib(input.nib);
    if (!nib) errors.push(field("nib", "NIB has 13 digits", "NIB terdiri dari 13 angka"));
    const halal = input.halalNumber?.trim() ? normaliseHalal(input.halalNumber) : null;
    if (input.halalNumber?.trim() && !halal) {
      errors.push(
        field(
          "halalNumber",
          'A BPJPH halal certificate number is "ID" followed by digits',
          'Nomor sertifikat halal BPJPH diawali "ID" lalu angka',
        ),
      );
    }
    const pirt = input.pirtNumber?.trim() ? normalisePirt(input.pirtNumber) : null;
    if (input.pirtNumber?.trim() && !pirt) {
      errors.push(field("pirtNumber", "A P-IRT number has 15 digits", "Nomor P-IRT terdiri dari 15 angka"));
    }
    const account = normaliseBankAccount(input.bank.accountNumber);
    if (!account) {
      errors.push(
        field(
          "bank/accountNumber",
          "A bank account number has 6 to 20 digits",
          "Nomor rekening terdiri dari 6 sampai 20 angka",
        ),
      );
    }
    if (errors.length || !nib || !account) {
      throw new AppError("market.invalid_seller", errors.map((e) => `${e.field}: ${e.message}`).join("; "), {
        errors,
      });
    }
    return { nib, halal, pirt, account };
  }

  async function freeSlug(
    tx: DbOrTx,
    table: typeof marketSellers | typeof marketProducts,
    base: string,
    exceptId?: string,
  ) {
    const rows = await tx
      .select({ id: table.id, slug: table.slug })
      .from(table)
      .where(or(eq(table.slug, base), like(table.slug, `${base}-%`)));
    return uniqueSlug(base, new Set(rows.filter((r) => r.id !== exceptId).map((r) => r.slug)));
  }

  async function withSlugRetry<T>(fn: () => Promise<T>): Promise<T> {
    // Two shops saving the same name at once: the unique index refuses one, which takes the next slug.
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt < 3 && uniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /** Keeps `listed` true exactly for the active products of verified sellers. */
  async function relist(tx: DbOrTx, sellerId: string, sellerStatus: SellerStatus) {
    await tx
      .update(marketProducts)
      .set({ listed: sellerStatus === "verified" ? sql`${marketProducts.status} = 'active'` : false })
      .where(eq(marketProducts.sellerId, sellerId));
  }

  // ---- Views ---------------------------------------------------------------------------------------

  async function loadParts(tx: DbOrTx, rows: ProductRow[]) {
    const ids = rows.map((r) => r.id);
    const sellerIds = [...new Set(rows.map((r) => r.sellerId))];
    if (!ids.length) {
      return {
        variants: new Map<string, VariantRow[]>(),
        photos: new Map<string, PhotoRow[]>(),
        sellers: new Map<string, SellerRow>(),
      };
    }
    // One after another: `tx` may be a transaction, whose one connection takes one query at a time.
    const variantRows = await tx.select().from(marketVariants).where(inArray(marketVariants.productId, ids));
    const photoRows = await tx
      .select()
      .from(marketProductPhotos)
      .where(inArray(marketProductPhotos.productId, ids))
      .orderBy(asc(marketProductPhotos.position));
    const sellerRows = await tx.select().from(marketSellers).where(inArray(marketSellers.id, sellerIds));
    const variants = new Map<string, VariantRow[]>();
    for (const v of variantRows) variants.set(v.productId, [...(variants.get(v.productId) ?? []), v]);
    const photos = new Map<string, PhotoRow[]>();
    for (const p of photoRows) photos.set(p.productId, [...(photos.get(p.productId) ?? []), p]);
    return {
      variants: variants as Map<string, VariantRow[]>,
      photos: photos as Map<string, PhotoRow[]>,
      sellers: new Map(sellerRows.map((s) => [s.id, s])) as Map<string, SellerRow>,
    };
  }

  function summaryOf(
    r: ProductRow,
    variants: VariantRow[],
    photos: PhotoRow[],
    seller: SellerRow | undefined,
  ): ProductSummary {
    const live = liveVariants(variants);
    const first = live[0];
    const cover = photos[0];
    const category = categoryOf(r.category);
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      category: { code: category.code, name: category.name },
      price: first?.price ?? r.price,
      priceMax: live.length ? Math.max(...live.map((v) => v.price)) : r.priceMax,
      stock: first?.stock ?? 0,
      unitLabel: first?.name ?? "",
      photo: cover ? { url: photoUrl(cover.mediaId), alt: cover.alt } : null,
      seller: {
        id: r.sellerId,
        slug: seller?.slug ?? "",
        name: seller?.displayName ?? "",
        regencyName: seller?.regionName ?? "",
      },
      traceable: r.lotEpc !== null,
      rating: {
        average: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null,
        count: r.ratingCount,
      },
      soldCount: r.soldCount,
    };
  }

  async function summaries(tx: DbOrTx, rows: ProductRow[]): Promise<ProductSummary[]> {
    const parts = await loadParts(tx, rows);
    return rows.map((r) =>
      summaryOf(
        r,
        parts.variants.get(r.id) ?? [],
        parts.photos.get(r.id) ?? [],
        parts.sellers.get(r.sellerId),
      ),
    );
  }

  function variantViews(variants: VariantRow[]): VariantView[] {
    return liveVariants(variants).map((v) => ({
      id: v.id,
      name: v.name,
      price: v.price,
      stock: v.stock,
      weightGrams: v.weightGrams,
      sku: v.sku,
    }));
  }

  function detailOf(
    r: ProductRow,
    variants: VariantRow[],
    photos: PhotoRow[],
    seller: SellerRow | undefined,
  ): Omit<ProductDetail, "reviews"> {
    const summary = summaryOf(r, variants, photos, seller);
    return {
      ...summary,
      description: r.description,
      variants: variantViews(variants),
      photos: photos.map((p) => ({ url: photoUrl(p.mediaId), alt: p.alt })),
      origin: { regionCode: r.originRegionCode, regionName: r.originRegionName },
      lot:
        r.lotEpc && r.lotGtin && r.lotCode
          ? { epc: r.lotEpc, tracePath: tracePath(r.lotGtin, r.lotCode) }
          : null,
      seller: {
        ...summary.seller,
        nib: seller?.nib ?? "",
        halalNumber: seller?.halalNumber ?? null,
        pirtNumber: seller?.pirtNumber ?? null,
        verified: seller?.status === "verified",
      },
    };
  }

  async function sellerProductView(tx: DbOrTx, r: ProductRow): Promise<SellerProductView> {
    const parts = await loadParts(tx, [r]);
    const photos = parts.photos.get(r.id) ?? [];
    const detail = detailOf(r, parts.variants.get(r.id) ?? [], photos, parts.sellers.get(r.sellerId));
    return {
      ...detail,
      status: r.status,
      listed: r.listed,
      photos: photos.map((p) => ({ mediaId: p.mediaId, url: photoUrl(p.mediaId), alt: p.alt })),
      publishedAt: r.publishedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  // ---- Product writes ------------------------------------------------------------------------------

  function validateVariants(variants: VariantInput[]) {
    const errors: FieldError[] = [];
    const skus = new Map<string, number>();
    const names = new Map<string, number>();
    variants.forEach((v, i) => {
      const sku = v.sku?.trim();
      if (sku) {
        if (skus.has(sku)) {
          errors.push(field(`variants/${i}/sku`, "SKU used by another variant", "SKU dipakai varian lain"));
        }
        skus.set(sku, i);
      }
      const name = v.name.trim().toLowerCase();
      if (names.has(name)) {
        errors.push(
          field(`variants/${i}/name`, "Two variants have the same name", "Dua varian bernama sama"),
        );
      }
      names.set(name, i);
    });
    if (errors.length) {
      throw new AppError("market.invalid_variants", errors.map((e) => e.message).join("; "), { errors });
    }
  }

  /** The lot an input names, when Lumbung numbered it (a harvest or a product lot, whoever owns it). */
  async function resolveLot(tx: DbOrTx, lot: string) {
    const ref = lot.trim();
    const facts = /^p?lot_/.test(ref)
      ? await lots.lotById(tx, ref)
      : (await lots.lotsByLgtin(tx, [ref])).get(ref);
    if (!facts) {
      throw new AppError("market.unknown_lot", `No lot ${ref}`, {
        errors: [
          field(
            "lot",
            "Lumbung knows no lot with this LGTIN; copy it from the lot's label or trace page",
            "Lumbung tidak mengenal lot dengan LGTIN ini; salin dari label atau halaman telusur lot",
          ),
        ],
      });
    }
    return { epc: facts.lgtin, gtin: facts.gtin, lotCode: facts.lotCode };
  }

  /** Photos may be attached when the seller's own people uploaded them, or they are the product's already. */
  async function checkPhotos(actor: User, photos: PhotoInput[], current: Set<string>) {
    const fresh = photos.map((p) => p.mediaId).filter((id) => !current.has(id));
    const described = new Map((await media.describe(fresh)).map((m) => [m.id, m]));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    photos.forEach((p, i) => {
      if (seen.has(p.mediaId)) {
        errors.push(field(`photos/${i}/mediaId`, "The same photo twice", "Foto yang sama dua kali"));
      }
      seen.add(p.mediaId);
      if (current.has(p.mediaId)) return;
      const file = described.get(p.mediaId);
      if (file?.purpose !== PHOTO_PURPOSE || file.ownerUserId !== actor.userId) {
        errors.push(
          field(
            `photos/${i}/mediaId`,
            "Upload the photo first with POST /api/v1/market/seller/photos",
            "Unggah foto dahulu lewat POST /api/v1/market/seller/photos",
          ),
        );
      }
    });
    if (errors.length) {
      throw new AppError("market.invalid_photo", errors.map((e) => e.message).join("; "), { errors });
    }
  }

  async function ownProduct(seller: SellerRow, id: string, tx: DbOrTx = db): Promise<ProductRow> {
    const [row] = await tx
      .select()
      .from(marketProducts)
      .where(and(eq(marketProducts.id, id), eq(marketProducts.sellerId, seller.id)))
      .limit(1);
    if (!row) throw new AppError("market.product_not_found", `No product ${id}`);
    return row;
  }

  /** Writes a product's variants: kept ones updated, new ones added, missing ones retired (never deleted). */
  async function writeVariants(tx: Transaction, productId: string, input: VariantInput[]) {
    const existing = await tx.select().from(marketVariants).where(eq(marketVariants.productId, productId));
    const byId = new Map(existing.map((v) => [v.id, v]));
    const kept = new Set<string>();
    const errors: FieldError[] = [];
    input.forEach((v, i) => {
      if (v.id && !byId.has(v.id)) {
        errors.push(field(`variants/${i}/id`, "Not a variant of this product", "Bukan varian produk ini"));
      }
    });
    if (errors.length) {
      throw new AppError("market.invalid_variants", errors.map((e) => e.message).join("; "), { errors });
    }
    // Retired variants move out of the positions the live ones take.
    for (const v of existing) {
      const i = input.findIndex((x) => x.id === v.id);
      if (i >= 0) kept.add(v.id);
    }
    for (const v of existing) {
      if (!kept.has(v.id) && v.active) {
        await tx
          .update(marketVariants)
          .set({ active: false, position: 1000 + v.position })
          .where(eq(marketVariants.id, v.id));
      }
    }
    for (const [position, v] of input.entries()) {
      const values = {
        name: v.name.trim(),
        sku: v.sku?.trim() || null,
        price: v.price,
        stock: v.stock,
        weightGrams: v.weightGrams,
        position,
        active: true,
      };
      if (v.id) await tx.update(marketVariants).set(values).where(eq(marketVariants.id, v.id));
      else await tx.insert(marketVariants).values({ id: newId("var"), productId, ...values });
    }
    const prices = input.map((v) => v.price);
    return { price: prices[0] ?? 0, priceMax: Math.max(...prices) };
  }

  /** Adds a name's words to the vocabulary typos are corrected against. */
  async function learnWords(tx: DbOrTx, name: string) {
    const words = vocabularyOf(name);
    if (words.length) {
      await tx
        .insert(marketSearchWords)
        .values(words.map((word) => ({ word })))
        .onConflictDoNothing();
    }
  }

  async function writePhotos(tx: Transaction, productId: string, photos: PhotoInput[]) {
    await tx.delete(marketProductPhotos).where(eq(marketProductPhotos.productId, productId));
    if (photos.length) {
      await tx
        .insert(marketProductPhotos)
        .values(
          photos.map((p, position) => ({ productId, mediaId: p.mediaId, alt: p.alt.trim(), position })),
        );
    }
  }

  async function notifySeller(tx: Transaction, seller: SellerRow, verified: boolean, reason: string | null) {
    if (!seller.appliedByUserId) return;
    await notifications.enqueue(tx, [
      verified
        ? {
            recipientUserId: seller.appliedByUserId,
            kind: "market.seller_verified",
            title: { id: "Toko Anda terverifikasi", en: "Your shop is verified" },
            body: {
              id: `${seller.displayName} sudah diverifikasi. Produk aktif Anda kini tampil di Pasar Lumbung.`,
              en: `${seller.displayName} is verified. Your active products are now listed on Pasar Lumbung.`,
            },
            payload: { link: "/konsol/toko", sellerId: seller.id },
          }
        : {
            recipientUserId: seller.appliedByUserId,
            kind: "market.seller_rejected",
            title: { id: "Pengajuan toko ditolak", en: "Your shop application was declined" },
            body: {
              id: `Alasan: ${reason}. Perbaiki data toko lalu ajukan kembali.`,
              en: `Reason: ${reason}. Correct the shop's details and apply again.`,
            },
            payload: { link: "/konsol/toko", sellerId: seller.id },
          },
    ]);
  }

  async function adminReview(
    principal: Principal,
    id: string,
    to: "verified" | "rejected" | "suspended",
    reason: string | null,
  ): Promise<SellerView> {
    const reviewer = principal.type === "user" ? principal.userId : null;
    const allowedFrom: Record<typeof to, SellerStatus[]> = {
      verified: ["pending", "suspended", "rejected"],
      rejected: ["pending"],
      suspended: ["verified"],
    };
    return db.transaction(async (tx) => {
      const [current] = await tx.select().from(marketSellers).where(eq(marketSellers.id, id)).for("update");
      if (!current) throw new AppError("market.seller_not_found", `No shop ${id}`);
      if (!allowedFrom[to].includes(current.status)) {
        throw new AppError(
          "market.seller_invalid_state",
          `The shop is ${current.status}; it cannot become ${to}`,
        );
      }
      const now = clock.now();
      const [row] = await tx
        .update(marketSellers)
        .set({
          status: to,
          statusReason: reason,
          reviewedByUserId: reviewer,
          reviewedAt: now,
          updatedAt: now,
        })
        .where(eq(marketSellers.id, id))
        .returning();
      if (!row) throw new AppError("market.seller_not_found");
      await relist(tx, row.id, row.status);
      if (to !== "suspended") await notifySeller(tx, row, to === "verified", reason);
      return sellerView(row);
    });
  }

  // ---- Search --------------------------------------------------------------------------------------

  async function resolveSellerFilter(seller: string): Promise<string | null> {
    const [row] = await db
      .select({ id: marketSellers.id })
      .from(marketSellers)
      .where(or(eq(marketSellers.id, seller), eq(marketSellers.slug, seller)))
      .limit(1);
    return row?.id ?? null;
  }

  async function search(
    query: SearchQuery,
  ): Promise<{ items: ProductSummary[]; total: number; totalCapped: boolean }> {
    const { limit, offset } = paging(query.limit, query.offset);
    const p = marketProducts;
    const filters: SQL[] = [sql`${p.listed}`];
    if (query.category) filters.push(eq(p.category, query.category));
    if (query.seller) {
      const sellerId = await resolveSellerFilter(query.seller);
      if (!sellerId) return { items: [], total: 0, totalCapped: false };
      filters.push(eq(p.sellerId, sellerId));
    }
    if (query.regency) filters.push(eq(p.originRegionCode, query.regency));
    if (query.traceable === true) filters.push(sql`${p.lotEpc} is not null`);
    if (query.traceable === false) filters.push(sql`${p.lotEpc} is null`);
    if (query.minPrice !== undefined) filters.push(sql`${p.price} >= ${query.minPrice}`);
    if (query.maxPrice !== undefined) filters.push(sql`${p.price} <= ${query.maxPrice}`);

    const tokens = queryTokens(query.q);
    const tsq = prefixTsQuery(tokens);
    const sort: SearchSort = query.sort ?? (tsq ? "relevance" : "newest");

    /**
     * The ORDER BY of the sort. `walkIndex` false hides the sort indexes from the planner (`+ 0`): with
     * words and a window count every match is read anyway, yet PostgreSQL would walk a sort index and
     * test the tsquery on every listed product (250 ms at 100,000) instead of taking the few matches
     * from the full-text index and sorting them.
     */
    const order = (rank: SQL | null, walkIndex: boolean, broad = false): SQL[] => {
      const k = (column: typeof p.price | typeof p.soldCount) =>
        walkIndex ? sql`${column}` : sql`(${column} + 0)`;
      const published = walkIndex ? sql`${p.publishedAt}` : sql`(${p.publishedAt} + interval '0 s')`;
      switch (sort) {
        case "price_asc":
          return [sql`${k(p.price)} asc`, sql`${p.id} asc`];
        case "price_desc":
          return [sql`${k(p.price)} desc`, sql`${p.id} desc`];
        case "popular":
          return [
            sql`${k(p.soldCount)} desc nulls last`,
            sql`${p.ratingCount} desc nulls last`,
            sql`${p.id} asc`,
          ];
        case "newest":
          return [sql`${published} desc nulls last`, sql`${p.id} desc nulls last`];
        default:
          if (rank) return [sql`${rank} desc`, sql`${p.soldCount} desc`, sql`${p.id} asc`];
          return broad
            ? [
                sql`${k(p.soldCount)} desc nulls last`,
                sql`${p.ratingCount} desc nulls last`,
                sql`${p.id} asc`,
              ]
            : [sql`${published} desc nulls last`, sql`${p.id} desc nulls last`];
      }
    };

    // How far the total is counted exactly. A broad query ("kopi" in a catalogue of 100,000) matches
    // thousands of products; counting and ranking every one of them costs more than the page itself,
    // and nobody pages that far, so beyond this the answer says "more than 1,000" (`totalCapped`).
    const cappedCount = async (where: SQL | undefined) => {
      const capped = db
        .select({ one: sql`1`.as("one") })
        .from(p)
        .where(where)
        .limit(TOTAL_CAP + 1)
        .as("capped");
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
      return row?.n ?? 0;
    };

    const run = async (tsquery: string | null) => {
      const match = tsquery ? sql`${p.searchVector} @@ to_tsquery('simple', ${tsquery})` : null;
      const rank = tsquery ? sql`ts_rank(${p.searchVector}, to_tsquery('simple', ${tsquery}))` : null;
      const where = and(...filters, ...(match ? [match] : []));
      const n = await cappedCount(where);
      if (match && n <= TOTAL_CAP) {
        // A thousand matches at most: take them off the full-text index and rank them all.
        const rows = await db
          .select()
          .from(p)
          .where(where)
          .orderBy(...order(rank, false))
          .limit(limit)
          .offset(offset);
        return { rows, total: n, totalCapped: false };
      }
      // No words, or a broad query: the page is read off a sort's index and stops early. A broad query's
      // relevance is the products' popularity among the matches (their text ranks are nearly all alike).
      const rows = await db
        .select()
        .from(p)
        .where(where)
        .orderBy(...order(null, true, match !== null))
        .limit(limit)
        .offset(offset);
      return { rows, total: Math.min(n, TOTAL_CAP), totalCapped: n > TOTAL_CAP };
    };

    let result = await run(tsq);
    const fuzzy = fuzzyTokens(tokens);
    if (tsq && result.total < FEW_RESULTS && fuzzy.length) {
      // Few hits: each word may be misspelt. Its closest words in the names' vocabulary (trigram
      // similarity, "robsta" → "robusta") join it as alternatives, and full text runs again.
      const tokenList = sql.join(
        fuzzy.map((t) => sql`(${t})`),
        sql`, `,
      );
      const found = await db.execute(sql`
        select t.token, w.word
        from (values ${tokenList}) as t(token)
        cross join lateral (
          select word from ${marketSearchWords}
          where word % t.token and word <> t.token
          order by similarity(word, t.token) desc
          limit ${CORRECTIONS_PER_WORD}
        ) w`);
      const corrections = (found as unknown as { rows: { token: string; word: string }[] }).rows;
      if (corrections.length) {
        const alternatives = new Map<string, string[]>();
        for (const c of corrections)
          alternatives.set(c.token, [...(alternatives.get(c.token) ?? []), c.word]);
        result = await run(correctedTsQuery(tokens, alternatives));
      }
    }
    return {
      items: await summaries(db, result.rows),
      total: result.total,
      totalCapped: result.totalCapped,
    };
  }

  // ---- The service ---------------------------------------------------------------------------------

  return {
    // Seller onboarding (persona umkm) ---------------------------------------------------------------

    /** The shop of the caller's UMKM organisation. */
    async mySeller(principal: Principal): Promise<SellerView> {
      return sellerView(await requireOwnSeller(principal));
    },

    /** Applies for a shop: it waits in the Dinas verification queue as `pending`. */
    async apply(principal: Principal, input: SellerInput): Promise<SellerView> {
      const actor = sellerActor(principal);
      const papers = validateSeller(input);
      const regionName = await regencyName(input.regionCode, "regionCode");
      if (await sellerOfOrganisation(actor.organisationId)) {
        throw new AppError("market.seller_exists", "Change the shop with PUT /api/v1/market/seller");
      }
      const now = clock.now();
      try {
        return await withSlugRetry(async () => {
          const [row] = await db
            .insert(marketSellers)
            .values({
              id: newId("sel"),
              organisationId: actor.organisationId,
              appliedByUserId: actor.userId,
              displayName: input.displayName.trim(),
              slug: await freeSlug(db, marketSellers, slugify(input.displayName, "toko")),
              description: input.description.trim(),
              nib: papers.nib,
              halalNumber: papers.halal,
              pirtNumber: papers.pirt,
              bankName: input.bank.name.trim(),
              bankAccountNumber: papers.account,
              bankAccountName: input.bank.accountName.trim(),
              pickupAddress: input.pickupAddress.trim(),
              regionCode: input.regionCode,
              regionName,
              status: "pending",
              statusReason: null,
              reviewedByUserId: null,
              reviewedAt: null,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (!row) throw new AppError("market.seller_exists");
          return sellerView(row);
        });
      } catch (error) {
        // The organisation applied twice at once: the unique organisation index keeps one.
        if (uniqueViolation(error)) throw new AppError("market.seller_exists");
        throw error;
      }
    },

    /**
     * Changes the shop. New papers (NIB, P-IRT, halal, bank account) must be checked again: the shop goes
     * back to `pending` and its products leave the listing until a Dinas official verifies it. A rejected
     * shop that is corrected is resubmitted the same way.
     */
    async updateSeller(principal: Principal, input: SellerInput): Promise<SellerView> {
      const actor = sellerActor(principal);
      const papers = validateSeller(input);
      const regionName = await regencyName(input.regionCode, "regionCode");
      return db.transaction(async (tx) => {
        const current = await sellerOfOrganisation(actor.organisationId, tx);
        if (!current) throw new AppError("market.seller_not_found", "Apply for a shop first");
        const papersChanged =
          papers.nib !== current.nib ||
          papers.halal !== current.halalNumber ||
          papers.pirt !== current.pirtNumber ||
          papers.account !== current.bankAccountNumber ||
          input.bank.name.trim() !== current.bankName ||
          input.bank.accountName.trim() !== current.bankAccountName;
        const resubmit = current.status === "rejected" || (current.status === "verified" && papersChanged);
        const status: SellerStatus = resubmit ? "pending" : current.status;
        const [row] = await tx
          .update(marketSellers)
          .set({
            displayName: input.displayName.trim(),
            description: input.description.trim(),
            nib: papers.nib,
            halalNumber: papers.halal,
            pirtNumber: papers.pirt,
            bankName: input.bank.name.trim(),
            bankAccountNumber: papers.account,
            bankAccountName: input.bank.accountName.trim(),
            pickupAddress: input.pickupAddress.trim(),
            regionCode: input.regionCode,
            regionName,
            status,
            ...(resubmit ? { statusReason: null, appliedByUserId: actor.userId } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(marketSellers.id, current.id))
          .returning();
        if (!row) throw new AppError("market.seller_not_found");
        if (status !== current.status) await relist(tx, row.id, status);
        return sellerView(row);
      });
    },

    // Verification (admin) --------------------------------------------------------------------------

    async listSellers(filter: { status?: SellerStatus | undefined }): Promise<SellerView[]> {
      const rows = await db
        .select()
        .from(marketSellers)
        .where(filter.status ? eq(marketSellers.status, filter.status) : undefined)
        .orderBy(asc(marketSellers.createdAt))
        .limit(500);
      return rows.map(sellerView);
    },

    verify: (principal: Principal, id: string) => adminReview(principal, id, "verified", null),
    reject: (principal: Principal, id: string, reason: string) =>
      adminReview(principal, id, "rejected", reason),
    suspend: (principal: Principal, id: string, reason: string) =>
      adminReview(principal, id, "suspended", reason),

    // Products (the seller's) -----------------------------------------------------------------------

    async myProducts(principal: Principal): Promise<SellerProductView[]> {
      const seller = await requireOwnSeller(principal);
      const rows = await db
        .select()
        .from(marketProducts)
        .where(eq(marketProducts.sellerId, seller.id))
        .orderBy(desc(marketProducts.updatedAt))
        .limit(500);
      const parts = await loadParts(db, rows);
      return rows.map((r) => {
        const photos = parts.photos.get(r.id) ?? [];
        return {
          ...detailOf(r, parts.variants.get(r.id) ?? [], photos, seller),
          status: r.status,
          listed: r.listed,
          photos: photos.map((ph) => ({ mediaId: ph.mediaId, url: photoUrl(ph.mediaId), alt: ph.alt })),
          publishedAt: r.publishedAt?.toISOString() ?? null,
          createdAt: r.createdAt.toISOString(),
          updatedAt: r.updatedAt.toISOString(),
        };
      });
    },

    async myProduct(principal: Principal, id: string): Promise<SellerProductView> {
      const seller = await requireOwnSeller(principal);
      return sellerProductView(db, await ownProduct(seller, id));
    },

    /** A new product, as a draft; publishing lists it once the shop is verified. */
    async createProduct(principal: Principal, input: ProductInput): Promise<SellerProductView> {
      const actor = sellerActor(principal);
      const seller = await requireOwnSeller(principal);
      validateVariants(input.variants);
      const originName = await regencyName(input.originRegionCode, "originRegionCode");
      await checkPhotos(actor, input.photos, new Set());
      const lot = input.lot ? await resolveLot(db, input.lot) : null;
      const now = clock.now();
      return withSlugRetry(() =>
        db.transaction(async (tx) => {
          const id = newId("prd");
          await tx.insert(marketProducts).values({
            id,
            sellerId: seller.id,
            name: input.name.trim(),
            slug: await freeSlug(tx, marketProducts, slugify(input.name)),
            description: input.description.trim(),
            category: input.category,
            originRegionCode: input.originRegionCode,
            originRegionName: originName,
            lotEpc: lot?.epc ?? null,
            lotGtin: lot?.gtin ?? null,
            lotCode: lot?.lotCode ?? null,
            status: "draft",
            listed: false,
            createdAt: now,
            updatedAt: now,
          });
          const prices = await writeVariants(tx, id, input.variants);
          await tx.update(marketProducts).set(prices).where(eq(marketProducts.id, id));
          await writePhotos(tx, id, input.photos);
          await learnWords(tx, input.name);
          return sellerProductView(tx, await ownProduct(seller, id, tx));
        }),
      );
    },

    /** Changes a product: every field, variants (with stock) and photos as given. */
    async updateProduct(principal: Principal, id: string, input: ProductInput): Promise<SellerProductView> {
      const actor = sellerActor(principal);
      const seller = await requireOwnSeller(principal);
      const current = await ownProduct(seller, id);
      if (current.status === "archived") throw new AppError("market.product_archived");
      validateVariants(input.variants);
      const originName = await regencyName(input.originRegionCode, "originRegionCode");
      const currentPhotos = await db
        .select({ mediaId: marketProductPhotos.mediaId })
        .from(marketProductPhotos)
        .where(eq(marketProductPhotos.productId, id));
      await checkPhotos(actor, input.photos, new Set(currentPhotos.map((p) => p.mediaId)));
      const lot =
        input.lot === undefined
          ? current.lotEpc
            ? { epc: current.lotEpc, gtin: current.lotGtin, lotCode: current.lotCode }
            : null
          : input.lot
            ? await resolveLot(db, input.lot)
            : null;
      return db.transaction(async (tx) => {
        const prices = await writeVariants(tx, id, input.variants);
        // The address follows the name until the product is first published; then links keep working.
        const rename = input.name.trim() !== current.name && !current.publishedAt;
        await tx
          .update(marketProducts)
          .set({
            name: input.name.trim(),
            ...(rename ? { slug: await freeSlug(tx, marketProducts, slugify(input.name), id) } : {}),
            description: input.description.trim(),
            category: input.category,
            originRegionCode: input.originRegionCode,
            originRegionName: originName,
            lotEpc: lot?.epc ?? null,
            lotGtin: lot?.gtin ?? null,
            lotCode: lot?.lotCode ?? null,
            ...prices,
            updatedAt: clock.now(),
          })
          .where(eq(marketProducts.id, id));
        await writePhotos(tx, id, input.photos);
        await learnWords(tx, input.name);
        return sellerProductView(tx, await ownProduct(seller, id, tx));
      });
    },

    async setProductStatus(principal: Principal, id: string, to: "active" | "archived") {
      const seller = await requireOwnSeller(principal);
      return db.transaction(async (tx) => {
        const current = await ownProduct(seller, id, tx);
        if (current.status === "archived" && to === "active") throw new AppError("market.product_archived");
        const now = clock.now();
        await tx
          .update(marketProducts)
          .set({
            status: to,
            listed: listedFor(to, seller.status),
            ...(to === "active" && !current.publishedAt ? { publishedAt: now } : {}),
            updatedAt: now,
          })
          .where(eq(marketProducts.id, id));
        return sellerProductView(tx, await ownProduct(seller, id, tx));
      });
    },

    async uploadPhoto(principal: Principal, data: Buffer, declaredType: string | undefined) {
      const actor = sellerActor(principal);
      await requireOwnSeller(principal);
      const stored = await media.store({
        ownerUserId: actor.userId,
        purpose: PHOTO_PURPOSE,
        data,
        ...(declaredType ? { declaredType } : {}),
      });
      return { ...stored, url: photoUrl(stored.id) };
    },

    /**
     * A product photo: public when a listed product shows it; otherwise only for its uploader and the
     * people of the shop whose product it is (and admins).
     */
    async photo(principal: Principal, mediaId: string) {
      const file = await media.get(mediaId);
      if (!file || file.purpose !== PHOTO_PURPOSE) throw new AppError("market.photo_not_found");
      const uses = await db
        .select({ listed: marketProducts.listed, organisationId: marketSellers.organisationId })
        .from(marketProductPhotos)
        .innerJoin(marketProducts, eq(marketProducts.id, marketProductPhotos.productId))
        .innerJoin(marketSellers, eq(marketSellers.id, marketProducts.sellerId))
        .where(eq(marketProductPhotos.mediaId, mediaId));
      if (uses.some((u) => u.listed)) return { file, public: true };
      const user = principal.type === "user" ? principal : null;
      const allowed =
        user &&
        (user.isAdmin ||
          file.ownerUserId === user.userId ||
          uses.some((u) => u.organisationId === user.organisationId));
      if (!allowed) throw new AppError("market.photo_not_found");
      return { file, public: false };
    },

    // Public catalogue --------------------------------------------------------------------------------

    async categories() {
      const counts = await db
        .select({ category: marketProducts.category, n: sql<number>`count(*)::int` })
        .from(marketProducts)
        .where(sql`${marketProducts.listed}`)
        .groupBy(marketProducts.category);
      const byCode = new Map(counts.map((c) => [c.category, c.n]));
      return CATEGORIES.map((c) => ({ ...c, productCount: byCode.get(c.code) ?? 0 }));
    },

    search,

    /** The live variants of many products in one query (a search page's items, for a partner's list). */
    async variantsOf(productIds: string[]): Promise<Map<string, VariantView[]>> {
      const rows = productIds.length
        ? await db.select().from(marketVariants).where(inArray(marketVariants.productId, productIds))
        : [];
      const byProduct = new Map<string, VariantRow[]>();
      for (const v of rows) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
      return new Map(productIds.map((id) => [id, variantViews(byProduct.get(id) ?? [])]));
    },

    /** A listed product (active, of a verified seller) by id or slug; null otherwise. */
    async getProduct(idOrSlug: string, tx: DbOrTx = db): Promise<ProductDetail | null> {
      const [row] = await tx
        .select()
        .from(marketProducts)
        .where(
          and(
            or(eq(marketProducts.id, idOrSlug), eq(marketProducts.slug, idOrSlug)),
            sql`${marketProducts.listed}`,
          ),
        )
        .limit(1);
      if (!row) return null;
      // In turn: `tx` may be a transaction (one connection).
      const parts = await loadParts(tx, [row]);
      const reviews = await tx
        .select()
        .from(marketProductReviews)
        .where(eq(marketProductReviews.productId, row.id))
        .orderBy(desc(marketProductReviews.createdAt))
        .limit(20);
      return {
        ...detailOf(
          row,
          parts.variants.get(row.id) ?? [],
          parts.photos.get(row.id) ?? [],
          parts.sellers.get(row.sellerId),
        ),
        reviews: reviews.map((r) => ({
          rating: r.rating,
          comment: r.comment,
          buyerName: r.buyerName,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    /** A verified seller's public storefront and its first listed products. */
    async storefront(slug: string, q: { limit?: number; offset?: number } = {}) {
      const [row] = await db.select().from(marketSellers).where(eq(marketSellers.slug, slug)).limit(1);
      if (row?.status !== "verified") throw new AppError("market.seller_not_found", `No shop ${slug}`);
      const products = await search({
        seller: row.id,
        sort: "popular",
        limit: q.limit ?? 24,
        offset: q.offset ?? 0,
      });
      return {
        id: row.id,
        slug: row.slug,
        name: row.displayName,
        description: row.description,
        regionCode: row.regionCode,
        regencyName: row.regionName,
        nib: row.nib,
        halalNumber: row.halalNumber,
        pirtNumber: row.pirtNumber,
        verified: true,
        since: (row.reviewedAt ?? row.createdAt).toISOString(),
        products,
      };
    },

    // For the orders side (helper C) and the partner API -----------------------------------------------

    /** The variants an order names, with what the order copies; `active` says whether they may be sold. */
    async variantsForOrder(tx: DbOrTx, variantIds: string[]): Promise<VariantForOrder[]> {
      if (!variantIds.length) return [];
      const rows = await tx
        .select({
          variant: marketVariants,
          productName: marketProducts.name,
          sellerId: marketProducts.sellerId,
          listed: marketProducts.listed,
          lotEpc: marketProducts.lotEpc,
        })
        .from(marketVariants)
        .innerJoin(marketProducts, eq(marketProducts.id, marketVariants.productId))
        .where(inArray(marketVariants.id, [...new Set(variantIds)]));
      return rows.map((r) => ({
        variantId: r.variant.id,
        productId: r.variant.productId,
        sellerId: r.sellerId,
        productName: r.productName,
        variantName: r.variant.name,
        price: r.variant.price,
        weightGrams: r.variant.weightGrams,
        lotEpc: r.lotEpc,
        active: r.variant.active && r.listed,
      }));
    },

    /** The default (first active) variant of a product, by id or slug. */
    async defaultVariantOf(tx: DbOrTx, productId: string): Promise<string | null> {
      const [row] = await tx
        .select({ id: marketVariants.id })
        .from(marketVariants)
        .innerJoin(marketProducts, eq(marketProducts.id, marketVariants.productId))
        .where(
          and(
            or(eq(marketProducts.id, productId), eq(marketProducts.slug, productId)),
            eq(marketVariants.active, true),
          ),
        )
        .orderBy(asc(marketVariants.position))
        .limit(1);
      return row?.id ?? null;
    },

    async sellerById(id: string, tx: DbOrTx = db): Promise<SellerForOrders | null> {
      const [r] = await tx.select().from(marketSellers).where(eq(marketSellers.id, id)).limit(1);
      return r ? sellerForOrders(r) : null;
    },

    /** The shop of an organisation (the seller's side of orders is scoped by it). */
    async sellerForOrganisation(organisationId: string, tx: DbOrTx = db): Promise<SellerForOrders | null> {
      const r = await sellerOfOrganisation(organisationId, tx);
      return r ? sellerForOrders(r) : null;
    },

    /** Takes `quantity` from a variant's stock when there is that much; false (nothing taken) otherwise. */
    async reserveStock(tx: DbOrTx, variantId: string, quantity: number): Promise<boolean> {
      const rows = await tx
        .update(marketVariants)
        .set({ stock: sql`${marketVariants.stock} - ${quantity}` })
        .where(and(eq(marketVariants.id, variantId), sql`${marketVariants.stock} >= ${quantity}`))
        .returning({ id: marketVariants.id });
      return rows.length === 1;
    },

    /** Gives reserved stock back (an unpaid order expired, an order was cancelled or returned). */
    async releaseStock(tx: DbOrTx, variantId: string, quantity: number): Promise<void> {
      await tx
        .update(marketVariants)
        .set({ stock: sql`${marketVariants.stock} + ${quantity}` })
        .where(eq(marketVariants.id, variantId));
    },

    async recordSale(tx: DbOrTx, productId: string, quantity: number): Promise<void> {
      await tx
        .update(marketProducts)
        .set({ soldCount: sql`${marketProducts.soldCount} + ${quantity}` })
        .where(eq(marketProducts.id, productId));
    },

    /** A buyer's review of a product of a delivered order (one per order and product); updates the rating. */
    async recordReview(
      tx: DbOrTx,
      input: { productId: string; orderId: string; rating: number; comment: string; buyerName: string },
    ): Promise<void> {
      const [existing] = await tx
        .select({ id: marketProductReviews.id, rating: marketProductReviews.rating })
        .from(marketProductReviews)
        .where(
          and(
            eq(marketProductReviews.orderId, input.orderId),
            eq(marketProductReviews.productId, input.productId),
          ),
        )
        .limit(1);
      if (existing) {
        await tx
          .update(marketProductReviews)
          .set({ rating: input.rating, comment: input.comment })
          .where(eq(marketProductReviews.id, existing.id));
        await tx
          .update(marketProducts)
          .set({ ratingSum: sql`${marketProducts.ratingSum} + ${input.rating - existing.rating}` })
          .where(eq(marketProducts.id, input.productId));
        return;
      }
      await tx.insert(marketProductReviews).values({ id: newId("rev"), ...input, createdAt: clock.now() });
      await tx
        .update(marketProducts)
        .set({
          ratingSum: sql`${marketProducts.ratingSum} + ${input.rating}`,
          ratingCount: sql`${marketProducts.ratingCount} + 1`,
        })
        .where(eq(marketProducts.id, input.productId));
    },
  };
}

function sellerForOrders(r: SellerRow): SellerForOrders {
  return {
    id: r.id,
    organisationId: r.organisationId,
    name: r.displayName,
    slug: r.slug,
    city: r.regionName,
    regionCode: r.regionCode,
    pickupAddress: r.pickupAddress,
    bank: { name: r.bankName, accountNumber: r.bankAccountNumber, accountName: r.bankAccountName },
    status: r.status,
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
