// `npx tsx --conditions=react-server scripts/bench/api-events.ts [--batches 30] [--leads-per-batch 250] [--json file]`
// Streams 1,000-event batches into POST /api/v1/events (the real route handler, in-process: token check,
// rate limit, validation, one transaction with the idempotency key, projection, diagnosis queued) on a
// throwaway PostgreSQL, with the diagnosis worker running alongside as in production, and prints events
// per second, the latency of a batch, and how soon after the last batch every lead was diagnosed.
// `npm run bench` runs it in a process of its own (--json writes the figures there), as import-csv.ts.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CliError, runCli, wholeNumberOption } from "../lib/cli.ts";
import { startThrowawayCluster } from "./cluster.ts";
import { createTestDatabase } from "../../tests/databases.ts";
import { percentile } from "./measure.ts";
import type { Figure } from "./report.ts";

const BATCH = 1_000;
const TYPES = [
  { type: "contacted", channel: "email" },
  { type: "contacted", channel: "call" },
  { type: "note" },
  { type: "meeting_booked", channel: "meeting" },
] as const;

export interface ApiResult {
  batches: number;
  batchSize: number;
  leadsPerBatch: number;
  events: number;
  seconds: number;
  batchMedianMs: number;
  batchP95Ms: number;
  leads: number;
  diagnosed: number;
  diagnosisLagSeconds: number;
}

