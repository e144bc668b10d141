import { beforeAll, describe, expect, it } from "vitest";
import { PERSONAS, type Persona } from "../../src/http/access";
import { bearer, DEMO_EMAILS, expectProblem, useTestApp } from "../support/app";

const t = useTestApp();

type Operation = { method: string; path: string; access: string[] };
const tokens = new Map<Persona, string>();
const emails = new Map<Persona, string>();

async function addPersonaUser(adminToken: string, orgName: string, kind: string, email: string) {
  const orgs = await t.app.inject({
    method: "GET",
    url: `/api/v1/organisations?kind=${kind}`,
    headers: bearer(adminToken),
  });
  let org = orgs.json().items.find((o: { name: string }) => o.name === orgName);
  if (!org) {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: bearer(adminToken),
      payload: { name: orgName, kind, regionCode: "18.02" },
    });
    expect(created.statusCode).toBe(201);
    org = created.json();
  }
  const member = await t.app.inject({
    method: "POST",
    url: `/api/v1/organisations/${org.id}/members`,
    headers: bearer(adminToken),
    payload: { email, name: `Uji ${kind}`, password: "kata-sandi-uji", role: "member" },
  });
  expect(member.statusCode).toBe(201);
}

function operations(doc: {
  paths: Record<string, Record<string, { "x-lumbung-access"?: string[] }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops.push({ method: method.toUpperCase(), path, access: op["x-lumbung-access"] ?? [] });
    }
  }
  return ops;
}

function concrete(path: string): string {
  return path.replace(/\{[^}]+\}/g, "does-not-exist");
}

beforeAll(async () => {
  const admin = await t.login(DEMO_EMAILS.admin);
  // Personas without a demo account get one here, through the admin API.
  await addPersonaUser(admin, "Petani Uji Lampung Tengah", "farmer", "farmer@uji.test");
  await addPersonaUser(admin, "Pabrik Tapioka Lampung Tengah", "processor", "processor@uji.test");
  for (const [persona, email] of Object.entries(DEMO_EMAILS)) emails.set(persona as Persona, email);
  emails.set("farmer", "farmer@uji.test");
  emails.set("processor", "processor@uji.test");
  for (const [persona, email] of emails) {
    tokens.set(persona, await t.login(email, email.endsWith("@uji.test") ? "kata-sandi-uji" : undefined));
  }
  tokens.set("partner", await t.partnerToken());
});

describe("authorisation in one place: every route declares who may call it", () => {
  it("every registered route has an access rule and every API route is in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const documented = new Set(operations(doc).map((o) => `${o.method} ${o.path}`));
    for (const route of t.app.routeAccess) {
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
      const isApi = /^\/(api|oauth|partner|health)/.test(route.url);
      if (isApi) {
        const openapiPath = route.url.replace(/:(\w+)/g, "{$1}");
        expect(
          documented.has(`${route.method} ${openapiPath}`),
          `${route.method} ${route.url} documented`,
        ).toBe(true);
      }
    }
  });

  it("walks every route in the OpenAPI document with every persona and gets what the route declares", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(10);
    const callers: (Persona | "anonymous")[] = ["anonymous", ...PERSONAS];
    const mismatches: string[] = [];
    for (const op of ops) {
      expect(op.access.length, `${op.method} ${op.path} declares x-lumbung-access`).toBeGreaterThan(0);
      for (const caller of callers) {
        const token = caller === "anonymous" ? undefined : tokens.get(caller);
        expect(caller === "anonymous" || token, `token for ${caller}`).toBeTruthy();
        const res = await t.app.inject({
          method: op.method as "GET",
          url: concrete(op.path),
          headers: token ? bearer(token) : {},
          ...(op.method === "GET" ? {} : { payload: {} }),
        });
        const allowed =
          op.access.includes("everyone") || (caller !== "anonymous" && op.access.includes(caller));
        const expected = allowed ? "not 401/403" : caller === "anonymous" ? "401" : "403";
        const ok = allowed
          ? res.statusCode !== 401 && res.statusCode !== 403
          : res.statusCode === (caller === "anonymous" ? 401 : 403);
        if (!ok || res.statusCode >= 500) {
          mismatches.push(
            `${op.method} ${op.path} as ${caller}: expected ${expected}, got ${res.statusCode}`,
          );
        }
        // Logging out ends the walker's session; sign back in for the next route.
        if (
          op.path === "/api/v1/auth/logout" &&
          res.statusCode === 204 &&
          caller !== "anonymous" &&
          caller !== "partner"
        ) {
          const email = emails.get(caller) as string;
          tokens.set(
            caller,
            await t.login(email, email.endsWith("@uji.test") ? "kata-sandi-uji" : undefined),
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Every operation × every persona, one after another: a few hundred requests per operation group.
  }, 240_000);
});

describe("organisation scoping", () => {
  it("one koperasi never sees another organisation; admins see all", async () => {
    const adminOrgs = await t.app.inject({
      method: "GET",
      url: "/api/v1/organisations",
      headers: bearer(tokens.get("admin") as string),
    });
    const all = adminOrgs.json().items as { id: string; name: string }[];
    const foodStation = all.find((o) => o.name === "PT Food Station Tjipinang Jaya");
    const gapoktan = all.find((o) => o.name === "Gapoktan Sari Makmur");
    expect(foodStation && gapoktan).toBeTruthy();

    const koperasi = tokens.get("koperasi") as string;
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/organisations",
      headers: bearer(koperasi),
    });
    expect(mine.json().items.map((o: { name: string }) => o.name)).toEqual(["Gapoktan Sari Makmur"]);
    const own = await t.app.inject({
      method: "GET",
      url: `/api/v1/organisations/${gapoktan?.id}`,
      headers: bearer(koperasi),
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().members.some((m: { email: string }) => m.email === DEMO_EMAILS.koperasi)).toBe(true);
    const other = await t.app.inject({
      method: "GET",
      url: `/api/v1/organisations/${foodStation?.id}`,
      headers: bearer(koperasi),
    });
    expectProblem(other, 404, "identity.organisation_not_found");
  });

  it("refuses an organisation in a region Kemendagri does not list, and a duplicate name", async () => {
    const admin = tokens.get("admin") as string;
    const unknownRegion = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: bearer(admin),
      payload: { name: "Koperasi Antah Berantah", kind: "koperasi", regionCode: "18.99" },
    });
    expect(expectProblem(unknownRegion, 400, "request.validation").errors?.[0]?.field).toBe(
      "body/regionCode",
    );
    const duplicate = await t.app.inject({
      method: "POST",
      url: "/api/v1/organisations",
      headers: bearer(admin),
      payload: { name: "gapoktan sari makmur", kind: "koperasi" },
    });
    expectProblem(duplicate, 409, "identity.organisation_exists");
  });

  it("only an organisation's admins add members", async () => {
    const processor = tokens.get("processor") as string; // a plain member of the tapioca mill
    const orgs = await t.app.inject({
      method: "GET",
      url: "/api/v1/organisations",
      headers: bearer(processor),
    });
    const mill = orgs.json().items[0];
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/organisations/${mill.id}/members`,
      headers: bearer(processor),
      payload: { email: "baru@uji.test", name: "Pegawai Baru", password: "kata-sandi-uji", role: "member" },
    });
    expectProblem(res, 403, "auth.forbidden");
  });
});
