import type pg from "pg";
import { toQuery, type Sql } from "@/lib/db/sql";
import type { Queryable } from "@/lib/db/queryable";

export async function runSql<R extends pg.QueryResultRow>(client: Queryable, fragment: Sql): Promise<R[]> {
  const { text, values } = toQuery(fragment);
  return (await client.query<R>(text, values)).rows;
}

/** Counts (bigint) and averages (numeric) arrive as strings from node-postgres. */
export function toNumber(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function toNumberOrNull(value: string | number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A share, or null when there is nothing to divide by (an empty state, not 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
