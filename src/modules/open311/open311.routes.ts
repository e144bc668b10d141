import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { errorSpec } from "../../http/errors";
import { logRejection, normaliseError, preferredLanguage } from "../../http/problem";
import { problems } from "../../http/schemas";
import { bilingualText, type Open311Error, Open311Failure } from "./domain/georeport";
import type { CallContext, Open311Service } from "./open311.service";

const tags = ["open311"];

// --- Wire shapes (GeoReport v2, JSON) ---------------------------------------------------------------

const ErrorList = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({
  id: "Open311Errors",
  description: "The spec's error answer: [{code (the HTTP status), description}]",
});

const Discovery = z
  .object({
    changeset: z.string(),
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z.object({
        specification: z.string(),
        url: z.string(),
        changeset: z.string(),
        type: z.enum(["production", "test"]),
        formats: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: "Open311Discovery" });

const Service = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string().nullable(),
    metadata: z.boolean(),
    type: z.enum(["realtime", "batch", "blackbox"]),
    keywords: z.string().nullable(),
    group: z.string().nullable(),
  })
  .meta({ id: "Open311Service" });

const ServiceDefinition = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
        required: z.boolean(),
        datatype_description: z.string().nullable(),
        order: z.number().int().nullable(),
        description: z.string().nullable(),
        values: z.array(z.object({ key: z.string(), name: z.string() })),
      }),
    ),
  })
  .meta({ id: "Open311ServiceDefinition" });

const Request = z
  .object({
    service_request_id: z.string(),
    status: z.enum(["open", "closed"]),
    status_notes: z.string().nullable().meta({ description: "Lapor's state: `state — Bahasa / English`" }),
    service_name: z.string().nullable(),
    service_code: z.string(),
    description: z.string().nullable(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: z.string(),
    updated_datetime: z.string().nullable(),
    expected_datetime: z.string().nullable().meta({ description: "The current stage's deadline" }),
    address: z.string().nullable(),
    address_id: z.string().nullable(),
    zipcode: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable().meta({ description: "The first public photo, absolute" }),
  })
  .meta({ id: "Open311Request" });

const RequestCreated = z
  .object({
    service_request_id: z.string(),
    token: z.string().optional(),
    service_notice: z.string(),
    account_id: z.string(),
  })
  .meta({ id: "Open311RequestCreated" });

const TokenAnswer = z
  .object({ service_request_id: z.string(), token: z.string() })
  .meta({ id: "Open311Token" });

/** A comma list; the same parameter given twice counts as one list. */
const list = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v.join(",") : v))
    .pipe(z.string().max(max))
    .optional();
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ErrorList]));
const common = {
  jurisdiction_id: z.string().max(200).optional().meta({ description: "Accepted and ignored" }),
};

function context(req: FastifyRequest): CallContext {
  return { lang: preferredLanguage(req), origin: `${req.protocol}://${req.host}` };
}

const GENERIC_500 = {
  id: "Terjadi kesalahan di pihak kami; sudah dicatat",
  en: "Something went wrong on our side; it has been logged",
};

/** Any failure under /open311, in the spec's shape: `[{ code, description }]` with the HTTP status. */
function sendOpen311Error(req: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (error instanceof Open311Failure) {
    req.log.info({ status: error.status }, "open311 request rejected");
    return reply.status(error.status).type("application/json; charset=utf-8").send(error.body());
  }
  const appError = normaliseError(error);
  logRejection(req, error, appError);
  for (const [k, v] of Object.entries(appError.extra.headers ?? {})) reply.header(k, v);
  const title = errorSpec(appError.code)?.title;
  let description: string;
  if (appError.status >= 500) description = bilingualText(GENERIC_500);
  else if (appError.extra.errors?.length)
    description = appError.extra.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  else description = `${title ? bilingualText(title) : appError.code}: ${appError.message}`;
  const body: Open311Error[] = [{ code: appError.status, description }];
  return reply.status(appError.status).type("application/json; charset=utf-8").send(body);
}

