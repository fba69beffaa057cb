import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db";

/**
 * Runs `work` in one transaction on a connection of its own: committed when it returns, rolled back when it
 * throws (the error goes on to the caller), and the connection always goes back to the pool.
 */
export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
