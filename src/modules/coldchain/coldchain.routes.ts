import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { Pagination, problems } from "../../http/schemas";
import type { ColdchainService } from "./coldchain.service";

const ThresholdSchema = z
  .object({
    commodity: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
    minCelsius: z.number().nullable(),
    maxCelsius: z.number().nullable(),
    maxRelativeHumidity: z.number().nullable().meta({ description: "Percent" }),
    source: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ColdchainThreshold" });

const ExcursionSchema = z
  .object({
    id: z.string(),
    eventId: z.string().meta({ description: "eventID of the event whose reading it was" }),
    epc: z.string().meta({ description: "The lot (LGTIN) or container (SSCC) the reading concerned" }),
    commodity: z.object({ code: z.string(), name: z.string() }),
    measurement: z.string().meta({ description: "Temperature or RelativeHumidity" }),
    value: z.number().meta({ description: "The reading, in °C (CEL) or percent (P1)" }),
    uom: z.string(),
    limit: z.number(),
    direction: z.enum(["above", "below"]),
    description: z.string(),
    sgln: z.string().nullable().meta({ description: "Where the reading was taken; null in transit" }),
    at: z.iso.datetime(),
  })
  .meta({ id: "Excursion" });

const Sgln = z
  .string()
  .trim()
  .regex(
    /^urn:epc:id:sgln:\d{6,12}\.\d{0,6}\.[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/,
    bilingual(
      "an SGLN EPC URI: urn:epc:id:sgln:<prefix>.<location ref>.<extension>",
      "EPC URI SGLN: urn:epc:id:sgln:<prefiks>.<ref lokasi>.<ekstensi>",
    ),
  );

const ReadingsBody = z
  .object({
    lotId: z.string().trim().min(1).max(100).optional().meta({ description: "A harvest or product lot id" }),
    lgtin: z
      .string()
      .trim()
      .regex(
        /^urn:epc:class:lgtin:\d{6,12}\.\d{1,7}\.[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,60}$/,
        bilingual("an LGTIN EPC URI", "EPC URI LGTIN"),
      )
      .optional(),
    sscc: z
      .string()
      .trim()
      .regex(/^urn:epc:id:sscc:\d{6,12}\.\d{5,11}$/, bilingual("an SSCC EPC URI", "EPC URI SSCC"))
      .optional(),
    shipment: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "A shipment id: readings for its containers" }),
    sgln: Sgln.optional().meta({ description: "Where the sensor was (a site, dock or cold room)" }),
    inTransit: z.literal(true).optional().meta({ description: "The sensor was on a truck or ship" }),
    deviceId: z
      .string()
      .trim()
      .regex(
        /^(urn:[a-z0-9][a-z0-9-]{0,31}:\S+|https?:\/\/\S+)$/i,
        bilingual("a URN or http(s) URI", "URN atau URI http(s)"),
      )
      .max(200)
      .optional()
      .meta({ description: "The logger's identifier, e.g. urn:epc:id:giai:…" }),
    readings: z
      .array(
        z
          .object({
            at: z.iso.datetime({ offset: true }).meta({ description: "When the reading was taken" }),
            temperature: z.number().min(-80).max(80).optional().meta({ description: "°C" }),
            relativeHumidity: z.number().min(0).max(100).optional().meta({ description: "Percent" }),
          })
          .refine((r) => r.temperature !== undefined || r.relativeHumidity !== undefined, {
            message: bilingual(
              "give temperature, relativeHumidity or both",
              "isi temperature, relativeHumidity atau keduanya",
            ),
          }),
      )
      .min(1)
      .max(500),
  })
  .superRefine((body, ctx) => {
    const targets = [body.lotId, body.lgtin, body.sscc, body.shipment].filter((v) => v !== undefined).length;
    if (targets !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["lotId"],
        message: bilingual(
          "name exactly one of lotId, lgtin, sscc or shipment",
          "sebutkan tepat satu dari lotId, lgtin, sscc atau shipment",
        ),
      });
    }
    if ((body.sgln === undefined) === (body.inTransit === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["sgln"],
        message: bilingual(
          "give either sgln (at a site) or inTransit: true",
          "isi sgln (di lokasi) atau inTransit: true, salah satu",
        ),
      });
    }
  });

const Moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const startOf = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00+07:00`) : new Date(v);
const endOf = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v)
    ? new Date(new Date(`${v}T00:00:00+07:00`).getTime() + 86_400_000)
    : new Date(new Date(v).getTime() + 1);

export const coldchainRoutes: FastifyPluginAsyncZod<{ coldchain: ColdchainService }> = async (
  app,
  { coldchain },
) => {
  app.get(
    "/api/v1/coldchain/thresholds",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["coldchain"],
        summary: "Storage and transport conditions per commodity, with their sources",
        response: { 200: z.object({ items: z.array(ThresholdSchema) }), ...problems() },
      },
    },
    async () => ({ items: await coldchain.listThresholds() }),
  );

  app.put(
    "/api/v1/coldchain/thresholds/:commodity",
    {
      config: { access: access.admin },
      schema: {
        tags: ["coldchain"],
        summary: "Set a commodity's thresholds (admin); readings already checked keep their excursions",
        params: z.object({ commodity: z.string().min(1).max(64) }),
        body: z.object({
          minCelsius: z.number().min(-80).max(80).nullable(),
          maxCelsius: z.number().min(-80).max(80).nullable(),
          maxRelativeHumidity: z.number().min(0).max(100).nullable(),
          source: z.string().trim().min(1).max(600).meta({ description: "Where the figures come from" }),
        }),
        response: { 200: ThresholdSchema, ...problems(404) },
      },
    },
    async (req) => coldchain.setThreshold(req.params.commodity, req.body),
  );

  app.post(
    "/api/v1/coldchain/readings",
    {
      config: { access: access.foodHandlers() },
      schema: {
        tags: ["coldchain"],
        summary: "Record temperature and humidity readings for a lot, a container or a shipment",
        description:
          "One EPCIS ObjectEvent (OBSERVE, sensor_reporting) with a sensorElementList: a sensor element per " +
          "reading (gs1:Temperature in CEL, gs1:RelativeHumidity in P1). Readings outside the thresholds of " +
          "what the event concerns (a container: what is packed in it) are recorded as excursions and returned.",
        body: ReadingsBody,
        response: {
          201: z.object({
            eventId: z.string(),
            readings: z.number().int(),
            excursions: z.array(ExcursionSchema),
          }),
          ...problems(503),
        },
      },
    },
    async (req, reply) => {
      const result = await coldchain.recordReadings(req.principal, {
        ...req.body,
        readings: req.body.readings.map((r) => ({ ...r, at: new Date(r.at) })),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/v1/coldchain/excursions",
    {
      config: { access: access.foodOverseers() },
      schema: {
        tags: ["coldchain"],
        summary: "Readings outside their commodity's thresholds (your events; dinas and admins: all)",
        querystring: Pagination.extend({
          epc: z.string().trim().min(1).max(200).optional().meta({
            description: "A lot (LGTIN: also the containers it was packed in) or a container (SSCC)",
          }),
          commodity: z.string().max(64).optional(),
          from: Moment.optional().meta({ description: "On or after this WIB day or instant" }),
          to: Moment.optional().meta({ description: "On or before this WIB day or instant" }),
        }),
        response: {
          200: z.object({ items: z.array(ExcursionSchema), nextCursor: z.string().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) =>
      coldchain.listExcursions(req.principal, {
        epc: req.query.epc,
        commodity: req.query.commodity,
        from: req.query.from ? startOf(req.query.from) : undefined,
        to: req.query.to ? endOf(req.query.to) : undefined,
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  );
};
