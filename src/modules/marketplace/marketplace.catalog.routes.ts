import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError, bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import { MAX_UPLOAD_BYTES } from "../media";
import { CATEGORY_CODES } from "./domain/categories";
import { SORTS } from "./domain/search";
import type { MarketplaceService } from "./marketplace.service";

const tags = ["market"];
const sellers = access.personas("umkm");
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];

const RegencyCode = z
  .string()
  .regex(
    /^18\.\d{2}$/,
    bilingual("a Lampung regency code such as 18.06", "kode kabupaten/kota Lampung, misalnya 18.06"),
  );
const Category = z.enum(CATEGORY_CODES);
const SellerStatus = z.enum(["pending", "verified", "rejected", "suspended"]);
const ProductStatus = z.enum(["draft", "active", "archived"]);
const Rupiah = z.number().int().min(100).max(1_000_000_000);

const Photo = z.object({ url: z.string(), alt: z.string() });
const SellerRef = z.object({ id: z.string(), slug: z.string(), name: z.string(), regencyName: z.string() });

const ProductSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    category: z.object({ code: z.string(), name: z.string() }),
    price: z.number().int().meta({ description: "Rupiah, of the default variant (position 0)" }),
    priceMax: z.number().int(),
    stock: z.number().int().meta({ description: "Of the default variant" }),
    unitLabel: z.string(),
    photo: Photo.nullable(),
    seller: SellerRef,
    traceable: z.boolean(),
    rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
    soldCount: z.number().int(),
  })
  .meta({ id: "MarketProductSummary" });

const Variant = z.object({
  id: z.string(),
  name: z.string(),
  price: z.number().int(),
  stock: z.number().int(),
  weightGrams: z.number().int(),
  sku: z.string().nullable(),
});

const DetailFields = {
  description: z.string(),
  variants: z.array(Variant),
  origin: z.object({ regionCode: z.string(), regionName: z.string() }),
  lot: z
    .object({
      epc: z.string(),
      tracePath: z.string().meta({ description: "GS1 Digital Link path of the public trace page" }),
    })
    .nullable(),
  seller: SellerRef.extend({
    nib: z.string(),
    halalNumber: z.string().nullable(),
    pirtNumber: z.string().nullable(),
    verified: z.boolean(),
  }),
};

const ProductDetail = ProductSummary.extend({
  ...DetailFields,
  photos: z.array(Photo),
  reviews: z.array(
    z.object({ rating: z.number().int(), comment: z.string(), buyerName: z.string(), createdAt: z.string() }),
  ),
}).meta({ id: "MarketProductDetail" });

const SellerProduct = ProductSummary.extend({
  ...DetailFields,
  photos: z.array(Photo.extend({ mediaId: z.string() })),
  status: ProductStatus,
  listed: z.boolean().meta({ description: "Active and the shop verified: shown in the public catalogue" }),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: "MarketSellerProduct" });

const Bank = z.object({
  name: z.string().trim().min(2).max(100),
  accountNumber: z.string().trim().min(1).max(40),
  accountName: z.string().trim().min(2).max(120),
});

const Seller = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    slug: z.string(),
    displayName: z.string(),
    description: z.string(),
    nib: z.string(),
    halalNumber: z.string().nullable(),
    pirtNumber: z.string().nullable(),
    bank: Bank,
    pickupAddress: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    status: SellerStatus,
    statusReason: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "MarketSeller" });

const SellerBody = z.object({
  displayName: z.string().trim().min(3).max(100),
  description: z.string().trim().min(10).max(2000),
  nib: z.string().trim().min(1).max(30).meta({ description: "Nomor Induk Berusaha: 13 digits" }),
  halalNumber: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .meta({ description: 'BPJPH halal certificate number: "ID" and digits' }),
  pirtNumber: z.string().trim().max(40).nullish().meta({ description: "SPP-IRT number: 15 digits" }),
  bank: Bank,
  pickupAddress: z.string().trim().min(10).max(500),
  regionCode: RegencyCode,
});

const ProductBody = z.object({
  name: z.string().trim().min(3).max(120),
  description: z.string().trim().min(10).max(5000),
  category: Category,
  originRegionCode: RegencyCode,
  lot: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullish()
    .meta({ description: "The LGTIN (urn:epc:class:lgtin:…) or id of a lot Lumbung numbered; null unlinks" }),
  variants: z
    .array(
      z.object({
        id: z.string().min(1).max(100).optional(),
        name: z.string().trim().min(1).max(60),
        sku: z.string().trim().max(60).nullish(),
        price: Rupiah,
        stock: z.number().int().min(0).max(1_000_000),
        weightGrams: z.number().int().min(1).max(50_000),
      }),
    )
    .min(1)
    .max(20),
  photos: z
    .array(z.object({ mediaId: z.string().min(1).max(100), alt: z.string().trim().min(3).max(300) }))
    .max(8)
    .default([]),
});

