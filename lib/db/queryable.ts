import type pg from "pg";

/** A pg Pool, PoolClient or Client: the set-based diagnosis paths run on any of them. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Set by a wrapper over pools (the replica's, lib/db/replica.ts): each query gets its own connection. */
  readonly concurrent?: boolean;
}

/** A Pool hands each query its own connection; a Client (or a pool's checked-out client) has one. */
function isPool(client: Queryable): boolean {
  if (client.concurrent) return true;
  const candidate = client as Partial<Pick<pg.Pool, "totalCount" | "connect">> & { release?: unknown };
  return typeof candidate.totalCount === "number" && typeof candidate.connect === "function" && candidate.release === undefined;
}

/**
 * Runs independent reads: side by side on a Pool, one after another on a single connection. A client
 * must not be handed a query while it is still running one (pg deprecates that queueing and pg@9 drops
 * it), and inside a transaction the reads must stay on the transaction's connection.
 */
export async function queryEach<T extends readonly unknown[]>(
  client: Queryable,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (isPool(client)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
