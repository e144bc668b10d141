import { stringify } from "csv-stringify/sync";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { bilingual } from "../../http/errors";
import { IdParam, problems } from "../../http/schemas";
import { MAX_PRICE } from "./domain/rows";
import { createBoardEncodings, etagMatches, negotiateCoding } from "./prices.board-cache";
import type { PricesService } from "./prices.service";
import { OBSERVATION_STATUSES, PRICE_LEVELS } from "./prices.tables";

// Price enumerators: the dinas (its market surveyors), the BUMDs that run markets and wholesale centres,
// and the platform admin (always included).
const recorders = access.personas("dinas", "bumd");

const Day = z.iso.date().refine((d) => d >= "2000-01-01" && d <= "2100-12-31", {
  message: bilingual("must be a date between 2000 and 2100", "harus tanggal antara tahun 2000 dan 2100"),
});
const Level = z.enum(PRICE_LEVELS);

const ObservationSchema = z
  .object({
    id: z.string(),
    commodityCode: z.string(),
    regionCode: z.string(),
    marketId: z.string().nullable(),
    marketCode: z.string().nullable(),
    level: Level,
    date: z.string(),
    price: z.number().int().meta({ description: "Rupiah per the commodity's unit" }),
    status: z.enum(OBSERVATION_STATUSES),
    holdReason: z.record(z.string(), z.unknown()).nullable(),
    source: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "PriceObservation" });

const Counts = {
  inserted: z.number().int(),
  unchanged: z.number().int(),
  updated: z.number().int(),
  held: z.number().int().meta({ description: "Stored but held for review as likely typing slips" }),
};

const RowErrorSchema = z.object({ line: z.number().int(), column: z.string(), reason: z.string() });

const ObservationInput = z.object({
  commodityCode: z.string().trim().min(1).max(64),
  marketCode: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .meta({ description: "From GET /api/v1/public/prices/markets" }),
  regionCode: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .optional()
    .meta({ description: "Kemendagri code, for a region-level price without a market" }),
  level: Level.optional().meta({ description: "Defaults to the market's level, or retail" }),
  date: Day,
  price: z
    .number()
    .int()
    .min(1)
    .max(MAX_PRICE)
    .meta({ description: "Whole rupiah per the commodity's unit" }),
});

