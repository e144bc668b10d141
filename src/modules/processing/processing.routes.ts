import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { IdParam, Pagination, problems } from "../../http/schemas";
import { toGrams } from "../lots";
import type { ProcessingService } from "./processing.service";

// Processors record runs; the dinas oversees them (reads, never records); admins are always included.
const processors = access.personas("processor");
const overseers = access.personas("processor", "dinas");

/** 10,000 t: far above one run, low enough that a typo (extra zeros) is refused. */
const MAX_GRAMS = 10_000_000_000;

const Kilograms = z
  .union([z.string().trim(), z.number().positive()])
  .transform((v) => String(v))
  .pipe(
    z
      .string()
      .regex(
        /^\d{1,8}(\.\d{1,3})?$/,
        bilingual(
          'kilograms as a positive number with at most 3 decimals, e.g. "2500" or "12.5"',
          'kilogram berupa angka positif dengan paling banyak 3 desimal, misalnya "2500" atau "12.5"',
        ),
      ),
  )
  .transform((v, ctx) => {
    const grams = toGrams(v, "kg");
    if (grams === undefined || grams > MAX_GRAMS) {
      ctx.addIssue({
        code: "custom",
        message: bilingual(
          "must be more than 0 kg and at most 10,000 t",
          "harus lebih dari 0 kg dan paling banyak 10.000 ton",
        ),
      });
      return z.NEVER;
    }
    return grams;
  })
  .meta({ type: "string", description: 'Kilograms: a decimal string ("2500.5") or a JSON number' });

const Grade = z
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
  .meta({ description: 'Quality grade as the mill grades it, e.g. "SNI mutu I", "A"' });

const RunBody = z.object({
  processCode: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .meta({ description: "From GET /api/v1/processing/processes" }),
  inputs: z
    .array(
      z
        .object({
          lotId: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .optional()
            .meta({ description: "A harvest or product lot id" }),
          lgtin: z
            .string()
            .trim()
            .regex(
              /^urn:epc:class:lgtin:\d{6,12}\.\d{1,7}\.[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,60}$/,
              bilingual(
                "an LGTIN EPC URI: urn:epc:class:lgtin:<prefix>.<item ref>.<lot>",
                "EPC URI LGTIN: urn:epc:class:lgtin:<prefiks>.<ref barang>.<lot>",
              ),
            )
            .optional(),
          kg: Kilograms,
        })
        .refine((i) => (i.lotId === undefined) !== (i.lgtin === undefined), {
          message: bilingual("give either lotId or lgtin, not both", "isi lotId atau lgtin, salah satu saja"),
        }),
    )
    .min(1)
    .max(50)
    .meta({ description: "The lots that went in, with the kilograms of each" }),
  outputs: z
    .array(z.object({ kg: Kilograms, grade: Grade }))
    .min(1)
    .max(50)
    .meta({ description: "What came out: each output becomes a product lot" }),
  productionOrder: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/,
      bilingual(
        "letters, digits and . _ / - only, at most 40 characters",
        "hanya huruf, angka dan . _ / -, paling banyak 40 karakter",
      ),
    )
    .optional()
    .meta({ description: "The production order number (bizTransaction prodorder)" }),
  producedAt: z.string().trim().min(1).max(120).optional().meta({
    description:
      "A corridor site code or SGLN the processor operates (pabrik-tapioka-lampung-tengah); its own works when left out",
  }),
  productionDate: z.iso
    .date()
    .refine((d) => d >= "2000-01-01", {
      message: bilingual("must be in the year 2000 or later", "harus tahun 2000 atau sesudahnya"),
    })
    .optional()
    .meta({ description: "YYYY-MM-DD; today (WIB) when left out" }),
  organisationId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "Admins only: the processor the run belongs to" }),
});

const Commodity = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

const ProcessSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    input: Commodity,
    output: Commodity,
    minYieldPercent: z.number(),
    maxYieldPercent: z.number(),
    source: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Process" });

const RunItemSchema = z.object({
  epc: z.string(),
  kg: z.number().nullable(),
  commodity: Commodity.nullable(),
  via: z
    .string()
    .nullable()
    .meta({ description: "The container (SSCC) the lot was counted in, when it came on one" }),
});

