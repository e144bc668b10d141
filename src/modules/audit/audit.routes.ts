import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { access } from "../../http/access";
import { Pagination, problems } from "../../http/schemas";
import type { AuditService } from "./audit.service";

const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorType: z.enum(["user", "client", "anonymous", "system"]),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  organisationId: z.string().nullable(),
  action: z.string(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  status: z.number().int().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    "/api/v1/audit",
    {
      config: { access: access.admin },
      schema: {
        tags: ["audit"],
        summary: "The audit log of every write, newest first",
        querystring: Pagination.extend({
          actorId: z.string().max(100).optional(),
          action: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }),
          ...problems(),
        },
      },
    },
    async (req) => {
      const page = await audit.list(req.query);
      return { ...page, items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })) };
    },
  );
};
