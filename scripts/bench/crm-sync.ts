// `npx tsx --conditions=react-server scripts/bench/crm-sync.ts [--contacts 100000] [--runs 3] [--json file]`
// The HubSpot sync end to end on a throwaway PostgreSQL: a contract-server portal of N contacts with ten
// history entries and engagements each (owner changes, status changes, calls, emails, meetings, tasks),
// read through the official client over HTTP, mapped, written and diagnosed page by page. The portal is
// built and served by a process of its own (hubspot-portal.ts), as HubSpot runs elsewhere. Prints the
// backfill's leads per second (diagnosis included), the syncing process's peak memory and its growth
// during the backfill (it holds one group of pages at a time), and the median time of an incremental sync
// of 100 changed records. `npm run bench` runs it in a process of its own, as api-events.ts.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runCli, wholeNumberOption } from "../lib/cli.ts";
import { startThrowawayCluster } from "./cluster.ts";
import { createTestDatabase } from "../../tests/databases.ts";
import type { Figure } from "./report.ts";
import type { PortalReply, PortalRequest } from "./hubspot-portal.ts";

export interface SyncResult {
  contacts: number;
  entries: number;
  backfillSeconds: number;
  leads: number;
  events: number;
  baselineRssMb: number;
  peakRssMb: number;
  incrementalSeconds: number[];
}

export async function measureCrmSync(contacts: number, runs: number): Promise<SyncResult> {
  const { cluster, discard } = await startThrowawayCluster("sync");
  try {
    const database = await createTestDatabase(cluster.url);
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdefghijklmnop";
    process.env.BATON_ENCRYPTION_KEY ??= randomBytes(32).toString("hex");
    const { db, pool } = await import("../../lib/db/index.ts");
    const { runHubspotSync } = await import("../../lib/sync/hubspot/sync.ts");
    const { createHubspotConnection } = await import("../../lib/sync/testing/hubspot-fixture.ts");

    console.log(`Building a portal of ${contacts.toLocaleString("en")} contacts in a process of its own…`);
    const portal = await startPortal(contacts);
    const entries = portal.ready.entries;
    const connectionId = await createHubspotConnection(
      { url: portal.ready.url, portal: { portalId: portal.ready.portalId } },
      { kind: "private_app", accessToken: portal.ready.token },
    );
    global.gc?.();
    const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
    let peak = baselineRssMb;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 200);

    console.log("Backfill…");
    const started = performance.now();
    const backfill = await runHubspotSync(connectionId, "backfill");
    const backfillSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (backfill.status !== "succeeded") throw new Error(`backfill ${backfill.status}: ${backfill.message}`);

    const incrementalSeconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      await portal.request({ kind: "change", run });
      const began = performance.now();
      const summary = await runHubspotSync(connectionId, "incremental");
      incrementalSeconds.push((performance.now() - began) / 1000);
      if (summary.status !== "succeeded") throw new Error(`incremental ${summary.status}: ${summary.message}`);
    }
    const leads = await db.lead.count();
    const events = await db.handoffEvent.count();
    await portal.stop();
    await pool.end();
    await database.drop().catch(() => undefined);
    return { contacts, entries, backfillSeconds, leads, events, baselineRssMb, peakRssMb: peak, incrementalSeconds };
  } finally {
    await discard();
  }
}

/** The portal's process (hubspot-portal.ts), ready to serve, and a way to ask it for changes. */
async function startPortal(contacts: number) {
  const child = fork("scripts/bench/hubspot-portal.ts", [String(contacts)], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // A failed run must not leave the portal serving behind it.
  process.once("exit", () => child.kill());
  const next = () =>
    new Promise<PortalReply>((resolve, reject) => {
      const failed = (code: number | null) => reject(new Error(`the portal process exited with ${code}`));
      child.once("exit", failed);
      child.once("message", (reply: PortalReply) => {
        child.off("exit", failed);
        resolve(reply);
      });
    });
  const ready = await next();
  if (ready.kind !== "ready") throw new Error(`the portal process answered ${ready.kind} before it was ready`);
  return {
    ready,
    request: async (request: PortalRequest) => {
      const reply = next();
      child.send(request);
      return reply;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ kind: "stop" } satisfies PortalRequest);
      await exited;
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function syncFigures(result: SyncResult): Figure[] {
  const shape = `${result.contacts.toLocaleString("en")} contacts, ${result.entries.toLocaleString("en")} history entries and engagements`;
  return [
    {
      area: "sync",
      name: `HubSpot backfill incl. diagnosis (${shape})`,
      value: result.leads / result.backfillSeconds,
      unit: "leads/s",
      target: ">= 2,000 leads/s at 100k",
      ok: result.contacts >= 100_000 ? result.leads / result.backfillSeconds >= 2_000 : undefined,
    },
    {
      area: "sync",
      name: "the syncing process's memory growth during the backfill (peak RSS above its start)",
      value: result.peakRssMb - result.baselineRssMb,
      unit: "MB",
    },
    {
      area: "sync",
      name: `incremental sync of 100 changed records, median of ${result.incrementalSeconds.length}`,
      value: median(result.incrementalSeconds),
      unit: "s",
      target: "< 5 s",
      ok: median(result.incrementalSeconds) < 5,
    },
  ];
}

const isMain = process.argv[1]?.endsWith("scripts/bench/crm-sync.ts");
if (isMain) {
  await runCli("bench:sync", async () => {
    const { values } = parseArgs({
      options: { contacts: { type: "string", default: "100000" }, runs: { type: "string", default: "3" }, json: { type: "string" } },
    });
    const contacts = wholeNumberOption(values.contacts, 200, 1_000_000, "--contacts must be a whole number from 200 to 1,000,000");
    const runs = wholeNumberOption(values.runs, 1, 20, "--runs must be a whole number from 1 to 20");
    const result = await measureCrmSync(contacts, runs);
    console.log(
      `\nHubSpot sync against the contract server (${result.contacts.toLocaleString("en")} contacts, ${result.entries.toLocaleString("en")} entries):`,
    );
    console.log(
      `  backfill        ${Math.round(result.leads / result.backfillSeconds).toLocaleString("en")} leads/s incl. diagnosis (${result.leads.toLocaleString("en")} leads, ${result.events.toLocaleString("en")} events in ${result.backfillSeconds.toFixed(1)} s)`,
    );
    console.log(
      `  memory          peak ${result.peakRssMb.toFixed(0)} MB, ${(result.peakRssMb - result.baselineRssMb).toFixed(0)} MB more than before the backfill (the syncing process; the portal is served by another)`,
    );
    console.log(
      `  incremental     100 changed records: ${result.incrementalSeconds.map((seconds) => seconds.toFixed(2)).join(", ")} s (median ${median(result.incrementalSeconds).toFixed(2)} s)`,
    );
    if (values.json) await writeFile(values.json, JSON.stringify(result));
  });
}