const RunSchema = z
  .object({
    id: z.string(),
    eventId: z.string().meta({ description: "eventID of the TransformationEvent" }),
    at: z.iso.datetime(),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    process: z.object({ code: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
    productionOrder: z.string().nullable(),
    site: z.object({ sgln: z.string(), name: z.string().nullable() }).nullable(),
    inputs: z.array(RunItemSchema),
    outputs: z.array(RunItemSchema),
    inputKg: z.number(),
    outputKg: z.number(),
    yieldPercent: z.number().nullable().meta({ description: "Output mass / input mass, in percent" }),
    range: z.object({ minPercent: z.number(), maxPercent: z.number() }).nullable(),
    flagged: z.boolean(),
    flagReason: z.string().nullable().meta({ description: "Why the run is flagged, in English" }),
    flagReasonId: z.string().nullable().meta({ description: "Why the run is flagged, in Bahasa Indonesia" }),
    productLots: z.array(
      z.object({
        id: z.string(),
        lotCode: z.string(),
        lgtin: z.string(),
        kg: z.number(),
        grade: z.string(),
        digitalLink: z.string(),
      }),
    ),
  })
  .meta({ id: "ProductionRun" });

const RunDetailSchema = RunSchema.extend({
  origins: z.array(
    z.object({
      input: z.string(),
      farms: z.array(
        z.object({
          lgtin: z.string(),
          lotCode: z.string(),
          organisation: z.object({ id: z.string(), name: z.string() }),
          commodity: z.object({ code: z.string(), name: z.string() }),
          harvestDate: z.string().nullable(),
          village: z.object({ code: z.string(), label: z.string().nullable() }).nullable(),
          farmSgln: z.string().nullable(),
          kg: z.number(),
          depth: z.number().int(),
        }),
      ),
    }),
  ),
}).meta({ id: "ProductionRunDetail" });

const ProductLotSchema = z
  .object({
    id: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    commodity: z.object({ code: z.string(), name: z.string() }),
    quantity: z.object({ grams: z.number().int(), kg: z.number() }),
    grade: z.string(),
    productionDate: z.iso.date(),
    process: z.object({ code: z.string(), name: z.string() }),
    productionOrder: z.string().nullable(),
    site: z.object({ sgln: z.string(), name: z.string() }),
    inputs: z.array(
      z.object({ epc: z.string(), grams: z.number().nullable(), commodityCode: z.string().nullable() }),
    ),
    lotCode: z.string(),
    gtin: z.string(),
    lgtin: z.string(),
    digitalLink: z.string(),
    humanReadable: z.string(),
    eventId: z.string(),
    producedAt: z.iso.datetime(),
  })
  .meta({ id: "ProductLot" });

const CandidateSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["harvest", "product"]),
    lgtin: z.string(),
    lotCode: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }),
    commodity: z.object({ code: z.string(), name: z.string() }),
    kg: z.number().meta({ description: "The lot's declared mass" }),
    harvestDate: z.string().nullable(),
    villageLabel: z.string().nullable(),
    productionDate: z.string().nullable(),
  })
  .meta({ id: "InputLot" });

/** A WIB day (YYYY-MM-DD) or an instant with its offset. */
const Moment = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

function startOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
}
/** `to` is inclusive of a whole day when given as a date. */
function endOf(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(new Date(`${value}T00:00:00+07:00`).getTime() + 86_400_000)
    : new Date(new Date(value).getTime() + 1);
}

const RunQuery = Pagination.extend({
  flagged: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true"))
    .meta({ description: "true: only flagged runs; false: only runs that passed" }),
  from: Moment.optional().meta({ description: "Runs on or after this WIB day or instant" }),
  to: Moment.optional().meta({ description: "Runs on or before this WIB day or instant" }),
});

const Binary = z.any().meta({ type: "string", format: "binary" });

