import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate } from "../../scripts/db/migrate.ts";
import { startStreamingPair, type StreamingPair } from "../../tests/streaming-replica.ts";
import { db, forLaggyReads } from "@/lib/db";
import { REPLICA_CHECK_INTERVAL_MS } from "@/lib/db/replica";
import { findLeads } from "@/lib/leads/list-queries";
import { parseLeadListQuery } from "@/lib/lead-set/query";
import { loadChartCsv } from "@/lib/metrics/dashboard";
import { collectMetrics } from "@/lib/operations/metrics";

// A real primary and a real streaming replica (pg_basebackup -R): lag-tolerant reads (the lead list, a
// dashboard chart's CSV) are served by the replica, writes land on the primary, and a replica that lags
// past DATABASE_REPLICA_MAX_LAG_SECONDS or is stopped leaves those reads on the primary, with a warning.

const MAX_LAG_SECONDS = 5;
let pair: StreamingPair;
const warnings = vi.spyOn(console, "warn");
const notices = vi.spyOn(console, "info");

beforeAll(async () => {
  pair = await startStreamingPair("baton_replica_test");
  await migrate(pair.primary.url);
  // Before lib/db's first use: it reads the settings when it connects.
  process.env.DATABASE_URL = pair.primary.url;
  process.env.DATABASE_REPLICA_URL = pair.replicaUrl;
  process.env.DATABASE_REPLICA_MAX_LAG_SECONDS = String(MAX_LAG_SECONDS);
});

afterAll(async () => {
  await pair?.stop();
});

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const names = async () => (await findLeads(parseLeadListQuery({}))).rows.map((row) => row.name).sort();
/** The dashboard funnel's CSV download: leads captured in the default period (these leads have no source). */
const capturedOnDashboard = async () =>
  Number(
    (await loadChartCsv("funnel", {})).csv
      .split("\r\n")
      .find((line) => line.startsWith("No source,"))
      ?.split(",")[1],
  );
const warned = (text: string) => warnings.mock.calls.some(([message]) => String(message).includes(text));

function lead(name: string) {
  return { externalId: name, name, capturedAt: new Date(), sourceSystem: "api" };
}

describe("reads that tolerate lag, with a streaming replica", () => {
  it("serves the lead list and a dashboard chart from the replica while writes go to the primary", async () => {
    await db.lead.create({ data: lead("Ada Replicated") });
    await until(
      async () => (await pair.onReplica("SELECT 1 FROM leads WHERE name = 'Ada Replicated'")).length === 1,
      "the replica has Ada",
    );

    const reads = await forLaggyReads();
    expect(reads.source).toBe("replica");
    const { rows } = await reads.pool.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby");
    expect(rows[0]?.standby).toBe(true);

    // Replay paused: what the primary gets from now on stays off the replica.
    await pair.onReplica("SELECT pg_wal_replay_pause()");
    await until(
      async () => (await pair.onReplica<{ state: string }>("SELECT pg_get_wal_replay_pause_state() AS state"))[0]?.state === "paused",
      "replay pauses",
    );
    const created = await reads.prisma.lead.create({ data: lead("Bea Primary-only") });
    expect(await db.lead.findUnique({ where: { id: created.id }, select: { name: true } })).toEqual({ name: "Bea Primary-only" });
    expect(await pair.onReplica("SELECT 1 FROM leads WHERE name = 'Bea Primary-only'")).toEqual([]);

    expect(await names()).toEqual(["Ada Replicated"]);
    expect(await reads.prisma.lead.count()).toBe(1);
    expect(await db.lead.count()).toBe(2);
    expect(await capturedOnDashboard()).toBe(1);
    expect(await collectMetrics()).toMatch(/^baton_db_replica_serving 1$/m);
  });

  it("falls back to the primary, with a warning, once the replica lags past the bound", async () => {
    // Still paused: the last replayed commit ages until it passes the bound and the next check sees it.
    await until(
      async () => (await forLaggyReads()).source === "primary",
      "reads leave the replica",
      (MAX_LAG_SECONDS + 5) * 1000 + REPLICA_CHECK_INTERVAL_MS,
    );
    expect(warned(`behind (DATABASE_REPLICA_MAX_LAG_SECONDS=${MAX_LAG_SECONDS})`)).toBe(true);
    expect(await names()).toEqual(["Ada Replicated", "Bea Primary-only"]);
    expect(await capturedOnDashboard()).toBe(2);
    const metrics = await collectMetrics();
    expect(metrics).toMatch(/^baton_db_replica_serving 0$/m);
    expect(Number(/^baton_db_replica_lag_seconds (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThan(MAX_LAG_SECONDS);
  });

  it("returns to the replica once it has caught up", async () => {
    await pair.onReplica("SELECT pg_wal_replay_resume()");
    await until(async () => (await forLaggyReads()).source === "replica", "reads return to the replica", REPLICA_CHECK_INTERVAL_MS + 5_000);
    expect(notices.mock.calls.some(([message]) => String(message).includes("healthy again"))).toBe(true);
    expect(await names()).toEqual(["Ada Replicated", "Bea Primary-only"]);
  });

  it("falls back to the primary, with a warning, when the replica stops", async () => {
    const reads = await forLaggyReads();
    expect(reads.source).toBe("replica");
    await pair.stopReplica();

    // A handle taken before the replica went away: its reads run again on the primary.
    const { rows } = await reads.pool.query<{ standby: boolean }>("SELECT pg_is_in_recovery() AS standby");
    expect(rows[0]?.standby).toBe(false);
    expect(warned("database replica: it is unreachable")).toBe(true);
    expect(await reads.prisma.lead.count()).toBe(2);

    expect((await forLaggyReads()).source).toBe("primary");
    expect(await names()).toEqual(["Ada Replicated", "Bea Primary-only"]);
    await db.lead.create({ data: lead("Cy After-the-replica") });
    expect(await names()).toEqual(["Ada Replicated", "Bea Primary-only", "Cy After-the-replica"]);
  });
});
