// Lumbung's Open311 GeoReport v2 answers against the official schemas of github.com/open311/schema-validation,
// read in place from ../shared/conformance/open311 (never copied into the project).
//
// The JSON schemas there (services.json, service.json, service-definition.json, requests.json,
// request.json) declare no `$schema`; they use only keywords that mean the same in draft-04 and
// draft-07 (type, enum, required, properties, items, anyOf, maxLength, format), so Ajv's default
// draft-07 validates them as written. services.json and requests.json refer to service.json and
// request.json by file name: each is registered under that name. swagger.json is Swagger 2.0: its
// `definitions` are schemas too (the POST answer and the token answer exist only there). Swagger 2.0
// has no null type, so the Request definition is checked on a request with its null fields left out
// (the JSON schemas allow null for each of them).
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, DEMO_EMAILS, useTestApp } from "../support/app";

const DIR = path.resolve(process.cwd(), "../shared/conformance/open311");
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Swagger's own formats: an identifier, an unsigned integer.
ajv.addFormat("uid", true);
ajv.addFormat("uint", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= 0 });
ajv.addSchema(read("service.json"), "service.json");
ajv.addSchema(read("request.json"), "request.json");
ajv.addSchema(read("swagger.json"), "swagger.json");

const schemas = {
  services: ajv.compile(read("services.json")),
  service: ajv.getSchema("service.json") as ValidateFunction,
  serviceDefinition: ajv.compile(read("service-definition.json")),
  requests: ajv.compile(read("requests.json")),
  request: ajv.getSchema("request.json") as ValidateFunction,
};
const swagger = (name: string) => ajv.compile({ $ref: `swagger.json#/definitions/${name}` });
const swaggerDefs = read("swagger.json").definitions as Record<
  string,
  { properties: Record<string, unknown> }
>;

function expectValid(validate: ValidateFunction, data: unknown) {
  const ok = validate(data);
  if (!ok) throw new Error(`${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 1500)}`);
}

/** The names we answer with are the official ones: every field is a property of the schema, and every
 *  property of the schema is answered (null when unknown), like the spec's examples. */
function expectFieldNames(item: Record<string, unknown>, schema: { properties: Record<string, unknown> }) {
  expect(Object.keys(item).sort()).toEqual(Object.keys(schema.properties).sort());
}

const withoutNulls = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

