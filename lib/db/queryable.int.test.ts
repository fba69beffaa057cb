import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { queryEach, type Queryable } from "@/lib/db/queryable";

// Independent reads on one connection go one at a time (pg deprecates queueing a query behind a running
// one, and pg@9 refuses it); on the pool they still run side by side, each on a connection of its own.

async function timedReads(client: Queryable) {
  const spans: { start: number; end: number; pid: number }[] = [];
  const read = async () => {
    const start = performance.now();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)");
    spans.push({ start, end: performance.now(), pid: rows[0]!.pid });
    return rows[0]!.pid;
  };
  const pids = await queryEach(client, [read, read, read]);
  return { spans: spans.sort((a, b) => a.start - b.start), pids };
}

describe("queryEach", () => {
  it("on a single connection, sends each read only after the previous one answered", async () => {
    const client = await pool.connect();
    try {
      const { spans, pids } = await timedReads(client);
      expect(new Set(pids).size).toBe(1);
      for (let index = 1; index < spans.length; index++) expect(spans[index]!.start).toBeGreaterThanOrEqual(spans[index - 1]!.end);
    } finally {
      client.release();
    }
  });

  it("on the pool, runs the reads side by side on separate connections", async () => {
    const { spans, pids } = await timedReads(pool);
    expect(new Set(pids).size).toBe(3);
    // All three were sent before the first one answered.
    expect(spans[2]!.start).toBeLessThan(spans[0]!.end);
  });
});
