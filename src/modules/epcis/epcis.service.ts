import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Database, Transaction } from "../../db/client";
import type { Principal } from "../../http/access";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { type CbvKind, canonicalCbv } from "./domain/cbv";
import { namespacesOf } from "./domain/context";
import { eventHashId } from "./domain/event-hash";
import type { EpcisEvent, Namespaces, Violation } from "./domain/types";
import { validateDocument, validateEvent } from "./domain/validate";
import "./epcis.errors";
import { type EpcRole, epcisCaptures, epcisEventEpcs, epcisEvents, epcisParticipants } from "./epcis.tables";

export interface EpcisLimits {
  /** Most events one capture call may carry (advertised as GS1-EPCIS-Capture-Limit). */
  maxEventsPerCapture: number;
  /** Largest capture body in bytes (advertised as GS1-EPCIS-Capture-File-Size-Limit). */
  maxCaptureBytes: number;
}

export type ErrorBehaviour = "rollback" | "proceed";

type Actor = Extract<Principal, { type: "user" | "client" }>;

const ID_LIST_ROLES: [string, EpcRole][] = [
  ["epcList", "epc"],
  ["childEPCs", "child"],
  ["inputEPCList", "input"],
  ["outputEPCList", "output"],
];
const CLASS_LIST_ROLES: [string, EpcRole][] = [
  ["quantityList", "class"],
  ["childQuantityList", "childClass"],
  ["inputQuantityList", "inputClass"],
  ["outputQuantityList", "outputClass"],
];

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The identifiers an event names, by role, deduplicated. */
export function epcsOf(event: EpcisEvent): { epc: string; role: EpcRole }[] {
  const out = new Map<string, { epc: string; role: EpcRole }>();
  const add = (epc: string, role: EpcRole) => out.set(`${role} ${epc}`, { epc, role });
  for (const [field, role] of ID_LIST_ROLES) for (const epc of strings(event[field])) add(epc, role);
  if (typeof event.parentID === "string") add(event.parentID, "parent");
  for (const [field, role] of CLASS_LIST_ROLES) {
    const list = Array.isArray(event[field]) ? (event[field] as { epcClass?: unknown }[]) : [];
    for (const q of list) if (typeof q?.epcClass === "string") add(q.epcClass, role);
  }
  return [...out.values()];
}

function canonical(kind: CbvKind, value: unknown): string | null {
  return typeof value === "string" ? (canonicalCbv(kind, value) ?? value) : null;
}

function typedPairs(list: unknown, kind: CbvKind, valueField: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: Record<string, unknown>) => {
    const value = item?.[valueField];
    if (typeof value !== "string") return [];
    return [`${canonical(kind, item.type) ?? ""} ${value}`];
  });
}