const ctx = useTestApp();
const V2 = "/open311/v2";
const get = async (url: string) => {
  const res = await ctx.app.inject({ method: "GET", url: `${V2}${url}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(String(res.headers["content-type"])).toMatch(/^application\/json/);
  return res.json();
};

interface Category {
  code: string;
  photoRequired: boolean;
  attributes: { code: string; datatype: string; required: boolean; values?: { key: string }[] }[];
}
let categories: Category[];
const posted: Record<string, unknown>[] = [];
let photoReportId: string;

function requiredAttributes(c: Category, style: "form" | "json") {
  const out: Record<string, unknown> = {};
  for (const a of c.attributes.filter((x) => x.required)) {
    const key = a.values?.[0]?.key ?? "x";
    const v =
      a.datatype === "number"
        ? style === "form"
          ? "2"
          : 2
        : a.datatype === "multivaluelist"
          ? [key]
          : a.datatype === "singlevaluelist"
            ? key
            : a.datatype === "datetime"
              ? "2026-11-30T08:00:00+07:00"
              : "Keterangan";
    if (style === "json") out[a.code] = v;
    else out[`attribute[${a.code}]${a.datatype === "multivaluelist" ? "[]" : ""}`] = v;
  }
  return out;
}

beforeAll(async () => {
  categories = (await ctx.app.inject({ method: "GET", url: "/api/v1/lapor/categories" })).json().items;
  // One Open311 request per category that needs no photo, form-encoded as the spec says.
  for (const c of categories.filter((x) => !x.photoRequired)) {
    const p = new URLSearchParams({
      api_key: "demo-open311-key",
      service_code: c.code,
      lat: "-5.3971",
      long: "105.2668",
      description: `Uji kesesuaian Open311 untuk layanan ${c.code}`,
      email: "penguji@example.id",
    });
    for (const [k, v] of Object.entries(requiredAttributes(c, "form")))
      for (const x of Array.isArray(v) ? v : [v]) p.append(k, String(x));
    const res = await ctx.app.inject({
      method: "POST",
      url: `${V2}/requests.json`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: p.toString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    posted.push(...(res.json() as Record<string, unknown>[]));
  }
  // A citizen's report with a photo (media_url), moved on by the agency (status_notes, history).
  const warga = await ctx.login(DEMO_EMAILS.warga);
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c04020" } })
    .jpeg()
    .toBuffer();
  const photo = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/lapor/photos",
    headers: { ...bearer(warga), "content-type": "image/jpeg" },
    payload: jpeg,
  });
  expect(photo.statusCode, photo.body).toBe(201);
  const c = categories[0] as Category;
  const filed = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/lapor/reports",
    headers: bearer(warga),
    payload: {
      clientRequestId: "conformance-photo-1",
      categoryCode: c.code,
      description: "Laporan dengan foto untuk uji media_url Open311",
      latitude: -5.43,
      longitude: 105.26,
      privacy: "public",
      attributes: requiredAttributes(c, "json"),
      photoIds: [photo.json().id],
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  photoReportId = filed.json().id;
  const admin = await ctx.login(DEMO_EMAILS.admin);
  const accepted = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/lapor/reports/${photoReportId}/actions`,
    headers: bearer(admin),
    payload: { action: "accept", note: "Diterima" },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
});

it("finds the official material", () => {
  expect(Object.keys(swaggerDefs).sort()).toEqual(
    [
      "AttributeValue",
      "Request",
      "RequestResponse",
      "Service",
      "ServiceAttribute",
      "ServiceDefinition",
      "TokenResponse",
    ].sort(),
  );
});

it("has validators that refuse what the schemas forbid", () => {
  const ok = {
    service_request_id: "1",
    status: "open",
    service_code: "x",
    requested_datetime: "2026-11-30T00:00:00Z",
  };
  expect(schemas.requests([ok])).toBe(true);
  expect(schemas.requests([{ ...ok, status: "pending" }])).toBe(false);
  expect(schemas.requests([{ ...ok, requested_datetime: "kemarin" }])).toBe(false);
  expect(schemas.request({ ...ok, lat: "-5.4" })).toBe(false);
  expect(schemas.services([{ service_code: "x", service_name: "X", metadata: "no", type: "realtime" }])).toBe(
    false,
  );
  expect(schemas.serviceDefinition({ service_code: "x", attributes: [{ code: "a" }] })).toBe(false);
  expect(swagger("RequestResponse")({ service_request_id: 5 })).toBe(false);
  expect(swagger("TokenResponse")({ service_request_id: "1", token: "t" })).toBe(true);
  expect(swagger("Request")({ ...ok, address: null })).toBe(false);
});

describe("services.json", () => {
  it("validates against services.json and swagger Service, with the official field names", async () => {
    const services = await get("/services.json");
    expect(services.length).toBe(categories.length);
    expectValid(schemas.services, services);
    const swaggerService = swagger("Service");
    for (const s of services) {
      expectValid(schemas.service, s);
      expectValid(swaggerService, s);
      expectFieldNames(s, read("service.json") as never);
    }
  });

  it("validates in English too", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: `${V2}/services.json`,
      headers: { "accept-language": "en" },
    });
    expectValid(schemas.services, res.json());
  });
});

describe("services/{service_code}.json", () => {
  it("validates every service definition against service-definition.json and swagger", async () => {
    const defSchema = read("service-definition.json") as {
      properties: { attributes: { items: { properties: Record<string, unknown> } } };
    };
    const swaggerDef = swagger("ServiceDefinition");
    let attributes = 0;
    for (const c of categories) {
      const def = await get(`/services/${c.code}.json`);
      expectValid(schemas.serviceDefinition, def);
      expectValid(swaggerDef, def);
      expectFieldNames(def, defSchema as never);
      for (const a of def.attributes) {
        expectFieldNames(a, defSchema.properties.attributes.items as never);
        attributes++;
      }
    }
    expect(attributes).toBeGreaterThan(0);
  });
});