const ListQuery = z.object({
  commodity: z.string().max(64).optional(),
  region: z
    .string()
    .max(20)
    .optional()
    .meta({ description: "Kemendagri code; includes the regions below it" }),
  market: z.string().max(64).optional().meta({ description: "Market code" }),
  level: Level.optional(),
  status: z.enum(OBSERVATION_STATUSES).optional(),
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const OpenQuery = z.object({
  commodity: z.string().max(64).optional(),
  region: z.string().max(20).optional(),
  market: z.string().max(64).optional(),
  level: Level.optional(),
  from: Day.optional(),
  to: Day.optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
});

const OpenRow = z.object({
  date: z.string(),
  commodityCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  marketCode: z.string().nullable(),
  marketName: z.string().nullable(),
  level: Level,
  price: z.number().int(),
  unit: z.string(),
});

const PUBLIC_CACHE = "public, max-age=60, stale-while-revalidate=300";

export const pricesRoutes: FastifyPluginAsyncZod<{ prices: PricesService }> = async (app, { prices }) => {
  const encodedBoard = createBoardEncodings();
  // Encapsulated in this plugin: only the import route reads CSV bodies.
  app.addContentTypeParser(
    ["text/csv", "text/plain"],
    { parseAs: "string", bodyLimit: 256 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    "/api/v1/public/prices/markets",
    {
      config: { access: access.public },
      schema: {
        tags: ["prices"],
        summary: "Markets, wholesale centres and farm gates where prices are observed",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                name: z.string(),
                regionCode: z.string(),
                level: Level,
                operator: z.string().nullable(),
                latitude: z.number().nullable(),
                longitude: z.number().nullable(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (_req, reply) => {
      reply.header("cache-control", PUBLIC_CACHE);
      return { items: await prices.listMarkets() };
    },
  );

  app.post(
    "/api/v1/prices/observations",
    {
      config: { access: recorders },
      schema: {
        tags: ["prices"],
        summary: "Record prices (a batch; idempotent per market, commodity, level and date)",
        description:
          "All or nothing. The same price again changes nothing; a different price replaces the stored one and " +
          "the change is kept. A price ×3 or more (or ⅓ or less) of the series' median over the previous 60 days " +
          "is stored as held for review and left out of every aggregate until accepted.",
        body: z.object({ observations: z.array(ObservationInput).min(1).max(5000) }),
        response: { 200: z.object(Counts), ...problems(422) },
      },
    },
    async (req) => prices.record(req.principal, req.body.observations),
  );

  app.get(
    "/api/v1/prices/observations",
    {
      config: { access: recorders },
      schema: {
        tags: ["prices"],
        summary: "Stored observations, any status, newest date first",
        querystring: ListQuery,
        response: {
          200: z.object({ items: z.array(ObservationSchema), nextOffset: z.number().int().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => prices.list(req.query),
  );

  app.post(
    "/api/v1/prices/import",
    {
      config: { access: recorders },
      bodyLimit: 256 * 1024 * 1024,
      schema: {
        tags: ["prices"],
        summary: "Import a CSV file (Lumbung's format or Panel Harga's long format)",
        description:
          "Body: the CSV text (`Content-Type: text/csv`). Lumbung format: `date,commodity,region,market,level,price`. " +
          "Panel Harga: `Tanggal` (dd/mm/yyyy or mm/yyyy), `Komoditas`, `Provinsi`, optional `Kabupaten/Kota`, " +
          "`Pasar`, `Tingkat`, and `Harga`. Rows that cannot be read or mapped are listed with line and reason; " +
          "the whole file is refused (422) unless `skipInvalid=true`.",
        querystring: z.object({
          skipInvalid: z
            .enum(["true", "false"])
            .default("false")
            .transform((v) => v === "true"),
        }),
        body: z.string().min(1).meta({ description: "CSV text" }),
        response: {
          200: z.object({
            format: z.string(),
            rows: z.number().int(),
            ...Counts,
            skipped: z.number().int(),
            noPrice: z.number().int().meta({ description: "Rows with an empty price (no figure published)" }),
            skippedRows: z.array(RowErrorSchema),
          }),
          ...problems(413, 415, 422),
        },
      },
    },
    async (req) => prices.importCsv(req.principal, req.body, { skipInvalid: req.query.skipInvalid }),
  );

  app.get(
    "/api/v1/prices/review",
    {
      config: { access: recorders },
      schema: {
        tags: ["prices"],
        summary: "Observations held for review (likely typing slips), oldest first",
        response: { 200: z.object({ items: z.array(ObservationSchema) }), ...problems() },
      },
    },
    async () => ({ items: await prices.reviewQueue() }),
  );

  for (const decision of ["accept", "reject"] as const) {
    app.post(
      `/api/v1/prices/review/:id/${decision}`,
      {
        config: { access: recorders },
        schema: {
          tags: ["prices"],
          summary:
            decision === "accept"
              ? "Accept a held observation: it counts in aggregates from now on"
              : "Reject a held observation: it stays on record but never counts",
          params: IdParam,
          response: { 200: ObservationSchema, ...problems(404, 409) },
        },
      },
      async (req) => prices[decision](req.principal, req.params.id),
    );
  }

  app.get(
    "/api/v1/public/prices/board",
    {
      config: { access: access.public },
      schema: {
        tags: ["prices"],
        summary: "Price board: latest prices per commodity and market, changes, and the gap to HET/HAP",
        description:
          "Each series' latest accepted price within 7 days up to `date` (default today in WIB), its change in % " +
          "against the latest price on or before 1, 7 and 30 days earlier, the reference price in force for the " +
          "region's HET zone (consumer references for retail, producer ones for farm gates) and the gap in %. " +
          "Entries with `aggregate: true` are province medians of the markets. Sent brotli- or gzip-compressed " +
          "when Accept-Encoding allows; answers 304 when If-None-Match holds the current ETag.",
        querystring: z.object({ date: Day.optional() }),
        response: {
          200: z.any().meta({ description: "Board" }),
          304: z.any().meta({ description: "Not modified (If-None-Match)" }),
          ...problems(),
        },
      },
    },
    async (req, reply) => {
      const { json, etag } = await prices.boardJson(req.query.date);
      const coding = negotiateCoding(req.headers["accept-encoding"]);
      reply
        .header("cache-control", PUBLIC_CACHE)
        .header("vary", "accept-encoding")
        .header("etag", coding === "identity" ? etag : `W/${etag}`);
      if (etagMatches(req.headers["if-none-match"], etag)) return reply.status(304).send();
      const { bodies } = await encodedBoard(json, etag);
      if (coding !== "identity") reply.header("content-encoding", coding);
      // Bytes with a content type: Fastify sends them as they are, without the route's serialiser.
      return reply.type("application/json; charset=utf-8").send(bodies[coding]);
    },
  );

  app.get(
    "/api/v1/public/prices/series",
    {
      config: { access: access.public },
      schema: {
        tags: ["prices"],
        summary: "One price series for charts, with the reference prices that applied",
        querystring: z.object({
          commodity: z.string().min(1).max(64),
          region: z.string().min(2).max(20),
          market: z.string().max(64).optional(),
          level: Level.default("retail"),
          from: Day.optional(),
          to: Day.optional(),
        }),
        response: {
          200: z.object({
            commodity: z.object({ code: z.string(), name: z.string(), unit: z.string() }),
            regionCode: z.string(),
            market: z.object({ code: z.string(), name: z.string() }).nullable(),
            level: Level,
            zone: z.string(),
            points: z.array(z.object({ date: z.string(), price: z.number().int() })),
            references: z.array(
              z.object({
                kind: z.string(),
                min: z.number().int().nullable(),
                max: z.number().int(),
                effectiveFrom: z.string(),
                source: z.string(),
              }),
            ),
          }),
          ...problems(),
        },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", PUBLIC_CACHE);
      return prices.publicSeries(req.query);
    },
  );

  app.get(
    "/api/v1/public/prices.json",
    {
      config: { access: access.public },
      schema: {
        tags: ["prices"],
        summary: "Open data: accepted price observations as JSON (CC BY 4.0)",
        querystring: OpenQuery,
        response: { 200: z.object({ license: z.string(), items: z.array(OpenRow) }), ...problems() },
      },
    },
    async (req, reply) => {
      reply.header("cache-control", PUBLIC_CACHE);
      return { license: "CC-BY-4.0", items: await prices.openData(req.query) };
    },
  );

  app.get(
    "/api/v1/public/prices.csv",
    {
      config: { access: access.public },
      schema: {
        tags: ["prices"],
        summary: "Open data: accepted price observations as CSV (CC BY 4.0)",
        querystring: OpenQuery,
        response: { 200: z.string().meta({ description: "text/csv" }), ...problems() },
      },
    },
    async (req, reply) => {
      const rows = await prices.openData(req.query);
      const csv = stringify(rows, {
        header: true,
        columns: [
          "date",
          "commodityCode",
          "regionCode",
          "regionName",
          "marketCode",
          "marketName",
          "level",
          "price",
          "unit",
        ],
      });
      reply
        .header("cache-control", PUBLIC_CACHE)
        .header("content-disposition", 'attachment; filename="harga-lumbung.csv"')
        .type("text/csv; charset=utf-8");
      return csv;
    },
  );
};
