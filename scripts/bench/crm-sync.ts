// `npx tsx --conditions=react-server scripts/bench/crm-sync.ts [--contacts 100000] [--runs 3] [--json file]`
// The HubSpot sync end to end on a throwaway PostgreSQL: a contract-server portal of N contacts with ten
// history entries and engagements each (owner changes, status changes, calls, emails, meetings, tasks),
// read through the official client over HTTP, mapped, written and diagnosed page by page. Prints the
// backfill's leads per second (diagnosis included), the process's peak memory above the portal it serves
// (the sync's own footprint: it holds one page at a time), and the median time of an incremental sync
// of 100 changed records. `npm run bench` runs it in a process of its own, as api-events.ts.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runCli, wholeNumberOption } from "../lib/cli.ts";
import { startThrowawayCluster } from "./cluster.ts";
import { createTestDatabase } from "../../tests/databases.ts";
import type { Figure } from "./report.ts";

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
    const { createHubspotConnection, startHubspot } = await import("../../lib/sync/testing/hubspot-fixture.ts");
    const { HubspotPortal } = await import("../../lib/sync/testing/hubspot-store.ts");

    console.log(`Building a portal of ${contacts.toLocaleString("en")} contacts…`);
    const portal = new HubspotPortal();
    const owners = Array.from({ length: 50 }, (_, index) =>
      portal.addOwner({ email: `owner${index}@bench.example`, firstName: "Owner", lastName: String(index) }),
    );
    const base = Date.UTC(2026, 0, 5, 8);
    let entries = 0;
    for (let index = 0; index < contacts; index++) {
      const at = (minutes: number) => new Date(base + index * 30_000 + minutes * 60_000);
      const id = String(100_000 + index);
      const first = owners[index % owners.length]!;
      const second = owners[(index + 7) % owners.length]!;
      portal.addContact({
        id,
        createdAt: at(0),
        properties: {
          firstname: "Bench",
          lastname: `Contact${index}`,
          email: `c${index}@co${index % 5000}.example`,
          hs_lead_status: "NEW",
          lifecyclestage: "lead",
          hs_analytics_source: "ORGANIC_SEARCH",
        },
      });
      portal.setProperties(id, { hubspot_owner_id: first.id }, at(4), { sourceType: "AUTOMATION_PLATFORM" });
      portal.setProperties(id, { hubspot_owner_id: second.id }, at(30), { sourceType: "CRM_UI", updatedByUserId: first.userId });
      portal.setProperties(id, { hs_lead_status: "IN_PROGRESS" }, at(45), { sourceType: "CRM_UI", updatedByUserId: second.userId });
      portal.setProperties(id, { lifecyclestage: "salesqualifiedlead" }, at(600), { sourceType: "CRM_UI", updatedByUserId: second.userId });
      portal.addEngagement(
        "calls",
        [id],
        { hs_timestamp: at(50).toISOString(), hubspot_owner_id: second.id, hs_call_direction: "OUTBOUND" },
        at(50),
      );
      portal.addEngagement(
        "emails",
        [id],
        { hs_timestamp: at(55).toISOString(), hubspot_owner_id: second.id, hs_email_direction: "EMAIL" },
        at(55),
      );
      portal.addEngagement("meetings", [id], { hs_timestamp: at(2000).toISOString(), hubspot_owner_id: second.id }, at(60));
      portal.addEngagement(
        "tasks",
        [id],
        { hs_timestamp: at(3000).toISOString(), hubspot_owner_id: second.id, hs_task_subject: "Follow up" },
        at(65),
      );
      // Read by the sync: 2 owner, 2 lead status and 2 lifecycle stage values, and 4 engagements.
      entries += 10;
    }
    const server = await startHubspot(portal);
    const connectionId = await createHubspotConnection(server, { kind: "private_app", accessToken: server.issueToken() });
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
      const at = new Date(Date.now() + (run + 1) * 60_000);
      for (let index = 0; index < 100; index++) {
        const id = String(100_000 + (((run * 100 + index) * 37) % contacts));
        portal.setProperties(id, { hubspot_owner_id: owners[(index + run) % owners.length]!.id }, at, { sourceType: "CRM_UI" });
      }
      const began = performance.now();
      const summary = await runHubspotSync(connectionId, "incremental");
      incrementalSeconds.push((performance.now() - began) / 1000);
      if (summary.status !== "succeeded") throw new Error(`incremental ${summary.status}: ${summary.message}`);
    }
    const leads = await db.lead.count();
    const events = await db.handoffEvent.count();
    await server.stop();
    await pool.end();
    await database.drop().catch(() => undefined);
    return { contacts, entries, backfillSeconds, leads, events, baselineRssMb, peakRssMb: peak, incrementalSeconds };
  } finally {
    await discard();
  }
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
      name: "peak memory above the served portal during the backfill",
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
      `  memory          peak ${result.peakRssMb.toFixed(0)} MB, ${(result.peakRssMb - result.baselineRssMb).toFixed(0)} MB above the portal held in this process`,
    );
    console.log(
      `  incremental     100 changed records: ${result.incrementalSeconds.map((seconds) => seconds.toFixed(2)).join(", ")} s (median ${median(result.incrementalSeconds).toFixed(2)} s)`,
    );
    if (values.json) await writeFile(values.json, JSON.stringify(result));
  });
}
