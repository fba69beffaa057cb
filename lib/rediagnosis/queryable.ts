import type pg from "pg";

/** A pg Pool, PoolClient or Client: the set-based diagnosis paths run on any of them. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}
