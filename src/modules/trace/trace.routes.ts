import { stringify } from "csv-stringify/sync";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { problems } from "../../http/schemas";
import type { TraceService } from "./trace.service";

// Everyone who handles or oversees corridor food may trace it; a trace crosses organisations by design.
const tracers = access.foodOverseers();

const Epc = z
  .string()
  .trim()
  .min(8)
  .max(500)
  .meta({ description: "An EPC URI (urn:epc:…) or a GS1 Digital Link URI" });

const LastSeen = z
  .object({
    eventTime: z.string(),
    bizStep: z.string().nullable(),
    disposition: z.string().nullable(),
    location: z.string().nullable(),
    owner: z.string().nullable(),
  })
  .nullable();

const Typed = z.array(z.object({ type: z.string().nullable(), id: z.string() }));

const CommoditySchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

const PlaceSchema = z.object({
  id: z.string().meta({ description: "The SGLN as events name it (with its dock, zone or bin extension)" }),
  name: z.string().nullable().meta({
    description:
      "Corridor site name; for a farm of the trace's harvest, the lot's village label; else the organisation holding the GLN",
  }),
  kind: z.enum(["site", "farm", "organisation", "unknown"]),
  siteKind: z.string().nullable().meta({ description: "hub, warehouse, market, mill, port" }),
  siteCode: z.string().nullable(),
  detail: z
    .string()
    .nullable()
    .meta({ description: "The SGLN extension: dock, zone or bin within the site" }),
  organisation: z
    .string()
    .nullable()
    .meta({ description: "The organisation running the site or owning the farm (never a person)" }),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  approximate: z
    .boolean()
    .meta({ description: "The coordinates stand for an area: a farm is drawn at its regency's seat" }),
});

const ExcursionFields = {
  measurement: z.string().meta({ description: "CBV sensor measurement type: Temperature, RelativeHumidity" }),
  value: z.number(),
  uom: z.string().meta({ description: "UN/CEFACT unit code as recorded: CEL, A93" }),
  unit: z.string().meta({ description: "The unit as people write it: °C, %" }),
  limit: z.number().meta({ description: "The commodity's threshold that was crossed" }),
  direction: z.enum(["above", "below"]),
  at: z.string(),
  place: z.string().nullable(),
};
const ExcursionSchema = z.object({
  eventID: z.string(),
  epcs: z.array(z.string()).meta({ description: "The identifiers of this trace the reading concerned" }),
  ...ExcursionFields,
});
const PublicExcursionSchema = z.object(ExcursionFields);

const FarmersShareSchema = z
  .object({
    percent: z.number().meta({ description: "Farm-gate value ÷ retail price, in percent (one decimal)" }),
    farmGateValuePerKg: z
      .number()
      .int()
      .meta({ description: "Rupiah: farm-gate value of the harvest in one kg of what was sold" }),
    retailPricePerKg: z.number().int().meta({ description: "Rupiah per kg at retail" }),
    harvestKgPerKg: z
      .number()
      .meta({ description: "Kilograms harvested per kilogram sold (1 when not processed)" }),
    source: z.enum(["retail_selling", "lot"]).meta({
      description:
        "retail_selling: an event's `lb:retailPrice` (rupiah/kg); lot: `lb:retailPrice` in the lot's ilmd",
    }),
    item: z.string(),
    eventTime: z.string().nullable(),
    place: z.string().nullable(),
  })
  .nullable()
  .meta({ description: "Known when a farm-gate price and a retail price are recorded (docs/trace.md)" });

const ProductLot = {
  lot: z.string().meta({ description: "The lot number (AI 10)" }),
  digitalLink: z.string().nullable(),
  firstSeen: z.string().nullable().meta({ description: "Time of the first event naming the lot" }),
  commodity: CommoditySchema.nullable(),
  harvestDate: z.string().nullable(),
  regency: z.object({ code: z.string(), name: z.string() }).nullable(),
  producer: z.string().nullable(),
};
const lotsMeta = {
  description:
    "Only for a GTIN without a lot (`/01/<GTIN>`): its lots, the most recently recorded first (at most 50)",
};