/** Streams `batches` batches of 1,000 events over `leadsPerBatch` leads each into the real route handler. */
export async function measureApiEvents(batches: number, leadsPerBatch: number): Promise<ApiResult> {
  const { cluster, discard } = await startThrowawayCluster("api");
  let result: ApiResult | undefined;
  try {
    const database = await createTestDatabase(cluster.url);
    process.env.DATABASE_URL = database.url;
    // The route reads the app's settings (the rate limit among them), which require a session secret.
    process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdefghijklmnop";
    const { seedImportWorkspace } = await import("../../lib/import/testing.ts");
    const { pool } = await import("../../lib/db/index.ts");
    const { upsertLeads } = await import("../../lib/leads/upsert.ts");
    const { createApiToken } = await import("../../lib/tokens/store.ts");
    const { POST } = await import("../../app/api/v1/events/route.ts");
    const { startEventWorkers } = await import("../../lib/events/workers.ts");
    const { stopBoss } = await import("../../lib/jobs/boss.ts");
    await startEventWorkers();
    const workspace = await seedImportWorkspace();
    const admin = await pool.query<{ id: number }>(
      "INSERT INTO users (email, name, role, password_hash, updated_at) VALUES ('bench@api.example', 'Bench', 'admin', 'x', now()) RETURNING id",
    );
    const { token } = await createApiToken({ name: "bench", scope: "write", userId: admin.rows[0]!.id });

    const leadCount = leadsPerBatch * batches;
    console.log(`Creating ${leadCount.toLocaleString("en")} leads…`);
    for (let start = 0; start < leadCount; start += 5_000) {
      const rows = Array.from({ length: Math.min(5_000, leadCount - start) }, (_, index) => ({
        externalId: `lead-${start + index}`,
        name: `Lead ${start + index}`,
        email: `lead${start + index}@company-${(start + index) % 2_000}.example`,
        capturedAt: new Date(Date.UTC(2025, 2, 1) + (start + index) * 60_000),
        originalSource: "website",
        ownerId: workspace.users.riley,
      }));
      await upsertLeads(pool, "crm", rows);
    }

    const latencies: number[] = [];
    const started = performance.now();
    for (let batch = 0; batch < batches; batch++) {
      const events = Array.from({ length: BATCH }, (_, index) => {
        const kind = TYPES[index % TYPES.length]!;
        return {
          lead: { sourceSystem: "crm", externalId: `lead-${batch * leadsPerBatch + (index % leadsPerBatch)}` },
          ...kind,
          occurredAt: new Date(Date.UTC(2025, 2, 2) + batch * 3_600_000 + index * 1_000).toISOString(),
          externalId: `bench-${batch}-${index}`,
          actor: { email: "riley.chen@demo.example" },
        };
      });
      const request = new Request("http://bench.test/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": `bench-${batch}` },
        body: JSON.stringify({ events }),
      });
      const at = performance.now();
      const response = await POST(request, { params: Promise.resolve({}) });
      latencies.push(performance.now() - at);
      if (response.status !== 201) throw new CliError(`batch ${batch}: ${response.status} ${await response.text()}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const total = batches * BATCH;
    const ingested = performance.now();
    const diagnosedCount = async () =>
      Number(
        (await pool.query<{ n: string }>("SELECT count(*) AS n FROM leads WHERE diagnosed_at IS NOT NULL AND source_system = 'crm'"))
          .rows[0]?.n ?? 0,
      );
    while ((await diagnosedCount()) < leadCount && performance.now() - ingested < 300_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const lag = (performance.now() - ingested) / 1000;
    latencies.sort((a, b) => a - b);
    result = {
      batches,
      batchSize: BATCH,
      leadsPerBatch,
      events: total,
      seconds,
      batchMedianMs: percentile(latencies, 50),
      batchP95Ms: percentile(latencies, 95),
      leads: leadCount,
      diagnosed: await diagnosedCount(),
      diagnosisLagSeconds: lag,
    };
    await stopBoss();
    await pool.end();
    await database.drop().catch(() => undefined);
  } finally {
    await discard();
  }
  return result!;
}

export function printApi(result: ApiResult) {
  console.log(
    `\nPOST /api/v1/events, ${result.batches} batches of ${result.batchSize.toLocaleString("en")} events over ${result.leadsPerBatch} leads each:`,
  );
  console.log(
    `  ${Math.round(result.events / result.seconds).toLocaleString("en")} events/s   (${result.events.toLocaleString("en")} events in ${result.seconds.toFixed(1)} s)`,
  );
  console.log(`  batch latency   median ${result.batchMedianMs.toFixed(0)} ms, p95 ${result.batchP95Ms.toFixed(0)} ms`);
  console.log(
    `  leads diagnosed ${result.diagnosed.toLocaleString("en")} of ${result.leads.toLocaleString("en")}, all within ${result.diagnosisLagSeconds.toFixed(1)} s of the last batch`,
  );
}

/** The figures `npm run bench` prints. */
export function apiFigures(result: ApiResult): Figure[] {
  const shape = `${result.batches} batches of ${result.batchSize.toLocaleString("en")}, ${result.leadsPerBatch} leads each`;
  return [
    { area: "api", name: `POST /api/v1/events (${shape})`, value: result.events / result.seconds, unit: "events/s" },
    { area: "api", name: "batch latency, median", value: result.batchMedianMs, unit: "ms" },
    { area: "api", name: "batch latency, p95", value: result.batchP95Ms, unit: "ms" },
    {
      area: "api",
      name: "every lead diagnosed after the last batch",
      detail: `${result.diagnosed.toLocaleString("en")} of ${result.leads.toLocaleString("en")}`,
      value: result.diagnosisLagSeconds,
      unit: "s",
      target: "all leads diagnosed",
      ok: result.diagnosed === result.leads,
    },
  ];
}

const isMain = process.argv[1]?.endsWith("scripts/bench/api-events.ts");
if (isMain) {
  await runCli("bench:api", async () => {
    const { values } = parseArgs({
      options: {
        batches: { type: "string", default: "30" },
        "leads-per-batch": { type: "string", default: "250" },
        json: { type: "string" },
      },
    });
    const batches = wholeNumberOption(values.batches, 3, 500, "--batches must be a whole number from 3 to 500");
    const leadsPerBatch = wholeNumberOption(values["leads-per-batch"], 1, BATCH, "--leads-per-batch must be from 1 to 1,000");
    const result = await measureApiEvents(batches, leadsPerBatch);
    printApi(result);
    if (values.json) await writeFile(values.json, JSON.stringify(result));
  });
}
