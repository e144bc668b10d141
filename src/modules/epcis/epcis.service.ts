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
import { type ParticipantResolver, type Projector, partyAndPlaceIds, storedEvent } from "./epcis.projection";
import { type EpcRole, epcisCaptures, epcisEventEpcs, epcisEvents, epcisParticipants } from "./epcis.tables";

export interface EpcisLimits {
  /** Most events one capture call may carry (advertised as GS1-EPCIS-Capture-Limit). */
  maxEventsPerCapture: number;
  /** Largest capture body in bytes (advertised as GS1-EPCIS-Capture-File-Size-Limit). */
  maxCaptureBytes: number;
}

export type ErrorBehaviour = "rollback" | "proceed";

type Actor = Extract<Principal, { type: "user" | "client" }>;

/** Events per INSERT statement: bounds the size of one statement's JSON parameter (≈ 0.5–1 MB). */
const EVENT_ROWS_PER_INSERT = 1000;

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
  const projectors: Projector[] = [];
  let participantResolver: ParticipantResolver | null = null;

  /**
   * Stores validated events of one capture, in document order, in a handful of statements whatever
   * their number: one multi-row INSERT … ON CONFLICT DO NOTHING per EVENT_ROWS_PER_INSERT events, one
   * INSERT … SELECT unnest(…) for all their identifiers and one for their participants. Per event it
   * means what one INSERT each would: a second capture of the same eventID (in an earlier capture or
   * earlier in this one) is a no-op, scanners retry; an error declaration for a stored eventID marks it
   * erroneous, once.
   */
  async function storeEvents(
    tx: Transaction,
    items: { raw: EpcisEvent; namespaces: Namespaces }[],
    captureId: string,
    actor: Actor,
    recordTime: Date,
  ): Promise<{ eventID: string; stored: boolean }[]> {
    const capturedBy = actor.type === "user" ? actor.userId : actor.clientId;
    const results = items.map(({ raw, namespaces }, index) => ({
      index,
      raw,
      eventID: raw.eventID ?? eventHashId(raw, namespaces),
      namespaces,
      stored: false,
    }));
    // The first occurrence of each eventID is inserted; later ones take the already-stored path.
    const firsts = new Map<string, (typeof results)[number] & { id: string }>();
    const repeats: typeof results = [];
    for (const r of results) {
      if (firsts.has(r.eventID)) repeats.push(r);
      // Ids are made in document order: paging and capture order rely on it.
      else firsts.set(r.eventID, Object.assign(r, { id: newId("evt", recordTime.getTime()) }));
    }
    // Inserted in eventID order: two captures that share events (a retry regrouped differently) then
    // take the unique index's locks in the same order and wait for each other instead of deadlocking.
    const candidates = [...firsts.values()].sort((a, b) =>
      a.eventID < b.eventID ? -1 : a.eventID > b.eventID ? 1 : 0,
    );
    const insertedIds = new Set<string>();
    for (let i = 0; i < candidates.length; i += EVENT_ROWS_PER_INSERT) {
      // One JSON parameter per statement rather than 19 per row: Drizzle's per-value mapping of a
      // 1,000-row VALUES list cost more CPU than PostgreSQL spent storing it (docs/benchmarks.md).
      const rows = candidates.slice(i, i + EVENT_ROWS_PER_INSERT).map(({ raw, eventID, namespaces, id }) => ({
        id,
        event_id: eventID,
        event_type: raw.type,
        event_time: new Date(raw.eventTime).toISOString(),
        action: typeof raw.action === "string" ? raw.action : null,
        biz_step: canonical("bizStep", raw.bizStep),
        disposition: canonical("disposition", raw.disposition),
        read_point: idOf(raw.readPoint),
        biz_location: idOf(raw.bizLocation),
        biz_transactions: typedPairs(raw.bizTransactionList, "bizTransactionType", "bizTransaction"),
        sources: typedPairs(raw.sourceList, "sourceDestType", "source"),
        destinations: typedPairs(raw.destinationList, "sourceDestType", "destination"),
        has_error_declaration: raw.errorDeclaration !== undefined,
        namespaces: Object.fromEntries(namespaces),
        body: { ...raw, eventID, recordTime: recordTime.toISOString() },
      }));
      const inserted = await tx.execute(sql`
        insert into ${epcisEvents} (id, event_id, event_type, event_time, record_time, action, biz_step,
          disposition, read_point, biz_location, biz_transactions, sources, destinations,
          has_error_declaration, capture_id, captured_by, namespaces, body)
        select r.id, r.event_id, r.event_type, r.event_time, ${recordTime.toISOString()}::timestamptz, r.action,
          r.biz_step, r.disposition, r.read_point, r.biz_location, r.biz_transactions, r.sources,
          r.destinations, r.has_error_declaration, ${captureId}, ${capturedBy}, r.namespaces, r.body
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id text, event_id text, event_type text,
          event_time timestamptz, action text, biz_step text, disposition text, read_point text,
          biz_location text, biz_transactions text[], sources text[], destinations text[],
          has_error_declaration boolean, namespaces jsonb, body jsonb)
        on conflict (event_id) do nothing
        returning id`);
      for (const row of (inserted as unknown as { rows: { id: string }[] }).rows) insertedIds.add(row.id);
    }

    const pks: string[] = [];
    const epcs: string[] = [];
    const roles: string[] = [];
    for (const c of candidates) {
      if (!insertedIds.has(c.id)) {
        repeats.push(c);
        continue;
      }
      c.stored = true;
      for (const e of epcsOf(c.raw)) {
        pks.push(c.id);
        epcs.push(e.epc);
        roles.push(e.role);
      }
    }
    if (pks.length) {
      await tx.execute(
        sql`insert into ${epcisEventEpcs} (event_pk, epc, role)
            select * from unnest(${sql.param(pks)}::text[], ${sql.param(epcs)}::text[], ${sql.param(roles)}::text[])`,
      );
    }
    // Who took part: the capturer's organisation, and the owners of the parties and places the
    // events name (source/destination PGLNs, site SGLNs), so a receiver sees what was sent to it.
    const storedCandidates = candidates.filter((c) => c.stored).sort((a, b) => a.index - b.index);
    const owners = participantResolver
      ? await participantResolver(tx, [...new Set(storedCandidates.flatMap((c) => partyAndPlaceIds(c.raw)))])
      : new Map<string, string[]>();
    const participantPks: string[] = [];
    const participantOrgs: string[] = [];
    const projected = storedCandidates.map((c) => {
      const orgs = new Set<string>();
      if (actor.organisationId) orgs.add(actor.organisationId);
      for (const id of partyAndPlaceIds(c.raw)) for (const org of owners.get(id) ?? []) orgs.add(org);
      for (const org of orgs) {
        participantPks.push(c.id);
        participantOrgs.push(org);
      }
      const body = { ...c.raw, eventID: c.eventID, recordTime: recordTime.toISOString() };
      return storedEvent(c.id, body, actor.organisationId, [...orgs]);
    });
    if (participantPks.length) {
      await tx.execute(
        sql`insert into ${epcisParticipants} (event_pk, organisation_id)
            select * from unnest(${sql.param(participantPks)}::text[], ${sql.param(participantOrgs)}::text[])`,
      );
    }
    for (const projector of projectors) if (projected.length) await projector.project(tx, projected);

    // An error declaration names an event already stored (same eventID): the original is kept and
    // marked erroneous, so queries return it with its errorDeclaration (EPCIS 2.0 §7.4.1.2). Rare, so
    // one UPDATE each: by eventID (the same lock order as the inserts), in document order within one.
    repeats.sort((a, b) => (a.eventID < b.eventID ? -1 : a.eventID > b.eventID ? 1 : a.index - b.index));
    for (const r of repeats) {
      if (r.raw.errorDeclaration === undefined) continue;
      const updated = await tx
        .update(epcisEvents)
        .set({
          hasErrorDeclaration: true,
          body: sql`${epcisEvents.body} || ${JSON.stringify({ errorDeclaration: r.raw.errorDeclaration })}::jsonb`,
        })
        .where(and(eq(epcisEvents.eventId, r.eventID), eq(epcisEvents.hasErrorDeclaration, false)))
        .returning({ id: epcisEvents.id });
      r.stored = updated.length > 0;
    }
    return results.map(({ eventID, stored }) => ({ eventID, stored }));
  }

  /** Stores one validated event (POST /epcis/events). */
  async function storeEvent(
    tx: Transaction,
    raw: EpcisEvent,
    namespaces: Namespaces,
    captureId: string,
    actor: Actor,
    recordTime: Date,
  ): Promise<{ eventID: string; stored: boolean }> {
    const [result] = await storeEvents(tx, [{ raw, namespaces }], captureId, actor, recordTime);
    return result as { eventID: string; stored: boolean };
  }

  /** Validates one event before anything is written; throws the violations as epcis.validation. */
  function checkedEvent(event: unknown, principal: Principal) {
    const actor = requireActor(principal);
    const namespaces = namespacesOf((event as { "@context"?: unknown })?.["@context"]);
    const violations = validateEvent(event, namespaces, null);
    if (violations.length) throw validationError(violations);
    return { event: event as EpcisEvent, actor, namespaces };
  }

  async function storeCheckedEvent(tx: Transaction, checked: ReturnType<typeof checkedEvent>) {
    const { actor } = checked;
    const captureId = newId("cap");
    const now = clock.now();
    const result = await storeEvent(tx, checked.event, checked.namespaces, captureId, actor, now);
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
     * Adds a projection run on every newly stored event, in the capturing transaction, in the order
     * added (modules that build on others' views register after them).
     */
    addProjector(projector: Projector) {
      projectors.push(projector);
    },

    /** Sets how party and place identifiers map to organisations, for `epcis_participants`. */
    setParticipantResolver(resolver: ParticipantResolver) {
      participantResolver = resolver;
    },

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
        const accepted = events
          .filter((_, i) => !rejected.has(i))
          .map((event) => ({ raw: event, namespaces: namespacesOf(event["@context"], docNamespaces) }));
        const results = await storeEvents(tx, accepted, captureId, actor, now);
        stored = results.filter((r) => r.stored).length;
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
      const checked = checkedEvent(event, principal);
      return db.transaction((tx) => storeCheckedEvent(tx, checked));
    },

    /**
     * `captureEvent` inside the caller's transaction, for modules whose own rows must commit or roll
     * back together with the event (a harvest lot and its commissioning event). Validation still
     * comes before any write; a violation throws, and the caller's transaction rolls back whole.
     */
    async captureEventInTransaction(tx: Transaction, event: unknown, principal: Principal) {
      return storeCheckedEvent(tx, checkedEvent(event, principal));
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
