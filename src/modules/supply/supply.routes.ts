import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import type { SupplyService } from "./supply.service";

// Those who watch supply and act on it: the dinas and the food BUMDs; the admin always.
const officials = access.personas("dinas", "bumd");
// Plans are policy figures: the dinas (and the admin) set them.
const planners = access.personas("dinas");
const tags = ["supply"];

const Bilingual = z.object({ id: z.string(), en: z.string() });
const Commodity = z.string().trim().min(1).max(64);
const Region = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .meta({ description: "Province code (Kemendagri), e.g. 31 DKI Jakarta, 18 Lampung" });
const Day = z.iso.date();

const PlanSchema = z
  .object({
    commodityCode: z.string(),
    regionCode: z.string(),
    dailyDemandKg: z.number(),
    targetCoverDays: z.number().int(),
    inflowIndex: z.array(z.number()),
    lampungSupplyKg: z.array(z.number()),
    demandElasticity: z.number(),
    source: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "SupplyPlan" });

const HoldingSchema = z.object({
  source: z.enum(["warehouse", "report"]),
  siteCode: z.string().nullable(),
  siteName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  kg: z.number(),
  asOf: z.string(),
  lots: z.array(z.object({ epc: z.string(), kg: z.number(), expiryDate: z.string().nullable() })),
});

const PositionSchema = z
  .object({
    commodityCode: z.string(),
    commodityName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    asOf: z.string(),
    plan: PlanSchema.nullable(),
    stock: z.object({ totalKg: z.number(), holdings: z.array(HoldingSchema) }),
    inTransit: z.object({
      totalKg: z.number(),
      shipments: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          status: z.string(),
          shipperOrganisationId: z.string(),
          originName: z.string(),
          destinationName: z.string(),
          eta: z.string().nullable(),
          plannedDeparture: z.string().nullable(),
          kg: z.number(),
        }),
      ),
    }),
    lampung: z.object({
      declaredLotsKg: z.number(),
      declaredLots: z.number().int(),
      lots: z.array(
        z.object({
          lgtin: z.string(),
          organisationId: z.string(),
          organisationName: z.string(),
          harvestDate: z.string(),
          kg: z.number(),
        }),
      ),
      warehouseKg: z.number(),
      expectedKg: z.number(),
    }),
    coverDays: z.number().nullable(),
    outlook: z.array(
      z.object({
        weekStart: z.string(),
        arrivalsKg: z.number(),
        marketBalanceKg: z.number(),
        lampungSupplyKg: z.number(),
        stockKg: z.number(),
        coverDays: z.number(),
        gapKg: z.number(),
        lean: z.boolean(),
      }),
    ),
    leanGap: z.object({ firstWeek: z.string(), weeks: z.number().int(), maxGapKg: z.number() }).nullable(),
    notes: z.array(Bilingual),
  })
  .meta({ id: "SupplyPosition" });

const twelve = (what: string, min: number, max: number) =>
  z
    .array(
      z
        .number()
        .min(min, { message: bilingual(`must be at least ${min}`, `minimal ${min}`) })
        .max(max, { message: bilingual(`must be at most ${max}`, `maksimal ${max}`) }),
    )
    .length(12, {
      message: bilingual("must have 12 numbers, January first", "harus 12 angka, mulai Januari"),
    })
    .meta({ description: `${what}: twelve numbers, January first` });

const PlanInput = z.object({
  dailyDemandKg: z
    .number()
    .int()
    .positive({ message: bilingual("must be more than 0", "harus lebih dari 0") })
    .max(1e12),
  targetCoverDays: z
    .number()
    .int()
    .min(1, { message: bilingual("must be 1 to 365 days", "harus 1 sampai 365 hari") })
    .max(365, { message: bilingual("must be 1 to 365 days", "harus 1 sampai 365 hari") }),
  inflowIndex: twelve("What the market brings in a month as a share of demand (1 = balanced)", 0, 5),
  lampungSupplyKg: twelve("Kg a month Lampung partners can supply", 0, 1e12),
  demandElasticity: z
    .number()
    .negative({ message: bilingual("must be below 0", "harus di bawah 0") })
    .min(-10),
  source: z
    .string()
    .trim()
    .min(1, { message: bilingual("name the source of the figures", "sebutkan sumber angka") })
    .max(2000),
});

const ReportSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    commodityCode: z.string(),
    regionCode: z.string(),
    kg: z.number(),
    asOf: z.string(),
    note: z.string().nullable(),
    counted: z
      .boolean()
      .meta({ description: "The organisation's latest report up to today: what the position counts" }),
    createdAt: z.string(),
  })
  .meta({ id: "SupplyStockReport" });

export const supplyRoutes: FastifyPluginAsyncZod<{ supply: SupplyService }> = async (app, { supply }) => {
  app.get(
    "/api/v1/supply/position",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Supply position and 16-week outlook of a commodity in a province (dinas, BUMD, admin)",
        description:
          "Stock in shared warehouses and reported by organisations, shipments under way with their ETA, " +
          "Lampung's declared lots and harvest profile, days of cover now and for 16 weeks. A regency code is " +
          "refused (400 supply.not_a_province); the model is in docs/supply-outlook.md.",
        querystring: z.object({ commodity: Commodity, region: Region }),
        response: { 200: PositionSchema, ...problems() },
      },
    },
    async (req) => supply.position(req.query.commodity, req.query.region),
  );

  app.get(
    "/api/v1/supply/positions",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "The position of every configured supply plan, lowest cover first (dinas, BUMD, admin)",
        response: { 200: z.object({ items: z.array(PositionSchema) }), ...problems() },
      },
    },
    async () => ({ items: await supply.positions() }),
  );

  app.get(
    "/api/v1/supply/plans",
    {
      config: { access: officials },
      schema: {
        tags,
        summary:
          "Supply plans: demand, target cover, inflow index and Lampung supply per commodity and province",
        response: { 200: z.object({ items: z.array(PlanSchema) }), ...problems() },
      },
    },
    async () => ({ items: await supply.plans() }),
  );

  app.put(
    "/api/v1/supply/plans/:commodity/:region",
    {
      config: { access: planners },
      schema: {
        tags,
        summary: "Set the supply plan of a commodity in a province (dinas, admin)",
        params: z.object({ commodity: Commodity, region: Region }),
        body: PlanInput,
        response: { 200: PlanSchema, ...problems() },
      },
    },
    async (req) => supply.setPlan(req.principal, req.params.commodity, req.params.region, req.body),
  );

  app.post(
    "/api/v1/supply/stock-reports",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Report stock your organisation holds outside the warehouses Lumbung tracks (dinas, BUMD)",
        description: "The latest report (by asOf) of each organisation counts in the position.",
        body: z.object({
          commodityCode: Commodity,
          regionCode: Region,
          kg: z
            .number()
            .int({ message: bilingual("must be whole kilograms", "harus kilogram bulat") })
            .min(0, { message: bilingual("must be 0 or more", "harus 0 atau lebih") })
            .max(1e12),
          asOf: Day,
          note: z.string().trim().max(500).nullish(),
        }),
        response: { 201: ReportSchema, ...problems() },
      },
    },
    async (req, reply) => reply.code(201).send(await supply.report(req.principal, req.body)),
  );

  app.get(
    "/api/v1/supply/stock-reports",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Stock reports of a commodity in a province, newest first (dinas, BUMD, admin)",
        querystring: z.object({ commodity: Commodity, region: Region }),
        response: { 200: z.object({ items: z.array(ReportSchema) }), ...problems() },
      },
    },
    async (req) => ({ items: await supply.reports(req.query) }),
  );
};