/** GeoReport v2 under /open311/v2 (JSON), with its own error and not-found answers. */
const geoReport: FastifyPluginAsyncZod<{ open311: Open311Service }> = async (app, { open311 }) => {
  app.setErrorHandler((error, req, reply) => sendOpen311Error(req, reply, error));
  const noRoute = (req: FastifyRequest) =>
    new Open311Failure(404, [
      {
        id: `tidak ada ${req.method} ${req.url.split("?")[0]}; lihat /open311/v2/discovery.json`,
        en: `no ${req.method} ${req.url.split("?")[0]}; see /open311/v2/discovery.json`,
      },
    ]);
  app.setNotFoundHandler((req, reply) => sendOpen311Error(req, reply, noRoute(req)));
  // The web app answers every other GET (`/*`); these catch a GET under /open311 before it does.
  for (const url of ["/", "/*"]) {
    app.get(url, { config: { access: access.public }, schema: { hide: true } }, async (req) => {
      throw noRoute(req);
    });
  }

  app.get(
    "/v2/discovery.json",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Open311 discovery: the GeoReport v2 endpoint, its format and how to get an api_key",
        querystring: z.object(common),
        response: { 200: Discovery, ...errors(400) },
      },
    },
    async (req) => open311.discovery(context(req)),
  );

  app.get(
    "/v2/services.json",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Open311 services: every Lapor category (service_code = category code)",
        description: "Names in Bahasa Indonesia; `Accept-Language: en` for English.",
        querystring: z.object(common),
        response: { 200: z.array(Service), ...errors(400) },
      },
    },
    async (req) => open311.services(context(req)),
  );

  app.get(
    "/v2/services/:service_code.json",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Open311 service definition: the category's extra questions (attributes)",
        params: z.object({ service_code: z.string().min(1).max(100) }),
        querystring: z.object(common),
        response: { 200: ServiceDefinition, ...errors(400, 404) },
      },
    },
    async (req) => open311.serviceDefinition(req.params.service_code, context(req)),
  );

  app.get(
    "/v2/requests.json",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Open311 service requests: public Lapor reports, newest first",
        description:
          "service_request_id (comma list) overrides every other filter. Otherwise service_code (comma list), " +
          "status (open, closed), start_date/end_date (W3C date-time) spanning ≤ 90 days; default the last 90 " +
          "days; at most 1000 per answer (`page`, `page_size` page further). Private reports never appear.",
        querystring: z.object({
          ...common,
          service_request_id: list(110_000),
          service_code: list(2000),
          start_date: z.string().max(40).optional(),
          end_date: z.string().max(40).optional(),
          status: list(20),
          page: z.string().max(10).optional().meta({ description: "Extension: page number from 1" }),
          page_size: z.string().max(10).optional().meta({ description: "Extension: 1–1000, default 1000" }),
        }),
        response: { 200: z.array(Request), ...errors(400) },
      },
    },
    async (req) => open311.requests(req.query, context(req)),
  );

  app.post(
    "/v2/requests.json",
    {
      config: { access: access.public, rateLimit: { max: 120, timeWindow: "1 minute" } },
      // Before the body is validated: a body of another type is refused as such, not as a bad field.
      preValidation: async (req) => {
        const type = String(req.headers["content-type"] ?? "")
          .split(";")[0]
          ?.trim()
          .toLowerCase();
        if (type && type !== "application/x-www-form-urlencoded" && type !== "application/json")
          throw new Open311Failure(415, [
            {
              id: "kirim application/x-www-form-urlencoded (atau application/json)",
              en: "send application/x-www-form-urlencoded (or application/json)",
            },
          ]);
      },
      schema: {
        tags,
        summary: "Open311: file a service request (a public Lapor report) with an api_key",
        description:
          "Form-encoded (application/x-www-form-urlencoded) as the spec says, or JSON. Fields: api_key (or in the " +
          "query string), service_code, lat, long, address_string, description (10–2000), attribute[code]=value " +
          "(attribute[code][]=key for a multivaluelist), email, first_name, last_name, phone, device_id, " +
          "account_id (kept private, never published). media_url is ignored (photos only through the app).",
        querystring: z.object({ ...common, api_key: z.string().max(200).optional() }),
        body: z.record(z.string(), z.unknown()).nullish(),
        response: { 200: z.array(RequestCreated), ...errors(400, 403, 404, 415, 429) },
      },
    },
    async (req) => open311.create(req.body ?? {}, req.query),
  );

  // The wiki's path, and the singular one the official swagger.json names.
  for (const url of ["/v2/requests/:service_request_id.json", "/v2/request/:service_request_id.json"]) {
    app.get(
      url,
      {
        config: { access: access.public },
        schema: {
          tags,
          summary: "Open311: one service request (an array of one)",
          params: z.object({ service_request_id: z.string().min(1).max(100) }),
          querystring: z.object(common),
          response: { 200: z.array(Request), ...errors(400, 404) },
        },
      },
      async (req) => open311.request(req.params.service_request_id, context(req)),
    );
  }

  app.get(
    "/v2/tokens/:token.json",
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: "Open311: the service_request_id behind a token",
        params: z.object({ token: z.string().min(1).max(200) }),
        querystring: z.object(common),
        response: { 200: z.array(TokenAnswer), ...errors(400, 404) },
      },
    },
    async (req) => open311.token(req.params.token),
  );
};

const KeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    createdByUserId: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "Open311ApiKey" });

export const open311Routes: FastifyPluginAsyncZod<{ open311: Open311Service }> = async (app, { open311 }) => {
  await app.register(geoReport, { prefix: "/open311", open311 });

  app.post(
    "/api/v1/open311/keys",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Create an Open311 api_key (shown once; only its SHA-256 is stored)",
        body: z.object({ name: z.string().trim().min(2).max(120) }),
        response: { 201: KeyView.extend({ key: z.string() }), ...problems() },
      },
    },
    async (req, reply) => {
      const userId = req.principal.type === "user" ? req.principal.userId : null;
      return reply
        .status(201)
        .send(await open311.keys.create({ name: req.body.name, createdByUserId: userId }));
    },
  );

  app.get(
    "/api/v1/open311/keys",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "List Open311 api_keys (never the keys themselves)",
        response: { 200: z.object({ items: z.array(KeyView) }), ...problems() },
      },
    },
    async () => ({ items: await open311.keys.list() }),
  );

  app.post(
    "/api/v1/open311/keys/:id/revoke",
    {
      config: { access: access.admin },
      schema: {
        tags,
        summary: "Revoke an Open311 api_key: it is refused from now on",
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: KeyView, ...problems(404) },
      },
    },
    async (req) => open311.keys.revoke(req.params.id),
  );
};
