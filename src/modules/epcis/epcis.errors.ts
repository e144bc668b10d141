import { defineErrors } from "../../http/errors";

/** EPCIS 2.0 REST binding exceptions; their problem `type` is the standard's `epcisException:*` name. */
export const EpcisErrors = defineErrors({
  "epcis.validation": {
    status: 400,
    title: { id: "Dokumen EPCIS tidak valid", en: "The EPCIS document is not valid" },
  },
  "epcis.query_parameter": {
    status: 400,
    title: { id: "Parameter kueri EPCIS tidak valid", en: "Invalid EPCIS query parameter" },
  },
  "epcis.no_such_resource": {
    status: 404,
    title: { id: "Event atau tugas capture tidak ditemukan", en: "No such event or capture job" },
  },
  "epcis.capture_limit_exceeded": {
    status: 413,
    title: { id: "Terlalu banyak event dalam satu capture", en: "Capture limit exceeded" },
  },
});

/** Lumbung error code → the EPCIS standard's exception type for problem responses under /epcis. */
export function epcisExceptionFor(code: string, status: number): string {
  switch (code) {
    case "epcis.validation":
    case "request.validation":
    case "request.malformed_json":
    case "request.bad_request":
      return "epcisException:ValidationException";
    case "epcis.query_parameter":
      return "epcisException:QueryParameterException";
    case "epcis.no_such_resource":
    case "route.not_found":
      return "epcisException:NoSuchResourceException";
    case "epcis.capture_limit_exceeded":
    case "request.body_too_large":
      return "epcisException:CaptureLimitExceededException";
    case "auth.unauthenticated":
    case "auth.forbidden":
      return "epcisException:SecurityException";
    default:
      return status >= 500 ? "epcisException:ImplementationException" : "epcisException:ValidationException";
  }
}
