import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { problems } from "../../http/schemas";
import { FREIGHT_PER } from "./domain/freight";
import type { SpreadService } from "./spread.service";

// Those who act on the corridor: the dinas and the food BUMDs (admin always).
const officials = access.personas("dinas", "bumd");
const tags = ["spread"];

const Bilingual = z.object({ id: z.string(), en: z.string() });
const PriceLevel = z.enum(["producer", "wholesale", "retail"]);

const ComponentBody = z
  .object({
    label: z.string().trim().min(1).max(200),
    rp: z.number().int().min(0).max(1_000_000_000).meta({ description: "Whole rupiah" }),
    per: z.enum(FREIGHT_PER).meta({ description: "truck: ÷ payloadKg; kg: as is; tonne_km: × km ÷ 1000" }),
    km: z.number().positive().max(5_000).optional().meta({ description: "Required for per tonne_km" }),
    source: z
      .string()
      .trim()
      .min(1)
      .max(600)
      .meta({ description: 'Where the figure comes from; start with "Asumsi"/"Assumption" for a guess' }),
  })
  .superRefine((c, ctx) => {
    if (c.per === "tonne_km" && c.km === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["km"],
        message: bilingual(
          "km (> 0) is required for a per tonne-km cost",
          "km (> 0) wajib untuk biaya per ton-km",
        ),
      });
    }
  });

const ComponentView = z.object({
  label: z.string(),
  rp: z.number().int(),
  per: z.enum(FREIGHT_PER),
  km: z.number().optional(),
  source: z.string(),
  rpPerKg: z.number().meta({ description: "This component's share per kg, one decimal" }),
  assumption: z.boolean().meta({ description: 'Its source starts with "Asumsi"/"Assumption"' }),
});

const RouteView = z
  .object({
    route: z.string(),
    name: z.string(),
    payloadKg: z.number().int(),
    rpPerKg: z.number().int().meta({ description: "Σ components per kg, rounded once" }),
    components: z.array(ComponentView),
    assumptions: z.boolean(),
    updatedBy: z.string().nullable().meta({ description: "null: the default, never changed" }),
    updatedAt: z.string(),
  })
  .meta({ id: "FreightRoute" });

const Side = z.object({
  level: PriceLevel,
  price: z.number().int(),
  date: z.string(),
  basis: z.enum(["province", "markets"]),
  markets: z.array(z.string()),
});

const Item = z
  .object({
    commodityCode: z.string(),
    commodityName: z.string(),
    commodityNameEn: z.string(),
    status: z.enum(["computed", "missing"]),
    lampung: Side.nullable(),
    jakarta: Side.nullable(),
    freight: z.object({
      roro: z.number().int().nullable(),
      ferry: z.number().int().nullable(),
      cheapestRoute: z.string().nullable(),
    }),
    netByRoute: z.record(z.string(), z.number().int()).nullable(),
    netSpreadRp: z.number().int().nullable(),
    netSpreadPct: z.number().nullable(),
    flagged: z.boolean(),
    reason: Bilingual,
  })
  .meta({ id: "SpreadItem" });

export const spreadRoutes: FastifyPluginAsyncZod<{ spread: SpreadService }> = async (app, { spread }) => {
  app.get(
    "/api/v1/spread",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Corridor spread: Lampung price vs Jakarta retail, net of freight, per commodity",
        description:
          "Lampung: the first of producer, wholesale, retail with a price in the `maxAgeDays` before `date`. " +
          "Jakarta: retail. Net spread = Jakarta − Lampung − freight of the cheapest route; flagged when it " +
          "reaches `thresholdPct` % of the Lampung price. A side without a recent price gives no figure.",
        querystring: z.object({
          date: z.iso.date().optional().meta({ description: "As-of day (WIB); default today" }),
          thresholdPct: z.coerce.number().min(0).max(1000).optional(),
        }),
        response: {
          200: z.object({
            asOf: z.string(),
            thresholdPct: z.number(),
            maxAgeDays: z.number().int(),
            routes: z.array(RouteView),
            items: z.array(Item),
          }),
          ...problems(),
        },
      },
    },
    async (req) => spread.spread(req.query),
  );

  app.get(
    "/api/v1/spread/freight",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Freight routes Lampung → Jakarta with their components and cost per kg",
        response: { 200: z.object({ items: z.array(RouteView) }), ...problems() },
      },
    },
    async () => ({ items: await spread.listFreight() }),
  );

  app.put(
    "/api/v1/spread/freight/:route",
    {
      config: { access: access.personas("dinas") },
      schema: {
        tags,
        summary: "Set a freight route's payload and components (dinas, admin)",
        params: z.object({ route: z.string().min(1).max(32) }),
        body: z.object({
          name: z.string().trim().min(1).max(200).optional(),
          payloadKg: z.number().int().positive().max(100_000),
          components: z.array(ComponentBody).min(1).max(30),
        }),
        response: { 200: RouteView, ...problems(404) },
      },
    },
    async (req) => spread.updateFreight(req.principal, req.params.route, req.body),
  );
};