export const processingRoutes: FastifyPluginAsyncZod<{ processing: ProcessingService }> = async (
  app,
  { processing },
) => {
  app.get(
    "/api/v1/processing/processes",
    {
      config: { access: access.signedIn },
      schema: {
        tags: ["processing"],
        summary: "Processing steps (hilirisasi) and the yield range each should give",
        response: { 200: z.object({ items: z.array(ProcessSchema) }), ...problems() },
      },
    },
    async () => ({ items: await processing.listProcesses() }),
  );

  app.put(
    "/api/v1/processing/processes/:code",
    {
      config: { access: access.admin },
      schema: {
        tags: ["processing"],
        summary: "Change a process's yield range (admin); runs already checked keep their verdict",
        params: z.object({ code: z.string().min(1).max(64) }),
        body: z.object({
          minYieldPercent: z.number().gt(0).max(100).multipleOf(0.01),
          maxYieldPercent: z.number().gt(0).max(100).multipleOf(0.01),
          source: z.string().trim().min(1).max(300).meta({ description: "Where the figures come from" }),
        }),
        response: { 200: ProcessSchema, ...problems(404) },
      },
    },
    async (req) => processing.updateProcess(req.params.code, req.body),
  );

  app.post(
    "/api/v1/processing/runs",
    {
      config: { access: processors },
      schema: {
        tags: ["processing"],
        summary: "Record a production run: product lots and one TransformationEvent, mass balance checked",
        description:
          "One transaction: a product lot (LGTIN under the processor's GTIN for the output commodity) per " +
          "output, and an EPCIS TransformationEvent (commissioning, active) from the inputs' quantities to the " +
          "outputs', with the production order and ilmd (commodity, process, production date). The yield is " +
          "checked against the process's range; a run outside it is stored and flagged, never refused.",
        body: RunBody,
        response: { 201: RunSchema, ...problems(404) },
      },
    },
    async (req, reply) => {
      const body = req.body;
      const run = await processing.recordRun(req.principal, {
        processCode: body.processCode,
        inputs: body.inputs.map((i) => ({ lotId: i.lotId, lgtin: i.lgtin, grams: i.kg })),
        outputs: body.outputs.map((o) => ({ grams: o.kg, grade: o.grade })),
        productionOrder: body.productionOrder,
        producedAt: body.producedAt,
        productionDate: body.productionDate,
        organisationId: body.organisationId,
      });
      reply.header("location", `/api/v1/processing/runs/${run.id}`);
      return reply.status(201).send(run);
    },
  );

  app.get(
    "/api/v1/processing/runs",
    {
      config: { access: overseers },
      schema: {
        tags: ["processing"],
        summary: "Production runs with their mass balance (processors: their own; dinas and admins: all)",
        querystring: RunQuery,
        response: {
          200: z.object({ items: z.array(RunSchema), nextCursor: z.string().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) =>
      processing.listRuns(req.principal, {
        flagged: req.query.flagged,
        from: req.query.from ? startOf(req.query.from) : undefined,
        to: req.query.to ? endOf(req.query.to) : undefined,
        limit: req.query.limit,
        cursor: req.query.cursor,
      }),
  );

  app.get(
    "/api/v1/processing/runs/:id",
    {
      config: { access: overseers },
      schema: {
        tags: ["processing"],
        summary: "One production run, with each input traced to the farms it came from",
        params: IdParam,
        response: { 200: RunDetailSchema, ...problems(404) },
      },
    },
    async (req) => processing.getRun(req.principal, req.params.id),
  );

  app.get(
    "/api/v1/processing/input-lots",
    {
      config: { access: processors },
      schema: {
        tags: ["processing"],
        summary: "Lots your organisation received in the last 180 days that a process can take",
        querystring: z.object({ commodity: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(CandidateSchema) }), ...problems() },
      },
    },
    async (req) => ({ items: await processing.inputCandidates(req.principal, req.query) }),
  );

  app.get(
    "/api/v1/processing/lots",
    {
      config: { access: overseers },
      schema: {
        tags: ["processing"],
        summary: "Product lots (processors: their own; dinas and admins: all), newest first",
        querystring: Pagination.extend({ commodity: z.string().max(64).optional() }),
        response: {
          200: z.object({ items: z.array(ProductLotSchema), nextCursor: z.string().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => processing.listProductLots(req.principal, req.query),
  );

  app.get(
    "/api/v1/processing/lots/:id",
    {
      config: { access: overseers },
      schema: {
        tags: ["processing"],
        summary: "One product lot",
        params: IdParam,
        response: { 200: ProductLotSchema, ...problems(404) },
      },
    },
    async (req) => processing.getProductLot(req.principal, req.params.id),
  );

  app.get(
    "/api/v1/processing/lots/:id/label.pdf",
    {
      config: { access: overseers },
      schema: {
        tags: ["processing"],
        summary: "The product lot's A6 label (PDF, Bahasa Indonesia) with its GS1 Digital Link as a QR code",
        params: IdParam,
        response: {
          200: { description: "A6 PDF label", content: { "application/pdf": { schema: Binary } } },
          ...problems(404),
        },
      },
    },
    async (req, reply) => {
      const { lot, pdf } = await processing.productLabelPdf(req.principal, req.params.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="label-${lot.lotCode}.pdf"`)
        .send(pdf);
    },
  );
};
