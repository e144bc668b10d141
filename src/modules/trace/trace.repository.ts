import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";

/** Both drivers answer `execute` with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const CLASS_ROLES = sql`('class', 'childClass', 'inputClass', 'outputClass')`;

export const traceRepository = {
  /**
   * The containers these identifiers were packed into (aggregation parents, one level), as
   * `epcis.containersOf` answers, written so that the plan does not depend on statistics: driven by
   * the list, one index lookup per identifier and per packing event. The `IN (…)` form lets a
   * planner without statistics (PGlite runs no autovacuum) hash-join a sequential scan of every
   * identifier row instead: 18–20 ms a trace at 100,000 events, growing with the table, against
   * under 1 ms (docs/benchmarks.md).
   */
  async containersOf(db: Database, epcs: string[]): Promise<string[]> {
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
  },

  /**
   * The lots (LGTIN classes) of a GTIN that events name, the most recently recorded first (event ids
   * are time-ordered, so the identifier index alone orders them). A GTIN read from a Digital Link does
   * not say where its company prefix ends, so `classParts` holds every reading
   * (`<prefix>.<indicator><item reference>`): one statement finds the reading events use, a second
   * lists its lots, each with one prefix LIKE the identifier index (text_pattern_ops) serves.
   */
  async lotsOfGtin(db: Database, classParts: string[], limit: number): Promise<string[]> {
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
  },
};
