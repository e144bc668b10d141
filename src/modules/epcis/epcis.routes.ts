import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { AppError } from "../../http/errors";
import { logRejection, normaliseError, sendProblem } from "../../http/problem";
import { ProblemSchema } from "../../http/schemas";
import type { Clock } from "../../lib/clock";
import { EPCIS_CONTEXT_URL } from "./domain/context";
import { EVENT_TYPES } from "./domain/types";
import { epcisExceptionFor } from "./epcis.errors";
import { decodePageToken, encodePageToken, type QueryParams, queryConditions } from "./epcis.query";
import type { EpcisService, ErrorBehaviour } from "./epcis.service";

// Who records corridor events, and who may read them (the dinas watches, it does not capture).
const capturers = access.foodHandlers();
const readers = access.foodOverseers();

const EPCIS_PROBLEMS = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema } as const;

const JsonObject = z.record(z.string(), z.unknown());

const QueryDocument = z
  .object({
    "@context": z.array(z.unknown()),
    type: z.literal("EPCISQueryDocument"),
    schemaVersion: z.literal("2.0"),
    creationDate: z.string(),
    epcisBody: z.object({
      queryResults: z.object({
        queryName: z.string(),
        resultsBody: z.object({ eventList: z.array(JsonObject) }),
      }),
    }),
  })
  .meta({ id: "EPCISQueryDocument" });

const CaptureJob = z.object({
  captureID: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  running: z.boolean(),
  success: z.boolean(),
  captureErrorBehaviour: z.enum(["rollback", "proceed"]),
  eventCount: z.number().int(),
  storedCount: z.number().int(),
  errors: z.array(
    z.object({ eventIndex: z.number().int().nullable(), field: z.string(), message: z.string() }),
  ),
});

const PerPage = z.coerce.number().int().min(1).max(1000).default(100);

export interface EpcisRouteOptions {
  epcis: EpcisService;
  clock: Clock;
}

