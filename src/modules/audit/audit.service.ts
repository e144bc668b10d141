import { and, desc, eq, lt, or } from "drizzle-orm";
import { bulkInsert } from "../../db/bulk-insert";
import type { Database } from "../../db/client";
import type { Principal } from "../../http/access";
import { createBatcher } from "../../lib/batcher";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { auditLog } from "./audit.tables";

export interface AuditEntry {
  principal: Principal | { type: "system" };
  action: string;
  method?: string;
  path?: string;
  status?: number;
  ip?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}

function actorOf(p: AuditEntry["principal"]) {
  switch (p.type) {
    case "user":
      return {
        actorType: "user" as const,
        actorId: p.userId,
        actorLabel: p.name,
        organisationId: p.organisationId,
      };
    case "client":
      return {
        actorType: "client" as const,
        actorId: p.clientId,
        actorLabel: `client:${p.clientId}`,
        organisationId: p.organisationId,
      };
    case "system":
      return { actorType: "system" as const, actorId: null, actorLabel: "system", organisationId: null };
    default:
      return {
        actorType: "anonymous" as const,
        actorId: null,
        actorLabel: "anonymous",
        organisationId: null,
      };
  }
}

export function createAuditService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  // Every write request records one row before it is answered; rows of requests answered together go
  // in one insert.
  const insert = createBatcher(
    async (rows: (typeof auditLog.$inferInsert)[]) => {
      await bulkInsert(db, auditLog, rows);
      return rows.map(() => undefined);
    },
    { max: 500 },
  );
  return {
    async record(entry: AuditEntry) {
      const at = clock.now();
      await insert({
        id: newId("aud", at.getTime()),
        at,
        ...actorOf(entry.principal),
        action: entry.action,
        method: entry.method,
        path: entry.path,
        status: entry.status,
        ip: entry.ip,
        requestId: entry.requestId,
        details: entry.details,
      });
    },

    /** Newest first; the cursor is the last id seen (ids are time-ordered). */
    async list(q: { limit: number; cursor?: string; actorId?: string; action?: string }) {
      const conditions = [];
      if (q.cursor) conditions.push(lt(auditLog.id, q.cursor));
      if (q.actorId) conditions.push(eq(auditLog.actorId, q.actorId));
      if (q.action) conditions.push(or(eq(auditLog.action, q.action)));
      const rows = await db
        .select()
        .from(auditLog)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      return { items: page, nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
