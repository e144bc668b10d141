import type { FastifyInstance } from "fastify";
import type { AuditService } from "./audit.service";

export { auditRoutes } from "./audit.routes";
export { type AuditEntry, type AuditService, createAuditService } from "./audit.service";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every write through the HTTP door is recorded once it is answered (just before the answer leaves), whether it succeeded or was
 * refused: who, what route, which ids, the outcome, from where. Bodies are never stored (they may
 * hold personal data); modules add domain detail with their own `record` calls.
 */
export function auditWrites(app: FastifyInstance, audit: AuditService): void {
  // onSend, not onResponse: the record exists before the caller sees the answer.
  app.addHook("onSend", async (req, reply, payload) => {
    if (!WRITE_METHODS.has(req.method) || !req.routeOptions.url) return payload;
    try {
      await audit.record({
        principal: req.principal ?? { type: "anonymous" },
        action: `${req.method} ${req.routeOptions.url}`,
        method: req.method,
        path: req.url.split("?")[0],
        status: reply.statusCode,
        ip: req.ip,
        requestId: req.id,
        details: Object.keys((req.params as object) ?? {}).length ? { params: req.params } : undefined,
      });
    } catch (err) {
      req.log.error({ err }, "audit record failed");
    }
    return payload;
  });
}