export const epcisRoutes: FastifyPluginAsyncZod<EpcisRouteOptions> = async (app, { epcis, clock }) => {
  const { maxEventsPerCapture, maxCaptureBytes } = epcis.limits;

  // JSON-LD is JSON: parse it the same way (and just as strictly).
  app.addContentTypeParser(
    "application/ld+json",
    { parseAs: "string" },
    app.getDefaultJsonParser("error", "error"),
  );

  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("GS1-EPCIS-Version", "2.0.0");
    reply.header("GS1-CBV-Version", "2.0.0");
    return payload;
  });

  const epcisType = (e: AppError) => epcisExceptionFor(e.code, e.status);
  app.setErrorHandler((error, req, reply) => {
    const appError = normaliseError(error);
    logRejection(req, error, appError);
    return sendProblem(req, reply, appError, epcisType);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      req,
      reply,
      new AppError("route.not_found", `No EPCIS resource ${req.url.split("?")[0]}`),
      epcisType,
    ),
  );

  function queryDocument(rows: { body: unknown; namespaces: Record<string, string> }[]) {
    const namespaces: Record<string, string> = {};
    for (const r of rows) for (const [k, v] of Object.entries(r.namespaces)) namespaces[k] ??= v;
    return {
      "@context": Object.keys(namespaces).length ? [EPCIS_CONTEXT_URL, namespaces] : [EPCIS_CONTEXT_URL],
      type: "EPCISQueryDocument" as const,
      schemaVersion: "2.0" as const,
      creationDate: clock.now().toISOString(),
      epcisBody: {
        queryResults: {
          queryName: "SimpleEventQuery",
          resultsBody: { eventList: rows.map((r) => r.body as Record<string, unknown>) },
        },
      },
    };
  }

  async function runQuery(req: FastifyRequest, reply: FastifyReply, params: QueryParams) {
    const { perPage: rawPerPage, nextPageToken, ...filters } = params;
    const perPage = PerPage.safeParse(rawPerPage ?? undefined);
    if (!perPage.success) {
      throw new AppError("epcis.query_parameter", "perPage must be a whole number from 1 to 1000", {
        errors: [{ field: "querystring/perPage", message: "must be a whole number from 1 to 1000" }],
      });
    }
    const after = typeof nextPageToken === "string" ? decodePageToken(nextPageToken) : undefined;
    const result = await epcis.query(queryConditions(filters), req.principal, {
      perPage: perPage.data,
      after,
    });
    if (result.nextAfter) {
      const token = encodePageToken(result.nextAfter);
      const url = new URL(req.url, "http://lumbung.local");
      url.searchParams.set("nextPageToken", token);
      reply.header("link", `<${url.pathname}${url.search}>; rel="next"`);
    }
    return queryDocument(result.rows);
  }

  const limitHeaders = (reply: FastifyReply) =>
    reply
      .header("GS1-EPCIS-Capture-Limit", String(maxEventsPerCapture))
      .header("GS1-EPCIS-Capture-File-Size-Limit", String(maxCaptureBytes));

  app.route({
    method: "OPTIONS",
    url: "/capture",
    config: { access: access.public },
    schema: {
      tags: ["epcis"],
      summary: "Capture limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit)",
      response: { 204: z.null() },
    },
    handler: async (_req, reply) =>
      limitHeaders(reply).header("allow", "OPTIONS, POST, GET").status(204).send(null),
  });

  app.post(
    "/capture",
    {
      bodyLimit: maxCaptureBytes,
      config: { access: capturers },
      schema: {
        tags: ["epcis"],
        summary: "Capture an EPCISDocument (application/ld+json or application/json)",
        description:
          "Validates every event (CBV 2.0 vocabularies, declared namespaces, time zones, EPC syntax) before storing. " +
          "With `GS1-Capture-Error-Behaviour: rollback` (default) one invalid event rejects the document and nothing " +
          "is stored; with `proceed` the valid events are stored and the job lists the others. 202 is answered " +
          "after the events are committed.",
        headers: z.object({
          "gs1-capture-error-behaviour": z.enum(["rollback", "proceed"]).optional(),
        }),
        body: JsonObject,
        response: { 202: CaptureJob, 413: ProblemSchema, ...EPCIS_PROBLEMS },
      },
    },
    async (req, reply) => {
      const behaviour: ErrorBehaviour = req.headers["gs1-capture-error-behaviour"] ?? "rollback";
      const result = await epcis.captureDocument(req.body, behaviour, req.principal);
      const job = await epcis.getCapture(result.captureId, req.principal);
      limitHeaders(reply).header("location", `/epcis/capture/${result.captureId}`);
      return reply.status(202).send(jobView(job));
    },
  );

  app.get(
    "/capture/:captureID",
    {
      config: { access: capturers },
      schema: {
        tags: ["epcis"],
        summary: "A capture job: running, success, errors",
        params: z.object({ captureID: z.string().min(1).max(100) }),
        response: { 200: CaptureJob, 404: ProblemSchema, ...EPCIS_PROBLEMS },
      },
    },
    async (req) => jobView(await epcis.getCapture(req.params.captureID, req.principal)),
  );

  app.post(
    "/events",
    {
      config: { access: capturers },
      schema: {
        tags: ["epcis"],
        summary: "Capture one event synchronously",
        body: JsonObject,
        response: { 201: JsonObject, ...EPCIS_PROBLEMS },
      },
    },
    async (req, reply) => {
      const { eventID } = await epcis.captureEvent(req.body, req.principal);
      const stored = await epcis.getEvent(eventID, req.principal);
      reply.header("location", `/epcis/events/${encodeURIComponent(eventID)}`);
      return reply.status(201).send(stored.body as Record<string, unknown>);
    },
  );

  app.get(
    "/events",
    {
      config: { access: readers },
      schema: {
        tags: ["epcis"],
        summary: "Query events (SimpleEventQuery parameters; perPage and nextPageToken)",
        description:
          "Supports eventType, GE_/LT_eventTime, GE_/LT_recordTime, EQ_action, EQ_bizStep, EQ_disposition, " +
          "EQ_readPoint, EQ_bizLocation, EQ_eventID, EXISTS_errorDeclaration, MATCH_epc, MATCH_parentID, " +
          "MATCH_inputEPC, MATCH_outputEPC, MATCH_anyEPC, MATCH_epcClass, MATCH_inputEPCClass, " +
          "MATCH_outputEPCClass, MATCH_anyEPCClass (with urn:epc:idpat patterns), EQ_bizTransaction_<type>, " +
          "EQ_source_<type>, EQ_destination_<type>. The next page is in the Link header (rel=next).",
        querystring: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
        response: { 200: QueryDocument, ...EPCIS_PROBLEMS },
      },
    },
    async (req, reply) => runQuery(req, reply, req.query),
  );

  app.get(
    "/events/:eventID",
    {
      config: { access: readers },
      schema: {
        tags: ["epcis"],
        summary: "One event by eventID",
        params: z.object({ eventID: z.string().min(1).max(500) }),
        response: { 200: QueryDocument, 404: ProblemSchema, ...EPCIS_PROBLEMS },
      },
    },
    async (req) => queryDocument([await epcis.getEvent(req.params.eventID, req.principal)]),
  );

  app.get(
    "/epcs/:epc/events",
    {
      config: { access: readers },
      schema: {
        tags: ["epcis"],
        summary: "Events that name an EPC in any role (MATCH_anyEPC or MATCH_anyEPCClass)",
        params: z.object({ epc: z.string().min(1).max(500) }),
        querystring: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
        response: { 200: QueryDocument, ...EPCIS_PROBLEMS },
      },
    },
    async (req, reply) => {
      const isClass = req.params.epc.startsWith("urn:epc:class:");
      return runQuery(req, reply, {
        ...req.query,
        [isClass ? "MATCH_anyEPCClass" : "MATCH_anyEPC"]: req.params.epc,
      });
    },
  );

  app.get(
    "/eventTypes",
    {
      config: { access: readers },
      schema: {
        tags: ["epcis"],
        summary: "The event types this repository stores",
        response: {
          200: z.object({
            "@context": z.array(z.string()),
            type: z.literal("Collection"),
            member: z.array(z.string()),
          }),
          ...EPCIS_PROBLEMS,
        },
      },
    },
    async () => ({ "@context": [EPCIS_CONTEXT_URL], type: "Collection" as const, member: [...EVENT_TYPES] }),
  );
};

function jobView(job: Awaited<ReturnType<EpcisService["getCapture"]>>) {
  return {
    captureID: job.id,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    running: job.running,
    success: job.success,
    captureErrorBehaviour: job.errorBehaviour,
    eventCount: job.eventCount,
    storedCount: job.storedCount,
    errors: job.errors,
  };
}
