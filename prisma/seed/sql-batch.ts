/**
 * Bulk inserts through `unnest`: one statement per chunk with one array parameter per column, so
 * thousands of rows cost a handful of round trips and never hit PostgreSQL's 65,535-parameter limit.
 */
import type pg from "pg";

export type Queryable = pg.Client | pg.PoolClient;

export interface Column<Row> {
  name: string;
  /** PostgreSQL element type, e.g. `int`, `text`, `timestamptz`, `jsonb`, `"EventType"`. */
  type: string;
  value: (row: Row) => string | number | boolean | null;
}

const CHUNK = 5_000;

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Dates travel as ISO strings (cast to timestamptz): unambiguous whatever the session time zone. */
export const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/**
 * Inserts `rows` into `table` and returns the RETURNING rows of every chunk, in order.
 * `suffix` goes after the SELECT, e.g. `ON CONFLICT (key) DO NOTHING`.
 */
export async function insertRows<Row, Out extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  table: string,
  columns: ReadonlyArray<Column<Row>>,
  rows: readonly Row[],
  options: { suffix?: string; returning?: string } = {},
): Promise<Out[]> {
  const out: Out[] = [];
  const names = columns.map((c) => ident(c.name)).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql =
    `INSERT INTO ${ident(table)} (${names}) SELECT * FROM unnest(${arrays})` +
    (options.suffix ? ` ${options.suffix}` : "") +
    (options.returning ? ` RETURNING ${options.returning}` : "");
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((c) => chunk.map((row) => c.value(row)));
    const result = await db.query<Out>(sql, params);
    out.push(...result.rows);
  }
  return out;
}
