import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { type Access, allowedPersonas } from "./access";

function securityFor(rule: Access | undefined): Record<string, string[]>[] {
  if (!rule || rule.kind === "public") return [];
  if (rule.kind === "partner") return [{ partnerOAuth: rule.scope ? [rule.scope] : [] }];
  return [{ bearer: [] }, { sessionCookie: [] }];
}

/** OpenAPI 3.1 from the route schemas; each operation also states who may call it (`x-lumbung-access`). */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Lumbung API",
        version,
        description:
          "Lumbung: Lampung–DKI Jakarta food corridor and public services. Errors are RFC 9457 " +
          "application/problem+json with a stable `code`. Money is integer rupiah; times are ISO 8601.",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "Session token from POST /api/v1/auth/login",
          },
          sessionCookie: { type: "apiKey", in: "cookie", name: "lumbung_session" },
          partnerOAuth: {
            type: "oauth2",
            flows: {
              clientCredentials: {
                tokenUrl: "/oauth/token",
                scopes: {
                  "products:read": "List and read products",
                  "orders:read": "Read orders",
                  "orders:write": "Create and cancel orders",
                },
              },
            },
          },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const rule = (input.route.config as { access?: Access } | undefined)?.access;
      const personas = rule ? allowedPersonas(rule) : "everyone";
      return {
        ...out,
        schema: {
          ...out.schema,
          security: securityFor(rule),
          "x-lumbung-access": personas === "everyone" ? ["everyone"] : [...personas],
        },
      };
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    uiConfig: { docExpansion: "list", deepLinking: true },
    staticCSP: true,
  });
  app.get("/openapi.json", { config: { access: { kind: "public" } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
