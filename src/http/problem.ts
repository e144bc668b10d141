import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, errorSpec, type FieldError, indonesianFor } from "./errors";

const zodIndonesian = z.locales.id().localeError;
const zodEnglish = z.locales.en().localeError;

function localise(e: FieldError, lang: "id" | "en"): { field: string; message: string } {
  if (lang === "en") return { field: e.field, message: e.message };
  return { field: e.field, message: e.messageId ?? indonesianFor(e.message) ?? e.message };
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** RFC 9457 problem details, plus Lumbung's stable `code` and per-field `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function preferredLanguage(req: FastifyRequest): "id" | "en" {
  const header = req.headers["accept-language"];
  if (typeof header !== "string") return "id";
  // The first listed language wins; Bahasa Indonesia is the default for anything else.
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "id";
}

export function toProblem(req: FastifyRequest, error: AppError): Problem {
  const spec = errorSpec(error.code);
  const lang = preferredLanguage(req);
  const { headers: _headers, errors, ...extra } = error.extra;
  return {
    type: `https://lumbung.go.id/problems/${error.code.replaceAll(".", "/")}`,
    title: spec ? spec.title[lang] : error.code,
    status: error.status,
    detail: error.message,
    instance: req.url.split("?")[0],
    code: error.code,
    ...extra,
    ...(errors ? { errors: errors.map((e) => localise(e, lang)) } : {}),
  };
}

/** `typeFor` lets a standard binding (EPCIS) name its own problem types, e.g. epcisException:…. */
export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  typeFor?: (error: AppError) => string,
): FastifyReply {
  for (const [k, v] of Object.entries(error.extra.headers ?? {})) reply.header(k, v);
  const problem = toProblem(req, error);
  if (typeFor) problem.type = typeFor(error);
  return reply.status(error.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

export function logRejection(req: FastifyRequest, error: unknown, appError: AppError): void {
  if (appError.status >= 500) {
    req.log.error({ err: error, serialization: isResponseSerializationError(error) }, "request failed");
  } else {
    req.log.info({ code: appError.code, status: appError.status }, "request rejected");
  }
}

function validationErrors(error: FastifyError & { validation?: unknown[] }): FieldError[] {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    return error.validation.map((v) => {
      const p = v.instancePath.replace(/^\//, "");
      const message = v.message ?? "is invalid";
      // zod's own wording has an Indonesian locale; our custom messages are registered with bilingual().
      const issue = { code: v.keyword, path: p.split("/"), message, ...v.params } as Parameters<
        typeof zodEnglish
      >[0];
      const text = (r: ReturnType<typeof zodEnglish>) => (typeof r === "string" ? r : r?.message);
      const messageId = text(zodEnglish(issue)) === message ? text(zodIndonesian(issue)) : undefined;
      return { field: p ? `${where}/${p}` : where, message, ...(messageId ? { messageId } : {}) };
    });
  }
  return (error.validation ?? []).map((v) => {
    const item = v as { instancePath?: string; message?: string };
    return {
      field: `${error.validationContext ?? "body"}${item.instancePath ?? ""}`,
      message: item.message ?? "",
    };
  });
}

/** Maps Fastify's own errors to our stable codes; anything unknown is a 500 that leaks nothing. */
export function normaliseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: unknown[] };
  if (e?.validation) {
    const errors = validationErrors(e);
    const summary = errors.map((x) => `${x.field}: ${x.message}`).join("; ");
    return new AppError("request.validation", summary || "The request is not valid", { errors });
  }
  switch (e?.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("request.malformed_json", "The body is not valid JSON");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("request.malformed_json", "The body is empty but its content type says JSON");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("request.body_too_large", "The body is larger than this endpoint accepts");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError(
        "request.unsupported_media_type",
        "This endpoint does not accept that content type",
      );
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new AppError("request.bad_request", "Content-Length does not match the body");
    case "FST_ERR_RATE_LIMIT":
      return new AppError("request.rate_limited", e.message);
  }
  if (e?.statusCode === 429) return new AppError("request.rate_limited", e.message);
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return new AppError("request.malformed_json", "The body is not valid JSON");
  }
  if (typeof e?.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 404) return new AppError("route.not_found", e.message);
    if (e.statusCode === 405) return new AppError("request.method_not_allowed", e.message);
    if (e.statusCode === 413) return new AppError("request.body_too_large", e.message);
    if (e.statusCode === 415) return new AppError("request.unsupported_media_type", e.message);
    return new AppError("request.bad_request", e.message);
  }
  return new AppError("server.internal", "Something went wrong on our side; it has been logged");
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appError = normaliseError(error);
    logRejection(req, error, appError);
    return sendProblem(req, reply, appError);
  });
  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      req,
      reply,
      new AppError("route.not_found", `No route ${req.method} ${req.url.split("?")[0]}`),
    ),
  );
}
