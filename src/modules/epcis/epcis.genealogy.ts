import { type SQL, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "../../db/client";

/**
 * The genealogy graph, read straight from the identifiers events name (epcis_event_epcs):
 *   transformation: an input (instance or class) → each output of the same event
 *   aggregation:    a child (instance or class) → the parent container it was packed into
 * Downstream follows those edges forward (what a lot became, what holds it); upstream follows them
 * backward (the containers' contents, the inputs a product came from — down to the harvest lots).
 * Each recursive step is an index lookup on (epc, role) and on the event's primary key.
 */
export interface GenealogyNode {
  epc: string;
  depth: number;
}

const MAX_DEPTH = 32;

/** Both drivers answer `execute` with `{ rows }`; Drizzle types it loosely across them. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const FORWARD_STEP = sql`
  select o.epc, g.depth + 1
  from g
  join epcis_event_epcs i on i.epc = g.epc and i.role in ('input', 'inputClass', 'child', 'childClass')
  join epcis_event_epcs o on o.event_pk = i.event_pk
   and ((i.role in ('input', 'inputClass') and o.role in ('output', 'outputClass'))
     or (i.role in ('child', 'childClass') and o.role = 'parent'))
  where g.depth < ${MAX_DEPTH}`;

const BACKWARD_STEP = sql`
  select i.epc, g.depth + 1
  from g
  join epcis_event_epcs o on o.epc = g.epc and o.role in ('output', 'outputClass', 'parent')
  join epcis_event_epcs i on i.event_pk = o.event_pk
   and ((o.role in ('output', 'outputClass') and i.role in ('input', 'inputClass'))
     or (o.role = 'parent' and i.role in ('child', 'childClass')))
  where g.depth < ${MAX_DEPTH}`;

async function walk(db: Database, start: string, step: SQL): Promise<GenealogyNode[]> {
  // UNION (not UNION ALL) drops rows already seen, so cycles (a container re-used) terminate.
  const result = await db.execute(sql`
    with recursive g(epc, depth) as (
      select ${start}::text, 0
      union
      ${step}
    )
    select epc, min(depth)::int as depth from g where epc <> ${start} group by epc order by min(depth), epc`);
  return rowsOf<{ epc: string; depth: number }>(result).map((r) => ({ epc: r.epc, depth: Number(r.depth) }));
}

export function downstreamOf(db: Database, epc: string): Promise<GenealogyNode[]> {
  return walk(db, epc, FORWARD_STEP);
}

export function upstreamOf(db: Database, epc: string): Promise<GenealogyNode[]> {
  return walk(db, epc, BACKWARD_STEP);
}

/** Which of these identifiers any event names (to resolve a Digital Link to the stored EPC form). */
export async function knownEpcs(db: Database, candidates: string[]): Promise<string[]> {
  if (!candidates.length) return [];
  const result = await db.execute(sql`
    select distinct epc from epcis_event_epcs where epc in (${sql.join(
      candidates.map((c) => sql`${c}`),
      sql`, `,
    )})`);
  return rowsOf<{ epc: string }>(result).map((r) => r.epc);
}

/** Every event that names any of these identifiers, oldest first, whole, with the organisation that captured it. */
export async function eventsNaming(
  db: Database,
  epcs: string[],
): Promise<
  { body: Record<string, unknown>; namespaces: Record<string, string>; organisationId: string | null }[]
> {
  if (!epcs.length) return [];
  const result = await db.execute(sql`
    select ev.body, ev.namespaces, (select c.organisation_id from epcis_captures c where c.id = ev.capture_id) as organisation_id
    from epcis_events ev
    where ev.id in (select event_pk from epcis_event_epcs where epc in (${sql.join(
      epcs.map((c) => sql`${c}`),
      sql`, `,
    )}))
    order by ev.event_time, ev.id`);
  // jsonb arrives parsed from both drivers; the guard covers a driver configured to return text.
  const parse = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  return rowsOf<{
    body: Record<string, unknown> | string;
    namespaces: Record<string, string> | string;
    organisation_id: string | null;
  }>(result).map((r) => ({
    body: parse(r.body),
    namespaces: parse(r.namespaces),
    organisationId: r.organisation_id,
  }));
}

/**
 * The containers these identifiers were packed into (aggregation parents, one level). A product's
 * journey includes how its ingredients travelled before processing: the pallets that carried them.
 * Driven by the list (one index lookup per identifier and per packing event), so the plan does not
 * depend on statistics: PGlite runs no autovacuum, and the `IN (…)` form let a planner without them
 * hash-join a scan of every identifier row (18–20 ms a trace at 100,000 events, growing with the
 * table, against under 1 ms; docs/benchmarks.md).
 */
export async function containersOf(db: DbOrTx, epcs: string[]): Promise<string[]> {
  if (!epcs.length) return [];
  const list = sql.join(
    epcs.map((e) => sql`${e}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select distinct p.epc
    from unnest(array[${list}]::text[]) as x(epc)
    join epcis_event_epcs c on c.epc = x.epc and c.role in ('child', 'childClass')
    join epcis_event_epcs p on p.event_pk = c.event_pk and p.role = 'parent'`);
  return rowsOf<{ epc: string }>(result).map((r) => r.epc);
}

const CLASS_ROLES = sql`('class', 'childClass', 'inputClass', 'outputClass')`;

/**
 * The lots (LGTIN classes) of a GTIN that events name, the most recently recorded first (event ids
 * are time-ordered, so the identifier index alone orders them). A GTIN read from a Digital Link does
 * not say where its company prefix ends, so `classParts` holds every reading
 * (`<prefix>.<indicator><item reference>`): one statement finds the reading events use, a second
 * lists its lots, each with one prefix LIKE the identifier index (text_pattern_ops) serves.
 */
export async function lotsOfGtin(db: DbOrTx, classParts: string[], limit: number): Promise<string[]> {
  if (!classParts.length) return [];
  const pattern = (c: string) => `urn:epc:class:lgtin:${c}.%`;
  const probes: SQL[] = classParts.map(
    (c, i) =>
      sql`select ${i}::int as i where exists (select 1 from epcis_event_epcs where epc like ${pattern(c)} and role in ${CLASS_ROLES})`,
  );
  const [found] = rowsOf<{ i: number }>(await db.execute(sql.join(probes, sql` union all `)));
  if (!found) return [];
  const result = await db.execute(sql`
    select epc from epcis_event_epcs
    where epc like ${pattern(classParts[Number(found.i)] as string)} and role in ${CLASS_ROLES}
    group by epc
    order by min(event_pk) desc, epc
    limit ${limit}`);
  return rowsOf<{ epc: string }>(result).map((r) => r.epc);
}

export interface ContainerContents {
  /** Serialised children (childEPCs): sacks in a pallet. */
  epcs: string[];
  /** Bulk children (childQuantityList): lots by mass or count, as packed. */
  quantities: { epcClass: string; quantity: number; uom: string | null }[];
}

/**
 * What containers (SSCCs) hold now: the children of their aggregation ADD events, less those of
 * later DELETE events (unpacking), from events not declared erroneous. One statement for all of
 * them; inside the caller's transaction when given one, so a projection sees the packing captured
 * just before.
 */
export async function contentsOfMany(db: DbOrTx, parents: string[]): Promise<Map<string, ContainerContents>> {
  const out = new Map<
    string,
    { epcs: Set<string>; quantities: Map<string, ContainerContents["quantities"][number]> }
  >();
  for (const p of parents) out.set(p, { epcs: new Set(), quantities: new Map() });
  if (parents.length) {
    const result = await db.execute(sql`
      select p.epc as parent, ev.body
      from epcis_event_epcs p
      join epcis_events ev on ev.id = p.event_pk
      where p.epc = any(${sql.param(parents)}::text[]) and p.role = 'parent'
        and ev.event_type = 'AggregationEvent' and not ev.has_error_declaration
      order by p.epc, ev.event_time, ev.id`);
    for (const row of rowsOf<{ parent: string; body: Record<string, unknown> | string }>(result)) {
      const held = out.get(row.parent);
      if (!held) continue;
      const event = (typeof row.body === "string" ? JSON.parse(row.body) : row.body) as Record<
        string,
        unknown
      >;
      const action = event.action;
      const children = Array.isArray(event.childEPCs) ? (event.childEPCs as string[]) : [];
      const childQuantities = Array.isArray(event.childQuantityList)
        ? (event.childQuantityList as { epcClass: string; quantity?: number; uom?: string }[])
        : [];
      if (action === "ADD" || action === "OBSERVE") {
        for (const c of children) held.epcs.add(c);
        for (const q of childQuantities) {
          const prev = held.quantities.get(q.epcClass);
          const quantity = (action === "ADD" ? (prev?.quantity ?? 0) : 0) + (q.quantity ?? 0);
          held.quantities.set(q.epcClass, {
            epcClass: q.epcClass,
            quantity,
            uom: q.uom ?? prev?.uom ?? null,
          });
        }
      } else if (action === "DELETE") {
        // DELETE without children empties the container (EPCIS 2.0 §7.3.5).
        if (!children.length && !childQuantities.length) {
          held.epcs.clear();
          held.quantities.clear();
        }
        for (const c of children) held.epcs.delete(c);
        for (const q of childQuantities) held.quantities.delete(q.epcClass);
      }
    }
  }
  return new Map(
    [...out].map(([parent, held]) => [
      parent,
      { epcs: [...held.epcs], quantities: [...held.quantities.values()] },
    ]),
  );
}

/** What one container holds now (see contentsOfMany). */
export async function contentsOf(db: DbOrTx, parent: string): Promise<ContainerContents> {
  return (await contentsOfMany(db, [parent])).get(parent) as ContainerContents;
}