function idOf(location: unknown): string | null {
  const id = (location as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : null;
}

function validationError(violations: Violation[]): AppError {
  const first = violations[0];
  const summary = first ? `${first.field}: ${first.message}` : "invalid";
  return new AppError(
    "epcis.validation",
    violations.length > 1 ? `${summary} (and ${violations.length - 1} more)` : summary,
    { errors: violations.map((v) => ({ field: v.field, message: v.message })) },
  );
}

/**
 * The capture interface takes EPCISQueryDocuments too (EPCIS 2.0 §12.2): their events are captured
 * as if they had come in an EPCISDocument with the same context.
 */
function asCaptureDocument(input: unknown): unknown {
  const d = input as Record<string, unknown> | null;
  if (d?.type !== "EPCISQueryDocument") return input;
  const body = d.epcisBody as { queryResults?: { resultsBody?: { eventList?: unknown } } } | undefined;
  const { epcisBody: _body, ...rest } = d;
  return {
    ...rest,
    type: "EPCISDocument",
    epcisBody: { eventList: body?.queryResults?.resultsBody?.eventList },
  };
}

export function createEpcisService(deps: { db: Database; clock: Clock; limits: EpcisLimits }) {
  const { db, clock, limits } = deps;

  /** Stores one validated event; a second capture of the same eventID is a no-op (scanners retry). */
  async function storeEvent(
    tx: Transaction,
    raw: EpcisEvent,
    namespaces: Namespaces,
    captureId: string,
    actor: Actor,
    recordTime: Date,
  ): Promise<{ eventID: string; stored: boolean }> {
    const eventID = raw.eventID ?? eventHashId(raw, namespaces);
    const body = { ...raw, eventID, recordTime: recordTime.toISOString() };
    const id = newId("evt", recordTime.getTime());
    const [inserted] = await tx
      .insert(epcisEvents)
      .values({
        id,
        eventId: eventID,
        eventType: raw.type,
        eventTime: new Date(raw.eventTime),
        recordTime,
        action: typeof raw.action === "string" ? raw.action : null,
        bizStep: canonical("bizStep", raw.bizStep),
        disposition: canonical("disposition", raw.disposition),
        readPoint: idOf(raw.readPoint),
        bizLocation: idOf(raw.bizLocation),
        bizTransactions: typedPairs(raw.bizTransactionList, "bizTransactionType", "bizTransaction"),
        sources: typedPairs(raw.sourceList, "sourceDestType", "source"),
        destinations: typedPairs(raw.destinationList, "sourceDestType", "destination"),
        hasErrorDeclaration: raw.errorDeclaration !== undefined,
        captureId,
        capturedBy: actor.type === "user" ? actor.userId : actor.clientId,
        namespaces: Object.fromEntries(namespaces),
        body,
      })
      .onConflictDoNothing({ target: epcisEvents.eventId })
      .returning({ id: epcisEvents.id });
    if (!inserted) {
      // An error declaration names an event already stored (same eventID): the original is kept and
      // marked erroneous, so queries return it with its errorDeclaration (EPCIS 2.0 §7.4.1.2).
      if (raw.errorDeclaration !== undefined) {
        const updated = await tx
          .update(epcisEvents)
          .set({
            hasErrorDeclaration: true,
            body: sql`${epcisEvents.body} || ${JSON.stringify({ errorDeclaration: raw.errorDeclaration })}::jsonb`,
          })
          .where(and(eq(epcisEvents.eventId, eventID), eq(epcisEvents.hasErrorDeclaration, false)))
          .returning({ id: epcisEvents.id });
        return { eventID, stored: updated.length > 0 };
      }
      return { eventID, stored: false };
    }
    const epcs = epcsOf(raw);
    if (epcs.length) await tx.insert(epcisEventEpcs).values(epcs.map((e) => ({ eventPk: id, ...e })));
    if (actor.organisationId) {
      await tx.insert(epcisParticipants).values({ eventPk: id, organisationId: actor.organisationId });
    }
    return { eventID, stored: true };
  }

  function requireActor(principal: Principal): Actor {
    if (principal.type === "anonymous") throw new AppError("auth.unauthenticated");
    return principal;
  }

  function canSeeAll(principal: Principal) {
    return principal.type === "user" && principal.isAdmin;
  }

  function visibleTo(principal: Principal): SQL | undefined {
    if (canSeeAll(principal)) return undefined;
    const org = principal.type === "anonymous" ? null : principal.organisationId;
    if (!org) return sql`false`;
    return sql`exists (select 1 from ${epcisParticipants} p where p.event_pk = ${epcisEvents.id} and p.organisation_id = ${org})`;
  }

  return {
    limits,

    /**
     * Captures an EPCISDocument. Validation happens before anything is written; with `rollback`
     * an invalid event rejects the whole document, with `proceed` the valid events are stored and
     * the job lists the rest. The answer is given only after the transaction commits, so an
     * acknowledged capture is stored whole.
     */
    async captureDocument(input: unknown, behaviour: ErrorBehaviour, principal: Principal) {
      const actor = requireActor(principal);
      const doc = asCaptureDocument(input);
      const eventList = (doc as { epcisBody?: { eventList?: unknown } })?.epcisBody?.eventList;
      if (Array.isArray(eventList) && eventList.length > limits.maxEventsPerCapture) {
        throw new AppError(
          "epcis.capture_limit_exceeded",
          `${eventList.length} events in one capture; the limit is ${limits.maxEventsPerCapture}`,
        );
      }
      const violations = validateDocument(doc);
      const documentLevel = violations.filter((v) => v.eventIndex === null);
      if (documentLevel.length || (violations.length && behaviour === "rollback")) {
        throw validationError(violations);
      }
      const events = (eventList as EpcisEvent[]) ?? [];
      const rejected = new Set(violations.map((v) => v.eventIndex));
      const docNamespaces = namespacesOf((doc as { "@context"?: unknown })["@context"]);
      const captureId = newId("cap");
      const now = clock.now();
      let stored = 0;
      await db.transaction(async (tx) => {
        for (const [i, event] of events.entries()) {
          if (rejected.has(i)) continue;
          const result = await storeEvent(
            tx,
            event,
            namespacesOf(event["@context"], docNamespaces),
            captureId,
            actor,
            now,
          );
          if (result.stored) stored++;
        }
        await tx.insert(epcisCaptures).values({
          id: captureId,
          createdAt: now,
          finishedAt: clock.now(),
          running: false,
          success: violations.length === 0,
          errorBehaviour: behaviour,
          eventCount: events.length,
          storedCount: stored,
          errors: violations,
          capturedBy: actor.type === "user" ? actor.userId : actor.clientId,
          organisationId: actor.organisationId,
        });
      });
      return { captureId, eventCount: events.length, stored, violations };
    },

    /** Captures one event synchronously (POST /epcis/events). */
    async captureEvent(event: unknown, principal: Principal) {
      const actor = requireActor(principal);
      const namespaces = namespacesOf((event as { "@context"?: unknown })?.["@context"]);
      const violations = validateEvent(event, namespaces, null);
      if (violations.length) throw validationError(violations);
      const captureId = newId("cap");
      const now = clock.now();
      return db.transaction(async (tx) => {
        const result = await storeEvent(tx, event as EpcisEvent, namespaces, captureId, actor, now);
        await tx.insert(epcisCaptures).values({
          id: captureId,
          createdAt: now,
          finishedAt: now,
          running: false,
          success: true,
          errorBehaviour: "rollback",
          eventCount: 1,
          storedCount: result.stored ? 1 : 0,
          errors: [],
          capturedBy: actor.type === "user" ? actor.userId : actor.clientId,
          organisationId: actor.organisationId,
        });
        return result;
      });
    },

    async getCapture(id: string, principal: Principal) {
      const [job] = await db.select().from(epcisCaptures).where(eq(epcisCaptures.id, id)).limit(1);
      const mine =
        job &&
        (canSeeAll(principal) ||
          (principal.type !== "anonymous" && job.organisationId === principal.organisationId));
      if (!job || !mine) throw new AppError("epcis.no_such_resource", `No capture job ${id}`);
      return job;
    },

    async getEvent(eventID: string, principal: Principal) {
      const rows = await db
        .select({ body: epcisEvents.body, namespaces: epcisEvents.namespaces })
        .from(epcisEvents)
        .where(and(eq(epcisEvents.eventId, eventID), visibleTo(principal)))
        .limit(1);
      if (!rows[0]) throw new AppError("epcis.no_such_resource", `No event ${eventID}`);
      return rows[0];
    },

    async query(conditions: SQL[], principal: Principal, page: { perPage: number; after?: string }) {
      const where = and(
        ...conditions,
        visibleTo(principal),
        page.after ? gt(epcisEvents.id, page.after) : undefined,
      );
      const rows = await db
        .select({ id: epcisEvents.id, body: epcisEvents.body, namespaces: epcisEvents.namespaces })
        .from(epcisEvents)
        .where(where)
        .orderBy(asc(epcisEvents.id))
        .limit(page.perPage + 1);
      const more = rows.length > page.perPage;
      const pageRows = rows.slice(0, page.perPage);
      return { rows: pageRows, nextAfter: more ? (pageRows.at(-1)?.id ?? null) : null };
    },
  };
}

export type EpcisService = ReturnType<typeof createEpcisService>;
