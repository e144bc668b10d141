import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import type { ReferenceService } from "./reference.service";
import { REFERENCE_PRICE_KINDS, REGION_LEVELS, SITE_KINDS } from "./reference.tables";

const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
});

const ReferencePriceSchema = z.object({
  id: z.string(),
  kind: z.enum(REFERENCE_PRICE_KINDS),
  level: z.enum(["consumer", "producer"]),
  zone: z.string().nullable(),
  min: z.number().int().nullable(),
  max: z.number().int().meta({ description: "Rupiah per unit (integer)" }),
  unit: z.string(),
  effectiveFrom: z.iso.date(),
  source: z.string(),
});

const CommoditySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  category: z.string(),
  unit: z.string(),
  referencePrices: z
    .array(ReferencePriceSchema)
    .meta({ description: "Reference prices in force today (WIB)" }),
});

const SiteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  operatorOrganisationId: z.string().nullable(),
  gln: z.string().nullable().meta({ description: "GLN of the site (null until issued at start)" }),
  sgln: z
    .string()
    .nullable()
    .meta({ description: "The site as events name it: urn:epc:id:sgln:… (docks and zones are extensions)" }),
});

// Prices are stored as 32-bit integers of rupiah per unit; a billion rupiah a kilo is a typo.
const MAX_RUPIAH = 1_000_000_000;

const RegionCode = z
  .string()
  .regex(
    /^\d{2}(\.\d{2}){0,2}(\.\d{4})?$/,
    bilingual(
      "a Kemendagri code such as 18, 18.71 or 18.71.01",
      "kode wilayah Kemendagri, misalnya 18, 18.71 atau 18.71.01",
    ),
  );

export const referenceRoutes: FastifyPluginAsyncZod<{ reference: ReferenceService }> = async (
  app,
  { reference },
) => {
  app.get(
    "/api/v1/regions",
    {
      config: { access: access.public },
      schema: {
        tags: ["reference"],
        summary:
          "Kemendagri regions: all provinces; regencies, districts and villages of Lampung and DKI Jakarta",
        querystring: z.object({
          level: z.enum(REGION_LEVELS).optional(),
          parent: RegionCode.optional(),
          q: z.string().trim().min(2).max(100).optional(),
        }),
        response: { 200: z.object({ items: z.array(RegionSchema) }), ...problems() },
      },
    },
    async (req) => ({ items: await reference.listRegions(req.query) }),
  );

  app.get(
    "/api/v1/regions/:code",
    {
      config: { access: access.public },
      schema: {
        tags: ["reference"],
        summary: "One region by Kemendagri code",
        params: z.object({ code: RegionCode }),
        response: { 200: RegionSchema, ...problems(404) },
      },
    },
    async (req) => reference.getRegion(req.params.code),
  );

  app.get(
    "/api/v1/commodities",
    {
      config: { access: access.public },
      schema: {
        tags: ["reference"],
        summary: "Strategic commodities with the HET/HAP/HPP reference prices in force",
        querystring: z.object({
          date: z.iso.date().optional().meta({ description: "Prices in force on this day (WIB)" }),
        }),
        response: { 200: z.object({ items: z.array(CommoditySchema) }), ...problems() },
      },
    },
    async (req) => ({ items: await reference.listCommodities(req.query.date) }),
  );

  app.get(
    "/api/v1/commodities/:code",
    {
      config: { access: access.public },
      schema: {
        tags: ["reference"],
        summary: "One commodity with its reference prices in force and their history",
        params: z.object({ code: z.string().min(1).max(100) }),
        response: {
          200: CommoditySchema.extend({ referencePriceHistory: z.array(ReferencePriceSchema) }),
          ...problems(404),
        },
      },
    },
    async (req) => reference.getCommodity(req.params.code),
  );

  app.post(
    "/api/v1/commodities/:code/reference-prices",
    {
      config: { access: access.admin },
      schema: {
        tags: ["reference"],
        summary: "Record a new HET/HAP/HPP with the date it takes effect",
        params: z.object({ code: z.string().min(1).max(100) }),
        body: z.object({
          kind: z.enum(REFERENCE_PRICE_KINDS),
          level: z.enum(["consumer", "producer"]),
          zone: z
            .string()
            .trim()
            .min(1)
            .max(10)
            .nullable()
            .default(null)
            .meta({ description: "HET zone; null when national" }),
          min: z.number().int().positive().max(MAX_RUPIAH).nullable().default(null),
          max: z.number().int().positive().max(MAX_RUPIAH),
          effectiveFrom: z.iso.date(),
          source: z
            .string()
            .trim()
            .min(3)
            .max(300)
            .meta({ description: "The regulation, e.g. Kepbadan 299/2025" }),
        }),
        response: { 201: ReferencePriceSchema, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await reference.addReferencePrice({ ...req.body, commodityCode: req.params.code })),
  );

  app.get(
    "/api/v1/sites",
    {
      config: { access: access.public },
      schema: {
        tags: ["reference"],
        summary:
          "Corridor sites: hubs, shared warehouses, ferry ports, wholesale markets and mills, with their GLNs",
        querystring: z.object({ kind: z.enum(SITE_KINDS).optional(), regionCode: RegionCode.optional() }),
        response: { 200: z.object({ items: z.array(SiteSchema) }), ...problems() },
      },
    },
    async (req) => ({ items: await reference.listSites(req.query) }),
  );
};