describe("requests.json", () => {
  it("answers POST as swagger's RequestResponse", () => {
    expect(posted.length).toBeGreaterThan(0);
    const validate = swagger("RequestResponse");
    for (const p of posted) {
      expectValid(validate, p);
      for (const k of Object.keys(p))
        expect(Object.keys(swaggerDefs.RequestResponse?.properties ?? {})).toContain(k);
    }
  });

  it("validates GET against requests.json, each request against request.json and swagger", async () => {
    const requests = await get("/requests.json");
    expect(requests.length).toBeGreaterThanOrEqual(posted.length + 1);
    expectValid(schemas.requests, requests);
    const swaggerRequest = swagger("Request");
    for (const r of requests) {
      expectValid(schemas.request, r);
      expectValid(swaggerRequest, withoutNulls(r));
      expectFieldNames(r, read("request.json") as never);
    }
    const withPhoto = requests.find(
      (r: { service_request_id: string }) => r.service_request_id === photoReportId,
    );
    expect(withPhoto.media_url).toMatch(/^http:\/\/localhost(:80)?\/api\/v1\/lapor\/photos\//);
    expect(withPhoto.status_notes).toMatch(/^koordinasi — /);
  });

  it("validates every filter's answer", async () => {
    const ids = posted.map((p) => p.service_request_id).join(",");
    const since = new Date(Date.now() - 86_400_000).toISOString();
    for (const q of [
      `service_request_id=${ids}`,
      `service_code=${categories[0]?.code}`,
      "status=open",
      "status=closed",
      `start_date=${encodeURIComponent(since)}`,
      `end_date=${encodeURIComponent(new Date().toISOString())}`,
    ]) {
      const answer = await get(`/requests.json?${q}`);
      expectValid(schemas.requests, answer);
    }
  });
});

describe("requests/{id}.json and tokens/{token}.json", () => {
  it("answers one request in an array, valid against requests.json", async () => {
    for (const p of [...posted.slice(0, 3), { service_request_id: photoReportId }]) {
      const answer = await get(`/requests/${p.service_request_id}.json`);
      expect(answer).toHaveLength(1);
      expectValid(schemas.requests, answer);
      expectValid(swagger("Request"), withoutNulls(answer[0]));
    }
  });

  it("answers a token as swagger's TokenResponse", async () => {
    const withToken = posted.filter((p) => typeof p.token === "string");
    const validate = swagger("TokenResponse");
    for (const p of withToken.slice(0, 3)) {
      const answer = await get(`/tokens/${p.token}.json`);
      expect(answer).toEqual([{ service_request_id: p.service_request_id, token: p.token }]);
      for (const t of answer) expectValid(validate, t);
    }
  });
});

describe("discovery.json (no official schema: the spec's fields)", () => {
  it("names the GeoReport v2 specification, a JSON endpoint and its type", async () => {
    const d = await get("/discovery.json");
    expect(Object.keys(d).sort()).toEqual(["changeset", "contact", "endpoints", "key_service"]);
    for (const e of d.endpoints) {
      expect(Object.keys(e).sort()).toEqual(["changeset", "formats", "specification", "type", "url"]);
      expect(e.specification).toBe("http://wiki.open311.org/GeoReport_v2");
      expect(e.formats).toEqual(["application/json"]);
      expect(["production", "test"]).toContain(e.type);
      expect(Number.isNaN(Date.parse(e.changeset))).toBe(false);
    }
  });
});

describe("errors (the spec's [{code, description}])", () => {
  it("answers 400, 403 and 404 as an array of code and description", async () => {
    const cases = [
      { method: "GET" as const, url: `${V2}/requests.json?start_date=bogus`, status: 400 },
      {
        method: "POST" as const,
        url: `${V2}/requests.json`,
        status: 403,
        payload: {
          service_code: categories[0]?.code,
          lat: -5.4,
          long: 105.2,
          description: "cukup panjang sekali",
        },
      },
      { method: "GET" as const, url: `${V2}/services/nope.json`, status: 404 },
      { method: "GET" as const, url: `${V2}/requests/lpr_nope.json`, status: 404 },
      { method: "GET" as const, url: `${V2}/tokens/nope.json`, status: 404 },
    ];
    const errorSchema = ajv.compile({
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["code", "description"],
        additionalProperties: false,
        properties: { code: { type: "integer" }, description: { type: "string", minLength: 1 } },
      },
    });
    for (const c of cases) {
      const res = await ctx.app.inject(c);
      expect(res.statusCode, `${c.url}: ${res.body}`).toBe(c.status);
      expect(String(res.headers["content-type"])).toMatch(/^application\/json/);
      expectValid(errorSchema, res.json());
      expect(res.json()[0].code).toBe(c.status);
    }
  });
});
