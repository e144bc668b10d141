import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { IdParam, Pagination, problems } from "../../http/schemas";
import { MAX_DECIMALS, MAX_GRAMS, QUANTITY_UNITS, toGrams } from "./domain/harvest-lot";
import type { LotsService } from "./lots.service";

// Who grows food declares and reads harvest lots; the admin (always included) acts for any of them.
const producers = access.personas("koperasi", "farmer");

const LotSchema = z
  .object({
    id: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    commodity: z.object({ code: z.string(), name: z.string() }),
    quantity: z.object({
      value: z.string().meta({ description: "As declared, in `unit` (a decimal string)" }),
      unit: z.enum(QUANTITY_UNITS),
      grams: z.number().int().meta({ description: "Exact mass in grams" }),
    }),
    harvestDate: z.iso.date(),
    village: z.object({ code: z.string(), label: z.string() }),
    grade: z.string(),
    farmGatePrice: z.number().int().nullable().meta({ description: "Rupiah per kg paid at the farm gate" }),
    lotCode: z.string().meta({ description: "GS1 batch/lot number (AI 10)" }),
    gtin: z.string().meta({ description: "GTIN-14 of the (organisation, commodity) trade item" }),
    lgtin: z.string().meta({ description: "EPC URI of the lot: urn:epc:class:lgtin:…" }),
    digitalLink: z.string().meta({ description: "GS1 Digital Link URI printed in the label's QR code" }),
    humanReadable: z.string().meta({ description: "(01) GTIN (10) lot, as printed under the QR code" }),
    farm: z.object({ gln: z.string(), sgln: z.string() }),
    eventId: z.string().meta({ description: "eventID of the commissioning ObjectEvent" }),
    declaredAt: z.iso.datetime(),
  })
  .meta({ id: "Lot" });

const Quantity = z
  .union([z.string().trim(), z.number().positive()])
  .transform((v) => String(v))
  .pipe(
    z
      .string()
      .regex(
        /^\d{1,12}(\.\d+)?$/,
        bilingual(
          'a positive decimal number such as "1250" or "1.25", with a dot for decimals',
          'angka desimal positif seperti "1250" atau "1.25", dengan titik untuk desimal',
        ),
      ),
  )
  .meta({ description: 'Amount in `unit`: a decimal string ("1250.5") or a JSON number' });

const DeclareLotBody = z
  .object({
    commodityCode: z.string().trim().min(1).max(64).meta({ description: "From GET /api/v1/commodities" }),
    quantity: Quantity,
    unit: z.enum(QUANTITY_UNITS),
    harvestDate: z.iso.date().refine((d) => d >= "2000-01-01", {
      message: bilingual("must be in the year 2000 or later", "harus tahun 2000 atau sesudahnya"),
    }),
    villageCode: z.string().trim().max(20).meta({
      description: "Kemendagri code of the village (desa/kelurahan) in Lampung, e.g. 18.02.01.2001",
    }),
    grade: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(
        /^[\p{L}\p{N} .,/()+%-]+$/u,
        bilingual(
          "letters, digits, spaces and . , / ( ) + % - only",
          "hanya huruf, angka, spasi dan . , / ( ) + % -",
        ),
      )
      .meta({ description: 'Quality grade as the koperasi grades it, e.g. "premium", "A", "KA 14%"' }),
    farmGatePrice: z
      .number()
      .int()
      .min(1)
      .max(1_000_000_000)
      .nullable()
      .optional()
      .meta({ description: "Integer rupiah per kg paid to the farmer" }),
    organisationId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Admins only: the koperasi or farmer the lot belongs to" }),
  })
  .superRefine(
    (body, ctx) => {
      const grams = toGrams(body.quantity, body.unit);
      if (grams === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["quantity"],
          message: bilingual(
            `must be more than zero, in whole grams (at most ${MAX_DECIMALS[body.unit]} decimals for ${body.unit})`,
            `harus lebih dari nol, dalam gram utuh (paling banyak ${MAX_DECIMALS[body.unit]} desimal untuk ${body.unit})`,
          ),
        });
      } else if (grams > MAX_GRAMS) {
        ctx.addIssue({
          code: "custom",
          path: ["quantity"],
          message: bilingual(
            "is more than 10,000 t, too much for one harvest lot",
            "lebih dari 10.000 ton, terlalu banyak untuk satu lot panen",
          ),
        });
      }
    },
    // Only when quantity and unit are themselves well formed, so every other field error still shows.
    { when: (payload) => !payload.issues.some((i) => i.path?.[0] === "quantity" || i.path?.[0] === "unit") },
  );

