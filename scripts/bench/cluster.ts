// The benchmark's own PostgreSQL: a persistent embedded cluster under .data/bench-postgres (never the
// demo's), tuned like a small production server, with one database per scale that is generated once
// and reused by later runs (--fresh regenerates it).
import pg from "pg";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { generateBenchDataset } from "./dataset.ts";

export const DATASET_VERSION = "4";
/** What every benchmark cluster sets: room to sort and write in bulk, and no waiting on the disk to commit. */
const BULK_WRITES = ["-c", "work_mem=32MB", "-c", "max_wal_size=8GB", "-c", "checkpoint_timeout=30min", "-c", "synchronous_commit=off"];
/** The dataset sizes `--scale` names. */
export const SCALES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const SETTINGS = [
  "-c",
  "shared_buffers=2GB",
  "-c",
  "maintenance_work_mem=1GB",
  "-c",
  "effective_cache_size=12GB",
  "-c",
  "random_page_cost=1.1",
  "-c",
  "max_connections=200",
  ...BULK_WRITES,
];

export async function startBenchCluster(): Promise<RunningPostgres> {
  // Both overridable, so two benchmarks can run side by side on clusters of their own.
  const dataDir = process.env.BATON_BENCH_PG_DIR ?? ".data/bench-postgres";
  return startEmbeddedPostgres({
    dataDir,
    port: Number(process.env.BATON_BENCH_PG_PORT ?? 54339),
    database: "postgres",
    settings: SETTINGS,
  });
}

export interface BenchDatabase {
  url: string;
  generated: { leads: number; events: number; seconds: number } | null;
  anchor: Date;
}

/** The URL of database `name` on the cluster at `clusterUrl`. */
export function databaseUrl(clusterUrl: string, name: string): string {
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The database for `leads` leads: reused when complete and current, else (re)generated. */
export async function prepareBenchDatabase(
  clusterUrl: string,
  leads: number,
  fresh: boolean,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const name = `bench_${leads}`;
  const url = databaseUrl(clusterUrl, name);
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE SCHEMA IF NOT EXISTS bench");
    await client.query("CREATE TABLE IF NOT EXISTS bench.meta (version text, leads int, anchor timestamptz, generated_at timestamptz)");
    const { rows } = await client.query<{ version: string; leads: number; anchor: Date }>("SELECT version, leads, anchor FROM bench.meta");
    const meta = rows[0];
    if (meta && meta.version === DATASET_VERSION && meta.leads === leads) {
      await migrate(url);
      return { url, generated: null, anchor: meta.anchor };
    }
    if (meta) {
      await client.end();
      return prepareBenchDatabase(clusterUrl, leads, true, log);
    }
    await migrate(url);
    const anchor = new Date();
    anchor.setUTCMinutes(0, 0, 0);
    log(`Generating ${leads.toLocaleString("en")} leads with their timelines…`);
    const generated = await generateBenchDataset(client, leads, anchor, log);
    await client.query("INSERT INTO bench.meta VALUES ($1, $2, $3, now())", [DATASET_VERSION, leads, anchor]);
    return { url, generated, anchor };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The write benchmarks' cluster: nothing in it is kept, and it shares the machine with the product's own. */
const THROWAWAY_SETTINGS = ["-c", "shared_buffers=1GB", ...BULK_WRITES];
/**
 * A PostgreSQL cluster of its own in a temporary directory (where the benchmark may keep its files too), for
 * one write benchmark; `discard` stops the cluster and deletes the directory.
 */
export async function startThrowawayCluster(
  name: string,
): Promise<{ cluster: RunningPostgres; directory: string; discard: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), `baton-bench-${name}-`));
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(directory, "pg"),
    port: await findFreePort(),
    database: "postgres",
    persistent: false,
    settings: THROWAWAY_SETTINGS,
  });
  return {
    cluster,
    directory,
    discard: async () => {
      await cluster.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
