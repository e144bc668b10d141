import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { problems } from "../../http/schemas";
import { STABILITY_LEVELS } from "./domain/types";
import type { StabilityService } from "./stability.service";

// Those who act on price alerts: the dinas, the food BUMDs (CBP/SPHP releases), and the admin (always).
const officials = access.personas("dinas", "bumd");
const tags = ["stability"];

const Level = z.enum(STABILITY_LEVELS);
const PriceLevel = z.enum(["producer", "wholesale", "retail"]);
const Bilingual = z.object({ id: z.string(), en: z.string() });
const Paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

const AlertSchema = z
  .object({
    id: z.string(),
    commodityCode: z.string(),
    commodityName: z.string(),
    regionCode: z.string(),
    marketId: z.string().nullable(),
    placeName: z
      .string()
      .meta({ description: "The market's name, or the region's for a region-wide series" }),
    priceLevel: PriceLevel,
    level: Level,
    asOf: z.string().nullable().meta({ description: "Date of the latest price the alert reads" }),
    reason: Bilingual,
    findings: z.array(z.object({ indicator: z.string(), level: Level }).loose()),
    raisedAt: z.string(),
    clearedAt: z.string().nullable(),
  })
  .meta({ id: "StabilityAlert" });

const SubscriptionSchema = z
  .object({
    id: z.string(),
    commodityCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    minLevel: Level,
    createdAt: z.string(),
  })
  .meta({ id: "StabilitySubscription" });

const SeriesKeySchema = z.object({
  commodityCode: z.string().min(1).max(64),
  regionCode: z.string().min(2).max(20),
  marketId: z.string().max(64).nullable().default(null),
  level: PriceLevel.default("retail"),
});

export const stabilityRoutes: FastifyPluginAsyncZod<{ stability: StabilityService }> = async (
  app,
  { stability },
) => {
  app.get(
    "/api/v1/stability/alerts",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Price alerts (dinas, BUMD, admin), most severe first",
        description:
          "`level` keeps alerts at or above it. `date` keeps alerts whose latest price is of that day.",
        querystring: z.object({
          commodity: z.string().max(64).optional(),
          region: z
            .string()
            .max(20)
            .optional()
            .meta({ description: "Kemendagri code; includes regions below it" }),
          level: Level.optional(),
          date: z.iso.date().optional(),
          includeCleared: z
            .enum(["true", "false"])
            .default("false")
            .transform((v) => v === "true"),
          ...Paging,
        }),
        response: {
          200: z.object({ items: z.array(AlertSchema), nextOffset: z.number().int().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => stability.listAlerts(req.query),
  );

  app.get(
    "/api/v1/stability/indicators",
    {
      config: { access: officials },
      schema: {
        tags,
        summary:
          "Every method's figures, or its reason for giving none, per series of a commodity and region",
        querystring: z.object({ commodity: z.string().min(1).max(64), region: z.string().min(2).max(20) }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                commodityCode: z.string(),
                regionCode: z.string(),
                marketId: z.string().nullable(),
                placeName: z.string(),
                priceLevel: PriceLevel,
                asOf: z.string().nullable(),
                level: Level,
                reason: Bilingual,
                findings: z.array(z.object({ indicator: z.string(), level: Level, clause: Bilingual })),
                indicators: z.record(z.string(), z.object({ eligible: z.boolean() }).loose()),
                computedAt: z.string(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (req) => stability.indicators(req.query),
  );

  app.post(
    "/api/v1/stability/recompute",
    {
      config: { access: access.personas("dinas") },
      schema: {
        tags,
        summary:
          "Recompute indicators and alerts (dinas, admin): one series, or every series when the body is empty",
        body: z.object({ series: SeriesKeySchema.optional() }).default({}),
        response: {
          200: z.object({
            series: z.number().int(),
            levels: z.record(z.string(), z.number().int()),
            notifications: z.number().int(),
          }),
          ...problems(),
        },
      },
    },
    async (req) => {
      const key = req.body.series;
      if (!key) return stability.recompute();
      const r = await stability.recomputeSeries(key);
      return { series: 1, levels: { [r.level]: 1 }, notifications: r.notifications };
    },
  );

  app.get(
    "/api/v1/stability/subscriptions",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "My alert subscriptions",
        response: { 200: z.object({ items: z.array(SubscriptionSchema) }), ...problems() },
      },
    },
    async (req) => stability.listSubscriptions(req.principal),
  );

  app.post(
    "/api/v1/stability/subscriptions",
    {
      config: { access: officials },
      schema: {
        tags,
        summary:
          "Subscribe to alerts for a commodity and region at or above a level (same scope again: updates)",
        body: z.object({
          commodityCode: z
            .string()
            .min(1)
            .max(64)
            .nullable()
            .default(null)
            .meta({ description: "null: every commodity" }),
          regionCode: z
            .string()
            .min(2)
            .max(20)
            .nullable()
            .default(null)
            .meta({ description: "null: everywhere; a region includes the regions below it" }),
          minLevel: z.enum(["waspada", "siaga", "krisis"]).default("siaga"),
        }),
        response: { 201: SubscriptionSchema, ...problems() },
      },
    },
    async (req, reply) => reply.status(201).send(await stability.subscribe(req.principal, req.body)),
  );

  app.delete(
    "/api/v1/stability/subscriptions/:id",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Cancel one of my subscriptions",
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 204: z.null().meta({ description: "Removed" }), ...problems(404) },
      },
    },
    async (req, reply) => {
      await stability.unsubscribe(req.principal, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
