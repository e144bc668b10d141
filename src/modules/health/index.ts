import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseKind } from "../../db/client";
import { access } from "../../http/access";

export interface Readiness {
  ready: boolean;
  phase: "migrating" | "seeding" | "ready";
}

export const healthRoutes: FastifyPluginAsyncZod<{
  dbKind: DatabaseKind;
  version: string;
  demo: boolean;
  readiness: Readiness;
}> = async (app, { dbKind, version, demo, readiness }) => {
  const Health = z.object({
    status: z.enum(["ok", "starting"]),
    db: z.enum(["pglite", "postgres"]),
    version: z.string(),
    phase: z.enum(["migrating", "seeding", "ready"]),
    demo: z.boolean().meta({ description: "Demo accounts are seeded (never in production)" }),
  });
  app.get(
    "/health",
    {
      config: { access: access.public, rateLimit: false },
      schema: {
        tags: ["health"],
        summary: "Readiness: 200 when migrated and serving, 503 while migrations run",
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const body = {
        status: readiness.ready ? "ok" : "starting",
        db: dbKind,
        version,
        phase: readiness.phase,
        demo,
      } as const;
      return reply.status(readiness.ready ? 200 : 503).send(body);
    },
  );
  app.get(
    "/health/live",
    {
      config: { access: access.public },
      schema: {
        tags: ["health"],
        summary: "Liveness: the process answers",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );
};
