import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

/**
 * Inserts many rows with one statement and one parameter: the rows travel as a JSON array that PostgreSQL
 * unpacks with `jsonb_to_recordset`, typed from the table's Drizzle columns. For the hot batched writes
 * (notifications, audit, report history), where building a multi-row insert value by value costs more CPU
 * than the database spends on it. A column given in any row is written for all (absent: NULL), so
 * columns left to their defaults must be absent from every row.
 */
export async function bulkInsert<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T["$inferInsert"][],
  opts: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; getSQLType(): string; mapToDriverValue(v: unknown): unknown }
  >;
  const keys = [
    ...new Set(
      rows.flatMap((r) => Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined)),
    ),
  ];
  const cols = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`bulkInsert: ${getTableName(table)} has no column ${key}`);
    return { key, column, type: column.getSQLType(), json: /^jsonb?$/.test(column.getSQLType()) };
  });
  const documents = rows.map((row) => {
    const doc: Record<string, unknown> = {};
    for (const { key, column, json } of cols) {
      const value = (row as Record<string, unknown>)[key];
      // JSON columns go in as JSON (their driver mapping would stringify them twice); dates as ISO text.
      doc[column.name] =
        value === undefined || value === null
          ? null
          : json
            ? value
            : value instanceof Date
              ? value.toISOString()
              : column.mapToDriverValue(value);
    }
    return doc;
  });
  const names = sql.join(
    cols.map(({ column }) => sql.identifier(column.name)),
    sql`, `,
  );
  const definition = sql.raw(cols.map(({ column, type }) => `"${column.name}" ${type}`).join(", "));
  const conflict: SQL = opts.onConflictDoNothing ? sql` on conflict do nothing` : sql``;
  await db.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(documents)}::jsonb) as x(${definition})${conflict}`,
  );
}
