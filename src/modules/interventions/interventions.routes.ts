import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError } from "../../http/errors";
import { problems } from "../../http/schemas";
import type { InterventionsService } from "./interventions.service";
import { RECOMMENDATION_KINDS, RECOMMENDATION_STATUSES } from "./interventions.tables";

// The Dinas and the food BUMDs act on prices; the admin always may.
const officials = access.personas("dinas", "bumd");
const tags = ["stability"];

const Bilingual = z.object({ id: z.string(), en: z.string() });
const Paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const Filters = {
  commodity: z.string().min(1).max(64).optional(),
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2})*$/, "a Kemendagri code such as 31 or 31.75")
    .optional()
    .meta({ description: "Province (or a region in it) the action is for" }),
};
const Id = z.object({ id: z.string().min(1).max(64) });

const PlannedShipment = z.object({
  shipperOrganisationId: z.string(),
  shipperName: z.string(),
  originSiteCode: z.string().nullable().meta({ description: "null: the shipper's farm" }),
  originName: z.string(),
  receiverOrganisationId: z.string(),
  receiverName: z.string(),
  destinationSiteCode: z.string(),
  destinationName: z.string(),
  route: z.enum(["direct", "roro"]),
  departureDate: z.string(),
  kg: z.number(),
  lines: z.array(z.object({ epc: z.string(), kg: z.number() })),
});

const Recommendation = z
  .object({
    id: z.string(),
    kind: z.enum(RECOMMENDATION_KINDS),
    status: z.enum(RECOMMENDATION_STATUSES),
    commodityCode: z.string(),
    commodityName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    quantityKg: z.number(),
    startDate: z.string(),
    endDate: z.string(),
    plan: z.object({
      shipments: z.array(PlannedShipment),
      markets: z.array(
        z.object({
          siteCode: z.string(),
          name: z.string(),
          marketId: z.string().nullable(),
          kg: z.number(),
          priceNow: z.number().nullable(),
        }),
      ),
      advise: z.array(
        z.object({ number: z.string(), plannedDeparture: z.string().nullable(), kg: z.number() }),
      ),
      sources: z.object({ declaredLotsKg: z.number(), expectedKg: z.number() }),
    }),
    costRp: z.number().int(),
    cost: z.object({ method: Bilingual, perKgRp: z.number().nullable() }).nullable(),
    expectedEffect: z
      .object({
        pct: z.number().nullable(),
        supplySharePct: z.number(),
        days: z.number(),
        method: Bilingual,
        response: z.object({
          pctPerSupplyPct: z.number(),
          method: z.enum(["elasticity", "ledger"]),
          elasticity: z.number().nullable(),
          measured: z.number(),
        }),
      })
      .meta({ description: "Expected % change of the retail price and how it was estimated" }),
    reasons: z.array(Bilingual),
    basis: z
      .object({
        alertIds: z.array(z.string()),
        priceNow: z.number().nullable(),
        priceTarget: z.number().nullable(),
        targetKind: z.string().nullable(),
        neededKg: z.number(),
        coverDays: z.number().nullable(),
        targetCoverDays: z.number().nullable(),
      })
      .loose(),
    createdAt: z.string(),
    updatedAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: "Recommendation" });

const PriceWindow = z.object({
  from: z.string(),
  to: z.string(),
  meanRp: z.number().nullable(),
  observations: z.number().int(),
  days: z.number().int(),
});

const Intervention = z
  .object({
    id: z.string(),
    recommendationId: z.string(),
    kind: z.enum(RECOMMENDATION_KINDS),
    commodityCode: z.string(),
    commodityName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    quantityKg: z.number(),
    effectiveDate: z.string(),
    priceBefore: PriceWindow.extend({ supplySharePct: z.number() }),
    priceAfter: PriceWindow,
    measuredEffectPct: z
      .number()
      .nullable()
      .meta({ description: "Mean price after ÷ mean price before − 1, in %; null until prices after exist" }),
    measurementComplete: z.boolean().meta({ description: "The 14-day window after the action has passed" }),
    expectedEffectPct: z.number().nullable(),
    created: z.array(
      z.object({
        type: z.literal("shipment"),
        shipperOrganisationId: z.string(),
        id: z.string(),
        number: z.string(),
        destinationName: z.string(),
        kg: z.number(),
      }),
    ),
    reasons: z.array(Bilingual),
    approvedByName: z.string(),
    approvedAt: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: "Intervention" });