const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, bilingual("visible ASCII characters only", "hanya karakter ASCII yang terlihat"))
    .optional()
    .meta({
      description:
        "A key the client makes per lot (e.g. a UUID). A retry with the same key answers with the same lot; " +
        "the key with different data is refused (422).",
    }),
});

const ListQuery = Pagination.extend({
  commodity: z.string().max(64).optional(),
  harvestedFrom: z.iso.date().optional().meta({ description: "Harvested on or after (YYYY-MM-DD)" }),
  harvestedTo: z.iso.date().optional().meta({ description: "Harvested on or before (YYYY-MM-DD)" }),
});

// Bytes, not JSON: typed `any` so the handler may send a Buffer; documented as a binary string.
const Binary = z.any().meta({ type: "string", format: "binary" });

export const lotsRoutes: FastifyPluginAsyncZod<{ lots: LotsService }> = async (app, { lots }) => {
  app.post(
    "/api/v1/lots",
    {
      config: { access: producers },
      schema: {
        tags: ["lots"],
        summary:
          "Declare a harvest lot: allocates its lot number and LGTIN and captures its commissioning event",
        description:
          "One transaction: the trade item's GTIN (first lot of the commodity), the farm's GLN (first lot), " +
          "the lot number `L<harvest date>-<sequence>`, and an EPCIS ObjectEvent (ADD, commissioning, active) " +
          "with the harvest facts as ilmd. 201 for a new lot; 200 with `Idempotent-Replayed: true` when an " +
          "Idempotency-Key was seen before.",
        headers: IdempotencyHeaders,
        body: DeclareLotBody,
        response: { 200: LotSchema, 201: LotSchema, ...problems(404, 409, 422) },
      },
    },
    async (req, reply) => {
      const { lot, replayed } = await lots.declare(req.principal, req.body, req.headers["idempotency-key"]);
      reply.header("location", `/api/v1/lots/${lot.id}`);
      if (replayed) reply.header("idempotent-replayed", "true");
      return reply.status(replayed ? 200 : 201).send(lot);
    },
  );

  app.get(
    "/api/v1/lots",
    {
      config: { access: producers },
      schema: {
        tags: ["lots"],
        summary: "Harvest lots of your organisation (admins: all), newest first",
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(LotSchema), nextCursor: z.string().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => lots.list(req.principal, req.query),
  );

  app.get(
    "/api/v1/lots/:id",
    {
      config: { access: producers },
      schema: {
        tags: ["lots"],
        summary: "One harvest lot",
        params: IdParam,
        response: { 200: LotSchema, ...problems(404) },
      },
    },
    async (req) => lots.get(req.principal, req.params.id),
  );

  app.get(
    "/api/v1/lots/:id/label.pdf",
    {
      config: { access: producers },
      schema: {
        tags: ["lots"],
        summary: "The lot's A6 label (PDF, Bahasa Indonesia) with its GS1 Digital Link as a QR code",
        params: IdParam,
        response: {
          200: { description: "A6 PDF label", content: { "application/pdf": { schema: Binary } } },
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const { lot, pdf } = await lots.labelPdf(req.principal, req.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="label-${lot.lotCode}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    "/api/v1/lots/:id/qr.svg",
    {
      config: { access: producers },
      schema: {
        tags: ["lots"],
        summary: "The lot's GS1 Digital Link as an SVG QR code",
        params: IdParam,
        response: {
          200: { description: "SVG QR code", content: { "image/svg+xml": { schema: z.string() } } },
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const { svg } = await lots.qrSvg(req.principal, req.params.id);
      return reply.type("image/svg+xml; charset=utf-8").send(svg);
    },
  );
};