const Food = CommoditySchema.nullable().meta({
  description:
    "What the traced lot or container holds: its lot's commodity, else the harvest's when unprocessed",
});

const TraceSchema = z.object({
  epc: z.string(),
  kind: z.string().meta({ description: "lot, container, item, other; product for a GTIN without a lot" }),
  upstream: z.array(z.object({ epc: z.string(), depth: z.number().int(), kind: z.string() })),
  downstream: z.array(
    z.object({ epc: z.string(), depth: z.number().int(), kind: z.string(), lastSeen: LastSeen }),
  ),
  origins: z.array(
    z.object({
      lot: z.string(),
      organisationId: z.string().nullable(),
      quantity: z.number().nullable(),
      uom: z.string().nullable(),
      harvestedAt: z.string(),
      location: z.string().nullable(),
      facts: z.record(z.string(), z.unknown()),
    }),
  ),
  journey: z.array(
    z.object({
      eventID: z.string(),
      type: z.string(),
      eventTime: z.string(),
      eventTimeZoneOffset: z.string(),
      action: z.string().nullable(),
      bizStep: z.string().nullable(),
      disposition: z.string().nullable(),
      readPoint: z.string().nullable(),
      bizLocation: z.string().nullable(),
      placeName: z.string().nullable().meta({ description: "Name of bizLocation (else readPoint)" }),
      items: z.array(
        z.object({
          epc: z.string(),
          quantity: z.number().nullable(),
          uom: z.string().nullable(),
          role: z.string(),
        }),
      ),
      bizTransactions: Typed,
      sources: Typed,
      destinations: Typed,
      sensorReadings: z.array(
        z.object({
          type: z.string(),
          value: z.number().nullable(),
          uom: z.string().nullable(),
          time: z.string().nullable(),
        }),
      ),
      excursions: z.array(ExcursionSchema),
      erroneous: z.boolean(),
    }),
  ),
  current: LastSeen.unwrap()
    .extend({
      locationName: z.string().nullable(),
      containers: z
        .array(z.string())
        .meta({ description: "The containers holding it now, innermost first (aggregations not undone)" }),
      holder: z
        .object({
          basis: z.enum(["declared", "received", "carrier", "possession"]),
          since: z.string(),
          party: z.string().nullable().meta({ description: "The PGLN the event named, if any" }),
          organisationId: z.string().nullable(),
          name: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable()
    .meta({
      description:
        "The latest step naming it or a container it is still inside; who holds it (custody passes at an accepted receiving or to a possessing party)",
    }),
  places: z.array(PlaceSchema),
  excursions: z.array(ExcursionSchema),
  farmersShare: FarmersShareSchema,
  food: Food,
  processed: z
    .boolean()
    .meta({ description: "A TransformationEvent made the traced lot or one it came from" }),
  lots: z
    .array(z.object({ epc: z.string(), ...ProductLot }))
    .optional()
    .meta(lotsMeta),
});

const RecallRow = z.object({
  epc: z.string(),
  kind: z.string(),
  depth: z.number().int(),
  lastSeenAt: z.string().nullable(),
  lastBizStep: z.string().nullable(),
  lastDisposition: z.string().nullable(),
  location: z.string().nullable(),
  owner: z.string().nullable(),
});

const Region = z.object({ code: z.string(), name: z.string() }).nullable();

const PublicTraceSchema = z.object({
  epc: z.string(),
  kind: z.string(),
  food: Food,
  processed: z.boolean(),
  origins: z.array(
    z.object({
      lot: z.string(),
      commodity: CommoditySchema.nullable(),
      quantity: z.number().nullable(),
      uom: z.string().nullable(),
      harvestDate: z.string().nullable(),
      grade: z.string().nullable(),
      village: Region,
      district: Region,
      regency: Region,
      producer: z
        .string()
        .nullable()
        .meta({ description: "The koperasi or farmer organisation (never a person)" }),
      farmGatePricePerKg: z.number().int().nullable(),
    }),
  ),
  journey: z.array(
    z.object({
      eventType: z.string().meta({ description: "TransformationEvent marks processing (hilirisasi)" }),
      eventTime: z.string(),
      eventTimeZoneOffset: z.string(),
      step: z.string().nullable(),
      disposition: z.string().nullable(),
      place: z.string().nullable(),
      placeName: z.string().nullable(),
      temperatures: z.array(z.number()),
      temperatureUnit: z.string().nullable().meta({ description: "°C for readings in CEL" }),
      excursions: z.array(PublicExcursionSchema),
    }),
  ),
  current: LastSeen.unwrap()
    .extend({
      locationName: z.string().nullable(),
      inContainer: z.boolean().meta({ description: "Known through the container it is packed in" }),
      holder: z.string().nullable().meta({ description: "The organisation holding it (never a person)" }),
      holderBasis: z.enum(["declared", "received", "carrier", "possession"]).nullable(),
    })
    .nullable(),
  places: z.array(PlaceSchema),
  excursions: z.array(PublicExcursionSchema),
  farmersShare: FarmersShareSchema,
  priceTransparency: z
    .array(
      z.object({
        lot: z.string(),
        farmGate: z
          .object({
            pricePerKg: z.number().int(),
            source: z.enum(["payment", "lot"]).meta({
              description:
                "payment: what the koperasi recorded paying farmers; lot: the price declared with the lot",
            }),
            date: z.string().nullable(),
          })
          .nullable(),
        bumdPurchase: z
          .object({ pricePerKg: z.number().int(), buyer: z.string(), date: z.string() })
          .nullable()
          .meta({
            description: "The price a BUMD paid for it (the purchase order line that carried the lot)",
          }),
        retailJakarta: z
          .object({ pricePerKg: z.number().int(), date: z.string(), markets: z.number().int() })
          .nullable()
          .meta({ description: "The latest median retail price of the commodity in Jakarta's markets" }),
        farmersSharePercent: z
          .number()
          .nullable()
          .meta({ description: "Farm-gate ÷ Jakarta retail, in percent" }),
      }),
    )
    .meta({
      description: "Per harvest lot: what the farmer got, what the BUMD paid, what Jakarta pays at retail",
    }),
  lots: z.array(z.object(ProductLot)).optional().meta(lotsMeta),
});

export const traceRoutes: FastifyPluginAsyncZod<{ trace: TraceService }> = async (app, { trace }) => {
  app.get(
    "/api/v1/public/trace",
    {
      config: { access: access.public, rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: ["trace"],
        summary:
          "What anyone who scans the QR may see: the food, its origin, journey with place names, where it is now, excursions, farm-gate price and farmer's share; no personal data",
        querystring: z.object({ epc: Epc }),
        response: { 200: PublicTraceSchema, ...problems(404, 429) },
      },
    },
    async (req) => trace.publicTrace(req.query.epc),
  );

  app.get(
    "/api/v1/trace",
    {
      config: { access: tracers },
      schema: {
        tags: ["trace"],
        summary:
          "Full genealogy of a lot, container or product: origins upstream, everything downstream, every step",
        querystring: z.object({ epc: Epc }),
        response: { 200: TraceSchema, ...problems(404) },
      },
    },
    async (req) => trace.trace(req.query.epc),
  );

  app.get(
    "/api/v1/trace/recall",
    {
      config: { access: tracers },
      schema: {
        tags: ["trace"],
        summary: "Recall list: every downstream lot and container and its current holder (JSON or CSV)",
        querystring: z.object({ epc: Epc, format: z.enum(["json", "csv"]).default("json") }),
        response: {
          200: z.object({ epc: z.string(), affected: z.array(RecallRow) }).or(z.string()),
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const result = await trace.recall(req.query.epc);
      if (req.query.format === "json") return result;
      const csv = stringify(result.affected, {
        header: true,
        columns: [
          "epc",
          "kind",
          "depth",
          "lastSeenAt",
          "lastBizStep",
          "lastDisposition",
          "location",
          "owner",
        ],
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="recall-${encodeURIComponent(result.epc)}.csv"`)
        .send(csv);
    },
  );
};
