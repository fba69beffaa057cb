import type pg from "pg";
import { withClient } from "../scripts/db/with-client.ts";

/** One statement (or a script of several, without params) on a connection of its own, closed after. */
export async function queryOnce<Row extends pg.QueryResultRow>(
  url: string | undefined,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return withClient(url, async (client) => (await client.query<Row>(sql, params)).rows);
}