export const interventionsRoutes: FastifyPluginAsyncZod<{ interventions: InterventionsService }> = async (
  app,
  { interventions },
) => {
  app.get(
    "/api/v1/stability/recommendations",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Recommended actions (release stock, ship forward, buy at harvest), newest first",
        querystring: z.object({
          status: z.enum([...RECOMMENDATION_STATUSES, "all"]).default("open"),
          ...Filters,
          ...Paging,
        }),
        response: {
          200: z.object({ items: z.array(Recommendation), nextOffset: z.number().int().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => interventions.list(req.query),
  );

  app.post(
    "/api/v1/stability/recommendations/refresh",
    {
      config: { access: officials },
      schema: {
        tags,
        summary:
          "Recompute the recommendations from the open alerts and the supply position (one commodity and province, or all)",
        body: z
          .object({
            commodityCode: z.string().min(1).max(64),
            regionCode: z.string().regex(/^\d{2}(\.\d{2})*$/, "a Kemendagri code such as 31 or 31.75"),
          })
          .partial()
          .default({}),
        response: {
          200: z.object({ groups: z.number().int(), open: z.number().int() }),
          ...problems(),
        },
      },
    },
    async (req) => {
      const { commodityCode, regionCode } = req.body;
      if (Boolean(commodityCode) !== Boolean(regionCode)) {
        throw new AppError("interventions.invalid", "Give both commodityCode and regionCode, or neither", {
          errors: [
            {
              field: commodityCode ? "body/regionCode" : "body/commodityCode",
              message: "is required with the other",
            },
          ],
        });
      }
      if (commodityCode && regionCode)
        return interventions.refresh({ also: [{ commodityCode, regionCode }] });
      return interventions.refresh({ also: await interventions.plannedGroups() });
    },
  );

  app.get(
    "/api/v1/stability/recommendations/:id",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "One recommendation with its plan, cost, expected effect and reasons",
        params: Id,
        response: { 200: Recommendation, ...problems(404) },
      },
    },
    async (req) => interventions.get(req.params.id),
  );

  app.post(
    "/api/v1/stability/recommendations/:id/approve",
    {
      config: { access: officials },
      schema: {
        tags,
        summary:
          "Approve: creates the planned shipments (stock release to markets, or ro-ro from Lampung) and the ledger entry",
        description:
          "The Dinas and the admin approve any recommendation; a BUMD official approves those whose goods its organisation holds or receives. The stock is checked again lot by lot; nothing is created when any part is refused.",
        params: Id,
        body: z.object({ note: z.string().trim().max(500).optional() }).default({}),
        response: { 201: Intervention, ...problems(404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await interventions.approve(req.principal, req.params.id, req.body)),
  );

  app.post(
    "/api/v1/stability/recommendations/:id/reject",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "Reject, with the reason (kept in the decision log)",
        params: Id,
        body: z.object({ note: z.string().trim().min(3).max(500) }),
        response: { 200: Recommendation, ...problems(404, 409) },
      },
    },
    async (req) => interventions.reject(req.principal, req.params.id, req.body),
  );

  app.get(
    "/api/v1/stability/interventions",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "The intervention ledger: approved actions with prices before and after, newest first",
        querystring: z.object({ ...Filters, ...Paging }),
        response: {
          200: z.object({ items: z.array(Intervention), nextOffset: z.number().int().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => interventions.ledger(req.query),
  );

  app.get(
    "/api/v1/stability/interventions/:id",
    {
      config: { access: officials },
      schema: {
        tags,
        summary: "One intervention",
        params: Id,
        response: { 200: Intervention, ...problems(404) },
      },
    },
    async (req) => interventions.intervention(req.params.id),
  );
};