const IdParams = z.object({ id: z.string().min(1).max(100) });
const Reason = z.object({ reason: z.string().trim().min(5).max(500) });
const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const catalogRoutes: FastifyPluginAsyncZod<{ marketplace: MarketplaceService }> = async (
  app,
  { marketplace },
) => {
  const catalog = marketplace.catalog;
  app.addContentTypeParser(
    IMAGE_TYPES,
    { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES },
    (_r, body, done) => done(null, body),
  );

  // ---- Public catalogue ----

  app.get(
    "/api/v1/market/categories",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Product categories with the number of listed products in each",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                nameEn: z.string(),
                productCount: z.number().int(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async () => ({ items: await catalog.categories() }),
  );

  app.get(
    "/api/v1/market/products",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Search the listed products (active, of verified shops)",
        description:
          "Case- and accent-insensitive full text on name, category and description, the last word as a prefix; when that finds fewer than 5, names with similar spellings (trigram word similarity) are added, so `kopi robsta` finds Kopi Robusta.",
        querystring: z.object({
          q: z.string().max(200).optional(),
          category: Category.optional(),
          seller: z.string().min(1).max(100).optional().meta({ description: "Shop id or slug" }),
          regency: RegencyCode.optional().meta({ description: "The product's origin regency" }),
          traceable: boolParam.optional(),
          minPrice: z.coerce.number().int().min(0).optional(),
          maxPrice: z.coerce.number().int().min(0).optional(),
          sort: z.enum(SORTS).optional(),
          limit: z.coerce.number().int().min(1).max(60).default(20),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(ProductSummary),
            total: z.number().int(),
            totalCapped: z.boolean().meta({
              description: "True when more than `total` (1,000) products match: the count stops there",
            }),
          }),
          ...problems(),
        },
      },
    },
    async (req) => catalog.search(req.query),
  );

  app.get(
    "/api/v1/market/products/:id",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "A listed product by id or slug",
        params: IdParams,
        response: { 200: ProductDetail, ...problems(404) },
      },
    },
    async (req) => {
      const product = await catalog.getProduct(req.params.id);
      if (!product) throw new AppError("market.product_not_found", `No listed product ${req.params.id}`);
      return product;
    },
  );

  app.get(
    "/api/v1/market/sellers/:slug",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "A verified shop's storefront with its listed products",
        params: z.object({ slug: z.string().min(1).max(100) }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(60).default(24),
          offset: z.coerce.number().int().min(0).max(10_000).default(0),
        }),
        response: {
          200: z
            .object({
              id: z.string(),
              slug: z.string(),
              name: z.string(),
              description: z.string(),
              regionCode: z.string(),
              regencyName: z.string(),
              nib: z.string(),
              halalNumber: z.string().nullable(),
              pirtNumber: z.string().nullable(),
              verified: z.boolean(),
              since: z.string(),
              products: z.object({ items: z.array(ProductSummary), total: z.number().int() }),
            })
            .meta({ id: "MarketStorefront" }),
          ...problems(404),
        },
      },
    },
    async (req) => catalog.storefront(req.params.slug, req.query),
  );

  app.get(
    "/api/v1/market/photos/:mediaId",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "A product photo: public once a listed product shows it, before that for its shop",
        params: z.object({ mediaId: z.string().min(1).max(100) }),
        response: { 200: z.any().meta({ description: "The image bytes" }), ...problems(404) },
      },
    },
    async (req, reply) => {
      const { file, public: isPublic } = await catalog.photo(req.principal, req.params.mediaId);
      return reply
        .header("content-type", file.contentType)
        .header("cache-control", isPublic ? "public, max-age=86400" : "private, max-age=86400")
        .header("x-content-type-options", "nosniff")
        .send(file.bytes);
    },
  );

  // ---- The seller's shop (persona umkm) ----

  app.get(
    "/api/v1/market/seller",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "My organisation's shop and its verification status",
        response: { 200: Seller, ...problems(403, 404) },
      },
    },
    async (req) => catalog.mySeller(req.principal),
  );

  app.post(
    "/api/v1/market/seller",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Apply for a shop: it waits for verification by the Dinas",
        body: SellerBody,
        response: { 201: Seller, ...problems(403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await catalog.apply(req.principal, req.body)),
  );

  app.put(
    "/api/v1/market/seller",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Change my shop; new papers or bank details send it back for verification",
        body: SellerBody,
        response: { 200: Seller, ...problems(403, 404) },
      },
    },
    async (req) => catalog.updateSeller(req.principal, req.body),
  );

  app.get(
    "/api/v1/market/seller/products",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "My shop's products, every status",
        response: { 200: z.object({ items: z.array(SellerProduct) }), ...problems(403, 404) },
      },
    },
    async (req) => ({ items: await catalog.myProducts(req.principal) }),
  );

  app.post(
    "/api/v1/market/seller/products",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Add a product (a draft) with its variants and photos",
        body: ProductBody,
        response: { 201: SellerProduct, ...problems(403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await catalog.createProduct(req.principal, req.body)),
  );

  app.get(
    "/api/v1/market/seller/products/:id",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "One of my shop's products",
        params: IdParams,
        response: { 200: SellerProduct, ...problems(403, 404) },
      },
    },
    async (req) => catalog.myProduct(req.principal, req.params.id),
  );

  app.put(
    "/api/v1/market/seller/products/:id",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Change a product: details, variants (price, stock, weight) and photos",
        description:
          "Variants with an `id` are changed, without one added; variants left out are retired (orders keep naming them).",
        params: IdParams,
        body: ProductBody,
        response: { 200: SellerProduct, ...problems(403, 404, 409) },
      },
    },
    async (req) => catalog.updateProduct(req.principal, req.params.id, req.body),
  );

  app.post(
    "/api/v1/market/seller/products/:id/publish",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Put a product on sale (listed once the shop is verified)",
        params: IdParams,
        response: { 200: SellerProduct, ...problems(403, 404, 409) },
      },
    },
    async (req) => catalog.setProductStatus(req.principal, req.params.id, "active"),
  );

  app.post(
    "/api/v1/market/seller/products/:id/archive",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Take a product off sale for good",
        params: IdParams,
        response: { 200: SellerProduct, ...problems(403, 404) },
      },
    },
    async (req) => catalog.setProductStatus(req.principal, req.params.id, "archived"),
  );

  app.post(
    "/api/v1/market/seller/photos",
    {
      config: { access: sellers },
      schema: {
        tags,
        summary: "Upload a product photo (raw JPEG, PNG or WebP body, ≤ 5 MB); metadata is stripped",
        description: "Attach the returned id in a product's `photos` with an `alt` text.",
        response: {
          201: z.object({
            id: z.string(),
            contentType: z.string(),
            size: z.number().int(),
            width: z.number().int(),
            height: z.number().int(),
            url: z.string(),
          }),
          ...problems(403, 404, 413, 415),
        },
      },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const declared = req.headers["content-type"]?.split(";")[0]?.trim();
      return reply.status(201).send(await catalog.uploadPhoto(req.principal, body, declared));
    },
  );

  // ---- Verification (admin) ----

  app.get(
    "/api/v1/market/sellers",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Shops for verification, oldest application first",
        querystring: z.object({ status: SellerStatus.optional() }),
        response: { 200: z.object({ items: z.array(Seller) }), ...problems() },
      },
    },
    async (req) => ({ items: await catalog.listSellers({ status: req.query.status }) }),
  );

  app.post(
    "/api/v1/market/sellers/:id/verify",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Verify a shop: its active products are listed; the applicant is notified",
        params: IdParams,
        response: { 200: Seller, ...problems(404, 409) },
      },
    },
    async (req) => catalog.verify(req.principal, req.params.id),
  );

  app.post(
    "/api/v1/market/sellers/:id/reject",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Decline a shop's application with the reason the applicant is told",
        params: IdParams,
        body: Reason,
        response: { 200: Seller, ...problems(404, 409) },
      },
    },
    async (req) => catalog.reject(req.principal, req.params.id, req.body.reason),
  );

  app.post(
    "/api/v1/market/sellers/:id/suspend",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Suspend a verified shop: its products leave the catalogue",
        params: IdParams,
        body: Reason,
        response: { 200: Seller, ...problems(404, 409) },
      },
    },
    async (req) => catalog.suspend(req.principal, req.params.id, req.body.reason),
  );
};
