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

const TraceSchema = z.object({
  epc: z.string(),
  kind: z.string(),
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
      erroneous: z.boolean(),
    }),
  ),
  current: LastSeen,
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
  origins: z.array(
    z.object({
      lot: z.string(),
      commodity: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
      quantity: z.number().nullable(),
      uom: z.string().nullable(),
      harvestDate: z.string().nullable(),
      grade: z.string().nullable(),
      village: Region,
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
      temperatures: z.array(z.number()),
    }),
  ),
  current: LastSeen,
});

export const traceRoutes: FastifyPluginAsyncZod<{ trace: TraceService }> = async (app, { trace }) => {
  app.get(
    "/api/v1/public/trace",
    {
      config: { access: access.public, rateLimit: { max: 120, timeWindow: "1 minute" } },
      schema: {
        tags: ["trace"],
        summary: "What anyone who scans the QR may see: origin, journey, farm-gate price; no personal data",
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
