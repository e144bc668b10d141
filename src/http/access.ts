import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "./errors";

/** Who a signed-in caller is, for authorisation: the platform admin, a citizen, or an organisation kind. */
export const PERSONAS = [
  "admin",
  "warga",
  "koperasi",
  "farmer",
  "umkm",
  "bumd",
  "hub_operator",
  "warehouse_operator",
  "carrier",
  "processor",
  "dinas",
  "partner",
] as const;
export type Persona = (typeof PERSONAS)[number];
export const USER_PERSONAS = PERSONAS.filter((p) => p !== "partner");

export type Principal =
  | {
      type: "user";
      userId: string;
      name: string;
      isAdmin: boolean;
      persona: Persona;
      sessionId: string;
      organisationId: string | null;
      organisationKind: string | null;
      membershipRole: string | null;
    }
  | { type: "client"; clientId: string; organisationId: string; scopes: string[]; persona: "partner" }
  | { type: "anonymous" };

/**
 * What a route declares about its callers. Deny by default: a route without a declaration
 * refuses to register, so nobody can forget one.
 */
export type Access =
  | { kind: "public" }
  | { kind: "personas"; personas: readonly Persona[] }
  | { kind: "partner"; scope: string | null };

/** Organisations that handle corridor food and record its movements. */
export const FOOD_HANDLERS: readonly Persona[] = [
  "koperasi",
  "farmer",
  "umkm",
  "bumd",
  "hub_operator",
  "warehouse_operator",
  "carrier",
  "processor",
];

export const access = {
  public: { kind: "public" } as Access,
  /** Any signed-in person (citizens, operators, admins); not partner clients. */
  signedIn: { kind: "personas", personas: USER_PERSONAS } as Access,
  admin: { kind: "personas", personas: ["admin"] } as Access,
  /** The listed personas; the platform admin is always included. */
  personas: (...personas: Persona[]): Access => ({
    kind: "personas",
    personas: [...new Set<Persona>(["admin", ...personas])],
  }),
  /** A partner platform's OAuth client; with a scope, the token must carry it. */
  partner: (scope: string | null = null): Access => ({ kind: "partner", scope }),
  /** Those who handle corridor food (and admins). */
  foodHandlers: (): Access => access.personas(...FOOD_HANDLERS),
  /** Those who handle corridor food, and the dinas that oversees it (reads, never records). */
  foodOverseers: (): Access => access.personas(...FOOD_HANDLERS, "dinas"),
};

export function allowedPersonas(a: Access): readonly Persona[] | "everyone" {
  if (a.kind === "public") return "everyone";
  if (a.kind === "partner") return ["partner"];
  return a.personas;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal;
  }
}

/** Resolves a request's credentials; may answer at once when there are none to look up. */
export type Authenticator = (req: FastifyRequest) => Principal | Promise<Principal>;

// Routes that plugins register for us (the API reference UI); they are documentation, public by nature.
const PLUGIN_PUBLIC_PREFIXES = ["/docs"];

export interface RouteAccessEntry {
  method: string;
  url: string;
  access: Access;
}

export function registerAccessControl(app: FastifyInstance, authenticate: Authenticator): RouteAccessEntry[] {
  const table: RouteAccessEntry[] = [];
  // null: Fastify forbids reference-type defaults; onRequest sets it before any handler runs.
  app.decorateRequest("principal", null as never);

  app.addHook("onRoute", (route) => {
    const declared = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!declared) {
      if (PLUGIN_PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
        route.config = { ...route.config, access: access.public };
      } else {
        throw new Error(`Route ${methods.join(",")} ${route.url} declares no access rule (deny by default)`);
      }
    }
    for (const m of methods) {
      if (m !== "HEAD")
        table.push({ method: m, url: route.url, access: route.config?.access ?? access.public });
    }
  });

  // A callback hook: an anonymous request (the public board, the web app's files) resolves without a
  // promise, which is measurable at thousands of requests a second.
  app.addHook("onRequest", (req, _reply, done) => {
    const principal = authenticate(req);
    if (principal instanceof Promise) principal.then((p) => admit(req, p, done), done);
    else admit(req, principal, done);
  });
  return table;
}

// Module-level, not a closure per request: the hook above runs for every request.
function admit(req: FastifyRequest, principal: Principal, done: (err?: Error) => void): void {
  req.principal = principal;
  const rule = req.routeOptions.config?.access;
  if (!rule) {
    done(); // unknown route: the not-found handler answers
    return;
  }
  try {
    authorise(principal, rule);
  } catch (err) {
    done(err as Error);
    return;
  }
  done();
}

export function authorise(principal: Principal, rule: Access): void {
  if (rule.kind === "public") return;
  if (principal.type === "anonymous") {
    throw new AppError("auth.unauthenticated", "Sign in, or send a valid bearer token", {
      headers: {
        "www-authenticate": rule.kind === "partner" ? 'Bearer realm="partner"' : 'Bearer realm="lumbung"',
      },
    });
  }
  if (rule.kind === "partner") {
    if (principal.type !== "client")
      throw new AppError("auth.forbidden", "Only partner platforms may call this");
    if (rule.scope && !principal.scopes.includes(rule.scope)) {
      throw new AppError("auth.forbidden", `The token lacks the scope ${rule.scope}`);
    }
    return;
  }
  if (!rule.personas.includes(principal.persona)) {
    throw new AppError("auth.forbidden", `This needs one of: ${rule.personas.join(", ")}`);
  }
}

export function requireUser(req: FastifyRequest): Extract<Principal, { type: "user" }> {
  if (req.principal.type !== "user") throw new AppError("auth.unauthenticated");
  return req.principal;
}
