// scratch (h6): a private 1M-lead bench database, kept running for measurements. Deleted before hand-off.
import pg from "pg";
import { startEmbeddedPostgres, ensureDatabase } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { generateBenchDataset } from "./dataset.ts";
import { rediagnoseAll } from "../../lib/rediagnosis/run.ts";
const SETTINGS = ["-c", "shared_buffers=2GB", "-c", "work_mem=32MB", "-c", "maintenance_work_mem=1GB", "-c", "effective_cache_size=12GB",
  "-c", "max_wal_size=8GB", "-c", "checkpoint_timeout=30min", "-c", "synchronous_commit=off", "-c", "random_page_cost=1.1", "-c", "max_connections=200"];
const leads = Number(process.argv[2] ?? 1_000_000);
const cluster = await startEmbeddedPostgres({ dataDir: "/tmp/h6-bench-pg", port: 55456, database: "postgres", settings: SETTINGS });
const url = cluster.url.replace(/\/postgres$/, `/bench_${leads}`);
await ensureDatabase(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'leads'");
if (rows[0].n === 0 || process.argv[3] === "fresh") {
  await migrate(url);
  const anchor = new Date(); anchor.setUTCMinutes(0, 0, 0);
  console.log(await generateBenchDataset(client, leads, anchor, console.log));
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  console.log(await rediagnoseAll(pool, { now: new Date(), onProgress: (n) => n % 100000 < 2000 && console.log("diagnosed", n) }));
  await pool.end();
  await client.query("VACUUM ANALYZE");
}
await client.end();
console.log("READY", url);
process.on("SIGINT", async () => { await cluster.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
